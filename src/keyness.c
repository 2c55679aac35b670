/*
 * keyness.tsv: which terms set an outlet apart from the others. Counts
 * come from what framing score wrote, so shards merge by summing.
 */
#include "keyness.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "counts.h"
#include "outfile.h"
#include "parse.h"
#include "scoretab.h"
#include "sort.h"
#include "stats.h"
#include "tsv.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

/* One count as read: kind 0 = token type, 1 = lexicon entry. */
struct kcount {
	int kind;
	char *term, *category, *outlet;	/* category "NA" for token types */
	double count;
	size_t g;			/* index of outlet, set by keyness_outlets */
};

struct kdata {
	struct kcount *c;
	size_t n, alloc;
	char **outlets;
	size_t noutlets;
};

/* One output row before sorting by z. */
struct krow {
	size_t unit;		/* index of the first count of the unit in kdata */
	double y_i, y_j, delta, z;
};

static void kdata_add(struct kdata *d, int kind, const char *term, const char *category,
		      const char *outlet, double count)
{
	struct kcount *c;

	ALLOC_GROW(d->c, d->n + 1, d->alloc);
	c = &d->c[d->n++];
	c->kind = kind;
	c->term = xstrdup(term);
	c->category = xstrdup(category);
	c->outlet = xstrdup(outlet);
	c->count = count;
}

static int keyness_columns(struct tsv *in, const char **names, long *cols, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		cols[i] = tsv_column(in, names[i]);
		if (cols[i] < 0)
			return error("%s:1: no column '%s'", tsv_name(in), names[i]);
	}
	return 0;
}

/* Opens path, or returns NULL with *missing set when it does not exist. */
static struct tsv *keyness_open(const char *path, int *missing)
{
	*missing = access(path, F_OK) != 0 && errno == ENOENT;
	if (*missing) {
		warning("no '%s': keyness.tsv lacks those units", path);
		return NULL;
	}
	return tsv_open(path);
}

static int keyness_read_terms(struct kdata *d, const char *path)
{
	static const char *names[] = { "outlet", "term", "count" };
	long col[3];
	int missing, r;
	struct tsv *in = keyness_open(path, &missing);

	if (!in)
		return missing ? 0 : -1;
	if (keyness_columns(in, names, col, 3) < 0) {
		tsv_close(in);
		return -1;
	}
	while ((r = tsv_next(in)) > 0) {
		double count;
		const char *s = tsv_field(in, (size_t)col[2]);
		if (parse_double(s, &count) < 0 || count < 0) {
			error("%s:%zu: count '%s' is not a number", path, tsv_line(in), s);
			r = -1;
			break;
		}
		kdata_add(d, 0, tsv_field(in, (size_t)col[1]), "NA", tsv_field(in, (size_t)col[0]),
			  count);
	}
	tsv_close(in);
	return r < 0 ? -1 : 0;
}

/* Adds one summed "entry\tcategory\toutlet" count of the matches. */
static void add_entry_count(void *ctx, const char *key, size_t len, uint64_t n)
{
	struct kdata *d = ctx;
	char *copy = xstrndup(key, len);
	char *category = strchr(copy, '\t');
	char *outlet = category ? strchr(category + 1, '\t') : NULL;

	if (outlet) {
		*category++ = '\0';
		*outlet++ = '\0';
		kdata_add(d, 1, copy, category, outlet, (double)n);
	}
	free(copy);
}

static int keyness_read_matches(struct kdata *d, const char *path)
{
	static const char *names[] = { "outlet", "category", "entry", "negated" };
	long col[4];
	int missing, r;
	struct counts *agg;
	struct buf key = BUF_INIT;
	struct tsv *in = keyness_open(path, &missing);

	if (!in)
		return missing ? 0 : -1;
	if (keyness_columns(in, names, col, 4) < 0) {
		tsv_close(in);
		return -1;
	}
	/*
	 * Negated matches do not count, here as in the scores. A corpus has
	 * millions of match rows but few distinct (entry, category, outlet):
	 * they are summed in a hash table first, joined by tabs, which no
	 * field can hold.
	 */
	agg = counts_new();
	while ((r = tsv_next(in)) > 0) {
		if (strcmp(tsv_field(in, (size_t)col[3]), "0"))
			continue;
		buf_reset(&key);
		buf_adds(&key, tsv_field(in, (size_t)col[2]));
		buf_addch(&key, '\t');
		buf_adds(&key, tsv_field(in, (size_t)col[1]));
		buf_addch(&key, '\t');
		buf_adds(&key, tsv_field(in, (size_t)col[0]));
		counts_add(agg, key.data, key.len, 1);
	}
	tsv_close(in);
	counts_each(agg, add_entry_count, d);
	counts_free(agg);
	buf_release(&key);
	return r < 0 ? -1 : 0;
}

