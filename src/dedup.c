/*
 * Near-duplicate detection with MinHash signatures and LSH banding.
 * References: Broder (1997) for shingling and MinHash; Li, Owen & Zhang
 * (2012) for one-permutation hashing; Shrivastava (2017) for the optimal
 * densification that fills empty bins.
 */
#include "dedup.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fsutil.h"
#include "hash.h"
#include "outfile.h"
#include "sort.h"
#include "text.h"
#include "tsv.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

#define DEDUP_SHINGLE 5
#define DEDUP_BINS 128
#define DEDUP_ROWS 2		/* bins per LSH band */
#define DEDUP_BANDS (DEDUP_BINS / DEDUP_ROWS)
#define DEDUP_MIN_EQUAL 64	/* bins equal for similarity >= 0.5 */
#define DEDUP_MAX_BUCKET 64	/* larger LSH buckets are checked as a star */
#define DEDUP_ROLL 0x100000001b3ULL	/* odd multiplier of the rolling shingle hash */

/*
 * Bins keep the low 16 bits of the minimum (b-bit MinHash, Li & Koenig
 * 2010): two different minima agree by chance with probability 1/65536,
 * which moves a similarity by less than 0.0001, and signatures take half
 * the memory and disk.
 */
typedef uint16_t dedup_bin;

struct dedup_item {
	char *id, *outlet, *date;
	dedup_bin sig[DEDUP_BINS];
	int empty;
};

struct dedup_pair {
	size_t a, b;		/* a is the earlier article */
	const char *ida, *idb;	/* their ids, borrowed, for sorting */
	unsigned equal;
};

struct dedup {
	struct dedup_item *items;
	size_t n, alloc;
};

struct dedup *dedup_new(void)
{
	return xcalloc(1, sizeof(struct dedup));
}

/*
 * Each empty bin takes the value of the first filled bin that its fixed
 * probe sequence, hash_mix64((bin << 32) | attempt) % DEDUP_BINS for attempt
 * 1, 2, ..., reaches. Only the first time a sequence reaches each bin
 * matters, so the bins in that order are worked out once per process; an
 * article of one word (one filled bin) then costs a walk down a list of
 * bytes per empty bin, not a hundred hashes each (a million one-word
 * articles spent 87% of their time here).
 */
static unsigned char probe_order[DEDUP_BINS][DEDUP_BINS];
static pthread_once_t probe_once = PTHREAD_ONCE_INIT;

static void build_probe_order(void)
{
	size_t j;

	for (j = 0; j < DEDUP_BINS; j++) {
		unsigned char seen[DEDUP_BINS] = { 0 };
		uint64_t attempt = 0;
		size_t n = 0;
		while (n < DEDUP_BINS) {
			size_t from = (size_t)(hash_mix64(((uint64_t)j << 32) | ++attempt) % DEDUP_BINS);
			if (!seen[from]) {
				seen[from] = 1;
				probe_order[j][n++] = (unsigned char)from;
			}
		}
	}
}

/* Fills each empty bin from the bin that its probe sequence reaches first. */
static void dedup_densify(dedup_bin *sig, const unsigned char *filled)
{
	size_t j, k;

	pthread_once(&probe_once, build_probe_order);
	for (j = 0; j < DEDUP_BINS; j++) {
		if (filled[j])
			continue;
		for (k = 0; !filled[probe_order[j][k]]; k++)
			;
		sig[j] = sig[probe_order[j][k]];
	}
}

