/*
 * framing import (see importrun.h): every input is opened first, so that
 * the manifest's header names the extra columns of all of them; then each
 * article becomes OUTLET/ID.txt (names made safe, never overwritten) and a
 * manifest row; last, the folder is loaded as framing reads a corpus, so
 * that a folder the other commands would refuse is reported now.
 */
#include "importrun.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "charset.h"
#include "corpus.h"
#include "date.h"
#include "fsutil.h"
#include "sort.h"
#include "source.h"
#include "util.h"
#include "xalloc.h"
#include "xmlin.h"
#include "banned.h"

/* The longest file or folder name import makes, in bytes, before a "-N" to keep it unique. */
#define IMPORT_MAX_NAME 100

void import_opts_init(struct import_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->max_bytes = SOURCE_DEFAULT_MAX_BYTES;
}

enum kind { KIND_CSV, KIND_JSONL, KIND_WARC, KIND_XML };

struct input {
	const char *path;
	enum kind kind;
	struct source *s;
	struct source_options so;	/* s keeps a pointer to it (the WARC reader does) */
};

struct importer {
	const struct import_opts *o;
	struct xmlin_fields fields;
	FILE *manifest;
	char **extra;		/* the manifest's extra columns */
	size_t nextra, alloc;
	size_t articles, skipped;
	int failed;
	const char *xml_outlet, *xml_file;
	/* XML: articles of the file with each field (title, body, date); without a body, in all */
	size_t xml_found[3], xml_nobody, xml_bodies;
};

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && !strcasecmp(s + n - k, suffix);
}

/*
 * The kind of an input: a folder is XML files, a file is named by its
 * extension. A stream kind source.c reads (WARC, once it does) is added
 * here and opened by open_stream.
 */
static int input_kind(const char *path, enum kind *k)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return error("%s: %s", path, strerror(errno));
	if (S_ISDIR(st.st_mode))
		*k = KIND_XML;
	else if (ends_with(path, ".csv") || ends_with(path, ".tsv"))
		*k = KIND_CSV;
	else if (ends_with(path, ".jsonl") || ends_with(path, ".ndjson") || ends_with(path, ".json"))
		*k = KIND_JSONL;
	else if (ends_with(path, ".warc") || ends_with(path, ".warc.gz"))
		*k = KIND_WARC;
	else
		return error("%s: not a folder of XML files, nor a .csv, .tsv, .jsonl, .ndjson, "
			     ".warc or .warc.gz file", path);
	return 0;
}

static struct source *open_stream(const struct import_opts *o, struct input *in)
{
	struct source_options init = SOURCE_OPTIONS_INIT, *so = &in->so;
	struct source *s;

	*so = init;
	so->max_bytes = o->max_bytes;
	if (in->kind == KIND_WARC) {
		/* A list of one borrowed name: alloc 0, nothing to release. */
		so->warc.files.items = &in->path;
		so->warc.files.n = 1;
	} else {
		so->jsonl = in->path;
	}
	if (in->kind == KIND_CSV) {
		so->csv = in->path;
		so->delim = ends_with(in->path, ".tsv") ? '\t' : ',';
		if (o->delimiter)
			so->delim = !strcmp(o->delimiter, "tab") ? '\t' : o->delimiter[0];
	}
	s = source_open(so);
	if (s)
		source_keep_markup(s);
	return s;
}

static void add_extra(struct importer *im, const char *name)
{
	size_t i;

	for (i = 0; i < im->nextra; i++)
		if (!strcmp(im->extra[i], name))
			return;
	ALLOC_GROW(im->extra, im->nextra + 1, im->alloc);
	im->extra[im->nextra++] = xstrdup(name);
}

/* An output folder that exists must be empty: import never mixes with or overwrites files. */
static int check_output(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d) {
		if (errno == ENOENT)
			return ensure_dir(dir);
		return error("%s: %s", dir, strerror(errno));
	}
	while ((e = readdir(d))) {
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			closedir(d);
			return error("%s: not empty; import writes a new folder (give another -o)", dir);
		}
	}
	closedir(d);
	return 0;
}

/*
 * A file or folder name made of what s holds: ASCII letters, digits, '-',
 * '_' and '.' are kept, any other byte (a '/', a space, UTF-8) becomes
 * '_', a leading '.' too (no "..", no hidden files), at most
 * IMPORT_MAX_NAME bytes; "article" when nothing is left.
 */