static int keyness_cmp(const void *pa, const void *pb)
{
	const struct kcount *a = pa, *b = pb;
	int c;

	if (a->kind != b->kind)
		return a->kind - b->kind;
	if ((c = strcmp(a->term, b->term)) || (c = strcmp(a->category, b->category)))
		return c;
	return strcmp(a->outlet, b->outlet);
}

static int keyness_same_unit(const struct kcount *a, const struct kcount *b)
{
	return a->kind == b->kind && !strcmp(a->term, b->term) && !strcmp(a->category, b->category);
}

static void kcount_free(struct kcount *c)
{
	free(c->term);
	free(c->category);
	free(c->outlet);
}

/* Sorts by unit then outlet and sums the counts of equal (unit, outlet). */
static void keyness_merge(struct kdata *d)
{
	size_t i, k = 0;

	sort_array(d->c, d->n, sizeof(*d->c), keyness_cmp);
	for (i = 0; i < d->n; i++) {
		if (k > 0 && keyness_same_unit(&d->c[k - 1], &d->c[i]) &&
		    !strcmp(d->c[k - 1].outlet, d->c[i].outlet)) {
			d->c[k - 1].count += d->c[i].count;
			kcount_free(&d->c[i]);
			continue;
		}
		d->c[k++] = d->c[i];
	}
	d->n = k;
}

static int keyness_cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static size_t keyness_outlet_index(const struct kdata *d, const char *outlet)
{
	char *const *p = bsearch(&outlet, d->outlets, d->noutlets, sizeof(char *), keyness_cmp_str);
	return (size_t)(p - d->outlets);
}

static void keyness_outlets(struct kdata *d)
{
	size_t i, k = 0;
	char **all = xmalloc((d->n + 1) * sizeof(char *));

	for (i = 0; i < d->n; i++)
		all[i] = d->c[i].outlet;
	sort_array(all, d->n, sizeof(char *), keyness_cmp_str);
	for (i = 0; i < d->n; i++)
		if (k == 0 || strcmp(all[k - 1], all[i]))
			all[k++] = all[i];
	d->outlets = all;
	d->noutlets = k;
	for (i = 0; i < d->n; i++)
		d->c[i].g = keyness_outlet_index(d, d->c[i].outlet);
}

