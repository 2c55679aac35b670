/*
 * Site templates (see templates.h): lines an outlet repeats across its
 * articles, counted in bounded memory, read from and written to a TSV
 * table, and looked up by the cleaner.
 *
 * Counting: every (outlet, normalised line) pair is counted once per
 * article that has it, in an open-addressing table of at most
 * TEMPLATES_TABLE_LINES entries. When it is full and a new pair comes,
 * every count drops by one and the pairs at zero leave (Misra and Gries'
 * frequent items): memory stays bounded whatever the corpus, a count is at
 * most D below the truth (D the number of such rounds, at most the pairs
 * counted divided by the table's size) and a pair no longer in the table
 * was in D articles or fewer. When a round happened, a second pass counts
 * the pairs still in the table exactly, from zero, so the counts written
 * and used are exact, and only a line in D articles or fewer of an outlet
 * can be missed (a warning says so when D reaches an outlet's K).
 */
#include "templates.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "clean.h"
#include "corpus.h"
#include "counts.h"
#include "hash.h"
#include "parse.h"
#include "pipeline.h"
#include "sort.h"
#include "swar.h"
#include "text.h"
#include "tsv.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

/*
 * The most (outlet, line) pairs counted at once: 2^19 entries in 2^20
 * slots of 16 bytes, 16 MB. At 30 distinct lines per article a corpus of
 * 17,000 articles fits whole (counts exact in one pass); beyond, a line
 * in more than (pairs / 2^19) articles of its outlet is always found.
 */
#ifndef TEMPLATES_TABLE_LINES
#define TEMPLATES_TABLE_LINES (1UL << 19)
#endif

/* The most bytes of a line kept for the line column of a table. */
#define TEXT_MAX 400

/* The floor of K: a sentence repeated in a few articles (follow-ups, updates) is story. */
#define DEFAULT_MIN_FLOOR 5

struct entry {
	uint64_t line;		/* templates_line_hash; 0: an empty slot */
	uint32_t count;		/* articles of the outlet with the line */
	uint32_t outlet;	/* index in outlets */
};

struct table {
	struct entry *slot;
	size_t cap, n;		/* cap a power of two, n at most cap / 2 */
};

struct templates {
	struct counts *outlet_index;	/* outlet name -> index + 1 */
	char **outlet;
	uint64_t *outlet_hash;
	size_t *articles;	/* per outlet, when built from a source */
	size_t noutlets, outlets_alloc;
	struct table tab;
	char **text;		/* per slot of tab, for templates_write; NULL: not looked up */
	size_t min;		/* --template-min; 0: the default */
	size_t max_entries;	/* the bound of counting */
	uint64_t decrements;	/* rounds of the bounded count (D above) */
};

size_t templates_default_min(size_t n)
{
	size_t k = (size_t)ceil(sqrt((double)n));

	return k > DEFAULT_MIN_FLOOR ? k : DEFAULT_MIN_FLOOR;
}

/* ---- the line key ---------------------------------------------------- */

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/*
 * FNV-1a of s[0, n) with white space (and control bytes) collapsed and
 * trimmed, ASCII letters lowered and numbers masked.
 */
static uint64_t hash_folded(const unsigned char *s, size_t n)
{
	uint64_t h = HASH_FNV_OFFSET;
	size_t i = 0;
	int any = 0, space = 0;

	while (i < n) {
		unsigned char c = s[i];

		if (c <= 0x20 || c == 0x7F) {
			space = 1;
			i++;
			continue;
		}
		if (space && any)
			h = hash_fnv_step(h, ' ');
		space = 0;
		any = 1;
		if (is_digit(c)) {
			h = hash_fnv_step(h, '0');
			while (i < n && (is_digit(s[i]) || ((s[i] == ',' || s[i] == '.')
							    && i + 1 < n && is_digit(s[i + 1]))))
				i++;
			continue;
		}
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		h = hash_fnv_step(h, c);
		i++;
	}
	return !any ? 0 : h ? h : 1;
}

