#!/bin/sh
# A small run of scripts/sim-targets (README, Output files,
# targets_by_group.tsv): 400 outlets of 30 articles whose matches fall on
# the actor with a share of 0.3 overall but clustered by article (each
# article's own chance Beta with concentration 0.5). framing's share
# interval must hold; the binomial interval that takes matches as
# independent must not.
#
# Tolerances: 400 independent outlets, near 95% coverage the standard error
# is sqrt(.95 * .05 / 400) = 0.011, so framing's coverage must be 0.91 to
# 0.99 (the full run, 2,000 outlets, measured 0.935). The binomial interval
# covered 0.652 there (SE 0.011; here 0.024): it must stay under 0.8.
set -u
command -v Rscript >/dev/null 2>&1 || { echo "Rscript is not installed"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }
"$ROOT/scripts/sim-targets" --reps 400 --n 30 --k 0.5 --seed 1 --framing "$FRAMING" \
	--tsv sim.tsv >out 2>err || { cat out err; fail "sim-targets failed"; }
cat out
# k n reps share cover cover_se binomial binomial_se na
awk -F '\t' 'NR == 2 {
	bad = ""
	if (!($5 >= 0.91 && $5 <= 0.99)) bad = bad " coverage " $5 " not in 0.91..0.99;"
	if (!($7 < 0.8)) bad = bad " binomial coverage " $7 " not under 0.8;"
	if (!($9 < 0.05)) bad = bad " NA intervals " $9 " not under 0.05;"
	if (bad != "") { print "FAIL:" bad; exit 1 }
	found = 1
} END { if (!found) { print "FAIL: no row in sim.tsv"; exit 1 } }' sim.tsv || exit 1
exit 0
