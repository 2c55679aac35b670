#ifndef OUTFILE_H
#define OUTFILE_H

#include <stdio.h>
#include <sys/types.h>

/*
 * An output file that appears whole or not at all: data goes to a
 * temporary file in the same folder, which outfile_commit renames over the
 * final name. A run that fails calls outfile_abort and the previous file,
 * if any, stays as it was. A device or a FIFO (/dev/null, a named pipe) is
 * written in place, never replaced.
 */
struct outfile;

/*
 * Checks a single-file output (templates -o, lexicon export -o, --matches)
 * before any work: a folder, a block device or a socket there cannot be
 * written (-1 after a message: a usage error); a missing file, a regular
 * file, a character device (/dev/null) or a FIFO can.
 */
int outfile_check_path(const char *path);

/*
 * Returns NULL after printing an error when the folder is not writable, or
 * path is something outfile_check_path refuses.
 */
struct outfile *outfile_open(const char *path);
/* The stream to write to; borrowed, valid until commit or abort. */
FILE *outfile_stream(struct outfile *o);
/* Flushes, checks for write errors, renames; frees o. Returns -1 on error. */
int outfile_commit(struct outfile *o);
/*
 * Writes len bytes to path as a whole (temporary file, then rename).
 * Returns -1 after a message.
 */
int outfile_write_all(const char *path, const char *data, size_t len);

/*
 * While a run's set is written into the staging folder dir (runset.c) for
 * the folder outdir, the signal handler empties dir (committed files,
 * charts, gnuplot's temporary files) and removes it: a run stopped by a
 * signal leaves nothing there. NULL ends it (the files were moved or
 * removed). Both are copied.
 */
void outfile_stage(const char *dir, const char *outdir);
/*
 * path as a message shows it: a path inside the staging folder as the
 * same name in outdir (the hidden folder means nothing to a user), else
 * path itself. Borrowed from path or tmp.
 */
struct buf;
const char *outfile_shown(const char *path, struct buf *tmp);
/*
 * A child process writing into the staging folder (gnuplot): the signal
 * handler stops it and waits for it before emptying the folder. 0: none.
 */
void outfile_child(pid_t pid);

/*
 * The SHA-256 (64 hex digits) of a file an outfile wrote and committed,
 * computed as it was written: 1 when the file (device, inode, size) is
 * known, else 0.
 */
int outfile_known_hash(dev_t dev, ino_t ino, off_t size, char hex[65]);

/* Removes the temporary file; frees o. Safe with NULL. */
void outfile_abort(struct outfile *o);

/*
 * Where a large output stands in the page cache; zero it before the first
 * outfile_spill.
 */
struct outfile_spill {
	off_t written;	/* bytes written through outfile_spill's calls */
	off_t started;	/* bytes handed to the disk */
	off_t dropped;	/* bytes written and dropped from the cache */
};

/*
 * Called after each write of written bytes to a large output: every OUTFILE_SPILL_BYTES it
 * hands what was written to the disk and drops the piece before that (on
 * the disk by then) from the page cache, so that matches.tsv, twice the
 * size of the input, does not push the input out of memory (at 1 GB of
 * input that made reading and writing four times slower). It never waits
 * for the disk: pages still being written stay cached and the kernel
 * reclaims them later. Advisory: errors show at commit.
 */
void outfile_spill(FILE *f, struct outfile_spill *st, size_t written);

#endif