static void dedup_signature(struct dedup_item *it, const uint64_t *word_hashes, size_t nwords)
{
	uint64_t wh[DEDUP_SHINGLE];
	uint32_t min[DEDUP_BINS];
	unsigned char filled[DEDUP_BINS] = { 0 };
	size_t i, j, span = nwords < DEDUP_SHINGLE ? nwords : DEDUP_SHINGLE;

	uint64_t roll = 0, top = 1;

	/*
	 * A shingle's hash is a polynomial in its words' hashes (order counts),
	 * updated as the window slides, then mixed once: one mix per word.
	 * wh is a ring of the last words' hashes, so nothing is allocated.
	 */
	for (j = 0; j < span; j++)
		top *= DEDUP_ROLL;
	for (i = 0; i < nwords; i++) {
		uint64_t h, w = word_hashes[i];
		size_t bin;
		roll = roll * DEDUP_ROLL + w;
		if (i >= span)
			roll -= wh[i % DEDUP_SHINGLE] * top;
		wh[i % DEDUP_SHINGLE] = w;
		if (i + 1 < span)
			continue;
		h = hash_mix64(roll ^ 0x5eed);
		bin = (size_t)(h >> 57);		/* top 7 bits: 128 bins */
		if (!filled[bin] || (uint32_t)h < min[bin])
			min[bin] = (uint32_t)h;
		filled[bin] = 1;
	}
	for (j = 0; j < DEDUP_BINS; j++)
		it->sig[j] = filled[j] ? (dedup_bin)min[j] : 0;
	it->empty = nwords == 0;
	if (!it->empty)
		dedup_densify(it->sig, filled);
}

void dedup_sign(const uint64_t *word_hashes, size_t nwords, struct buf *out)
{
	static const char hex[] = "0123456789abcdef";
	struct dedup_item it;
	size_t j;

	dedup_signature(&it, word_hashes, nwords);
	if (it.empty) {
		buf_addch(out, '-');
		return;
	}
	buf_grow(out, 4 * DEDUP_BINS);
	for (j = 0; j < DEDUP_BINS; j++) {
		char *p = out->data + out->len;
		p[0] = hex[(it.sig[j] >> 12) & 15];
		p[1] = hex[(it.sig[j] >> 8) & 15];
		p[2] = hex[(it.sig[j] >> 4) & 15];
		p[3] = hex[it.sig[j] & 15];
		out->len += 4;
	}
	out->data[out->len] = '\0';
}

