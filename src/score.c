#include "score.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "counts.h"
#include "dedup.h"
#include "htmlpage.h"
#include "lexdecl.h"
#include "stories.h"
#include "targets.h"
#include "text.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

/* Tokens of context on each side of a match in matches.tsv. */
#define CONTEXT_TOKENS 8

struct category_tally {
	size_t matches, own;
	double score;
};

struct outlet_terms {
	char *outlet;
	struct counts *terms;
};

struct scorer {
	const struct lexicon *lx;
	const struct matcher *m;
	struct score_options opt;
	struct text_tokens tt;
	struct clean_result clean;
	struct templates_article tmpl;	/* the site templates of the article's outlet */
	struct match_list matches;
	struct category_tally *tally;
	struct targets *targets;	/* targets.tsv: the actors each sentence names */
	/*
	 * Word counts per outlet, this scorer's articles only: each worker
	 * counts on its own, without a lock, and the tables are merged once
	 * at the end (scorer_flush_terms). outlet_index maps an outlet to its
	 * place in outlets, plus one.
	 */
	struct outlet_terms *outlets;
	size_t noutlets, outlets_alloc, last_outlet;
	struct counts *outlet_index;
	struct buf key;
	/*
	 * The first fields of a matches.tsv row, made once: "id\toutlet\t" for
	 * the article being scored, "category\tentry\t" for every entry.
	 */
	struct buf match_prefix;
	struct buf entry_fields;
	size_t *entry_at;	/* entry i's fields start at entry_fields.data + entry_at[i] */
	uint64_t *hashes;	/* the last article's word hashes, for its signature */
	size_t hashes_alloc;
	size_t dropped_words;	/* the words of the last article's dropped lines */
	size_t lost_words;	/* of those, the words of lines that could have been story */
};

static void add_field(struct buf *out, const char *s)
{
	buf_add_tsv_field(out, s, strlen(s));
	buf_addch(out, '\t');
}

struct scorer *scorer_new(const struct lexicon *lx, const struct matcher *m,
			  const struct score_options *opt)
{
	struct scorer *s = xcalloc(1, sizeof(*s));

	s->lx = lx;
	s->m = m;
	s->opt = *opt;
	templates_article_begin(&s->tmpl, NULL, NULL);
	s->tally = xcalloc(lx->ncategories ? lx->ncategories : 1, sizeof(*s->tally));
	s->outlet_index = counts_new();
	s->targets = targets_new(lx);
	s->entry_at = xcalloc(lx->nentries + 1, sizeof(*s->entry_at));
	for (size_t i = 0; i < lx->nentries; i++) {
		const struct lex_entry *e = &lx->entries[i];
		s->entry_at[i] = s->entry_fields.len;
		add_field(&s->entry_fields, lx->categories[e->category].name);
		add_field(&s->entry_fields, e->written);
	}
	s->entry_at[lx->nentries] = s->entry_fields.len;
	return s;
}

void scorer_free(struct scorer *s)
{
	if (!s)
		return;
	text_tokens_release(&s->tt);
	clean_result_release(&s->clean);
	templates_article_release(&s->tmpl);
	match_list_release(&s->matches);
	for (size_t i = 0; i < s->noutlets; i++) {
		free(s->outlets[i].outlet);
		counts_free(s->outlets[i].terms);
	}
	free(s->outlets);
	counts_free(s->outlet_index);
	buf_release(&s->key);
	buf_release(&s->match_prefix);
	buf_release(&s->entry_fields);
	free(s->entry_at);
	free(s->tally);
	targets_free(s->targets);
	free(s->hashes);
	free(s);
}

struct add_terms {
	struct buf *key;
	size_t prefix;
	struct counts *into;
};

static void add_one_term(void *ctx, const char *term, size_t len, uint64_t n)
{
	struct add_terms *a = ctx;

	a->key->len = a->prefix;
	buf_add(a->key, term, len);
	counts_add(a->into, a->key->data, a->key->len, n);
}

/* The word counts of outlet in this scorer, made on first use. */
static struct counts *outlet_terms(struct scorer *s, const char *outlet)
{
	size_t len = strlen(outlet);
	uint64_t *index;