static void safe_name(struct buf *b, const char *s)
{
	size_t start = b->len, n;

	for (n = 0; s[n] && n < IMPORT_MAX_NAME; n++) {
		char c = s[n];
		int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
			 c == '-' || c == '_' || (c == '.' && n > 0);
		buf_addch(b, ok ? c : '_');
	}
	if (b->len == start)
		buf_adds(b, "article");
}

/*
 * Writes text to a new file OUTLET/ID[-N].EXT under the output (.html for
 * a page's markup, which the folder reads as a page again); its name
 * relative to the output into rel.
 */
static int write_article(struct importer *im, const char *outlet, const char *id,
			 const char *text, size_t len, const char *ext, struct buf *rel)
{
	struct buf dir = BUF_INIT, path = BUF_INIT, base = BUF_INIT;
	size_t k, off = 0;
	int fd = -1, status = 0;

	buf_reset(rel);
	safe_name(&base, outlet);
	buf_addf(&dir, "%s/%s", im->o->output, base.data);
	if (ensure_dir(dir.data) < 0) {
		status = -1;
		goto out;
	}
	buf_addch(&base, '/');
	safe_name(&base, id);
	for (k = 1; fd < 0; k++) {
		buf_reset(rel);
		buf_adds(rel, base.data);
		if (k > 1)
			buf_addf(rel, "-%zu", k);
		buf_adds(rel, ext);
		buf_reset(&path);
		buf_addf(&path, "%s/%s", im->o->output, rel->data);
		fd = open(path.data, O_WRONLY | O_CREAT | O_EXCL, 0644);
		if (fd < 0 && errno != EEXIST) {
			status = error("%s: %s", path.data, strerror(errno));
			goto out;
		}
	}
	while (off < len) {
		ssize_t w = write(fd, text + off, len - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			status = error("%s: %s", path.data, strerror(errno));
			break;
		}
		off += (size_t)w;
	}
	if (close(fd) < 0 && !status)
		status = error("%s: %s", path.data, strerror(errno));
out:
	buf_release(&dir);
	buf_release(&path);
	buf_release(&base);
	return status;
}

/* A manifest field: tabs, line ends and control characters shown as scores.tsv shows them. */
static void put_field(struct buf *row, const char *s)
{
	buf_add_tsv_field(row, s, strlen(s));
}

/* Whether a page declares an encoding other than UTF-8 (and has no byte order mark). */
static int names_other_charset(const char *text, size_t len)
{
	struct buf name = BUF_INIT;
	size_t bom;
	int other = charset_sniff(text, len, &name, &bom) == 0 && !bom &&
		    strcmp(name.data, "utf-8") && strcmp(name.data, "utf8");

	buf_release(&name);
	return other;
}

/* One article: its file and its manifest row (extra values by name, "" when its input lacks one). */
static int add_article(struct importer *im, const struct article *a, char *const *names,
		       size_t nnames, const char *text, size_t len)
{
	struct buf rel = BUF_INIT, row = BUF_INIT, page = BUF_INIT;
	size_t i, j;
	int status;

	/*
	 * A page reaches here in UTF-8 (a JSON string; a WARC payload decoded
	 * from its Content-Type charset), but its <meta charset> may still
	 * name another: then a UTF-8 byte order mark, which wins over <meta>
	 * when the folder is read, keeps the file read as what it now is.
	 */
	if (a->markup && names_other_charset(text, len)) {
		buf_adds(&page, "\xEF\xBB\xBF");
		buf_add(&page, text, len);
		text = page.data;
		len = page.len;
	}
	status = write_article(im, a->outlet, a->id, text, len, a->markup ? ".html" : ".txt", &rel);
	buf_release(&page);

	if (status == 0) {
		put_field(&row, a->id);
		buf_addch(&row, '\t');
		buf_adds(&row, rel.data);
		buf_addch(&row, '\t');
		put_field(&row, a->outlet);
		buf_addch(&row, '\t');
		put_field(&row, a->date);
		buf_addch(&row, '\t');
		put_field(&row, a->title);
		for (i = 0; i < im->nextra; i++) {
			buf_addch(&row, '\t');
			for (j = 0; j < nnames; j++)
				if (!strcmp(names[j], im->extra[i]))
					put_field(&row, a->extra[j]);
		}
		buf_addch(&row, '\n');
		if (fwrite(row.data, 1, row.len, im->manifest) != row.len)
			status = error("%s/manifest.tsv: %s", im->o->output, strerror(errno));
		im->articles++;
	}
	buf_release(&rel);
	buf_release(&row);
	return status;
}

