#include "corpus.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "fsutil.h"
#include "htmlpage.h"
#include "sort.h"
#include "date.h"
#include "text.h"
#include "tsv.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

static const char *const required[] = { "id", "file", "outlet", "date", "title" };
#define NREQUIRED (sizeof(required) / sizeof(required[0]))

/* A manifest path must stay inside the corpus: no absolute paths, no "..". */
static int escapes_corpus(const char *file)
{
	const char *p = file;

	if (*file == '/')
		return 1;
	while (*p) {
		size_t n = strcspn(p, "/");
		if (n == 2 && p[0] == '.' && p[1] == '.')
			return 1;
		p += n;
		if (*p == '/')
			p++;
	}
	return 0;
}

/*
 * Opens path and checks the opened file: a readable regular file whose
 * real path lies inside the corpus folder root (resolved), so that a link
 * (Out/pw.txt -> /etc/passwd, etcdir -> /etc) never brings in a file from
 * elsewhere. The real path is checked to be the file that was opened
 * (device and inode), so a link swapped between the two steps is caught.
 */
static int check_readable(const char *path, const char *where, const char *root, size_t *size)
{
	struct stat st, rst;
	char *real;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY), bad = 0;

	if (fd < 0)
		return error("%s: '%s': %s", where, path, strerror(errno));
	if (fstat(fd, &st) < 0) {
		bad = error("%s: '%s': %s", where, path, strerror(errno));
	} else if (!S_ISREG(st.st_mode)) {
		bad = error("%s: '%s': not a regular file", where, path);
	} else if (!(real = realpath(path, NULL))) {
		bad = error("%s: '%s': %s", where, path, strerror(errno));
	} else {
		if (!fsutil_inside(real, root))
			bad = error("%s: '%s' leads outside the corpus folder (to '%s'); "
				    "framing reads only files inside it", where, path, real);
		else if (stat(real, &rst) < 0 || rst.st_dev != st.st_dev || rst.st_ino != st.st_ino)
			bad = error("%s: '%s' changed while it was checked", where, path);
		free(real);
	}
	close(fd);
	*size = (size_t)st.st_size;
	return bad;
}

static struct article *new_article(struct corpus *c)
{
	struct article *a;

	ALLOC_GROW(c->articles, c->n + 1, c->alloc);
	a = &c->articles[c->n++];
	memset(a, 0, sizeof(*a));
	return a;
}

/*
 * Whether a header of one column is the required names split by commas
 * (or semicolons, as spreadsheets in some locales save CSV): a manifest
 * saved as CSV, which deserves one message rather than five missing columns.
 */
static int header_is_csv(const struct tsv *t)
{
	const char *h = tsv_column_name(t, 0);
	size_t i, len, found = 0;

	if (tsv_columns(t) != 1 || !strpbrk(h, ",;"))
		return 0;
	for (i = 0; i < NREQUIRED; i++) {
		const char *p = h;
		len = strlen(required[i]);
		while ((p = strstr(p, required[i])) != NULL) {
			int starts = p == h || strchr(",;\" ", p[-1]);
			int ends = !p[len] || strchr(",;\" ", p[len]);
			if (starts && ends) {
				found++;
				break;
			}
			p += len;
		}
	}
	return found >= 2;
}

/* Maps required names to column indexes; reports missing and doubled columns. */
static int read_header(struct tsv *t, long *col, long **extra_cols, struct corpus *c)
{
	size_t i, j, n = tsv_columns(t);
	int bad = 0;

	*extra_cols = NULL;
	if (header_is_csv(t))
		return error("%s:1: this looks like CSV; manifest.tsv is tab-separated (the header "
			     "needs id, file, outlet, date, title, split by tabs)", tsv_name(t));
	for (i = 0; i < NREQUIRED; i++) {
		col[i] = tsv_column(t, required[i]);
		if (col[i] < 0)
			bad = error("%s:1: missing column '%s' (the header needs id, file, "
				    "outlet, date, title)", tsv_name(t), required[i]);
	}
	*extra_cols = xcalloc(n, sizeof(**extra_cols));
	c->extra_names = xcalloc(n, sizeof(*c->extra_names));
	for (i = 0; i < n; i++) {
		const char *name = tsv_column_name(t, i);
		int is_required = 0;
		if (!*name)
			bad = error("%s:1: column %zu has no name", tsv_name(t), i + 1);
		for (j = 0; j < i; j++)
			if (!strcmp(name, tsv_column_name(t, j)))
				bad = error("%s:1: column '%s' appears twice", tsv_name(t), name);
		for (j = 0; j < NREQUIRED; j++)
			is_required |= !strcmp(name, required[j]);
		if (!is_required) {
			(*extra_cols)[c->nextra] = (long)i;
			c->extra_names[c->nextra++] = xstrdup(name);
		}
	}
	return bad;
}

