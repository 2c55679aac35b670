/*
 * The boilerplate share per outlet (see boilerplate.h): the only place the
 * report reads articles, and it reads them through the source.
 */
#include "boilerplate.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "corpus.h"
#include "text.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

/* Characters other than white space: what dropped_chars is a share of. */
static double visible_chars(const char *text, size_t len)
{
	size_t pos = 0;
	double n = 0;

	while (pos < len) {
		int bad = 0;
		if (!text_is_space(text_decode(text, len, &pos, &bad)))
			n++;
	}
	return n;
}

static size_t outlet_index(struct boilerplate *b, const char *outlet)
{
	size_t k;

	for (k = 0; k < b->n; k++)
		if (!strcmp(b->outlets[k], outlet))
			return k;
	b->outlets = xrealloc(b->outlets, (b->n + 1) * sizeof(*b->outlets));
	b->visible = xrealloc(b->visible, (b->n + 1) * sizeof(*b->visible));
	b->dropped = xrealloc(b->dropped, (b->n + 1) * sizeof(*b->dropped));
	b->outlets[b->n] = xstrdup(outlet);
	b->visible[b->n] = b->dropped[b->n] = 0;
	return b->n++;
}

/*
 * Whether the articles can be read again: a folder or a regular JSON Lines
 * file can; standard input and a pipe were read to their end by score.
 */
static int rereadable(const struct source_options *in)
{
	struct stat st;

	if (!in->jsonl)
		return 1;
	return strcmp(in->jsonl, "-") && stat(in->jsonl, &st) == 0 && S_ISREG(st.st_mode);
}

int boilerplate_count(struct boilerplate *b, const struct source_options *in)
{
	struct source *s;
	struct article a;
	char *text;
	size_t len, nextra;
	int r;

	if (!rereadable(in))
		return 1;
	if (!(s = source_open(in)))
		return -1;
	source_extra_names(s, &nextra);
	/* The messages of articles skipped again: score has said why once. */
	util_set_message_sink(util_message_drop, NULL);
	while ((r = source_next(s, &a, &text, &len)) != 0) {
		size_t k;

		if (r < 0)
			continue;
		/* Not in one expression: outlet_index may move b->visible. */
		k = outlet_index(b, a.outlet);
		b->visible[k] += visible_chars(text, len);
		free(text);
		article_release(&a, nextra);
	}
	util_set_message_sink(NULL, NULL);
	source_free(s);
	return 0;
}

void boilerplate_add_dropped(struct boilerplate *b, const char *outlet, double chars)
{
	size_t k;

	for (k = 0; k < b->n; k++)
		if (!strcmp(b->outlets[k], outlet) && !isnan(chars))
			b->dropped[k] += chars;
}

double boilerplate_share(const struct boilerplate *b, size_t i)
{
	return b->visible[i] > 0 ? b->dropped[i] / b->visible[i] : NAN;
}

void boilerplate_release(struct boilerplate *b)
{
	size_t k;

	for (k = 0; k < b->n; k++)
		free(b->outlets[k]);
	free(b->outlets);
	free(b->visible);
	free(b->dropped);
	memset(b, 0, sizeof(*b));
}
