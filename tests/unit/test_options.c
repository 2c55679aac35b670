/* Unit tests for the shared option parser. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include "options.h"
#include "sourceopts.h"

/* Sends file descriptor fd to /dev/null (saved = -1) or back (saved from the first call). */
static int quiet_fd(int fd, int saved)
{
	int null;

	fflush(NULL);
	if (saved >= 0) {
		dup2(saved, fd);
		close(saved);
		return -1;
	}
	saved = dup(fd);
	null = open("/dev/null", O_WRONLY);
	dup2(null, fd);
	close(null);
	return saved;
}

static const char usage[] = "usage: t [-q] [-j N] [-l FILE]... ARG\n";

struct vals {
	int quiet, tsv;
	long jobs;
	size_t boot;
	double alpha;
	const char *out;
	struct options_list lex;
};

/* Parses a NULL-terminated list of words with a fixed table; messages on stderr. */
static enum options_result parse_loud(struct vals *v, struct options_args *args,
				      const char **words)
{
	const struct option_spec specs[] = {
		OPT_FLAG('q', "quiet", &v->quiet),
		OPT_FLAG(0, "tsv", &v->tsv),
		OPT_LONG_ALIAS('j', "jobs", "threads", &v->jobs, 1, 256),
		OPT_SIZE(0, "bootstrap", &v->boot, 0, 1000000),
		OPT_DOUBLE(0, "alpha0", &v->alpha, 0, 0),
		OPT_STRING('o', "output", &v->out),
		OPT_STRINGS('l', "lexicon", &v->lex),
		OPT_HELP(),
		OPT_END(),
	};
	char *argv[32];
	int argc = 0;

	argv[argc++] = (char *)"t";
	while (*words)
		argv[argc++] = (char *)*words++;
	argv[argc] = NULL;
	return options_parse(argc, argv, specs, usage, args);
}

/* The same with stderr silenced: messages and usage would clutter the log. */
static enum options_result parse(struct vals *v, struct options_args *args, const char **words)
{
	int saved = quiet_fd(2, -1);
	enum options_result r = parse_loud(v, args, words);

	quiet_fd(2, saved);
	return r;
}

static void test_options_mixed_order(void **state)
{
	struct vals v = { 0 };
	struct options_args args;
	const char *w[] = { "corpus", "-q", "--jobs=3", "-lA.lex", "--lexicon", "B.lex", "-o",
			    "out", "x", NULL };
	(void)state;
	assert_int_equal(parse(&v, &args, w), OPTIONS_OK);
	assert_int_equal(v.quiet, 1);
	assert_int_equal(v.jobs, 3);
	assert_string_equal(v.out, "out");
	assert_int_equal(v.lex.n, 2);
	assert_string_equal(v.lex.items[0], "A.lex");
	assert_string_equal(v.lex.items[1], "B.lex");
	assert_int_equal(args.n, 2);
	assert_string_equal(args.v[0], "corpus");
	assert_string_equal(args.v[1], "x");
	assert_null(args.v[2]);
	options_args_release(&args);
	options_list_release(&v.lex);
}

static void test_options_bundled_and_dashdash(void **state)
{
	struct vals v = { 0 };
	struct options_args args;
	const char *w[] = { "-qj2", "--", "-o", "-", NULL };
	(void)state;
	assert_int_equal(parse(&v, &args, w), OPTIONS_OK);
	assert_int_equal(v.quiet, 1);
	assert_int_equal(v.jobs, 2);
	assert_null(v.out);
	assert_int_equal(args.n, 2);
	assert_string_equal(args.v[0], "-o");
	assert_string_equal(args.v[1], "-");
	options_args_release(&args);
}

static void test_options_alias_and_prefix(void **state)
{
	struct vals v = { 0 };
	struct options_args args;
	const char *w[] = { "--threads", "4", "--boot", "7", "--al", "0.5", NULL };
	(void)state;
	assert_int_equal(parse(&v, &args, w), OPTIONS_OK);
	assert_int_equal(v.jobs, 4);
	assert_int_equal(v.boot, 7);
	assert_true(v.alpha == 0.5);
	options_args_release(&args);
}

