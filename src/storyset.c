/*
 * The stories of the report's "Same story" section (see storyset.h): read
 * from scores.tsv, stories.tsv (or a column), categories.tsv, effects.tsv,
 * compare.tsv and matches.tsv of a run. Tables are read a row at a time
 * and only the shown stories' articles are kept whole.
 */
#include "storyset.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "fsutil.h"
#include "lexdecl.h"
#include "scoretab.h"
#include "sort.h"
#include "tsv.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

/* One article of scores.tsv while the stories are counted. */
struct row {
	char *id, *group, *story;
};

/* One row of stories.tsv, looked up by id. */
struct srow {
	char *id, *story, *terms;
};

static int missing(const char *s)
{
	return !*s || !strcmp(s, "NA");
}

static double num(const char *s)
{
	char *end;
	double v;

	if (missing(s))
		return NAN;
	errno = 0;
	v = strtod(s, &end);
	return *end || errno == ERANGE ? NAN : v;
}

/* Opens dir/name; 1 when there is no such file, -1 after a message. */
static int open_table(const char *dir, const char *name, struct tsv **t)
{
	char *path = path_join(dir, name);
	int ret = 0;

	*t = NULL;
	if (access(path, F_OK) < 0 && errno == ENOENT)
		ret = 1;
	else if (!(*t = tsv_open(path)))
		ret = -1;
	free(path);
	return ret;
}

/* The columns of names, or -1 after a message naming the first missing one. */
static int columns(struct tsv *t, const char *const *names, long *col, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((col[i] = tsv_column(t, names[i])) < 0)
			return error("%s: no column '%s'", tsv_name(t), names[i]);
	return 0;
}

static void add_name(char ***v, size_t *n, const char *s)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (!strcmp((*v)[i], s))
			return;
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[(*n)++] = xstrdup(s);
}

static void free_names(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/*
 * The indices and the categories whose matches are shown: categories.tsv's
 * indices and their two categories; else (tables of a framing older than
 * categories.tsv) effects.tsv's linear metrics, else a column named
 * stance, with the categories of effects.tsv's Poisson metrics
 * (C_matches). No categories: every one.
 */
static int declared(const char *dir, char ***idx, size_t *nidx, char ***cats, size_t *ncats)
{
	static const char *const names[] = { "metric", "model" };
	struct lexdecl d = LEXDECL_INIT;
	char *path = path_join(dir, LEXDECL_NAME);
	char **poisson = NULL;
	size_t i, npoisson = 0;
	struct tsv *t;
	long c[2] = { -1, -1 };
	int r = lexdecl_load(&d, path);

	free(path);
	if (r < 0)
		return -1;
	for (i = 0; i < d.nidx; i++) {
		add_name(idx, nidx, d.idx[i].name);
		add_name(cats, ncats, d.idx[i].a);
		add_name(cats, ncats, d.idx[i].b);
	}
	lexdecl_release(&d);
	if (*nidx)
		return 0;
	if ((r = open_table(dir, "effects.tsv", &t)) < 0)
		return -1;
	if (!r && columns(t, names, c, 2) < 0)
		r = -1;
	while (t && r >= 0 && (r = tsv_next(t)) > 0) {
		const char *m = tsv_field(t, c[0]);
		size_t len = strlen(m);
		if (!strcmp(tsv_field(t, c[1]), "linear"))
			add_name(idx, nidx, m);
		else if (len > 8 && !strcmp(m + len - 8, "_matches")) {
			char *cat = xstrndup(m, len - 8);
			add_name(&poisson, &npoisson, cat);
			free(cat);
		}
	}
	tsv_close(t);
	if (!*nidx)
		add_name(idx, nidx, "stance");
	/* Without declarations the matches shown are those of every category. */
	for (i = 0; i < npoisson; i++)
		add_name(cats, ncats, poisson[i]);
	free_names(poisson, npoisson);
	return r < 0 ? -1 : 0;
}

static int srow_cmp(const void *pa, const void *pb)
{
	return strcmp(((const struct srow *)pa)->id, ((const struct srow *)pb)->id);
}

/* stories.tsv, sorted by id; 1 when there is none. */
static int load_srows(const char *dir, struct srow **out, size_t *n)
{
	static const char *const names[] = { "id", "story", "top_terms" };
	struct srow *v = NULL;
	size_t alloc = 0;
	struct tsv *t;
	long c[3];
	int r;

	*n = 0;
	if ((r = open_table(dir, "stories.tsv", &t)) != 0)
		return r;
	if (columns(t, names, c, 3) < 0) {
		tsv_close(t);
		return -1;
	}
	while ((r = tsv_next(t)) > 0) {
		if (*n == alloc) {
			alloc = alloc ? 2 * alloc : 64;
			v = xrealloc(v, alloc * sizeof(*v));
		}
		v[*n].id = xstrdup(tsv_field(t, c[0]));
		v[*n].story = xstrdup(tsv_field(t, c[1]));
		v[*n].terms = xstrdup(tsv_field(t, c[2]));
		(*n)++;
	}
	tsv_close(t);
	sort_array(v, *n, sizeof(*v), srow_cmp);
	*out = v;
	return r < 0 ? -1 : 0;
}

static struct srow *srow_find(struct srow *v, size_t n, const char *id)
{
	struct srow key = { (char *)id, NULL, NULL };
	return n ? bsearch(&key, v, n, sizeof(*v), srow_cmp) : NULL;
}

/* Labels that are numbers (stories.tsv's) in numeric order, others bytewise. */
static int label_cmp(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);

	if (la && lb && strspn(a, "0123456789") == la && strspn(b, "0123456789") == lb &&
	    la != lb)
		return la < lb ? -1 : 1;
	return strcmp(a, b);
}

