#ifndef RUNSET_H
#define RUNSET_H

/*
 * A run's outputs as one set (score, stats, chart, report into -o DIR):
 *
 * - the output folder is locked (flock on the folder itself, so no lock
 *   file is left behind); a second run into it is refused with a message;
 * - every file is written into a staging folder DIR/.framing-run.tmp.XXXXXX
 *   and moved into DIR only when all were written, so a failed or killed
 *   run leaves the previous set whole; a killed run's staging folder is
 *   removed by the next run into DIR;
 * - DIR/run.tsv, the run stamp, is written with the set: the run's id,
 *   command line, parameters, inputs and outputs, each file with its
 *   SHA-256. Rows of earlier runs whose files are still in DIR stay;
 * - readers (stats, chart) check with runset_check_same_run and
 *   runset_check_made_from that the tables they combine belong together.
 *
 * One set is active per process; a run started inside another (score,
 * stats and chart inside report) whose folder is the active set's staging
 * folder joins it, and its commit is the outer run's.
 */

struct runset;

/*
 * Checks -o DIR before anything is written: not an existing file, and not
 * the corpus folder by any name (C/x/.., a link; C/new/.. before new
 * exists), by real paths (corpus may be NULL). -1 after a message: a usage
 * error.
 */
int runset_check_outdir(const char *outdir, const char *corpus);

/*
 * Starts a run of command ("score", "stats", ...) into outdir: makes the
 * folder, locks it, removes a killed run's staging folders and makes this
 * run's. NULL after a message.
 */
struct runset *runset_begin(const char *outdir, const char *command);
/* Where the run writes its files: the staging folder. Borrowed. */
const char *runset_dir(const struct runset *rs);
/* A parameter of the run, for run.tsv. */
void runset_param(struct runset *rs, const char *name, const char *value);
/* A file the run read, hashed for run.tsv ("-" for standard input). */
void runset_input(struct runset *rs, const char *path);
/*
 * A file of outdir that this run owns: if the run does not write it, an
 * old one is removed at commit, so it is never left beside newer tables.
 */
void runset_owns(struct runset *rs, const char *name);
/*
 * Checks, before anything is written, that none of names (NULL-terminated)
 * nor run.tsv in outdir is one of the run's inputs (runset_input, and
 * fsutil_note_input) by device and inode: -1 after a message naming both,
 * a usage error.
 */
int runset_check_writes(const struct runset *rs, const char *const *names);
/*
 * Moves every file written into outdir, writes run.tsv and unlocks; frees
 * rs. -1 after a message, and then outdir holds the previous set; -2 when
 * an output would have replaced an input (a usage error, nothing moved).
 */
int runset_commit(struct runset *rs);
/* Removes what the run wrote, unlocks, frees rs; the previous set stays. Safe with NULL. */
void runset_abort(struct runset *rs);
/*
 * runset_commit when ok, else runset_abort; returns status, or EXIT_FAILED
 * if the commit failed (EXIT_USAGE when an output was an input).
 */
int runset_finish(struct runset *rs, int status);

/*
 * Checks that the files names (a NULL-terminated list) present in dir were
 * written by one run, as dir/run.tsv records with their SHA-256. A folder
 * without run.tsv (tables made by hand or by an older framing) passes.
 * -1 after a message naming the files and saying to run rerun again: the
 * caller builds it from what it knows (runset_rerun), as the command a
 * run.tsv records is not shown (it may be anyone's).
 */
int runset_check_same_run(const char *dir, const char *const *names, const char *rerun);
/*
 * "`framing COMMAND ... -o 'DIR'`" (before, when not NULL, a file of DIR
 * quoted: framing stats 'DIR/scores.tsv' -o 'DIR'), the suggestion of the
 * checks above; caller frees.
 */
char *runset_rerun(const char *command, const char *dir, const char *file);
/*
 * Checks that dir/table was computed from dir/input as it is now: the same
 * run wrote both, or the run that wrote table read a file with input's
 * SHA-256. Passes when either file or run.tsv is missing. -1 after a message
 * that says to run rerun.
 */
/*
 * The value (as run.tsv shows it) of the parameter name of the run that
 * wrote dir/table, or of a step of report of that name ("stats.by" for
 * "by" of the stats step); NULL when run.tsv, the table's row or the
 * parameter is missing. Caller frees.
 */
char *runset_param_of(const char *dir, const char *table, const char *name);

int runset_check_made_from(const char *dir, const char *table, const char *input,
			   const char *rerun);

#endif
