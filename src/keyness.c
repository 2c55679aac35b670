/*
 * keyness.tsv: which terms set an outlet apart from the others. Counts
 * come from what framing score wrote, so shards merge by summing.
 */
#include "keyness.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <unistd.h>

#include "buf.h"
#include "counts.h"
#include "outfile.h"
#include "parse.h"
#include "scoretab.h"
#include "sort.h"
#include "text.h"
#include "stats.h"
#include "tsv.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

/*
 * One count as read: kind 0 = token type, 1 = lexicon entry. Strings are
 * interned (struct knames) as numbers that sort as the strings do, so a
 * count is 24 bytes: a corpus of thousands of outlets has millions.
 */
struct kcount {
	double count;
	uint32_t term, category, outlet;	/* category "NA" for token types */
	uint8_t kind;
};

/* The interned strings: number -> string, and the string's number + 1. */
struct knames {
	struct counts *seen;
	char **s;
	size_t n, alloc;
};

struct kdata {
	struct kcount *c;
	size_t n, alloc;
	struct knames names;
	uint32_t *g;		/* outlet name number -> outlet index (keyness_outlets) */
	const char **outlets;	/* by index, sorted */
	size_t noutlets;
};

/* One output row before sorting by z. */
struct krow {
	size_t unit;		/* index of the first count of the unit in kdata */
	double y_i, y_j, delta, z;
};

/* A name's number, given in the order names are first seen. */
static uint32_t knames_id(struct knames *k, const char *s)
{
	size_t len = strlen(s);
	uint64_t *slot = counts_slot(k->seen, s, len);

	if (!*slot) {
		if (k->n >= UINT32_MAX)
			die("keyness: more than 2^32 distinct names");
		ALLOC_GROW(k->s, k->n + 1, k->alloc);
		k->s[k->n++] = xstrdup(s);
		*slot = k->n;
	}
	return (uint32_t)(*slot - 1);
}

static const char *kname(const struct kdata *d, uint32_t id)
{
	return d->names.s[id];
}

static void kdata_add(struct kdata *d, int kind, const char *term, const char *category,
		      const char *outlet, double count)
{
	struct kcount *c;

	ALLOC_GROW(d->c, d->n + 1, d->alloc);
	c = &d->c[d->n++];
	c->kind = (uint8_t)kind;
	c->term = knames_id(&d->names, term);
	c->category = knames_id(&d->names, category);
	c->outlet = knames_id(&d->names, outlet);
	c->count = count;
}

/* A name and its number as read, to sort. */
struct kname_no {
	char *s;
	uint32_t no;
};

static int kname_no_cmp(const void *a, const void *b)
{
	return strcmp(((const struct kname_no *)a)->s, ((const struct kname_no *)b)->s);
}

/* Renumbers the names in the order of the strings, so numbers compare as strings. */
static void knames_sort(struct kdata *d)
{
	struct knames *k = &d->names;
	struct kname_no *v = xmalloc((k->n + 1) * sizeof(*v));
	uint32_t *rank = xmalloc((k->n + 1) * sizeof(*rank));
	size_t i;

	for (i = 0; i < k->n; i++)
		v[i] = (struct kname_no){ k->s[i], (uint32_t)i };
	sort_array(v, k->n, sizeof(*v), kname_no_cmp);
	for (i = 0; i < k->n; i++) {
		k->s[i] = v[i].s;
		rank[v[i].no] = (uint32_t)i;
	}
	for (i = 0; i < d->n; i++) {
		d->c[i].term = rank[d->c[i].term];
		d->c[i].category = rank[d->c[i].category];
		d->c[i].outlet = rank[d->c[i].outlet];
	}
	free(rank);
	free(v);
	counts_free(k->seen);
	k->seen = NULL;
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
		/* Hashed as before the count table's slot fix: counts_each visits the slots in order. */
		++*counts_slot_hashed(agg, key.data, key.len, text_hash(key.data, key.len));
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

	if (a->kind != b->kind)
		return a->kind - b->kind;
	if (a->term != b->term)
		return a->term < b->term ? -1 : 1;
	if (a->category != b->category)
		return a->category < b->category ? -1 : 1;
	return (a->outlet > b->outlet) - (a->outlet < b->outlet);
}

static int keyness_same_unit(const struct kcount *a, const struct kcount *b)
{
	return a->kind == b->kind && a->term == b->term && a->category == b->category;
}

