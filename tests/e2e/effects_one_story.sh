#!/bin/sh
# An outlet seen in only one shared story gets no within-story estimate:
# clustered by story it has one cluster, whose residuals sum to zero, so
# the interval came out far too narrow (a new user's corpus with one wire
# copy showed 1.95 [1.95, 1.95], p 2e-16). NA with the reason instead;
# outlets in two or more shared stories keep their numbers.
. "$ROOT/tests/e2e/hostile.lib"
# A and B in four stories, two articles each; C twice in story s1 only.
awk 'BEGIN {
	OFS = "\t"
	print "id", "outlet", "date", "title", "tokens", "dropped_chars", "replaced_chars",
		"acc_matches", "acc_score", "acc_rate", "acc_own", "negated", "stance",
		"dropped_words", "lost_words", "story"
	n = 0
	for (s = 1; s <= 4; s++)
		for (k = 0; k < 2; k++) {
			m = (s * 3 + k) % 5 + 1; print "a" ++n, "A", "2024-01-01", "t", 100, 0, 0, m, m, m * 10, m, 0, (s - k) / 4, 0, 0, "s" s
			m = (s * 7 + k) % 5 + 1; print "a" ++n, "B", "2024-01-01", "t", 100, 0, 0, m, m, m * 10, m, 0, (k - s) / 5, 0, 0, "s" s
		}
	print "a" ++n, "C", "2024-01-01", "t", 100, 0, 0, 3, 3, 30, 3, 0, 0.5, 0, 0, "s1"
	print "a" ++n, "C", "2024-01-01", "t", 100, 0, 0, 4, 4, 40, 4, 0, 0.7, 0, 0, "s1"
}' > scores.tsv
expect 0 "" -- stats -q --within story scores.tsv -o o
note="in fewer than 2 shared stories: no cluster-robust interval"
[ "$(grep -c "^C${tab}A${tab}.*${tab}NA${tab}NA${tab}NA${tab}NA${tab}NA${tab}2${tab}1${tab}$note\$" o/effects.tsv)" = 2 ] ||
	fail "C, in one shared story, has numbers: $(grep '^C' o/effects.tsv)"
[ "$(grep -c "^B${tab}A${tab}[a-z_]*${tab}[a-z]*${tab}[0-9.-]" o/effects.tsv)" = 2 ] ||
	fail "B, in four shared stories, lost its numbers: $(grep '^B' o/effects.tsv)"
echo ok
