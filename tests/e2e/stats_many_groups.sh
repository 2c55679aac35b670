#!/bin/sh
# Issue 19 (items 1 and 5): which pairs compare.tsv has for 1, 2, 30, 31
# and 1,000 groups (every pair up to --all-pairs-max, beyond it each group
# against the rest and against the reference), --compare, --pairs and
# --reference, --group-map, and a group-against-the-rest row checked
# against R.
set -u
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
TAB=$(printf '\t')
line() { printf '%s' "$1" | tr '|' "$TAB"; }
has() { grep -Fxq "$2" "$1" || { echo "missing in $1:"; echo "$2"; exit 1; }; }
rows() { echo $(($(wc -l <"$1") - 1)); }
cd "$T" || exit 1

# ---- A group against the rest, against R ----
# Four outlets; --all-pairs-max 2 makes it compare each with the rest and
# with the reference A (the largest).
{
	printf 'id\toutlet\tdate\ttitle\ttokens\taccusatory_matches\taccusatory_score\taccusatory_rate\taccusatory_own\tstance\n'
	i=0
	for row in "A 400 6 2 0.5" "A 250 3 1 0.2" "A 500 1 0 -0.3" "A 320 4 4 0.9" \
		   "B 300 2 1 -0.1" "B 600 0 0 -0.7" "B 450 5 2 0.4" "C 200 1 1 0.0" \
		   "C 800 7 3 0.6" "C 350 2 0 -0.2" "D 500 3 1 0.3" "D 300 3 2 0.1"; do
		set -- $row
		i=$((i + 1))
		printf 'x%02d\t%s\t2020-01-%02d\tt\t%s\t%s\t%s\tNA\t%s\t%s\n' $i $1 $i $2 $3 $3 $4 $5
	done
} >r.tsv
$FRAMING stats -q r.tsv -o r --all-pairs-max 2 --bootstrap 20 --permutations 20 || fail "stats exit $?"
# Pairs: each group with (rest), then with A (not A with itself): 7 pairs, 3 metrics.
[ "$(cut -f1,2 r/compare.tsv | uniq | tr '\t\n' ',;')" = \
  "group_a,group_b;A,(rest);B,(rest);B,A;C,(rest);C,A;D,(rest);D,A;" ] || fail "pairs of r: $(cut -f1,2 r/compare.tsv | uniq | tr '\n' ' ')"
[ "$(rows r/compare.tsv)" -eq 21 ] || fail "r/compare.tsv has $(rows r/compare.tsv) rows, not 21"
# R, with the rest pooled (d <- read.delim("r.tsv"); a <- d$outlet == "B";
#   r <- d$accusatory_matches / d$tokens * 1000):
#   t.test(r[a], r[!a]) -> t -0.746007, df 2.79905, p 0.513333
#   wilcox.test(r[a], r[!a]) -> W 10, p 0.6 (exact: no ties)
#   (mean(r[a]) - mean(r[!a])) / sqrt((2 var(r[a]) + 8 var(r[!a])) / 10) -> d -0.581545
#   the rate ratio with each side's own HC1 variance and Welch df (README, Methods):
#   x <- d$accusatory_matches; t <- d$tokens / 1000;
#   v <- function(x, t) { n <- length(x); X <- sum(x); R <- X / sum(t); n / (n - 1) * sum((x - R * t)^2) / X^2 }
#   va <- v(x[a], t[a]); vb <- v(x[!a], t[!a]); df <- (va + vb)^2 / (va^2 / 2 + vb^2 / 8)   # 2.22279
#   rr <- (sum(x[a]) / sum(t[a])) / (sum(x[!a]) / sum(t[!a]));
#   rr * exp(c(0, -1, 1) * qt(.975, df) * sqrt(va + vb)), 2 * pt(-abs(log(rr)) / sqrt(va + vb), df)
#     -> rate_ratio 0.625679, rr_lo 0.0344585, rr_hi 11.3607, rr_p 0.585603
#   poisson.test(c(7, 31), c(1350, 3620))$conf.int -> 0.231972 1.45375
has r/compare.tsv "$(line 'B|(rest)|accusatory_rate|3|9|5.92593|8.55159|-2.62566|-0.746007|2.79905|0.513333|10|0.6|NA|-0.581545|0.625679|0.0344585|11.3607|0.585603|0.231972|1.45375|NA|perm: not permuted against the rest; p_holm: outside the Holm family, a group of fewer than 5 articles')"
#   ro <- d$accusatory_own / d$tokens * 1000; wilcox.test(ro[a], ro[!a]) -> W 9, p 0.455576 (ties)
#   s <- d$stance; t.test(s[a], s[!a]) -> t -1.06841, df 2.69537, p 0.371565
awk -F'\t' '$1 == "B" && $2 == "(rest)" && $3 == "accusatory_own_rate" && $12 == 9 && $13 == 0.455576 { ok = 1 }
	$1 == "B" && $2 == "(rest)" && $3 == "stance" && $9 == -1.06841 && $10 == 2.69537 && $11 == 0.371565 { ok2 = 1 }
	END { exit !(ok && ok2) }' r/compare.tsv || fail "B vs (rest): own rate or stance differ from R"