static struct row *row_ctx;

static int row_cmp(const void *pa, const void *pb)
{
	const struct row *a = &row_ctx[*(const size_t *)pa], *b = &row_ctx[*(const size_t *)pb];
	int c = label_cmp(a->story, b->story);

	return c ? c : strcmp(a->group, b->group);
}

static int story_cmp(const void *pa, const void *pb)
{
	const struct storyset_story *a = pa, *b = pb;

	if (a->size != b->size)
		return a->size > b->size ? -1 : 1;
	return label_cmp(a->label, b->label);
}

/*
 * Pass 1: every article's id, group and story (NULL: none), the groups
 * read as stats and the charts read them (scoretab: --by and --group-map).
 */
static int read_rows(const char *dir, const struct scoretab_grouping *g, const char *within,
		     struct srow *sv, size_t ns, struct row **out, size_t *n)
{
	char *files[1];
	struct scoretab *t;
	struct row *v = NULL;
	size_t alloc = 0, i;

	*n = 0;
	files[0] = path_join(dir, "scores.tsv");
	/* SCORETAB_TEXT, as the charts read it: terms.tsv was checked by stats already. */
	t = scoretab_read_within(files, 1, g, within, SCORETAB_TEXT);
	free(files[0]);
	if (!t)
		return -1;
	for (i = 0; i < t->n; i++) {
		const struct scoretab_article *a = &t->a[i];
		const char *story = NULL;
		struct srow *s;

		if (within)
			story = a->within;
		else if ((s = srow_find(sv, ns, a->id)))
			story = s->story;
		if (!story || missing(story))
			continue;
		if (*n == alloc) {
			alloc = alloc ? 2 * alloc : 64;
			v = xrealloc(v, alloc * sizeof(*v));
		}
		v[*n].id = xstrdup(a->id);
		v[*n].group = xstrdup(a->gname);
		v[*n].story = xstrdup(story);
		(*n)++;
	}
	scoretab_free(t);
	*out = v;
	return 0;
}

