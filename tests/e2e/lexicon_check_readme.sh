#!/bin/sh
# Issue 12: lexicon check --corpus prints what each glob reaches with how
# often each word occurs (not the counted matches of the scores, which a
# longer entry can take from it), says so ("occurs as"), and README's
# example is what the command prints.
set -u
cd "$ROOT"
fail() { echo "FAIL: $*"; exit 1; }
out=$("$FRAMING" lexicon check --corpus corpus/seeds lexicons/stance.lex 2>/dev/null) || fail "status $?"
echo "$out" | grep -qx 'lexicons/stance.lex:32:1: accus\* occurs as accusations 4, accused 3, accusation 1' ||
	fail "accus*: not the occurrences with 'occurs as'"
echo "$out" | grep -qx 'lexicons/stance.lex:20:1: slander\* occurs nowhere in corpus/seeds' ||
	fail "slander*: not 'occurs nowhere in'"
# Every example line of README's "1. Check" block is a line of the output.
n=0
awk '/^    \$ framing lexicon check --corpus corpus\/seeds lexicons\/stance.lex$/ { on = 1; next }
     on && /^    lexicons\/stance.lex/ { sub(/^    /, ""); print; next }
     on && !/^    \.\.\.$/ { exit }' README.md >"${TMPDIR:-/tmp}/readme-check.$$"
while IFS= read -r line; do
	n=$((n + 1))
	echo "$out" | grep -qxF "$line" || { rm -f "${TMPDIR:-/tmp}/readme-check.$$"; fail "README line not printed: $line"; }
done <"${TMPDIR:-/tmp}/readme-check.$$"
rm -f "${TMPDIR:-/tmp}/readme-check.$$"
[ $n -ge 5 ] || fail "README's example has $n lines"
"$FRAMING" lexicon check --help | grep -q 'occurs as' || fail "--help does not say 'occurs as'"
echo ok
