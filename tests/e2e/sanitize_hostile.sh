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
# An outlet drops its default-ignorable characters (README, Input: the RLO)
# before the rest are shown as spaces.
grep -q "EvilX \[2J  31m YOutlet" out/scores.tsv || fail "outlet name not shown with spaces"
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
# Issue 18, item 7: the places that printed names without the rule.
# A lexicon, a corpus folder and an id whose names hold the five, an OSC
# title sequence (ESC ] 0 ; ... BEL) and a colour (ESC [ 41 m) in the text.
OSC="${ESC}]0;PWN${BEL}"
mkdir -p "hc${bad}/Out${bad}"
printf '[acc] accusatory\ngroundless\nsmear*\n' >"lex${bad}.lex"
printf '[acc] accusatory\ngroundless\n' >old.lex
for i in 1 2 3; do
	printf 'Title %s.\n\nThe ministry rejected the groundless %s accusations %s[41m as a smear and hypocrisy, said the ministry.\n' \
		$i "$OSC" "$ESC" >"hc${bad}/Out${bad}/a$i.txt"
done
$FRAMING lexicon check "lex${bad}.lex" >lc1.txt 2>err.lc || fail "lexicon check failed"
$FRAMING lexicon check --corpus "hc${bad}" "lex${bad}.lex" >lc2.txt 2>>err.lc || fail "lexicon check --corpus failed"
grep -q 'smear\* occurs as smear 3' lc2.txt || { cat lc2.txt; fail "lexicon check --corpus: no occurs line"; }
$FRAMING lexicon diff --by outlet old.lex "lex${bad}.lex" "hc${bad}" >ld.txt 2>err.ld || fail "lexicon diff failed"
$FRAMING lexicon diff --tsv --by outlet old.lex "lex${bad}.lex" "hc${bad}" >ld.tsv 2>>err.ld || fail "lexicon diff --tsv failed"
grep -q 'Out' ld.tsv || fail "lexicon diff: no outlet rows"
$FRAMING templates "hc${bad}" >/dev/null 2>err.tpl || fail "templates failed"
grep -q 'template line' err.tpl || { cat err.tpl; fail "templates: no summary message"; }
$FRAMING kwic "hc${bad}" groundless >kwic2.txt 2>err.kwic2 || fail "kwic on OSC text failed"
$FRAMING lexicon suggest --min 1 -l "lex${bad}.lex" --category acc "hc${bad}" >suggest2.txt 2>err.suggest2 ||
	fail "lexicon suggest on OSC text failed"
grep -q 'PWN' kwic2.txt || fail "kwic: the text around the OSC is gone"
clean lc1.txt lc2.txt err.lc ld.txt ld.tsv err.ld err.tpl kwic2.txt err.kwic2 suggest2.txt err.suggest2
# The messages quote with escapes: the duplicate id, the lost-words hint.
mkdir -p dup
printf 'id\tfile\toutlet\tdate\ttitle\n%s\ta.txt\tX\t2015-01-01\tT\n%s\ta.txt\tX\t2015-01-01\tT\n' \
	"$OSC" "$OSC" >dup/manifest.tsv
echo "The claims are groundless, the ministry said." >dup/a.txt
$FRAMING score dup -o out3 2>err.dup && fail "duplicate ids accepted"
clean err.dup
grep -qF "duplicate id '\x1b]0;PWN\x07'" err.dup || { cat err.dup; fail "duplicate id not quoted with escapes"; }
mkdir -p "lost${bad}/Out"
{
	i=1
	while [ $i -le 40 ]; do echo "Menu item $i"; i=$((i + 1)); done
	echo "The claims are groundless, the ministry said on Monday in a statement."
} >"lost${bad}/Out/a.txt"
$FRAMING score -q "lost${bad}" -o out4 2>err.lost || { cat err.lost; fail "score of a menu page failed"; }
grep -q 'lost more than' err.lost || { cat err.lost; fail "no lost-words message"; }
clean err.lost
grep -qF 'lostX\x1b[2J' err.lost || { cat err.lost; fail "lost-words message: the folder not quoted with escapes"; }
echo ok
