/*
 * Stories found by framing (see stories.h): content-word signatures for
 * "framing score", and their grouping for "framing stats --stories".
 * References: Broder (1997) for MinHash; Li, Owen & Zhang (2012) for
 * one-permutation hashing; Shrivastava & Li (2014) for filling empty bins
 * by rotation; Leskovec, Rajaraman & Ullman, Mining of Massive Datasets,
 * ch. 3, for LSH banding.
 */
#include "stories.h"

#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "counts.h"
#include "date.h"
#include "dedup.h"
#include "fsutil.h"
#include "hash.h"
#include "outfile.h"
#include "signatures.h"
#include "sort.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

#define STORIES_BINS 64
#define STORIES_TOP 8		/* terms per article in signatures.tsv */
#define STORIES_STORY_TOP 5	/* terms per story in stories.tsv */
#define STORIES_ROTATE 0x9e37u	/* rotation densification's step per bin */
#define STORIES_UNDATED LONG_MAX
#define STORIES_LINK_SAMPLE 32	/* articles of each story compared before joining two */

/* ---- signing (framing score) ---- */

/*
 * Reporting words that every story has: as content words they would make
 * unrelated articles alike. clean_is_stopword has the function words.
 */
static const char *const stories_reporting[] = {
	"according", "added", "also", "told", "said", "says", "saying", "year", "years",
	"week", "new", "last", "like", "one", "two", "mr", "ms",
};

#define STORIES_NREPORTING (sizeof(stories_reporting) / sizeof(*stories_reporting))

/* The reporting words' text_hash, so a token is compared by the hash it has. */
static uint64_t stories_reporting_hash[STORIES_NREPORTING];
static pthread_once_t stories_reporting_once = PTHREAD_ONCE_INIT;

static void stories_hash_reporting(void)
{
	size_t i;

	for (i = 0; i < STORIES_NREPORTING; i++)
		stories_reporting_hash[i] = text_hash(stories_reporting[i],
						      strlen(stories_reporting[i]));
}

/* Token i of tt (normalised as w, len bytes) is a content word. */
static int stories_is_content(const struct text_tokens *tt, size_t i)
{
	const char *w = text_norm(tt, i);
	size_t j, len = tt->tok[i].norm_len;
	int letter = 0;

	if (len < 3)
		return 0;
	for (j = 0; j < len && !letter; j++) {
		unsigned char c = (unsigned char)w[j];
		letter = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}
	if (!letter || clean_is_stopword(w, len))
		return 0;
	pthread_once(&stories_reporting_once, stories_hash_reporting);
	for (j = 0; j < STORIES_NREPORTING; j++)
		if (tt->tok[i].hash == stories_reporting_hash[j] && !strcmp(w, stories_reporting[j]))
			return 0;
	return 1;
}

/* A distinct content word: its hash, count and first token. */
struct stories_word {
	uint64_t hash;
	size_t count, first;
};

/* Most frequent first, then the first used first: the order of top_terms. */
static int stories_before(const struct stories_word *a, const struct stories_word *b)
{
	if (a->count != b->count)
		return a->count > b->count;
	return a->first < b->first;
}

/*
 * Keeps w among the STORIES_TOP most frequent words of top[0, *n) (ties:
 * the smaller hash, so that the choice does not depend on order), in
 * order of count.
 */
static void stories_keep_top(struct stories_word *top, size_t *n, struct stories_word w)
{
	size_t i;

	if (*n == STORIES_TOP) {
		const struct stories_word *last = &top[STORIES_TOP - 1];
		if (last->count > w.count || (last->count == w.count && last->hash < w.hash))
			return;
		i = STORIES_TOP - 1;
	} else {
		i = (*n)++;
	}
	while (i > 0 && (top[i - 1].count < w.count
			 || (top[i - 1].count == w.count && top[i - 1].hash > w.hash))) {
		top[i] = top[i - 1];
		i--;
	}
	top[i] = w;
}

