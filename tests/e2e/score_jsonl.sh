# Issue 6: JSON Lines input, the --stdout filter, threads and shards all give
# the same bytes as one run over the corpus folder.
set -eu
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$ROOT"
fail() { echo "FAIL: $*"; exit 1; }

"$FRAMING" score -q -j 1 corpus/seeds -o "$T/folder"
scripts/corpus2jsonl corpus/seeds > "$T/seeds.jsonl"
"$FRAMING" score -q -j 1 --jsonl "$T/seeds.jsonl" -o "$T/jsonl"
for f in scores matches terms; do
	cmp "$T/folder/$f.tsv" "$T/jsonl/$f.tsv" || fail "$f.tsv differs between folder and JSON Lines"
done

# Threads: same bytes for every -j.
for j in 2 3 8; do
	"$FRAMING" score -q -j $j --jsonl "$T/seeds.jsonl" -o "$T/j$j"
	for f in scores matches terms; do
		cmp "$T/jsonl/$f.tsv" "$T/j$j/$f.tsv" || fail "-j $j: $f.tsv differs"
	done
done

# The filter: stdin in, scores on stdout, matches and terms to files.
"$FRAMING" score -q --jsonl - --stdout --matches "$T/m.tsv" --terms "$T/t.tsv" \
	< "$T/seeds.jsonl" > "$T/s.tsv"
cmp "$T/s.tsv" "$T/jsonl/scores.tsv" || fail "--stdout scores differ"
cmp "$T/m.tsv" "$T/jsonl/matches.tsv" || fail "--matches differs"
cmp "$T/t.tsv" "$T/jsonl/terms.tsv" || fail "--terms differs"

# Shards: two halves scored apart, rows concatenated, equal the whole.
head -n 2 "$T/seeds.jsonl" > "$T/a.jsonl"
tail -n +3 "$T/seeds.jsonl" > "$T/b.jsonl"
"$FRAMING" score -q --jsonl "$T/a.jsonl" --stdout > "$T/a.tsv"
"$FRAMING" score -q --jsonl "$T/b.jsonl" --stdout > "$T/b.tsv"
{ cat "$T/a.tsv"; tail -n +2 "$T/b.tsv"; } | cmp - "$T/jsonl/scores.tsv" || fail "shards differ"

# Shards merged by framing stats give the bytes of one run over everything:
# statistics, keyness (terms.tsv summed) and near-duplicates (signatures).
"$FRAMING" score -q --jsonl "$T/a.jsonl" -o "$T/shardA"
"$FRAMING" score -q --jsonl "$T/b.jsonl" -o "$T/shardB"
"$FRAMING" stats -q "$T/jsonl/scores.tsv" -o "$T/stats-one"
"$FRAMING" stats -q "$T/shardA/scores.tsv" "$T/shardB/scores.tsv" -o "$T/stats-shards"
for f in outlets compare tests keyness duplicates; do
	cmp "$T/stats-one/$f.tsv" "$T/stats-shards/$f.tsv" || fail "stats over shards: $f.tsv differs"
done

# Bad lines are reported with their number and skipped; the rest is scored; exit 1.
{
	head -n 1 "$T/seeds.jsonl"
	echo '{"id":"x","outlet":"X","text":42}'
	echo 'not json'
	echo '{"id":"y","text":"no outlet"}'
	echo '[1,2,3]'
	printf '%0500d' 0 | sed 's/0/[/g'; echo
	echo '{"id":"z","outlet":"X","date":"2015-13-01","text":"bad date"}'
	echo '{"id":"ok","outlet":"X","text":"A groundless claim."}'
	echo '{"id":"nul","outlet":"X","text":"cut\u0000here"}'
	printf '{"id":"cut","outlet":"X","text":"trunc'
} > "$T/bad.jsonl"
set +e
"$FRAMING" score -q --jsonl "$T/bad.jsonl" -o "$T/bad" 2> "$T/err"
st=$?
set -e
[ $st -eq 1 ] || fail "bad lines: status $st"
for want in "bad.jsonl:2: \"text\" is not a string; skipped" "bad.jsonl:3: bad JSON at byte 1" \
	"bad.jsonl:4: no \"outlet\"; skipped" "bad.jsonl:5: not a JSON object; skipped" \
	"bad.jsonl:6: bad JSON at byte 501" "bad.jsonl:7: bad date '2015-13-01'" \
	"bad.jsonl:9: a string holds \\u0000" "bad.jsonl:10: bad JSON at byte 34" \
	"8 articles skipped"; do
	grep -qF "$want" "$T/err" || { cat "$T/err"; fail "no message '$want'"; }
done
[ "$(cut -f1 "$T/bad/scores.tsv" | tr '\n' ' ')" = "id cd-2014-10-20 ok " ] || fail "rows of bad.jsonl"

# Messages come in input order whatever -j is: workers hold an article's
# errors and warnings until its rows are written. 200 articles, every 7th a
# bad line and every 5th without words (a warning from the scorer).
for i in $(seq 1 200); do
	if [ $((i % 7)) -eq 0 ]; then echo "{\"id\":\"b$i\",\"outlet\":\"X\",\"text\":$i}"
	elif [ $((i % 5)) -eq 0 ]; then echo "{\"id\":\"e$i\",\"outlet\":\"X\",\"text\":\"...\"}"
	else echo "{\"id\":\"a$i\",\"outlet\":\"X\",\"text\":\"Groundless claims, number $i.\"}"
	fi
done > "$T/mixed.jsonl"
for j in 1 2 4; do
	set +e
	"$FRAMING" score --no-clean -j $j --jsonl "$T/mixed.jsonl" -o "$T/mixed$j" 2> "$T/err$j"
	set -e
done
[ "$(grep -c 'is not a string; skipped' "$T/err1")" = 28 ] || fail "mixed: bad lines in -j 1"
[ "$(grep -c 'no words' "$T/err1")" = 35 ] || fail "mixed: warnings in -j 1"
for j in 2 4; do
	cmp "$T/err1" "$T/err$j" || { diff "$T/err1" "$T/err$j" | head; fail "-j $j: messages in another order"; }
	cmp "$T/mixed1/scores.tsv" "$T/mixed$j/scores.tsv" || fail "-j $j: mixed scores differ"
done

# A line over --max-article-bytes is skipped without being held in memory.
set +e
"$FRAMING" score -q --max-article-bytes 1000 --jsonl "$T/seeds.jsonl" -o "$T/max" 2> "$T/err"
st=$?
set -e
[ $st -eq 1 ] || fail "max bytes: status $st"
grep -q "seeds.jsonl:1: 2462 bytes of text, more than --max-article-bytes 1000; skipped" "$T/err" \
	|| fail "max message"
# A line far over the limit is dropped while it is read.
{ printf '{"outlet":"X","text":"'; head -c 20000 /dev/zero | tr '\0' a; echo '"}'; } > "$T/long.jsonl"
set +e
"$FRAMING" score -q --max-article-bytes 1000 --jsonl "$T/long.jsonl" -o "$T/max" 2> "$T/err"
set -e
grep -q "long.jsonl:1: a line of more than --max-article-bytes 1000; skipped" "$T/err" || fail "long line"
echo ok
