/* Unit tests for lexicon parsing and matching. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "lexdecl.h"
#include "lexicon.h"
#include "match.h"
#include "text.h"
#include "test_rand.h"

static const char lex_text[] =
	"# a comment\n"
	"[accusatory] Accusing the other side.\n"
	"groundless\n"
	"groundless accusation*   # longest match wins\n"
	"hypocri*\n"
	"smear = 2.5\n"
	"so-called\n"
	"\n"
	"[actors]\n"
	"\"US\"\n"
	"united states\n";

static void test_parse_categories_and_entries(void **state)
{
	struct lexicon lx = LEXICON_INIT;
	(void)state;
	assert_int_equal(lexicon_parse(&lx, "t.lex", lex_text, strlen(lex_text)), 0);
	assert_int_equal(lx.ncategories, 2);
	assert_string_equal(lx.categories[0].name, "accusatory");
	assert_string_equal(lx.categories[0].description, "Accusing the other side.");
	assert_int_equal(lx.nentries, 7);
	assert_int_equal(lx.entries[1].nwords, 2);
	assert_int_equal(lx.entries[1].words[1].glob, 1);
	assert_string_equal(lx.entries[1].written, "groundless accusation*");
	assert_true(lx.entries[3].weight == 2.5);
	assert_string_equal(lx.entries[3].written, "smear");
	assert_int_equal(lx.entries[4].nwords, 2);	/* so-called: so + called */
	assert_int_equal(lx.entries[5].case_sensitive, 1);
	assert_string_equal(lx.entries[5].words[0].text, "US");
	assert_string_equal(lx.entries[5].written, "\"US\"");
	assert_int_equal(lx.entries[5].line, 10);
	assert_int_equal(lexicon_category(&lx, "actors"), 1);
	lexicon_release(&lx);
}

static int parse_fails(const char *text)
{
	struct lexicon lx = LEXICON_INIT;
	int r = lexicon_parse(&lx, "bad.lex", text, strlen(text));
	lexicon_release(&lx);
	return r < 0;
}

static void test_parse_errors(void **state)
{
	(void)state;
	assert_true(parse_fails("word\n"));			/* before any category */
	assert_true(parse_fails("[Bad Name]\nx\n"));
	assert_true(parse_fails("[a\nx\n"));
	assert_true(parse_fails("[a]\n*x\n"));			/* glob not at the end */
	assert_true(parse_fails("[a]\nfo*o\n"));
	assert_true(parse_fails("[a]\nx = nan\n"));
	assert_true(parse_fails("[a]\nx = inf\n"));
	assert_true(parse_fails("[a]\nx = 1e400\n"));
	assert_true(parse_fails("[a]\nx = -1\n"));
	assert_true(parse_fails("[a]\n\"US\n"));
	assert_true(parse_fails("[a]\n*\n"));
	assert_true(parse_fails("[a]\n...\n"));
	assert_true(parse_fails("[a]\nx\n[a]\ny\n"));		/* category twice */
	assert_false(parse_fails("[a]\nx = 0.5\n"));
}

/* Matches lexicon text lex against s; returns "category:entry:quoted:negated" joined by ' '. */
static void run_lexicon(const char *lex, const char *s, int negation, char *out, size_t outlen)
{
	struct lexicon lx = LEXICON_INIT;
	struct text_tokens tt = TEXT_TOKENS_INIT;
	struct match_list ml = MATCH_LIST_INIT;
	struct matcher *m;
	size_t i, used = 0;

	assert_int_equal(lexicon_parse(&lx, "t.lex", lex, strlen(lex)), 0);
	m = matcher_new(&lx);
	text_tokenize(&tt, s, 0, strlen(s));
	matcher_run(m, &tt, negation, &ml);
	out[0] = '\0';
	for (i = 0; i < ml.n; i++)
		used += (size_t)snprintf(out + used, outlen - used, "%s%s:%s:%d:%d",
					 i ? " " : "", lx.categories[ml.m[i].category].name,
					 lx.entries[ml.m[i].entry].written, ml.m[i].quoted,
					 ml.m[i].negated);
	match_list_release(&ml);
	matcher_free(m);
	text_tokens_release(&tt);
	lexicon_release(&lx);
}