/*
 * hash_folded a byte at a time, so that a line is hashed as it is read,
 * with no copy: the state between two bytes. A run of digits may go on
 * through one , or . when a digit follows: that byte waits in pending.
 */
struct fold {
	uint64_t h;
	int any, space, run;
	unsigned char pending;
};

#define FOLD_INIT { HASH_FNV_OFFSET, 0, 0, 0, 0 }

static inline void fold_byte(struct fold *f, unsigned char c)
{
	if (f->pending) {
		if (is_digit(c)) {
			f->pending = 0;	/* 1,234: the run goes on */
			return;
		}
		f->h = hash_fnv_step(f->h, f->pending);
		f->pending = 0;
		f->run = 0;
	}
	if (c <= 0x20 || c == 0x7F) {
		f->space = 1;
		f->run = 0;
		return;
	}
	if (f->run) {
		if (is_digit(c))
			return;
		if (c == ',' || c == '.') {
			f->pending = c;
			return;
		}
		f->run = 0;
	}
	if (f->space && f->any)
		f->h = hash_fnv_step(f->h, ' ');
	f->space = 0;
	f->any = 1;
	if (is_digit(c)) {
		f->h = hash_fnv_step(f->h, '0');
		f->run = 1;
		return;
	}
	if (c >= 'A' && c <= 'Z')
		c = (unsigned char)(c + 32);
	f->h = hash_fnv_step(f->h, c);
}

static uint64_t fold_end(struct fold *f)
{
	if (f->pending)
		f->h = hash_fnv_step(f->h, f->pending);
	return !f->any ? 0 : f->h ? f->h : 1;
}

/*
 * What text_normalize makes of the typographic characters news text is
 * full of (quotes, apostrophes, dashes, the ellipsis, the no-break space,
 * the copyright sign), none of which composes with a neighbour; NULL for
 * any other code point.
 */
static const char *typographic(int32_t cp)
{
	switch (cp) {
	case 0x2018: case 0x2019: case 0x02BC: return "'";
	case 0x201C: case 0x201D: case 0x201E: return "\"";
	case 0x00A0: return " ";
	case 0x2026: return "...";
	case 0x2013: return "\xE2\x80\x93";
	case 0x2014: return "\xE2\x80\x94";
	case 0x00A9: return "\xC2\xA9";
	default: return NULL;
	}
}

uint64_t templates_line_hash_full(const char *text, size_t start, size_t end,
				  struct buf scratch[2])
{
	buf_reset(&scratch[0]);
	text_append_clean(&scratch[0], text, start, end);
	text_normalize(buf_str(&scratch[0]), scratch[0].len, 1, &scratch[1]);
	return hash_folded((const unsigned char *)buf_str(&scratch[1]), scratch[1].len);
}

/*
 * Whether the eight bytes x go into the key as they are, but for the case:
 * printable ASCII but digits, and single spaces between other bytes.
 */
static int plain_chunk(uint64_t x)
{
	uint64_t spaces;

	if (x & SWAR_HIGHS || swar_ascii_digits(x))
		return 0;
	spaces = swar_between(x, ' ' - 1, ' ' + 1);
	if ((swar_between(x, ' ', 0x7F) | spaces) != SWAR_HIGHS)
		return 0;
	/* No space first or last, and no two side by side. */
	return !(spaces & (0x80ULL | (0x80ULL << 56) | (spaces << 8)));
}

/* fold_byte of the eight bytes of a plain_chunk, from a state out of any digit run. */
static inline void fold_chunk(struct fold *f, uint64_t x)
{
	uint64_t h = f->h;
	int k;

	if (f->space && f->any)
		h = hash_fnv_step(h, ' ');
	f->space = 0;
	f->any = 1;
	x |= swar_between(x, 'A' - 1, 'Z' + 1) >> 2;	/* 0x80 >> 2: lower case */
	for (k = 0; k < 8; k++, x >>= 8)
		h = hash_fnv_step(h, (unsigned char)x);
	f->h = h;
}