	/* Archives come sorted by outlet often: the last one is the likely one. */
	if (s->noutlets && !strcmp(s->outlets[s->last_outlet].outlet, outlet)
	    && s->outlets[s->last_outlet].terms)
		return s->outlets[s->last_outlet].terms;
	index = counts_slot(s->outlet_index, outlet, len);
	if (!*index) {
		ALLOC_GROW(s->outlets, s->noutlets + 1, s->outlets_alloc);
		s->outlets[s->noutlets].outlet = xstrndup(outlet, len);
		s->outlets[s->noutlets].terms = NULL;
		*index = ++s->noutlets;
	}
	s->last_outlet = (size_t)*index - 1;
	if (!s->outlets[s->last_outlet].terms)
		s->outlets[s->last_outlet].terms = counts_new();
	return s->outlets[s->last_outlet].terms;
}

static void add_hashed_term(void *ctx, const char *term, size_t len, uint64_t n)
{
	*counts_slot_hashed(ctx, term, len, text_hash(term, len)) += n;
}

void scorer_merge_terms(struct scorer *into, struct scorer *from)
{
	size_t i;

	for (i = 0; i < from->noutlets; i++) {
		if (!from->outlets[i].terms)
			continue;
		counts_each(from->outlets[i].terms, add_hashed_term,
			    outlet_terms(into, from->outlets[i].outlet));
		/* Freed as soon as merged: two workers' tables never both grow at the end. */
		counts_free(from->outlets[i].terms);
		from->outlets[i].terms = NULL;
	}
}

void scorer_flush_terms(struct scorer *s, struct counts *into)
{
	struct add_terms a;
	size_t i;

	for (i = 0; i < s->noutlets; i++) {
		const char *outlet = s->outlets[i].outlet;
		buf_reset(&s->key);
		buf_add_tsv_field(&s->key, outlet, strlen(outlet));
		buf_addch(&s->key, '\t');
		a.key = &s->key;
		a.prefix = s->key.len;
		a.into = into;
		if (s->outlets[i].terms)
			counts_each(s->outlets[i].terms, add_one_term, &a);
		/* Freed as soon as merged: peak memory is the corpus table plus one outlet's. */
		counts_free(s->outlets[i].terms);
		s->outlets[i].terms = NULL;
	}
}

/* Whether the header line so far (tab-separated, from start) has the column name. */
static int score_has_column(const struct buf *out, size_t start, const char *name)
{
	const char *p = out->data + start, *end = out->data + out->len;
	size_t len = strlen(name);

	while (p <= end) {
		const char *tab = memchr(p, '\t', (size_t)(end - p));
		const char *stop = tab ? tab : end;
		if ((size_t)(stop - p) == len && !memcmp(p, name, len))
			return 1;
		p = stop + 1;
	}
	return 0;
}

/*
 * The columns of scores.tsv before the extra ones; with_indices 0 leaves
 * out the declared indices, so that their names can be checked against
 * the rest (score_check_indices). The one list of the columns framing
 * writes.
 */
static void add_columns(struct buf *out, const struct lexicon *lx, int with_indices)
{
	size_t i;

	buf_adds(out, "id\toutlet\tdate\ttitle\ttokens\tdropped_chars\treplaced_chars");
	for (i = 0; i < lx->ncategories; i++) {
		const char *c = lx->categories[i].name;
		buf_addf(out, "\t%s_matches\t%s_score\t%s_rate\t%s_own", c, c, c, c);
	}
	buf_adds(out, "\tnegated");
	/* The indices where stance was, in the order declared (stance.lex's is stance). */
	for (i = 0; with_indices && i < lx->nindices; i++) {
		buf_addch(out, '\t');
		buf_adds(out, lx->indices[i].name);
	}
	/*
	 * dropped_words after the columns readers knew, so none of them moves,
	 * and before the extra columns, which stay last.
	 */
	buf_adds(out, "\tdropped_words\tlost_words");
}

int score_check_indices(const struct lexicon *lx)
{
	struct buf header = BUF_INIT;
	size_t i;
	int bad = 0;

	add_columns(&header, lx, 0);
	for (i = 0; i < lx->nindices; i++) {
		const struct lex_index *ix = &lx->indices[i];
		if (score_has_column(&header, 0, ix->name))
			bad = error("%s:%zu:%zu: index '%s' has the name of a column of scores.tsv; "
				    "name it apart", ix->file, ix->line, ix->col, ix->name);
	}
	buf_release(&header);
	return bad;
}