/* The stories of rows: counted, and the shared ones kept, largest first, up to max. */
static void pick_stories(struct storyset *ss, struct row *rows, size_t n, struct srow *sv,
			 size_t nsv, size_t max)
{
	size_t *ord = xmalloc((n + 1) * sizeof(*ord)), i, j, k;
	struct storyset_story *cand = NULL;
	size_t ncand = 0;

	for (i = 0; i < n; i++)
		ord[i] = i;
	row_ctx = rows;
	sort_array(ord, n, sizeof(*ord), row_cmp);
	for (i = 0; i < n; i = j) {
		size_t groups = 1;
		for (j = i + 1; j < n && !strcmp(rows[ord[j]].story, rows[ord[i]].story); j++)
			if (strcmp(rows[ord[j]].group, rows[ord[j - 1]].group))
				groups++;
		ss->nstories++;
		if (groups < 2)
			continue;
		ss->nshared++;
		cand = xrealloc(cand, (ncand + 1) * sizeof(*cand));
		memset(&cand[ncand], 0, sizeof(*cand));
		cand[ncand].label = rows[ord[i]].story;	/* borrowed until kept */
		cand[ncand].size = j - i;
		cand[ncand].ngroups = groups;
		cand[ncand].art = ord + i;		/* borrowed: positions in ord */
		ncand++;
	}
	sort_array(cand, ncand, sizeof(*cand), story_cmp);
	ss->ns = ncand < max ? ncand : max;
	ss->s = xcalloc(ss->ns + 1, sizeof(*ss->s));
	for (k = 0; k < ss->ns; k++) {
		struct storyset_story *s = &ss->s[k];
		const size_t *pos = cand[k].art;
		struct srow *sr;

		*s = cand[k];
		s->label = xstrdup(cand[k].label);
		s->art = xmalloc(s->size * sizeof(*s->art));
		s->nart = s->size;
		for (i = 0; i < s->size; i++) {
			struct storyset_article *a;
			ss->a = xrealloc(ss->a, (ss->na + 1) * sizeof(*ss->a));
			a = &ss->a[ss->na];
			memset(a, 0, sizeof(*a));
			a->id = xstrdup(rows[pos[i]].id);
			a->group = xstrdup(rows[pos[i]].group);
			s->art[i] = ss->na++;
		}
		sr = srow_find(sv, nsv, ss->a[s->art[0]].id);
		if (sr && !missing(sr->terms) && strcmp(sr->terms, "-"))
			s->terms = xstrdup(sr->terms);
	}
	free(cand);
	free(ord);
}

/* The shown articles by id, for the passes over scores.tsv and matches.tsv. */
static struct storyset *find_ctx;

static int art_cmp(const void *pa, const void *pb)
{
	return strcmp(find_ctx->a[*(const size_t *)pa].id, find_ctx->a[*(const size_t *)pb].id);
}