/*
 * NFKC and case folding leave ASCII as it is, but for the case, and make
 * of typographic() what it says: a line with no other character is hashed
 * as it is read, without the Unicode tables (which took most of the time
 * of the pass) and without a copy. Any other character (or a byte that is
 * not UTF-8) sends the line the long way.
 */
uint64_t templates_line_hash(const char *text, size_t start, size_t end, struct buf scratch[2])
{
	const unsigned char *s = (const unsigned char *)text;
	struct fold f = FOLD_INIT;
	size_t pos = start;

	while (pos < end) {
		const char *to;
		int32_t cp;
		int bad = 0;

		/* Most of a line is words and single spaces: eight bytes at a time. */
		if (!f.run && end - pos >= 8) {
			uint64_t x = load_le64(s + pos, 8);
			if (plain_chunk(x)) {
				fold_chunk(&f, x);
				pos += 8;
				continue;
			}
		}
		if (s[pos] < 0x80) {
			fold_byte(&f, s[pos++]);
			continue;
		}
		cp = text_decode_multibyte(text, end, &pos, &bad);
		if (bad || !(to = typographic(cp)))
			return templates_line_hash_full(text, start, end, scratch);
		for (; *to; to++)
			fold_byte(&f, (unsigned char)*to);
	}
	return fold_end(&f);
}

/* ---- the table -------------------------------------------------------- */

/*
 * The memory of a table's slots (and of table_decrement's survivors),
 * zeroed, straight from the kernel and given back to it: 16 MB freed
 * through malloc would raise glibc's mmap threshold to that size, and the
 * scoring pass that follows would then keep up to 13 MB more on its heaps
 * (42 MB at the peak instead of 30, scoring 100 MB of JSON Lines).
 */
