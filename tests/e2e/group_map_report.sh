# Issue 19, item 5: --group-map reaches every step that groups: framing
# report regroups the seeds' outlets into two countries for the stats,
# the charts and the report alike, and framing chart after framing stats
# --group-map draws the same groups; without the map, chart's per-article
# charts would group by outlet beside tables grouped by country.
. "$ROOT/tests/e2e/hostile.lib"
command -v gnuplot >/dev/null 2>&1 || { echo "skip: gnuplot missing"; exit 77; }
lex="-l $ROOT/lexicons/stance.lex -l $ROOT/lexicons/actors.lex"
printf 'outlet\tgroup\nChina Daily\tChina\nPress TV\tIran\n' > "$T/map.tsv"

expect 0 "" -- report -q $lex "$ROOT/corpus/seeds" --group-map "$T/map.tsv" -o "$T/r"
# Sputnik is not in the map: it stays itself (a warning says so, hidden by -q).
[ "$(cut -f1 "$T/r/outlets.tsv" | sort -u | tr '\n' ',')" = "China,Iran,Sputnik,group," ] ||
	fail "outlets.tsv groups: $(cut -f1 "$T/r/outlets.tsv" | sort -u | tr '\n' ' ')"
awk -F'\t' '$1 == "China" && $2 == "stance" && $3 == 3 { f = 1 } END { exit !f }' "$T/r/outlets.tsv" ||
	fail "China is not the 3 China Daily articles"
for g in China Iran Sputnik; do
	grep -q ">$g (" "$T/r/articles.svg" || fail "articles.svg has no $g"
	grep -q "<td>$g" "$T/r/report.html" || fail "report.html has no row of $g"
done
grep -q "China Daily" "$T/r/articles.svg" && fail "articles.svg groups by outlet beside tables by country"

# stats then chart, each given the map.
expect 0 "" -- score -q $lex "$ROOT/corpus/seeds" -o "$T/s"
expect 0 "" -- stats -q "$T/s/scores.tsv" --group-map "$T/map.tsv" --unmapped-na -o "$T/s"
[ "$(cut -f1 "$T/s/outlets.tsv" | sort -u | tr '\n' ',')" = "China,Iran,NA,group," ] ||
	fail "--unmapped-na: $(cut -f1 "$T/s/outlets.tsv" | sort -u | tr '\n' ' ')"
expect 0 "" -- chart -q -i "$T/s" --group-map "$T/map.tsv" --unmapped-na
grep -q ">Iran (" "$T/s/articles.svg" || fail "chart --group-map: no Iran in articles.svg"
grep -q "Press TV" "$T/s/articles.svg" && fail "chart --group-map: articles.svg by outlet"
echo ok
