#ifndef UTIL_H
#define UTIL_H

/*
 * Exit statuses and the one error vocabulary of framing: die, error,
 * warning. Allocation is in xalloc.h, files and paths in fsutil.h.
 */

/* Exit statuses shared by every command. */
enum {
	EXIT_OK = 0,
	EXIT_FAILED = 1,	/* the run failed (I/O, a bad article among many) */
	EXIT_USAGE = 2		/* usage or input error: nothing was written */
};

/*
 * Messages go to stderr as "framing: what is wrong". Callers that know a
 * place put it first: error("%s:%zu: bad date '%s'", file, line, date).
 * Every message line passes sanitize_message, so an id, a date or a file
 * name quoted with %s shows a control or bidi character as an escape
 * ("\x1b", "\u202e") instead of sending it to the terminal.
 */
#if defined(__GNUC__)
#define FMT(a, b) __attribute__((format(printf, a, b)))
#define NORETURN __attribute__((noreturn))
#else
#define FMT(a, b)
#define NORETURN
#endif

/* Prints the message and exits with status. */
NORETURN void die_status(int status, const char *fmt, ...) FMT(2, 3);
/* Prints the message and exits with EXIT_FAILED. */
NORETURN void die(const char *fmt, ...) FMT(1, 2);
/* Prints the message and returns -1, so that "return error(...)" reads well. */
int error(const char *fmt, ...) FMT(1, 2);
void warning(const char *fmt, ...) FMT(1, 2);
/* A line of information ("framing: kept 3 of 5 lines"), printed even under -q. */
void inform(const char *fmt, ...) FMT(1, 2);
/* Silences warning() (for -q); errors are always printed. */
void util_set_quiet(int quiet);
/*
 * Sends this thread's error() and warning() lines ("framing: ...\n") to
 * sink instead of stderr, or to stderr again with NULL. Worker threads use
 * it to hold an article's messages until its rows are written, so stderr
 * reads in input order whatever -j is. die() always prints.
 */
void util_set_message_sink(void (*sink)(void *ctx, const char *line), void *ctx);
/*
 * A sink that drops every line: for a second reading of the same articles,
 * whose messages the first reading printed already.
 */
void util_message_drop(void *ctx, const char *line);

#endif
