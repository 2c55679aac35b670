#include "results.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "scoretab.h"
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
	size_t g;
	for (g = 0; g < r->ngroups; g++)
		if (!strcmp(r->groups[g], name))
			return (long)g;
	return -1;
}

int res_articles_load(struct res_articles *r, const char *path, const char *by)
{
	char *files[1];
	struct scoretab *t;
	size_t i;

	memset(r, 0, sizeof(*r));
	files[0] = xstrdup(path);
	t = scoretab_read(files, 1, by ? by : "outlet", SCORETAB_TEXT);
	free(files[0]);
	if (!t)
		return -1;
	r->n = t->n;
	r->a = xcalloc(t->n + 1, sizeof(*r->a));
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
		a->stance = s->stance;
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
	}
	free(r->a);
	memset(r, 0, sizeof(*r));
}
