#!/bin/sh
# Without gnuplot on PATH, framing chart says which package to install,
# exits 1 and leaves the tables as they were; a gnuplot that fails passes
# its own message on and the run exits 1 without a chart file.
set -u
fail() { echo "FAIL: $*"; exit 1; }
$FRAMING score -l "$ROOT/lexicons/stance.lex" -l "$ROOT/lexicons/actors.lex" \
	"$ROOT/corpus/seeds" -o out 2>err || { cat err; fail "score failed"; }
$FRAMING stats out/scores.tsv -o out 2>err || { cat err; fail "stats failed"; }
before=$(cat out/*.tsv | cksum)
mkdir empty
PATH="$PWD/empty" $FRAMING chart -i out 2>err
[ $? -eq 1 ] || fail "status not 1 without gnuplot"
grep -q 'gnuplot-nox' err || { cat err; fail "message does not name gnuplot-nox"; }
[ "$(cat out/*.tsv | cksum)" = "$before" ] || fail "tables changed"
ls out/*.svg out/*.png 2>/dev/null && fail "a chart was written"
# A gnuplot that fails: its message reaches stderr, status 1, no chart.
mkdir fake
printf '#!/bin/sh\ncat >/dev/null\necho "gnuplot: simulated failure" >&2\nexit 1\n' >fake/gnuplot
chmod +x fake/gnuplot
PATH="$PWD/fake:$PATH" $FRAMING chart -i out 2>err
[ $? -eq 1 ] || fail "status not 1 when gnuplot fails"
grep -q 'simulated failure' err || fail "gnuplot's message not passed on"
ls out/*.svg out/*.png out/*.tmp.* 2>/dev/null && fail "a chart or temporary file was left"
echo ok
