# Issue 17, stories found by framing: score + stats --stories on a corpus of
# invented articles with known stories (tests/e2e/stories_corpus.py) must
# match them (adjusted Rand index >= 0.9, by tests/e2e/ari.awk and, when R
# has mclust, by mclust::adjustedRandIndex beside it); the seeds' two "hard
# to resume talks" articles are one story and nothing else is; shards scored
# apart give the stories of the whole; -j does not change a byte; wire
# copies are in one story; run.tsv records stories.tsv and the parameters.
. "$ROOT/tests/e2e/hostile.lib"
cd "$ROOT" || exit 1
command -v python3 >/dev/null 2>&1 || { echo "python3 is missing"; exit 77; }

quiet="--bootstrap 0 --permutations 0 -q"

# -- the seeds
"$FRAMING" score corpus/seeds -o "$T/seeds" -q || fail "score seeds"
"$FRAMING" stats "$T/seeds/scores.tsv" -o "$T/seeds" --stories $quiet || fail "stats seeds"
# the whole stories.tsv: the talks (a day apart) are one story, the three
# others, all about China, the US and cyber security, one story each
cat > "$T/seeds.expect" <<'EOF'
id	story	size	outlets	first_date	last_date	top_terms
cd-2013-06-04	1	1	1	2013-06-04	2013-06-04	attacks china chinese cybersecurity dialogue
ptv-2014-10-19	2	2	2	2014-10-19	2014-10-20	china cooperation cyber security bilateral
cd-2014-10-20	2	2	2	2014-10-19	2014-10-20	china cooperation cyber security bilateral
cd-2015-09-11	3	1	1	2015-09-11	2015-09-11	attacks china cooperation cyber groundless
sp-2015-09-17	4	1	1	2015-09-17	2015-09-17	china chinese cyberspace mutual online
EOF
cmp -s "$T/seeds.expect" "$T/seeds/stories.tsv" \
	|| fail "seeds: stories.tsv is not as expected: $(diff "$T/seeds.expect" "$T/seeds/stories.tsv")"
grep -q "^[^	]*	[^	]*	story-window	3$" "$T/seeds/run.tsv" || fail "run.tsv: no story-window"
grep -q "^[^	]*	output	stories.tsv	" "$T/seeds/run.tsv" || fail "run.tsv: stories.tsv not an output"
# signatures.tsv keeps its columns and adds the story's
head -n 1 "$T/seeds/signatures.tsv" | grep -qx "id	outlet	date	signature	content_words	story_signature	top_terms" \
	|| fail "signatures.tsv header: $(head -n 1 "$T/seeds/signatures.tsv")"
# without --stories no stories.tsv, and an old one is not left beside new tables
"$FRAMING" stats "$T/seeds/scores.tsv" -o "$T/seeds" $quiet || fail "stats seeds without --stories"
[ ! -e "$T/seeds/stories.tsv" ] || fail "an old stories.tsv left beside tables without --stories"

# -- ari.awk itself, on labellings small enough to check by hand:
# R: mclust::adjustedRandIndex(c("a","a","a","b","b","c","c","c","d"),
#                              c(1,1,2,2,2,3,3,3,4)) = 0.645320
printf 'id\tstory\n1\ta\n2\ta\n3\ta\n4\tb\n5\tb\n6\tc\n7\tc\n8\tc\n9\td\n' > "$T/t9"
printf 'id\tstory\tsize\n1\t1\t.\n2\t1\t.\n3\t2\t.\n4\t2\t.\n5\t2\t.\n6\t3\t.\n7\t3\t.\n8\t3\t.\n9\t4\t.\n' > "$T/f9"
[ "$(awk -f tests/e2e/ari.awk "$T/t9" "$T/f9")" = 0.645320 ] \
	|| fail "ari.awk: $(awk -f tests/e2e/ari.awk "$T/t9" "$T/f9"), mclust 0.645320"
# the same labels found: 1 (R: adjustedRandIndex(x, x) = 1)
[ "$(awk -f tests/e2e/ari.awk "$T/t9" "$T/t9")" = 1.000000 ] || fail "ari.awk: a labelling against itself"

# -- the corpus of known stories
python3 tests/e2e/stories_corpus.py "$T/c" 17 || fail "stories_corpus.py"
"$FRAMING" score "$T/c" -o "$T/o" -q || fail "score"
"$FRAMING" stats "$T/o/scores.tsv" -o "$T/s" --stories $quiet || fail "stats --stories"
ari=$(awk -f tests/e2e/ari.awk "$T/c/truth.tsv" "$T/s/stories.tsv") || fail "ari.awk"
awk -v a="$ari" 'BEGIN { exit !(a >= 0.9) }' || fail "adjusted Rand index $ari < 0.9"
echo "adjusted Rand index: $ari"
# the oracle: R's mclust (Scrucca et al.), the same index computed apart
if command -v Rscript >/dev/null 2>&1 && Rscript -e 'library(mclust)' >/dev/null 2>&1; then
	cat > "$T/ari.R" <<'EOF'
