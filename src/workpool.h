#ifndef WORKPOOL_H
#define WORKPOOL_H

#include <stddef.h>

/*
 * A pool of threads for work whose parts are independent: tasks 0..n-1,
 * each run once by fn(arg, task) in up to nthreads threads, the calling
 * thread among them. Returns when every task has run. Threads that cannot
 * start are no error: the others do their share. fn must not depend on
 * which thread runs a task or how many there are (give each task its own
 * seed), so the results do not either. arg is borrowed.
 */
void workpool_run(size_t nthreads, size_t n, void (*fn)(void *arg, size_t task), void *arg);

#endif