/* A hex digit's value + 1; 0 for any other byte. */
static const unsigned char dedup_hex[256] = {
	['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5, ['5'] = 6, ['6'] = 7,
	['7'] = 8, ['8'] = 9, ['9'] = 10, ['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14,
	['e'] = 15, ['f'] = 16,
};

/*
 * Reads a signature's 512 hex digits. A million signatures are half a
 * gigabyte of digits, so each is a table lookup, with one test for a bad
 * digit per bin, not a function call and a branch per digit.
 */
static int dedup_parse(const char *text, struct dedup_item *it)
{
	size_t j;

	it->empty = !strcmp(text, "-");
	if (it->empty)
		return 0;
	if (strnlen(text, 4 * DEDUP_BINS + 1) != 4 * DEDUP_BINS)
		return -1;
	for (j = 0; j < DEDUP_BINS; j++) {
		const unsigned char *d = (const unsigned char *)text + 4 * j;
		unsigned a = dedup_hex[d[0]], b = dedup_hex[d[1]], c = dedup_hex[d[2]],
			 e = dedup_hex[d[3]];
		if (!a || !b || !c || !e)
			return -1;
		it->sig[j] = (dedup_bin)((a - 1) << 12 | (b - 1) << 8 | (c - 1) << 4 | (e - 1));
	}
	return 0;
}

static struct dedup_item *dedup_new_item(struct dedup *d, const char *id, const char *outlet,
					 const char *date)
{
	struct dedup_item *it;

	ALLOC_GROW(d->items, d->n + 1, d->alloc);
	it = &d->items[d->n++];
	memset(it, 0, sizeof(*it));
	it->id = xstrdup(id);
	it->outlet = xstrdup(outlet ? outlet : "NA");
	it->date = xstrdup(date && *date ? date : "NA");
	return it;
}

int dedup_add_signature(struct dedup *d, const char *id, const char *outlet, const char *date,
			const char *signature)
{
	struct dedup_item *it = dedup_new_item(d, id, outlet, date);

	if (dedup_parse(signature, it) == 0)
		return 0;
	free(it->id);
	free(it->outlet);
	free(it->date);
	d->n--;
	return -1;
}

void dedup_add(struct dedup *d, const char *id, const char *outlet, const char *date,
	       const char *const *words, size_t nwords)
{
	uint64_t *hashes = xmalloc((nwords ? nwords : 1) * sizeof(*hashes));
	size_t i;

	for (i = 0; i < nwords; i++)
		hashes[i] = text_hash(words[i], strlen(words[i]));
	dedup_signature(dedup_new_item(d, id, outlet, date), hashes, nwords);
	free(hashes);
}

static unsigned dedup_equal(const struct dedup_item *a, const struct dedup_item *b)
{
	unsigned k, same = 0;
	for (k = 0; k < DEDUP_BINS; k++)
		same += a->sig[k] == b->sig[k];
	return same;
}

/* Is a earlier than b: by date (NA last), then id. */
static int dedup_earlier(const struct dedup_item *a, const struct dedup_item *b)
{
	int na = !strcmp(a->date, "NA"), nb = !strcmp(b->date, "NA"), c;

	if (na != nb)
		return nb;
	if ((c = strcmp(a->date, b->date)))
		return c < 0;
	return strcmp(a->id, b->id) < 0;
}

struct dedup_key {
	uint32_t key;		/* the band's two bins */
	size_t item;
};

#define DEDUP_RADIX_BITS 11
#define DEDUP_RADIX (1u << DEDUP_RADIX_BITS)

/*
 * Sorts keys[0..n) by key with a least-significant-digit radix sort (3
 * passes of 11 bits; tmp holds n keys), which is stable: articles with
 * the same key stay in ascending order, as the pairing wants. qsort, a
 * comparison per step, took 40% of framing stats with 100,000
 * signatures (64 bands, each sorted).
 */
static void dedup_sort_keys(struct dedup_key *keys, struct dedup_key *tmp, size_t n)
{
	size_t count[DEDUP_RADIX], i;
	unsigned shift;

	for (shift = 0; shift < 32; shift += DEDUP_RADIX_BITS) {
		size_t at = 0;
		memset(count, 0, sizeof(count));
		for (i = 0; i < n; i++)
			count[(keys[i].key >> shift) & (DEDUP_RADIX - 1)]++;
		for (i = 0; i < DEDUP_RADIX; i++) {
			size_t c = count[i];
			count[i] = at;
			at += c;
		}
		for (i = 0; i < n; i++)
			tmp[count[(keys[i].key >> shift) & (DEDUP_RADIX - 1)]++] = keys[i];
		memcpy(keys, tmp, n * sizeof(*keys));
	}
}

struct dedup_pairs {
	struct dedup_pair *p;
	size_t n, alloc;
};

static void dedup_check(struct dedup *d, size_t x, size_t y, struct dedup_pairs *out)
{
	unsigned eq = dedup_equal(&d->items[x], &d->items[y]);

	if (eq < DEDUP_MIN_EQUAL)
		return;
	ALLOC_GROW(out->p, out->n + 1, out->alloc);
	if (dedup_earlier(&d->items[y], &d->items[x])) {
		size_t t = x;
		x = y;
		y = t;
	}
	out->p[out->n++] = (struct dedup_pair){ x, y, d->items[x].id, d->items[y].id, eq };
}

/*
 * Candidates of one band: articles whose two bins of the band agree. The
 * order of the buckets does not matter (the pairs are sorted at the end);
 * within one, articles come in ascending order.
 */
static void dedup_band(struct dedup *d, size_t band, struct dedup_key *keys,
		       struct dedup_key *tmp, struct dedup_pairs *out)
{
	size_t i, n = 0, run;

	for (i = 0; i < d->n; i++) {
		const dedup_bin *s = d->items[i].sig + band * DEDUP_ROWS;
		if (d->items[i].empty)
			continue;
		keys[n].key = (uint32_t)s[0] << 16 | s[1];
		keys[n++].item = i;
	}
	dedup_sort_keys(keys, tmp, n);
	for (i = 0; i < n; i = run) {
		size_t x, y;
		for (run = i + 1; run < n && keys[run].key == keys[i].key; run++)
			;
		/*
		 * A bucket of thousands (a million one-word articles, a template
		 * repeated) would take quadratic time; its articles are checked
		 * against its first one only, which keeps the clusters for --dedup.
		 */
		if (run - i > DEDUP_MAX_BUCKET) {
			for (y = i + 1; y < run; y++)
				dedup_check(d, keys[i].item, keys[y].item, out);
			continue;
		}
		for (x = i; x < run; x++)
			for (y = x + 1; y < run; y++)
				dedup_check(d, keys[x].item, keys[y].item, out);
	}
}

static int dedup_cmp_pair(const void *pa, const void *pb)
{
	const struct dedup_pair *a = pa, *b = pb;
	int c = strcmp(a->ida, b->ida);
	if (c)
		return c;
	if ((c = strcmp(a->idb, b->idb)))
		return c;
	return a->a < b->a ? -1 : a->a > b->a ? 1 : a->b < b->b ? -1 : a->b > b->b;
}

/* Sorts and removes the pairs found again in another band. */
static void dedup_unique(struct dedup_pairs *pairs)
{
	size_t i, k = 0;

	sort_array(pairs->p, pairs->n, sizeof(*pairs->p), dedup_cmp_pair);
	for (i = 0; i < pairs->n; i++)
		if (k == 0 || pairs->p[k - 1].a != pairs->p[i].a || pairs->p[k - 1].b != pairs->p[i].b)
			pairs->p[k++] = pairs->p[i];
	pairs->n = k;
}

static void dedup_line(const struct dedup *d, const struct dedup_pair *p, struct buf *line)
{
	const struct dedup_item *a = &d->items[p->a], *b = &d->items[p->b];

	buf_reset(line);
	buf_add_tsv_field(line, a->id, strlen(a->id));
	buf_addch(line, '\t');
	buf_add_tsv_field(line, b->id, strlen(b->id));
	buf_addch(line, '\t');
	buf_add_tsv_field(line, a->outlet, strlen(a->outlet));
	buf_addch(line, '\t');
	buf_add_tsv_field(line, b->outlet, strlen(b->outlet));
	buf_addch(line, '\t');
	buf_add_double(line, (double)p->equal / DEDUP_BINS);
	buf_addch(line, '\n');
}

int dedup_write(struct dedup *d, const char *dir)
{
	struct dedup_pairs pairs = { NULL, 0, 0 };
	struct dedup_key *keys = xmalloc((d->n + 1) * sizeof(*keys));
	struct dedup_key *tmp = xmalloc((d->n + 1) * sizeof(*tmp));
	char *path = path_join(dir, "duplicates.tsv");
	struct outfile *out = outfile_open(path);
	struct buf line = BUF_INIT;
	size_t band, i;
	int ret = -1;

	free(path);
	if (out) {
		for (band = 0; band < DEDUP_BANDS; band++)
			dedup_band(d, band, keys, tmp, &pairs);
		dedup_unique(&pairs);
		fputs("id_a\tid_b\toutlet_a\toutlet_b\tsimilarity\n", outfile_stream(out));
		for (i = 0; i < pairs.n; i++) {
			dedup_line(d, &pairs.p[i], &line);
			fwrite(line.data, 1, line.len, outfile_stream(out));
		}
		ret = outfile_commit(out);
	}
	buf_release(&line);
	free(keys);
	free(tmp);
	free(pairs.p);
	return ret;
}

void dedup_free(struct dedup *d)
{
	size_t i;

	if (!d)
		return;
	for (i = 0; i < d->n; i++) {
		free(d->items[i].id);
		free(d->items[i].outlet);
		free(d->items[i].date);
	}
	free(d->items);
	free(d);
}

int dedup_read_pairs(const char *path, void (*pair)(const char *a, const char *b, void *ctx),
		     void *ctx)
{
	struct tsv *in = tsv_open(path);
	long ca, cb;
	int r;

	if (!in)
		return -1;
	ca = tsv_column(in, "id_a");
	cb = tsv_column(in, "id_b");
	if (ca < 0 || cb < 0) {
		tsv_close(in);
		return error("%s:1: no columns 'id_a' and 'id_b'", path);
	}
	while ((r = tsv_next(in)) > 0)
		pair(tsv_field(in, (size_t)ca), tsv_field(in, (size_t)cb), ctx);
	tsv_close(in);
	return r < 0 ? -1 : 0;
}