static int import_stream(struct importer *im, struct source *s)
{
	size_t nnames;
	char *const *names = source_extra_names(s, &nnames);
	struct article a;
	char *text;
	size_t len;
	int r;

	while ((r = source_next(s, &a, &text, &len)) != 0) {
		if (r < 0) {
			im->skipped++;
			continue;
		}
		if (add_article(im, &a, names, nnames, text, len) < 0)
			im->failed = 1;
		article_release(&a, nnames);
		free(text);
		if (im->failed)
			return -1;
	}
	return 0;
}

/* An XML article: id FILE (FILE-N when the file holds more than one), the date normalised. */
static int xml_article(void *ctx, const struct xmlin_article *x)
{
	struct importer *im = ctx;
	struct buf id = BUF_INIT, base = BUF_INIT;
	struct article a;
	char iso[11] = "";
	const char *name = buf_base_name(im->xml_file, &base);
	const char *dot = strrchr(name, '.');

	im->xml_found[0] += x->has_title != 0;
	im->xml_found[1] += x->has_body != 0;
	im->xml_found[2] += x->has_date != 0;
	if (!x->has_body) {
		/* A Reuters item with a title and no story: no article (it was an empty file). */
		im->xml_nobody++;
		buf_release(&base);
		return 0;
	}
	im->xml_bodies++;
	buf_add(&id, name, dot && dot != name ? (size_t)(dot - name) : strlen(name));
	if (x->count > 1)
		buf_addf(&id, "-%zu", x->index + 1);
	if (*x->date && date_normalise(x->date, iso) < 0)
		warning("%s: article %zu: date '%s' is none of the forms import reads; left empty",
			im->xml_file, x->index + 1, x->date);
	memset(&a, 0, sizeof(a));
	a.id = id.data;
	a.outlet = (char *)im->xml_outlet;
	a.date = iso;
	a.title = (char *)x->title;
	if (add_article(im, &a, NULL, 0, x->text, strlen(x->text)) < 0)
		im->failed = 1;
	buf_release(&id);
	buf_release(&base);
	return im->failed;
}

/*
 * Warns of each field of --xml-fields no article of the file has (a name
 * misspelt, or the file another shape), and of articles left out for
 * want of a text.
 */
static void fields_missing(struct importer *im, long count, size_t nobody)
{
	const char *names[3] = { im->fields.title, im->fields.body, im->fields.date };
	static const char *const roles[3] = { "title", "text", "date" };
	size_t i;

	for (i = 0; i < 3 && count > 0; i++)
		if (!im->xml_found[i])
			warning("%s: none of its %ld article%s has a <%s> element (the %s named by "
				"--xml-fields)", im->xml_file, count, count == 1 ? "" : "s", names[i],
				roles[i]);
	if (nobody && im->xml_found[1])
		warning("%s: %zu of its %ld articles have no <%s> element; left out", im->xml_file,
			nobody, count, names[1]);
}

static int cmp_names(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* The files of a folder of XML, in name order (hidden files aside). */
static int import_xml_dir(struct importer *im, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct buf base = BUF_INIT;
	char **files = NULL;
	size_t n = 0, alloc = 0, i, nobody, articles = 0;
	long got;

	if (!d)
		return error("%s: %s", dir, strerror(errno));
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		ALLOC_GROW(files, n + 1, alloc);
		files[n++] = path_join(dir, e->d_name);
	}
	closedir(d);
	sort_array(files, n, sizeof(*files), cmp_names);
	im->xml_outlet = im->o->outlet ? im->o->outlet : buf_base_name(dir, &base);
	for (i = 0; i < n && !im->failed; i++) {
		struct stat st;
		if (stat(files[i], &st) < 0 || !S_ISREG(st.st_mode))
			continue;
		im->xml_file = files[i];
		memset(im->xml_found, 0, sizeof(im->xml_found));
		nobody = im->xml_nobody;
		got = xmlin_read(files[i], &im->fields, im->o->max_bytes, xml_article, im);
		if (got < 0)
			im->skipped++;
		else
			fields_missing(im, got, im->xml_nobody - nobody);
		articles += got > 0 ? (size_t)got : 0;
	}
	if (articles && !im->xml_bodies && !im->failed)
		im->failed = error("%s: none of its %zu articles has a <%s> element (the text named by "
				   "--xml-fields %s); nothing imported from it", dir, articles,
				   im->fields.body, im->o->xml_fields);
	for (i = 0; i < n; i++)
		free(files[i]);
	free(files);
	buf_release(&base);
	return im->failed ? -1 : 0;
}