static void run(const char *s, int negation, char *out, size_t outlen)
{
	run_lexicon(lex_text, s, negation, out, outlen);
}

/*
 * The matcher rules tokens out by their first three bytes (fewer when a
 * glob is shorter); words shorter than that, one-letter globs, non-ASCII
 * first bytes and case-sensitive words must all still match.
 */
static void test_prefilter_keeps_short_words(void **state)
{
	char out[512];
	(void)state;
	run_lexicon("[a]\nxi\nno\nhypocri*\n\"US\"\n", "No, Xi saw US hypocrisy; not xiang, us or USA.",
		    0, out, sizeof(out));
	assert_string_equal(out, "a:no:0:0 a:xi:0:0 a:\"US\":0:0 a:hypocri*:0:0");
	run_lexicon("[a]\nz*\nab*\nx\n\u00e9t\u00e9*\n[b]\n\"U*\"\n",
		    "Zebra ab abc x xy \u00c9t\u00e9s Ux ux b", 1, out, sizeof(out));
	assert_string_equal(out, "a:z*:0:0 a:ab*:0:0 a:ab*:0:0 a:x:0:0 a:\u00e9t\u00e9*:0:0 b:\"U*\":0:0");
}

static void test_longest_match_and_globs(void **state)
{
	char out[512];
	(void)state;
	run("Stop the groundless accusations and the hypocritical smears.", 1, out, sizeof(out));
	/* "smears" is not "smear": no glob on that entry */
	assert_string_equal(out, "accusatory:groundless accusation*:0:0 accusatory:hypocri*:0:0");
	run("Groundless. Accusations", 1, out, sizeof(out));	/* no phrase across sentences */
	assert_string_equal(out, "accusatory:groundless:0:0");
}

static void test_case_sensitive_and_phrases(void **state)
{
	char out[512];
	(void)state;
	run("Let us tell the US and the United States", 1, out, sizeof(out));
	assert_string_equal(out, "actors:\"US\":0:0 actors:united states:0:0");
	run("the so-called \"smear\"", 1, out, sizeof(out));
	assert_string_equal(out, "accusatory:so-called:0:0 accusatory:smear:1:0");
}

static void test_negation_window(void **state)
{
	char out[512];
	(void)state;
	run("This is not a groundless claim.", 1, out, sizeof(out));
	assert_string_equal(out, "accusatory:groundless:0:1");
	run("This is not at all a groundless claim.", 1, out, sizeof(out));	/* 4 tokens back */
	assert_string_equal(out, "accusatory:groundless:0:0");
	run("It isn't groundless.", 1, out, sizeof(out));
	assert_string_equal(out, "accusatory:groundless:0:1");
	run("No. Groundless.", 1, out, sizeof(out));	/* not across sentences */
	assert_string_equal(out, "accusatory:groundless:0:0");
	run("This is not a groundless claim.", 0, out, sizeof(out));
	assert_string_equal(out, "accusatory:groundless:0:0");
}

/*
 * lexicons/README.md: a negator "within the 3 tokens before" a match negates
 * it. Distance d means d - 1 tokens stand between the negator and the
 * match's first token: 1, 2 and 3 negate, 4 and 5 do not, for a one-word
 * entry and for a phrase (counted back from its first word), for every
 * kind of negator, and a negator after the match never counts.
 */
