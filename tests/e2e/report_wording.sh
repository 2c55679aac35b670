#!/bin/sh
# Issue 18, items 12 and 14: the report's wording and charts.
# - a p-value under 0.001 reads "p < 0.001", never "p = < 0.001";
# - a group of many articles that all have one stance is not drawn with
#   the open circle and the legend of "one article";
# - `framing report .` is titled with the folder's name, not ".".
. "$ROOT/tests/e2e/hostile.lib"
command -v gnuplot >/dev/null 2>&1 || { echo "skip: gnuplot not installed"; exit 77; }
lex="-l $ROOT/lexicons/stance.lex -l $ROOT/lexicons/actors.lex"

c=$T/wirecorpus
mkdir -p "$c/Hawk" "$c/Dove" "$c/Flat"
# Lines an outlet repeats are site templates (digits aside): every article
# names its own place, a word made of the letters of its number.
i=1
while [ $i -le 50 ]; do
	w=Ko$(echo $i | tr 0-9 a-j)
	if [ $i -le 30 ]; then
		echo "The ministry in $w rejected the groundless accusations as a smear and hypocrisy." >"$c/Hawk/h$i.txt"
		echo "Both sides in $w called for dialogue and cooperation based on mutual respect." >"$c/Dove/d$i.txt"
	fi
	echo "The weather in $w was mild and the markets in the region were calm." >"$c/Flat/f$i.txt"
	i=$((i + 1))
done

(cd "$c" && "$FRAMING" report -q $lex . -o "$T/rep") >"$T/out" 2>&1 || { cat "$T/out"; fail "report ."; }
html=$T/rep/report.html

# The title: the folder's name.
grep -q '<title>Framing report: wirecorpus</title>' "$html" ||
	{ grep -o '<title>[^<]*</title>' "$html"; fail "title of 'framing report .' is not the folder's name"; }
grep -q 'Framing report: \.<' "$html" && fail "title reads 'Framing report: .'"

# p-values: the chi-square of Hawk (90 accusatory matches) against Dove
# (90 conciliatory) has the asymptotic p = 4.84641e-41, in R:
# chisq.test(matrix(c(90, 0, 0, 90), 2), correct = FALSE)$p.value; its
# permutation p, the one the page cites, is 1/10001 (no relabelling of
# the 110 articles reaches X^2 = 180), so the page must say "p &lt; 0.001".
awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
	$1 == "chisq" && $2 == "categories" && $col["p_asymptotic"] == "4.84641e-41" && $col["p"] < 0.001 { f = 1 }
	END { exit !f }' \
	"$T/rep/tests.tsv" || { cat "$T/rep/tests.tsv"; fail "no chi-square p under 0.001 to check"; }
grep -q 'p = &lt;' "$html" && { grep -o '.\{40\}p = &lt;.\{20\}' "$html" | head -3; fail "'p = < 0.001' in report.html"; }
grep -q 'p &lt; 0.001' "$html" || fail "no 'p < 0.001' in report.html"

# Flat: 50 articles of stance 0, zero variance, so no interval; but not "one article".
awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
	$1 == "Flat" && $2 == "stance" && $col["articles"] == 50 && $col["mean"] == 0 { f = 1 }
	END { exit !f }' \
	"$T/rep/outlets.tsv" || fail "Flat is not 50 articles of mean stance 0"
grep -q 'one article: its value' "$T/rep/stance.svg" &&
	fail "stance.svg draws the 50 equal articles of Flat as one article"
grep -q 'every article the same value' "$T/rep/stance.svg" ||
	fail "stance.svg has no legend for a group of equal values"
echo ok
