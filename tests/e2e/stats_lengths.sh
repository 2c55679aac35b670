#!/bin/sh
# Issue 16 (items 3 and 4) on a generated scores.tsv: short articles in
# outlet A, long ones in B, at the same rates. The rank tests' notes say
# the lengths differ (KS p as R's ks.test), the other rows do not; the
# actor categories (china, us) stay out of the groups x categories test.
set -u
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
TAB=$(printf '\t')
line() { printf '%s' "$1" | tr '|' "$TAB"; }
has() { grep -Fxq "$2" "$1" || { echo "missing in $1:"; echo "$2"; exit 1; }; }

# A: tokens 110, 120, ..., 200; B: 1010, ..., 1100 (B only is 10x longer).
# Matches rise with length, so the rates are alike; the actors are counted
# with a large difference between the groups, which the chisq must not see.
{
	printf 'id\toutlet\tdate\ttitle\ttokens\taccusatory_matches\taccusatory_score\taccusatory_rate\taccusatory_own'
	printf '\tconciliatory_matches\tconciliatory_score\tconciliatory_rate\tconciliatory_own'
	printf '\tchina_matches\tchina_score\tchina_rate\tchina_own\tus_matches\tus_score\tus_rate\tus_own\tstance\n'
	i=1
	while [ $i -le 10 ]; do
		ta=$((100 + 10 * i)); tb=$((1000 + 10 * i))
		aa=$((i % 3)); ca=$(((i + 1) % 2)); ab=$((10 * (i % 3) + i % 2)); cb=$((10 * ((i + 1) % 2) + i % 3))
		printf 'a-%02d\tA\t2020-01-%02d\tt\t%d\t%d\t%d\t0\t%d\t%d\t%d\t0\t%d\t%d\t%d\t0\t%d\t0\t0\t0\t0\t0\n' \
			$i $i $ta $aa $aa $aa $ca $ca $ca $((5 * i)) $((5 * i)) $((5 * i))
		printf 'b-%02d\tB\t2020-01-%02d\tt\t%d\t%d\t%d\t0\t%d\t%d\t%d\t0\t%d\t0\t0\t0\t0\t%d\t%d\t0\t%d\t0\n' \
			$i $i $tb $ab $ab $ab $cb $cb $cb $((5 * i)) $((5 * i)) $((5 * i))
		i=$((i + 1))
	done
} >"$T/scores.tsv"
# Which categories are actors is declared beside the scores (categories.tsv, as score writes it).
{
	printf 'name\trole\tweighted\tvoice\tdefinition\tdescription\n'
	printf 'accusatory\tcategory\tno\tyes\t-\t-\nconciliatory\tcategory\tno\tyes\t-\t-\n'
	printf 'china\tactor\tno\tyes\t-\t-\nus\tactor\tno\tyes\t-\t-\n'
	printf 'stance\tindex\t-\t-\tlog-ratio accusatory conciliatory\t-\n'
} >"$T/categories.tsv"
"$FRAMING" stats -q "$T/scores.tsv" -o "$T/out" --bootstrap 50 2>"$T/err" || { cat "$T/err"; fail "stats"; }

# R: ks.test(seq(110, 200, 10), seq(1010, 1100, 10)) -> D = 1, p = 1.082509e-05 (exact: 2/choose(20, 10))
note='mw: article lengths differ (KS p = 1.1e-05); not a test of rates'
for m in accusatory_rate accusatory_own_rate conciliatory_rate conciliatory_own_rate; do
	grep "^A${TAB}B${TAB}$m${TAB}" "$T/out/compare.tsv" | awk -F'\t' '{ print $NF }' | grep -Fq "$note" \
		|| { grep "^A${TAB}B${TAB}$m" "$T/out/compare.tsv"; fail "compare $m: no note on lengths"; }
	grep "^kruskal${TAB}$m${TAB}" "$T/out/tests.tsv" | grep -Fq 'kruskal: article lengths differ (KS p = 1.1e-05); not a test of rates' \
		|| fail "kruskal $m: no note on lengths"
done
grep "^A${TAB}B${TAB}stance${TAB}" "$T/out/compare.tsv" | grep -Fq 'mw: article lengths differ (KS p = 1.1e-05); stance depends on length' \
	|| fail "compare stance: no note on lengths"

# The chisq rows use accusatory and conciliatory only (with the actors,
# X^2 would be in the hundreds).
# R: i <- 1:10; a <- cbind(i %% 3, (i + 1) %% 2); b <- cbind(10 * (i %% 3) + i %% 2, 10 * ((i + 1) %% 2) + i %% 3)
#    r <- chisq.test(rbind(colSums(a), colSums(b)), correct = FALSE)
#    -> X-squared 0.05472788, p 0.81503163, V = sqrt(X2 / 180) = 0.01743685
#    exact permutation p over all choose(20, 10) = 184,756 splits (x2 and the loop as in
#    tests/unit/test_resample.c): 0.8557557; framing's 10,000 random ones must be
#    within 4 standard errors (4 * 0.0035)
got=$(grep "^chisq${TAB}categories${TAB}" "$T/out/tests.tsv")
[ "$(printf '%s' "$got" | cut -f1-6,8-)" = "$(line 'chisq|categories|2|180|0.0547279|1|0.0174369|0.815032|p: random, 10000 relabellings of articles; actors left out: china, us')" ] \
	|| fail "chisq row: $got"
printf '%s' "$got" | awk -F'\t' '{ d = $7 - 0.8557557; exit !(d < 0.014 && d > -0.014) }' \
	|| fail "chisq p $(printf '%s' "$got" | cut -f7), R's exact 0.8557557"

# Equal lengths: no note. (B's articles made as short as A's.)
awk -F'\t' 'BEGIN { OFS = FS } $2 == "B" { $5 -= 900 } { print }' "$T/scores.tsv" >"$T/same.tsv"
"$FRAMING" stats -q "$T/same.tsv" -o "$T/same" --bootstrap 50 --permutations 50 2>/dev/null || fail "stats same"
grep -q 'lengths differ' "$T/same/compare.tsv" "$T/same/tests.tsv"
[ $? = 1 ] || fail "a note on equal lengths (or a table missing)"
# A test not made (Kruskal-Wallis on values all tied) gets no note on what
# its p-value would mean: conciliatory zeroed in every article.
awk -F'\t' -v OFS='\t' 'NR > 1 { $10 = $11 = $12 = $13 = 0 } { print }' "$T/scores.tsv" >"$T/tied.tsv"
"$FRAMING" stats -q "$T/tied.tsv" -o "$T/tied" --bootstrap 50 2>"$T/err" || { cat "$T/err"; fail "stats tied"; }
grep "^kruskal${TAB}conciliatory_rate${TAB}" "$T/tied/tests.tsv" | awk -F'\t' '{ print $NF }' | grep -Fxq 'kruskal: all values tied' \
	|| { grep "^kruskal${TAB}conciliatory_rate" "$T/tied/tests.tsv"; fail "kruskal not made: note beyond 'all values tied'"; }
echo ok
