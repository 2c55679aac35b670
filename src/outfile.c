/* sync_file_range is Linux's; posix_fadvise is POSIX. */
#define _GNU_SOURCE
#include "outfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "fsutil.h"
#include "sha256.h"
#include "util.h"
#include "xalloc.h"
#include "banned.h"

#define OUTFILE_BUFFER (1 << 20)

struct outfile {
	char *path;
	char *tmp;		/* NULL: written in place (a device or a FIFO) */
	FILE *f;
	char *stdio_buf;	/* f's buffer: glibc ignores the size without one */
	int slot;	/* in pending[], or -1 */
	int fd;		/* of tmp, under f, which hashes what it writes */
	struct sha256 sha;
};

/*
 * The SHA-256 of each committed file, computed as it was written, so that
 * run.tsv (runset.c) need not read a large matches.tsv again; and the
 * descriptor under each open stream, for outfile_spill. Streams are
 * written by other threads (keyness, the pipeline's writer): locked.
 */
struct known {
	dev_t dev;
	ino_t ino;
	off_t size;
	char hex[65];
};
static struct known *known;
static size_t nknown, known_alloc;
#define MAX_STREAMS 64
static struct { FILE *f; int fd; } streams[MAX_STREAMS];
static pthread_mutex_t registry = PTHREAD_MUTEX_INITIALIZER;

/*
 * Temporary files not yet committed or aborted, so that a run stopped by
 * a signal (Ctrl-C, kill, a closed terminal) removes them instead of
 * leaving half-written files beside the outputs. The handler only reads
 * the array and calls unlink, which is async-signal-safe.
 */
#define MAX_PENDING 256
static char *volatile pending[MAX_PENDING];
/* Entries of pending[] that are committed files of a staged set (outfile_stage). */
static char held[MAX_PENDING];
static char staging[4096];
/* The -o folder the staging folder stands for, in messages (outfile_shown). */
static char staging_for[4096];
/* A child writing into the staging folder (gnuplot, chart.c): stopped first. */
static volatile pid_t child;
static const int cleanup_signals[] = { SIGINT, SIGTERM, SIGHUP };

/*
 * Empties the staging folder with system calls only (opendir and readdir
 * allocate, which a signal handler must not): what a run wrote there that
 * outfile does not know of, such as charts and gnuplot's temporary files.
 */
