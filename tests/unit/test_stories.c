/* Unit tests for the grouping of articles into stories (stories.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "fsutil.h"
#include "scoretab.h"
#include "stories.h"
#include "text.h"

/* splitmix64: the bins' values in made-up signatures. */
static uint64_t mix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

/* A signature whose bin j has the value of key[j] (keys equal: bins equal). */
static void sig_of_keys(char out[257], const uint64_t key[64])
{
	int j;
	for (j = 0; j < 64; j++)
		snprintf(out + 4 * j, 5, "%04x", (unsigned)(mix(key[j] * 64 + (uint64_t)j) & 0xffff));
}

/* A signature sharing bins [0, shared) with every article of story, the others its own. */
static void sig_story(char out[257], unsigned story, unsigned article, int shared)
{
	uint64_t key[64];
	int j;
	for (j = 0; j < 64; j++)
		key[j] = j < shared ? story : 1000000u + story * 1000u + article;
	sig_of_keys(out, key);
}

struct fixture {
	char dir[64];
	char *scores;
	struct buf rows;
};

static void fx_begin(struct fixture *f)
{
	snprintf(f->dir, sizeof(f->dir), "/tmp/framing-stories-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	f->scores = path_join(f->dir, "scores.tsv");
	f->rows = (struct buf)BUF_INIT;
	buf_adds(&f->rows, "id\toutlet\tdate\tsignature\tcontent_words\tstory_signature\ttop_terms\n");
}

static void fx_row(struct fixture *f, const char *id, const char *outlet, const char *date,
		   const char *sig, const char *terms)
{
	buf_addf(&f->rows, "%s\t%s\t%s\t-\t100\t%s\t%s\n", id, outlet, date, sig, terms);
}

/* Writes signatures.tsv and groups; duplicates: the text of a duplicates.tsv or NULL. */
static struct stories *fx_group(struct fixture *f, long window, double threshold,
				const char *duplicates)
{
	struct stories_params p = { window, threshold };
	char *path = path_join(f->dir, "signatures.tsv"), *dpath = NULL;
	FILE *fp = fopen(path, "w");
	struct stories *s;

	assert_non_null(fp);
	fputs(buf_str(&f->rows), fp);
	assert_int_equal(fclose(fp), 0);
	free(path);
	if (duplicates) {
		dpath = path_join(f->dir, "duplicates.tsv");
		fp = fopen(dpath, "w");
		assert_non_null(fp);
		fputs(duplicates, fp);
		assert_int_equal(fclose(fp), 0);
	}
	s = stories_find(&f->scores, 1, dpath, &p);
	free(dpath);
	assert_non_null(s);
	return s;
}

/* stories.tsv's text; s is freed. */
static char *fx_write(struct fixture *f, struct stories *s)
{
	char *path = path_join(f->dir, "stories.tsv"), *text;
	size_t len;

	assert_int_equal(stories_write(s, f->dir), 0);
	text = read_file(path, &len);
	assert_non_null(text);
	free(path);
	stories_free(s);
	return text;
}

static void fx_end(struct fixture *f)
{
	const char *names[] = { "signatures.tsv", "duplicates.tsv", "stories.tsv" };
	size_t i;
	for (i = 0; i < 3; i++) {
		char *p = path_join(f->dir, names[i]);
		unlink(p);
		free(p);
	}
	rmdir(f->dir);
	free(f->scores);
	buf_release(&f->rows);
}

/* The story label of id in a stories.tsv text (0 when absent). */
static unsigned story_of(const char *text, const char *id)
{
	const char *p = text;
	size_t n = strlen(id);
	while ((p = strstr(p, id))) {
		if ((p == text || p[-1] == '\n') && p[n] == '\t')
			return (unsigned)strtoul(p + n + 1, NULL, 10);
		p += n;
	}
	return 0;
}

/* Two articles alike (J = 40/64) dated 3 days apart: one story; 4 days: two. */
static void test_window_edges(void **state)
{
	struct fixture f;
	char a[257], b[257], c[257];
	char *out;
	(void)state;
	sig_story(a, 1, 1, 40);
	sig_story(b, 1, 2, 40);
	sig_story(c, 1, 3, 40);
	fx_begin(&f);
	fx_row(&f, "a", "X", "2014-10-17", a, "talks");
	fx_row(&f, "b", "Y", "2014-10-20", b, "talks");
	fx_row(&f, "c", "Z", "2014-10-24", c, "talks");
	out = fx_write(&f, fx_group(&f, 3, 0.2, NULL));
	assert_int_equal(story_of(out, "a"), 1);
	assert_int_equal(story_of(out, "b"), 1);
	/* c is 4 days after b (within 3 of nothing else): a story of its own */
	assert_int_equal(story_of(out, "c"), 2);
	assert_non_null(strstr(out, "a\t1\t2\t2\t2014-10-17\t2014-10-20\ttalks\n"));
	free(out);
	/* A window of 0 days: same-day articles only. */
	out = fx_write(&f, fx_group(&f, 0, 0.2, NULL));
	assert_int_equal(story_of(out, "a"), 1);
	assert_int_equal(story_of(out, "b"), 2);
	assert_int_equal(story_of(out, "c"), 3);
	free(out);
	/* A window of 7: c joins a and b (the whole story spans 7 days). */
	out = fx_write(&f, fx_group(&f, 7, 0.2, NULL));
	assert_int_equal(story_of(out, "c"), 1);
	free(out);
	fx_end(&f);
}

/*
 * A story spans at most the window: a, b, c alike, b two days after a, c
 * two after b; c is within the window of b but not of a, so it stays apart.
 */
static void test_span(void **state)
{
	struct fixture f;
	char a[257];
	char *out;
	(void)state;
	sig_story(a, 5, 1, 64);
	fx_begin(&f);
	fx_row(&f, "a", "X", "2014-10-16", a, "talks");
	fx_row(&f, "b", "Y", "2014-10-18", a, "talks");
	fx_row(&f, "c", "Z", "2014-10-20", a, "talks");
	out = fx_write(&f, fx_group(&f, 3, 0.2, NULL));
	assert_int_equal(story_of(out, "a"), 1);
	assert_int_equal(story_of(out, "b"), 1);
	assert_int_equal(story_of(out, "c"), 2);
	free(out);
	fx_end(&f);
}

/* Undated articles group only with each other; dated first, undated last. */
static void test_undated(void **state)
{
	struct fixture f;
	char a[257], b[257], c[257];
	char *out;
	(void)state;
	sig_story(a, 2, 1, 48);
	sig_story(b, 2, 2, 48);
	sig_story(c, 2, 3, 48);
	fx_begin(&f);
	fx_row(&f, "u1", "X", "NA", a, "talks");
	fx_row(&f, "u2", "Y", "NA", b, "talks");
	fx_row(&f, "d1", "Z", "2014-10-20", c, "talks");
	out = fx_write(&f, fx_group(&f, 3, 0.2, NULL));
	assert_int_equal(story_of(out, "d1"), 1);
	assert_int_equal(story_of(out, "u1"), 2);
	assert_int_equal(story_of(out, "u2"), 2);
	assert_non_null(strstr(out, "u1\t2\t2\t2\tNA\tNA\ttalks\n"));
	free(out);
	fx_end(&f);
}

/* Wire copies (duplicates.tsv) are one story, whatever their signatures and dates. */
static void test_duplicates_joined(void **state)
{
	struct fixture f;
	char a[257], b[257];
	char *out;
	(void)state;
	sig_story(a, 3, 1, 0);
	sig_story(b, 4, 1, 0);
	fx_begin(&f);
	fx_row(&f, "w1", "X", "2014-10-01", a, "summit");
	fx_row(&f, "w2", "Y", "2014-10-09", b, "trade");
	out = fx_write(&f, fx_group(&f, 3, 0.2, NULL));
	assert_int_equal(story_of(out, "w2"), 2);
	free(out);
	out = fx_write(&f, fx_group(&f, 3, 0.2,
				   "id_a\tid_b\toutlet_a\toutlet_b\tsimilarity\n"
				   "w1\tw2\tX\tY\t0.9\nw1\tgone\tX\tY\t0.9\n"));
	assert_int_equal(story_of(out, "w1"), 1);
	assert_int_equal(story_of(out, "w2"), 1);
	/* terms common to the story: each article's, the most shared first, then bytewise */
	assert_non_null(strstr(out, "w1\t1\t2\t2\t2014-10-01\t2014-10-09\tsummit trade\n"));
	free(out);
	fx_end(&f);
}

/*
 * A pair found only in a later band: twenty articles of one day share bin
 * 0 (a frequent word's bin), so in band 0 a and b, the first and the last
 * of that bucket, are more than STORIES_BUCKET_CAP apart and never
 * compared; they also share bins 1 to 30, alone. The first grouping
 * skipped them in band 1 as "found in band 0 already": two stories.
 */
static void test_crowded_band(void **state)
{
	struct fixture f;
	uint64_t key[64];
	char sig[257], name[16];
	char *out;
	int i, j;
	(void)state;
	fx_begin(&f);
	for (i = 0; i < 20; i++) {
		for (j = 0; j < 64; j++)
			key[j] = j == 0 ? 7 : (i == 0 || i == 19) && j <= 30 ? 8 : 100u * (unsigned)i + (unsigned)j + 1000u;
		sig_of_keys(sig, key);
		snprintf(name, sizeof(name), "n%02d", i);
		fx_row(&f, name, i % 2 ? "X" : "Y", "2014-10-20", sig, "talks");
	}
	out = fx_write(&f, fx_group(&f, 3, 0.2, NULL));
	assert_int_not_equal(story_of(out, "n00"), 0);
	assert_int_equal(story_of(out, "n00"), story_of(out, "n19"));
	assert_non_null(strstr(out, "n00\t1\t2\t2\t"));
	free(out);
	fx_end(&f);
}

/* Same rows in another order, or split over two shards: the same bytes. */
static void test_deterministic(void **state)
{
	struct fixture f, g;
	char sig[12][257];
	char *one, *two, *shard2, *files[2];
	struct stories_params p = { 3, 0.2 };
	struct buf name = BUF_INIT;
	int i;
	FILE *fp;
	(void)state;
	for (i = 0; i < 12; i++)
		sig_story(sig[i], (unsigned)(i % 3), (unsigned)i, 30);
	fx_begin(&f);
	for (i = 0; i < 12; i++) {
		buf_reset(&name);
		buf_addf(&name, "id%02d", i);
		fx_row(&f, buf_str(&name), i % 2 ? "X" : "Y", i % 4 ? "2014-10-20" : "2014-10-21",
		       sig[i], "talks");
	}
	one = fx_write(&f, fx_group(&f, 3, 0.2, NULL));
	fx_end(&f);
	fx_begin(&f);
	fx_begin(&g);
	for (i = 11; i >= 0; i--) {
		buf_reset(&name);
		buf_addf(&name, "id%02d", i);
		fx_row(i % 2 ? &f : &g, buf_str(&name), i % 2 ? "X" : "Y",
		       i % 4 ? "2014-10-20" : "2014-10-21", sig[i], "talks");
	}
	stories_free(fx_group(&g, 3, 0.2, NULL));	/* writes g's signatures.tsv */
	files[0] = g.scores;
	files[1] = f.scores;
	shard2 = path_join(f.dir, "signatures.tsv");
	fp = fopen(shard2, "w");
	assert_non_null(fp);
	fputs(buf_str(&f.rows), fp);
	assert_int_equal(fclose(fp), 0);
	free(shard2);
	two = fx_write(&f, stories_find(files, 2, NULL, &p));
	assert_string_equal(one, two);
	/* three stories of four, the first by date then id (id00 is dated a day later) */
	assert_non_null(strstr(one, "id01\t1\t4\t"));
	assert_int_equal(story_of(one, "id00"), 3);
	assert_int_equal(story_of(one, "id03"), story_of(one, "id09"));
	free(one);
	free(two);
	fx_end(&g);
	fx_end(&f);
	buf_release(&name);
}

/*
 * A chain: article i shares half its bins with i - 1 and half with i + 1,
 * none with i + 2. Single linkage would make one story of all ten; the
 * window (articles a day apart) and the joining of stories as wholes
 * (same day) keep each story to at most three.
 */
static void test_chaining_guard(void **state)
{
	struct fixture f;
	char sig[10][257];
	char *out;
	struct buf id = BUF_INIT, date = BUF_INIT;
	int i, j, pass;
	(void)state;
	for (i = 0; i < 10; i++) {
		uint64_t key[64];
		for (j = 0; j < 64; j++)
			key[j] = 500 + 2 * (uint64_t)((i + j % 2) / 2);
		sig_of_keys(sig[i], key);
	}
	for (pass = 0; pass < 2; pass++) {
		unsigned max = 0, k;
		fx_begin(&f);
		for (i = 0; i < 10; i++) {
			buf_reset(&id);
			buf_addf(&id, "c%d", i);
			buf_reset(&date);
			buf_addf(&date, "2014-10-%02d", pass ? 10 : 10 + i);
			fx_row(&f, buf_str(&id), "X", buf_str(&date), sig[i], "talks");
		}
		out = fx_write(&f, fx_group(&f, 3, 0.2, NULL));
		/* i and i + 1 always together: the strongest links are taken */
		assert_int_equal(story_of(out, "c0"), story_of(out, "c1"));
		for (k = 1; k <= 10; k++) {
			unsigned n = 0;
			for (i = 0; i < 10; i++) {
				buf_reset(&id);
				buf_addf(&id, "c%d", i);
				n += story_of(out, buf_str(&id)) == k;
			}
			max = n > max ? n : max;
		}
		assert_true(max <= 3);
		assert_true(max >= 2);
		free(out);
		fx_end(&f);
	}
	buf_release(&id);
	buf_release(&date);
}

/* One article alike to two stories does not make them one. */
static void test_bridge(void **state)
{
	struct fixture f;
	char sig[9][257];
	uint64_t key[64];
	char *out;
	int i, j;
	(void)state;
	for (i = 0; i < 4; i++) {
		sig_story(sig[i], 10, (unsigned)i, 48);
		sig_story(sig[4 + i], 11, (unsigned)i, 48);
	}
	/* the bridge: bins 0-23 of story 10, bins 24-47 of story 11 */
	for (j = 0; j < 64; j++)
		key[j] = j < 24 ? 10 : j < 48 ? 11 : 99999;
	sig_of_keys(sig[8], key);
	fx_begin(&f);
	for (i = 0; i < 9; i++) {
		char id[16];
		snprintf(id, sizeof(id), "b%d", i);
		fx_row(&f, id, i % 2 ? "X" : "Y", "2014-10-20", sig[i], "talks");
	}
	out = fx_write(&f, fx_group(&f, 3, 0.2, NULL));
	assert_int_equal(story_of(out, "b0"), story_of(out, "b3"));
	assert_int_equal(story_of(out, "b4"), story_of(out, "b7"));
	assert_int_not_equal(story_of(out, "b0"), story_of(out, "b4"));
	free(out);
	fx_end(&f);
}

/* The threshold: a pair at J ~ 0.3 is one story at 0.2, two at 0.4. */
static void test_threshold(void **state)
{
	struct fixture f;
	char a[257], b[257];
	char *out;
	(void)state;
	sig_story(a, 20, 1, 19);
	sig_story(b, 20, 2, 19);
	fx_begin(&f);
	fx_row(&f, "t1", "X", "2014-10-20", a, "talks");
	fx_row(&f, "t2", "Y", "2014-10-20", b, "talks");
	out = fx_write(&f, fx_group(&f, 3, 0.2, NULL));
	assert_int_equal(story_of(out, "t2"), 1);
	free(out);
	out = fx_write(&f, fx_group(&f, 3, 0.4, NULL));
	assert_int_equal(story_of(out, "t2"), 2);
	free(out);
	fx_end(&f);
}

/* stories_index: the story of each article of a score table, SIZE_MAX when unknown. */
static void test_index(void **state)
{
	struct fixture f;
	char a[257], b[257], c[257];
	struct scoretab t;
	struct scoretab_article art[4];
	struct stories *s;
	size_t *story;
	(void)state;
	sig_story(a, 30, 1, 40);
	sig_story(b, 30, 2, 40);
	sig_story(c, 31, 1, 40);
	fx_begin(&f);
	fx_row(&f, "p", "X", "2014-10-20", a, "talks");
	fx_row(&f, "q", "Y", "2014-10-21", b, "talks");
	fx_row(&f, "r", "Y", "2014-10-19", c, "trade");
	s = fx_group(&f, 3, 0.2, NULL);
	assert_int_equal(stories_count(s), 2);
	memset(&t, 0, sizeof(t));
	memset(art, 0, sizeof(art));
	art[0].id = "q";
	art[1].id = "nobody";
	art[2].id = "r";
	art[3].id = "p";
	t.a = art;
	t.n = 4;
	story = stories_index(s, &t);
	assert_int_equal(story[0], 1);	/* p and q: the second story (r is a day earlier) */
	assert_true(story[1] == SIZE_MAX);
	assert_int_equal(story[2], 0);
	assert_int_equal(story[3], 1);
	free(story);
	stories_free(s);
	fx_end(&f);
}

/* A bad story signature is refused; signatures without the columns too. */
static void test_refused(void **state)
{
	struct fixture f;
	struct stories_params p = { 3, 0.2 };
	char *path;
	FILE *fp;
	(void)state;
	fx_begin(&f);
	fx_row(&f, "x", "X", "2014-10-20", "abc", "talks");
	path = path_join(f.dir, "signatures.tsv");
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(buf_str(&f.rows), fp);
	assert_int_equal(fclose(fp), 0);
	assert_null(stories_find(&f.scores, 1, NULL, &p));
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs("id\toutlet\tdate\tsignature\nx\tX\t2014-10-20\t-\n", fp);
	assert_int_equal(fclose(fp), 0);
	assert_null(stories_find(&f.scores, 1, NULL, &p));
	free(path);
	fx_end(&f);
}

/* Content words: three bytes or more, a letter, not function or reporting words. */
static void test_sign(void **state)
{
	static const char text[] = "The talks said talks 2014 of Resume the talks, xi resume.";
	struct text_tokens tt = TEXT_TOKENS_INIT;
	struct buf out = BUF_INIT;
	(void)state;
	text_tokenize(&tt, text, 0, sizeof(text) - 1);
	stories_sign(&tt, &out);
	/* "\t2\t" + 256 hex digits + "\ttalks resume" */
	assert_int_equal(out.len, 3 + 256 + 13);
	assert_memory_equal(out.data, "\t2\t", 3);
	assert_string_equal(out.data + 3 + 256, "\ttalks resume");
	buf_reset(&out);
	text_tokens_reset(&tt);
	text_tokenize(&tt, "of the 12 said", 0, 14);
	stories_sign(&tt, &out);
	assert_string_equal(out.data, "\t0\t-\t-");
	/* Twelve words, one used twice: it comes first, then 7 of the others in order of use. */
	buf_reset(&out);
	text_tokens_reset(&tt);
	{
		static const char many[] = "alpha beta gamma delta epsilon zeta theta iota kappa "
					   "lambda omicron sigma beta";
		const char *terms, *p;
		size_t n = 0;
		long last = -1;
		text_tokenize(&tt, many, 0, sizeof(many) - 1);
		stories_sign(&tt, &out);
		assert_memory_equal(out.data, "\t12\t", 4);
		terms = strrchr(out.data, '\t') + 1;
		assert_memory_equal(terms, "beta ", 5);
		for (p = terms; p; p = strchr(p + 1, ' ')) {
			const char *w = *p == ' ' ? p + 1 : p;
			char word[16] = { 0 };
			size_t at;
			memcpy(word, w, strcspn(w, " ") < 15 ? strcspn(w, " ") : 15);
			at = (size_t)(strstr(many, word) - many);
			n++;
			assert_true(n == 1 || (long)at > last);	/* after beta: in order of use */
			last = n == 1 ? -1 : (long)at;
		}
		assert_int_equal(n, 8);
	}
	buf_release(&out);
	text_tokens_release(&tt);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_window_edges),
		cmocka_unit_test(test_span),
		cmocka_unit_test(test_undated),
		cmocka_unit_test(test_duplicates_joined),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_crowded_band),
		cmocka_unit_test(test_chaining_guard),
		cmocka_unit_test(test_bridge),
		cmocka_unit_test(test_threshold),
		cmocka_unit_test(test_index),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_sign),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
