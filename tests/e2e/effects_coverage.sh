#!/bin/sh
# A small run of scripts/sim-effects-coverage (README, Methods, "Within-story
# effects"): 60 replicates of 4 outlets in 60 stories, matches and stance
# clustered by story (an outlet's own deviation on each story). The
# cluster-robust 95% intervals of effects.tsv must hold the true effect
# at about the nominal rate. Each replicate gives 3 intervals per model,
# correlated within it; the full run (1,000 replicates) measured the
# shares in the README. With 60 replicates the standard error of a share
# near 0.95 is at most about 0.02 (replicates as the unit), so a share
# from 0.88 to 0.99 passes (about 3.5 standard errors below, 2 above).
set -u
command -v Rscript >/dev/null 2>&1 || { echo "Rscript is not installed"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }
"$ROOT/scripts/sim-effects-coverage" --reps 60 --seed 3 --framing "$FRAMING" >out 2>err ||
	{ cat out err; fail "sim-effects-coverage failed"; }
cat out
# model reps stories sd cover cover_se
awk -F '\t' 'NR > 1 {
	n++
	if (!($5 >= 0.88 && $5 <= 0.99)) { print "FAIL: " $1 " coverage " $5 " not in 0.88..0.99"; bad = 1 }
} END { if (n != 2) { print "FAIL: " n " rows"; exit 1 } exit bad }' out
