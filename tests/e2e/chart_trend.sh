#!/bin/sh
# framing chart's trend.tsv (the timeline's trend, trend.h) on a fixture:
# group A has 20 dated articles two days apart (the unit test's values,
# tests/unit/test_trend.c, where R computed them), plus an undated one and
# one from another year that is left out by having no stance; group B has
# 19 dated articles, one short of a trend. Checks which rows are written,
# their dates and numbers, and that the timeline draws a band for A only.
set -u
command -v gnuplot >/dev/null 2>&1 || { echo "gnuplot is not installed"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }
tab=$(printf '\t')
{
	printf 'id\toutlet\tdate\ttitle\ttokens\tdropped_chars\treplaced_chars'
	printf '\taccusatory_matches\taccusatory_score\taccusatory_rate\taccusatory_own'
	printf '\tconciliatory_matches\tconciliatory_score\tconciliatory_rate\tconciliatory_own'
	printf '\tnegated\tstance\tacc_china\tacc_us\tacc_both\n'
	# A: days 0, 2, ..., 38 from 2020-02-20 (over the leap day), stance v[i].
	echo "0.5 -1 2 0.3 1.1 -0.4 0.9 1.6 -0.2 0.7 0 1.2 2.5 -0.8 0.4 1 0.6 -1.5 0.2 1.8" |
	awk -v OFS="$tab" '{
		for (i = 1; i <= NF; i++) {
			cmd = "date -u -d \"2020-02-20 +" 2 * (i - 1) " days\" +%F"
			cmd | getline d; close(cmd)
			print "a" i, "A", d, "t", 500, 0, 0, 1, 1, 2, 1, 1, 1, 2, 1, 0, $i, 0, 0, 0
			if (i < 20) print "b" i, "B", d, "t", 500, 0, 0, 1, 1, 2, 1, 1, 1, 2, 1, 0, -$i, 0, 0, 0
		}
		print "a-undated", "A", "", "t", 500, 0, 0, 1, 1, 2, 1, 1, 1, 2, 1, 0, 9, 0, 0, 0
		print "a-nostance", "A", "2024-01-01", "t", 500, 0, 0, 1, 1, 2, 1, 1, 1, 2, 1, 0, "NA", 0, 0, 0
	}'
} >scores.tsv
mkdir out && cp scores.tsv out/ || fail "copy"
$FRAMING stats -q out/scores.tsv -o out --bootstrap 100 --permutations 100 2>err || { cat err; fail "stats"; }
$FRAMING chart -q -i out --format svg 2>err || { cat err; fail "chart"; }
[ -f out/trend.tsv ] || fail "no trend.tsv"
[ "$(head -n 1 out/trend.tsv)" = "group${tab}date${tab}value${tab}lo${tab}hi${tab}n" ] ||
	fail "header: $(head -n 1 out/trend.tsv)"
# One point a day over A's 38 days (the 50 points, rounded to days, repeat),
# none for B; the undated article and the one without a stance are left out
# (either would change the span, the window or the values).
[ "$(grep -c "^A$tab" out/trend.tsv)" -eq 39 ] || { cat out/trend.tsv; fail "A has not 39 points"; }
grep -q "^B$tab" out/trend.tsv && fail "B, 19 articles, has a trend"
has() { grep -Fxq "$(printf '%s' "$1" | tr '|' "$tab")" out/trend.tsv || { cat out/trend.tsv; fail "no row $1"; }; }
# R (test_trend.c): w(0) has 3 articles, no value.
has 'A|2020-02-20|NA|NA|NA|3'
# R: w(4) -> 5 0.58 -0.7897754497 1.949775450 (2020-02-20 + 4 days, over 2020-02-29)
has 'A|2020-02-24|0.58|-0.789775|1.94978|5'
# R: w(10) -> 5 0.7 -0.2577729602 1.657772960
has 'A|2020-03-01|0.7|-0.257773|1.65777|5'
# R: w(27) -> 6 0.8166666667 -0.3183098242 1.951643158
has 'A|2020-03-18|0.816667|-0.31831|1.95164|6'
has 'A|2020-03-29|NA|NA|NA|3'
# The chart: a band and a line for A's data block only, the window in the subtitle.
grep -q 'centred 10-day window' out/timeline.svg || fail "subtitle does not name the window"
echo ok
