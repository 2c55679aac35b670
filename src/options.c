/*
 * Command-line options from a table: one parser and one set of messages
 * for every command (see options.h). Written here rather than on getopt_long
 * because getopt keeps its state in globals (optind and glibc's hidden
 * permutation state), which made "framing report" reset getopt between the
 * commands it runs, and because its messages cannot be made to name the
 * option and the allowed range the same way in every command.
 */
#include "options.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "parse.h"
#include "xalloc.h"
#include "banned.h"

/* An option's own name: its long name when it has one. */
static const char *spec_name(const struct option_spec *o, char *shortbuf)
{
	if (o->long_name)
		return o->long_name;
	shortbuf[0] = o->short_name;
	shortbuf[1] = 0;
	return shortbuf;
}

#define SPEC_DASHES(o) ((o)->long_name ? "--" : "-")

static int takes_value(const struct option_spec *o)
{
	return o->type != OPTIONS_FLAG && o->type != OPTIONS_CLEAR && o->type != OPTIONS_HELP;
}

void options_list_add(struct options_list *l, const char *s)
{
	ALLOC_GROW(l->items, l->n + 1, l->alloc);
	l->items[l->n++] = s;
}

void options_list_release(struct options_list *l)
{
	free(l->items);
	l->items = NULL;
	l->n = l->alloc = 0;
}

void options_args_release(struct options_args *args)
{
	free(args->v);
	args->v = NULL;
	args->n = 0;
}

/*
 * How the option is named in a message: as the user typed it where that
 * differs (an older alias such as --threads for --jobs), else by its long
 * name when it has one ("-j 0" is about --jobs).
 */
struct typed {
	const char *dashes, *name;
};

static struct typed typed_name(const struct option_spec *o, int as_alias, char *shortbuf)
{
	struct typed t;

	t.dashes = SPEC_DASHES(o);
	t.name = as_alias ? o->alias : spec_name(o, shortbuf);
	return t;
}

static int bad_number(const struct option_spec *o, struct typed t, const char *arg)
{
	if (o->type == OPTIONS_DOUBLE)
		return error("option '%s%s': '%s' is not a number %s %g", t.dashes, t.name, arg,
			     o->dmin_inclusive ? "from" : "above", o->dmin);
	return error("option '%s%s': '%s' is not a whole number from %ld to %ld", t.dashes,
		     t.name, arg, o->min, o->max);
}

/* Stores arg (NULL for a flag) in the option's variable; -1 after a message naming t. */
static int store(const struct option_spec *o, struct typed t, const char *arg)
{
	long v;
	double d;

	switch (o->type) {
	case OPTIONS_FLAG:
	case OPTIONS_CLEAR:
		*(int *)o->value = o->type == OPTIONS_FLAG;
		return 0;
	case OPTIONS_STRING:
		*(const char **)o->value = arg;
		return 0;
	case OPTIONS_STRINGS:
		options_list_add(o->value, arg);
		return 0;
	case OPTIONS_LONG:
	case OPTIONS_SIZE:
		if (parse_long(arg, o->min, o->max, &v) < 0)
			return bad_number(o, t, arg);
		if (o->type == OPTIONS_LONG)
			*(long *)o->value = v;
		else
			*(size_t *)o->value = (size_t)v;
		return 0;
	case OPTIONS_DOUBLE:
		if (parse_double(arg, &d) < 0 || d < o->dmin || (d == o->dmin && !o->dmin_inclusive))
			return bad_number(o, t, arg);
		*(double *)o->value = d;
		return 0;
	case OPTIONS_HELP:
	case OPTIONS_END:
		break;
	}
	return 0;
}

static const struct option_spec *find_short(const struct option_spec *specs, char c)
{
	for (; specs->type != OPTIONS_END; specs++)
		if (specs->short_name && specs->short_name == c)
			return specs;
	return NULL;
}

static int name_is(const char *want, const char *name, size_t len)
{
	return want && strlen(want) == len && !memcmp(want, name, len);
}

static int name_starts(const char *want, const char *name, size_t len)
{
	return want && strlen(want) > len && !memcmp(want, name, len);
}

/*
 * The option "--NAME" (len bytes of name): an exact long name or alias
 * first, else the one option that NAME abbreviates; *as_alias says whether
 * NAME is (the start of) its alias. NULL after a message.
 */
