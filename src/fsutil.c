#include "fsutil.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
