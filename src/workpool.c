/* A pool of threads over numbered tasks (see workpool.h). */
#include "workpool.h"

#include <pthread.h>
#include <stdlib.h>

#include "util.h"
#include "xalloc.h"
#include "banned.h"

struct pool {
	void (*fn)(void *arg, size_t task);
	void *arg;
	size_t n, next;		/* next under lock */
	pthread_mutex_t lock;
};

static void *pool_worker(void *p_)
{
	struct pool *p = p_;

	for (;;) {
		size_t k;
		pthread_mutex_lock(&p->lock);
		k = p->next++;
		pthread_mutex_unlock(&p->lock);
		if (k >= p->n)
			return NULL;
		p->fn(p->arg, k);
	}
}

void workpool_run(size_t nthreads, size_t n, void (*fn)(void *arg, size_t task), void *arg)
{
	struct pool p = { fn, arg, n, 0, PTHREAD_MUTEX_INITIALIZER };
	size_t i, started = 0;
	pthread_t *tid;

	if (nthreads > n)
		nthreads = n;
	tid = xmalloc((nthreads + 1) * sizeof(*tid));
	for (i = 1; i < nthreads; i++)
		if (pthread_create(&tid[started], NULL, pool_worker, &p) == 0)
			started++;
	pool_worker(&p);
	for (i = 0; i < started; i++)
		pthread_join(tid[i], NULL);
	pthread_mutex_destroy(&p.lock);
	free(tid);
}