static void test_negation_window_edges(void **state)
{
	char out[512];
	(void)state;
	run("They did not groundless.", 1, out, sizeof(out));			/* 1 */
	assert_string_equal(out, "accusatory:groundless:0:1");
	run("They did not call groundless.", 1, out, sizeof(out));		/* 2 */
	assert_string_equal(out, "accusatory:groundless:0:1");
	run("They did not call it groundless.", 1, out, sizeof(out));		/* 3 */
	assert_string_equal(out, "accusatory:groundless:0:1");
	run("They did not call it quite groundless.", 1, out, sizeof(out));	/* 4 */
	assert_string_equal(out, "accusatory:groundless:0:0");
	run("They did not call it at all groundless.", 1, out, sizeof(out));	/* 5 */
	assert_string_equal(out, "accusatory:groundless:0:0");
	/* A phrase: from "groundless", its first word. */
	run("Never did they make groundless accusations.", 1, out, sizeof(out));	/* 4 */
	assert_string_equal(out, "accusatory:groundless accusation*:0:0");
	run("Never did they groundless accusations.", 1, out, sizeof(out));		/* 3 */
	assert_string_equal(out, "accusatory:groundless accusation*:0:1");
	/* Other negators, one word, at 3 and at 4; n't is part of its word. */
	run("Nobody ever said hypocrisy; nobody ever said so smear.", 1, out, sizeof(out));
	assert_string_equal(out, "accusatory:hypocri*:0:1 accusatory:smear:0:0");
	run("It wasn't really a smear, it wasn't really quite a smear.", 1, out, sizeof(out));
	assert_string_equal(out, "accusatory:smear:0:1 accusatory:smear:0:0");
	/* After the match: nothing. */
	run("Groundless it is not.", 1, out, sizeof(out));
	assert_string_equal(out, "accusatory:groundless:0:0");
	/* Quoted and negated at once: both flags. */
	run("He said \"not groundless\" twice.", 1, out, sizeof(out));
	assert_string_equal(out, "accusatory:groundless:1:1");
}

/*
 * A match inside typographic quotation marks is quoted, one outside is not
 * (README, Quotations): « », 「 」 and 『 』 like “ ”, and a quotation left
 * open runs to the end of the text given as one paragraph.
 */
static void test_typographic_quotes_mark_matches(void **state)
{
	char out[512];
	(void)state;
	run("smear \xC2\xAB" "smear\xC2\xBB smear \xC2\xAB\xC2\xA0groundless\xC2\xA0\xC2\xBB smear",
	    1, out, sizeof(out));
	assert_string_equal(out, "accusatory:smear:0:0 accusatory:smear:1:0 accusatory:smear:0:0 "
			    "accusatory:groundless:1:0 accusatory:smear:0:0");
	/* 称「smear」和『hypocrisy』, smear */
	run("\xE7\xA7\xB0\xE3\x80\x8Csmear\xE3\x80\x8D\xE5\x92\x8C\xE3\x80\x8Ehypocrisy\xE3\x80\x8F, smear",
	    1, out, sizeof(out));
	assert_string_equal(out, "accusatory:smear:1:0 accusatory:hypocri*:1:0 accusatory:smear:0:0");
	/* \u201Csmear\u201D smear, then \u00ABsmear left open: quoted to the end */
	run("\xE2\x80\x9Csmear\xE2\x80\x9D smear \xC2\xAB" "smear and groundless accusations",
	    1, out, sizeof(out));
	assert_string_equal(out, "accusatory:smear:1:0 accusatory:smear:0:0 accusatory:smear:1:0 "
			    "accusatory:groundless accusation*:1:0");
}

/* ---- the matcher against a reference that tries every entry at every token ---- */

static int ref_word_matches(const struct lex_word *w, int cased, const struct text_tokens *tt,
			    size_t i)
{
	const char *form = cased ? text_cased(tt, i) : text_norm(tt, i);
	size_t len = strlen(form);
	return w->glob ? len >= w->len && !memcmp(form, w->text, w->len)
		       : len == w->len && !memcmp(form, w->text, len);
}

