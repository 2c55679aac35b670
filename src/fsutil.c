#include "fsutil.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

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

/* Appends component name to the resolved path p by name: ".." drops the last. */
static void append_component(struct buf *p, const char *name, size_t len)
{
	if (len == 2 && name[0] == '.' && name[1] == '.') {
		char *slash = strrchr(p->data, '/');
		p->len = slash && slash != p->data ? (size_t)(slash - p->data) : 1;
		p->data[p->len] = '\0';
		return;
	}
	if (p->len > 1)
		buf_addch(p, '/');
	buf_add(p, name, len);
}

/*
 * The length of path's longest prefix that ends at a component and
 * exists, and its real path in *real; 0 (and the real path of "." or "/")
 * when none does.
 */
static size_t existing_prefix(const char *path, char **real)
{
	char *copy = xstrdup(path);
	size_t cut = strlen(copy);

	for (;;) {
		*real = realpath(copy, NULL);
		if (*real || errno != ENOENT)
			break;
		while (cut > 0 && copy[cut - 1] != '/')
			cut--;
		while (cut > 1 && copy[cut - 1] == '/')
			cut--;
		if (cut == 0 || (cut == 1 && copy[0] == '/')) {
			*real = realpath(cut ? "/" : ".", NULL);
			break;
		}
		copy[cut] = '\0';
	}
	free(copy);
	return cut;
}

char *fsutil_resolve(const char *path)
{
	struct buf out = BUF_INIT;
	char *real;
	const char *rest = path + existing_prefix(*path ? path : ".", &real);

	if (!real)
		return NULL;
	buf_adds(&out, real);
	free(real);
	while (*path && *rest) {
		size_t n = strcspn(rest, "/");
		if (n && !(n == 1 && rest[0] == '.'))
			append_component(&out, rest, n);
		rest += n;
		while (*rest == '/')
			rest++;
	}
	return buf_detach(&out);
}

int fsutil_inside(const char *child, const char *parent)
{
	size_t n = strlen(parent);

	if (n == 1 && parent[0] == '/')
		return 1;
	return !strncmp(child, parent, n) && (child[n] == '\0' || child[n] == '/');
}

int fsutil_same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev
	       && sa.st_ino == sb.st_ino;
}

char *fsutil_read_regular(const char *path, size_t max, size_t *len)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	char *data;
	size_t used = 0, alloc;
	int saved;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) < 0) {
		saved = errno;
		goto fail;
	}
	saved = !S_ISREG(st.st_mode) ? EINVAL : (uintmax_t)st.st_size > max ? EFBIG : 0;
	if (saved)
		goto fail;
	/* Room for one byte beyond max, so that a file still growing is caught too. */
	alloc = (size_t)st.st_size + 2;
	data = xmalloc(alloc);
	for (;;) {
		ssize_t got = read(fd, data + used, alloc - used - 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			saved = got < 0 ? errno : 0;
			break;
		}
		used += (size_t)got;
		if (used > max) {
			saved = EFBIG;
			break;
		}
		if (used + 1 == alloc) {
			alloc = alloc * 2 < max + 2 ? alloc * 2 : max + 2;
			data = xrealloc(data, alloc);
		}
	}
	close(fd);
	if (saved) {
		free(data);
		errno = saved;
		return NULL;
	}
	data[used] = '\0';
	*len = used;
	return data;
fail:
	close(fd);
	errno = saved;
	return NULL;
}

struct input_id {
	dev_t dev;
	ino_t ino;
	char *name;
};
static struct input_id *inputs;
static size_t ninputs, inputs_alloc;

static const char *input_of(const struct stat *st)
{
	size_t i;

	for (i = 0; i < ninputs; i++)
		if (inputs[i].dev == st->st_dev && inputs[i].ino == st->st_ino)
			return inputs[i].name;
	return NULL;
}

void fsutil_note_input(const char *path)
{
	struct stat st;
	int is_stdin = !strcmp(path, "-");

	if (is_stdin ? fstat(STDIN_FILENO, &st) < 0 : stat(path, &st) < 0)
		return;
	/* A pipe or a terminal is no file an output could replace. */
	if (is_stdin && !S_ISREG(st.st_mode))
		return;
	if (input_of(&st))
		return;
	ALLOC_GROW(inputs, ninputs + 1, inputs_alloc);
	inputs[ninputs].dev = st.st_dev;
	inputs[ninputs].ino = st.st_ino;
	inputs[ninputs++].name = xstrdup(is_stdin ? "standard input" : path);
}

const char *fsutil_input_at(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? input_of(&st) : NULL;
}

const char *fsutil_input_fd(int fd)
{
	struct stat st;

	return fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? input_of(&st) : NULL;
}

void fsutil_add_quoted(struct buf *b, const char *arg)
{
	static const char plain[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
				    "0123456789_./:=,@%+-";
	const char *p;

	if (*arg && arg[strspn(arg, plain)] == '\0') {
		buf_adds(b, arg);
		return;
	}
	buf_addch(b, '\'');
	for (p = arg; *p; p++) {
		if (*p == '\'')
			buf_adds(b, "'\\''");
		else
			buf_addch(b, *p);
	}
	buf_addch(b, '\'');
}
