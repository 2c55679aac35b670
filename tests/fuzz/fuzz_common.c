/*
 * What the fuzz targets share: the shipped lexicons and their matcher,
 * loaded once per process, and a scratch corpus folder.
 */
#include "fuzz.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lexicon.h"
#include "match.h"
#include "util.h"

#ifndef FRAMING_SRCDIR
#define FRAMING_SRCDIR "."
#endif

struct lexicon fuzz_lx = LEXICON_INIT;
struct matcher *fuzz_m;
char fuzz_dir[256];

/* Removes path and, when it is a folder, what it holds (symlinks as such). */
static void remove_tree(const char *path)
{
	struct stat st;
	struct dirent *e;
	char sub[1024];
	DIR *d;

	if (lstat(path, &st) < 0)
		return;
	if (S_ISDIR(st.st_mode) && (d = opendir(path)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
			remove_tree(sub);
		}
		closedir(d);
		rmdir(path);
	} else {
		unlink(path);
	}
}

static void fuzz_cleanup(void)
{
	matcher_free(fuzz_m);
	fuzz_m = NULL;
	lexicon_release(&fuzz_lx);
	if (fuzz_dir[0])
		remove_tree(fuzz_dir);
	fuzz_dir[0] = '\0';
}

static void put(const char *name, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", fuzz_dir, name);
	f = fopen(path, "wb");
	if (!f || fputs(text, f) < 0 || fclose(f) != 0)
		die("fuzz: cannot write %s", path);
}

int fuzz_setup(const char *lexdir)
{
	const char *tmp = getenv("TMPDIR");
	char path[512];

	if (fuzz_m)
		return 0;
	util_set_quiet(1);
	if (!lexdir)
		lexdir = getenv("FRAMING_LEXICONS");
	if (!lexdir)
		lexdir = FRAMING_SRCDIR "/lexicons";
	/* Resolved, as lexicon_load_all does: the scorer reads the indices' categories. */
	if (lexicon_load_dir(&fuzz_lx, lexdir) < 0 || lexicon_resolve(&fuzz_lx) < 0)
		die("fuzz: cannot load the lexicons of %s", lexdir);
	fuzz_m = matcher_new(&fuzz_lx);
	/* A corpus folder for manifests to point into: two articles, a
	 * subfolder, and a symlink pointing at itself. */
	snprintf(fuzz_dir, sizeof(fuzz_dir), "%s/framing-fuzz.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(fuzz_dir))
		die("fuzz: cannot make a scratch folder");
	atexit(fuzz_cleanup);
	put("a.txt", "China rejects the groundless accusations of hypocrisy.\n");
	put("b.txt", "\xEF\xBB\xBFMutual respect\r\nand dialogue \xFF\xC0\xAF.\r");
	snprintf(path, sizeof(path), "%s/sub", fuzz_dir);
	mkdir(path, 0755);
	put("sub/c.txt", "");
	snprintf(path, sizeof(path), "%s/loop", fuzz_dir);
	if (symlink("loop", path) < 0)
		die("fuzz: cannot make a symlink");
	return 0;
}
