#include "pipeline.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "outfile.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

/* Articles in flight per worker: enough to keep workers busy while rows are written. */
#define ITEMS_PER_WORKER 16

enum item_state { ITEM_FREE, ITEM_READY, ITEM_TAKEN, ITEM_DONE };

struct item {
	struct source_record rec;	/* as read, decoded by a worker */
	struct article a;
	char *text;
	size_t len;
	int skipped;	/* the record could not be decoded (a message says why) */
	size_t tokens, lost_words;	/* words kept and lost to cleaning (score.h) */
	struct buf row, matches, signature, targets;
	struct buf messages;	/* the worker's errors and warnings, printed in order */
	enum item_state state;
};

struct progress {
	int on;
	struct timespec start, last;
	uint64_t total;
	size_t articles;
};

struct shared {
	const struct source *src;
	const struct pipeline_pass *pass;	/* NULL: scoring */
	size_t nextra;
	int want_matches, want_signatures, want_targets;
	struct counts *terms;	/* whether to count terms; filled at the end */
	size_t skipped;		/* records that could not be decoded */
	struct outfile_spill matches_spill;
	struct item *ring;
	size_t cap;
	size_t next_read, next_take, next_write;	/* sequence numbers */
	int finished;
	int main_waiting;	/* the reading thread waits for the oldest item */
	pthread_mutex_t lock;
	pthread_cond_t work, done;
};

struct worker {
	pthread_t thread;
	struct shared *sh;
	struct scorer *scorer;
	void *state;		/* pipeline_pass: the worker's own */
};

int pipeline_default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}

static double seconds_since(const struct timespec *t)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

static void progress_show(struct progress *p, const struct source *src, int final)
{
	double elapsed, mb;
	struct timespec now;

	if (!p->on)
		return;
	if (final) {
		fputs("\r\033[K", stderr);
		return;
	}
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (seconds_since(&p->last) < 0.25)
		return;
	p->last = now;
	elapsed = seconds_since(&p->start);
	mb = (double)source_bytes_read(src) / 1e6;
	fprintf(stderr, "\r\033[Kframing: %zu articles, %.1f MB, %.1f MB/s, %.0f s", p->articles,
		mb, elapsed > 0 ? mb / elapsed : 0.0, elapsed);
	if (p->total && mb > 0)
		fprintf(stderr, ", ETA %.0f s", elapsed * ((double)p->total / 1e6 - mb) / mb);
	fflush(stderr);
}

static void hold_message(void *ctx, const char *line)
{
	buf_adds(ctx, line);
}

/*
 * Decodes the item's record and scores the article (or gives it to the
 * pass); with hold, its messages wait in it.
 */
static void score_item(struct worker *w, struct shared *sh, struct item *it, int hold)
{
	struct scorer *sc = w->scorer;
	struct score_rows rows;

	buf_reset(&it->row);
	buf_reset(&it->matches);
	buf_reset(&it->signature);
	buf_reset(&it->targets);
	buf_reset(&it->messages);
	if (sh->pass)
		util_set_message_sink(util_message_drop, NULL);
	else if (hold)
		util_set_message_sink(hold_message, &it->messages);
	it->skipped = source_decode(sh->src, &it->rec, &it->a, &it->text, &it->len) < 0;
	if (!it->skipped && sh->pass) {
		sh->pass->work(w->state, &it->a, it->text, it->len, &it->row);
	} else if (!it->skipped) {
		rows.row = &it->row;
		rows.matches = sh->want_matches ? &it->matches : NULL;
		rows.signature = sh->want_signatures ? &it->signature : NULL;
		rows.terms = sh->terms != NULL;
		rows.targets = sh->want_targets ? &it->targets : NULL;
		scorer_article(sc, &it->a, sh->nextra, source_lang(sh->src, &it->a), it->a.path,
			       it->text, it->len, &rows);
		scorer_words(sc, &it->tokens, &it->lost_words);
	}
	if (hold && !sh->pass)
		util_set_message_sink(NULL, NULL);
	free(it->text);
	it->text = NULL;
}

