#include "util.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "banned.h"

static int quiet;

void util_set_quiet(int q)
{
	quiet = q;
}

static _Thread_local void (*message_sink)(void *ctx, const char *line);
static _Thread_local void *message_ctx;

void util_set_message_sink(void (*sink)(void *ctx, const char *line), void *ctx)
{
	message_sink = sink;
	message_ctx = ctx;
}

static void vreport(const char *prefix, const char *fmt, va_list ap, int may_hold)
{
	/* One buffered write per message, so parallel workers do not interleave. */
	char msg[4096], line[4200];
	int n = vsnprintf(msg, sizeof(msg), fmt, ap);
	if (n < 0)
		n = 0;
	if (may_hold && message_sink) {
		snprintf(line, sizeof(line), "framing: %s%s\n", prefix, msg);
		message_sink(message_ctx, line);
		return;
	}
	fprintf(stderr, "framing: %s%s\n", prefix, msg);
}

void die_status(int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport("", fmt, ap, 0);
	va_end(ap);
	exit(status);
}

void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport("", fmt, ap, 0);
	va_end(ap);
	exit(EXIT_FAILED);
}

int error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport("", fmt, ap, 1);
	va_end(ap);
	return -1;
}

void warning(const char *fmt, ...)
{
	va_list ap;
	if (quiet)
		return;
	va_start(ap, fmt);
	vreport("warning: ", fmt, ap, 1);
	va_end(ap);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		die("out of memory allocating %zu bytes", size);
	return p;
}

void *xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);
	if (!p)
		die("out of memory allocating %zu x %zu bytes", nmemb, size);
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		die("out of memory allocating %zu bytes", size);
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	size_t alloc = 0, used = 0;

	if (!f)
		return NULL;
	for (;;) {
		size_t got;
		ALLOC_GROW(data, used + 65536 + 1, alloc);
		got = fread(data + used, 1, alloc - used - 1, f);
		used += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		int saved = errno ? errno : EIO;
		fclose(f);
		free(data);
		errno = saved;
		return NULL;
	}
	fclose(f);
	data[used] = '\0';
	*len = used;
	return data;
}

void sort_array(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}

int parse_long(const char *s, long min, long max, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int parse_double(const char *s, double *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || *end || !isfinite(v))
		return -1;
	*out = v;
	return 0;
}

char *path_join(const char *dir, const char *name)
{
	size_t dl = strlen(dir), nl = strlen(name);
	int slash = dl > 0 && dir[dl - 1] != '/';
	char *p = xmalloc(dl + slash + nl + 1);

	memcpy(p, dir, dl);
	if (slash)
		p[dl] = '/';
	memcpy(p + dl + slash, name, nl + 1);
	return p;
}

/* Creates every missing folder of path, like mkdir -p; errno on failure. */
static int make_parents(char *path)
{
	char *p;

	for (p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0777) < 0 && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	return mkdir(path, 0777) < 0 && errno != EEXIST ? -1 : 0;
}

int ensure_dir(const char *dir)
{
	struct stat st;
	char *copy;
	int r;

	if (stat(dir, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return 0;
		return error("'%s': not a directory", dir);
	}
	copy = xstrdup(dir);
	r = make_parents(copy);
	free(copy);
	if (r < 0 || stat(dir, &st) < 0 || !S_ISDIR(st.st_mode))
		return error("cannot create directory '%s': %s", dir, strerror(errno ? errno : ENOTDIR));
	return 0;
}
