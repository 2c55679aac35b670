/*
 * A run's outputs as one set (see runset.h): the lock, the staging folder,
 * the stamp run.tsv and the checks of readers against it.
 */
#include "runset.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "fsutil.h"
#include "outfile.h"
#include "runstamp.h"
#include "sha256.h"
#include "util.h"
#include "version.h"
#include "xalloc.h"
#include "banned.h"

#define STAGING_PREFIX ".framing-run.tmp."
/*
 * Written first into every staging folder: a leftover folder is removed
 * only when it holds this file, so a user's own folder that happens to be
 * named .framing-run.tmp.* is never deleted.
 */
#define STAGING_MARKER ".framing-staging"

struct runset {
	struct runset *outer;	/* a run inside another: everything goes to outer */
	char *outdir;
	char *staging;
	char *command;
	int lock_fd;
	int created;		/* outdir was made by this run: removed on abort if empty */
	int locked;		/* the lock is held (or cannot be had on this file system) */
	struct runstamp own;	/* this run's rows but its outputs */
	char **owned;
	size_t nowned, owned_alloc;
};

static struct runset *active;

/* --- hashing, each file once per process ------------------------------ */

struct hashed {
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime;
	char hex[65];
};

static struct hashed *hashes;
static size_t nhashes, hashes_alloc;

/* The SHA-256 of a file as hex into hex; -1 with errno. */
static int hash_file(const char *path, char hex[65])
{
	struct stat st;
	struct sha256 s;
	unsigned char digest[32], *chunk;
	size_t i;
	ssize_t got;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0 || fstat(fd, &st) < 0) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	for (i = 0; i < nhashes; i++) {
		struct hashed *h = &hashes[i];
		if (h->dev == st.st_dev && h->ino == st.st_ino && h->size == st.st_size
		    && h->mtime.tv_sec == st.st_mtim.tv_sec && h->mtime.tv_nsec == st.st_mtim.tv_nsec) {
			memcpy(hex, h->hex, 65);
			close(fd);
			return 0;
		}
	}
	if (outfile_known_hash(st.st_dev, st.st_ino, st.st_size, hex)) {
		close(fd);
		return 0;
	}
	chunk = xmalloc(1 << 20);
	sha256_init(&s);
	while ((got = read(fd, chunk, 1 << 20)) > 0)
		sha256_update(&s, chunk, (size_t)got);
	free(chunk);
	close(fd);
	if (got < 0)
		return -1;
	sha256_final(&s, digest);
	for (i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", digest[i]);
	if (S_ISREG(st.st_mode)) {
		ALLOC_GROW(hashes, nhashes + 1, hashes_alloc);
		hashes[nhashes].dev = st.st_dev;
		hashes[nhashes].ino = st.st_ino;
		hashes[nhashes].size = st.st_size;
		hashes[nhashes].mtime = st.st_mtim;
		memcpy(hashes[nhashes++].hex, hex, 65);
	}
	return 0;
}

/* --- checks before a run ---------------------------------------------- */

int runset_check_outdir(const char *outdir, const char *corpus)
{
	struct stat st;
	char *out, *in;
	int bad = 0;

	if (stat(outdir, &st) == 0 && !S_ISDIR(st.st_mode))
		return error("'%s': not a directory (-o names the output folder)", outdir);
	if (!corpus)
		return 0;
	out = fsutil_resolve(outdir);
	in = realpath(corpus, NULL);
	/* A subfolder of the corpus is allowed: framing reads no folder below an outlet's. */
	if (out && in && !strcmp(out, in))
		bad = error("the output folder '%s' is the corpus folder; give another with -o DIR",
			    outdir);
	free(out);
	free(in);
	return bad;
}

/* --- the run ---------------------------------------------------------- */