static void write_item(struct shared *sh, struct item *it, const struct pipeline_output *out)
{
	if (it->messages.len)
		fputs(it->messages.data, stderr);
	if (it->skipped) {
		sh->skipped++;
	} else if (sh->pass) {
		sh->pass->done(sh->pass->ctx, &it->a, &it->row);
		article_release(&it->a, sh->nextra);
	} else {
		fputs(buf_str(&it->row), out->scores);
		if (out->matches && it->matches.len) {
			fwrite(it->matches.data, 1, it->matches.len, out->matches);
			outfile_spill(out->matches, &sh->matches_spill, it->matches.len);
		}
		if (out->signatures)
			fputs(buf_str(&it->signature), out->signatures);
		if (out->targets && it->targets.len)
			fwrite(it->targets.data, 1, it->targets.len, out->targets);
		if (out->loss)
			score_loss_add(out->loss, it->a.id, it->a.path, it->tokens, it->lost_words);
		article_release(&it->a, sh->nextra);
	}
	it->state = ITEM_FREE;
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	struct shared *sh = w->sh;

	pthread_mutex_lock(&sh->lock);
	for (;;) {
		struct item *it;
		while (sh->next_take == sh->next_read && !sh->finished)
			pthread_cond_wait(&sh->work, &sh->lock);
		if (sh->next_take == sh->next_read)
			break;
		it = &sh->ring[sh->next_take++ % sh->cap];
		it->state = ITEM_TAKEN;
		pthread_mutex_unlock(&sh->lock);
		score_item(w, sh, it, 1);
		pthread_mutex_lock(&sh->lock);
		it->state = ITEM_DONE;
		if (sh->main_waiting)
			pthread_cond_signal(&sh->done);
	}
	pthread_mutex_unlock(&sh->lock);
	return NULL;
}

/* Writes the finished items at the head of the ring, in order. Called locked. */
static void drain(struct shared *sh, const struct pipeline_output *out)
{
	while (sh->next_write < sh->next_read) {
		struct item *it = &sh->ring[sh->next_write % sh->cap];
		if (it->state != ITEM_DONE)
			return;
		/* Writing outside the lock lets workers go on meanwhile. */
		pthread_mutex_unlock(&sh->lock);
		write_item(sh, it, out);
		pthread_mutex_lock(&sh->lock);
		sh->next_write++;
	}
}

/*
 * Reads into the ring while it has room; returns 0 at the end of the input.
 * Called locked; reads unlocked.
 */
static int fill(struct shared *sh, struct source *src, struct progress *pr, size_t *skipped)
{
	while (sh->next_read - sh->next_write < sh->cap) {
		struct item *it = &sh->ring[sh->next_read % sh->cap];
		int r;
		pthread_mutex_unlock(&sh->lock);
		r = source_read(src, &it->rec);
		pthread_mutex_lock(&sh->lock);
		if (r == 0)
			return 0;
		if (r < 0) {
			(*skipped)++;
			continue;
		}
		it->state = ITEM_READY;
		sh->next_read++;
		pr->articles++;
		pthread_cond_signal(&sh->work);
		progress_show(pr, src, 0);
	}
	return 1;
}

/*
 * jobs - 1 worker threads score, and so does this thread whenever the ring
 * is full, instead of sleeping until a worker finishes: one thread per core
 * and few wake-ups (a wake-up per article cost a fifth of the time of -j 2).
 * This thread alone reads and writes, so rows stay in input order.
 */
static size_t run_threads(struct shared *sh, struct worker *workers, int jobs,
			  struct source *src, const struct pipeline_output *out,
			  struct progress *pr)
{
	size_t skipped = 0;
	int i, more = 1;

	for (i = 1; i < jobs; i++)
		if (pthread_create(&workers[i].thread, NULL, worker_main, &workers[i]) != 0)
			die("cannot start a worker thread");
	pthread_mutex_lock(&sh->lock);
	for (;;) {
		if (more)
			more = fill(sh, src, pr, &skipped);
		drain(sh, out);
		if (!more && sh->next_write == sh->next_read)
			break;
		if (sh->next_take < sh->next_read) {
			struct item *it = &sh->ring[sh->next_take++ % sh->cap];
			it->state = ITEM_TAKEN;
			pthread_mutex_unlock(&sh->lock);
			score_item(&workers[0], sh, it, 1);
			pthread_mutex_lock(&sh->lock);
			it->state = ITEM_DONE;
		} else if (sh->next_write < sh->next_read
			   && sh->ring[sh->next_write % sh->cap].state != ITEM_DONE) {
			sh->main_waiting = 1;
			pthread_cond_wait(&sh->done, &sh->lock);
			sh->main_waiting = 0;
		}
	}
	sh->finished = 1;
	pthread_cond_broadcast(&sh->work);
	pthread_mutex_unlock(&sh->lock);
	for (i = 1; i < jobs; i++)
		pthread_join(workers[i].thread, NULL);
	return skipped;
}