static int cmp_article_id(const void *a, const void *b)
{
	const struct article *x = *(const struct article *const *)a;
	const struct article *y = *(const struct article *const *)b;
	int c = strcmp(x->id, y->id);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* Sorting a copy keeps the check n log n for a million articles. */
static int check_unique_ids(const struct corpus *c, const char *manifest)
{
	const struct article **sorted = xmalloc((c->n ? c->n : 1) * sizeof(*sorted));
	size_t i;
	int bad = 0;

	for (i = 0; i < c->n; i++)
		sorted[i] = &c->articles[i];
	sort_array(sorted, c->n, sizeof(*sorted), cmp_article_id);
	for (i = 1; i < c->n; i++)
		if (!strcmp(sorted[i]->id, sorted[i - 1]->id))
			bad = error("%s:%zu: duplicate id '%s' (first on line %zu)", manifest,
				    sorted[i]->line, sorted[i]->id, sorted[i - 1]->line);
	free(sorted);
	return bad;
}

static int read_manifest_row(struct corpus *c, struct tsv *t, const long *col,
			     const long *extra_cols)
{
	struct article *a = new_article(c);
	struct buf where = BUF_INIT;
	size_t i;
	int bad = 0;

	buf_addf(&where, "%s:%zu", tsv_name(t), tsv_line(t));
	a->line = tsv_line(t);
	a->id = xstrdup(tsv_field(t, (size_t)col[0]));
	a->file = xstrdup(tsv_field(t, (size_t)col[1]));
	a->outlet = xstrdup(tsv_field(t, (size_t)col[2]));
	a->date = xstrdup(tsv_field(t, (size_t)col[3]));
	a->title = xstrdup(tsv_field(t, (size_t)col[4]));
	a->extra = xcalloc(c->nextra ? c->nextra : 1, sizeof(*a->extra));
	for (i = 0; i < c->nextra; i++)
		a->extra[i] = xstrdup(tsv_field(t, (size_t)extra_cols[i]));
	a->path = path_join(c->dir, a->file);

	if (!*a->id)
		bad = error("%s: empty id", where.data);
	if (!*a->outlet)
		bad = error("%s: empty outlet", where.data);
	if (*a->date && !date_valid(a->date)) {
		char iso[11];
		/* The forms import reads (date_normalise): score and import agree. */
		if (date_normalise(a->date, iso) == 0) {
			free(a->date);
			a->date = xstrdup(iso);
		} else {
			bad = error("%s: bad date '%s' %s", where.data, a->date,
				    date_refusal(a->date));
		}
	}
	if (!*a->file)
		bad = error("%s: empty file name", where.data);
	else if (escapes_corpus(a->file))
		bad = error("%s: '%s' is outside the corpus folder", where.data, a->file);
	else if (check_readable(a->path, where.data, c->root, &a->size) < 0)
		bad = -1;
	buf_release(&where);
	return bad;
}

static int load_manifest(struct corpus *c)
{
	struct tsv *t = tsv_open(c->manifest);
	long col[NREQUIRED], *extra_cols = NULL;
	int bad, r;

	if (!t)
		return -1;
	bad = read_header(t, col, &extra_cols, c);
	if (bad) {
		free(extra_cols);
		tsv_close(t);
		return -1;
	}
	while ((r = tsv_next(t)) != 0) {
		if (r < 0 || read_manifest_row(c, t, col, extra_cols) < 0)
			bad = -1;
	}
	free(extra_cols);
	tsv_close(t);
	if (c->n == 0)
		bad = error("%s: no articles listed", c->manifest);
	if (check_unique_ids(c, c->manifest) < 0)
		bad = -1;
	return bad;
}

/* The first non-empty line of a file, cleaned up, as its title. */
char *corpus_first_line(const char *path)
{
	char chunk[4096];
	struct buf title = BUF_INIT;
	FILE *f = fopen(path, "rb");
	size_t got, pos = 0, start;

	if (!f)
		return xstrdup("");
	got = fread(chunk, 1, sizeof(chunk), f);
	fclose(f);
	if (got >= 3 && !memcmp(chunk, "\xEF\xBB\xBF", 3))
		pos = 3;
	for (;;) {
		while (pos < got && (chunk[pos] == '\n' || chunk[pos] == '\r'))
			pos++;
		start = pos;
		while (pos < got && chunk[pos] != '\n' && chunk[pos] != '\r')
			pos++;
		buf_reset(&title);
		text_append_clean(&title, chunk, start, pos);
		if (title.len || pos >= got)
			break;
	}
	return buf_detach(&title);
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted names in dir for which keep() is true; the caller frees them. */
static char **list_dir(const char *dir, int (*keep)(const char *, const char *), size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t alloc = 0;

	*n = 0;
	if (!d)
		return NULL;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || !keep(dir, e->d_name))
			continue;
		ALLOC_GROW(names, *n + 1, alloc);
		names[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	sort_array(names, *n, sizeof(*names), cmp_name);
	return names;
}

static int is_subdir(const char *dir, const char *name)
{
	struct stat st;
	char *p = path_join(dir, name);
	int ok = stat(p, &st) == 0 && S_ISDIR(st.st_mode);
	free(p);
	return ok;
}

static int is_text_file(const char *dir, const char *name)
{
	size_t len = strlen(name);
	(void)dir;
	return (len > 4 && !strcmp(name + len - 4, ".txt")) || htmlpage_is_html_name(name);
}

static void add_folder_article(struct corpus *c, const char *outlet, const char *odir,
			       const char *name, size_t size)
{
	struct article *a = new_article(c);
	int html = htmlpage_is_html_name(name);
	size_t stem = strlen(name) - (size_t)(strrchr(name, '.') ? strlen(strrchr(name, '.')) : 0);
	struct buf b = BUF_INIT;

	buf_addf(&b, "%s/%.*s", outlet, (int)stem, name);
	a->id = buf_detach(&b);
	a->outlet = xstrdup(outlet);
	buf_addf(&b, "%s/%s", outlet, name);
	a->file = buf_detach(&b);
	a->path = path_join(odir, name);
	/* A leading YYYY-MM-DD in the file name is the date. */
	buf_add(&b, name, strlen(name) >= 10 ? 10 : 0);
	a->date = date_valid(buf_str(&b)) ? buf_detach(&b) : xstrdup("");
	buf_release(&b);
	/* A page's title is read with the page (source.c). */
	a->title = html ? xstrdup("") : corpus_first_line(a->path);
	a->size = size;
	a->extra = xcalloc(1, sizeof(*a->extra));
}

/*
 * 1 when the folder odir is framing's output (-o DIR inside the corpus, as
 * `framing report C -o C/report` or scripts/eval-clean make it): it holds
 * run.tsv, a regular file that starts with the run stamp's header. Its
 * tables and report.html are no outlet's articles; a run that read them
 * would score its own report on the next run.
 */
static int is_output_folder(const char *odir)
{
	static const char header[] = "run\tkind\tname\tvalue\n";
	char got[sizeof(header) - 1];
	char *p = path_join(odir, "run.tsv");
	int fd = open(p, O_RDONLY | O_NONBLOCK | O_CLOEXEC), yes = 0;
	struct stat st;

	free(p);
	if (fd < 0)
		return 0;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)
	    && read(fd, got, sizeof(got)) == (ssize_t)sizeof(got)
	    && !memcmp(got, header, sizeof(got)))
		yes = 1;
	close(fd);
	return yes;
}