/* Sorts by unit then outlet and sums the counts of equal (unit, outlet). */
static void keyness_merge(struct kdata *d)
{
	size_t i, k = 0;

	knames_sort(d);
	sort_array(d->c, d->n, sizeof(*d->c), keyness_cmp);
	for (i = 0; i < d->n; i++) {
		if (k > 0 && keyness_same_unit(&d->c[k - 1], &d->c[i]) &&
		    d->c[k - 1].outlet == d->c[i].outlet) {
			d->c[k - 1].count += d->c[i].count;
			continue;
		}
		d->c[k++] = d->c[i];
	}
	d->n = k;
}

/* The outlets, numbered in the order of their names (which the name numbers keep). */
static void keyness_outlets(struct kdata *d)
{
	size_t i, g = 0;
	char *used = xcalloc(d->names.n + 1, 1);

	for (i = 0; i < d->n; i++)
		used[d->c[i].outlet] = 1;
	d->g = xmalloc((d->names.n + 1) * sizeof(*d->g));
	d->outlets = xmalloc((d->names.n + 1) * sizeof(char *));
	for (i = 0; i < d->names.n; i++)
		if (used[i]) {
			d->g[i] = (uint32_t)g;
			d->outlets[g++] = d->names.s[i];
		}
	d->noutlets = g;
	free(used);
}

static size_t kgroup(const struct kdata *d, const struct kcount *c)
{
	return d->g[c->outlet];
}

/* Category of the entry whose text equals a token type, or NULL. */
static const char *keyness_entry_category(const struct kdata *d, size_t first_entry,
					  uint32_t term)
{
	size_t lo = first_entry, hi = d->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		uint32_t t = d->c[mid].term;
		if (t == term) {
			while (mid > first_entry && d->c[mid - 1].term == term)
				mid--;
			return kname(d, d->c[mid].category);
		}
		if (t < term)
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
		k->outlet_total[kgroup(d, &d->c[i])] += d->c[i].count;
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
			if (kgroup(d, &d->c[j]) == g)
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
	const char *cat = k->kind ? kname(d, c->category)
				  : keyness_entry_category(d, k->first_entry, c->term);
	const char *term = kname(d, c->term);

	buf_reset(line);
	buf_add_tsv_field(line, d->outlets[g], strlen(d->outlets[g]));
	buf_addch(line, '\t');
	buf_add_tsv_field(line, term, strlen(term));
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
	for (i = 0; i < d->names.n; i++)
		free(d->names.s[i]);
	free(d->names.s);
	counts_free(d->names.seen);
	free(d->c);
	free(d->g);
	free(d->outlets);
}

/*
 * The units of the counts and each outlet's counts, for writing the top
 * rows of every outlet in time proportional to the counts, not to
 * outlets x units: unit u's first count (the row's unit) and total, each
 * count's unit, and the counts of outlet g at by_g[start[g] .. start[g+1]).
 */
struct kindex {
	size_t nunits, *first;
	double *y;
	uint32_t *unit, *by_g;
	size_t *start;
	uint32_t *stamp;	/* per unit: g + 1 when outlet g has a count of it */
	char *lex;		/* per unit: a token that is a lexicon entry's text */
	/* The units written for every outlet: tokens in lex (0), entries (1). */
	uint32_t *lexunits[2];
	size_t nlex[2];
};

static void kindex_build(const struct kdata *d, size_t first_entry, struct kindex *x)
{
	size_t i = 0, g, u = 0;

	x->first = xmalloc((d->n + 1) * sizeof(size_t));
	x->y = xmalloc((d->n + 1) * sizeof(double));
	x->unit = xmalloc((d->n + 1) * sizeof(uint32_t));
	while (i < d->n) {
		size_t j = i;
		double y = 0;
		for (; j < d->n && keyness_same_unit(&d->c[i], &d->c[j]); j++) {
			y += d->c[j].count;
			x->unit[j] = (uint32_t)u;
		}
		x->first[u] = i;
		x->y[u++] = y;
		i = j;
	}
	x->nunits = u;
	x->start = xcalloc(d->noutlets + 2, sizeof(size_t));
	for (i = 0; i < d->n; i++)
		x->start[kgroup(d, &d->c[i]) + 2]++;
	for (g = 2; g < d->noutlets + 2; g++)
		x->start[g] += x->start[g - 1];
	x->by_g = xmalloc((d->n + 1) * sizeof(uint32_t));
	for (i = 0; i < d->n; i++)
		x->by_g[x->start[kgroup(d, &d->c[i]) + 1]++] = (uint32_t)i;
	x->stamp = xcalloc(u + 1, sizeof(uint32_t));
	x->lex = xcalloc(u + 1, 1);
	x->lexunits[0] = xmalloc((u + 1) * sizeof(uint32_t));
	x->lexunits[1] = xmalloc((u + 1) * sizeof(uint32_t));
	x->nlex[0] = x->nlex[1] = 0;
	for (i = 0; i < u; i++) {
		const struct kcount *c = &d->c[x->first[i]];
		x->lex[i] = c->kind == 1 || keyness_entry_category(d, first_entry, c->term) != NULL;
		if (x->lex[i])
			x->lexunits[c->kind][x->nlex[c->kind]++] = (uint32_t)i;
	}
}