static struct storyset_article *art_find(struct storyset *ss, const size_t *byid, const char *id)
{
	size_t lo = 0, hi = ss->na;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(ss->a[byid[mid]].id, id);
		if (!c)
			return &ss->a[byid[mid]];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Pass 2: date, title and indices of the shown articles (the first row of an id). */
static int read_details(struct storyset *ss, const char *dir, const size_t *byid)
{
	static const char *const names[] = { "id", "date", "title" };
	long c[3], *ic = xmalloc((ss->nindex + 1) * sizeof(*ic));
	struct tsv *t;
	size_t i, keep = 0;
	int r;

	if (open_table(dir, "scores.tsv", &t) != 0 || columns(t, names, c, 3) < 0) {
		tsv_close(t);
		free(ic);
		return -1;
	}
	/* An index scores.tsv lacks is not shown. */
	for (i = 0; i < ss->nindex; i++) {
		if ((ic[keep] = tsv_column(t, ss->index[i])) < 0) {
			free(ss->index[i]);
			continue;
		}
		ss->index[keep++] = ss->index[i];
	}
	ss->nindex = keep;
	while ((r = tsv_next(t)) > 0) {
		struct storyset_article *a = art_find(ss, byid, tsv_field(t, c[0]));
		if (!a || a->title)
			continue;
		a->date = xstrdup(tsv_field(t, c[1]));
		a->title = xstrdup(tsv_field(t, c[2]));
		a->index = xmalloc((ss->nindex + 1) * sizeof(*a->index));
		for (i = 0; i < ss->nindex; i++)
			a->index[i] = num(tsv_field(t, ic[i]));
	}
	tsv_close(t);
	free(ic);
	return r < 0 ? -1 : 0;
}

static int listed(char **v, size_t n, const char *s)
{
	size_t i;

	if (!n)
		return 1;
	for (i = 0; i < n; i++)
		if (!strcmp(v[i], s))
			return 1;
	return 0;
}

/* The counted (not negated) matches of the shown articles in the shown categories. */
static int read_matches(struct storyset *ss, const char *dir, const size_t *byid, char **cats,
			size_t ncats)
{
	static const char *const names[] = { "id", "category", "surface", "quoted", "negated",
					     "left", "right" };
	struct tsv *t;
	long c[7];
	int r;

	if ((r = open_table(dir, "matches.tsv", &t)) != 0)
		return r < 0 ? -1 : 0;
	if (columns(t, names, c, 7) < 0) {
		tsv_close(t);
		return -1;
	}
	while ((r = tsv_next(t)) > 0) {
		struct storyset_article *a = art_find(ss, byid, tsv_field(t, c[0]));
		struct storyset_match *m;

		if (!a || strcmp(tsv_field(t, c[4]), "0") ||
		    !listed(cats, ncats, tsv_field(t, c[1])))
			continue;
		if (a->nm == a->m_alloc) {
			a->m_alloc = a->m_alloc ? 2 * a->m_alloc : 8;
			a->m = xrealloc(a->m, a->m_alloc * sizeof(*a->m));
		}
		m = &a->m[a->nm++];
		m->category = xstrdup(tsv_field(t, c[1]));
		m->surface = xstrdup(tsv_field(t, c[2]));
		m->quoted = !strcmp(tsv_field(t, c[3]), "1");
		m->left = xstrdup(tsv_field(t, c[5]));
		m->right = xstrdup(tsv_field(t, c[6]));
	}
	tsv_close(t);
	return r < 0 ? -1 : 0;
}

static const struct storyset *order_ctx;

/* A story's articles side by side: by group, then date (NA last), then id. */
static int order_cmp(const void *pa, const void *pb)
{
	const struct storyset_article *a = &order_ctx->a[*(const size_t *)pa];
	const struct storyset_article *b = &order_ctx->a[*(const size_t *)pb];
	const char *da = a->date ? a->date : "NA", *db = b->date ? b->date : "NA";
	int c = strcmp(a->group, b->group);

	if (c)
		return c;
	if (strcmp(da, "NA") && !strcmp(db, "NA"))
		return -1;
	if (!strcmp(da, "NA") && strcmp(db, "NA"))
		return 1;
	if ((c = strcmp(da, db)))
		return c;
	return strcmp(a->id, b->id);
}

int storyset_load(struct storyset *ss, const char *dir, const struct scoretab_grouping *g,
		  const char *within, size_t max)
{
	struct srow *sv = NULL;
	struct row *rows = NULL;
	size_t nsv = 0, nrows = 0, i, *byid = NULL;
	char **cats = NULL;
	size_t ncats = 0;
	int r, ret = -1;

	ss->within = within;
	if (!within && (r = load_srows(dir, &sv, &nsv)) != 0) {
		if (r > 0)
			return 0;
		goto out;
	}
	if (declared(dir, &ss->index, &ss->nindex, &cats, &ncats) < 0 ||
	    read_rows(dir, g, within, sv, nsv, &rows, &nrows) < 0)
		goto out;
	ss->have_stories = 1;
	pick_stories(ss, rows, nrows, sv, nsv, max);
	byid = xmalloc((ss->na + 1) * sizeof(*byid));
	for (i = 0; i < ss->na; i++)
		byid[i] = i;
	find_ctx = ss;
	sort_array(byid, ss->na, sizeof(*byid), art_cmp);
	if (read_details(ss, dir, byid) < 0 || read_matches(ss, dir, byid, cats, ncats) < 0)
		goto out;
	order_ctx = ss;
	for (i = 0; i < ss->ns; i++) {
		struct storyset_story *s = &ss->s[i];
		size_t j, groups = 0;

		sort_array(s->art, s->nart, sizeof(size_t), order_cmp);
		for (j = 0; j < s->nart; j++)
			if ((!j || strcmp(ss->a[s->art[j]].group, ss->a[s->art[j - 1]].group)) &&
			    ++groups > STORYSET_GROUPS)
				break;
		s->nshown = j;
	}
	ret = 0;
out:
	for (i = 0; i < nsv; i++) {
		free(sv[i].id);
		free(sv[i].story);
		free(sv[i].terms);
	}
	free(sv);
	for (i = 0; i < nrows; i++) {
		free(rows[i].id);
		free(rows[i].group);
		free(rows[i].story);
	}
	free(rows);
	free(byid);
	free_names(cats, ncats);
	return ret;
}

void storyset_release(struct storyset *ss)
{
	size_t i, j;

	for (i = 0; i < ss->ns; i++) {
		free(ss->s[i].label);
		free(ss->s[i].terms);
		free(ss->s[i].art);
	}
	free(ss->s);
	for (i = 0; i < ss->na; i++) {
		struct storyset_article *a = &ss->a[i];
		for (j = 0; j < a->nm; j++) {
			free(a->m[j].category);
			free(a->m[j].left);
			free(a->m[j].surface);
			free(a->m[j].right);
		}
		free(a->m);
		free(a->id);
		free(a->group);
		free(a->date);
		free(a->title);
		free(a->index);
	}
	free(ss->a);
	free_names(ss->index, ss->nindex);
	memset(ss, 0, sizeof(*ss));
}

int storyset_pooled_means(const char *dir, const char *metric, char *const *groups, size_t n,
			  double *mean)
{
	static const char *const names[] = { "group", "metric", "mean" };
	struct tsv *t;
	size_t i;
	long c[3];
	int r;

	for (i = 0; i < n; i++)
		mean[i] = NAN;
	if ((r = open_table(dir, "outlets.tsv", &t)) != 0)
		return r < 0 ? -1 : 0;
	if (columns(t, names, c, 3) < 0) {
		tsv_close(t);
		return -1;
	}
	while ((r = tsv_next(t)) > 0) {
		if (strcmp(tsv_field(t, c[1]), metric))
			continue;
		for (i = 0; i < n; i++)
			if (!strcmp(tsv_field(t, c[0]), groups[i]))
				mean[i] = num(tsv_field(t, c[2]));
	}
	tsv_close(t);
	return r < 0 ? -1 : 0;
}

int storyset_effect_linear(const struct storyset_effect *e)
{
	return !strcmp(e->model, "linear");
}

int storyset_effect_disagrees(const struct storyset_effect *e)
{
	double null = storyset_effect_linear(e) ? 0 : 1;

	if (isnan(e->lo) || isnan(e->hi) || isnan(e->pooled))
		return 0;
	return (e->hi < null && e->pooled > null) || (e->lo > null && e->pooled < null);
}

/* The key of a pair in compare.tsv: "a TAB b TAB metric". */
struct pairkey {
	char *key;
	size_t effect;
	int flip;	/* compare.tsv has the pair the other way round */
};

static int pairkey_cmp(const void *pa, const void *pb)
{
	return strcmp(((const struct pairkey *)pa)->key, ((const struct pairkey *)pb)->key);
}

/* compare.tsv's metric for an effects.tsv metric: C_matches is compared as C_rate. */
static void compare_metric(const struct storyset_effect *e, struct buf *b)
{
	size_t len = strlen(e->metric);

	if (!storyset_effect_linear(e) && len > 8 && !strcmp(e->metric + len - 8, "_matches")) {
		buf_add(b, e->metric, len - 8);
		buf_adds(b, "_rate");
	} else {
		buf_adds(b, e->metric);
	}
}

/* The pooled estimate of every effect from compare.tsv (NAN where it has no row). */
static int join_compare(const char *dir, struct storyset_effect *e, size_t n)
{
	static const char *const names[] = { "group_a", "group_b", "metric", "diff", "rate_ratio" };
	struct pairkey *k = xmalloc((2 * n + 1) * sizeof(*k)), probe;
	struct buf b = BUF_INIT, m = BUF_INIT;
	struct tsv *t;
	size_t i;
	long c[5];
	int r;

	for (i = 0; i < 2 * n; i++) {
		const struct storyset_effect *x = &e[i / 2];
		buf_reset(&m);
		compare_metric(x, &m);
		buf_reset(&b);
		buf_addf(&b, "%s\t%s\t%s", i % 2 ? x->reference : x->outlet,
			 i % 2 ? x->outlet : x->reference, m.data);
		k[i].key = xstrdup(b.data);
		k[i].effect = i / 2;
		k[i].flip = (int)(i % 2);
	}
	sort_array(k, 2 * n, sizeof(*k), pairkey_cmp);
	r = open_table(dir, "compare.tsv", &t);
	if (!r && columns(t, names, c, 5) < 0)
		r = -1;
	while (t && r >= 0 && (r = tsv_next(t)) > 0) {
		struct pairkey *hit;
		buf_reset(&b);
		buf_addf(&b, "%s\t%s\t%s", tsv_field(t, c[0]), tsv_field(t, c[1]),
			 tsv_field(t, c[2]));
		probe.key = b.data;
		if (!n || !(hit = bsearch(&probe, k, 2 * n, sizeof(*k), pairkey_cmp)))
			continue;
		if (storyset_effect_linear(&e[hit->effect])) {
			double d = num(tsv_field(t, c[3]));
			e[hit->effect].pooled = hit->flip ? -d : d;
		} else {
			double rr = num(tsv_field(t, c[4]));
			e[hit->effect].pooled = hit->flip ? 1 / rr : rr;
		}
	}
	tsv_close(t);
	for (i = 0; i < 2 * n; i++)
		free(k[i].key);
	free(k);
	buf_release(&b);
	buf_release(&m);
	return r < 0 ? -1 : 0;
}

int storyset_effects(const char *dir, struct storyset_effect **out, size_t *n)
{
	static const char *const names[] = { "outlet", "reference", "metric", "model",
					     "estimate", "lo", "hi", "n_stories" };
	struct storyset_effect *v = NULL;
	size_t alloc = 0;
	struct tsv *t;
	long c[8], note;
	int r;

	*n = 0;
	*out = NULL;
	if ((r = open_table(dir, "effects.tsv", &t)) != 0)
		return r;
	if (columns(t, names, c, 8) < 0) {
		tsv_close(t);
		return -1;
	}
	note = tsv_column(t, "note");
	while ((r = tsv_next(t)) > 0) {
		struct storyset_effect *e;
		double ns = num(tsv_field(t, c[7]));
		if (*n == alloc) {
			alloc = alloc ? 2 * alloc : 16;
			v = xrealloc(v, alloc * sizeof(*v));
		}
		e = &v[(*n)++];
		e->outlet = xstrdup(tsv_field(t, c[0]));
		e->reference = xstrdup(tsv_field(t, c[1]));
		e->metric = xstrdup(tsv_field(t, c[2]));
		e->model = xstrdup(tsv_field(t, c[3]));
		e->note = xstrdup(note >= 0 ? tsv_field(t, note) : "");
		e->estimate = num(tsv_field(t, c[4]));
		e->lo = num(tsv_field(t, c[5]));
		e->hi = num(tsv_field(t, c[6]));
		e->n_stories = isnan(ns) || ns < 0 ? 0 : (size_t)ns;
		e->pooled = NAN;
	}
	tsv_close(t);
	*out = v;
	if (r < 0 || join_compare(dir, v, *n) < 0) {
		storyset_effects_free(v, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

void storyset_effects_free(struct storyset_effect *e, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(e[i].outlet);
		free(e[i].reference);
		free(e[i].metric);
		free(e[i].model);
		free(e[i].note);
	}
	free(e);
}