static void stories_minhash_add(uint64_t hash, uint32_t min[STORIES_BINS],
				unsigned char filled[STORIES_BINS])
{
	uint64_t h = hash_mix64(hash ^ 0x570e1e5ULL);
	size_t bin = (size_t)(h >> 58);	/* top 6 bits: 64 bins */

	if (!filled[bin] || (uint32_t)h < min[bin])
		min[bin] = (uint32_t)h;
	filled[bin] = 1;
}

/* An empty bin takes the next filled bin's value (circularly), moved by the distance. */
static void stories_densify(const uint32_t min[STORIES_BINS],
			    const unsigned char filled[STORIES_BINS], uint16_t sig[STORIES_BINS])
{
	size_t j;

	for (j = 0; j < STORIES_BINS; j++) {
		size_t d = 0;
		if (filled[j]) {
			sig[j] = (uint16_t)min[j];
			continue;
		}
		while (!filled[(j + ++d) % STORIES_BINS])
			;
		sig[j] = (uint16_t)(min[(j + d) % STORIES_BINS] + d * STORIES_ROTATE);
	}
}

/*
 * Words are told apart by their 64-bit hash (text_hash of the normalised
 * form) alone, so that an article costs 8 bytes per content word here: a
 * 100 MB article is 20 million words.
 */
void stories_sign(const struct text_tokens *tt, struct buf *out)
{
	static const char hex[] = "0123456789abcdef";
	uint64_t *h = xmalloc((tt->n + 1) * sizeof(*h));
	struct stories_word top[STORIES_TOP];
	uint32_t min[STORIES_BINS];
	unsigned char filled[STORIES_BINS] = { 0 };
	uint16_t sig[STORIES_BINS];
	size_t i, j, n = 0, run, distinct = 0, ntop = 0, found;

	for (i = 0; i < tt->n; i++)
		if (stories_is_content(tt, i))
			h[n++] = tt->tok[i].hash;
	sort_u64(h, n);
	for (i = 0; i < n; i = run) {
		for (run = i + 1; run < n && h[run] == h[i]; run++)
			;
		distinct++;
		stories_minhash_add(h[i], min, filled);
		stories_keep_top(top, &ntop, (struct stories_word){ h[i], run - i, SIZE_MAX });
	}
	free(h);
	buf_addf(out, "\t%zu\t", distinct);
	if (!distinct) {
		buf_adds(out, "-\t-");
		return;
	}
	stories_densify(min, filled, sig);
	for (i = 0; i < STORIES_BINS; i++) {
		buf_addch(out, hex[(sig[i] >> 12) & 15]);
		buf_addch(out, hex[(sig[i] >> 8) & 15]);
		buf_addch(out, hex[(sig[i] >> 4) & 15]);
		buf_addch(out, hex[sig[i] & 15]);
	}
	/*
	 * Each kept word's first token, for its text and the order: words are
	 * their hashes here, so the first token of that hash (a content word,
	 * as all of its tokens are); done when every one is found.
	 */
	for (i = 0, found = 0; i < tt->n && found < ntop; i++)
		for (j = 0; j < ntop; j++)
			if (top[j].first == SIZE_MAX && top[j].hash == tt->tok[i].hash) {
				top[j].first = i;
				found++;
			}
	for (i = 1; i < ntop; i++)
		for (j = i; j > 0 && stories_before(&top[j], &top[j - 1]); j--) {
			struct stories_word t = top[j];
			top[j] = top[j - 1];
			top[j - 1] = t;
		}
	for (i = 0; i < ntop; i++) {
		const char *w = text_norm(tt, top[i].first);
		buf_addch(out, i ? ' ' : '\t');
		buf_add_tsv_field(out, w, strlen(w));
	}
}

/* ---- grouping (framing stats --stories) ---- */

