#!/bin/sh
# Issue 15 (items 1 and 2, the stats side): every index that categories.tsv
# declares is a metric of stats named as the index, with what stance has
# (mean, sd, t-interval, median, bootstrap; Welch and Mann-Whitney rows in
# compare.tsv; Kruskal-Wallis in tests.tsv), and a weighted category has
# C_wrate, weighted matches per 1,000 tokens. Two indices of a test
# lexicon of three categories (bullish weighted 2 on some entries):
#   @index tone = difference bullish bearish
#   @index mood = log-ratio bullish hedged
# on eight articles of two outlets. Means are worked out beside the
# expected values; intervals and tests come from R (the call is beside).
# Then: stats writes categories.tsv beside its tables, a lexicon without
# an index gives no index rows and no error, shards must declare alike.
set -u
. "$(dirname "$0")/hostile.lib"
TAB=$tab

# near FILE GROUP METRIC COLUMN VALUE: the row's COLUMN is VALUE to 5 significant digits.
near() {
	awk -F'\t' -v g="$2" -v m="$3" -v col="$4" -v want="$5" '
		NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
		$1 == g && $2 == m { found = 1; got = $c[col]
			d = got - want; if (d < 0) d = -d; s = want < 0 ? -want : want
			if (got == "NA" || d > 1e-5 * (s > 1 ? s : 1)) { print "got " got; exit 1 } }
		END { if (!found) { print "no row"; exit 1 } }' "$1" ||
		fail "$(basename "$1") $2 $3 $4: want $5"
}

# The scores score writes for this lexicon (contract15.md: one column per
# index, named as the index, after negated), and its categories.tsv.
# Per article: tokens, bullish matches/score, bearish, hedged; tone =
# (bullish_score - bearish_score) * 1000 / tokens, mood = log((bullish_score
# + 0.5) / (hedged_score + 0.5)), rounded as score prints them.
mkdir "$T/s"
{
	printf 'id\toutlet\tdate\ttitle\ttokens'
	for c in bullish bearish hedged; do printf '\t%s_matches\t%s_score\t%s_rate\t%s_own' $c $c $c $c; done
	printf '\tnegated\ttone\tmood\tdropped_words\tlost_words\n'
	# id outlet tokens bm bs bem bes hm hs tone mood
	while read -r id o tk bm bs em es hm hs tone mood; do
		printf '%s\t%s\t2020-01-01\tt\t%s\t%s\t%s\t0\t0\t%s\t%s\t0\t0\t%s\t%s\t0\t0\t0\t%s\t%s\t0\t0\n' \
			"$id" "$o" "$tk" "$bm" "$bs" "$em" "$es" "$hm" "$hs" "$tone" "$mood"
	done <<EOF
a1 A 100 2 3 1 1 0 0 20 1.94591
a2 A 200 1 2 2 2 1 1 0 0.51083
a3 A 400 0 0 0 0 2 2 0 -1.60944
a4 A 250 3 5 1 1 0 0 16 2.3979
b1 B 100 0 0 2 2 1 1 -20 -1.09861
b2 B 500 1 1 3 3 0 0 -4 1.09861
b3 B 200 2 4 0 0 1 1 20 1.09861
b4 B 300 1 2 4 4 2 2 -6.66667 0
EOF
} >"$T/s/scores.tsv"
{
	printf 'name\trole\tweighted\tvoice\tdefinition\tdescription\n'
	printf 'bullish\tcategory\tyes\tyes\t-\tgood news\n'
	printf 'bearish\tcategory\tno\tyes\t-\t-\n'
	printf 'hedged\tcategory\tno\tyes\t-\t-\n'
	printf 'tone\tindex\t-\t-\tdifference bullish bearish\t-\n'
	printf 'mood\tindex\t-\t-\tlog-ratio bullish hedged\t-\n'
} >"$T/s/categories.tsv"

"$FRAMING" stats -q "$T/s/scores.tsv" -o "$T/o" --bootstrap 200 --permutations 200 2>"$T/err" ||
	{ cat "$T/err"; fail "stats"; }
O=$T/o/outlets.tsv

# The metrics, in the contract's order: rates, then C_wrate, then the indices.
got=$(awk -F'\t' 'NR > 1 && $1 == "A" { printf "%s ", $2 }' "$O")
[ "$got" = "bullish_rate bullish_own_rate bearish_rate bearish_own_rate hedged_rate hedged_own_rate bullish_wrate tone mood " ] ||
	fail "metrics of A: $got"

# tone, A: (20 + 0 + 0 + 16) / 4 = 9; B: (-20 - 4 + 20 - 6.66667) / 4 = -2.6666675
near "$O" A tone mean 9
near "$O" B tone mean -2.6666675
near "$O" A tone median 8		# (0 + 16) / 2
# R: t.test(c(20, 0, 0, 16))$conf.int -> -7.739385 25.739385
near "$O" A tone mean_lo -7.739385
near "$O" A tone mean_hi 25.739385
# R: t.test(c(-20, -4, 20, -6.66667))$conf.int -> -29.165829 23.832494
near "$O" B tone mean_lo -29.165829
near "$O" B tone mean_hi 23.832494
# An index is no rate: tokens of the group, no count.
near "$O" A tone tokens 950		# 100 + 200 + 400 + 250
awk -F'\t' '$1 == "A" && $2 == "tone" && $5 != "NA" { exit 1 }' "$O" || fail "tone has a count"

