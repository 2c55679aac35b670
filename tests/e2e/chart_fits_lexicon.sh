#!/bin/sh
# Charts and report that fit the lexicon (issue 15, item 4), tried as a new
# user would: a lexicon of its own (bullish, bearish, hedged, confident) on
# the seeds, a corpus of a few days, of one date, without dates, one where
# nothing matches, eight categories, and --by wire. Before: the stance,
# articles and timeline charts came out empty (the timeline's axis read
# "31/12/69 23:59"), gnuplot printed "line 2: warning: Skipping data file
# with no valid points" ten times, the voice chart had accusatory only, a
# timeline of five days had one tic "2015-09", and keyness drew an empty
# panel per wire.
. "$ROOT/tests/e2e/hostile.lib"
command -v gnuplot >/dev/null 2>&1 || { echo "gnuplot is not installed"; exit 77; }
S=$ROOT/corpus/seeds
# The shipped lexicons, named: a binary outside bin/ (SAN=1) has no default.
SHIPPED="-l $ROOT/lexicons/stance.lex -l $ROOT/lexicons/actors.lex"

# corpus NAME AWK: the seeds with the manifest's date column (5) set by AWK.
corpus() {
	mkdir "$T/$1" && cp "$S"/*.txt "$T/$1/" &&
	awk -F"$tab" -v OFS="$tab" "NR == 1 { print; next } { n++; $2; print }" \
		"$S/manifest.tsv" >"$T/$1/manifest.tsv" || fail "corpus $1"
}
# no_gnuplot FILE: no line of gnuplot's reached the terminal.
no_gnuplot() {
	! grep -E 'line [0-9]+:|warning: Skipping|gnuplot>' "$1" || fail "gnuplot's messages in $1"
}

cat >"$T/mine.lex" <<'EOF'
[bullish] Optimism.
cooperation
agree*
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
EOF

# 1. A lexicon without an index: no index chart, no timeline (it shows
# the first index), and one line for each, the same in the report; the
# others drawn. (Why: "the lexicons declare no index" once score writes
# categories.tsv, "outlets.tsv has no index" from the tables alone.)
"$FRAMING" report "$S" -l "$T/mine.lex" -o "$T/mine" 2>"$T/err" || { cat "$T/err"; fail "report mine"; }
no_gnuplot "$T/err"
for f in stance stance_articles index timeline; do
	[ ! -e "$T/mine/$f.svg" ] && [ ! -e "$T/mine/$f.png" ] || fail "$f drawn from no data"
done
grep -Eqx "framing: warning: no index chart: (the lexicons declare no index \(an @index line declares one\)|outlets.tsv has no index)" "$T/err" ||
	{ cat "$T/err"; fail "no note for the index"; }
grep -qx "framing: warning: no timeline chart: it shows an index, and there is none" "$T/err" ||
	{ cat "$T/err"; fail "no note for the timeline"; }
grep -Eq '<p class="na missing" id="chart-index">No index chart: (the lexicons declare no index|outlets.tsv has no index)' \
	"$T/mine/report.html" || fail "report: no line for the index"
grep -q '<p class="na missing" id="chart-timeline">No timeline chart: it shows an index, and there is none.</p>' \
	"$T/mine/report.html" || fail "report: no line for the timeline"
[ "$(grep -c 'no .* chart:' "$T/err")" -eq 2 ] || { cat "$T/err"; fail "not one line per missing chart"; }
grep -qx "timeline${tab}0${tab}it shows an index, and there is none" "$T/mine/charts.tsv" || fail "charts.tsv"
for f in categories keyness voice; do
	grep -qx "$f${tab}1${tab}" "$T/mine/charts.tsv" || fail "charts.tsv: $f"
done
# Bars of 10 and a whisker of a 3-article group to 190: the axis is set by
# the bars (4 times the tallest), the whisker cut at the top, and said so.
grep -q 'whiskers: 95% interval (HC1), cut at the top</text>' "$T/mine/categories.svg" ||
	fail "categories: axis set by a whisker"
# The summary has no index column, and says why in one line.
grep -q '<th class="n">stance</th>' "$T/mine/report.html" && fail "report: a stance column"
[ "$(grep -Ec 'no index column and no index chart' "$T/mine/report.html")" -eq 1 ] ||
	fail "report: no line saying there is no index"
# The voice chart: a panel (its title) for each category of the lexicon, all matched.
for k in bullish bearish hedged confident; do
	grep -q "<text>$k</text>" "$T/mine/voice.svg" || fail "voice: no panel $k"
done
grep -q "<svg" "$T/mine/report.html" || fail "report without a chart"

# 2. framing chart alone: one note per missing chart, none of gnuplot.
"$FRAMING" chart -i "$T/mine" -o "$T/mine2" --format svg 2>"$T/err" || fail "chart mine"
no_gnuplot "$T/err"
[ "$(wc -l <"$T/err")" -eq 2 ] || { cat "$T/err"; fail "chart: not 2 lines"; }

# 3. A few days: day tics, each date once; no 1970 anywhere.
corpus days '$5 = "2015-09-1" n'
"$FRAMING" report -q $SHIPPED "$T/days" -o "$T/days.out" || fail "report days"
tics=$(grep -o '<text>20[0-9-]*</text>' "$T/days.out/timeline.svg" | tr '\n' ' ')
[ "$tics" = "<text>2015-09-11</text> <text>2015-09-12</text> <text>2015-09-13</text> <text>2015-09-14</text> <text>2015-09-15</text> " ] ||
	fail "day tics: $tics"
grep -q '>[^<]*19[67][0-9][^<]*<' "$T/days.out/timeline.svg" && fail "a 1970 on the axis"
# Months and years still: the seeds span 2013-06 to 2015-09, tics at years.
"$FRAMING" report -q $SHIPPED "$S" -o "$T/seeds.out" || fail "report seeds"
[ "$(grep -o '<text>20[0-9-]*</text>' "$T/seeds.out/timeline.svg" | tr '\n' ' ')" = \
  "<text>2014</text> <text>2015</text> " ] || fail "year tics"
grep -q 'whiskers: 95% interval (HC1)</text>' "$T/seeds.out/categories.svg" ||
	fail "seeds' categories: whiskers cut"
corpus months '$5 = "2015-0" n + 2 "-10"'
"$FRAMING" report -q $SHIPPED "$T/months" -o "$T/months.out" || fail "report months"
grep -q '<text>2015-03</text>' "$T/months.out/timeline.svg" &&
	grep -q '<text>2015-07</text>' "$T/months.out/timeline.svg" || fail "month tics"

# 4. One date: drawn around it, one tic.
corpus one '$5 = "2015-09-11"'
"$FRAMING" report -q $SHIPPED "$T/one" -o "$T/one.out" || fail "report one"
[ "$(grep -o '<text>20[0-9-]*</text>' "$T/one.out/timeline.svg")" = "<text>2015-09-11</text>" ] ||
	fail "one date: tics"

# 5. No date: no timeline, and why.
corpus nodate '$5 = ""'
"$FRAMING" report $SHIPPED "$T/nodate" -o "$T/nodate.out" 2>"$T/err" || fail "report nodate"
no_gnuplot "$T/err"
[ ! -e "$T/nodate.out/timeline.svg" ] || fail "timeline without dates"
grep -qx "framing: warning: no timeline chart: no article with a stance value has a date" "$T/err" ||
	{ cat "$T/err"; fail "no note for the timeline"; }
grep -q 'No timeline chart: no article with a stance value has a date.</p>' "$T/nodate.out/report.html" ||
	fail "report: no line for the timeline"
# A date as a reader sees it: a chart's text or the report's words, not
# the coordinates, hashes and run ids (long hex, dropped first), which hold
# any four digits (CI once found "1970" in one of them).
sed -E 's/[0-9a-f]{12,}//g' "$T/nodate.out"/*.svg "$T/nodate.out/report.html" |
	grep -q '>[^<]*\(1970\|31/12/69\)[^<]*<' && fail "1970 in the output"

# 6. Nothing matches: no categories or voice chart.
printf '[never] None.\nzzyzx\n[nor] None.\nqqxq\n' >"$T/none.lex"
"$FRAMING" report "$S" -l "$T/none.lex" -o "$T/none" 2>"$T/err" || fail "report none"
no_gnuplot "$T/err"
for f in categories voice; do
	[ ! -e "$T/none/$f.svg" ] || fail "$f drawn without a match"
	grep -q "No $f chart: no lexicon entry matched.</p>" "$T/none/report.html" ||
		fail "report: no line for $f"
done

# 7. Eight categories: a voice panel each (the ones that matched), one chart.
{
	for k in c1 c2 c3 c4 c5 c6 c7 c8; do printf '[%s] C.\n' $k; done
} | awk -v w="china us talks cyber security said the and" '
	BEGIN { n = split(w, a, " ") } /^\[/ { i++; print; print a[i] }' >"$T/eight.lex"
"$FRAMING" report -q "$S" -l "$T/eight.lex" -o "$T/eight" || fail "report eight"
[ "$(grep -c '<text>c[1-8]</text>' "$T/eight/voice.svg")" -eq 8 ] || fail "voice: not 8 panels"
grep -q '<svg' "$T/eight/voice.svg" || fail "voice.svg"

# 8. --by wire: keyness is by outlet, so its panels are the outlets, not empty wires.
"$FRAMING" report -q --by wire -l "$ROOT/lexicons/stance.lex" "$S" -o "$T/wire" || fail "report wire"
grep -q 'no words in keyness' "$T/wire/keyness.svg" && fail "an empty keyness panel"
for o in 'China Daily' 'Press TV' 'Sputnik'; do
	grep -q "<text>$o</text>" "$T/wire/keyness.svg" || fail "keyness: no panel $o"
done
grep -q 'keyness is always by outlet' "$T/wire/keyness.svg" || fail "keyness: no note of outlets"
# The per-article chart's legend names the grouping, as its subtitle does.
grep -q '<text>mean of the wire</text>' "$T/wire/stance_articles.svg" || fail "articles: legend not by wire"
echo ok