# The omnibus tests stay over all four groups.
awk -F'\t' '$1 == "kruskal" && $3 != 4 { bad = 1 } $1 == "chisq" && $3 != 4 { bad = 1 } END { exit bad }' r/tests.tsv ||
	fail "tests.tsv not over all groups"

# ---- --reference, --compare, --pairs ----
$FRAMING stats -q r.tsv -o r2 --all-pairs-max 2 --reference C --compare B,D --compare D,B \
	--compare A,C --bootstrap 20 --permutations 20 || fail "stats --reference exit $?"
# (rest) x 4, A-C B-C D-C against C, and B-D once (D,B is the same pair; A,C is there).
[ "$(cut -f1,2 r2/compare.tsv | uniq | tr '\t\n' ',;')" = \
  "group_a,group_b;A,(rest);A,C;B,(rest);B,C;C,(rest);D,(rest);D,C;B,D;" ] || fail "pairs of r2: $(cut -f1,2 r2/compare.tsv | uniq | tr '\n' ' ')"
printf 'group_a\tgroup_b\nB\tD\nA\tB\n' >pairs.tsv
$FRAMING stats -q r.tsv -o r3 --all-pairs-max 2 --pairs pairs.tsv --bootstrap 20 --permutations 20 ||
	fail "stats --pairs exit $?"
[ "$(rows r3/compare.tsv)" -eq 24 ] || fail "r3/compare.tsv has $(rows r3/compare.tsv) rows, not 24 (B,D added; A,B there)"
printf 'group_a\tgroup_b\nB\tD\nA\tnowhere\n' >bad-pairs.tsv
$FRAMING stats -q r.tsv -o r4 --pairs bad-pairs.tsv 2>err && fail "a pair of an unknown group accepted"
grep -q "bad-pairs.tsv:3: no group 'nowhere'" err || fail "no FILE:LINE for the bad pair: $(cat err)"
$FRAMING stats -q r.tsv -o r4 --compare A 2>err && fail "--compare A accepted"
grep -q "expected GROUP,GROUP" err || fail "no message for --compare A"
$FRAMING stats -q r.tsv -o r4 --reference Z 2>err && fail "--reference Z accepted"
grep -q "no group 'Z'" err || fail "no message for --reference Z"
# Up to --all-pairs-max every pair, as before: 6 pairs.
$FRAMING stats -q r.tsv -o r5 --bootstrap 20 --permutations 20 || fail "stats exit $?"
[ "$(rows r5/compare.tsv)" -eq 18 ] || fail "r5/compare.tsv has $(rows r5/compare.tsv) rows, not 18"
grep -q '(rest)' r5/compare.tsv && fail "(rest) with 4 groups"

# ---- 1, 2, 30, 31 and 1,000 groups ----
# gen-scores: 3 categories (6 rate metrics) and stance, so 7 rows per pair.
for k in 1 2 30 31 1000; do
	n=$((3 * k)); [ $n -lt 200 ] && n=200
	"$ROOT/scripts/gen-scores" $n $k g$k 1 tail || fail "gen-scores $k"
	$FRAMING stats -q g$k/scores.tsv -o o$k --bootstrap 20 --permutations 20 || fail "stats on $k groups exit $?"
	for f in outlets compare tests keyness; do
		[ -s o$k/$f.tsv ] || fail "$k groups: no $f.tsv"
	done
	groups=$(cut -f1 o$k/outlets.tsv | sed 1d | sort -u | wc -l)
	[ "$groups" -eq $k ] || fail "$k groups: outlets.tsv has $groups"
	[ "$(rows o$k/outlets.tsv)" -eq $((7 * k)) ] || fail "$k groups: outlets.tsv rows"
	[ "$(rows o$k/tests.tsv)" -eq 9 ] || fail "$k groups: tests.tsv has $(rows o$k/tests.tsv) rows"
	if [ $k -le 30 ]; then want=$((7 * k * (k - 1) / 2)); else want=$((7 * (2 * k - 1))); fi
	[ "$(rows o$k/compare.tsv)" -eq $want ] || fail "$k groups: compare.tsv has $(rows o$k/compare.tsv) rows, not $want"
	rest=$(awk -F'\t' '$2 == "(rest)"' o$k/compare.tsv | wc -l)
	if [ $k -le 30 ]; then [ $rest -eq 0 ] || fail "$k groups: (rest) rows"
	else [ $rest -eq $((7 * k)) ] || fail "$k groups: $rest (rest) rows"; fi
	awk -F'\t' -v k=$k '$1 != "test" && $3 != k { exit 1 }' o$k/tests.tsv || fail "$k groups: tests.tsv not over all groups"