void score_header(struct buf *out, const struct lexicon *lx, char *const *extra_names,
		  size_t nextra)
{
	struct buf name = BUF_INIT, given = BUF_INIT;
	size_t i, start = out->len;

	add_columns(out, lx, 1);
	/*
	 * An extra column named as one framing writes (a manifest's "stance"
	 * or "tokens") made two columns of one name, and readers took the
	 * first: it is written as "extra_NAME" (again, until the name is new).
	 */
	for (i = 0; i < nextra; i++) {
		buf_reset(&given);
		buf_add_tsv_field(&given, extra_names[i], strlen(extra_names[i]));
		buf_reset(&name);
		buf_adds(&name, buf_str(&given));
		while (score_has_column(out, start, buf_str(&name))) {
			struct buf prefixed = BUF_INIT;
			buf_addf(&prefixed, "extra_%s", buf_str(&name));
			buf_release(&name);
			name = prefixed;
		}
		if (strcmp(buf_str(&name), buf_str(&given)))
			warning("the input's column '%s' is written as '%s': scores.tsv has "
				"another column of that name", buf_str(&given), buf_str(&name));
		buf_addch(out, '\t');
		buf_adds(out, buf_str(&name));
	}
	buf_addch(out, '\n');
	buf_release(&name);
	buf_release(&given);
}

double score_rate(size_t matches, size_t tokens)
{
	return tokens ? 1000.0 * (double)matches / (double)tokens : NAN;
}

double score_wrate(double score, size_t tokens)
{
	return tokens ? 1000.0 * score / (double)tokens : NAN;
}

void score_matches_header(struct buf *out)
{
	buf_adds(out, "id\toutlet\tcategory\tentry\tsurface\tsentence\toffset\tquoted\tnegated"
		      "\tleft\tright\n");
}

void score_signatures_header(struct buf *out)
{
	buf_adds(out, "id\toutlet\tdate\tsignature\t" STORIES_SIGNATURE_COLUMNS "\n");
}

static void write_signature(struct scorer *s, const struct article *a, struct buf *out)
{
	add_field(out, a->id);
	add_field(out, a->outlet);
	add_field(out, *a->date ? a->date : "NA");
	dedup_sign(s->hashes, s->tt.n, out);
	stories_sign(&s->tt, out);
	buf_addch(out, '\n');
}

/* Cleans and tokenises the kept lines; counts replacements in all of them. */
/*
 * Whether a dropped line could have been part of the story, so that its
 * words count toward what cleaning lost (lost_words, score_lost_most):
 * lines the text rules dropped (short, no sentence end, few stop words,
 * another script) could; lines dropped for what the page's markup says
 * (nav, footer, ARIA roles, class words, link density) and site
 * templates repeated across the outlet could not: a page that loses a
 * mega-menu but keeps its story lost nothing of the story.
 */
static int could_be_story(const struct clean_line *l)
{
	return !l->keep && !l->markup && !l->repeated;
}

static void tokenize_article(struct scorer *s, const struct article *a, const char *lang,
			     const char *text, size_t len)
{
	struct clean_options copt;
	size_t i;

	memset(&copt, 0, sizeof(copt));
	copt.title = a->title;
	copt.lang = lang;
	copt.enabled = s->opt.clean;
	copt.skip_empty = 1;
	if (s->opt.table) {
		templates_article_begin(&s->tmpl, s->opt.table, a->outlet);
		copt.repeated = templates_repeated;
		copt.repeated_ctx = &s->tmpl;
	}
	copt.hints = a->page ? a->page->hints : NULL;
	copt.nhints = a->page ? a->page->nhints : 0;
	copt.blocks = a->page != NULL;
	clean_document(text, len, &copt, &s->clean);
	text_tokens_reset(&s->tt);
	for (i = 0; i < s->clean.n; i++) {
		const struct clean_line *l = &s->clean.lines[i];
		if (l->keep && l->end > l->start)
			text_tokenize(&s->tt, text, l->start, l->end);
	}
	/*
	 * Replacements in dropped lines count too: the file had them. Their
	 * words are counted as the tokenizer counts: tokens + dropped_words
	 * is what the article has without cleaning.
	 */
	s->dropped_words = 0;
	s->lost_words = 0;
	for (i = 0; i < s->clean.n; i++) {
		const struct clean_line *l = &s->clean.lines[i];
		size_t pos = l->start, words;
		if (l->keep)
			continue;
		words = text_count_words(text, l->start, l->end);
		s->dropped_words += words;
		if (could_be_story(l))
			s->lost_words += words;
		while (pos < l->end) {
			int bad = 0;
			text_decode(text, l->end, &pos, &bad);
			s->tt.replaced += (size_t)bad;
		}
	}
	/* A page's text is valid UTF-8: its bad bytes were counted as it was decoded. */
	if (a->page)
		s->tt.replaced += a->page->replaced;
}