static int load_folders(struct corpus *c)
{
	size_t nout, i, j;
	char **outlets = list_dir(c->dir, is_subdir, &nout);
	int bad = 0;

	if (!outlets && nout == 0) {
		struct stat st;
		if (stat(c->dir, &st) < 0)
			return error("%s: %s", c->dir, strerror(errno));
		if (!S_ISDIR(st.st_mode))
			return error("%s: not a folder (a corpus is a folder with manifest.tsv "
				     "or with one folder per outlet)", c->dir);
	}
	for (i = 0; i < nout; i++) {
		char *odir = path_join(c->dir, outlets[i]);
		size_t nfiles = 0;
		char **files = NULL;
		if (is_output_folder(odir))
			warning("%s: skipped, a folder of framing's outputs (it holds run.tsv), "
				"not an outlet", odir);
		else
			files = list_dir(odir, is_text_file, &nfiles);
		for (j = 0; j < nfiles; j++) {
			char *p = path_join(odir, files[j]);
			size_t size;
			if (check_readable(p, odir, c->root, &size) < 0)
				bad = -1;
			else
				add_folder_article(c, outlets[i], odir, files[j], size);
			free(p);
			free(files[j]);
		}
		free(files);
		free(odir);
		free(outlets[i]);
	}
	free(outlets);
	if (!bad && c->n == 0)
		bad = error("%s: no manifest.tsv and no OUTLET/*.txt or *.html files", c->dir);
	return bad;
}

int corpus_load(const char *dir, struct corpus *c)
{
	struct stat st;
	char *manifest;

	c->dir = xstrdup(dir);
	c->root = realpath(dir, NULL);
	if (!c->root)
		return error("%s: %s", dir, strerror(errno));
	manifest = path_join(dir, "manifest.tsv");
	if (stat(manifest, &st) == 0) {
		c->manifest = manifest;
		return load_manifest(c);
	}
	free(manifest);
	return load_folders(c);
}

void article_release(struct article *a, size_t nextra)
{
	size_t j;

	free(a->id);
	free(a->outlet);
	free(a->date);
	free(a->title);
	free(a->file);
	free(a->path);
	for (j = 0; a->extra && j < nextra; j++)
		free(a->extra[j]);
	free(a->extra);
	htmlpage_release(a->page);
	free(a->page);
	memset(a, 0, sizeof(*a));
}

void corpus_release(struct corpus *c)
{
	size_t i, j;

	for (i = 0; i < c->n; i++)
		article_release(&c->articles[i], c->nextra);
	for (j = 0; j < c->nextra; j++)
		free(c->extra_names[j]);
	free(c->extra_names);
	free(c->articles);
	free(c->manifest);
	free(c->dir);
	free(c->root);
	memset(c, 0, sizeof(*c));
}

const char *corpus_extra(const struct corpus *c, const struct article *a, const char *name)
{
	size_t i;
	for (i = 0; i < c->nextra; i++)
		if (!strcmp(c->extra_names[i], name))
			return a->extra[i];
	return NULL;
}
