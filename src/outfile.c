#include "outfile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "util.h"
#include "banned.h"

struct outfile {
	char *path;
	char *tmp;
	FILE *f;
};

struct outfile *outfile_open(const char *path)
{
	struct outfile *o;
	struct buf tmp = BUF_INIT;
	int fd;

	buf_addf(&tmp, "%s.tmp.XXXXXX", path);
	fd = mkstemp(tmp.data);
	if (fd < 0) {
		error("cannot write '%s': %s", path, strerror(errno));
		buf_release(&tmp);
		return NULL;
	}
	o = xcalloc(1, sizeof(*o));
	o->path = xstrdup(path);
	o->tmp = buf_detach(&tmp);
	o->f = fdopen(fd, "w");
	if (!o->f) {
		close(fd);
		error("cannot write '%s': %s", path, strerror(errno));
		outfile_abort(o);
		return NULL;
	}
	/* mkstemp makes 0600 files; outputs are ordinary files to share. */
	if (fchmod(fd, 0644) < 0)
		warning("cannot set permissions of '%s': %s", path, strerror(errno));
	return o;
}

FILE *outfile_stream(struct outfile *o)
{
	return o->f;
}

static void outfile_free(struct outfile *o)
{
	free(o->path);
	free(o->tmp);
	free(o);
}

int outfile_commit(struct outfile *o)
{
	int failed = ferror(o->f);
	int saved = errno;

	if (fflush(o->f) != 0) {
		failed = 1;
		saved = errno;
	}
	if (fclose(o->f) != 0 && !failed) {
		failed = 1;
		saved = errno;
	}
	o->f = NULL;
	if (failed) {
		error("cannot write '%s': %s", o->path, strerror(saved ? saved : EIO));
		outfile_abort(o);
		return -1;
	}
	if (rename(o->tmp, o->path) != 0) {
		error("cannot rename '%s' to '%s': %s", o->tmp, o->path, strerror(errno));
		outfile_abort(o);
		return -1;
	}
	outfile_free(o);
	return 0;
}

void outfile_abort(struct outfile *o)
{
	if (!o)
		return;
	if (o->f)
		fclose(o->f);
	unlink(o->tmp);
	outfile_free(o);
}
