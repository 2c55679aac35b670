# Issue 18, trial finding 5: a report written into a folder of its folder
# corpus (framing report DD -o DD/rep) is not read back as an outlet by the
# next run: a folder that holds framing's run.tsv is skipped by the walk,
# so the second run gives the same scores as the first.
. "$ROOT/tests/e2e/hostile.lib"
# The default lexicons, wherever the binary under test lies (the SAN build too).
FRAMING_LEXICONS=$ROOT/lexicons; export FRAMING_LEXICONS
command -v gnuplot >/dev/null 2>&1 || { echo "skip: no gnuplot"; exit 77; }
mkdir -p "$T/DD/A" "$T/DD/B"
echo "Officials called the claim groundless on Monday." > "$T/DD/A/a1.txt"
echo "The ministry offered cooperation and dialogue." > "$T/DD/B/b1.txt"
echo "A baseless accusation, the spokesman said." > "$T/DD/B/b2.txt"
"$FRAMING" report "$T/DD" -o "$T/DD/rep" -q || fail "first report"
cp "$T/DD/rep/scores.tsv" "$T/first.tsv"
[ -f "$T/DD/rep/report.html" ] || fail "no report.html"
"$FRAMING" report "$T/DD" -o "$T/DD/rep" -q 2>"$T/err" || { cat "$T/err"; fail "second report"; }
cmp -s "$T/first.tsv" "$T/DD/rep/scores.tsv" \
	|| { diff "$T/first.tsv" "$T/DD/rep/scores.tsv"; fail "the second report scored its own outputs"; }
# Without -q the walk says what it skipped.
"$FRAMING" score "$T/DD" -o "$T/out" 2>"$T/err" || fail "score"
grep -q "DD/rep: skipped, a folder of framing's outputs" "$T/err" || { cat "$T/err"; fail "no message"; }
exit 0