static int write_header(struct importer *im)
{
	size_t i;

	fputs("id\tfile\toutlet\tdate\ttitle", im->manifest);
	for (i = 0; i < im->nextra; i++)
		fprintf(im->manifest, "\t%s", im->extra[i]);
	fputc('\n', im->manifest);
	return 0;
}

/* The folder as the other commands will read it: loaded, ids checked. */
static int check_folder(const char *dir)
{
	struct source_options so = SOURCE_OPTIONS_INIT;
	struct source *s;

	so.dir = dir;
	s = source_open(&so);
	if (!s)
		return error("%s: the folder written cannot be read as a corpus (above)", dir);
	source_free(s);
	return 0;
}

static int run(struct importer *im, struct input *in, int n)
{
	struct buf path = BUF_INIT;
	int i, status = 0;

	buf_addf(&path, "%s/manifest.tsv", im->o->output);
	im->manifest = fopen(path.data, "wb");
	if (!im->manifest) {
		status = error("%s: %s", path.data, strerror(errno));
		goto out;
	}
	write_header(im);
	for (i = 0; i < n && !im->failed; i++) {
		if (in[i].kind == KIND_XML)
			import_xml_dir(im, in[i].path);
		else
			import_stream(im, in[i].s);
	}
	if (fclose(im->manifest) != 0 && !im->failed)
		im->failed = error("%s: %s", path.data, strerror(errno));
	if (!im->failed && check_folder(im->o->output) < 0)
		im->failed = 1;
out:
	buf_release(&path);
	return status;
}

int import_run(const struct import_opts *o, char *const *inputs, int n)
{
	struct importer im;
	struct input *in = xcalloc((size_t)n, sizeof(*in));
	int i, status = EXIT_USAGE, bad = 0;

	memset(&im, 0, sizeof(im));
	im.o = o;
	if (o->delimiter && strcmp(o->delimiter, "tab") &&
	    (strlen(o->delimiter) != 1 || strchr("\"\r\n", o->delimiter[0]))) {
		error("--delimiter: '%s' is not one byte (or tab) other than a quote or a line end",
		      o->delimiter);
		goto out;
	}
	if (o->xml_fields && xmlin_fields_parse(o->xml_fields, &im.fields) < 0)
		goto out;
	for (i = 0; i < n; i++) {
		in[i].path = inputs[i];
		if (input_kind(inputs[i], &in[i].kind) < 0) {
			bad = 1;
		} else if (in[i].kind == KIND_XML && !o->xml_fields) {
			bad = error("%s: a folder: give --xml-fields TITLE,BODY,DATE to read its XML "
				    "files", inputs[i]);
		} else if (in[i].kind != KIND_XML) {
			size_t k, nn;
			char *const *names;
			if (!(in[i].s = open_stream(o, &in[i]))) {
				bad = 1;
				continue;
			}
			names = source_extra_names(in[i].s, &nn);
			for (k = 0; k < nn; k++)
				add_extra(&im, names[k]);
		}
	}
	if (bad || check_output(o->output) < 0)
		goto out;
	status = run(&im, in, n) < 0 || im.failed ? EXIT_FAILED
		 : im.skipped ? EXIT_FAILED : EXIT_OK;
	if (!o->quiet || status)
		inform("%zu article%s imported into %s", im.articles, im.articles == 1 ? "" : "s",
		       o->output);
	if (im.xml_nobody && (!o->quiet || status))
		inform("%zu XML article%s without a <%s> element left out", im.xml_nobody,
		       im.xml_nobody == 1 ? "" : "s", im.fields.body);
	if (im.skipped)
		error("%zu article%s or file%s skipped", im.skipped, im.skipped == 1 ? "" : "s",
		      im.skipped == 1 ? "" : "s");
out:
	for (i = 0; i < n; i++)
		source_free(in[i].s);
	free(in);
	for (i = 0; (size_t)i < im.nextra; i++)
		free(im.extra[i]);
	free(im.extra);
	xmlin_fields_release(&im.fields);
	return status;
}
