# Issue 18, trial finding 4: a report whose scoring skipped articles (bad
# lines) behaves like score: the whole set is written, report.html says at
# its top how many were skipped, and the exit status is 1. Before, report
# exited 1 and left the previous report.html in place without a word.
. "$ROOT/tests/e2e/hostile.lib"
# The default lexicons, wherever the binary under test lies (the SAN build too).
FRAMING_LEXICONS=$ROOT/lexicons; export FRAMING_LEXICONS
command -v gnuplot >/dev/null 2>&1 || { echo "skip: no gnuplot"; exit 77; }
cd "$T" || fail "cd"
cp "$ROOT/tests/fixtures/seeds.jsonl" in.jsonl
"$FRAMING" report --jsonl in.jsonl -o RQ -q || fail "first report"
[ -s RQ/report.html ] || fail "no RQ/report.html"
grep -q 'id="skipped"' RQ/report.html && fail "a banner without skipped articles"
{ cat in.jsonl; echo '{"id":"bad","outlet":"O","date":"2014-13-01","text":"x."}'; } > upd.jsonl
"$FRAMING" report --jsonl upd.jsonl -o RQ -q 2>err; st=$?
[ "$st" = 1 ] || { cat err; fail "status $st, expected 1"; }
grep -q "1 article skipped" err || { cat err; fail "no count on stderr"; }
grep -q "RQ/report.html was written without the 1 skipped article" err || { cat err; fail "no word of the report"; }
grep -q '<div id="skipped"' RQ/report.html || fail "report.html has no banner: the old report was kept"
grep -q "1 article of the corpus was skipped" RQ/report.html || fail "the banner's count"
grep -q "upd.jsonl" RQ/run.tsv || fail "run.tsv is the old run's"
# score agrees: also status 1 with the set written
"$FRAMING" score --jsonl upd.jsonl -o SQ -q 2>/dev/null; [ $? = 1 ] && [ -f SQ/scores.tsv ] || fail "score"
exit 0