static int ref_entry_matches(const struct lex_entry *e, const struct text_tokens *tt, size_t i)
{
	size_t k;
	if (i + e->nwords > tt->n)
		return 0;
	for (k = 0; k < e->nwords; k++)
		if (tt->tok[i + k].sentence != tt->tok[i].sentence
		    || !ref_word_matches(&e->words[k], e->case_sensitive, tt, i + k))
			return 0;
	return 1;
}

/*
 * The order in which the matcher meets entries at a token: globs on the
 * first word by prefix length, then exact first words; case-folded before
 * case-sensitive; then as written. Categories are listed as first met.
 */
static size_t meet_rank(const struct lex_entry *e, size_t id)
{
	const struct lex_word *w = &e->words[0];
	return ((size_t)e->case_sensitive << 40) | ((size_t)!w->glob << 39)
	       | ((w->glob ? w->len : 0) << 24) | id;
}

/* Per token and category: the longest matching entry, the first written on a tie. */
static void ref_matches(const struct lexicon *lx, const struct text_tokens *tt, struct buf *out)
{
	size_t covered[8] = { 0 }, i, cat, e;

	for (i = 0; i < tt->n; i++) {
		size_t best[8], met[8], order[8], norder = 0, k;
		for (cat = 0; cat < lx->ncategories; cat++)
			best[cat] = met[cat] = (size_t)-1;
		for (e = 0; e < lx->nentries; e++) {
			const struct lex_entry *x = &lx->entries[e];
			cat = x->category;
			if (!ref_entry_matches(x, tt, i))
				continue;
			if (met[cat] == (size_t)-1 || meet_rank(x, e) < met[cat])
				met[cat] = meet_rank(x, e);
			if (best[cat] == (size_t)-1 || x->nwords > lx->entries[best[cat]].nwords)
				best[cat] = e;
		}
		/* Categories by the rank of their first met entry. */
		for (cat = 0; cat < lx->ncategories; cat++) {
			if (met[cat] == (size_t)-1)
				continue;
			for (k = norder; k > 0 && met[order[k - 1]] > met[cat]; k--)
				order[k] = order[k - 1];
			order[k] = cat;
			norder++;
		}
		for (k = 0; k < norder; k++) {
			cat = order[k];
			if (i < covered[cat])
				continue;
			covered[cat] = i + lx->entries[best[cat]].nwords;
			buf_addf(out, "%zu:%zu:%zu\n", i, cat, best[cat]);
		}
	}
}

/* The matcher's matches, in its order. */
static void matcher_matches(const struct lexicon *lx, const struct text_tokens *tt,
			    struct buf *out)
{
	struct matcher *m = matcher_new(lx);
	struct match_list ml = MATCH_LIST_INIT;
	size_t i;

	matcher_run(m, tt, 0, &ml);
	for (i = 0; i < ml.n; i++)
		buf_addf(out, "%u:%u:%u\n", ml.m[i].first, ml.m[i].category, ml.m[i].entry);
	match_list_release(&ml);
	matcher_free(m);
}

/*
 * Random lexicons over a small vocabulary (many phrases sharing first and
 * second words, globs in any place, case-sensitive entries, three
 * categories) on random sentences: the matcher finds what trying every
 * entry at every token finds, in the same order.
 */
