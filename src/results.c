#include "results.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "scoretab.h"
#include "sort.h"
#include "tsv.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

double res_number(const char *s)
{
	double v;
	if (!s || parse_double(s, &v) < 0)
		return NAN;
	return v;
}

static long find_or_add(char ***names, size_t *n, const char *name)
{
	size_t i;
	/* outlets.tsv holds a group's rows together: its last group first. */
	if (*n && !strcmp((*names)[*n - 1], name))
		return (long)(*n - 1);
	for (i = 0; i < *n; i++)
		if (!strcmp((*names)[i], name))
			return (long)i;
	*names = xrealloc(*names, (*n + 1) * sizeof(char *));
	(*names)[*n] = xstrdup(name);
	return (long)(*n)++;
}

static const char *const stat_columns[] = {
	"articles", "tokens", "count", "rate", "rate_lo", "rate_hi", "mean", "sd",
	"mean_lo", "mean_hi", "median", "boot_lo", "boot_hi",
	"rate_lo_poisson", "rate_hi_poisson", "dispersion",
};
#define NSTATCOLS (sizeof(stat_columns) / sizeof(stat_columns[0]))

static double *stat_field(struct res_stat *s, size_t i)
{
	double *f[NSTATCOLS] = {
		&s->articles, &s->tokens, &s->count, &s->rate, &s->rate_lo, &s->rate_hi,
		&s->mean, &s->sd, &s->mean_lo, &s->mean_hi, &s->median, &s->boot_lo, &s->boot_hi,
		&s->rate_lo_poisson, &s->rate_hi_poisson, &s->dispersion,
	};
	return f[i];
}

static const struct res_outlets *name_ctx;

static int name_cmp(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	int c = strcmp(name_ctx->groups[a], name_ctx->groups[b]);
	return c ? c : (a < b ? -1 : a > b);
}

static void index_names(struct res_outlets *r)
{
	size_t g;
	r->by_name = xmalloc((r->ngroups + 1) * sizeof(size_t));
	for (g = 0; g < r->ngroups; g++)
		r->by_name[g] = g;
	name_ctx = r;
	sort_array(r->by_name, r->ngroups, sizeof(size_t), name_cmp);
	name_ctx = NULL;
}

struct raw_row {
	size_t g, m;
	struct res_stat s;
};

int res_outlets_load(struct res_outlets *r, const char *path)
{
	struct tsv *t = tsv_open(path);
	long col[NSTATCOLS], cgroup, cmetric, cnote;
	struct raw_row *rows = NULL;
	size_t nrows = 0, alloc = 0, i, j;
	int rc;

	memset(r, 0, sizeof(*r));
	if (!t)
		return -1;
	cgroup = tsv_column(t, "group");
	cmetric = tsv_column(t, "metric");
	cnote = tsv_column(t, "note");
	for (i = 0; i < NSTATCOLS; i++)
		col[i] = tsv_column(t, stat_columns[i]);
	if (cgroup < 0 || cmetric < 0 || col[0] < 0 || col[6] < 0) {
		tsv_close(t);
		return error("%s: not an outlets.tsv of framing stats (no group, metric, "
			     "articles or mean column)", path);
	}
	while ((rc = tsv_next(t)) > 0) {
		struct raw_row *w;
		ALLOC_GROW(rows, nrows + 1, alloc);
		w = &rows[nrows++];
		w->g = (size_t)find_or_add(&r->groups, &r->ngroups, tsv_field(t, (size_t)cgroup));
		w->m = (size_t)find_or_add(&r->metrics, &r->nmetrics, tsv_field(t, (size_t)cmetric));
		for (i = 0; i < NSTATCOLS; i++)
			*stat_field(&w->s, i) = col[i] < 0 ? NAN : res_number(tsv_field(t, (size_t)col[i]));
		w->s.note = xstrdup(cnote < 0 ? "" : tsv_field(t, (size_t)cnote));
	}
	tsv_close(t);
	r->stat = xcalloc(r->ngroups * r->nmetrics + 1, sizeof(struct res_stat));
	for (i = 0; i < r->ngroups * r->nmetrics; i++)
		for (j = 0; j < NSTATCOLS; j++)
			*stat_field(&r->stat[i], j) = NAN;
	for (i = 0; i < nrows; i++) {
		struct res_stat *s = &r->stat[rows[i].g * r->nmetrics + rows[i].m];
		free(s->note);
		*s = rows[i].s;
	}
	free(rows);
	for (i = 0; i < r->nmetrics; i++) {
		const char *m = r->metrics[i];
		size_t len = strlen(m);
		if (len > 5 && !strcmp(m + len - 5, "_rate") &&
		    !(len > 9 && !strcmp(m + len - 9, "_own_rate"))) {
			r->categories = xrealloc(r->categories, (r->ncategories + 1) * sizeof(char *));
			r->categories[r->ncategories++] = xstrndup(m, len - 5);
		}
	}
	if (rc < 0) {
		res_outlets_release(r);
		return -1;
	}
	index_names(r);
	return 0;
}