static void kindex_free(struct kindex *x)
{
	free(x->first);
	free(x->y);
	free(x->unit);
	free(x->by_g);
	free(x->start);
	free(x->stamp);
	free(x->lex);
	free(x->lexunits[0]);
	free(x->lexunits[1]);
}

/* Unit u's row for outlet g, as keyness_score makes it. */
static struct krow keyness_unit_row(const struct kindex *x, const struct kkind *k, size_t g,
				    size_t u, double y_i)
{
	double y = x->y[u], a_w = k->alpha0 * y / k->total;
	struct krow r = { x->first[u], y_i, y - y_i, NAN, NAN };

	if (k->total - k->outlet_total[g] > 0)
		stats_log_odds(y_i, k->outlet_total[g], y - y_i, k->total - k->outlet_total[g], a_w,
			       k->alpha0, &r.delta, &r.z);
	return r;
}

/*
 * Outlet g's rows of kind k into rows: of token types, those it uses and
 * those that are lexicon entries; of entries, every entry (few, and a
 * reader wants each). Returns the row count.
 */
static size_t keyness_outlet_rows(const struct kdata *d, const struct kindex *x,
				  const struct kkind *k, size_t g, struct krow *rows)
{
	size_t i, u, n = 0;

	for (i = x->start[g]; i < x->start[g + 1]; i++) {
		const struct kcount *c = &d->c[x->by_g[i]];
		if (c->kind != k->kind)
			continue;
		u = x->unit[x->by_g[i]];
		x->stamp[u] = (uint32_t)g + 1;
		rows[n++] = keyness_unit_row(x, k, g, u, c->count);
	}
	/* The lexicon's units that outlet g does not use: count 0. */
	for (i = 0; i < x->nlex[k->kind]; i++) {
		u = x->lexunits[k->kind][i];
		if (x->stamp[u] != g + 1)
			rows[n++] = keyness_unit_row(x, k, g, u, 0);
	}
	return n;
}

/* Writes the top rows of kind k for outlet g, and every row of a lexicon term. */
static void keyness_write_top(const struct kdata *d, const struct kindex *x,
			      const struct kkind *k, size_t g, size_t top, struct krow *rows,
			      FILE *f)
{
	struct buf line = BUF_INIT;
	size_t n = keyness_outlet_rows(d, x, k, g, rows), i, kept = 0;

	sort_array(rows, n, sizeof(*rows), krow_cmp);
	for (i = 0; i < n; i++) {
		int lex = x->lex[x->unit[rows[i].unit]];
		if (!lex && kept >= top)
			continue;
		kept += !lex;
		keyness_row(d, k, g, &rows[i], &line);
		fwrite(line.data, 1, line.len, f);
	}
	buf_release(&line);
}

int keyness_write_stream(char **files, size_t nfiles, FILE *f, double alpha0, size_t top)
{
	struct kdata d;
	struct kkind k[2];
	struct kindex x;
	struct krow *rows = NULL;
	size_t g;

	memset(&d, 0, sizeof(d));
	d.names.seen = counts_new();
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
	if (top) {
		kindex_build(&d, k[0].first_entry, &x);
		rows = xmalloc((x.nunits + 1) * sizeof(*rows));
	}
	for (g = 0; g < d.noutlets; g++) {
		if (top) {
			keyness_write_top(&d, &x, &k[0], g, top, rows, f);
			keyness_write_top(&d, &x, &k[1], g, top, rows, f);
			continue;
		}
		keyness_write_kind(&d, &k[0], g, f);
		keyness_write_kind(&d, &k[1], g, f);
	}
	if (top) {
		kindex_free(&x);
		free(rows);
	}
	free(k[0].outlet_total);
	free(k[1].outlet_total);
	kdata_free(&d);
	return 0;
}

int keyness_write(char **files, size_t nfiles, const char *path, double alpha0, size_t top)
{
	struct outfile *out = outfile_open(path);

	if (!out)
		return -1;
	if (keyness_write_stream(files, nfiles, outfile_stream(out), alpha0, top) < 0) {
		outfile_abort(out);
		return -1;
	}
	return outfile_commit(out);
}
