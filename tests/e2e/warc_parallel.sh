# Issue 14, item 5: the README recipe "Larger than one machine" for WARC
# files: one GNU parallel job per file, the shards merged by framing stats,
# give the statistics of one run over every file. Ids need no help:
# WARC-Record-ID is unique across files.
. "$ROOT/tests/e2e/hostile.lib"
command -v parallel >/dev/null 2>&1 || { echo "skip: GNU parallel not installed"; exit 77; }
command -v python3 >/dev/null 2>&1 || { echo "skip: python3 (tests/warc/mkwarc.py) missing"; exit 77; }
gen=$(dirname "$FRAMING")/gencorpus
[ -x "$gen" ] || gen=$ROOT/build/gencorpus
[ -x "$gen" ] || { echo "skip: gencorpus not built (make build/gencorpus)"; exit 77; }

# Web pages of ten outlets, in three WARC files (outlets split among them).
"$gen" -s 300K -f html -d "$ROOT/corpus/seeds" "$T/pages" 2>/dev/null || fail "gencorpus"
mkdir -p "$T/crawl" "$T/p0" "$T/p1" "$T/p2"
k=0
for d in "$T"/pages/*/; do
	mv "$d" "$T/p$((k % 3))/"
	k=$((k + 1))
done
for k in 0 1 2; do
	python3 "$ROOT/tests/warc/mkwarc.py" "$T/crawl/part$k.warc.gz" --layout member \
		--pages "$T/p$k" --first-id $((k * 100000)) || fail "mkwarc.py"
done

# The shipped lexicons, wherever the binary under test lives.
FRAMING_LEXICONS=$ROOT/lexicons
export FRAMING_LEXICONS
cd "$T"
# One run over every file.
"$FRAMING" templates -q --warc crawl/*.warc.gz -o templates.tsv 2>/dev/null || fail "templates --warc"
"$FRAMING" score -q -j 1 --templates templates.tsv --warc crawl/*.warc.gz -o one 2>/dev/null || fail "one run"
"$FRAMING" stats -q one/scores.tsv -o stats-one || fail "stats of one run"

# The recipe of README, as written there.
ls crawl/*.warc.gz | parallel --will-cite -j 2 \
	"$FRAMING" score -q -j 1 --templates templates.tsv --warc {} -o shards/{/.} 2>/dev/null \
	|| fail "parallel jobs"
[ "$(ls shards | wc -l)" = 3 ] || fail "three shards expected: $(ls shards)"
"$FRAMING" stats -q shards/*/scores.tsv -o stats-par || fail "stats of the shards"
for f in outlets compare tests keyness duplicates; do
	cmp stats-one/$f.tsv stats-par/$f.tsv || fail "parallel shards: $f.tsv differs from one run"
done
[ "$(tail -n +2 one/scores.tsv | wc -l)" -gt 50 ] || fail "too few articles: $(wc -l < one/scores.tsv)"
exit 0
