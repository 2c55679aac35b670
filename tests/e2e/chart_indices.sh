#!/bin/sh
# Issue 15, items 1 and 4 (the chart side): the charts and the report take
# the indices and the voice chart's categories from categories.tsv in the
# stats folder (contract15.md), never from category names in the code.
# categories.tsv is written by hand here, beside the seeds' tables:
#   1. stance declared, @voice on accusatory only: the stance charts as
#      before (the formula on the axis), a voice panel for accusatory only;
#   2. no index: no index chart and no timeline, a line each, in charts.tsv,
#      on stderr and in the report;
#   3. a second index (a column added to scores.tsv): its charts, in order,
#      or, where scoretab reads stance only, a reason; stale files removed;
#   4. an index named as another chart does not take its files.
. "$ROOT/tests/e2e/hostile.lib"
command -v gnuplot >/dev/null 2>&1 || { echo "gnuplot is not installed"; exit 77; }
S=$ROOT/corpus/seeds
# The shipped lexicons, named: a binary outside bin/ (SAN=1) has no default.
SHIPPED="-l $ROOT/lexicons/stance.lex -l $ROOT/lexicons/actors.lex"

"$FRAMING" score -q $SHIPPED "$S" -o "$T/o" && "$FRAMING" stats -q "$T/o/scores.tsv" -o "$T/o" ||
	fail "score, stats"
# decl VOICE INDEX...: categories.tsv of the shipped lexicons; VOICE the
# categories marked voice yes; each INDEX a line "name kind a b".
decl() {
	voice=$1; shift
	printf 'name\trole\tweighted\tvoice\tdefinition\tdescription\n'
	# In the order of scores.tsv's categories, as score writes it.
	for k in $(head -1 "$T/o/scores.tsv" | tr '\t' '\n' | sed -n 's/_matches$//p'); do
		case " $voice " in *" $k "*) v=yes ;; *) v=no ;; esac
		case $k in china|us) r=actor v=no ;; *) r=category ;; esac
		printf '%s\t%s\tno\t%s\t-\tsome words\n' $k $r $v
	done
	for ix in "$@"; do
		set -- $ix
		printf '%s\tindex\t-\t-\t%s %s %s\t-\n' "$1" "$2" "$3" "$4"
	done
}
# no_gnuplot FILE: no line of gnuplot's reached the terminal.
no_gnuplot() {
	! grep -E 'line [0-9]+:|warning: Skipping|gnuplot>' "$1" || fail "gnuplot's messages in $1"
}

# 1. Stance declared; the voice chart of accusatory only.
decl accusatory "stance log-ratio accusatory conciliatory" >"$T/o/categories.tsv"
"$FRAMING" chart -i "$T/o" -o "$T/c1" --format svg 2>"$T/err" || { cat "$T/err"; fail "chart 1"; }
[ ! -s "$T/err" ] || { cat "$T/err"; fail "chart 1: messages"; }
grep -q '<text>stance = log((accusatory + 0.5) / (conciliatory + 0.5))</text>' "$T/c1/stance.svg" ||
	fail "stance.svg: no formula on the axis"
grep -q '<text>← more conciliatory</text>' "$T/c1/stance.svg" &&
	grep -q '<text>more accusatory →</text>' "$T/c1/stance.svg" || fail "stance.svg: ends"
grep -q '<text>Stance of every article, by outlet</text>' "$T/c1/stance_articles.svg" ||
	fail "stance_articles.svg: title"
grep -q '<text>Stance of every article over time</text>' "$T/c1/timeline.svg" || fail "timeline: title"
grep -q '<text>accusatory</text>' "$T/c1/voice.svg" || fail "voice: no panel accusatory"
for k in conciliatory distancing china us; do
	grep -q "<text>$k</text>" "$T/c1/voice.svg" && fail "voice: a panel $k, not marked voice"
done
[ "$(cut -f1,2 "$T/c1/charts.tsv" | tr '\t\n' ': ')" = \
  "chart:drawn stance:1 categories:1 stance_articles:1 timeline:1 keyness:1 voice:1 " ] ||
	{ cat "$T/c1/charts.tsv"; fail "charts.tsv 1"; }
# No category marked voice: no voice chart, and why.
decl "" "stance log-ratio accusatory conciliatory" >"$T/o/categories.tsv"
"$FRAMING" chart -i "$T/o" -o "$T/c1b" --format svg 2>"$T/err" || fail "chart 1b"
grep -qx "framing: warning: no voice chart: no category of categories.tsv has voice yes (an @voice line names them)" \
	"$T/err" || { cat "$T/err"; fail "voice: no reason"; }

