#include "fsutil.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