static void test_matcher_equals_reference(void **state)
{
	static const char *const vocab[] = { "the", "The", "war", "talks", "china", "US", "us",
					     "accusation", "accusations", "side", "not", "state" };
	static const char *const globs[] = { "accus*", "t*", "s*", "wa*", "chin*" };
	const size_t nv = sizeof(vocab) / sizeof(vocab[0]), ng = sizeof(globs) / sizeof(globs[0]);
	uint64_t seed = 12345;
	size_t found = 0;
	int round;
	(void)state;

	for (round = 0; round < 40; round++) {
		struct buf lex = BUF_INIT, text = BUF_INIT, want = BUF_INIT, got = BUF_INIT;
		struct lexicon lx = LEXICON_INIT;
		struct text_tokens tt = TEXT_TOKENS_INIT;
		size_t cat, e, w, nentries = 5 + test_rand(&seed, 60);

		for (cat = 0; cat < 3; cat++) {
			buf_addf(&lex, "[c%zu]\n", cat);
			for (e = 0; e < nentries; e++) {
				size_t nwords = 1 + test_rand(&seed, 3);
				int quoted = test_rand(&seed, 6) == 0;
				buf_adds(&lex, quoted ? "\"" : "");
				for (w = 0; w < nwords; w++) {
					int glob = test_rand(&seed, 5) == 0;
					buf_adds(&lex, w ? " " : "");
					buf_adds(&lex, glob ? globs[test_rand(&seed, ng)] : vocab[test_rand(&seed, nv)]);
				}
				buf_adds(&lex, quoted ? "\"\n" : "\n");
			}
		}
		for (w = 0; w < 200; w++) {
			buf_adds(&text, vocab[test_rand(&seed, nv)]);
			buf_adds(&text, test_rand(&seed, 8) == 0 ? ". " : " ");
		}
		assert_int_equal(lexicon_parse(&lx, "r.lex", lex.data, lex.len), 0);
		text_tokenize(&tt, text.data, 0, text.len);
		ref_matches(&lx, &tt, &want);
		matcher_matches(&lx, &tt, &got);
		assert_string_equal(got.data ? got.data : "", want.data ? want.data : "");
		found += want.len;
		text_tokens_release(&tt);
		lexicon_release(&lx);
		buf_release(&lex);
		buf_release(&text);
		buf_release(&want);
		buf_release(&got);
	}
	assert_true(found > 10000);	/* the rounds did find matches to compare */
}

/* Directives: an index, @actors, @voice, and what the table of them holds. */
static const char directives_a[] =
	"@index stance = log-ratio acc conc   # the stance\n"
	"@index tone=difference conc acc\n"
	"@voice acc\n"
	"[acc] Accusing.\n"
	"smear = 2\n"
	"[conc]\n"
	"dialogue\n";
static const char directives_b[] =
	"@actors\n"
	"[china] China's side.\n"
	"beijing\n"
	"[us]\n"
	"\"US\"\n";

static void test_directives(void **state)
{
	struct lexicon lx = LEXICON_INIT;
	struct lexdecl d = LEXDECL_INIT, back = LEXDECL_INIT;
	struct buf out = BUF_INIT, again = BUF_INIT;
	(void)state;

	assert_int_equal(lexicon_parse(&lx, "a.lex", directives_a, strlen(directives_a)), 0);
	assert_int_equal(lexicon_parse(&lx, "b.lex", directives_b, strlen(directives_b)), 0);
	assert_int_equal(lexicon_resolve(&lx), 0);
	assert_int_equal(lx.nindices, 2);
	assert_string_equal(lx.indices[1].name, "tone");
	assert_int_equal(lx.indices[1].kind, LEX_INDEX_DIFFERENCE);
	assert_int_equal(lx.indices[1].a.category, 1);
	assert_int_equal(lx.indices[1].b.category, 0);
	assert_int_equal(lx.indices[0].line, 1);
	assert_int_equal(lx.indices[0].col, 8);
	assert_int_equal(lx.categories[0].weighted, 1);
	assert_int_equal(lx.categories[1].weighted, 0);
	assert_int_equal(lx.categories[0].actor, 0);
	assert_int_equal(lx.categories[2].actor, 1);
	assert_int_equal(lx.categories[3].actor, 1);
	/* @voice names acc only, so conc is not shown; actors never are. */
	assert_true(lexicon_shows_voice(&lx, 0));
	assert_false(lexicon_shows_voice(&lx, 1));
	assert_false(lexicon_shows_voice(&lx, 2));

	lexdecl_from_lexicon(&d, &lx);
	lexdecl_write(&d, &out);
	assert_string_equal(out.data,
		"name\trole\tweighted\tvoice\tdefinition\tdescription\n"
		"acc\tcategory\tyes\tyes\t-\tAccusing.\n"
		"conc\tcategory\tno\tno\t-\t-\n"
		"china\tactor\tno\tno\t-\tChina's side.\n"
		"us\tactor\tno\tno\t-\t-\n"
		"stance\tindex\t-\t-\tlog-ratio acc conc\t-\n"
		"tone\tindex\t-\t-\tdifference conc acc\t-\n");
	assert_int_equal(lexdecl_parse(&back, "categories.tsv", out.data, out.len), 0);
	lexdecl_write(&back, &again);
	assert_string_equal(again.data, out.data);
	assert_true(lexdecl_is_actor(&back, "us"));
	assert_false(lexdecl_is_actor(&back, "acc"));
	assert_false(lexdecl_is_actor(&back, "nobody"));
	assert_int_equal(lexdecl_index(&back, "tone")->kind, LEX_INDEX_DIFFERENCE);
	buf_reset(&again);
	lexdecl_index_formula(lexdecl_index(&back, "stance"), &again);
	assert_string_equal(again.data, "log((acc + 0.5) / (conc + 0.5))");
	buf_reset(&again);
	lexdecl_index_formula(lexdecl_index(&back, "tone"), &again);
	assert_string_equal(again.data, "conc - acc per 1,000 tokens");
	lexdecl_release(&d);
	lexdecl_release(&back);
	buf_release(&out);
	buf_release(&again);
	lexicon_release(&lx);
}

