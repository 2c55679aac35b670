#!/bin/sh
# Issue 12: lexicon diff with a category in one lexicon only (renamed or
# removed): it has no rank on the other side (NA in the table), so it is
# not a rank change ("2 -> 0"); one line names the categories of one side.
set -u
cd "$ROOT"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
L=lexicons/stance.lex
sed 's/^\[distancing\]/[hedging]/' $L >"$T/renamed.lex"
"$FRAMING" lexicon diff $L "$T/renamed.lex" corpus/seeds >"$T/out" 2>"$T/err" || { cat "$T/err"; fail "diff: status $?"; }
grep -q -- '-> 0\|0 ->' "$T/out" && { tail -n 3 "$T/out"; fail "a rank 0"; }
grep -q '^ranks changed:.*\(distancing\|hedging\)' "$T/out" && fail "a one-sided category in 'ranks changed'"
grep -qx 'no rank changed: the order of outlets is the same under both lexicons' "$T/out" ||
	{ tail -n 3 "$T/out"; fail "the renaming changed a rank"; }
grep -qx 'in one lexicon only, so no rank to compare: distancing (old only), hedging (new only)' "$T/out" ||
	{ tail -n 3 "$T/out"; fail "no line on the one-sided categories"; }
# The table still shows them, with NA for the side that lacks them.
grep -q '^China Daily *distancing .* NA$' "$T/out" || fail "no NA rank for distancing under NEW"
# A removed category: the same.
awk '/^\[distancing\]/ { skip = 1; next } /^\[|^@/ { skip = 0 } !skip' $L >"$T/removed.lex"
"$FRAMING" lexicon diff $L "$T/removed.lex" corpus/seeds >"$T/out" 2>/dev/null || fail "diff removed: status $?"
grep -q -- '-> 0\|0 ->' "$T/out" && fail "removed: a rank 0"
grep -qx 'in one lexicon only, so no rank to compare: distancing (old only)' "$T/out" ||
	{ tail -n 3 "$T/out"; fail "removed: no line on the one-sided category"; }
echo ok