/* framing's command line as run, from /proc; "framing COMMAND" without it. */
static void command_line(struct buf *b, const char *command)
{
	size_t len, i;
	char *args = fsutil_read_regular("/proc/self/cmdline", 1 << 20, &len);

	if (!args || !len) {
		buf_addf(b, "framing %s", command);
		free(args);
		return;
	}
	/* Each word quoted for the shell, so that the command can be pasted as it was run. */
	for (i = 0; i < len; i += strlen(args + i) + 1) {
		if (i)
			buf_addch(b, ' ');
		fsutil_add_quoted(b, args + i);
	}
	free(args);
}

static char *new_run_id(void)
{
	struct timespec ts;
	struct tm tm;
	char when[32];
	struct buf b = BUF_INIT;

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(when, sizeof(when), "%Y%m%dT%H%M%SZ", &tm);
	buf_addf(&b, "%s-%ld-%06lx", when, (long)getpid(),
		 (unsigned long)(ts.tv_nsec / 1000) & 0xffffffUL);
	return buf_detach(&b);
}

/* Removes the staging folder dir (files only, as a run leaves them). */
static void remove_staging(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (d) {
		while ((e = readdir(d)) != NULL) {
			char *p;
			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			p = path_join(dir, e->d_name);
			unlink(p);
			free(p);
		}
		closedir(d);
	}
	rmdir(dir);
}

/* The staging folders of runs that were killed (the lock says none runs now). */
static void remove_leftovers(const char *outdir)
{
	DIR *d = opendir(outdir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		char *p;
		struct stat st;
		if (strncmp(e->d_name, STAGING_PREFIX, strlen(STAGING_PREFIX)))
			continue;
		p = path_join(outdir, e->d_name);
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
			char *marker = path_join(p, STAGING_MARKER);
			if (lstat(marker, &st) == 0 && S_ISREG(st.st_mode))
				remove_staging(p);
			free(marker);
		}
		free(p);
	}
	closedir(d);
}

/*
 * A character device or a FIFO among outdir's names (an output sent to
 * /dev/null by a link, a named pipe) is written in place: a link to it in
 * the staging folder makes outfile write through, and commit leaves it
 * alone. Nothing else is written through: a block device (a disk) or a
 * socket under an output's name is refused at commit (check_targets), and
 * run.tsv, which framing reads back, is always replaced by a file.
 */
static void link_devices(const char *outdir, const char *staging)
{
	DIR *d = opendir(outdir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		char *p = path_join(outdir, e->d_name), *target, *link;
		struct stat st;
		if (e->d_name[0] != '.' && strcmp(e->d_name, RUNSTAMP_NAME) && stat(p, &st) == 0
		    && (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))) {
			target = path_join("..", e->d_name);
			link = path_join(staging, e->d_name);
			if (symlink(target, link) < 0)
				warning("'%s' will be replaced: %s", p, strerror(errno));
			free(target);
			free(link);
		}
		free(p);
	}
	closedir(d);
}