/* @actors marks the categories after it, so files may be joined. */
static void test_actors_after_the_line(void **state)
{
	static const char text[] = "[a]\nx\n@actors\n[b]\ny\n";
	struct lexicon lx = LEXICON_INIT;
	(void)state;
	assert_int_equal(lexicon_parse(&lx, "a.lex", text, strlen(text)), 0);
	assert_int_equal(lx.categories[0].actor, 0);
	assert_int_equal(lx.categories[1].actor, 1);
	lexicon_release(&lx);
}

/* Without @voice every category that is not an actor is shown. */
static void test_voice_default(void **state)
{
	static const char text[] = "[a]\nx\n[b]\ny\n";
	struct lexicon lx = LEXICON_INIT;
	(void)state;
	assert_int_equal(lexicon_parse(&lx, "a.lex", text, strlen(text)), 0);
	assert_int_equal(lexicon_parse(&lx, "b.lex", directives_b, strlen(directives_b)), 0);
	assert_int_equal(lexicon_resolve(&lx), 0);
	assert_true(lexicon_shows_voice(&lx, 0));
	assert_true(lexicon_shows_voice(&lx, 1));
	assert_false(lexicon_shows_voice(&lx, 2));
	lexicon_release(&lx);
}

static int resolve_fails(const char *text)
{
	struct lexicon lx = LEXICON_INIT;
	int r = lexicon_parse(&lx, "bad.lex", text, strlen(text));
	if (r == 0)
		r = lexicon_resolve(&lx);
	lexicon_release(&lx);
	return r < 0;
}