static void *slots_alloc(size_t n, size_t size)
{
	void *p;

	if (n > SIZE_MAX / size)
		die("out of memory allocating %zu x %zu bytes", n, size);
	p = mmap(NULL, n * size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		die("out of memory allocating %zu x %zu bytes", n, size);
	return p;
}

static void slots_free(void *p, size_t n, size_t size)
{
	if (p)
		munmap(p, n * size);
}

/* The splitmix64 finaliser: FNV's low bits are weak as a table index. */
static uint64_t mix(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static size_t home(const struct templates *t, const struct table *tab, uint64_t line,
		   uint32_t outlet)
{
	return (size_t)mix(line ^ t->outlet_hash[outlet]) & (tab->cap - 1);
}

/* The slot of (line, outlet), or NULL. */
static struct entry *table_find(const struct templates *t, const struct table *tab,
				uint64_t line, uint32_t outlet)
{
	size_t i;

	if (!tab->cap)
		return NULL;
	for (i = home(t, tab, line, outlet);; i = (i + 1) & (tab->cap - 1)) {
		struct entry *e = &tab->slot[i];
		if (!e->line)
			return NULL;
		if (e->line == line && e->outlet == outlet)
			return e;
	}
}

/* Puts e into tab, which has room and does not hold it. */
static void table_put(const struct templates *t, struct table *tab, const struct entry *e)
{
	size_t i = home(t, tab, e->line, e->outlet);

	while (tab->slot[i].line)
		i = (i + 1) & (tab->cap - 1);
	tab->slot[i] = *e;
	tab->n++;
}

/*
 * Moves the entries of tab with a count above drop into a table of cap
 * slots, their counts less drop.
 */
static void table_rebuild(const struct templates *t, struct table *tab, size_t cap, uint32_t drop)
{
	struct table old = *tab;
	size_t i;

	tab->slot = slots_alloc(cap, sizeof(*tab->slot));
	tab->cap = cap;
	tab->n = 0;
	for (i = 0; i < old.cap; i++) {
		struct entry e = old.slot[i];
		if (!e.line || e.count <= drop)
			continue;
		e.count -= drop;
		table_put(t, tab, &e);
	}
	slots_free(old.slot, old.cap, sizeof(*old.slot));
}

/*
 * Every count of a full table less one, the pairs at zero out, in place:
 * the survivors (at most half the slots) are set aside and put back, so
 * memory stays the table's and half of it at most.
 */
static void table_decrement(const struct templates *t, struct table *tab)
{
	struct entry *keep;
	size_t i, m = 0;

	for (i = 0; i < tab->cap; i++) {
		struct entry e = tab->slot[i];
		if (e.line && e.count > 1) {
			e.count--;
			tab->slot[m++] = e;	/* m <= i: nothing unread is overwritten */
		}
	}
	keep = slots_alloc(m + 1, sizeof(*keep));
	memcpy(keep, tab->slot, m * sizeof(*keep));
	memset(tab->slot, 0, tab->cap * sizeof(*tab->slot));
	tab->n = 0;
	for (i = 0; i < m; i++)
		table_put(t, tab, &keep[i]);
	slots_free(keep, m + 1, sizeof(*keep));
}

/* Counts one more article with (line, outlet): the bounded count of the first pass. */
static void count_pair(struct templates *t, uint64_t line, uint32_t outlet)
{
	struct entry *e = table_find(t, &t->tab, line, outlet), add;

	if (e) {
		e->count += e->count < UINT32_MAX;
		return;
	}
	if (t->tab.n >= t->max_entries) {
		/* Full: every count less one, this pair's one included. */
		t->decrements++;
		table_decrement(t, &t->tab);
		return;
	}
	if (2 * (t->tab.n + 1) > t->tab.cap)
		table_rebuild(t, &t->tab, t->tab.cap ? 2 * t->tab.cap : 1024, 0);
	add.line = line;
	add.count = 1;
	add.outlet = outlet;
	table_put(t, &t->tab, &add);
}

static struct templates *templates_new(size_t min)
{
	struct templates *t = xcalloc(1, sizeof(*t));

	t->outlet_index = counts_new();
	t->min = min;
	t->max_entries = TEMPLATES_TABLE_LINES;
	return t;
}

void templates_free(struct templates *t)
{
	size_t i;

	if (!t)
		return;
	for (i = 0; i < t->noutlets; i++)
		free(t->outlet[i]);
	for (i = 0; t->text && i < t->tab.cap; i++)
		free(t->text[i]);
	free(t->text);
	free(t->outlet);
	free(t->outlet_hash);
	free(t->articles);
	slots_free(t->tab.slot, t->tab.cap, sizeof(*t->tab.slot));
	counts_free(t->outlet_index);
	free(t);
}

/* The index of outlet, added when new. */
static uint32_t outlet_of(struct templates *t, const char *name)
{
	uint64_t *slot = counts_slot(t->outlet_index, name, strlen(name));

	if (!*slot) {
		size_t old = t->outlets_alloc;
		ALLOC_GROW(t->outlet, t->noutlets + 1, t->outlets_alloc);
		if (t->outlets_alloc != old) {
			t->outlet_hash = xrealloc(t->outlet_hash, t->outlets_alloc * sizeof(*t->outlet_hash));
			t->articles = xrealloc(t->articles, t->outlets_alloc * sizeof(*t->articles));
		}
		t->outlet[t->noutlets] = xstrdup(name);
		t->outlet_hash[t->noutlets] = mix(hash_fnv_part(HASH_FNV_OFFSET, name));
		t->articles[t->noutlets] = 0;
		*slot = ++t->noutlets;
	}
	return (uint32_t)(*slot - 1);
}

/* ---- building from a source ------------------------------------------ */

/*
 * The passes over a source run on the reader and workers of pipeline.c:
 * the workers split and hash each article's lines, and the counting is
 * done in one place in input order (count, below), so that the table of
 * a bounded count, which depends on the order of the pairs, is the same
 * at any -j.
 */
enum pass_kind {
	PASS_COUNT,		/* bounded count, outlets' articles too */
	PASS_EXACT,		/* exact count of the pairs in the table */
	PASS_TEXT		/* the first text of every line in the table */
};

/* What a pass reads: the table (only written by count) and the articles asked for. */
struct pass {
	struct templates *t;
	const char *only;
	enum pass_kind kind;
};

/* A line of an article in the table: its slot, and its index among the lines. */
struct found {
	size_t slot, line;
};

/* A worker's space. */
struct pass_worker {
	const struct pass *p;
	struct clean_result lines;
	struct buf scratch[2];
	uint64_t *keys;
	size_t nkeys, keys_alloc;
	struct found *found;	/* PASS_TEXT */
	size_t found_alloc;
};

/*
 * The distinct line keys of an article, in w->keys: lines as the cleaner
 * splits them, so that the keys are those it asks about (blocks: a web
 * page's, clean_options.blocks).
 */
static void article_keys(struct pass_worker *w, const char *text, size_t len, int blocks)
{
	struct clean_options copt;
	size_t i, n = 0;

	memset(&copt, 0, sizeof(copt));
	copt.skip_empty = 1;	/* enabled = 0: split only */
	copt.blocks = blocks;
	clean_document(text, len, &copt, &w->lines);
	buf_reset(&w->scratch[0]);
	w->nkeys = 0;
	ALLOC_GROW(w->keys, w->lines.n + 1, w->keys_alloc);
	for (i = 0; i < w->lines.n; i++) {
		const struct clean_line *l = &w->lines.lines[i];
		uint64_t h = templates_line_hash(text, l->start, l->end, w->scratch);
		if (h)
			w->keys[w->nkeys++] = h;
	}
	sort_u64(w->keys, w->nkeys);
	for (i = 0; i < w->nkeys; i++)
		if (!n || w->keys[n - 1] != w->keys[i])
			w->keys[n++] = w->keys[i];
	w->nkeys = n;
}

static int cmp_found(const void *a, const void *b)
{
	const struct found *x = a, *y = b;

	if (x->slot != y->slot)
		return x->slot < y->slot ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

/*
 * The lines of the article last given to article_keys that are in the
 * table, as written, each once (its first line): a record of its slot,
 * its length and its text, into out.
 */
static void article_text(struct pass_worker *w, uint32_t outlet, const char *text,
			 struct buf *out)
{
	const struct templates *t = w->p->t;
	struct buf shown = BUF_INIT;
	size_t i, n = 0;

	for (i = 0; i < w->lines.n; i++) {
		const struct clean_line *l = &w->lines.lines[i];
		uint64_t h = templates_line_hash(text, l->start, l->end, w->scratch);
		const struct entry *e = h ? table_find(t, &t->tab, h, outlet) : NULL;

		if (!e)
			continue;
		ALLOC_GROW(w->found, n + 1, w->found_alloc);
		w->found[n].slot = (size_t)(e - t->tab.slot);
		w->found[n++].line = i;
	}
	sort_array(w->found, n, sizeof(*w->found), cmp_found);
	for (i = 0; i < n; i++) {
		const struct clean_line *l = &w->lines.lines[w->found[i].line];
		size_t cut;

		if (i && w->found[i - 1].slot == w->found[i].slot)
			continue;
		buf_reset(&shown);
		text_append_clean(&shown, text, l->start, l->end);
		if (shown.len > TEXT_MAX) {
			/* At a character's first byte, and say that it was cut. */
			for (cut = TEXT_MAX; cut > 0 && (shown.data[cut] & 0xC0) == 0x80; cut--)
				;
			shown.len = cut;
			buf_adds(&shown, "\xE2\x80\xA6");
		}
		buf_add(out, &w->found[i].slot, sizeof(w->found[i].slot));
		buf_add(out, &shown.len, sizeof(shown.len));
		buf_add(out, shown.data, shown.len);
	}
	buf_release(&shown);
}

static void *pass_begin(void *ctx)
{
	struct pass_worker *w = xcalloc(1, sizeof(*w));

	w->p = ctx;
	return w;
}

static void pass_end(void *state)
{
	struct pass_worker *w = state;

	clean_result_release(&w->lines);
	buf_release(&w->scratch[0]);
	buf_release(&w->scratch[1]);
	free(w->keys);
	free(w->found);
	free(w);
}

/* In a worker: the article's keys, or its lines in the table with their text. */
static void pass_work(void *state, const struct article *a, const char *text, size_t len,
		      struct buf *out)
{
	struct pass_worker *w = state;
	const struct pass *p = w->p;
	uint64_t at;

	if (p->only && strcmp(a->outlet, p->only))
		return;
	article_keys(w, text, len, a->page != NULL);
	if (p->kind != PASS_TEXT) {
		buf_add(out, w->keys, w->nkeys * sizeof(*w->keys));
		return;
	}
	at = counts_get(p->t->outlet_index, a->outlet, strlen(a->outlet));
	if (at)
		article_text(w, (uint32_t)(at - 1), text, out);
}

/* In input order: what a worker found counted, or its text kept. */
static void pass_done(void *ctx, const struct article *a, const struct buf *out)
{
	const struct pass *p = ctx;
	struct templates *t = p->t;
	const char *at = out->data, *stop = out->data + out->len;
	uint32_t outlet;

	if (p->only && strcmp(a->outlet, p->only))
		return;
	outlet = outlet_of(t, a->outlet);
	if (p->kind == PASS_COUNT)
		t->articles[outlet]++;
	while (at < stop) {
		uint64_t key;
		size_t slot, n;
		struct entry *e;

		if (p->kind == PASS_TEXT) {
			memcpy(&slot, at, sizeof(slot));
			memcpy(&n, at + sizeof(slot), sizeof(n));
			at += sizeof(slot) + sizeof(n);
			if (!t->text[slot]) {
				t->text[slot] = xmalloc(n + 1);
				memcpy(t->text[slot], at, n);
				t->text[slot][n] = '\0';
			}
			at += n;
			continue;
		}
		memcpy(&key, at, sizeof(key));
		at += sizeof(key);
		if (p->kind == PASS_COUNT)
			count_pair(t, key, outlet);
		else if ((e = table_find(t, &t->tab, key, outlet)))
			e->count += e->count < UINT32_MAX;
	}
}

/* One pass over src (its articles of only, when not NULL) in jobs threads. */
static void run_pass(struct templates *t, struct source *src, const char *only,
		     enum pass_kind kind, int jobs)
{
	struct pass p;
	struct pipeline_pass pp;

	p.t = t;
	p.only = only;
	p.kind = kind;
	pp.begin = pass_begin;
	pp.work = pass_work;
	pp.done = pass_done;
	pp.end = pass_end;
	pp.ctx = &p;
	pipeline_pass(src, jobs, &pp);
}

static size_t outlet_min(const struct templates *t, uint32_t outlet)
{
	return t->min ? t->min : templates_default_min(t->articles[outlet]);
}

/* Keeps only the lines in K articles of their outlet or more. */
static void keep_templates(struct templates *t)
{
	struct table old = t->tab;
	size_t i, n = 0, cap = 16;

	for (i = 0; i < old.cap; i++)
		n += old.slot[i].line && old.slot[i].count >= outlet_min(t, old.slot[i].outlet);
	while (cap < 2 * n)
		cap *= 2;
	t->tab.slot = slots_alloc(cap, sizeof(*t->tab.slot));
	t->tab.cap = cap;
	t->tab.n = 0;
	for (i = 0; i < old.cap; i++)
		if (old.slot[i].line && old.slot[i].count >= outlet_min(t, old.slot[i].outlet))
			table_put(t, &t->tab, &old.slot[i]);
	slots_free(old.slot, old.cap, sizeof(*old.slot));
}

struct templates *templates_build(struct source *src, size_t min, const char *only, int jobs)
{
	struct templates *t = templates_new(min);
	size_t i, missed = 0;

	run_pass(t, src, only, PASS_COUNT, jobs);
	if (t->decrements) {
		/* Counts are D below the truth at worst: count the survivors again. */
		for (i = 0; i < t->tab.cap; i++)
			t->tab.slot[i].count = 0;
		if (source_rewind(src) < 0) {
			templates_free(t);
			return NULL;
		}
		run_pass(t, src, only, PASS_EXACT, jobs);
		for (i = 0; i < t->noutlets; i++)
			missed += outlet_min(t, (uint32_t)i) <= t->decrements;
		if (missed)
			warning("%s: more distinct lines than the template table holds (%lu): a line "
				"in %llu articles or fewer of an outlet may have been missed (%zu "
				"outlet%s affected)", source_name(src), (unsigned long)t->max_entries,
				(unsigned long long)t->decrements, missed, missed == 1 ? "" : "s");
	}
	keep_templates(t);
	if (source_rewind(src) < 0) {
		templates_free(t);
		return NULL;
	}
	return t;
}

int templates_prepare(const struct templates_options *o, int cleaning, int jobs,
		      struct source *src, struct templates **out)
{
	*out = NULL;
	if (o->off || !cleaning)
		return 0;
	if (o->file) {
		*out = templates_load(o->file, o->min);
		return *out ? 0 : -1;
	}
	if (!source_rewindable(src)) {
		warning("%s: a pipe is read once, so lines repeated across articles are not "
			"dropped as site templates; write a table with 'framing templates' and "
			"give it with --templates FILE (or --no-templates)", source_name(src));
		return 0;
	}
	*out = templates_build(src, o->min, NULL, jobs);
	return *out ? 0 : -1;
}

size_t templates_count(const struct templates *t, size_t *outlets)
{
	unsigned char *seen;
	size_t i, n = 0;

	if (outlets)
		*outlets = 0;
	if (!t)
		return 0;
	seen = xcalloc(t->noutlets + 1, 1);
	for (i = 0; i < t->tab.cap; i++) {
		const struct entry *e = &t->tab.slot[i];
		if (!e->line)
			continue;
		n++;
		if (outlets && !seen[e->outlet]++)
			++*outlets;
	}
	free(seen);
	return n;
}

/* ---- the file ---------------------------------------------------------- */

static const char *const columns[] = { "outlet", "count", "hash", "line" };
#define NCOLUMNS (sizeof(columns) / sizeof(columns[0]))

/* A row of the file: the entry and its outlet's name, so rows sort without the table. */
struct row {
	const char *outlet;
	const struct entry *e;
};

static int cmp_row(const void *a, const void *b)
{
	const struct row *rx = a, *ry = b;
	const struct entry *x = rx->e, *y = ry->e;
	int c = strcmp(rx->outlet, ry->outlet);

	if (c)
		return c;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

int templates_write(struct templates *t, struct source *src, int jobs, FILE *f)
{
	struct row *rows;
	struct buf line = BUF_INIT;
	size_t i, n = 0;

	if (src && t->tab.n) {
		if (!t->text)
			t->text = xcalloc(t->tab.cap, sizeof(*t->text));
		run_pass(t, src, NULL, PASS_TEXT, jobs);
		if (source_rewind(src) < 0)
			return -1;
	}
	rows = xcalloc(t->tab.n + 1, sizeof(*rows));
	for (i = 0; i < t->tab.cap; i++)
		if (t->tab.slot[i].line) {
			rows[n].outlet = t->outlet[t->tab.slot[i].outlet];
			rows[n++].e = &t->tab.slot[i];
		}
	sort_array(rows, n, sizeof(*rows), cmp_row);
	fputs("outlet\tcount\thash\tline\n", f);
	for (i = 0; i < n; i++) {
		const struct entry *e = rows[i].e;
		const char *text = t->text ? t->text[e - t->tab.slot] : NULL;
		const char *name = rows[i].outlet;

		buf_reset(&line);
		buf_add_tsv_field(&line, name, strlen(name));
		buf_addf(&line, "\t%lu\t%016llx\t", (unsigned long)e->count,
			 (unsigned long long)e->line);
		if (text)
			buf_add_tsv_field(&line, text, strlen(text));
		buf_addch(&line, '\n');
		fwrite(line.data, 1, line.len, f);
	}
	buf_release(&line);
	free(rows);
	return ferror(f) ? -1 : 0;
}

/* A 64-bit hash written as 16 hex digits; -1 otherwise. */
static int parse_hash(const char *s, uint64_t *out)
{
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < 16; i++) {
		char c = s[i];
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
			: c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			return -1;
		v = v << 4 | (uint64_t)d;
	}
	if (s[16] || !v)
		return -1;
	*out = v;
	return 0;
}

struct templates *templates_read(FILE *f, const char *name, size_t min)
{
	struct tsv *tv = tsv_open_stream(f, name);
	struct templates *t;
	long col[NCOLUMNS];
	size_t i;
	int r;

	if (!tv)
		return NULL;
	for (i = 0; i < NCOLUMNS; i++) {
		col[i] = tsv_column(tv, columns[i]);
		if (col[i] < 0) {
			error("%s:1: not a table of framing templates (no column '%s'; "
			      "write one with 'framing templates')", name, columns[i]);
			tsv_close(tv);
			return NULL;
		}
	}
	t = templates_new(min);
	while ((r = tsv_next(tv)) > 0) {
		const char *outlet = tsv_field(tv, (size_t)col[0]);
		const char *count = tsv_field(tv, (size_t)col[1]);
		const char *hash = tsv_field(tv, (size_t)col[2]);
		struct entry e, *dup;
		long v;

		if (!*outlet) {
			error("%s:%zu: no outlet", name, tsv_line(tv));
			r = -1;
			break;
		}
		if (parse_long(count, 1, UINT32_MAX, &v) < 0) {
			error("%s:%zu: count '%s' is not a whole number from 1 to %lu", name,
			      tsv_line(tv), count, (unsigned long)UINT32_MAX);
			r = -1;
			break;
		}
		if (parse_hash(hash, &e.line) < 0) {
			error("%s:%zu: hash '%s' is not 16 hex digits (and not 0)", name,
			      tsv_line(tv), hash);
			r = -1;
			break;
		}
		e.count = (uint32_t)v;
		e.outlet = outlet_of(t, outlet);
		if (min && e.count < min)
			continue;
		/* Twice (tables joined, names that differ only in control bytes): the larger count. */
		if ((dup = table_find(t, &t->tab, e.line, e.outlet))) {
			if (dup->count < e.count)
				dup->count = e.count;
			continue;
		}
		if (2 * (t->tab.n + 1) > t->tab.cap)
			table_rebuild(t, &t->tab, t->tab.cap ? 2 * t->tab.cap : 1024, 0);
		table_put(t, &t->tab, &e);
	}
	tsv_close(tv);
	if (r < 0) {
		templates_free(t);
		return NULL;
	}
	return t;
}

struct templates *templates_load(const char *path, size_t min)
{
	FILE *f = fopen(path, "rb");
	struct templates *t;

	if (!f) {
		error("%s: %s", path, strerror(errno));
		return NULL;
	}
	t = templates_read(f, path, min);
	fclose(f);
	return t;
}

/* ---- the cleaner's questions ----------------------------------------- */

void templates_article_begin(struct templates_article *ta, const struct templates *t,
			     const char *outlet)
{
	uint64_t at = t && outlet ? counts_get(t->outlet_index, outlet, strlen(outlet)) : 0;

	ta->t = t;
	ta->outlet = at ? (long)at - 1 : -1;
}

uint32_t templates_repeated(void *ctx, const char *text, size_t start, size_t end)
{
	struct templates_article *ta = ctx;
	const struct entry *e;
	uint64_t h;

	if (ta->outlet < 0 || !ta->t->tab.n)
		return 0;
	h = templates_line_hash(text, start, end, ta->scratch);
	e = h ? table_find(ta->t, &ta->t->tab, h, (uint32_t)ta->outlet) : NULL;
	return e ? e->count : 0;
}

void templates_article_release(struct templates_article *ta)
{
	buf_release(&ta->scratch[0]);
	buf_release(&ta->scratch[1]);
}