static size_t run_inline(struct shared *sh, struct worker *w, struct source *src,
			 const struct pipeline_output *out, struct progress *pr)
{
	struct item *it = &sh->ring[0];
	size_t skipped = 0;
	int r;

	while ((r = source_read(src, &it->rec)) != 0) {
		if (r < 0) {
			skipped++;
			continue;
		}
		score_item(w, sh, it, 0);
		write_item(sh, it, out);
		pr->articles++;
		progress_show(pr, src, 0);
	}
	return skipped;
}

/* The ring of items in flight and its lock, for jobs workers reading src. */
static struct worker *shared_open(struct shared *sh, struct source *src, int jobs)
{
	struct worker *workers;
	int i;

	sh->src = src;
	source_extra_names(src, &sh->nextra);
	sh->cap = jobs == 1 ? 1 : (size_t)jobs * ITEMS_PER_WORKER;
	sh->ring = xcalloc(sh->cap, sizeof(*sh->ring));
	pthread_mutex_init(&sh->lock, NULL);
	pthread_cond_init(&sh->work, NULL);
	pthread_cond_init(&sh->done, NULL);
	workers = xcalloc((size_t)jobs, sizeof(*workers));
	for (i = 0; i < jobs; i++)
		workers[i].sh = sh;
	return workers;
}

static void shared_close(struct shared *sh, struct worker *workers)
{
	size_t k;

	for (k = 0; k < sh->cap; k++) {
		buf_release(&sh->ring[k].row);
		buf_release(&sh->ring[k].matches);
		buf_release(&sh->ring[k].signature);
		buf_release(&sh->ring[k].targets);
		buf_release(&sh->ring[k].messages);
		source_record_release(&sh->ring[k].rec);
	}
	free(workers);
	free(sh->ring);
	pthread_mutex_destroy(&sh->lock);
	pthread_cond_destroy(&sh->work);
	pthread_cond_destroy(&sh->done);
}

size_t pipeline_run(struct source *src, const struct lexicon *lx, const struct matcher *m,
		    const struct score_options *opt, const struct pipeline_options *popt,
		    const struct pipeline_output *out)
{
	struct shared sh;
	struct worker *workers;
	struct progress pr;
	int jobs = popt->jobs < 1 ? 1 : popt->jobs, i;
	size_t skipped;

	memset(&sh, 0, sizeof(sh));
	memset(&pr, 0, sizeof(pr));
	pr.on = popt->progress;
	pr.total = source_total_bytes(src);
	clock_gettime(CLOCK_MONOTONIC, &pr.start);
	pr.last = pr.start;
	sh.want_matches = out->matches != NULL;
	sh.want_signatures = out->signatures != NULL;
	sh.want_targets = out->targets != NULL;
	sh.terms = out->terms;
	workers = shared_open(&sh, src, jobs);
	for (i = 0; i < jobs; i++)
		workers[i].scorer = scorer_new(lx, m, opt);

	if (jobs == 1)
		skipped = run_inline(&sh, &workers[0], src, out, &pr);
	else
		skipped = run_threads(&sh, workers, jobs, src, out, &pr);
	progress_show(&pr, src, 1);

	/* Workers' counts into the first's, then into the corpus table, freed as they go. */
	for (i = 1; out->terms && i < jobs; i++)
		scorer_merge_terms(workers[0].scorer, workers[i].scorer);
	if (out->terms)
		scorer_flush_terms(workers[0].scorer, out->terms);
	for (i = 0; i < jobs; i++)
		scorer_free(workers[i].scorer);
	shared_close(&sh, workers);
	return skipped + sh.skipped;
}

size_t pipeline_pass(struct source *src, int jobs, const struct pipeline_pass *pass)
{
	struct pipeline_output none;
	struct shared sh;
	struct worker *workers;
	struct progress pr;
	size_t skipped;
	int i;

	if (jobs < 1)
		jobs = pipeline_default_jobs();
	memset(&none, 0, sizeof(none));
	memset(&sh, 0, sizeof(sh));
	memset(&pr, 0, sizeof(pr));
	sh.pass = pass;
	workers = shared_open(&sh, src, jobs);
	for (i = 0; i < jobs; i++)
		workers[i].state = pass->begin(pass->ctx);
	/* Its messages are dropped, and so are those of skipped records: the command's own pass prints them. */
	util_set_message_sink(util_message_drop, NULL);
	if (jobs == 1)
		skipped = run_inline(&sh, &workers[0], src, &none, &pr);
	else
		skipped = run_threads(&sh, workers, jobs, src, &none, &pr);
	util_set_message_sink(NULL, NULL);
	for (i = 0; i < jobs; i++)
		pass->end(workers[i].state);
	shared_close(&sh, workers);
	return skipped + sh.skipped;
}
