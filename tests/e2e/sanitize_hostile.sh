#!/bin/sh
# The one rule of sanitize.h, end to end: an outlet name, ids, titles and
# text holding ESC (a terminal escape), BEL, U+009B (C1 CSI), U+0085 (NEL)
# and U+202E (right-to-left override) are scored, summarised, listed and
# reported; none of those characters reaches scores.tsv, outlets.tsv, any
# other table, the kwic and lexicon listings, report.html or stderr, and
# the messages show them as escapes (\x1b, \u202e).
set -u
# The default lexicons wherever the binary is (build/san/framing has no
# lexicons/ beside it).
FRAMING_LEXICONS=$ROOT/lexicons
export FRAMING_LEXICONS
fail() { echo "FAIL: $*"; exit 1; }
ESC=$(printf '\033') BEL=$(printf '\007') CSI=$(printf '\302\233')
NEL=$(printf '\302\205') RLO=$(printf '\342\200\256')
bad="X${ESC}[2J${BEL}${CSI}31m${NEL}${RLO}Y"

# clean FILE...: fails when a file holds one of the five characters.
clean() {
	for f in "$@"; do
		[ -e "$f" ] || fail "$f: missing"
		for c in "$ESC" "$BEL" "$CSI" "$NEL" "$RLO"; do
			LC_ALL=C grep -qF -- "$c" "$f" &&
				fail "$f holds $(printf '%s' "$c" | od -An -tx1 | tr -d ' ')"
		done
	done
	return 0
}

mkdir -p corpus
printf 'id\tfile\toutlet\tdate\ttitle\tlang\n' >corpus/manifest.tsv
i=0
for o in "Evil${bad}Outlet" "Plain Outlet"; do
	for d in 2015-01-02 2015-03-04 2015-05-06; do
		i=$((i + 1))
		printf 'id%s%s\ta%s.txt\t%s\t%s\tTitle %s %s\ten\n' $i "$bad" $i "$o" $d $i "$bad" \
			>>corpus/manifest.tsv
		printf 'Title %s.\n\nThe ministry rejected the groundless accusations %s as hypocrisy and a smear.\nIt called for dialogue and cooperation based on mutual respect, the spokesman said.\n' \
			$i "$bad" >corpus/a$i.txt
	done
done

$FRAMING score corpus -o out 2>err.score || { cat err.score; fail "score failed"; }
$FRAMING stats out/scores.tsv -o out 2>err.stats || { cat err.stats; fail "stats failed"; }
grep -q 'Plain Outlet' out/outlets.tsv || fail "no outlet rows in outlets.tsv"
grep -q "EvilX \[2J  31m  YOutlet" out/scores.tsv || fail "outlet name not shown with spaces"
$FRAMING kwic --by outlet corpus groundless >kwic.txt 2>err.kwic || fail "kwic failed"
$FRAMING kwic --tsv --by outlet corpus groundless >kwic.tsv 2>>err.kwic || fail "kwic --tsv failed"
grep -q 'groundless' kwic.txt || fail "kwic found nothing"
$FRAMING lexicon stats --by outlet corpus >lexstats.txt 2>err.lexstats || fail "lexicon stats failed"
$FRAMING lexicon stats --tsv --by outlet corpus >lexstats.tsv 2>>err.lexstats ||
	fail "lexicon stats --tsv failed"
$FRAMING lexicon suggest --min 1 --category accusatory corpus >suggest.txt 2>err.suggest ||
	fail "lexicon suggest failed"
$FRAMING clean corpus/a1.txt >clean.txt 2>err.clean || fail "clean failed"
clean out/*.tsv kwic.txt kwic.tsv lexstats.txt lexstats.tsv suggest.txt clean.txt \
	err.score err.stats err.kwic err.lexstats err.suggest err.clean

if command -v gnuplot >/dev/null 2>&1; then
	$FRAMING report corpus -o rep 2>err.report || { cat err.report; fail "report failed"; }
	grep -q 'Plain Outlet' rep/report.html || fail "no outlets in report.html"
	clean rep/report.html rep/*.tsv rep/*.svg err.report
else
	echo "skip: report (no gnuplot)"
fi

# Messages: a missing file whose name holds the five is quoted with escapes.
mkdir -p broken
printf 'id\tfile\toutlet\tdate\ttitle\tlang\n' >broken/manifest.tsv
printf 'id%s\tmissing%s.txt\tPlain\t2015-01-01\tT\ten\n' "$bad" "$bad" >>broken/manifest.tsv
$FRAMING score broken -o out2 2>err.broken && fail "score of a missing file succeeded"
clean err.broken
grep -qF 'missingX\x1b[2J\x07\u009b31m\u0085\u202eY.txt' err.broken ||
	{ cat err.broken; fail "the file name is not quoted with escapes"; }
echo ok