struct stories_item {
	char *id;
	char *terms;		/* the top_terms field, "-" when none */
	long day;		/* days since 1970-01-01, STORIES_UNDATED when NA */
	size_t outlet;		/* the outlet's number */
	size_t parent;		/* union-find */
	size_t next;		/* the next article of the story, SIZE_MAX at its end */
	size_t tail, size;	/* at a root: the story's last article in that list, and size */
	long lo, hi;		/* at a root: the story's first and last day */
	size_t story;		/* 0-based label, after grouping */
	int empty;		/* no content words */
	uint16_t sig[STORIES_BINS];
};

struct stories {
	struct stories_item *items;	/* sorted by day (undated last), then id */
	size_t n, alloc;
	size_t nstories;
	size_t *order;			/* items by story, then day and id */
	size_t *first;			/* story k's items are order[first[k], first[k + 1]) */
	struct counts *ids;		/* id -> index + 1 */
	struct counts *outlets;		/* outlet -> number + 1 */
	struct stories_params p;
};

static const unsigned char stories_hexval[256] = {
	['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5, ['5'] = 6, ['6'] = 7,
	['7'] = 8, ['8'] = 9, ['9'] = 10, ['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14,
	['e'] = 15, ['f'] = 16,
};

static int stories_parse_sig(const char *text, struct stories_item *it)
{
	size_t j;

	it->empty = !strcmp(text, "-");
	if (it->empty)
		return 0;
	if (strnlen(text, 4 * STORIES_BINS + 1) != 4 * STORIES_BINS)
		return -1;
	for (j = 0; j < STORIES_BINS; j++) {
		const unsigned char *d = (const unsigned char *)text + 4 * j;
		unsigned a = stories_hexval[d[0]], b = stories_hexval[d[1]],
			 c = stories_hexval[d[2]], e = stories_hexval[d[3]];
		if (!a || !b || !c || !e)
			return -1;
		it->sig[j] = (uint16_t)((a - 1) << 12 | (b - 1) << 8 | (c - 1) << 4 | (e - 1));
	}
	return 0;
}

static long stories_day(const char *date)
{
	long y, m, d;

	if (date_parse(date, &y, &m, &d) < 0)
		return STORIES_UNDATED;
	return date_days_from_civil(y, m, d);
}

enum { C_ID, C_OUTLET, C_DATE, C_WORDS, C_SIG, C_TERMS, NCOLS };

/* One row of a signatures.tsv (signatures_each); -1 when its signature is not ours. */
static int stories_add_row(const char *const *field, void *ctx)
{
	struct stories *s = ctx;
	struct stories_item *it;
	uint64_t *o;

	ALLOC_GROW(s->items, s->n + 1, s->alloc);
	it = &s->items[s->n];
	memset(it, 0, sizeof(*it));
	if (stories_parse_sig(field[C_SIG], it) < 0)
		return -1;
	o = counts_slot(s->outlets, field[C_OUTLET], strlen(field[C_OUTLET]));
	if (!*o)
		*o = counts_size(s->outlets);
	it->outlet = (size_t)*o - 1;
	it->day = stories_day(field[C_DATE]);
	it->id = xstrdup(field[C_ID]);
	it->terms = xstrdup(*field[C_TERMS] ? field[C_TERMS] : "-");
	s->n++;
	return 0;
}

static int stories_cmp_item(const void *pa, const void *pb)
{
	const struct stories_item *a = pa, *b = pb;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return strcmp(a->id, b->id);
}

static size_t stories_root(struct stories *s, size_t i)
{
	while (s->items[i].parent != i) {
		s->items[i].parent = s->items[s->items[i].parent].parent;
		i = s->items[i].parent;
	}
	return i;
}

static unsigned stories_equal(const struct stories_item *a, const struct stories_item *b)
{
	unsigned k, eq = 0;

	for (k = 0; k < STORIES_BINS; k++)
		eq += a->sig[k] == b->sig[k];
	return eq;
}

/*
 * Whether the stories rooted at ra and rb are alike as wholes: the mean
 * similarity of their articles' pairs (the first STORIES_LINK_SAMPLE
 * articles of each) reaches the threshold. One pair of articles alike by
 * chance (a MinHash of 64 bins estimates a Jaccard of 0.1 as 0.2 once in
 * fifty pairs) then does not join two stories, as single linkage would.
 */
static int stories_alike(const struct stories *s, size_t ra, size_t rb)
{
	size_t x, y, i, j, pairs = 0;
	double eq = 0;

	for (x = ra, i = 0; x != SIZE_MAX && i < STORIES_LINK_SAMPLE; x = s->items[x].next, i++)
		for (y = rb, j = 0; y != SIZE_MAX && j < STORIES_LINK_SAMPLE;
		     y = s->items[y].next, j++) {
			eq += s->items[x].empty || s->items[y].empty ? 0
				: stories_equal(&s->items[x], &s->items[y]);
			pairs++;
		}
	return eq >= s->p.threshold * STORIES_BINS * (double)pairs;
}

/*
 * Joins the stories of a and b; with guard, only when the joined story
 * spans at most the window and the stories are alike as wholes. The
 * smaller index stays the root, so a root is its story's first article.
 */
static void stories_join(struct stories *s, size_t a, size_t b, int guard)
{
	size_t ra = stories_root(s, a), rb = stories_root(s, b), t;
	struct stories_item *x, *y;
	long lo, hi;

	if (ra == rb)
		return;
	if (rb < ra) {
		t = ra;
		ra = rb;
		rb = t;
	}
	x = &s->items[ra];
	y = &s->items[rb];
	lo = x->lo < y->lo ? x->lo : y->lo;
	hi = x->hi > y->hi ? x->hi : y->hi;
	if (guard && hi != STORIES_UNDATED && lo != hi && hi - lo > s->p.window)
		return;
	if (guard && (x->lo == STORIES_UNDATED) != (y->lo == STORIES_UNDATED))
		return;
	if (guard && (x->size > 1 || y->size > 1) && !stories_alike(s, ra, rb))
		return;
	y->parent = ra;
	x->lo = lo;
	x->hi = hi;
	s->items[x->tail].next = rb;
	x->tail = y->tail;
	x->size += y->size;
}

/* Joins the wire copies of duplicates.tsv (dedup_read_pairs). */
static void stories_join_duplicate(const char *a, const char *b, void *ctx)
{
	struct stories *s = ctx;
	uint64_t ia = counts_get(s->ids, a, strlen(a)), ib = counts_get(s->ids, b, strlen(b));

	if (ia && ib)
		stories_join(s, (size_t)ia - 1, (size_t)ib - 1, 0);
}

struct stories_pair {
	size_t a, b;		/* a < b */
	unsigned equal;		/* bins equal */
};

/*
 * The pairs kept, and a set of them (open addressing on a < b packed in 64
 * bits) so that a pair that agrees in several bands is kept once. Whether
 * an earlier band found it cannot be told from the signatures alone: the
 * bucket cap may have kept the pair from being compared there.
 */
struct stories_pairs {
	struct stories_pair *p;
	size_t n, alloc;
	uint64_t *set;		/* (a << 32 | b) + 1, 0 for an empty slot */
	size_t cap;		/* slots, a power of two */
};

static uint64_t *stories_pair_slot(uint64_t *set, size_t cap, uint64_t key)
{
	size_t i = (size_t)hash_mix64(key) & (cap - 1);

	while (set[i] && set[i] != key)
		i = (i + 1) & (cap - 1);
	return &set[i];
}

/* Whether x, y is new to the pairs (and now in the set). */
static int stories_pair_new(struct stories_pairs *out, size_t x, size_t y)
{
	uint64_t key = ((uint64_t)x << 32 | (uint64_t)y) + 1, *slot;
	size_t i;

	if (2 * (out->n + 1) > out->cap) {
		size_t old = out->cap;
		uint64_t *set = out->set;
		out->cap = old ? 2 * old : 1024;
		out->set = xcalloc(out->cap, sizeof(*out->set));
		for (i = 0; i < old; i++)
			if (set[i])
				*stories_pair_slot(out->set, out->cap, set[i]) = set[i];
		free(set);
	}
	slot = stories_pair_slot(out->set, out->cap, key);
	if (*slot)
		return 0;
	*slot = key;
	return 1;
}

/* Compares items x < y found alike in a band: kept once, when similar enough. */
static void stories_check(const struct stories *s, size_t x, size_t y, unsigned need,
			  struct stories_pairs *out)
{
	unsigned eq = stories_equal(&s->items[x], &s->items[y]);

	if (eq < need || !stories_pair_new(out, x, y))
		return;
	ALLOC_GROW(out->p, out->n + 1, out->alloc);
	out->p[out->n++] = (struct stories_pair){ x, y, eq };
}

/* Whether item y (after x in date order) is within the window of x. */
static int stories_near(const struct stories *s, size_t x, size_t y)
{
	long dx = s->items[x].day, dy = s->items[y].day;

	if (dx == STORIES_UNDATED || dy == STORIES_UNDATED)
		return dx == dy;
	return dy - dx <= s->p.window;
}

/*
 * Candidates of one band: a stable counting sort by the band's bin keeps
 * each bucket in date order; each article is compared with the next
 * articles of its bucket within the window, at most STORIES_BUCKET_CAP.
 */
static void stories_band(const struct stories *s, size_t band, size_t *keys, size_t *count,
			 unsigned need, struct stories_pairs *out)
{
	size_t i, n = 0, at = 0, x, y;

	memset(count, 0, 65537 * sizeof(*count));
	for (i = 0; i < s->n; i++)
		if (!s->items[i].empty)
			count[s->items[i].sig[band] + 1]++;
	for (i = 0; i < 65537; i++) {
		at += count[i];
		count[i] = at;
	}
	for (i = 0; i < s->n; i++)
		if (!s->items[i].empty) {
			keys[count[s->items[i].sig[band]]++] = i;
			n++;
		}
	for (x = 0; x < n; x++) {
		uint16_t v = s->items[keys[x]].sig[band];
		for (y = x + 1; y < n && y - x <= STORIES_BUCKET_CAP
				&& s->items[keys[y]].sig[band] == v && stories_near(s, keys[x], keys[y]);
		     y++)
			stories_check(s, keys[x], keys[y], need, out);
	}
}

/* Strongest first, then by the articles: the order links are taken in. */
static int stories_cmp_pair(const void *pa, const void *pb)
{
	const struct stories_pair *a = pa, *b = pb;
	if (a->equal != b->equal)
		return a->equal > b->equal ? -1 : 1;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	return a->b < b->b ? -1 : a->b > b->b;
}

static void stories_link(struct stories *s)
{
	struct stories_pairs pairs = { NULL, 0, 0, NULL, 0 };
	size_t *keys = xmalloc((s->n + 1) * sizeof(*keys));
	size_t *count = xmalloc(65537 * sizeof(*count));
	unsigned need = (unsigned)(s->p.threshold * STORIES_BINS + 0.999999);
	size_t band, i;

	if (need < 1)
		need = 1;
	for (band = 0; band < STORIES_BINS; band++)
		stories_band(s, band, keys, count, need, &pairs);
	sort_array(pairs.p, pairs.n, sizeof(*pairs.p), stories_cmp_pair);
	for (i = 0; i < pairs.n; i++)
		stories_join(s, pairs.p[i].a, pairs.p[i].b, 1);
	free(pairs.p);
	free(pairs.set);
	free(keys);
	free(count);
}

/* Numbers the stories by their root (first article) and lists their articles in order. */
static void stories_label(struct stories *s)
{
	size_t i, k = 0;

	for (i = 0; i < s->n; i++)
		if (stories_root(s, i) == i)
			s->items[i].story = k++;
	s->nstories = k;
	s->first = xcalloc(k + 1, sizeof(*s->first));
	s->order = xmalloc((s->n + 1) * sizeof(*s->order));
	for (i = 0; i < s->n; i++) {
		s->items[i].story = s->items[stories_root(s, i)].story;
		s->first[s->items[i].story + 1]++;
	}
	for (i = 0; i < k; i++)
		s->first[i + 1] += s->first[i];
	{
		size_t *at = xmalloc((k + 1) * sizeof(*at));
		memcpy(at, s->first, (k + 1) * sizeof(*at));
		for (i = 0; i < s->n; i++)
			s->order[at[s->items[i].story]++] = i;
		free(at);
	}
}

static void stories_index_ids(struct stories *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		s->items[i].parent = i;
		s->items[i].next = SIZE_MAX;
		s->items[i].tail = i;
		s->items[i].size = 1;
		s->items[i].lo = s->items[i].hi = s->items[i].day;
		*counts_slot(s->ids, s->items[i].id, strlen(s->items[i].id)) = i + 1;
	}
}

struct stories *stories_find(char **files, size_t nfiles, const char *duplicates,
			     const struct stories_params *p)
{
	static const char *const columns[NCOLS] = { "id", "outlet", "date", "content_words",
						     "story_signature", "top_terms" };
	struct stories *s = xcalloc(1, sizeof(*s));
	const struct signatures_pass pass = { columns, NCOLS, " (score again to find stories)",
		"not a story signature written by framing score", stories_add_row, s };
	long found;
	int ret = 0;

	s->p = *p;
	s->ids = counts_new();
	s->outlets = counts_new();
	found = signatures_each(files, nfiles, &pass);
	if (found < 0)
		ret = -1;
	else if (!found)
		ret = error("--stories: no signatures.tsv beside the scores");
	if (ret == 0 && s->n >= UINT32_MAX)	/* pairs are packed in 64 bits */
		ret = error("--stories: %zu articles, more than it can group", s->n);
	if (ret == 0) {
		sort_array(s->items, s->n, sizeof(*s->items), stories_cmp_item);
		stories_index_ids(s);
		if (duplicates)
			ret = dedup_read_pairs(duplicates, stories_join_duplicate, s);
	}
	if (ret < 0) {
		stories_free(s);
		return NULL;
	}
	stories_link(s);
	stories_label(s);
	return s;
}

size_t stories_count(const struct stories *s)
{
	return s->nstories;
}

static int stories_cmp_str(const void *pa, const void *pb)
{
	return strcmp(*(char *const *)pa, *(char *const *)pb);
}

struct stories_term {
	const char *term;
	size_t count;
};

static int stories_cmp_term(const void *pa, const void *pb)
{
	const struct stories_term *a = pa, *b = pb;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return strcmp(a->term, b->term);
}

/*
 * The story's terms: those in most of its articles' top_terms (then
 * bytewise), up to STORIES_STORY_TOP, separated by spaces; "-" when none.
 */
static void stories_terms(const struct stories *s, const size_t *members, size_t n,
			  struct buf *out)
{
	struct buf all = BUF_INIT;
	char **words = NULL;
	struct stories_term *t = NULL;
	size_t nw = 0, alloc = 0, nt = 0, i;
	char *p;

	for (i = 0; i < n; i++) {
		const char *terms = s->items[members[i]].terms;
		if (strcmp(terms, "-")) {
			buf_adds(&all, terms);
			buf_addch(&all, ' ');
		}
	}
	for (p = all.data; p && *p;) {
		char *sp = strchr(p, ' ');
		*sp = '\0';
		if (*p) {
			ALLOC_GROW(words, nw + 1, alloc);
			words[nw++] = p;
		}
		p = sp + 1;
	}
	sort_array(words, nw, sizeof(*words), stories_cmp_str);
	t = xmalloc((nw + 1) * sizeof(*t));
	for (i = 0; i < nw; i++) {
		if (nt && !strcmp(t[nt - 1].term, words[i]))
			t[nt - 1].count++;
		else
			t[nt++] = (struct stories_term){ words[i], 1 };
	}
	sort_array(t, nt, sizeof(*t), stories_cmp_term);
	for (i = 0; i < nt && i < STORIES_STORY_TOP; i++) {
		if (i)
			buf_addch(out, ' ');
		buf_adds(out, t[i].term);
	}
	if (!nt)
		buf_addch(out, '-');
	free(t);
	free(words);
	buf_release(&all);
}

static void stories_add_day(struct buf *out, long day)
{
	long y, m, d;

	if (day == STORIES_UNDATED) {
		buf_adds(out, "NA");
		return;
	}
	date_civil_from_days(day, &y, &m, &d);
	buf_addf(out, "%04ld-%02ld-%02ld", y, m, d);
}

static int stories_cmp_size(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	return a < b ? -1 : a > b;
}

/* The fields after id and story of one story's rows: size outlets first last terms. */
static void stories_fields(const struct stories *s, size_t k, struct buf *out)
{
	const size_t *members = s->order + s->first[k];
	size_t n = s->first[k + 1] - s->first[k], *outlets = xmalloc(n * sizeof(*outlets));
	size_t i, distinct = 0;
	long lo = STORIES_UNDATED, hi = STORIES_UNDATED;

	for (i = 0; i < n; i++) {
		long day = s->items[members[i]].day;
		outlets[i] = s->items[members[i]].outlet;
		if (day != STORIES_UNDATED) {
			lo = lo == STORIES_UNDATED || day < lo ? day : lo;
			hi = hi == STORIES_UNDATED || day > hi ? day : hi;
		}
	}
	sort_array(outlets, n, sizeof(*outlets), stories_cmp_size);
	for (i = 0; i < n; i++)
		distinct += i == 0 || outlets[i] != outlets[i - 1];
	buf_addf(out, "%zu\t%zu\t", n, distinct);
	stories_add_day(out, lo);
	buf_addch(out, '\t');
	stories_add_day(out, hi);
	buf_addch(out, '\t');
	stories_terms(s, members, n, out);
	free(outlets);
}

int stories_write(const struct stories *s, const char *dir)
{
	char *path = path_join(dir, "stories.tsv");
	struct outfile *out = outfile_open(path);
	struct buf fields = BUF_INIT, line = BUF_INIT;
	size_t k, i;

	free(path);
	if (!out)
		return -1;
	fputs("id\tstory\tsize\toutlets\tfirst_date\tlast_date\ttop_terms\n", outfile_stream(out));
	for (k = 0; k < s->nstories; k++) {
		buf_reset(&fields);
		stories_fields(s, k, &fields);
		for (i = s->first[k]; i < s->first[k + 1]; i++) {
			const char *id = s->items[s->order[i]].id;
			buf_reset(&line);
			buf_add_tsv_field(&line, id, strlen(id));
			buf_addf(&line, "\t%zu\t", k + 1);
			buf_add(&line, fields.data, fields.len);
			buf_addch(&line, '\n');
			fwrite(line.data, 1, line.len, outfile_stream(out));
		}
	}
	buf_release(&fields);
	buf_release(&line);
	return outfile_commit(out);
}

size_t *stories_index(const struct stories *s, const struct scoretab *t)
{
	size_t *story = xmalloc((t->n + 1) * sizeof(*story)), i;

	for (i = 0; i < t->n; i++) {
		uint64_t at = counts_get(s->ids, t->a[i].id, strlen(t->a[i].id));
		story[i] = at ? s->items[at - 1].story : SIZE_MAX;
	}
	return story;
}

void stories_free(struct stories *s)
{
	size_t i;

	if (!s)
		return;
	for (i = 0; i < s->n; i++) {
		free(s->items[i].id);
		free(s->items[i].terms);
	}
	free(s->items);
	free(s->order);
	free(s->first);
	counts_free(s->ids);
	counts_free(s->outlets);
	free(s);
}
