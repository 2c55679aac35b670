#!/bin/sh
# The report's "Pairwise differences" (issue 16, item 5): rates compared by
# the article-level rate-ratio test (rr_p, rr_lo..rr_hi) and the stance
# index by Welch, each row saying which, p (Holm) from compare.tsv, and no
# Mann-Whitney or Kruskal-Wallis p cited where the groups' article lengths
# differ. The corpus: "Long Herald" writes long articles full of
# accusations, "Short Post" short ones, more conciliatory (awk, fixed seed).
set -u
fail() { echo "FAIL: $*"; exit 1; }
mkdir c
awk -v dir=c 'BEGIN {
	srand(7)
	fill[1] = "The ministry said on Tuesday that the talks would continue next month."
	fill[2] = "Officials from both capitals met for three hours on Monday."
	fill[3] = "The statement came after a week of meetings between the delegations."
	acc = "The spokesman called the claims groundless and a smear against the country."
	con = "Both sides stressed dialogue and mutual respect in their statement."
	print "id\tfile\toutlet\tdate\ttitle\tlang" > (dir "/manifest.tsv")
	for (o = 0; o < 2; o++) for (i = 1; i <= 12; i++) {
		id = (o ? "short-" : "long-") i
		f = dir "/" id ".txt"
		n = o ? 3 + int(rand() * 4) : 30 + int(rand() * 10)
		print "Title of " id "\n" > f
		for (k = 0; k < n; k++) {
			r = rand()
			print (r < (o ? 0.1 : 0.4) ? acc : r > (o ? 0.6 : 0.9) ? con : fill[1 + k % 3]) > f
		}
		close(f)
		printf "%s\t%s.txt\t%s\t2021-%02d-10\tTitle of %s\ten\n", id, id,
			o ? "Short Post" : "Long Herald", i, id > (dir "/manifest.tsv")
	}
}'
$FRAMING report -q --no-clean -l "$ROOT/lexicons/stance.lex" c -o out 2>err ||
	{ cat err; fail "report failed"; }
sed -n '/<h2 id="comparisons">/,/<h2 id="matches">/p' out/report.html >pairs.html
grep -q '<th>test</th>' pairs.html || fail "no test column"
grep -q 'Mann-Whitney p' pairs.html && fail "a Mann-Whitney column"
# The rate row: test "article-level rate ratio (HC1)", its ratio and article-level interval as compare.tsv has them.
row=$(awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	$c["metric"] == "accusatory_rate" {
		printf "rate ratio %.2f <span class=\"ci\">[%.2f, %.2f]</span></td><td>article-level rate ratio (HC1)</td>",
			$c["rate_ratio"], $c["rr_lo"], $c["rr_hi"]
		if ($c["rr_p"] == "NA" || $c["p_holm"] + 0 >= 0.05) exit 1
	}' out/compare.tsv) || fail "accusatory_rate is not significant in compare.tsv"
grep -qF "$row" pairs.html || { cat pairs.html; fail "no rate-ratio row like: $row"; }
# The stance row: Welch.
grep -q '<td>stance</td>.*<td>Welch.s t</td>' pairs.html || { cat pairs.html; fail "no Welch row for stance"; }
# No Mann-Whitney p anywhere in the section.
grep -q 'mw_p</code>) compares the distributions' pairs.html || fail "Mann-Whitney not explained"
# Lengths differ (30-40 sentences against 3-6). framing stats flags that in
# the notes (issue 16, item 4, from branch stats16b): then Kruskal-Wallis
# is not cited either. Without the notes the report cannot know.
if grep -q 'article lengths differ' out/compare.tsv; then
	grep -q 'two groups.* article lengths differ' pairs.html || fail "the lengths are not said"
	grep -q 'Kruskal-Wallis on stance.*not cited' pairs.html ||
		{ cat pairs.html; fail "Kruskal-Wallis cited"; }
	grep -q 'H = ' pairs.html && fail "an H statistic is shown"
else
	grep -q 'Kruskal-Wallis on stance.*H = ' pairs.html || fail "Kruskal-Wallis not shown"
	echo "skip: framing stats writes no 'article lengths differ' notes yet"
fi
echo ok
