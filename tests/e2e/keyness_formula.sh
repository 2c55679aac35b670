#!/bin/sh
# keyness.tsv on the stats fixture (tests/e2e/stats-fixture) against
# README's formula (Monroe, Colaresi & Quinn 2008, informative Dirichlet
# prior): first rows of both units and all three outlets, each with its
# value worked out beside it; then every row of the table, recomputed
# here from terms.tsv and matches.tsv, with the default prior and with
# --alpha0. stats_fixture.sh checks one row of each unit.
set -u
fx="$ROOT/tests/e2e/stats-fixture"
fail() { echo "FAIL: $*"; exit 1; }
has() { grep -Fxq "$2" "$1" || { echo "missing in $1:"; echo "$2"; exit 1; }; }
TAB=$(printf '\t')
line() { printf '%s' "$1" | tr '|' "$TAB"; }

cp "$fx"/*.tsv . || fail "copy fixture"
# --keyness-top 0: every term of every outlet, as before issue 19.
$FRAMING stats -q scores.tsv -o a --keyness-top 0 2>/dev/null || fail "stats exit $?"
$FRAMING stats -q scores.tsv -o b --alpha0 10 --keyness-top 0 2>/dev/null || fail "stats --alpha0 exit $?"
$FRAMING stats -q scores.tsv -o c 2>/dev/null || fail "stats (top 100) exit $?"
$FRAMING stats -q scores.tsv -o d --keyness-top 2 2>/dev/null || fail "stats --keyness-top 2 exit $?"

# Expected values computed with python3 (no R where this was written) from
# README's formula; the same in R:
#   lo <- function(yi, ni, yj, nj, a0 = ni + nj, aw = a0 * (yi + yj) / (ni + nj)) {
#     d <- log((yi + aw) / (ni + a0 - yi - aw)) - log((yj + aw) / (nj + a0 - yj - aw))
#     signif(c(log_odds = d, z = d / sqrt(1 / (yi + aw) + 1 / (yj + aw))), 6) }
# Tokens (terms.tsv): China Daily 1470, Press TV 740, Sputnik 350, the tokens
# of scores.tsv, as stats checks (the words of a few terms, "other" the
# rest); N = alpha_0 = 2560.
# Entries (matches.tsv, negated rows left out: Press TV's "cooperation" and
# Sputnik's "hypocrisy"): China Daily 8, Press TV 7, Sputnik 4; N = 19.
# R: lo(40, 1470, 50, 1090) -> -0.179468 -1.47347 (a common word, a_w = 90)
has a/keyness.tsv "$(line 'China Daily|the|40|50|-0.179468|-1.47347|0|NA|token')"
# R: lo(5, 740, 0, 1820) -> 0.978166 1.78588
has a/keyness.tsv "$(line 'Press TV|smear|5|0|0.978166|1.78588|1|accusatory|token')"
# R: lo(3, 740, 7, 1820) -> 0.0149206 0.0404969
has a/keyness.tsv "$(line 'Press TV|cyber|3|7|0.0149206|0.0404969|0|NA|token')"
# R: lo(3, 350, 7, 2210) -> 0.226836 0.61567
has a/keyness.tsv "$(line 'Sputnik|talks|3|7|0.226836|0.61567|0|NA|token')"
# R: lo(0, 350, 7, 2210) -> -0.199485 -0.430937 (absent from the group)
has a/keyness.tsv "$(line 'Sputnik|hypocrisy|0|7|-0.199485|-0.430937|1|accusatory|token')"
# R: lo(5, 7, 0, 12) -> 1.17865 2.15192
has a/keyness.tsv "$(line 'Press TV|smear|5|0|1.17865|2.15192|1|accusatory|entry')"
# R: lo(3, 8, 2, 11) -> 0.324587 0.627161 (Sputnik's negated hypocrisy not in the 2)
has a/keyness.tsv "$(line 'China Daily|hypocrisy|3|2|0.324587|0.627161|1|accusatory|entry')"
# R: lo(0, 7, 5, 12) -> -0.693147 -1.26551 (Press TV's one cooperation is negated)
has a/keyness.tsv "$(line 'Press TV|cooperation|0|5|-0.693147|-1.26551|1|conciliatory|entry')"
# R: lo(0, 4, 4, 15) -> -0.37949 -0.619704
has a/keyness.tsv "$(line 'Sputnik|groundless|0|4|-0.37949|-0.619704|1|accusatory|entry')"
# --alpha0 10. R: lo(5, 1470, 0, 1090, a0 = 10) -> 5.25572 0.733085
has b/keyness.tsv "$(line 'China Daily|accusations|5|0|5.25572|0.733085|0|NA|token')"
# R: lo(4, 4, 1, 15, a0 = 10) -> 1.66689 2.55342
has b/keyness.tsv "$(line 'Sputnik|cooperation|4|1|1.66689|2.55342|1|conciliatory|entry')"

# Every row: counts, log_odds and z recomputed (awk, README's formula) from
# the counts of terms.tsv and of the non-negated rows of matches.tsv, to 6
# significant digits; every outlet has a row for every term of its unit,
# in the order of z.
check() {
	awk -F'\t' -v a0="$2" '
	FILENAME == "terms.tsv" && FNR > 1 { c["token", $1, $2] += $3; out["token", $1] += $3
		N["token"] += $3; term["token", $2]; grp["token", $1]; next }
	FILENAME == "matches.tsv" && FNR == 1 { for (i = 1; i <= NF; i++) h[$i] = i; next }
	FILENAME == "matches.tsv" { if ($(h["negated"]) != 0) next
		o = $(h["outlet"]); e = $(h["entry"])
		c["entry", o, e]++; out["entry", o]++; N["entry"]++; term["entry", e]; grp["entry", o]; next }
	FNR == 1 { next }
	function off(got, want) { return (got - want) ^ 2 > (1e-5 * (want < 0 ? -want : want) + 1e-6) ^ 2 }
	{	u = $9; g = $1; t = $2; rows++
		if (seen[u, g, t]++) { print "twice: " $0; bad++ }
		# Sorted by outlet, then z, highest first, in each unit.
		if (g == pg && u == pu && $6 > pz) { print "out of order: " $0; bad++ }
		pg = g; pu = u; pz = $6
		yi = c[u, g, t] + 0; yw = 0
		for (k in grp) { split(k, p, SUBSEP); if (p[1] == u) yw += c[u, p[2], t] }
		yj = yw - yi; ni = out[u, g]; nj = N[u] - ni
		A = a0 > 0 ? a0 : N[u]; aw = A * yw / N[u]
		d = log((yi + aw) / (ni + A - yi - aw)) - log((yj + aw) / (nj + A - yj - aw))
		z = d / sqrt(1 / (yi + aw) + 1 / (yj + aw))
		if ($3 != yi || $4 != yj || off($5, d) || off($6, z)) {
			printf "%s: want %d %d %.6g %.6g\n", $0, yi, yj, d, z; bad++ }
	}
	END {	want = 0
		for (k in grp) { split(k, p, SUBSEP); for (m in term) { split(m, q, SUBSEP); if (q[1] == p[1]) want++ } }
		if (rows != want) { print rows " rows, expected " want; bad++ }
		if (rows < 30) { print "only " rows " rows"; bad++ }
		exit bad > 0 }' terms.tsv matches.tsv "$1/keyness.tsv" || fail "$1/keyness.tsv differs from the formula"
}
check a 0
check b 10

# The top rows (issue 19): per outlet, the N token types of highest z among
# those it uses, every token that is a lexicon entry's text, every entry;
# the rows are a's, in a's order. With N = 100 (more than this vocabulary)
# that is a without the unused tokens outside the lexicon.
top() {
	awk -F'\t' -v n="$2" 'NR == FNR { if (FNR > 1) { all[++k] = $0; at[$0] = k } next }
	FNR == 1 { next }
	{	if (!($0 in at)) { print "not a row of a: " $0; bad++ }
		else if (at[$0] < last) { print "out of a order: " $0; bad++ }
		last = at[$0]; got[$0] = 1 }
	END {	for (i = 1; i <= k; i++) {
			split(all[i], f, "\t")
			keep = f[9] == "entry" || f[7] == 1 || (f[3] > 0 && used[f[1]]++ < n)
			if (keep != ((all[i] in got) ? 1 : 0)) { print (keep ? "missing: " : "extra: ") all[i]; bad++ }
		}
		exit bad > 0 }' a/keyness.tsv "$1/keyness.tsv" || fail "$1/keyness.tsv: not the top $2 rows"
}
top c 100
top d 2
[ "$(wc -l <d/keyness.tsv)" -lt "$(wc -l <c/keyness.tsv)" ] || fail "--keyness-top 2 kept as many rows"
echo ok