/* Category of the entry whose text equals a token type, or NULL. */
static const char *keyness_entry_category(const struct kdata *d, size_t first_entry,
					  const char *term)
{
	size_t lo = first_entry, hi = d->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(d->c[mid].term, term);
		if (!c) {
			while (mid > first_entry && !strcmp(d->c[mid - 1].term, term))
				mid--;
			return d->c[mid].category;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int krow_cmp(const void *pa, const void *pb)
{
	const struct krow *a = pa, *b = pb;

	/* Highest z first; NA last; ties by unit order (term, then category). */
	if (isnan(a->z) != isnan(b->z))
		return isnan(a->z) ? 1 : -1;
	if (a->z != b->z && !isnan(a->z))
		return a->z > b->z ? -1 : 1;
	return a->unit < b->unit ? -1 : a->unit > b->unit;
}

/* Everything needed to score the units of one kind. */
struct kkind {
	int kind;
	size_t first, end;	/* its counts in kdata */
	double *outlet_total;	/* per outlet */
	double total, alpha0;
	size_t first_entry;	/* where entry counts start, for in_lexicon */
};

static void keyness_totals(const struct kdata *d, struct kkind *k)
{
	size_t i;

	k->outlet_total = xcalloc(d->noutlets + 1, sizeof(double));
	k->total = 0;
	for (i = k->first; i < k->end; i++) {
		k->outlet_total[d->c[i].g] += d->c[i].count;
		k->total += d->c[i].count;
	}
}

/* Scores every unit of kind k for outlet g into rows; returns the row count. */
static size_t keyness_score(const struct kdata *d, const struct kkind *k, size_t g,
			    double alpha0, struct krow *rows)
{
	size_t i = k->first, n = 0;

	while (i < k->end) {
		size_t j = i;
		double y = 0, y_i = 0, a_w;
		for (; j < k->end && keyness_same_unit(&d->c[i], &d->c[j]); j++) {
			y += d->c[j].count;
			if (d->c[j].g == g)
				y_i += d->c[j].count;
		}
		a_w = alpha0 * y / k->total;
		rows[n] = (struct krow){ i, y_i, y - y_i, NAN, NAN };
		if (k->total - k->outlet_total[g] > 0)
			stats_log_odds(y_i, k->outlet_total[g], y - y_i,
				       k->total - k->outlet_total[g], a_w, alpha0,
				       &rows[n].delta, &rows[n].z);
		n++;
		i = j;
	}
	return n;
}

/*
 * A count as "%.0f" writes it. Counts are almost always whole (summed
 * from whole counts), and printf was a quarter of keyness's time: a
 * million rows of two counts each.
 */
static void keyness_add_count(struct buf *line, double v)
{
	if (v >= 0 && v < 1e15 && v == floor(v))
		buf_add_uint(line, (uint64_t)v);
	else
		buf_addf(line, "%.0f", v);
}

static void keyness_row(const struct kdata *d, const struct kkind *k, size_t g,
			const struct krow *row, struct buf *line)
{
	const struct kcount *c = &d->c[row->unit];
	const char *cat = k->kind ? c->category : keyness_entry_category(d, k->first_entry, c->term);

	buf_reset(line);
	buf_add_tsv_field(line, d->outlets[g], strlen(d->outlets[g]));
	buf_addch(line, '\t');
	buf_add_tsv_field(line, c->term, strlen(c->term));
	buf_addch(line, '\t');
	keyness_add_count(line, row->y_i);
	buf_addch(line, '\t');
	keyness_add_count(line, row->y_j);
	buf_addch(line, '\t');
	buf_add_double(line, row->delta);
	buf_addch(line, '\t');
	buf_add_double(line, row->z);
	buf_adds(line, cat ? "\t1\t" : "\t0\t");
	buf_add_tsv_field(line, cat ? cat : "NA", strlen(cat ? cat : "NA"));
	buf_adds(line, k->kind ? "\tentry\n" : "\ttoken\n");
}

static void keyness_write_kind(const struct kdata *d, struct kkind *k, size_t g, FILE *f)
{
	struct krow *rows = xmalloc((k->end - k->first + 1) * sizeof(*rows));
	struct buf line = BUF_INIT;
	size_t n, i;

	n = keyness_score(d, k, g, k->alpha0, rows);
	sort_array(rows, n, sizeof(*rows), krow_cmp);
	for (i = 0; i < n; i++) {
		keyness_row(d, k, g, &rows[i], &line);
		fwrite(line.data, 1, line.len, f);
	}
	buf_release(&line);
	free(rows);
}

static void keyness_kinds(const struct kdata *d, double alpha0, struct kkind *k)
{
	size_t i = 0, kind;

	for (kind = 0; kind < 2; kind++) {
		k[kind].kind = (int)kind;
		k[kind].first = i;
		while (i < d->n && d->c[i].kind == (int)kind)
			i++;
		k[kind].end = i;
		keyness_totals(d, &k[kind]);
		k[kind].alpha0 = alpha0 > 0 ? alpha0 : k[kind].total;
	}
	k[0].first_entry = k[1].first_entry = k[1].first;
}

static int keyness_read_all(struct kdata *d, char **files, size_t nfiles)
{
	size_t i;
	int ret = 0;

	for (i = 0; i < nfiles && ret == 0; i++) {
		char *terms = scoretab_sibling(files[i], "terms.tsv");
		char *matches = scoretab_sibling(files[i], "matches.tsv");
		if (keyness_read_terms(d, terms) < 0 || keyness_read_matches(d, matches) < 0)
			ret = -1;
		free(terms);
		free(matches);
	}
	return ret;
}

static void kdata_free(struct kdata *d)
{
	size_t i;
	for (i = 0; i < d->n; i++)
		kcount_free(&d->c[i]);
	free(d->c);
	free(d->outlets);
}

int keyness_write_stream(char **files, size_t nfiles, FILE *f, double alpha0)
{
	struct kdata d = { NULL, 0, 0, NULL, 0 };
	struct kkind k[2];
	size_t g;

	if (keyness_read_all(&d, files, nfiles) < 0) {
		kdata_free(&d);
		return -1;
	}
	keyness_merge(&d);
	keyness_outlets(&d);
	if (d.noutlets == 1)
		warning("keyness needs two outlets or more: z is NA");
	keyness_kinds(&d, alpha0, k);
	fputs("group\tterm\tcount_group\tcount_rest\tlog_odds\tz\tin_lexicon\tcategory\tunit\n", f);
	for (g = 0; g < d.noutlets; g++) {
		keyness_write_kind(&d, &k[0], g, f);
		keyness_write_kind(&d, &k[1], g, f);
	}
	free(k[0].outlet_total);
	free(k[1].outlet_total);
	kdata_free(&d);
	return 0;
}

int keyness_write(char **files, size_t nfiles, const char *path, double alpha0)
{
	struct outfile *out = outfile_open(path);

	if (!out)
		return -1;
	if (keyness_write_stream(files, nfiles, outfile_stream(out), alpha0) < 0) {
		outfile_abort(out);
		return -1;
	}
	return outfile_commit(out);
}
