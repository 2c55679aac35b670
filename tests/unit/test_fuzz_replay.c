/*
 * Replays every fuzz seed (tests/fuzz/corpus/NAME) and every saved crash
 * input (tests/fuzz/regress/NAME) through the fuzz targets without
 * libFuzzer, so "make test" and "make test SAN=1" keep fixed crashes fixed.
 * The targets abort on a broken invariant; the sanitizer build catches
 * memory errors and leaks.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsutil.h"
#include "xalloc.h"

#define FUZZ_REPLAY 1
#include "../fuzz/fuzz_common.c"
#include "../fuzz/fuzz_lexicon.c"
#include "../fuzz/fuzz_manifest.c"
#include "../fuzz/fuzz_jsonl.c"
#include "../fuzz/fuzz_csv.c"
#include "../fuzz/fuzz_xml.c"
#include "../fuzz/fuzz_text.c"
#include "../fuzz/fuzz_dic.c"
#include "../fuzz/fuzz_scores.c"
#include "../fuzz/fuzz_templates.c"
#include "../fuzz/fuzz_html.c"
#include "../fuzz/fuzz_runstamp.c"
#include "../fuzz/fuzz_categories.c"
#include "../fuzz/fuzz_outlets.c"
#include "../fuzz/fuzz_warc.c"
#include "../fuzz/fuzz_targets.c"
#include "../fuzz/fuzz_storypage.c"

static const char *root(void)
{
	const char *r = getenv("ROOT");
	return r && *r ? r : ".";
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs every file of ROOT/tests/fuzz/SUB/NAME through fn; returns how many. */
static size_t replay_dir(const char *sub, const char *name,
			 int (*fn)(const uint8_t *, size_t))
{
	char dir[1024], path[2048];
	char *names[4096];
	size_t n = 0, i;
	struct dirent *e;
	DIR *d;

	snprintf(dir, sizeof(dir), "%s/tests/fuzz/%s/%s", root(), sub, name);
	d = opendir(dir);
	if (!d)
		return 0;
	while ((e = readdir(d)) != NULL && n < 4096)
		if (e->d_name[0] != '.')
			names[n++] = xstrdup(e->d_name);
	closedir(d);
	qsort(names, n, sizeof(*names), cmp_str);
	for (i = 0; i < n; i++) {
		size_t len;
		char *data;

		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		data = read_file(path, &len);
		assert_non_null(data);
		fn((const uint8_t *)data, len);
		free(data);
		free(names[i]);
	}
	return n;
}

static void replay(const char *name, int (*fn)(const uint8_t *, size_t))
{
	size_t seeds = replay_dir("corpus", name, fn);
	replay_dir("regress", name, fn);
	/* The seeds must be there, or this test would pass by finding nothing. */
	assert_true(seeds > 0);
}

static void test_replay_lexicon(void **state)
{
	(void)state;
	replay("lexicon", fuzz_lexicon);
}

static void test_replay_manifest(void **state)
{
	(void)state;
	replay("manifest", fuzz_manifest);
}

static void test_replay_jsonl(void **state)
{
	(void)state;
	replay("jsonl", fuzz_jsonl);
}

static void test_replay_csv(void **state)
{
	(void)state;
	replay("csv", fuzz_csv);
}

static void test_replay_xml(void **state)
{
	(void)state;
	replay("xml", fuzz_xml);
}

static void test_replay_text(void **state)
{
	(void)state;
	replay("text", fuzz_text);
}

static void test_replay_dic(void **state)
{
	(void)state;
	replay("dic", fuzz_dic);
}

static void test_replay_scores(void **state)
{
	(void)state;
	replay("scores", fuzz_scores);
}

static void test_replay_templates(void **state)
{
	(void)state;
	replay("templates", fuzz_templates);
}

static void test_replay_html(void **state)
{
	(void)state;
	replay("html", fuzz_html);
}

static void test_replay_runstamp(void **state)
{
	(void)state;
	replay("runstamp", fuzz_runstamp);
}

static void test_replay_categories(void **state)
{
	(void)state;
	replay("categories", fuzz_categories);
}

static void test_replay_outlets(void **state)
{
	(void)state;
	replay("outlets", fuzz_outlets);
}

static void test_replay_storypage(void **state)
{
	(void)state;
	replay("storypage", fuzz_storypage);
}

static void test_replay_warc(void **state)
{
	(void)state;
	replay("warc", fuzz_warc);
}

static void test_replay_targets(void **state)
{
	(void)state;
	replay("targets", fuzz_targets);
}

/* Empty and one-byte inputs, which seeds never are. */
static void test_replay_tiny(void **state)
{
	static const uint8_t bytes[] = { 0, 1, 0xFF };
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(bytes); i++) {
		fuzz_lexicon(bytes + i, 0);
		fuzz_lexicon(bytes + i, 1);
		fuzz_manifest(bytes + i, 0);
		fuzz_manifest(bytes + i, 1);
		fuzz_jsonl(bytes + i, 0);
		fuzz_jsonl(bytes + i, 1);
		fuzz_csv(bytes + i, 0);
		fuzz_csv(bytes + i, 1);
		fuzz_xml(bytes + i, 0);
		fuzz_xml(bytes + i, 1);
		fuzz_text(bytes + i, 0);
		fuzz_text(bytes + i, 1);
		fuzz_dic(bytes + i, 0);
		fuzz_dic(bytes + i, 1);
		fuzz_scores(bytes + i, 0);
		fuzz_scores(bytes + i, 1);
		fuzz_templates(bytes + i, 0);
		fuzz_templates(bytes + i, 1);
		fuzz_html(bytes + i, 0);
		fuzz_html(bytes + i, 1);
		fuzz_runstamp(bytes + i, 0);
		fuzz_runstamp(bytes + i, 1);
		fuzz_warc(bytes + i, 0);
		fuzz_warc(bytes + i, 1);
		fuzz_categories(bytes + i, 0);
		fuzz_categories(bytes + i, 1);
		fuzz_targets(bytes + i, 0);
		fuzz_targets(bytes + i, 1);
		fuzz_outlets(bytes + i, 0);
		fuzz_outlets(bytes + i, 1);
		fuzz_storypage(bytes + i, 0);
		fuzz_storypage(bytes + i, 1);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_replay_lexicon),
		cmocka_unit_test(test_replay_manifest),
		cmocka_unit_test(test_replay_jsonl),
		cmocka_unit_test(test_replay_csv),
		cmocka_unit_test(test_replay_xml),
		cmocka_unit_test(test_replay_text),
		cmocka_unit_test(test_replay_dic),
		cmocka_unit_test(test_replay_scores),
		cmocka_unit_test(test_replay_templates),
		cmocka_unit_test(test_replay_html),
		cmocka_unit_test(test_replay_runstamp),
		cmocka_unit_test(test_replay_outlets),
		cmocka_unit_test(test_replay_warc),
		cmocka_unit_test(test_replay_categories),
		cmocka_unit_test(test_replay_targets),
		cmocka_unit_test(test_replay_storypage),
		cmocka_unit_test(test_replay_tiny),
	};
	char lexdir[1024];

	snprintf(lexdir, sizeof(lexdir), "%s/lexicons", root());
	fuzz_setup(lexdir);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