suppressMessages(library(mclust))
a <- commandArgs(TRUE)
t <- read.delim(a[1], colClasses = "character")
s <- read.delim(a[2], colClasses = "character")
m <- merge(t, s, by = "id")
stopifnot(nrow(m) == nrow(t), nrow(m) == nrow(s))
cat(sprintf("%.6f\n", adjustedRandIndex(m$story.x, m$story.y)))
EOF
	r=$(Rscript "$T/ari.R" "$T/c/truth.tsv" "$T/s/stories.tsv") || fail "Rscript"
	awk -v a="$ari" -v r="$r" 'BEGIN { d = a - r; exit !(d < 1e-6 && d > -1e-6) }' \
		|| fail "ari.awk says $ari, mclust::adjustedRandIndex $r"
else
	echo "skip: R's mclust, the second computation of the index"
fi
# the wire copy (in duplicates.tsv) is in its story; the story whose words
# come back 30 days later is two stories
copy=$(awk -F'\t' '$2 == "s00"' "$T/c/truth.tsv" | tail -n 1 | cut -f1)
grep -q "$copy" "$T/s/duplicates.tsv" || fail "the wire copy $copy is not in duplicates.tsv"
first=$(awk -F'\t' '$2 == "s00"' "$T/c/truth.tsv" | head -n 1 | cut -f1)
[ "$(awk -F'\t' -v a="$first" -v b="$copy" '$1 == a || $1 == b { print $2 }' "$T/s/stories.tsv" | sort -u | wc -l)" -eq 1 ] \
	|| fail "the wire copy $copy is not in the story of $first"
later=$(awk -F'\t' '$2 == "s01-later"' "$T/c/truth.tsv" | head -n 1 | cut -f1)
early=$(awk -F'\t' '$2 == "s01"' "$T/c/truth.tsv" | head -n 1 | cut -f1)
[ "$(awk -F'\t' -v a="$early" -v b="$later" '$1 == a || $1 == b { print $2 }' "$T/s/stories.tsv" | sort -u | wc -l)" -eq 2 ] \
	|| fail "the story 30 days later ($later) joined the first ($early)"

# -- -j does not change a byte
for j in 1 2 4; do
	"$FRAMING" stats "$T/o/scores.tsv" -o "$T/s1" --stories $quiet -j $j || fail "stats -j $j"
	cmp -s "$T/s/stories.tsv" "$T/s1/stories.tsv" || fail "stories.tsv differs with -j $j"
done

# -- shards scored apart: the same stories as the whole
awk 'NR == 1 || NR % 2 == 0' "$T/c/manifest.tsv" > "$T/m1"
awk 'NR == 1 || NR % 2 == 1' "$T/c/manifest.tsv" > "$T/m2"
cp "$T/m1" "$T/c/manifest.tsv"
"$FRAMING" score "$T/c" -o "$T/sh1" -q || fail "score shard 1"
cp "$T/m2" "$T/c/manifest.tsv"
"$FRAMING" score "$T/c" -o "$T/sh2" -q || fail "score shard 2"
"$FRAMING" stats "$T/sh1/scores.tsv" "$T/sh2/scores.tsv" -o "$T/s2" --stories $quiet \
	|| fail "stats --stories on two shards"
cmp -s "$T/s/stories.tsv" "$T/s2/stories.tsv" || fail "two shards give other stories than the whole"
"$FRAMING" stats "$T/sh2/scores.tsv" "$T/sh1/scores.tsv" -o "$T/s2" --stories $quiet -j 2 \
	|| fail "stats --stories on two shards, the other order"
cmp -s "$T/s/stories.tsv" "$T/s2/stories.tsv" || fail "shards in the other order give other stories"

# -- stories.tsv cannot be written (a file size limit): a failed run, 1, not a usage error
(ulimit -f 8 && exec "$FRAMING" stats "$T/o/scores.tsv" -o "$T/sx" --stories $quiet) 2>"$T/err"
st=$?
[ $st = 1 ] || fail "stories.tsv over ulimit -f: status $st: $(cat "$T/err")"
grep -q "File too large" "$T/err" || fail "stories.tsv over ulimit -f: $(cat "$T/err")"

# -- the options and the refusals
expect 2 "story-threshold" -- stats "$T/o/scores.tsv" -o "$T/x" --stories --story-threshold 1.5
expect 2 "story-window" -- stats "$T/o/scores.tsv" -o "$T/x" --stories --story-window -1
"$FRAMING" stats "$T/o/scores.tsv" -o "$T/s3" --stories --story-window 0 --story-threshold 0.9 $quiet \
	|| fail "stats --story-window 0"
[ "$(cut -f2 "$T/s3/stories.tsv" | sort -u | wc -l)" -gt "$(cut -f2 "$T/s/stories.tsv" | sort -u | wc -l)" ] \
	|| fail "a narrower window and a higher threshold did not split stories"
# signatures.tsv of an older framing (no story columns, no run.tsv): refused, saying why
cut -f1-4 "$T/o/signatures.tsv" > "$T/old.tsv" && cp "$T/old.tsv" "$T/o/signatures.tsv"
rm -f "$T/o/run.tsv"
expect 2 "no column 'content_words' (score again" -- stats "$T/o/scores.tsv" -o "$T/x" --stories
exit 0