# mood, A: (1.94591 + 0.51083 - 1.60944 + 2.3979) / 4 = 3.2452 / 4 = 0.8113
near "$O" A mood mean 0.8113
# B: (-1.09861 + 1.09861 + 1.09861 + 0) / 4 = 0.2746525
near "$O" B mood mean 0.2746525
# R: t.test(c(1.94591, 0.51083, -1.60944, 2.3979))$conf.int -> -2.058040 3.680640
near "$O" A mood mean_lo -2.0580396
near "$O" A mood mean_hi 3.6806396

# bullish_wrate: weighted matches per 1,000 tokens. A pools 3 + 2 + 0 + 5 =
# 10 over 950 tokens: 10.526316; per article 30, 10, 0, 20: mean 15.
near "$O" A bullish_wrate count 10
near "$O" A bullish_wrate rate 10.526316
near "$O" A bullish_wrate mean 15
# B: 0 + 1 + 4 + 2 = 7 over 1,100: 6.363636; per article 0, 2, 20, 6.666667: 7.1666667
near "$O" B bullish_wrate rate 6.3636364
near "$O" B bullish_wrate mean 7.1666667
# R: t.test(c(30, 10, 0, 20))$conf.int -> -5.542603 35.542603
near "$O" A bullish_wrate mean_lo -5.5426026
# Its interval is the article-level one of the rates (HC1), never Poisson.
awk -F'\t' '$1 == "A" && $2 == "bullish_wrate" && ($7 == "NA" || $8 == "NA" || $9 != "NA" || $10 != "NA") { exit 1 }' "$O" ||
	fail "bullish_wrate: want rate_lo, rate_hi and no Poisson interval"
# The unweighted rate still counts matches: 2 + 1 + 0 + 3 = 6 over 950.
near "$O" A bullish_rate count 6
# Unweighted categories have no C_wrate.
grep -q "${TAB}bearish_wrate${TAB}" "$O" && fail "bearish_wrate of an unweighted category"

# compare.tsv: Welch for both indices.
C=$T/o/compare.tsv
cmpnear() {
	awk -F'\t' -v m="$1" -v col="$2" -v want="$3" '
		NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
		$1 == "A" && $2 == "B" && $3 == m { found = 1; got = $c[col]
			d = got - want; if (d < 0) d = -d; s = want < 0 ? -want : want
			if (got == "NA" || d > 1e-4 * (s > 1 ? s : 1)) { print "got " got; exit 1 } }
		END { if (!found) { print "no row"; exit 1 } }' "$C" || fail "compare.tsv $1 $2: want $3"
}
# R: t.test(c(20, 0, 0, 16), c(-20, -4, 20, -6.66667)) -> t = 1.1845706, df = 5.0653600, p = 0.2887734
cmpnear tone diff 11.6666675
cmpnear tone welch_t 1.1845706
cmpnear tone welch_df 5.0653600
cmpnear tone welch_p 0.2887734
# R: t.test(c(1.94591, 0.51083, -1.60944, 2.3979), c(-1.09861, 1.09861, 1.09861, 0))
#    -> t = 0.5141330, df = 4.8296736, p = 0.6298073
cmpnear mood welch_t 0.5141330
cmpnear mood welch_df 4.8296736
cmpnear mood welch_p 0.6298073
# R: wilcox.test(c(20, 0, 0, 16), c(-20, -4, 20, -6.66667), exact = FALSE)$p.value -> 0.2425256
# (the normal approximation with continuity correction, as README's Methods)
cmpnear tone mw_p 0.2425256
# The indices are in the Holm family, C_wrate is not (README, Methods). With
# groups of four articles every row leaves the family, but an index only for
# the size of its groups, C_wrate as a row outside the family.
grep "^A${TAB}B${TAB}tone${TAB}" "$C" | grep -q 'p_holm: outside the Holm family, a group of fewer than 5' ||
	fail "tone outside the Holm family"
grep "^A${TAB}B${TAB}bullish_wrate${TAB}" "$C" | grep 'p_holm: outside the Holm family' | grep -vq 'fewer than' ||
	fail "bullish_wrate in the Holm family"

# tests.tsv: Kruskal-Wallis of both indices.
# R: kruskal.test(list(c(20, 0, 0, 16), c(-20, -4, 20, -6.66667))) -> 1.7286585, df 1, p 0.1885823
awk -F'\t' '$1 == "kruskal" && $2 == "tone" { f = 1; if ($5 - 1.7286585 > 1e-5 || 1.7286585 - $5 > 1e-5 || $7 - 0.1885823 > 1e-6 || 0.1885823 - $7 > 1e-6) exit 1 }
	END { exit !f }' "$T/o/tests.tsv" || fail "tests.tsv: kruskal of tone"
