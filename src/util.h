#ifndef UTIL_H
#define UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Exit statuses shared by every command. */
enum {
	EXIT_OK = 0,
	EXIT_FAILED = 1,	/* the run failed (I/O, a bad article among many) */
	EXIT_USAGE = 2		/* usage or input error: nothing was written */
};

/*
 * Messages go to stderr as "framing: what is wrong". Callers that know a
 * place put it first: error("%s:%zu: bad date '%s'", file, line, date).
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
/* Silences warning() (for -q); errors are always printed. */
void util_set_quiet(int quiet);
/*
 * Sends this thread's error() and warning() lines ("framing: ...\n") to
 * sink instead of stderr, or to stderr again with NULL. Worker threads use
 * it to hold an article's messages until its rows are written, so stderr
 * reads in input order whatever -j is. die() always prints.
 */
void util_set_message_sink(void (*sink)(void *ctx, const char *line), void *ctx);

/* Allocation wrappers that die on out-of-memory; the caller frees. */
void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Grows *arr so that it holds at least need elements of size elem. */
#define ALLOC_GROW(arr, need, alloc) \
	do { \
		if ((need) > (alloc)) { \
			size_t alloc_new_ = (alloc) < 16 ? 16 : (alloc) * 2; \
			while (alloc_new_ < (need)) \
				alloc_new_ *= 2; \
			(arr) = xrealloc((arr), alloc_new_ * sizeof(*(arr))); \
			(alloc) = alloc_new_; \
		} \
	} while (0)

/*
 * Reads a whole file into a NUL-terminated buffer owned by the caller.
 * Returns NULL and sets errno on failure. *len gets the size without the NUL.
 */
char *read_file(const char *path, size_t *len);

/* qsort that accepts an empty (NULL) array, which qsort itself must not get. */
void sort_array(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

/* Parses a whole string as a number; returns -1 when it is not one. */
int parse_long(const char *s, long min, long max, long *out);
int parse_double(const char *s, double *out);

/* Joins a directory and a file name into a new string owned by the caller. */
char *path_join(const char *dir, const char *name);
/* Creates dir and its parents unless they exist; returns -1 with a message. */
int ensure_dir(const char *dir);

/*
 * Eight bytes as an integer with the first byte lowest, whatever the
 * machine's byte order: the word-at-a-time scans of text rely on it.
 */
static inline uint64_t load_le64(const void *p, size_t n)
{
	uint64_t x = 0;
	memcpy(&x, p, n);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	x = __builtin_bswap64(x);
#endif
	return x;
}

/*
 * Eight bytes at a time (SWAR): marks are the 0x80 bit of each byte of a
 * word loaded with load_le64, so the first byte is the lowest.
 */
#define SWAR_ONES 0x0101010101010101ULL
#define SWAR_HIGHS 0x8080808080808080ULL

/* Marks the bytes b with m < b < n, exactly; never bytes of 0x80 and above (m < n <= 128). */
static inline uint64_t swar_between(uint64_t x, unsigned m, unsigned n)
{
	const uint64_t low7 = SWAR_ONES * 127;
	return ((SWAR_ONES * (127 + n) - (x & low7)) & ~x & ((x & low7) + SWAR_ONES * (127 - m)))
	       & SWAR_HIGHS;
}

/* Marks the ASCII letters. */
static inline uint64_t swar_ascii_letters(uint64_t x)
{
	return swar_between(x | SWAR_ONES * 0x20, 'a' - 1, 'z' + 1);
}

/* Marks the ASCII digits. */
static inline uint64_t swar_ascii_digits(uint64_t x)
{
	return swar_between(x, '0' - 1, '9' + 1);
}

/* How many bytes from the first are marked before one that is not (0 to 8). */
static inline size_t swar_marked_run(uint64_t marks)
{
	uint64_t stop = ~marks & SWAR_HIGHS;
	return stop ? (size_t)__builtin_ctzll(stop) / 8 : 8;
}

#endif