#define TERM_PREFETCH_AHEAD 8

/* Lists the article's word hashes for its signature and counts the words for its outlet. */
static void count_terms(struct scorer *s, const char *outlet)
{
	struct counts *terms = outlet ? outlet_terms(s, outlet) : NULL;
	size_t i;

	ALLOC_GROW(s->hashes, s->tt.n + 1, s->hashes_alloc);
	for (i = 0; i < s->tt.n; i++) {
		const struct token *t = &s->tt.tok[i];
		s->hashes[i] = t->hash;
		if (!terms)
			continue;
		/* A table of a large vocabulary is out of cache: ask for the slot early. */
		if (i + TERM_PREFETCH_AHEAD < s->tt.n)
			counts_prefetch(terms, s->tt.tok[i + TERM_PREFETCH_AHEAD].hash);
		++*counts_slot_hashed(terms, text_norm(&s->tt, i), t->norm_len, t->hash);
	}
}

static void write_match(struct scorer *s, const struct article *a, const char *text,
			const struct match *m, struct buf *out)
{
	const struct text_tokens *tt = &s->tt;
	size_t first = m->first, last = m->first + m->ntokens - 1, l = first, r = last;
	uint32_t para = tt->tok[first].paragraph;

	while (l > 0 && first - l < CONTEXT_TOKENS && tt->tok[l - 1].paragraph == para)
		l--;
	while (r + 1 < tt->n && r - last < CONTEXT_TOKENS && tt->tok[r + 1].paragraph == para)
		r++;
	buf_add(out, s->match_prefix.data, s->match_prefix.len);
	buf_add(out, s->entry_fields.data + s->entry_at[m->entry],
		s->entry_at[m->entry + 1] - s->entry_at[m->entry]);
	text_append_clean(out, text, tt->tok[first].start, tt->tok[last].end);
	buf_addch(out, '\t');
	buf_add_uint(out, tt->tok[first].sentence);
	buf_addch(out, '\t');
	buf_add_uint(out, a->page ? htmlpage_offset(a->page, tt->tok[first].start)
				  : tt->tok[first].start);
	buf_adds(out, m->quoted ? "\t1" : "\t0");
	buf_adds(out, m->negated ? "\t1\t" : "\t0\t");
	text_append_clean(out, text, tt->tok[l].start, tt->tok[first].start);
	buf_addch(out, '\t');
	text_append_clean(out, text, tt->tok[last].end, tt->tok[r].end);
	buf_addch(out, '\n');
}

/* Tallies matches per category. */
static void tally(struct scorer *s, size_t *negated)
{
	size_t i;

	memset(s->tally, 0, s->lx->ncategories * sizeof(*s->tally));
	*negated = 0;
	for (i = 0; i < s->matches.n; i++) {
		const struct match *m = &s->matches.m[i];
		struct category_tally *t = &s->tally[m->category];
		if (m->negated) {
			(*negated)++;
			continue;
		}
		t->matches++;
		t->score += s->lx->entries[m->entry].weight;
		t->own += !m->quoted;
	}
}

/* A count and the separator after it, without printf (a row has a dozen). */
static void add_count(struct buf *out, size_t n, char sep)
{
	buf_add_uint(out, n);
	buf_addch(out, sep);
}

/* The declared indices, each after a tab: lexdecl_index_value of the weighted scores. */
static void write_indices(const struct scorer *s, size_t tokens, struct buf *row)
{
	size_t k;

	for (k = 0; k < s->lx->nindices; k++) {
		const struct lex_index *ix = &s->lx->indices[k];
		buf_addch(row, '\t');
		buf_add_double(row, lexdecl_index_value(ix->kind,
							s->tally[(size_t)ix->a.category].score,
							s->tally[(size_t)ix->b.category].score, tokens));
	}
}