static int lock_outdir(struct runset *rs)
{
	rs->lock_fd = open(rs->outdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (rs->lock_fd < 0)
		return error("cannot open '%s': %s", rs->outdir, strerror(errno));
	if (flock(rs->lock_fd, LOCK_EX | LOCK_NB) == 0) {
		rs->locked = 1;
		return 0;
	}
	if (errno == EWOULDBLOCK)
		return error("another framing run is writing into '%s'; wait until it ends "
			     "or give another folder with -o", rs->outdir);
	/* A file system without locks (some network mounts): the run goes on unguarded. */
	warning("cannot lock '%s' (%s): two runs into it at once would not be kept apart",
		rs->outdir, strerror(errno));
	rs->locked = 1;	/* as far as it can be */
	return 0;
}

static void runset_free(struct runset *rs)
{
	size_t i;

	if (!rs)
		return;
	if (rs->lock_fd >= 0)
		close(rs->lock_fd);	/* releases the lock */
	runstamp_release(&rs->own);
	for (i = 0; i < rs->nowned; i++)
		free(rs->owned[i]);
	free(rs->owned);
	free(rs->outdir);
	free(rs->staging);
	free(rs->command);
	free(rs);
}

/* A run inside the active one, when outdir is its staging folder. */
static struct runset *join_active(const char *outdir, const char *command)
{
	struct runset *rs;
	char *a, *b;
	int same;

	if (!active)
		return NULL;
	a = fsutil_resolve(outdir);
	b = fsutil_resolve(active->staging);
	same = a && b && !strcmp(a, b);
	free(a);
	free(b);
	if (!same)
		return NULL;
	rs = xcalloc(1, sizeof(*rs));
	rs->outer = active;
	rs->lock_fd = -1;
	rs->command = xstrdup(command);
	return rs;
}

/* Makes outdir if needed, locks it and makes the staging folder; NULL after a message. */
static struct runset *open_set(const char *outdir, const char *command)
{
	struct runset *rs;
	struct buf b = BUF_INIT;
	struct stat st;
	char *marker;
	int fd, existed = stat(outdir, &st) == 0;

	if (ensure_dir(outdir) < 0)
		return NULL;
	rs = xcalloc(1, sizeof(*rs));
	rs->created = !existed;
	rs->outdir = xstrdup(outdir);
	rs->command = xstrdup(command);
	if (lock_outdir(rs) < 0)
		goto fail;
	remove_leftovers(outdir);
	buf_addf(&b, "%s/" STAGING_PREFIX "XXXXXX", outdir);
	if (!mkdtemp(b.data)) {
		error("cannot write into '%s': %s", outdir, strerror(errno));
		goto fail;
	}
	rs->staging = buf_detach(&b);
	marker = path_join(rs->staging, STAGING_MARKER);
	fd = open(marker, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	free(marker);
	if (fd < 0 || close(fd) < 0) {
		error("cannot write into '%s': %s", outdir, strerror(errno));
		remove_staging(rs->staging);
		goto fail;
	}
	return rs;
fail:
	buf_release(&b);
	/*
	 * A folder this run made is removed, but only while the run holds its
	 * lock: a run refused for another's lock may have raced it to make the
	 * folder, which the other run is now writing into.
	 */
	if (rs->created && rs->locked)
		rmdir(outdir);
	runset_free(rs);
	return NULL;
}

struct runset *runset_begin(const char *outdir, const char *command)
{
	struct runset *rs = join_active(outdir, command);
	struct buf b = BUF_INIT;
	char *id;

	if (rs)
		return rs;
	if (active) {
		error("internal: a second set of outputs in one run ('%s')", outdir);
		return NULL;
	}
	if (!(rs = open_set(outdir, command)))
		return NULL;
	outfile_stage(rs->staging, rs->outdir);
	link_devices(outdir, rs->staging);
	id = new_run_id();
	runstamp_add(&rs->own, id, "run", "id", id);
	runstamp_add(&rs->own, id, "run", "framing", FRAMING_VERSION);
	runstamp_add(&rs->own, id, "run", "subcommand", command);
	command_line(&b, command);
	runstamp_add(&rs->own, id, "run", "command", b.data);
	buf_release(&b);
	free(id);
	active = rs;
	return rs;
}

const char *runset_dir(const struct runset *rs)
{
	return rs->outer ? rs->outer->staging : rs->staging;
}

void runset_param(struct runset *rs, const char *name, const char *value)
{
	struct buf b = BUF_INIT;

	/* A step of report names its parameters after the step: stats.seed. */
	if (rs->outer)
		buf_addf(&b, "%s.", rs->command);
	buf_adds(&b, name);
	rs = rs->outer ? rs->outer : rs;
	runstamp_add(&rs->own, rs->own.r[0].run, "parameter", b.data, value);
	buf_release(&b);
}

void runset_input(struct runset *rs, const char *path)
{
	char hex[65];
	struct runset *top = rs->outer ? rs->outer : rs;
	char *real = fsutil_resolve(path), *staging = fsutil_resolve(top->staging);
	int own = real && staging && fsutil_inside(real, staging);

	free(real);
	free(staging);
	/* A step of report reading what an earlier step wrote: an output, not an input. */
	if (own)
		return;
	fsutil_note_input(path);
	if (!strcmp(path, "-"))
		snprintf(hex, sizeof(hex), "-");
	else if (hash_file(path, hex) < 0)
		snprintf(hex, sizeof(hex), "-");
	runstamp_add(&top->own, top->own.r[0].run, "input", path, hex);
}

void runset_owns(struct runset *rs, const char *name)
{
	rs = rs->outer ? rs->outer : rs;
	ALLOC_GROW(rs->owned, rs->nowned + 1, rs->owned_alloc);
	rs->owned[rs->nowned++] = xstrdup(name);
}

void runset_abort(struct runset *rs)
{
	if (!rs)
		return;
	if (!rs->outer) {
		sigset_t block, old;
		/*
		 * Held off while the staging folder goes: a SIGTERM between
		 * unregistering it and removing it left it behind (trust_runset
		 * saw it once under load); taken after, there is nothing left.
		 */
		sigemptyset(&block);
		sigaddset(&block, SIGINT);
		sigaddset(&block, SIGTERM);
		sigaddset(&block, SIGHUP);
		sigprocmask(SIG_BLOCK, &block, &old);
		outfile_stage(NULL, NULL);
		if (rs->staging)
			remove_staging(rs->staging);
		/* A run that failed before writing leaves no new empty folder. */
		if (rs->created)
			rmdir(rs->outdir);
		active = NULL;
		sigprocmask(SIG_SETMASK, &old, NULL);
	}
	runset_free(rs);
}

/* --- commit ----------------------------------------------------------- */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The files written into the staging folder (not the links to devices), sorted. */
static char **staged_files(const char *staging, size_t *n)
{
	DIR *d = opendir(staging);
	struct dirent *e;
	char **names = NULL;
	size_t alloc = 0;

	*n = 0;
	if (!d)
		return NULL;
	while ((e = readdir(d)) != NULL) {
		char *p = path_join(staging, e->d_name);
		struct stat st;
		if (e->d_name[0] != '.' && lstat(p, &st) == 0 && S_ISREG(st.st_mode)) {
			ALLOC_GROW(names, *n + 1, alloc);
			names[(*n)++] = xstrdup(e->d_name);
		}
		free(p);
	}
	closedir(d);
	qsort(names, *n, sizeof(*names), cmp_str);
	return names;
}

static int listed(char **names, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(names[i], name))
			return 1;
	return 0;
}

/*
 * The rows of earlier runs to keep: those of runs that still have an
 * output in outdir which this run neither writes nor removes.
 */
static void keep_old_rows(const struct runset *rs, char **staged, size_t nstaged,
			  struct runstamp *out)
{
	struct runstamp old;
	size_t i, j;
	char *stamp = path_join(rs->outdir, RUNSTAMP_NAME);
	struct stat sst;
	int foreign = lstat(stamp, &sst) == 0
		      && (!S_ISREG(sst.st_mode) || (size_t)sst.st_size > RUNSTAMP_MAX_BYTES);

	/* A FIFO, a device, a link or a huge file named run.tsv: replaced, never read. */
	if (foreign)
		warning("'%s' is not a run stamp of framing; it is replaced", stamp);
	free(stamp);
	if (foreign || runstamp_load(rs->outdir, &old) != 0)
		return;
	for (i = 0; i < old.n; i++) {
		const struct runstamp_row *r = &old.r[i];
		int keep = 0;
		for (j = 0; j < old.n && !keep; j++) {
			const struct runstamp_row *o = &old.r[j];
			char *p;
			struct stat st;
			if (strcmp(o->run, r->run) || strcmp(o->kind, "output")
			    || listed(staged, nstaged, o->name)
			    || listed(rs->owned, rs->nowned, o->name)
			    || (!strcmp(r->kind, "output") && o != r))
				continue;
			p = path_join(rs->outdir, o->name);
			keep = stat(p, &st) == 0;
			free(p);
		}
		if (keep)
			runstamp_add(out, r->run, r->kind, r->name, r->value);
	}
	runstamp_release(&old);
}

/* Nothing in outdir may stop a file from being moved there: checked before any is. */
static int check_targets(const struct runset *rs, char **staged, size_t n)
{
	size_t i;
	int bad = 0;

	for (i = 0; i < n; i++) {
		char *p = path_join(rs->outdir, staged[i]);
		struct stat st;
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
			bad = error("cannot write '%s': a folder has that name; nothing was "
				    "replaced", p);
		else if (stat(p, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISCHR(st.st_mode)
			 && !S_ISFIFO(st.st_mode))
			bad = error("cannot write '%s': it is %s, which framing does not write "
				    "through; nothing was replaced", p,
				    S_ISBLK(st.st_mode) ? "a block device" : "no file");
		free(p);
	}
	return bad;
}

/* An output that would replace an input of the run under any name: -1 after a message. */
static int check_not_inputs(const char *outdir, const char *const *names, size_t n)
{
	size_t i;
	int bad = 0;

	for (i = 0; i < n && !bad; i++) {
		char *p = path_join(outdir, names[i]);
		const char *in = fsutil_input_at(p);
		if (in)
			bad = error("'%s' would be replaced by the output %s, and it is the input "
				    "'%s' of this run; nothing was written: give another folder "
				    "with -o", p, names[i], in);
		free(p);
	}
	return bad;
}

int runset_check_writes(const struct runset *rs, const char *const *names)
{
	static const char *const stamp[] = { RUNSTAMP_NAME };
	size_t n = 0;

	rs = rs->outer ? rs->outer : rs;
	while (names[n])
		n++;
	return check_not_inputs(rs->outdir, names, n) < 0
	       || check_not_inputs(rs->outdir, stamp, 1) < 0 ? -1 : 0;
}

/* Moves the set into outdir, run.tsv last, with the cleanup signals held off. */
static int move_set(const struct runset *rs, char **staged, size_t n)
{
	sigset_t block, old;
	size_t i;
	int bad = 0;

	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGHUP);
	sigprocmask(SIG_BLOCK, &block, &old);
	for (i = 0; i <= n && !bad; i++) {
		const char *name = i < n ? staged[i] : RUNSTAMP_NAME;
		char *from, *to;
		if (i < n && !strcmp(name, RUNSTAMP_NAME))
			continue;
		from = path_join(rs->staging, name);
		to = path_join(rs->outdir, name);
		if (rename(from, to) != 0)
			bad = error("cannot rename '%s' to '%s': %s; the folder now mixes two "
				    "runs, which stats and chart will refuse", from, to, strerror(errno));
		free(from);
		free(to);
	}
	for (i = 0; i < rs->nowned && !bad; i++) {
		if (!listed(staged, n, rs->owned[i])) {
			char *p = path_join(rs->outdir, rs->owned[i]);
			unlink(p);
			free(p);
		}
	}
	/*
	 * A signal that came during the move is taken here, not when the mask
	 * is lifted: the set is whole in outdir by now, so the run ends with
	 * its own status rather than 143 over a complete set.
	 */
	if (!bad) {
		sigset_t pending;
		const struct timespec now = { 0, 0 };
		if (sigpending(&pending) == 0)
			while (sigismember(&pending, SIGINT) || sigismember(&pending, SIGTERM)
			       || sigismember(&pending, SIGHUP)) {
				int sig = sigtimedwait(&block, NULL, &now);
				if (sig < 0)
					break;
				warning("signal %d came while the outputs were moved into '%s'; "
					"the set is complete", sig, rs->outdir);
				sigdelset(&pending, sig);
			}
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	return bad;
}

int runset_commit(struct runset *rs)
{
	struct runstamp outs = { NULL, 0, 0 }, kept = { NULL, 0, 0 };
	char **staged, *stamp;
	size_t n, i;
	int bad = 0;

	if (rs->outer) {
		runset_free(rs);
		return 0;
	}
	staged = staged_files(rs->staging, &n);
	for (i = 0; i < n && !bad; i++) {
		char *p = path_join(rs->staging, staged[i]);
		char hex[65];
		if (hash_file(p, hex) < 0)
			bad = error("cannot read '%s': %s", p, strerror(errno));
		else
			runstamp_add(&outs, rs->own.r[0].run, "output", staged[i], hex);
		free(p);
	}
	if (!bad && (check_not_inputs(rs->outdir, (const char *const *)staged, n) < 0
		     || runset_check_writes(rs, (const char *const[]){ NULL }) < 0))
		bad = -2;
	keep_old_rows(rs, staged, n, &kept);
	for (i = 0; i < kept.n; i++)
		runstamp_add(&outs, kept.r[i].run, kept.r[i].kind, kept.r[i].name, kept.r[i].value);
	stamp = path_join(rs->staging, RUNSTAMP_NAME);
	if (!bad)
		bad = runstamp_write(stamp, &rs->own, &outs);
	free(stamp);
	if (!bad)
		bad = check_targets(rs, staged, n);
	if (!bad)
		bad = move_set(rs, staged, n);
	for (i = 0; i < n; i++)
		free(staged[i]);
	free(staged);
	runstamp_release(&outs);
	runstamp_release(&kept);
	rs->created = 0;
	runset_abort(rs);	/* removes what is left of the staging folder, unlocks */
	return bad == -2 ? -2 : bad ? -1 : 0;
}

int runset_finish(struct runset *rs, int status)
{
	if (!rs)
		return status;
	if (status != EXIT_OK) {
		runset_abort(rs);
		return status;
	}
	switch (runset_commit(rs)) {
	case 0:
		return status;
	case -2:
		return EXIT_USAGE;
	default:
		return EXIT_FAILED;
	}
}

/* --- checks of readers ------------------------------------------------ */

/* The first of names present in dir that run.tsv does not list, or NULL. */
static const char *unlisted(const char *dir, const char *const *names, const struct runstamp *rs,
			    int *any_listed)
{
	const char *found = NULL;
	size_t i;

	*any_listed = 0;
	for (i = 0; names[i]; i++) {
		char *p = path_join(dir, names[i]);
		struct stat st;
		if (stat(p, &st) == 0) {
			if (runstamp_find_output(rs, names[i]))
				*any_listed = 1;
			else if (!found)
				found = names[i];
		}
		free(p);
	}
	return found;
}

/*
 * 1 when another process holds dir's lock: a run is writing into it, so
 * its files may be half old, half new for a moment. The active set's own
 * folder is not another's.
 */
static int dir_busy(const char *dir)
{
	int fd, busy = 0;

	if (active && !active->outer && fsutil_same_file(dir, active->outdir))
		return 0;
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	if (flock(fd, LOCK_SH | LOCK_NB) < 0)
		busy = errno == EWOULDBLOCK;
	close(fd);	/* releases the shared lock */
	return busy;
}

static int busy_error(const char *dir)
{
	return error("another framing run is writing into '%s'; run this again when it ends",
		     dir);
}

int runset_check_same_run(const char *dir, const char *const *names, const char *rerun)
{
	struct runstamp rs;
	const struct runstamp_row *first = NULL;
	char *first_path = NULL;
	char *stamp = path_join(dir, RUNSTAMP_NAME);
	const char *stray;
	int bad, any_listed;
	size_t i;

	if (dir_busy(dir)) {
		free(stamp);
		return busy_error(dir);
	}
	bad = runstamp_load(dir, &rs);
	if (bad) {
		free(stamp);
		return bad > 0 ? 0 : -1;
	}
	/*
	 * None of them listed: not a set framing stamped here (an older framing's,
	 * or tables made by hand beside another command's run.tsv). Some listed
	 * and one not: that one came from elsewhere.
	 */
	stray = unlisted(dir, names, &rs, &any_listed);
	if (stray && any_listed) {
		char *p = path_join(dir, stray);
		bad = error("'%s' is not one of the files that %s lists: it was not written "
			    "with the tables beside it; run %s again", p, stamp, rerun);
		free(p);
	}
	for (i = 0; names[i] && !bad; i++) {
		char *p = path_join(dir, names[i]);
		const struct runstamp_row *r = runstamp_find_output(&rs, names[i]);
		char hex[65];
		struct stat st;
		if (!r || stat(p, &st) < 0) {
			free(p);
			continue;
		}
		if (hash_file(p, hex) < 0)
			bad = error("cannot read '%s': %s", p, strerror(errno));
		/* A mismatch while a run moves its set in: say so, not "changed by another run". */
		else if ((strcmp(hex, r->value) || (first && strcmp(first->run, r->run)))
			 && dir_busy(dir))
			bad = busy_error(dir);
		else if (strcmp(hex, r->value))
			bad = error("'%s' is not the file that run %s wrote (%s): it was changed "
				    "or written by another run; run %s again (or, for a table "
				    "edited on purpose, delete %s)", p, r->run, stamp, rerun, stamp);
		else if (first && strcmp(first->run, r->run))
			bad = error("'%s' and '%s' come from different runs (%s and %s in %s); "
				    "run %s again to write them as one set", first_path, p,
				    first->run, r->run, stamp, rerun);
		if (!first) {
			first = r;
			first_path = xstrdup(p);
		}
		free(p);
	}
	free(first_path);
	runstamp_release(&rs);
	free(stamp);
	return bad;
}

char *runset_param_of(const char *dir, const char *table, const char *name)
{
	struct runstamp rs;
	const struct runstamp_row *t;
	char *value = NULL, *stepped;
	struct buf b = BUF_INIT;
	size_t i;

	if (runstamp_load(dir, &rs) != 0)
		return NULL;
	buf_addf(&b, "stats.%s", name);
	stepped = buf_detach(&b);
	t = runstamp_find_output(&rs, table);
	/* A step's own parameter comes first: report's "by" is its stats step's too. */
	for (i = 0; t && i < rs.n; i++) {
		const struct runstamp_row *r = &rs.r[i];
		if (strcmp(r->run, t->run) || strcmp(r->kind, "parameter"))
			continue;
		if (!strcmp(r->name, stepped) || (!value && !strcmp(r->name, name))) {
			free(value);
			value = xstrdup(r->value);
		}
	}
	free(stepped);
	runstamp_release(&rs);
	return value;
}

char *runset_rerun(const char *command, const char *dir, const char *file)
{
	struct buf b = BUF_INIT;

	buf_addf(&b, "`framing %s ", command);
	if (file) {
		char *p = path_join(dir, file);
		fsutil_add_quoted(&b, p);
		free(p);
	} else {
		buf_adds(&b, "...");
	}
	buf_adds(&b, " -o ");
	fsutil_add_quoted(&b, dir);
	buf_addch(&b, '`');
	return buf_detach(&b);
}

int runset_check_made_from(const char *dir, const char *table, const char *input,
			   const char *rerun)
{
	struct runstamp rs;
	const struct runstamp_row *t, *in;
	char *tpath = path_join(dir, table), *ipath = path_join(dir, input);
	char hex[65];
	int bad = runstamp_load(dir, &rs);
	size_t i;

	if (bad) {
		free(tpath);
		free(ipath);
		return bad > 0 ? 0 : -1;
	}
	/*
	 * The input as it is now must be what table's run wrote with it or
	 * read (by SHA-256, so a scores.tsv made by hand and read by stats
	 * passes, and one put there after stats does not).
	 */
	t = runstamp_find_output(&rs, table);
	in = runstamp_find_output(&rs, input);
	if (t && access(tpath, F_OK) == 0 && hash_file(ipath, hex) == 0) {
		bad = -1;
		if (in && !strcmp(in->run, t->run) && !strcmp(in->value, hex))
			bad = 0;
		for (i = 0; i < rs.n && bad; i++)
			if (!strcmp(rs.r[i].run, t->run) && !strcmp(rs.r[i].kind, "input")
			    && !strcmp(rs.r[i].value, hex))
				bad = 0;
		if (bad)
			error("'%s' was computed from another %s than '%s' (run %s in %s/" RUNSTAMP_NAME
			      "): run %s again", tpath, input, ipath, t->run, dir, rerun);
	}
	runstamp_release(&rs);
	free(tpath);
	free(ipath);
	return bad;
}
