#ifndef OPTIONS_H
#define OPTIONS_H

#include <stddef.h>

/*
 * Command-line options, parsed from one table per command (as git's
 * parse-options), so that the same kind of mistake gets the same message in
 * every command and no command touches getopt's global state: a command can
 * parse its options any number of times in one process.
 *
 * Options and operands may come in any order; "--" ends the options. A long
 * option takes its value as "--name=VALUE" or "--name VALUE", a short one as
 * "-xVALUE" or "-x VALUE"; short flags may be bundled ("-qv"). A long name
 * may be shortened to any prefix that names one option only.
 */

enum options_type {
	OPTIONS_FLAG,		/* int *: set to 1 */
	OPTIONS_CLEAR,		/* int *: set to 0 (a "--no-X" flag of a setting on by default) */
	OPTIONS_STRING,		/* const char **: the argument (borrowed from argv) */
	OPTIONS_STRINGS,	/* struct options_list *: every argument, repeatable */
	OPTIONS_LONG,		/* long *: a whole number from min to max */
	OPTIONS_SIZE,		/* size_t *: a whole number from min to max */
	OPTIONS_DOUBLE,		/* double *: a finite number above min (or equal, see below) */
	OPTIONS_HELP,		/* no value: the command prints its usage and exits 0 */
	OPTIONS_END
};

struct options_list {
	const char **items;	/* borrowed from argv; the array is owned: options_list_release */
	size_t n, alloc;
};

struct option_spec {
	char short_name;	/* 0: none */
	const char *long_name;	/* NULL: none */
	enum options_type type;
	void *value;
	long min, max;		/* OPTIONS_LONG, OPTIONS_SIZE: the range, inclusive */
	double dmin;		/* OPTIONS_DOUBLE: values must be above dmin ... */
	int dmin_inclusive;	/* ... or equal to it when this is set */
	const char *alias;	/* an older long spelling that is still accepted */
};

#define OPT_FLAG(s, l, v) { (s), (l), OPTIONS_FLAG, (v), 0, 0, 0, 0, NULL }
#define OPT_CLEAR(s, l, v) { (s), (l), OPTIONS_CLEAR, (v), 0, 0, 0, 0, NULL }
#define OPT_STRING(s, l, v) { (s), (l), OPTIONS_STRING, (v), 0, 0, 0, 0, NULL }
#define OPT_STRINGS(s, l, v) { (s), (l), OPTIONS_STRINGS, (v), 0, 0, 0, 0, NULL }
#define OPT_LONG(s, l, v, lo, hi) { (s), (l), OPTIONS_LONG, (v), (lo), (hi), 0, 0, NULL }
/* A whole number also accepted under an older long name (as --threads for --jobs). */
#define OPT_LONG_ALIAS(s, l, old, v, lo, hi) { (s), (l), OPTIONS_LONG, (v), (lo), (hi), 0, 0, (old) }
#define OPT_SIZE(s, l, v, lo, hi) { (s), (l), OPTIONS_SIZE, (v), (lo), (hi), 0, 0, NULL }
#define OPT_DOUBLE(s, l, v, lo, incl) { (s), (l), OPTIONS_DOUBLE, (v), 0, 0, (lo), (incl), NULL }
/* -q/--quiet, the same in every command: no warnings; errors are still printed. */
#define OPT_QUIET(v) OPT_FLAG('q', "quiet", (v))
#define OPT_HELP() { 'h', "help", OPTIONS_HELP, NULL, 0, 0, 0, 0, NULL }
#define OPT_END() { 0, NULL, OPTIONS_END, NULL, 0, 0, 0, 0, NULL }

/* The operands left after the options, in their order (borrowed from argv). */
struct options_args {
	char **v;		/* owned array, NULL-terminated: options_args_release */
	int n;
};

enum options_result {
	OPTIONS_OK = 0,
	OPTIONS_HELP_SHOWN = 1,	/* usage went to stdout: exit 0 */
	OPTIONS_ERROR = -1	/* a message and the usage went to stderr: exit 2 */
};

/*
 * Parses argv[1..argc-1] (argv[0] is the command's name) against specs,
 * ended by OPT_END(). Values are stored as they are met, so a repeated
 * option keeps its last value (OPTIONS_STRINGS keeps them all). usage is
 * printed to stdout for --help and to stderr after a mistake. Unless the
 * result is OPTIONS_OK, nothing is left to release: the command returns
 * options_exit_status(result).
 */
enum options_result options_parse(int argc, char **argv, const struct option_spec *specs,
				  const char *usage, struct options_args *args);

/* The exit status after a parse that was not OPTIONS_OK: 0 after --help, 2 after a mistake. */
int options_exit_status(enum options_result r);

void options_args_release(struct options_args *args);
void options_list_release(struct options_list *l);

/* Releases args and every OPTIONS_STRINGS list of specs: a command's one clean-up. */
void options_release(const struct option_spec *specs, struct options_args *args);

/*
 * Appends s (borrowed) to l: for a command that takes a list of files as
 * operands and hands it on as the const char ** of an OPTIONS_STRINGS.
 */
void options_list_add(struct options_list *l, const char *s);

/*
 * Checks that there are from min to max operands (max < 0: no limit).
 * Otherwise prints "missing WHAT" or "unexpected argument 'X'" and the usage
 * to stderr, and returns OPTIONS_ERROR; what names the operands expected
 * ("a CORPUS folder").
 */
enum options_result options_want_operands(const struct options_args *args, int min, int max,
					  const char *what, const char *usage);

#endif