static void write_row(struct scorer *s, const struct article *a, size_t nextra,
		      struct buf *row)
{
	size_t negated, i, tokens = s->tt.n;

	tally(s, &negated);
	add_field(row, a->id);
	add_field(row, a->outlet);
	add_field(row, *a->date ? a->date : "NA");
	add_field(row, a->title);
	add_count(row, tokens, '\t');
	add_count(row, s->clean.dropped_chars, '\t');
	add_count(row, s->tt.replaced, '\t');
	for (i = 0; i < s->lx->ncategories; i++) {
		const struct category_tally *t = &s->tally[i];
		add_count(row, t->matches, '\t');
		buf_add_double(row, t->score);
		buf_addch(row, '\t');
		buf_add_double(row, score_rate(t->matches, tokens));
		buf_addch(row, '\t');
		add_count(row, t->own, '\t');
	}
	buf_add_uint(row, negated);
	write_indices(s, tokens, row);
	buf_addch(row, '\t');
	buf_add_uint(row, s->dropped_words);
	buf_addch(row, '\t');
	buf_add_uint(row, s->lost_words);
	for (i = 0; i < nextra; i++) {
		buf_addch(row, '\t');
		buf_add_tsv_field(row, a->extra[i], strlen(a->extra[i]));
	}
	buf_addch(row, '\n');
}

void scorer_article(struct scorer *s, const struct article *a, size_t nextra,
		    const char *lang, const char *where, const char *text, size_t len,
		    const struct score_rows *out)
{
	const char *nul = memchr(text, '\0', len);
	size_t i;

	if (nul)
		warning("%s: binary data (a NUL byte at offset %zu); scoring its text anyway",
			where, (size_t)(nul - text));
	tokenize_article(s, a, lang, text, len);
	if (s->tt.n == 0)
		warning("%s: no words%s", where, s->opt.clean && s->clean.n ? " after cleaning" : "");
	matcher_run(s->m, &s->tt, s->opt.negation, &s->matches);
	count_terms(s, out->terms ? a->outlet : NULL);
	if (out->row)
		write_row(s, a, nextra, out->row);
	if (out->matches && s->matches.n) {
		buf_reset(&s->match_prefix);
		add_field(&s->match_prefix, a->id);
		add_field(&s->match_prefix, a->outlet);
	}
	for (i = 0; out->matches && i < s->matches.n; i++)
		write_match(s, a, text, &s->matches.m[i], out->matches);
	if (out->signature)
		write_signature(s, a, out->signature);
	if (out->targets)
		targets_article(s->targets, &s->tt, &s->matches, a->id, a->outlet, out->targets);
}

void scorer_analyze(struct scorer *s, const struct article *a, const char *lang,
		    const char *text, size_t len)
{
	tokenize_article(s, a, lang, text, len);
	matcher_run(s->m, &s->tt, s->opt.negation, &s->matches);
}

void scorer_words(const struct scorer *s, size_t *tokens, size_t *lost_words)
{
	*tokens = s->tt.n;
	*lost_words = s->lost_words;
}

int score_lost_most(double tokens, double lost_words)
{
	return lost_words > SCORE_LOST_SHARE * (tokens + lost_words);
}

void score_loss_add(struct score_loss *l, const char *id, const char *where, size_t tokens,
		    size_t lost_words)
{
	double share;

	l->articles++;
	if (!score_lost_most((double)tokens, (double)lost_words))
		return;
	l->lost++;
	share = (double)lost_words / ((double)tokens + (double)lost_words);
	if (l->worst_id && share <= l->worst_share)
		return;
	free(l->worst_id);
	free(l->worst_where);
	l->worst_id = xstrdup(id);
	l->worst_where = xstrdup(where);
	l->worst_share = share;
}

void score_loss_release(struct score_loss *l)
{
	free(l->worst_id);
	free(l->worst_where);
	memset(l, 0, sizeof(*l));
}

const struct text_tokens *scorer_tokens(const struct scorer *s)
{
	return &s->tt;
}

const struct match_list *scorer_matches(const struct scorer *s)
{
	return &s->matches;
}
