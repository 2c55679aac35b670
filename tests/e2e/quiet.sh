#!/bin/sh
# Issue 12: -q/--quiet means the same in every command: no warnings (here an
# article's lone surrogate escape, a dictionary's renamed categories, an
# export's dropped weights), while errors (an article over
# --max-article-bytes) are still printed. Without -q the warnings come.
set -u
cd "$ROOT"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
J=$T/s.jsonl
cp tests/fixtures/seeds.jsonl "$J"
printf '%s\n' '{"id":"sur","outlet":"X","text":"They accused him \ud800 of lying, groundless accusations."}' >>"$J"
L=lexicons/stance.lex
MAX=2500	# three of the five seeds are larger: an error each

# check ARGS...: with -q no warning and the errors; without, the warning too.
check() {
	"$FRAMING" "$@" >"$T/out" 2>"$T/loud"
	"$FRAMING" "$@" -q >"$T/out" 2>"$T/quiet"
	grep -q '^framing: warning: ' "$T/loud" || { cat "$T/loud"; fail "$*: no warning to silence"; }
	! grep -q '^framing: warning: ' "$T/quiet" || { cat "$T/quiet"; fail "$* -q: a warning"; }
	grep -v '^framing: warning: ' "$T/loud" >"$T/errors"
	cmp -s "$T/errors" "$T/quiet" || { diff "$T/errors" "$T/quiet"; fail "$* -q: not the same errors"; }
}
set -f
check kwic --jsonl "$J" --max-article-bytes $MAX accus*
check kwic --jsonl "$J" --max-article-bytes $MAX --category accusatory -l $L
check lexicon stats --jsonl "$J" --max-article-bytes $MAX -l $L
check lexicon diff --jsonl "$J" --max-article-bytes $MAX $L $L
check lexicon suggest --jsonl "$J" --max-article-bytes $MAX -l $L --min 1
check lexicon check --jsonl "$J" --max-article-bytes $MAX $L
check clean --jsonl "$J" sur
check lexicon import tests/lexicons/liwc-hand.dic
printf '[heavy]\nsevere = 2\n' >"$T/weights.lex"
check lexicon export -f dic "$T/weights.lex"
# The errors stay under -q: three articles over the limit, said once each.
"$FRAMING" lexicon suggest -q --jsonl "$J" --max-article-bytes $MAX -l $L --min 1 >/dev/null 2>"$T/err"
[ "$(grep -c 'more than --max-article-bytes' "$T/err")" = 3 ] || { cat "$T/err"; fail "suggest -q: not 3 errors"; }
# chart takes -q like every command.
"$FRAMING" score -q -l $L corpus/seeds -o "$T/run" 2>/dev/null || fail "score"
"$FRAMING" stats -q --bootstrap 50 --permutations 50 "$T/run/scores.tsv" -o "$T/run" \
	2>/dev/null || fail "stats"
"$FRAMING" chart --help | grep -q -- '-q, --quiet' || fail "chart --help: no -q"
"$FRAMING" chart -q --format svg -i "$T/run" >/dev/null 2>"$T/err"
st=$?
[ $st = 0 ] || [ $st = 1 ] || { cat "$T/err"; fail "chart -q: status $st"; }
! grep -q "unknown option" "$T/err" || fail "chart -q refused"
echo ok