done
# The reference of 1,000 groups is the largest (outlet-0 in gen-scores' long tail).
[ "$(awk -F'\t' '$2 != "(rest)" && NR > 1 { print $2 }' o1000/compare.tsv | sort -u)" = outlet-0 ] ||
	fail "1000 groups: the reference is not outlet-0"
# --all-pairs-max 31: every pair of 31 groups again.
$FRAMING stats -q g31/scores.tsv -o o31all --all-pairs-max 31 --bootstrap 20 --permutations 20 || fail "exit $?"
[ "$(rows o31all/compare.tsv)" -eq $((7 * 31 * 30 / 2)) ] || fail "--all-pairs-max 31: rows"

# ---- --group-map ----
printf 'outlet\tgroup\nA\tnorth\nB\tnorth\nC\tsouth\n' >map.tsv
$FRAMING stats r.tsv -o m --group-map map.tsv --bootstrap 20 --permutations 20 2>err || fail "--group-map exit $?"
[ "$(cut -f1 m/outlets.tsv | sed 1d | sort -u | tr '\n' ' ')" = "D north south " ] || fail "groups of the map: $(cut -f1 m/outlets.tsv | sort -u | tr '\n' ' ')"
grep -q "2 articles of values the map does not name, kept as their own groups" err || fail "no warning on D: $(cat err)"
awk -F'\t' '$1 == "north" && $2 == "stance" && $3 == 7 { ok = 1 } END { exit !ok }' m/outlets.tsv || fail "north has not 7 articles"
$FRAMING stats -q r.tsv -o m2 --group-map map.tsv --unmapped-na --bootstrap 20 --permutations 20 || fail "--unmapped-na exit $?"
[ "$(cut -f1 m2/outlets.tsv | sed 1d | sort -u | tr '\n' ' ')" = "NA north south " ] || fail "--unmapped-na groups"
# Two columns with other names are the value and its group.
printf 'host\tcountry\nA\tX\nB\tX\nC\tX\nD\tY\n' >map2.tsv
$FRAMING stats -q r.tsv -o m3 --group-map map2.tsv --bootstrap 20 --permutations 20 || fail "two-column map exit $?"
[ "$(rows m3/compare.tsv)" -eq 3 ] || fail "two groups, one pair: $(rows m3/compare.tsv) rows"
printf 'outlet\tgroup\nA\tnorth\nA\tsouth\n' >twice.tsv
$FRAMING stats -q r.tsv -o m4 --group-map twice.tsv 2>err && fail "a value mapped twice accepted"
grep -q "twice.tsv:3: 'A' is mapped twice" err || fail "no FILE:LINE for the value mapped twice: $(cat err)"
printf 'outlet\tgroup\nA\t\n' >empty.tsv
$FRAMING stats -q r.tsv -o m4 --group-map empty.tsv 2>err && fail "an empty group accepted"
grep -q "empty.tsv:2: empty group" err || fail "no FILE:LINE for the empty group: $(cat err)"
printf 'a\tb\tc\nA\tX\tY\n' >three.tsv
$FRAMING stats -q r.tsv -o m4 --group-map three.tsv 2>err && fail "a three-column map accepted"
grep -q "three.tsv:1: a group map needs" err || fail "no message for three columns: $(cat err)"
printf 'outlet\tgroup\nA\tX\tY\n' >ragged.tsv
$FRAMING stats -q r.tsv -o m4 --group-map ragged.tsv 2>err && fail "a ragged map accepted"
grep -q "ragged.tsv:2" err || fail "no FILE:LINE for the ragged line: $(cat err)"
echo ok
