# Issue 19, item 5: --group-map reaches every step that groups: framing
# report regroups the seeds' outlets into two countries for the stats,
# the charts and the report alike, and framing chart after framing stats
# --group-map draws the same groups; without the map, chart's per-article
# charts would group by outlet beside tables grouped by country.
. "$ROOT/tests/e2e/hostile.lib"
command -v gnuplot >/dev/null 2>&1 || { echo "skip: gnuplot missing"; exit 77; }
lex="-l $ROOT/lexicons/stance.lex -l $ROOT/lexicons/actors.lex"
printf 'outlet\tcountry\nChina Daily\tChina\nPress TV\tIran\n' > "$T/map.tsv"

expect 0 "" -- report -q $lex "$ROOT/corpus/seeds" --group-map "$T/map.tsv" -o "$T/r"
# Sputnik is not in the map: it stays itself (a warning says so, hidden by -q).
[ "$(cut -f1 "$T/r/outlets.tsv" | sort -u | tr '\n' ',')" = "China,Iran,Sputnik,group," ] ||
	fail "outlets.tsv groups: $(cut -f1 "$T/r/outlets.tsv" | sort -u | tr '\n' ' ')"
awk -F'\t' '$1 == "China" && $2 == "stance" && $3 == 3 { f = 1 } END { exit !f }' "$T/r/outlets.tsv" ||
	fail "China is not the 3 China Daily articles"
for g in China Iran Sputnik; do
	grep -q ">$g (" "$T/r/stance_articles.svg" || fail "stance_articles.svg has no $g"
	grep -q "<td>$g" "$T/r/report.html" || fail "report.html has no row of $g"
done
grep -q "China Daily" "$T/r/stance_articles.svg" && fail "stance_articles.svg groups by outlet beside tables by country"

# Titles name what the map makes of a group (its second column: country).
grep -q "Stance of every article, by country" "$T/r/stance_articles.svg" || fail "stance_articles.svg title: not by country"
grep -q "groups (grouped by country)" "$T/r/report.html" || fail "report.html: not grouped by country"
grep -q "regrouped by --group-map" "$T/r/report.html" || fail "report.html: the map is not named"
# stats then chart, each given the map.
expect 0 "" -- score -q $lex "$ROOT/corpus/seeds" -o "$T/s"
expect 0 "" -- stats -q "$T/s/scores.tsv" --group-map "$T/map.tsv" --unmapped-na -o "$T/s"
[ "$(cut -f1 "$T/s/outlets.tsv" | sort -u | tr '\n' ',')" = "China,Iran,NA,group," ] ||
	fail "--unmapped-na: $(cut -f1 "$T/s/outlets.tsv" | sort -u | tr '\n' ' ')"
expect 0 "" -- chart -q -i "$T/s" --group-map "$T/map.tsv" --unmapped-na
grep -q ">Iran (" "$T/s/stance_articles.svg" || fail "chart --group-map: no Iran in stance_articles.svg"
grep -q "Press TV" "$T/s/stance_articles.svg" && fail "chart --group-map: articles.svg by outlet"
# chart must group as stats did: without the map beside tables made with
# it (rows of countries without their articles' dots), or the other way.
expect 2 "was grouped with --group-map" -- chart -q -i "$T/s" -o "$T/c1"
expect 0 "" -- stats -q "$T/s/scores.tsv" -o "$T/plain"
expect 2 "was grouped without --group-map" -- chart -q -i "$T/plain" -o "$T/c2" --group-map "$T/map.tsv"
# --unmapped-na alone is a mistake, not a no-op.
expect 2 "--unmapped-na goes with --group-map" -- stats -q "$T/s/scores.tsv" --unmapped-na -o "$T/u"
echo ok
