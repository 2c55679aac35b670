/*
 * warcreaders: how fast two readers take every record out of a WARC file,
 * for README "Input" (the choice of warc.c over libarchive):
 *
 *   warcreaders own|libarchive FILE
 *
 * own: src/warc.c, every record's block kept; libarchive: its WARC format
 * reader with every filter, each entry's data read. Prints records, block
 * bytes and what the record headers gave (libarchive has no WARC-Record-ID).
 * Built by hand (README, "Input"):
 *   cc -O2 -Isrc tests/bench/warcreaders.c build/warc.o build/buf.o build/util.o \
 *      build/xalloc.o build/sanitize.o -larchive -lz -o build/warcreaders
 */
#include <archive.h>
#include <archive_entry.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warc.h"

static int want_all(const struct warc_record *r, void *ctx)
{
	(void)r;
	(void)ctx;
	return 1;
}

static int own(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct warc *w;
	struct warc_record r;
	unsigned long long n = 0, bytes = 0, ids = 0;
	int st;

	if (!f)
		return 1;
	memset(&r, 0, sizeof(r));
	w = warc_open(f, path, 1UL << 30);
	while ((st = warc_next(w, &r, want_all, NULL)) != 0) {
		if (st < 0)
			continue;
		n++;
		bytes += r.block.len;
		ids += r.id.len > 0;
	}
	printf("own: %llu records, %llu block bytes, %llu with WARC-Record-ID\n", n, bytes, ids);
	warc_record_release(&r);
	warc_free(w);
	fclose(f);
	return 0;
}

static int libarchive(const char *path)
{
	struct archive *a = archive_read_new();
	struct archive_entry *e;
	static char buf[1 << 16];
	unsigned long long n = 0, bytes = 0, uris = 0;
	la_ssize_t got;
	int st;

	archive_read_support_filter_all(a);
	archive_read_support_format_warc(a);
	if (archive_read_open_filename(a, path, getenv("BLOCK") ? (size_t)atol(getenv("BLOCK")) : 1 << 16) != ARCHIVE_OK) {
		fprintf(stderr, "libarchive: %s\n", archive_error_string(a));
		return 1;
	}
	while ((st = archive_read_next_header(a, &e)) == ARCHIVE_OK) {
		n++;
		uris += archive_entry_pathname(e) != NULL;
		while ((got = archive_read_data(a, buf, sizeof(buf))) > 0)
			bytes += (unsigned long long)got;
	}
	if (st != ARCHIVE_EOF)
		fprintf(stderr, "libarchive: stopped: %s\n", archive_error_string(a));
	printf("libarchive: %llu entries, %llu data bytes, %llu with a pathname (WARC-Target-URI)\n",
	       n, bytes, uris);
	archive_read_free(a);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fputs("usage: warcreaders own|libarchive FILE\n", stderr);
		return 2;
	}
	return !strcmp(argv[1], "own") ? own(argv[2]) : libarchive(argv[2]);
}
