#!/bin/sh
# Issue 15, acceptance: "framing report" with only a user lexicon (no
# stance.lex): bullish, bearish, hedged, confident, with
#   @index tone = difference bullish bearish
# then a second index, @index mood = log-ratio confident hedged. No empty
# chart, no line of gnuplot's on stderr, every missing chart listed with
# its reason (charts.tsv, stderr, the report), each index with its two
# charts, its column in the summary, its formula, and the first index in
# the timeline. Needs score to write the index columns and categories.tsv
# (contract15.md); skipped with the reason where it does not yet.
. "$ROOT/tests/e2e/hostile.lib"
command -v gnuplot >/dev/null 2>&1 || { echo "gnuplot is not installed"; exit 77; }
S=$ROOT/corpus/seeds

# no_gnuplot FILE: no line of gnuplot's reached the terminal.
no_gnuplot() {
	! grep -E 'line [0-9]+:|warning: Skipping|gnuplot>|^ *\^' "$1" || fail "gnuplot's messages in $1"
}

# check DIR ERR INDEX...: the report of DIR (its stderr in ERR) has the
# charts of each INDEX; every chart not drawn is listed with a reason.
check() {
	d=$1 err=$2; shift 2
	no_gnuplot "$err"
	[ -s "$d/charts.tsv" ] || fail "no charts.tsv"
	# Every chart of charts.tsv: drawn, with a plot in its SVG, or a reason
	# that stderr and the report give too.
	tail -n +2 "$d/charts.tsv" | while IFS="$tab" read -r name drawn note; do
		if [ "$drawn" = 1 ]; then
			[ -s "$d/$name.svg" ] && [ -s "$d/$name.png" ] || fail "$name: no files"
			grep -q '<path' "$d/$name.svg" || fail "$name.svg: nothing drawn"
			grep -q "id=\"chart-$name\"><svg\|<figure id=\"chart-$name\">" "$d/report.html" ||
				fail "report: no figure $name"
		else
			[ -n "$note" ] || fail "$name: not drawn, no reason"
			[ ! -e "$d/$name.svg" ] || fail "$name.svg left beside 'not drawn'"
			grep -qxF "framing: warning: no $name chart: $note" "$err" || fail "stderr: $name"
			grep -qF "id=\"chart-$name\">No $name chart: " "$d/report.html" || fail "report: $name"
		fi
	done || exit 1
	first=$1
	for ix in "$@"; do
		grep -qx "$ix${tab}1${tab}" "$d/charts.tsv" || fail "$ix not drawn"
		grep -qx "${ix}_articles${tab}1${tab}" "$d/charts.tsv" || fail "${ix}_articles not drawn"
		grep -q "<th class=\"n\">$ix</th>" "$d/report.html" || fail "summary: no column $ix"
		grep -q "<code>$ix</code> is the mean over articles of " "$d/report.html" ||
			fail "summary: no formula of $ix"
	done
	grep -q '<text>tone = bullish - bearish per 1,000 tokens</text>' "$d/tone.svg" ||
		fail "tone.svg: its formula"
	grep -q '<text>← more bearish</text>' "$d/tone.svg" || fail "tone.svg: its ends"
	grep -qx "timeline${tab}1${tab}" "$d/charts.tsv" || fail "no timeline"
	grep -q "<text>Tone of every article over time</text>" "$d/timeline.svg" ||
		fail "timeline: not of the first index"
	grep -q 'No index chart' "$d/report.html" && fail "report: 'no index' beside an index"
	for f in stance stance_articles articles; do
		[ ! -e "$d/$f.svg" ] || fail "$f.svg without stance.lex"
	done
}

cat >"$T/mine.lex" <<'LEX'
[bullish] Optimism.
cooperation
agree* = 2
resume
[bearish] Pessimism.
hard
difficult
stop
[hedged] Hedging.
may
could
[confident] Confidence.
will
must
@index tone = difference bullish bearish
LEX
"$FRAMING" report "$S" -l "$T/mine.lex" -o "$T/one" 2>"$T/err1" || { cat "$T/err1"; fail "report one"; }
if ! head -1 "$T/one/scores.tsv" | tr '\t' '\n' | grep -qx tone || [ ! -e "$T/one/categories.tsv" ]; then
	echo "score writes no index column or categories.tsv yet (contract15.md, branch indices)"
	exit 77
fi
check "$T/one" "$T/err1" tone

# Two indices, one of each kind.
printf '@index mood = log-ratio confident hedged\n' >>"$T/mine.lex"
"$FRAMING" report "$S" -l "$T/mine.lex" -o "$T/two" 2>"$T/err2" || { cat "$T/err2"; fail "report two"; }
check "$T/two" "$T/err2" tone mood
grep -q '<text>mood = log((confident + 0.5) / (hedged + 0.5))</text>' "$T/two/mood.svg" ||
	fail "mood.svg: its formula"
[ "$(cut -f1 "$T/two/charts.tsv" | tr '\n' ' ')" = \
  "chart tone mood categories tone_articles mood_articles timeline keyness voice " ] ||
	{ cat "$T/two/charts.tsv"; fail "charts.tsv: the charts in order"; }
echo ok
