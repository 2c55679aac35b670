/*
 * run.tsv, the run stamp (see runstamp.h): its rows in memory, read with
 * bounds and written whole.
 */
#include "runstamp.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fsutil.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

/* run.tsv holds a few rows per file of a run: far below this, unless it is not framing's. */
#define RUNSTAMP_MAX_LINE 65536

void runstamp_add(struct runstamp *rs, const char *run, const char *kind, const char *name,
		  const char *value)
{
	struct runstamp_row *r;
	struct buf b = BUF_INIT;

	ALLOC_GROW(rs->r, rs->n + 1, rs->alloc);
	r = &rs->r[rs->n++];
	r->run = xstrdup(run);
	r->kind = xstrdup(kind);
	/* Names and values are shown as data: one field each, whatever they hold. */
	buf_add_shown(&b, name, strlen(name));
	r->name = buf_detach(&b);
	buf_add_shown(&b, value, strlen(value));
	r->value = buf_detach(&b);
}

void runstamp_release(struct runstamp *rs)
{
	size_t i;

	for (i = 0; i < rs->n; i++) {
		free(rs->r[i].run);
		free(rs->r[i].kind);
		free(rs->r[i].name);
		free(rs->r[i].value);
	}
	free(rs->r);
	memset(rs, 0, sizeof(*rs));
}

/* Splits one line into its four fields in place; 0 when it has not four. */
static int split_row(char *line, char **f)
{
	int i;

	for (i = 0; i < 4; i++) {
		f[i] = line;
		line += strcspn(line, "\t");
		if (i < 3) {
			if (*line != '\t')
				return 0;
			*line++ = '\0';
		}
	}
	return *line == '\0';
}

/* Loads dir/run.tsv: 1 when there is none, -1 after a message, else 0. */
int runstamp_load(const char *dir, struct runstamp *rs)
{
	char *path = path_join(dir, RUNSTAMP_NAME);
	size_t len;
	char *text = fsutil_read_regular(path, RUNSTAMP_MAX_BYTES, &len), *line, *next;
	int ret = 0;

	memset(rs, 0, sizeof(*rs));
	if (!text) {
		if (errno == ENOENT)
			ret = 1;
		else if (errno == EINVAL)
			ret = error("'%s' is not a regular file; framing's run stamp is one (remove it)",
				    path);
		else if (errno == EFBIG)
			ret = error("'%s' is larger than %zu MB: not a run stamp of framing (remove it)",
				    path, RUNSTAMP_MAX_BYTES >> 20);
		else
			ret = error("cannot read '%s': %s", path, strerror(errno));
		free(path);
		return ret;
	}
	if (strncmp(text, RUNSTAMP_HEADER, strlen(RUNSTAMP_HEADER))) {
		ret = error("%s: not a run stamp of framing (its header is not '%.*s')", path,
			    (int)strlen(RUNSTAMP_HEADER) - 1, RUNSTAMP_HEADER);
	}
	for (line = text + strlen(RUNSTAMP_HEADER); ret == 0 && line < text + len; line = next) {
		char *f[4], *nl = memchr(line, '\n', (size_t)(text + len - line));
		next = nl ? nl + 1 : text + len;
		if (nl)
			*nl = '\0';
		if ((size_t)(next - line) > RUNSTAMP_MAX_LINE) {
			ret = error("%s: a line longer than %d bytes", path, RUNSTAMP_MAX_LINE);
			break;
		}
		if (!*line && line + 1 >= next)
			continue;
		if (memchr(line, '\0', (size_t)(next - line) - (nl ? 1 : 0))) {
			ret = error("%s: a NUL byte", path);
			break;
		}
		if (!split_row(line, f)) {
			ret = error("%s: a line without four tab-separated fields", path);
			break;
		}
		runstamp_add(rs, f[0], f[1], f[2], f[3]);
	}
	free(text);
	free(path);
	if (ret)
		runstamp_release(rs);
	return ret;
}

const struct runstamp_row *runstamp_find_output(const struct runstamp *rs, const char *name)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		if (!strcmp(rs->r[i].kind, "output") && !strcmp(rs->r[i].name, name))
			return &rs->r[i];
	return NULL;
}

int runstamp_write(const char *path, const struct runstamp *a, const struct runstamp *b)
{
	struct buf t = BUF_INIT;
	const struct runstamp *parts[2] = { a, b };
	size_t i, k;
	FILE *f;
	int ret = 0;

	buf_adds(&t, RUNSTAMP_HEADER);
	for (k = 0; k < 2; k++)
		for (i = 0; i < parts[k]->n; i++) {
			const struct runstamp_row *r = &parts[k]->r[i];
			buf_addf(&t, "%s\t%s\t%s\t%s\n", r->run, r->kind, r->name, r->value);
		}
	f = fopen(path, "w");
	if (!f || fwrite(t.data, 1, t.len, f) != t.len || fclose(f) != 0) {
		ret = error("cannot write '%s': %s", path, strerror(errno ? errno : EIO));
		if (f)
			fclose(f);
	}
	buf_release(&t);
	return ret;
}

