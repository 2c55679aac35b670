# Issue 18, trial finding 12 (part): chart checks that the stats run that
# wrote outlets.tsv grouped by the column chart is asked to draw (--by,
# "outlet" by default), as run.tsv records it: after stats --by wire, a
# plain chart drew wire services titled "by outlet", and chart --by lang
# was accepted.
. "$ROOT/tests/e2e/hostile.lib"
# The default lexicons, wherever the binary under test lies (the SAN build too).
FRAMING_LEXICONS=$ROOT/lexicons; export FRAMING_LEXICONS
command -v gnuplot >/dev/null 2>&1 || { echo "skip: no gnuplot"; exit 77; }
# The seeds have the columns "wire" and "lang".
cp "$ROOT/tests/fixtures/seeds.jsonl" "$T/in.jsonl"
cd "$T" || fail "cd"
"$FRAMING" score --jsonl in.jsonl -o W -q || fail "score"
"$FRAMING" stats W/scores.tsv --by wire -o W -q || fail "stats --by wire"
expect 2 "groups the articles by wire" -- chart -i W -o W -q
grep -q "give chart --by wire" stderr || { cat stderr; fail "no advice"; }
expect 2 "not by lang" -- chart -i W -o W --by lang -q
"$FRAMING" chart -i W -o W --by wire -q || fail "chart --by wire"
[ -s W/stance.svg ] || fail "no W/stance.svg"
grep -qi "outlet" W/stance.svg && fail "the chart of wire groups names outlets"
# report keeps its steps in step
"$FRAMING" report --jsonl in.jsonl --by wire -o R -q || fail "report --by wire"
"$FRAMING" chart -i R -o R --by wire -q || fail "chart --by wire after report --by wire"
expect 2 "groups the articles by wire" -- chart -i R -o R2 -q
exit 0