void res_outlets_release(struct res_outlets *r)
{
	size_t i;
	for (i = 0; i < r->ngroups; i++)
		free(r->groups[i]);
	for (i = 0; i < r->nmetrics; i++)
		free(r->metrics[i]);
	for (i = 0; i < r->ngroups * r->nmetrics && r->stat; i++)
		free(r->stat[i].note);
	for (i = 0; i < r->ncategories; i++)
		free(r->categories[i]);
	free(r->groups);
	free(r->metrics);
	free(r->stat);
	free(r->categories);
	free(r->by_name);
	memset(r, 0, sizeof(*r));
}

const struct res_stat *res_outlets_get(const struct res_outlets *r, size_t g, const char *metric)
{
	size_t m;
	for (m = 0; m < r->nmetrics; m++)
		if (!strcmp(r->metrics[m], metric))
			return g < r->ngroups ? &r->stat[g * r->nmetrics + m] : NULL;
	return NULL;
}

long res_outlets_group(const struct res_outlets *r, const char *name)
{
	size_t lo = 0, hi = r->ngroups;

	if (!r->by_name)
		return -1;
	/* The first of equal names, as the linear search found it. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(r->groups[r->by_name[mid]], name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < r->ngroups && !strcmp(r->groups[r->by_name[lo]], name))
		return (long)r->by_name[lo];
	return -1;
}

static double group_size(const struct res_outlets *r, size_t g, int tokens)
{
	size_t m;
	for (m = 0; m < r->nmetrics; m++) {
		const struct res_stat *s = &r->stat[g * r->nmetrics + m];
		double n = tokens ? s->tokens : s->articles;
		if (!isnan(n))
			return n;
	}
	return NAN;
}

double res_group_articles(const struct res_outlets *r, size_t g)
{
	return group_size(r, g, 0);
}

double res_group_tokens(const struct res_outlets *r, size_t g)
{
	return group_size(r, g, 1);
}

static const struct res_outlets *size_ctx;

/* Largest first; groups without a size last; ties by name. */
static int size_cmp(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	double na = res_group_articles(size_ctx, a), nb = res_group_articles(size_ctx, b);
	int c;

	if (isnan(na) != isnan(nb))
		return isnan(na) ? 1 : -1;
	if (!isnan(na) && na != nb)
		return na > nb ? -1 : 1;
	c = strcmp(size_ctx->groups[a], size_ctx->groups[b]);
	return c ? c : (a < b ? -1 : a > b);
}

/* The groups named in the comma-separated list names, in its order, once each. */
static int select_named(const struct res_outlets *r, const char *names, struct res_selection *sel,
			char *taken)
{
	struct buf one = BUF_INIT;
	const char *s = names;

	sel->named = 1;
	while (*s) {
		size_t n = strcspn(s, ",");
		long g;

		buf_reset(&one);
		buf_add(&one, s, n);
		s += n + (s[n] == ',');
		if (!n)
			continue;
		g = res_outlets_group(r, one.data);
		if (g < 0) {
			error("option '--groups': no group '%s' in outlets.tsv", one.data);
			buf_release(&one);
			return -1;
		}
		if (taken[g])
			continue;
		if (sel->nshown == RES_MAX_GROUPS_LIMIT) {
			buf_release(&one);
			return error("option '--groups': more than %d groups named; a chart "
				     "shows at most %d", RES_MAX_GROUPS_LIMIT, RES_MAX_GROUPS_LIMIT);
		}
		taken[g] = 1;
		sel->shown[sel->nshown++] = (size_t)g;
	}
	buf_release(&one);
	if (!sel->nshown)
		return error("option '--groups': no group named");
	return 0;
}

int res_select(const struct res_outlets *r, size_t max, const char *names,
	       struct res_selection *sel)
{
	size_t g, *all = xmalloc((r->ngroups + 1) * sizeof(size_t));
	char *taken = xcalloc(r->ngroups + 1, 1);
	int ret = 0;

	memset(sel, 0, sizeof(*sel));
	sel->shown = xmalloc((r->ngroups + 1) * sizeof(size_t));
	if (names) {
		ret = select_named(r, names, sel, taken);
	} else {
		for (g = 0; g < r->ngroups; g++)
			all[g] = g;
		size_ctx = r;
		sort_array(all, r->ngroups, sizeof(size_t), size_cmp);
		size_ctx = NULL;
		/* Every group in the order of outlets.tsv when all fit, as before. */
		if (r->ngroups <= max)
			for (g = 0; g < r->ngroups; g++)
				all[g] = g;
		for (g = 0; g < r->ngroups && g < max; g++) {
			sel->shown[sel->nshown++] = all[g];
			taken[all[g]] = 1;
		}
	}
	for (g = 0; g < r->ngroups; g++)
		if (!taken[g]) {
			double n = res_group_articles(r, g);
			sel->nothers++;
			if (!isnan(n))
				sel->others_articles += n;
		}
	free(all);
	free(taken);
	if (ret < 0)
		res_selection_release(sel);
	return ret;
}

void res_selection_release(struct res_selection *sel)
{
	free(sel->shown);
	memset(sel, 0, sizeof(*sel));
}

int res_selection_partial(const struct res_selection *sel)
{
	return sel->nothers > 0 || sel->named;
}

void res_add_count(struct buf *out, double n)
{
	struct buf digits = BUF_INIT;
	size_t i;

	if (isnan(n)) {
		buf_adds(out, "NA");
		return;
	}
	buf_addf(&digits, "%.0f", n);
	for (i = 0; i < digits.len; i++) {
		if (i && digits.data[i - 1] != '-' && (digits.len - i) % 3 == 0)
			buf_addch(out, ',');
		buf_addch(out, digits.data[i]);
	}
	buf_release(&digits);
}

void res_selection_say(const struct res_outlets *r, const struct res_selection *sel,
		       struct buf *out)
{
	if (!res_selection_partial(sel))
		return;
	res_add_count(out, (double)sel->nshown);
	buf_adds(out, sel->named ? " named" : " largest");
	buf_adds(out, " of ");
	res_add_count(out, (double)r->ngroups);
	buf_addf(out, " group%s%s", r->ngroups == 1 ? "" : "s", sel->named ? "" : " by articles");
	if (!sel->nothers)
		return;
	buf_adds(out, "; the other ");
	res_add_count(out, (double)sel->nothers);
	buf_adds(out, " pooled as '" RES_OTHERS "'");
}

/* The sums and pooled values of metric over the groups for which take(g) holds. */
static struct res_stat pool(const struct res_outlets *r, const char *metric, const char *take)
{
	struct res_stat o;
	double wsum = 0, n = 0;
	size_t g;
	int any = 0;

	memset(&o, 0, sizeof(o));
	for (g = 0; g < r->ngroups; g++) {
		const struct res_stat *s;
		if (!take[g] || !(s = res_outlets_get(r, g, metric)))
			continue;
		any = 1;
		if (!isnan(s->articles))
			o.articles += s->articles;
		if (!isnan(s->tokens))
			o.tokens += s->tokens;
		if (!isnan(s->count))
			o.count += s->count;
		if (!isnan(s->mean) && s->articles > 0) {
			wsum += s->mean * s->articles;
			n += s->articles;
		}
	}
	o.rate = any && o.tokens > 0 ? o.count / o.tokens * 1000 : NAN;
	o.mean = n > 0 ? wsum / n : NAN;
	o.rate_lo = o.rate_hi = o.sd = o.mean_lo = o.mean_hi = o.median = NAN;
	o.boot_lo = o.boot_hi = o.rate_lo_poisson = o.rate_hi_poisson = o.dispersion = NAN;
	if (!any)
		o.articles = o.tokens = o.count = NAN;
	o.note = NULL;
	return o;
}

struct res_stat res_others(const struct res_outlets *r, const struct res_selection *sel,
			   const char *metric)
{
	char *take = xmalloc(r->ngroups + 1);
	struct res_stat o;
	size_t i;

	memset(take, 1, r->ngroups + 1);
	for (i = 0; i < sel->nshown; i++)
		take[sel->shown[i]] = 0;
	o = pool(r, metric, take);
	free(take);
	return o;
}

double res_rest_rate(const struct res_outlets *r, size_t g, const char *metric)
{
	char *take = xmalloc(r->ngroups + 1);
	struct res_stat o;

	memset(take, 1, r->ngroups + 1);
	take[g] = 0;
	o = pool(r, metric, take);
	free(take);
	return o.rate;
}

int res_articles_load(struct res_articles *r, const char *path, const struct scoretab_grouping *g)
{
	char *files[1];
	struct scoretab *t;
	size_t i;

	memset(r, 0, sizeof(*r));
	files[0] = xstrdup(path);
	t = scoretab_read_grouped(files, 1, g, SCORETAB_TEXT);
	free(files[0]);
	if (!t)
		return -1;
	r->n = t->n;
	r->a = xcalloc(t->n + 1, sizeof(*r->a));
	r->nindex = t->nindex;
	r->index_name = xcalloc(t->nindex + 1, sizeof(*r->index_name));
	for (i = 0; i < t->nindex; i++)
		r->index_name[i] = xstrdup(t->index_name[i]);
	/* The table is sorted by group; the charts want the order of the file. */
	for (i = 0; i < t->n; i++) {
		const struct scoretab_article *s = &t->a[i];
		struct res_article *a = &r->a[s->seq];
		a->id = xstrdup(s->id);
		a->group = xstrdup(s->gname);
		a->date = xstrdup(s->date);
		a->title = xstrdup(s->title);
		a->tokens = s->tokens;
		a->dropped = s->dropped;
		a->index = xmalloc((t->nindex + 1) * sizeof(*a->index));
		memcpy(a->index, s->index, t->nindex * sizeof(*a->index));
	}
	scoretab_free(t);
	return 0;
}

void res_articles_release(struct res_articles *r)
{
	size_t i;
	for (i = 0; i < r->n; i++) {
		free(r->a[i].id);
		free(r->a[i].group);
		free(r->a[i].date);
		free(r->a[i].title);
		free(r->a[i].index);
	}
	for (i = 0; i < r->nindex; i++)
		free(r->index_name[i]);
	free(r->index_name);
	free(r->a);
	memset(r, 0, sizeof(*r));
}