# 2. No index declared.
decl "accusatory conciliatory" >"$T/o/categories.tsv"
"$FRAMING" chart -i "$T/o" -o "$T/c2" --format svg 2>"$T/err" || { cat "$T/err"; fail "chart 2"; }
no_gnuplot "$T/err"
[ "$(cat "$T/err")" = "framing: warning: no index chart: the lexicons declare no index (an @index line declares one)
framing: warning: no timeline chart: it shows an index, and there is none" ] || { cat "$T/err"; fail "chart 2: stderr"; }
ls "$T/c2" | grep -q '^stance' && fail "an index chart without an index"
grep -qx "index${tab}0${tab}the lexicons declare no index (an @index line declares one)" "$T/c2/charts.tsv" ||
	fail "charts.tsv 2"

# 3. Two indices: stance and blame, a column added to scores.tsv by hand
# (accusatory_rate - distancing_rate), stats run again. Where scoretab
# reads only stance (before contract15's scoretab), blame's charts are
# missing with that reason; where it reads every index, they are drawn.
awk -F"$tab" -v OFS="$tab" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; print $0, "blame"; next }
	{ print $0, $c["accusatory_rate"] - $c["distancing_rate"] }' "$T/o/scores.tsv" >"$T/o/s2" &&
	mv "$T/o/s2" "$T/o/scores.tsv" && rm "$T/o/run.tsv" || fail "blame column"
decl "accusatory" "stance log-ratio accusatory conciliatory" "blame difference accusatory distancing" \
	>"$T/o/categories.tsv"
"$FRAMING" stats -q "$T/o/scores.tsv" -o "$T/o" 2>"$T/err" || { cat "$T/err"; fail "stats 3"; }
decl "accusatory" "stance log-ratio accusatory conciliatory" "blame difference accusatory distancing" \
	>"$T/o/categories.tsv"
mkdir "$T/c3" && : >"$T/c3/blame.svg" && : >"$T/c3/articles.svg"
"$FRAMING" chart -i "$T/o" -o "$T/c3" --format svg 2>"$T/err" || { cat "$T/err"; fail "chart 3"; }
no_gnuplot "$T/err"
if cut -f2 "$T/o/outlets.tsv" | grep -qx blame; then
	for f in blame blame_articles; do
		grep -qx "$f${tab}1${tab}" "$T/c3/charts.tsv" && [ -s "$T/c3/$f.svg" ] || fail "$f not drawn"
	done
	grep -q '<text>blame = accusatory - distancing per 1,000 tokens</text>' "$T/c3/blame.svg" ||
		fail "blame.svg: formula"
	grep -q '<text>more accusatory →</text>' "$T/c3/blame.svg" || fail "blame.svg: ends"
else
	for f in blame blame_articles; do
		grep -qx "framing: warning: no $f chart: scores.tsv has no blame column" "$T/err" ||
			{ cat "$T/err"; fail "no reason for $f"; }
		[ ! -e "$T/c3/$f.svg" ] || fail "$f.svg drawn or left stale"
	done
fi
[ ! -e "$T/c3/articles.svg" ] || fail "an older framing's articles.svg left stale"
[ -s "$T/c3/stance.svg" ] && [ -s "$T/c3/stance_articles.svg" ] || fail "stance charts"
[ "$(cut -f1 "$T/c3/charts.tsv" | tr '\n' ' ')" = \
  "chart stance blame categories stance_articles blame_articles timeline keyness voice " ] ||
	{ cat "$T/c3/charts.tsv"; fail "charts.tsv 3: order"; }
grep -q '<text>Stance of every article over time</text>' "$T/c3/timeline.svg" ||
	fail "timeline: not of the first index"

# 4. An index named as another chart has files index_NAME.
sed "1s/${tab}blame\$/${tab}voice/" "$T/o/scores.tsv" >"$T/o/s2" && mv "$T/o/s2" "$T/o/scores.tsv" && rm "$T/o/run.tsv"
decl "accusatory" "voice difference accusatory distancing" >"$T/o/categories.tsv"
"$FRAMING" stats -q "$T/o/scores.tsv" -o "$T/o" 2>"$T/err" || { cat "$T/err"; fail "stats 4"; }
decl "accusatory" "voice difference accusatory distancing" >"$T/o/categories.tsv"
"$FRAMING" chart -i "$T/o" -o "$T/c4" --format svg 2>"$T/err" || { cat "$T/err"; fail "chart 4"; }
grep -q "^index_voice${tab}" "$T/c4/charts.tsv" && grep -q "^index_voice_articles${tab}" "$T/c4/charts.tsv" ||
	{ cat "$T/c4/charts.tsv"; fail "index voice: names"; }
grep -qx "voice${tab}1${tab}" "$T/c4/charts.tsv" && grep -q '<text>accusatory</text>' "$T/c4/voice.svg" ||
	fail "the voice chart"
echo ok