static const struct option_spec *find_long(const struct option_spec *specs, const char *name,
					   size_t len, int *as_alias)
{
	const struct option_spec *o, *found = NULL;
	size_t nfound = 0;

	for (o = specs; o->type != OPTIONS_END; o++)
		if (name_is(o->long_name, name, len) || name_is(o->alias, name, len)) {
			*as_alias = !name_is(o->long_name, name, len);
			return o;
		}
	for (o = specs; o->type != OPTIONS_END; o++)
		if (name_starts(o->long_name, name, len) || name_starts(o->alias, name, len)) {
			*as_alias = !name_starts(o->long_name, name, len);
			found = o;
			nfound++;
		}
	if (nfound == 1)
		return found;
	if (nfound == 0)
		error("unknown option '--%.*s'", (int)len, name);
	else
		error("ambiguous option '--%.*s': it begins more than one option name", (int)len,
		      name);
	return NULL;
}

/* "--name[=value]" at argv[*i]; may take argv[*i + 1] as the value. */
static int parse_long_option(const struct option_spec *specs, int argc, char **argv, int *i,
			     int *help)
{
	const char *name = argv[*i] + 2, *eq = strchr(name, '=');
	size_t len = eq ? (size_t)(eq - name) : strlen(name);
	int as_alias = 0;
	const struct option_spec *o = find_long(specs, name, len, &as_alias);
	char sb[2];
	struct typed t;

	if (!o)
		return -1;
	t = typed_name(o, as_alias, sb);
	if (o->type == OPTIONS_HELP) {
		*help = 1;
		return 0;
	}
	if (!takes_value(o)) {
		if (eq)
			return error("option '--%s' takes no value", t.name);
		return store(o, t, NULL);
	}
	if (eq)
		return store(o, t, eq + 1);
	if (*i + 1 >= argc)
		return error("option '--%s' needs a value", t.name);
	return store(o, t, argv[++*i]);
}

/* "-abc" or "-xVALUE" at argv[*i]; may take argv[*i + 1] as the value. */
static int parse_short_options(const struct option_spec *specs, int argc, char **argv, int *i,
			       int *help)
{
	const char *p = argv[*i] + 1;
	char sb[2];

	for (; *p; p++) {
		const struct option_spec *o = find_short(specs, *p);
		struct typed t;

		if (!o)
			return error("unknown option '-%c'", *p);
		t = typed_name(o, 0, sb);
		/* "-q=1": '=' names no option; the flag was given a value. */
		if (!takes_value(o) && p[1] == '=')
			return error("option '-%c' takes no value", *p);
		if (o->type == OPTIONS_HELP) {
			*help = 1;
			continue;
		}
		if (!takes_value(o)) {
			if (store(o, t, NULL) < 0)
				return -1;
			continue;
		}
		if (p[1])
			return store(o, t, p + 1);
		if (*i + 1 >= argc)
			return error("option '%s%s' needs a value", t.dashes, t.name);
		return store(o, t, argv[++*i]);
	}
	return 0;
}

enum options_result options_parse(int argc, char **argv, const struct option_spec *specs,
				  const char *usage, struct options_args *args)
{
	int i, help = 0, only_operands = 0, rc = 0;

	args->v = xcalloc((size_t)(argc > 0 ? argc : 1), sizeof(char *));
	args->n = 0;
	for (i = 1; i < argc && rc == 0; i++) {
		const char *a = argv[i];

		if (only_operands || a[0] != '-' || a[1] == 0)
			args->v[args->n++] = argv[i];	/* "-" is an operand: stdin */
		else if (!strcmp(a, "--"))
			only_operands = 1;
		else if (a[1] == '-')
			rc = parse_long_option(specs, argc, argv, &i, &help);
		else
			rc = parse_short_options(specs, argc, argv, &i, &help);
	}
	if (rc < 0 || help) {
		fputs(usage, rc < 0 ? stderr : stdout);
		options_release(specs, args);
		return rc < 0 ? OPTIONS_ERROR : OPTIONS_HELP_SHOWN;
	}
	return OPTIONS_OK;
}

int options_exit_status(enum options_result r)
{
	return r == OPTIONS_ERROR ? EXIT_USAGE : EXIT_OK;
}

void options_release(const struct option_spec *specs, struct options_args *args)
{
	for (; specs->type != OPTIONS_END; specs++)
		if (specs->type == OPTIONS_STRINGS)
			options_list_release(specs->value);
	options_args_release(args);
}

enum options_result options_want_operands(const struct options_args *args, int min, int max,
					  const char *what, const char *usage)
{
	if (args->n < min)
		error("missing %s", what);
	else if (max >= 0 && args->n > max)
		error("unexpected argument '%s'", args->v[max]);
	else
		return OPTIONS_OK;
	fputs(usage, stderr);
	return OPTIONS_ERROR;
}