static void test_options_mistakes(void **state)
{
	struct vals v = { 0 };
	struct options_args args;
	const char *unknown[] = { "--nope", NULL };
	const char *range[] = { "-j", "0", NULL };
	const char *notnum[] = { "--jobs=2x", NULL };
	const char *novalue[] = { "-o", NULL };
	const char *flagvalue[] = { "--quiet=1", NULL };
	const char *ambiguous[] = { "--t", NULL };	/* tsv, threads */
	const char *positive[] = { "--alpha0", "0", NULL };
	(void)state;
	assert_int_equal(parse(&v, &args, unknown), OPTIONS_ERROR);
	assert_int_equal(parse(&v, &args, range), OPTIONS_ERROR);
	assert_int_equal(parse(&v, &args, notnum), OPTIONS_ERROR);
	assert_int_equal(parse(&v, &args, novalue), OPTIONS_ERROR);
	assert_int_equal(parse(&v, &args, flagvalue), OPTIONS_ERROR);
	assert_int_equal(parse(&v, &args, ambiguous), OPTIONS_ERROR);
	assert_int_equal(parse(&v, &args, positive), OPTIONS_ERROR);
	assert_null(args.v);
}

/* Sends stderr to a temporary file until capture_end, which reads its first line. */
struct capture {
	FILE *tmp;
	int saved;
};

static void capture_begin(struct capture *c)
{
	c->tmp = tmpfile();
	assert_non_null(c->tmp);
	fflush(NULL);
	c->saved = dup(2);
	dup2(fileno(c->tmp), 2);
}

static void capture_end(struct capture *c, char *line, size_t n)
{
	fflush(NULL);
	dup2(c->saved, 2);
	close(c->saved);
	rewind(c->tmp);
	if (!fgets(line, (int)n, c->tmp))
		line[0] = 0;
	line[strcspn(line, "\n")] = 0;
	fclose(c->tmp);
}

/*
 * The first line the parse of words printed on stderr (the message; the
 * usage follows), in line (size n): what the user reads.
 */
static enum options_result message_of(const char **words, char *line, size_t n)
{
	struct vals v = { 0 };
	struct options_args args;
	struct capture c;
	enum options_result r;

	capture_begin(&c);
	r = parse_loud(&v, &args, words);
	capture_end(&c, line, n);
	if (r == OPTIONS_OK)
		options_args_release(&args);
	options_list_release(&v.lex);
	return r;
}

#define assert_message(want, ...) do { \
		const char *w_[] = { __VA_ARGS__, NULL }; \
		char got_[256]; \
		assert_int_equal(message_of(w_, got_, sizeof(got_)), OPTIONS_ERROR); \
		assert_string_equal(got_, want); \
	} while (0)

/* A mistake names the option as the user typed it: an alias as the alias. */
static void test_options_named_as_typed(void **state)
{
	(void)state;
	assert_message("framing: option '--threads': 'x' is not a whole number from 1 to 256",
		       "--threads", "x");
	assert_message("framing: option '--threads': '0' is not a whole number from 1 to 256",
		       "--thr=0");
	assert_message("framing: option '--jobs': 'x' is not a whole number from 1 to 256",
		       "--jobs", "x");
	assert_message("framing: option '--jobs': '2x' is not a whole number from 1 to 256",
		       "-j2x");
	assert_message("framing: option '--threads' needs a value", "--threads");
	assert_message("framing: option '--quiet' takes no value", "--quiet=1");
}

/* "-q=1" gives the flag a value: said so, not "unknown option '-='". */
static void test_options_short_flag_value(void **state)
{
	(void)state;
	assert_message("framing: option '-q' takes no value", "-q=1");
	assert_message("framing: option '-q' takes no value", "-q=");
	assert_message("framing: unknown option '-='", "-=");
}