static void test_directive_errors(void **state)
{
	(void)state;
	assert_false(resolve_fails("[a]\nx\n[b]\ny\n@index i = log-ratio a b\n"));
	assert_true(resolve_fails("[a]\nx\n@index i = log-ratio a c\n"));	/* unknown */
	assert_true(resolve_fails("[a]\nx\n@index i = log-ratio a a\n"));	/* twice */
	assert_true(resolve_fails("[a]\nx\n[b]\ny\n@index i = mean a b\n"));	/* kind */
	assert_true(resolve_fails("[a]\nx\n[b]\ny\n@index i log-ratio a b\n"));	/* no = */
	assert_true(resolve_fails("[a]\nx\n[b]\ny\n@index i = log-ratio a\n"));
	assert_true(resolve_fails("[a]\nx\n[b]\ny\n@index i = log-ratio a b c\n"));
	assert_true(resolve_fails("[a]\nx\n[b]\ny\n@index a = log-ratio a b\n"));	/* a name */
	assert_true(resolve_fails("[a]\nx\n[b]\ny\n@index I = log-ratio a b\n"));
	assert_true(resolve_fails("[a]\nx\n[b]\ny\n@index i = log-ratio a b\n"
				  "@index i = difference a b\n"));
	assert_true(resolve_fails("[a]\nx\n@voice\n"));
	assert_true(resolve_fails("[a]\nx\n@voice a z\n"));
	assert_true(resolve_fails("[a]\nx\n@actors now\n"));
	assert_true(resolve_fails("[a]\nx\n@act\n"));
	assert_true(resolve_fails("[a]\nx\n@ index i = log-ratio a b\n"));
}

/* The formulas, by hand: log((3 + 0.5) / (1 + 0.5)) and (3 - 1) * 1000 / 400. */
static void test_index_values(void **state)
{
	(void)state;
	assert_true(fabs(lexdecl_index_value(LEX_INDEX_LOG_RATIO, 3, 1, 400) -
			 0.8472978603872037) < 1e-15);
	assert_true(lexdecl_index_value(LEX_INDEX_DIFFERENCE, 3, 1, 400) == 5.0);
	assert_true(isnan(lexdecl_index_value(LEX_INDEX_DIFFERENCE, 3, 1, 0)));
	assert_true(lexdecl_index_value(LEX_INDEX_LOG_RATIO, 0, 0, 0) == 0.0);
}

static void test_categories_table_errors(void **state)
{
	static const char *const bad[] = {
		"name\trole\n",
		"name\trole\tweighted\tvoice\tdefinition\tdescription\nA\tcategory\tno\tno\t-\t-\n",
		"name\trole\tweighted\tvoice\tdefinition\tdescription\na\tthing\tno\tno\t-\t-\n",
		"name\trole\tweighted\tvoice\tdefinition\tdescription\na\tcategory\tmaybe\tno\t-\t-\n",
		"name\trole\tweighted\tvoice\tdefinition\tdescription\na\tcategory\tno\tno\t-\t-\n"
		"a\tactor\tno\tno\t-\t-\n",
		"name\trole\tweighted\tvoice\tdefinition\tdescription\na\tcategory\tno\tno\t-\t-\n"
		"i\tindex\t-\t-\tlog-ratio a b\t-\n",
		"name\trole\tweighted\tvoice\tdefinition\tdescription\na\tcategory\tno\tno\t-\t-\n"
		"i\tindex\t-\t-\tlog-ratio a a\t-\n",
		"name\trole\tweighted\tvoice\tdefinition\tdescription\na\tcategory\tno\tno\t-\t-\n"
		"b\tcategory\tno\tno\t-\t-\ni\tindex\t-\t-\tsum a b\t-\n",
	};
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct lexdecl d = LEXDECL_INIT;
		assert_int_equal(lexdecl_parse(&d, "categories.tsv", bad[i], strlen(bad[i])), -1);
		assert_int_equal(d.ncat, 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_categories_and_entries),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_longest_match_and_globs),
		cmocka_unit_test(test_prefilter_keeps_short_words),
		cmocka_unit_test(test_case_sensitive_and_phrases),
		cmocka_unit_test(test_negation_window),
		cmocka_unit_test(test_negation_window_edges),
		cmocka_unit_test(test_typographic_quotes_mark_matches),
		cmocka_unit_test(test_matcher_equals_reference),
		cmocka_unit_test(test_directives),
		cmocka_unit_test(test_voice_default),
		cmocka_unit_test(test_actors_after_the_line),
		cmocka_unit_test(test_directive_errors),
		cmocka_unit_test(test_index_values),
		cmocka_unit_test(test_categories_table_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