# R: kruskal.test(list(c(1.94591, 0.51083, -1.60944, 2.3979), c(-1.09861, 1.09861, 1.09861, 0))) -> 0.3373494, p 0.5613632
awk -F'\t' '$1 == "kruskal" && $2 == "mood" { f = 1; if ($5 - 0.3373494 > 1e-5 || 0.3373494 - $5 > 1e-5 || $7 - 0.5613632 > 1e-6 || 0.5613632 - $7 > 1e-6) exit 1 }
	END { exit !f }' "$T/o/tests.tsv" || fail "tests.tsv: kruskal of mood"

# categories.tsv is in the stats folder, the same declarations, and an output in run.tsv.
cmp -s "$T/s/categories.tsv" "$T/o/categories.tsv" || fail "categories.tsv of the stats folder differs"
grep -q "${TAB}output${TAB}categories.tsv${TAB}" "$T/o/run.tsv" || { cat "$T/o/run.tsv"; fail "categories.tsv not an output in run.tsv"; }
# Into the scores' own folder: the file read stays, not replaced by itself.
"$FRAMING" stats -q "$T/s/scores.tsv" -o "$T/s" --bootstrap 0 --permutations 0 2>"$T/err" ||
	{ cat "$T/err"; fail "stats -o the scores' folder"; }
[ -s "$T/s/categories.tsv" ] || fail "categories.tsv gone from the scores' folder"

# A lexicon without an index: no index rows, no error.
mkdir "$T/n"
cut -f1-18,21- "$T/s/scores.tsv" >"$T/n/scores.tsv"
grep -v "${TAB}index${TAB}" "$T/s/categories.tsv" >"$T/n/categories.tsv"
"$FRAMING" stats -q "$T/n/scores.tsv" -o "$T/no" --bootstrap 0 --permutations 0 2>"$T/err" ||
	{ cat "$T/err"; fail "stats without an index"; }
awk -F'\t' '$2 == "tone" || $2 == "mood" || $3 == "tone" || $3 == "mood" { exit 1 }' \
	"$T/no/outlets.tsv" "$T/no/compare.tsv" "$T/no/tests.tsv" || fail "index rows without an index"
grep -q "${TAB}bullish_wrate${TAB}" "$T/no/outlets.tsv" || fail "no bullish_wrate without an index"

# Without categories.tsv (hand-made scores, or an older framing's): the one
# index is a column "stance", other columns are none, the weights are seen
# from C_score against C_matches, and stats writes no categories.tsv.
mkdir "$T/u"
sed '1s/\ttone\tmood\t/\tstance\tmood\t/' "$T/s/scores.tsv" >"$T/u/scores.tsv"
"$FRAMING" stats -q "$T/u/scores.tsv" -o "$T/uo" --bootstrap 0 --permutations 0 2>"$T/err" ||
	{ cat "$T/err"; fail "stats without categories.tsv"; }
got=$(awk -F'\t' 'NR > 1 && $1 == "A" { printf "%s ", $2 }' "$T/uo/outlets.tsv")
[ "$got" = "bullish_rate bullish_own_rate bearish_rate bearish_own_rate hedged_rate hedged_own_rate bullish_wrate stance " ] ||
	fail "metrics without categories.tsv: $got"
near "$T/uo/outlets.tsv" A stance mean 9	# tone's values, as above
[ -e "$T/uo/categories.tsv" ] && fail "categories.tsv written without declarations"
# A stance of NA only is no index, as before the declarations.
awk -F'\t' 'BEGIN { OFS = FS } NR > 1 { $19 = "NA" } { print }' "$T/u/scores.tsv" >"$T/u/na.tsv"
mv "$T/u/na.tsv" "$T/u/scores.tsv"
"$FRAMING" stats "$T/u/scores.tsv" -o "$T/uo" --bootstrap 0 --permutations 0 2>"$T/err" ||
	{ cat "$T/err"; fail "stats of NA stance"; }
grep -q "${TAB}stance${TAB}" "$T/uo/outlets.tsv" && fail "stance rows of NA only"
grep -q "no index declared" "$T/err" || fail "no warning of no index: $(cat "$T/err")"

# Shards must declare alike: the error names both files.
mkdir "$T/s2"
sed 's/^a/c/; s/^b/d/' "$T/s/scores.tsv" | sed '1s/^c/i/' >"$T/s2/scores.tsv"
sed 's/^bullish\tcategory\tyes/bullish\tcategory\tno/' "$T/s/categories.tsv" >"$T/s2/categories.tsv"
expect 2 "$T/s2/categories.tsv declares other categories or indices than $T/s/categories.tsv" \
	-- stats -q "$T/s/scores.tsv" "$T/s2/scores.tsv" -o "$T/o2"
rm "$T/s2/categories.tsv"
expect 2 "(no categories.tsv) declares other categories or indices than $T/s/categories.tsv" \
	-- stats -q "$T/s/scores.tsv" "$T/s2/scores.tsv" -o "$T/o2"
# A declared index that the scores lack.
cp "$T/s/categories.tsv" "$T/n/categories.tsv"
expect 2 "no column 'tone', the index that $T/n/categories.tsv declares" \
	-- stats -q "$T/n/scores.tsv" -o "$T/o3"
exit 0