static void empty_staging(void)
{
	static char entries[8192];
	int fd = open(staging, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	long n;

	if (fd < 0)
		return;
	while ((n = syscall(SYS_getdents64, fd, entries, sizeof(entries))) > 0) {
		long off = 0;
		while (off < n) {
			/* struct linux_dirent64: ino (8), off (8), reclen (2), type (1), name */
			unsigned short reclen;
			const char *name = entries + off + 19;
			memcpy(&reclen, entries + off + 16, sizeof(reclen));
			if (strcmp(name, ".") && strcmp(name, ".."))
				unlinkat(fd, name, 0);
			off += reclen;
		}
	}
	close(fd);
}

static void remove_pending(int sig)
{
	size_t i;
	pid_t c = child;

	if (c > 0) {
		kill(c, SIGTERM);
		waitpid(c, NULL, 0);
	}
	for (i = 0; i < MAX_PENDING; i++)
		if (pending[i])
			unlink(pending[i]);
	if (staging[0]) {
		empty_staging();
		rmdir(staging);
	}
	/* Die of the same signal, so the parent sees why. */
	signal(sig, SIG_DFL);
	raise(sig);
}

static void install_handlers(void)
{
	static int installed;
	struct sigaction sa;
	size_t i;

	if (installed)
		return;
	installed = 1;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = remove_pending;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(cleanup_signals) / sizeof(cleanup_signals[0]); i++) {
		struct sigaction old;
		/* A signal ignored by the parent (nohup) stays ignored. */
		if (sigaction(cleanup_signals[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			sigaction(cleanup_signals[i], &sa, NULL);
	}
	/* Over a file size limit (ulimit -f), fail the write with EFBIG and
	 * report it, rather than be killed with the file half written. */
	signal(SIGXFSZ, SIG_IGN);
}

static int add_pending(char *tmp)
{
	int i;

	install_handlers();
	for (i = 0; i < MAX_PENDING; i++)
		if (!pending[i]) {
			pending[i] = tmp;
			return i;
		}
	return -1;
}

/*
 * A path that names a device or a FIFO (/dev/null, /dev/stdout, a named
 * pipe) is written in place: renaming a temporary file over it would
 * replace the device with a file, for every program on the machine when
 * framing runs as root.
 */
static struct outfile *open_in_place(const char *path)
{
	struct outfile *o;
	FILE *f = fopen(path, "w");
	struct buf shown = BUF_INIT;

	if (!f) {
		error("cannot write '%s': %s", outfile_shown(path, &shown), strerror(errno));
		buf_release(&shown);
		return NULL;
	}
	o = xcalloc(1, sizeof(*o));
	o->path = xstrdup(path);
	o->slot = -1;
	o->f = f;
	return o;
}

/* The stream's write: every byte on the disk is hashed too. */
static ssize_t hashing_write(void *cookie, const char *data, size_t len)
{
	struct outfile *o = cookie;
	size_t done = 0;

	while (done < len) {
		ssize_t n = write(o->fd, data + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		sha256_update(&o->sha, data + done, (size_t)n);
		done += (size_t)n;
	}
	/* Short: stdio sets the error flag, and errno says why (EFBIG, ENOSPC). */
	return (ssize_t)done;
}

static int hashing_close(void *cookie)
{
	struct outfile *o = cookie;
	int r = close(o->fd);

	o->fd = -1;
	return r;
}

static const cookie_io_functions_t hashing_io = { NULL, hashing_write, NULL, hashing_close };

static void add_stream(FILE *f, int fd)
{
	size_t i;

	pthread_mutex_lock(&registry);
	for (i = 0; i < MAX_STREAMS; i++)
		if (!streams[i].f) {
			streams[i].f = f;
			streams[i].fd = fd;
			break;
		}
	pthread_mutex_unlock(&registry);
}

static void drop_stream(FILE *f)
{
	size_t i;

	pthread_mutex_lock(&registry);
	for (i = 0; i < MAX_STREAMS; i++)
		if (streams[i].f == f)
			streams[i].f = NULL;
	pthread_mutex_unlock(&registry);
}

/* The descriptor under f: its own, or the one under an outfile's hashing stream. */
static int stream_fd(FILE *f)
{
	int fd = fileno(f);
	size_t i;

	if (fd >= 0)
		return fd;
	pthread_mutex_lock(&registry);
	for (i = 0; i < MAX_STREAMS; i++)
		if (streams[i].f == f)
			fd = streams[i].fd;
	pthread_mutex_unlock(&registry);
	return fd;
}

/* Records the hash of o's file, written whole (called before it is closed). */
static void remember_hash(struct outfile *o)
{
	struct stat st;
	unsigned char digest[32];
	struct known *k;
	size_t i;

	if (fstat(o->fd, &st) < 0)
		return;
	sha256_final(&o->sha, digest);
	pthread_mutex_lock(&registry);
	ALLOC_GROW(known, nknown + 1, known_alloc);
	k = &known[nknown++];
	k->dev = st.st_dev;
	k->ino = st.st_ino;
	k->size = st.st_size;
	for (i = 0; i < 32; i++)
		snprintf(k->hex + 2 * i, 3, "%02x", digest[i]);
	pthread_mutex_unlock(&registry);
}

int outfile_known_hash(dev_t dev, ino_t ino, off_t size, char hex[65])
{
	size_t i;
	int found = 0;

	pthread_mutex_lock(&registry);
	for (i = nknown; i-- > 0 && !found;)
		if (known[i].dev == dev && known[i].ino == ino && known[i].size == size) {
			memcpy(hex, known[i].hex, 65);
			found = 1;
		}
	pthread_mutex_unlock(&registry);
	return found;
}

int outfile_check_path(const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0 || S_ISREG(st.st_mode) || S_ISCHR(st.st_mode)
	    || S_ISFIFO(st.st_mode))
		return 0;
	if (S_ISDIR(st.st_mode))
		return error("'%s' is a folder; this option names the output file", path);
	return error("'%s' is %s, which framing does not write to", path,
		     S_ISBLK(st.st_mode) ? "a block device" : "not a file");
}

/*
 * Removes path's temporary files left by a framing that was killed
 * (SIGKILL gives no chance to clean up): NAME.tmp.PID.XXXXXX whose process
 * PID is gone and which is older than this run. A PID in use again is
 * left alone, as are names without a PID (written by an older framing).
 */
static void remove_stale(const char *path)
{
	static time_t started;
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, (size_t)(slash - path) + 1) : xstrdup(".");
	const char *base = slash ? slash + 1 : path;
	size_t blen = strlen(base);
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!started)
		started = time(NULL);
	while (d && (e = readdir(d)) != NULL) {
		const char *rest = e->d_name + blen;
		char *end, *p;
		long pid;
		struct stat st;
		if (strncmp(e->d_name, base, blen) || strncmp(rest, ".tmp.", 5))
			continue;
		errno = 0;
		pid = strtol(rest + 5, &end, 10);
		if (errno || pid <= 0 || end == rest + 5 || *end != '.' || strlen(end + 1) != 6
		    || pid == (long)getpid() || kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		p = path_join(dir, e->d_name);
		if (lstat(p, &st) == 0 && S_ISREG(st.st_mode) && st.st_mtime < started)
			unlink(p);
		free(p);
	}
	if (d)
		closedir(d);
	free(dir);
}

struct outfile *outfile_open(const char *path)
{
	struct outfile *o;
	struct buf tmp = BUF_INIT;
	struct stat st;
	int fd;

	if (outfile_check_path(path) < 0)
		return NULL;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
		return open_in_place(path);
	/* A staging folder is new: nothing of a killed run in it (and its files are opened by threads). */
	if (!staging[0] || strncmp(path, staging, strlen(staging)))
		remove_stale(path);
	/* The PID in the name lets a later run tell a killed run's file (remove_stale). */
	buf_addf(&tmp, "%s.tmp.%ld.XXXXXX", path, (long)getpid());
	fd = mkstemp(tmp.data);
	if (fd < 0) {
		struct buf shown = BUF_INIT;
		error("cannot write '%s': %s", outfile_shown(path, &shown), strerror(errno));
		buf_release(&shown);
		buf_release(&tmp);
		return NULL;
	}
	o = xcalloc(1, sizeof(*o));
	o->path = xstrdup(path);
	o->tmp = buf_detach(&tmp);
	o->slot = add_pending(o->tmp);
	o->fd = fd;
	sha256_init(&o->sha);
	o->f = fopencookie(o, "w", hashing_io);
	if (o->f)
		add_stream(o->f, fd);
	if (!o->f) {
		close(fd);
		error("cannot write '%s': %s", path, strerror(errno));
		outfile_abort(o);
		return NULL;
	}
	/* Rows come in pieces of a few kB: one write per megabyte, not per piece. */
	o->stdio_buf = xmalloc(OUTFILE_BUFFER);
	setvbuf(o->f, o->stdio_buf, _IOFBF, OUTFILE_BUFFER);
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
	if (o->slot >= 0)
		pending[o->slot] = NULL;
	free(o->path);
	free(o->tmp);
	free(o->stdio_buf);	/* after fclose: the stream used it */
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
	if (!failed && o->tmp)
		remember_hash(o);
	drop_stream(o->f);
	if (fclose(o->f) != 0 && !failed) {
		failed = 1;
		saved = errno;
	}
	o->f = NULL;
	if (failed) {
		struct buf shown = BUF_INIT;
		error("cannot write '%s': %s", outfile_shown(o->path, &shown),
		      strerror(saved ? saved : EIO));
		buf_release(&shown);
		outfile_abort(o);
		return -1;
	}
	if (o->tmp && rename(o->tmp, o->path) != 0) {
		struct buf shown = BUF_INIT;
		error("cannot write '%s': %s", outfile_shown(o->path, &shown), strerror(errno));
		buf_release(&shown);
		outfile_abort(o);
		return -1;
	}
	/* A file of a staged set: the handler removes it until the set is moved. */
	if (staging[0] && o->tmp && o->slot >= 0) {
		held[o->slot] = 1;
		pending[o->slot] = o->path;
		o->path = NULL;
		o->slot = -1;
	}
	outfile_free(o);
	return 0;
}

void outfile_child(pid_t pid)
{
	install_handlers();
	child = pid;
}

const char *outfile_shown(const char *path, struct buf *tmp)
{
	size_t n = strlen(staging);

	if (!n || strncmp(path, staging, n) || (path[n] != '/' && path[n] != '\0'))
		return path;
	buf_reset(tmp);
	buf_adds(tmp, staging_for);
	buf_adds(tmp, path + n);
	return buf_str(tmp);
}

void outfile_stage(const char *dir, const char *outdir)
{
	size_t i;

	install_handlers();
	if (dir) {
		snprintf(staging_for, sizeof(staging_for), "%s", outdir);
		snprintf(staging, sizeof(staging), "%s", dir);
		return;
	}
	staging[0] = '\0';
	for (i = 0; i < MAX_PENDING; i++)
		if (held[i]) {
			char *p = pending[i];
			pending[i] = NULL;
			held[i] = 0;
			free(p);
		}
}

int outfile_write_all(const char *path, const char *data, size_t len)
{
	struct outfile *o = outfile_open(path);

	if (!o)
		return -1;
	/* A short write shows in commit's ferror check; commit frees o either way. */
	if (len)
		fwrite(data, 1, len, o->f);
	return outfile_commit(o);
}

void outfile_abort(struct outfile *o)
{
	if (!o)
		return;
	if (o->f) {
		drop_stream(o->f);
		fclose(o->f);
	}
	if (o->tmp)
		unlink(o->tmp);
	outfile_free(o);
}

#define OUTFILE_SPILL_BYTES ((off_t)64 << 20)

void outfile_spill(FILE *f, struct outfile_spill *st, size_t written)
{
	int fd = stream_fd(f);

	/* Counted, not asked: ftello costs a system call on every article. */
	st->written += (off_t)written;
	if (st->written - st->started < OUTFILE_SPILL_BYTES)
		return;
	if (fflush(f) != 0)
		return;
#ifdef SYNC_FILE_RANGE_WRITE
	sync_file_range(fd, st->started, st->written - st->started, SYNC_FILE_RANGE_WRITE);
	if (st->started > st->dropped) {
		posix_fadvise(fd, st->dropped, st->started - st->dropped, POSIX_FADV_DONTNEED);
		st->dropped = st->started;
	}
#else
	(void)fd;
#endif
	st->started = st->written;
}