/*
 * The CORPUS rule with its operands (words, then --jsonl FILE when jsonl is
 * set): the status and the first line on stderr.
 */
static enum options_result corpus_message(int jsonl, int nother, const char *const *missing,
					  const char **words, char *line, size_t n)
{
	struct source_options in = SOURCE_OPTIONS_INIT;
	char *v[8];
	struct options_args args = { v, 0 };
	struct capture c;
	enum options_result r;

	while (*words)
		v[args.n++] = (char *)*words++;
	v[args.n] = NULL;
	in.jsonl = jsonl ? "f.jsonl" : NULL;
	capture_begin(&c);
	r = sourceopts_corpus(&in, &args, nother, missing, usage);
	capture_end(&c, line, n);
	return r;
}

/* lexicon diff's operands: what is missing is named, whether --jsonl is given or not. */
static void test_sourceopts_missing_named(void **state)
{
	static const char *const missing[] = { "the OLD and NEW lexicons", "the NEW lexicon" };
	const char *none[] = { NULL }, *one[] = { "old.lex", NULL };
	char line[256];
	(void)state;
	assert_int_equal(corpus_message(1, 2, missing, one, line, sizeof(line)), OPTIONS_ERROR);
	assert_string_equal(line, "framing: missing the NEW lexicon");
	assert_int_equal(corpus_message(0, 2, missing, one, line, sizeof(line)), OPTIONS_ERROR);
	assert_string_equal(line, "framing: missing the NEW lexicon");
	assert_int_equal(corpus_message(1, 2, missing, none, line, sizeof(line)), OPTIONS_ERROR);
	assert_string_equal(line, "framing: missing the OLD and NEW lexicons");
}

/* kwic with --jsonl: a folder among the PATTERNs is a CORPUS given as well. */
static void test_sourceopts_folder_with_jsonl(void **state)
{
	const char *dir[] = { "accus*", ".", NULL }, *words[] = { "accus*", "nowhere-xyz", NULL };
	char line[256];
	(void)state;
	assert_int_equal(corpus_message(1, -1, NULL, dir, line, sizeof(line)), OPTIONS_ERROR);
	assert_string_equal(line, "framing: give either a CORPUS folder or --jsonl, not both");
	assert_int_equal(corpus_message(1, -1, NULL, words, line, sizeof(line)), OPTIONS_OK);
	assert_string_equal(line, "");
}

static void test_options_help(void **state)
{
	struct vals v = { 0 };
	struct options_args args;
	const char *w[] = { "x", "--help", NULL };
	int saved;
	enum options_result r;
	(void)state;
	saved = quiet_fd(1, -1);
	r = parse(&v, &args, w);
	quiet_fd(1, saved);
	assert_int_equal(r, OPTIONS_HELP_SHOWN);
}

static void test_options_operands(void **state)
{
	char *v[] = { (char *)"a", (char *)"b", NULL };
	struct options_args args = { v, 2 };
	int saved;
	enum options_result ok, few, many;
	(void)state;
	saved = quiet_fd(2, -1);
	ok = options_want_operands(&args, 1, 2, "a CORPUS", usage);
	few = options_want_operands(&args, 3, -1, "a CORPUS", usage);
	many = options_want_operands(&args, 1, 1, "a CORPUS", usage);
	quiet_fd(2, saved);
	assert_int_equal(ok, OPTIONS_OK);
	assert_int_equal(few, OPTIONS_ERROR);
	assert_int_equal(many, OPTIONS_ERROR);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_options_mixed_order),
		cmocka_unit_test(test_options_bundled_and_dashdash),
		cmocka_unit_test(test_options_alias_and_prefix),
		cmocka_unit_test(test_options_mistakes),
		cmocka_unit_test(test_options_named_as_typed),
		cmocka_unit_test(test_options_short_flag_value),
		cmocka_unit_test(test_sourceopts_missing_named),
		cmocka_unit_test(test_sourceopts_folder_with_jsonl),
		cmocka_unit_test(test_options_help),
		cmocka_unit_test(test_options_operands),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
