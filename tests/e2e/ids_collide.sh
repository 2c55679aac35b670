# Ids that become one id (issue 18, items 4 and 5): folder names and
# manifest ids that differ only in a control character were one id in
# scores.tsv, and stats dropped one article. A corpus folder compares ids
# as scores.tsv writes them and refuses two that are one, naming both (so
# are a folder's x.txt and x.html, both OUTLET/x); JSON Lines refuses an
# id scores.tsv cannot write as it is, naming its line; JSON numeric ids
# keep their digits as written; articles without an id get ids that stay
# unique across shards, so stats keeps every article of the README's
# shard recipes.
. "$(dirname "$0")/hostile.lib"
cd "$T"
vt=$(printf '\013')

# Folders "Tab<TAB>Out" and "Tab Out": one id 'Tab Out/x' in scores.tsv.
mkdir -p "c1/Tab${tab}Out" "c1/Tab Out"
echo 'Groundless claims.' > "c1/Tab${tab}Out/x.txt"
echo 'Other claims.' > "c1/Tab Out/x.txt"
expect 2 "c1/Tab Out/x.txt: id 'Tab Out/x' is also the id of c1/Tab\\\\x09Out/x.txt" \
	-- score -q -l ok.lex c1 -o o1
[ ! -e o1/scores.tsv ] || fail "folder ids that collide: scores.tsv written"
# Alone, such a folder is scored, its name shown with a space.
rm -r "c1/Tab Out"
expect 0 "" -- score -q --no-clean -l ok.lex c1 -o o1
[ "$(cut -f1 o1/scores.tsv | tr '\n' ,)" = "id,Tab Out/x," ] || fail "folder ids: $(cut -f1 o1/scores.tsv)"

# Manifest ids "a b" and "a<VT>b".
mkdir c2
echo 'Groundless claims.' > c2/a.txt
echo 'Other claims.' > c2/b.txt
printf 'id\tfile\toutlet\tdate\ttitle\na b\ta.txt\tX\t\tA\na%sb\tb.txt\tX\t\tB\n' "$vt" > c2/manifest.tsv
expect 2 "c2/manifest.tsv:3: id 'a b' is also the id of c2/manifest.tsv:2" \
	-- score -q -l ok.lex c2 -o o2
[ ! -e o2/scores.tsv ] || fail "manifest ids that collide: scores.tsv written"

# x.txt and x.html of one folder are both X/x.
mkdir -p c3/X
echo 'Groundless claims.' > c3/X/x.txt
echo '<p>Other claims.</p>' > c3/X/x.html
expect 2 "c3/X/x.txt: id 'X/x' is also the id of c3/X/x.html" -- score -q -l ok.lex c3 -o o3
[ ! -e o3/scores.tsv ] || fail "one id for two files: scores.tsv written"

# JSON numbers that one double holds keep their digits; a string id with a
# control character is refused by its line.
cat > a.jsonl <<'J'
{"id":9007199254740993,"outlet":"X","text":"Groundless claims."}
{"id":9007199254740992,"outlet":"X","text":"Other claims."}
{"id":"a b","outlet":"X","text":"More claims."}
{"id":"a\u000bb","outlet":"X","text":"Yet more claims."}
{"id":12.50,"outlet":"X","text":"Last claims."}
J
expect 1 "a.jsonl:4: id 'a\\\\x0bb' holds a control character" \
	-- score -q --no-clean -j 2 -l ok.lex --jsonl a.jsonl -o o4
[ "$(cut -f1 o4/scores.tsv | tr '\n' ,)" = "id,9007199254740993,9007199254740992,a b,12.50," ] \
	|| fail "JSON ids: $(cut -f1 o4/scores.tsv | tr '\n' ,)"

# No id: a hash of outlet, date, title and text, the same in any shard.
awk 'BEGIN { for (i = 1; i <= 70; i++)
	printf "{\"outlet\":\"O%d\",\"title\":\"T%d\",\"text\":\"Groundless claim number %d.\"}\n", i % 3, i, i }' \
	> noid.jsonl
"$FRAMING" score -q --no-clean -l ok.lex --jsonl noid.jsonl -o one || fail "score of one run"
"$FRAMING" stats -q one/scores.tsv -o stats-one 2>/dev/null || fail "stats of one run"
[ "$(cut -f1 one/scores.tsv | sort -u | wc -l)" -eq 71 ] || fail "default ids are not unique"
grep -q "^sha256:[0-9a-f]\{16\}${tab}" one/scores.tsv || fail "default id is not sha256:HEX16"
# The README's recipe without parallel: split, each piece from stdin.
split -l 10 noid.jsonl piece.
for p in piece.*; do
	"$FRAMING" score -q --no-clean -j 1 -l ok.lex --jsonl - -o "shards/$p" < "$p" || fail "score of $p"
done
"$FRAMING" stats shards/*/scores.tsv -o stats-split 2>stats.err || fail "stats of the shards"
! grep -q "id seen before" stats.err || fail "shards without ids: $(cat stats.err)"
for f in outlets compare; do
	cmp stats-one/$f.tsv stats-split/$f.tsv || fail "split shards: $f.tsv differs from one run"
done
if command -v parallel >/dev/null 2>&1; then
	parallel --will-cite --pipepart -a noid.jsonl --block 1k -j 2 \
		"$FRAMING" score -q --no-clean -j 1 -l ok.lex --jsonl - -o "par/{#}"
	[ "$(ls par | wc -l)" -gt 1 ] || fail "the parallel recipe made one shard only"
	"$FRAMING" stats par/*/scores.tsv -o stats-par 2>stats.err || fail "stats of parallel shards"
	! grep -q "id seen before" stats.err || fail "parallel shards: $(cat stats.err)"
	cmp stats-one/outlets.tsv stats-par/outlets.tsv || fail "parallel shards: outlets.tsv differs"
	echo "ok"
else
	echo "ok (skipped in part: GNU parallel not installed)"
fi
