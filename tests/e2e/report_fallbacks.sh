#!/bin/sh
# The report where a group has one article or no matches of a category
# (issue 16, trial with known truth): such rate pairs have no article-level
# test, so no "rate ratio NA" row with a p-value is shown and they are out
# of the Holm family; the Warnings say which groups have no matches; the
# stance interval is the t-interval (mean_lo, mean_hi) in the summary and
# the chart, not the BCa bootstrap; p-values do not round across 0.05; and
# README's Methods, rendered into the report, leave no raw Markdown table.
# The corpus: "Loud Daily" accuses in all 8 articles, "Quiet Times" never
# accuses in its 8, "Lone Star" has one article.
set -u
fail() { echo "FAIL: $*"; exit 1; }
mkdir c
awk -v dir=c 'BEGIN {
	acc = "The spokesman called the claims groundless and a smear against the country."
	con = "Both sides stressed dialogue and mutual respect in their statement."
	fill = "Officials from both capitals met for three hours on Monday."
	print "id\tfile\toutlet\tdate\ttitle\tlang" > (dir "/manifest.tsv")
	for (o = 0; o < 3; o++) for (i = 1; i <= (o == 2 ? 1 : 8); i++) {
		id = o "-" i
		f = dir "/" id ".txt"
		print "Title of " id "\n" > f
		for (k = 0; k < 6 + i; k++)
			print (o == 0 && k % 3 == 0 ? acc : o == 1 && k % (2 + i % 3) == 0 ? con : fill) > f
		close(f)
		printf "%s\t%s.txt\t%s\t2021-%02d-10\tTitle of %s\ten\n", id, id,
			o == 0 ? "Loud Daily" : o == 1 ? "Quiet Times" : "Lone Star", i, id > (dir "/manifest.tsv")
	}
}'
$FRAMING report -q --no-clean -l "$ROOT/lexicons/stance.lex" c -o out 2>err ||
	{ cat err; fail "report failed"; }
[ -s out/report.html ] || fail "no report.html"
# Quiet Times has no accusatory match: no article-level test against Loud
# Daily, though the exact Poisson one (independent matches) would be tiny.
awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	$c["group_a"] == "Loud Daily" && $c["group_b"] == "Quiet Times" && $c["metric"] == "accusatory_rate" {
		found = 1
		if ($c["rr_p"] != "NA" || $c["p_holm"] != "NA" || $c["rr_lo"] != "NA" ||
		    $c["note"] !~ /no matches in group b, so no article-level interval or test/ ||
		    $c["note"] !~ /p_holm: outside the Holm family, no rr_p/) { print; bad = 1 }
	} END { exit bad || !found }' out/compare.tsv || fail "zero-match pair has a test or a seat in the family"
sed -n '/<h2 id="comparisons">/,/<h2 id="matches">/p' out/report.html >pairs.html
grep -q 'rate ratio NA' pairs.html && { cat pairs.html; fail "a rate ratio NA row"; }
# Every rate row shown says it is the article-level test.
grep '<td>[a-z_]*_rate</td>' pairs.html | grep -v 'article-level rate ratio (HC1)' &&
	fail "a rate row without its test"
# Warnings: Quiet Times has no accusatory (nor distancing) match.
sed -n '/<h2 id="warnings">/,/<\/ul>/p' out/report.html >warn.html
grep -q '<strong>No matches</strong>.*Quiet Times: accusatory' warn.html ||
	{ cat warn.html; fail "no warning about Quiet Times' missing matches"; }
# The stance interval in the summary is the t-interval of outlets.tsv.
ci=$(awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	$c["group"] == "Loud Daily" && $c["metric"] == "stance" {
		printf "[%.2f, %.2f]", $c["mean_lo"], $c["mean_hi"] }' out/outlets.tsv)
sed -n '/<h2 id="summary">/,/<\/table>/p' out/report.html | grep 'Loud Daily' | grep -qF "$ci" ||
	fail "the summary's stance interval of Loud Daily is not the t-interval $ci"
if command -v gnuplot >/dev/null 2>&1; then
	[ -s out/stance.svg ] || fail "no stance.svg"
	grep -q 'bootstrap interval' out/stance.svg && fail "the stance chart draws the bootstrap"
	grep -q 't-interval' out/stance.svg || fail "the stance chart has no t-interval"
else
	echo "skip: the stance chart (no gnuplot)"
fi
# README's Methods in the report: no Markdown table left raw.
grep -qF '|---|' out/report.html && { grep -F '|---|' out/report.html | head -3; fail "a raw Markdown table"; }
echo ok
