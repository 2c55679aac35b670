# Issue 13, item 3: site templates. Lines an outlet repeats across its
# articles (cookie notice, newsletter, copyright, market-data disclaimer)
# are dropped with the reason "repeated in N articles of OUTLET"; the
# story's own lines stay, a sentence two articles share included, and so
# does a line said many times in one article. "framing templates" writes
# the table once, and shards scored with --templates FILE give the scores
# of one run over the whole.
. "$ROOT/tests/e2e/hostile.lib"
. "$ROOT/tests/e2e/templates.lib"
gen_outlets "$T"
D=$T/dir J=$T/all.jsonl
# The shipped lexicons, wherever the binary under test lives (make test SAN=1).
FRAMING_LEXICONS=$ROOT/lexicons
export FRAMING_LEXICONS

# The table: the furniture of each outlet, with its count of articles.
expect 0 "13 template lines in 3 outlets" -- templates "$D" -o "$T/t.tsv"
head -n 1 "$T/t.tsv" | grep -qx "outlet${tab}count${tab}hash${tab}line" || fail "table header"
row() { grep -q "^$1${tab}$2${tab}[0-9a-f]\{16\}${tab}$3" "$T/t.tsv" || fail "no row: $1 $2 $3"; }
row "Daily Planet" 30 "We use cookies to give you the best experience on Daily Planet;"
row "Daily Planet" 30 "Sign up for the Daily Planet morning newsletter"
row "Daily Planet" 30 "© 2024 Daily Planet Media Group. All rights reserved."
row "Globe Wire" 12 "Market data is delayed by at least 15 minutes"
row "Evening Post" 15 "We use cookies to give you the best experience on Evening Post;"
grep -q "Background:\|told reporters\|protesters" "$T/t.tsv" && fail "a story line in the table"
# The same table from the JSON Lines, and from stdin when it is a file.
expect 0 "" -- templates --jsonl "$J" -o "$T/tj.tsv"
cmp "$T/t.tsv" "$T/tj.tsv" || fail "the table of the JSON Lines differs from the folder's"
# Split and hashed in worker threads, counted in input order: the same table at any -j.
for j in 1 2 7; do
	"$FRAMING" templates -q -j $j --jsonl "$J" -o "$T/tj$j.tsv" || fail "templates -j $j"
	cmp "$T/t.tsv" "$T/tj$j.tsv" || fail "the table of -j $j differs"
done
"$FRAMING" templates -q --jsonl - < "$J" > "$T/ts.tsv" || fail "templates --jsonl - from a file"
cmp "$T/t.tsv" "$T/ts.tsv" || fail "the table of stdin differs"
cat "$J" | "$FRAMING" templates --jsonl - >/dev/null 2>"$T/err" && fail "templates from a pipe"
grep -q "a pipe can be read once" "$T/err" || fail "no message for templates from a pipe"

# framing clean shows why, with the count and the outlet.
"$FRAMING" clean "$D/a01.txt" > "$T/clean" 2>/dev/null || fail "clean a01"
drop() { grep -F -- "$1" "$T/clean" | grep -q "^- .*  \[$2\]$" || { cat "$T/clean"; fail "not dropped as '$2': $1"; }; }
keep() { grep -F -- "$1" "$T/clean" | grep -q "^+ " || { cat "$T/clean"; fail "not kept: $1"; }; }
drop "We use cookies" "repeated in 30 articles of Daily Planet"
drop "Sign up for the Daily Planet" "repeated in 30 articles of Daily Planet"
keep "Lolo told reporters in Lagos"
keep "Background: Lokakaze first raised"
# Eight times in one article is one article: kept, all eight.
[ "$(grep -c '^+ The protesters said again' "$T/clean")" = 8 ] || fail "a line repeated in one article was dropped"
# Without a manifest (OUTLET/FILE.txt), the outlet is the folder.
mkdir -p "$T/nm/Globe Wire"
for f in "$D"/a3[1-9].txt "$D"/a4*.txt "$D"/a5[0-5].txt; do cp "$f" "$T/nm/Globe Wire/"; done
"$FRAMING" clean "$T/nm/Globe Wire/a32.txt" 2>/dev/null | grep -F "Market data is delayed" \
	| grep -q "\[repeated in 12 articles of Globe Wire\]" || fail "clean in a folder without a manifest"
# --no-templates and --templates FILE.
"$FRAMING" clean --no-templates "$D/a01.txt" 2>/dev/null | grep -q '^+ We use cookies' || fail "--no-templates"
"$FRAMING" clean --jsonl "$J" a01 2>/dev/null | grep -q "^- We use cookies.*\[repeated in 30 articles of Daily Planet\]" \
	|| fail "clean --jsonl"
cp "$D/a01.txt" "$T/alone.txt"
"$FRAMING" clean --templates "$T/t.tsv" "$T/alone.txt" 2>/dev/null | grep -q '^+ We use cookies' \
	|| fail "a file outside a corpus has no outlet to take templates of"

# Every line of every article: template lines dropped, story lines kept.
"$FRAMING" score -q "$D" -o "$T/o" || fail "score"
"$FRAMING" score -q --no-templates "$D" -o "$T/n" || fail "score --no-templates"
# 22 words of the cookie notice, 18 of the newsletter (day's is one word):
# tokens are 40 fewer in every article, 59 with the market-data line (19 with "15").
paste "$T/o/scores.tsv" "$T/n/scores.tsv" | awk -F'\t' -v n="$(head -1 "$T/o/scores.tsv" | awk -F'\t' '{print NF}')" '
	NR > 1 { d = $(n + 5) - $5; want = ($2 == "Globe Wire" && $1 ~ /^a(3[2468]|4[02468]|5[024])$/) ? 59 : 40
		if (d != want) { print $1 ": " d " tokens fewer, expected " want; bad = 1 } }
	END { exit bad }' || fail "tokens dropped as templates"
# --template-min: above every count, nothing is a template.
"$FRAMING" score -q --template-min 31 "$D" -o "$T/m" || fail "score --template-min"
cmp "$T/m/scores.tsv" "$T/n/scores.tsv" || fail "--template-min 31 still dropped lines"
expect 2 "option '--template-min': '1' is not a whole number from 2 to" -- score --template-min 1 "$D"

# Shards: the table of the whole, then each half on stdin (a pipe) with
# --templates: the rows of one run. Without the table the halves differ.
"$FRAMING" score -q --jsonl "$J" --stdout > "$T/whole.tsv" || fail "score the whole"
head -n 35 "$J" > "$T/h1.jsonl"
tail -n +36 "$J" > "$T/h2.jsonl"
for h in 1 2; do
	cat "$T/h$h.jsonl" | "$FRAMING" score -q --templates "$T/tj.tsv" --jsonl - --stdout > "$T/s$h.tsv" \
		|| fail "score shard $h"
done
{ cat "$T/s1.tsv"; tail -n +2 "$T/s2.tsv"; } > "$T/shards.tsv"
cmp "$T/whole.tsv" "$T/shards.tsv" || { diff "$T/whole.tsv" "$T/shards.tsv" | head; fail "shards differ from one run"; }
cat "$T/h1.jsonl" | "$FRAMING" score -q --jsonl - --stdout > "$T/p1.tsv" || fail "score from a pipe"
cmp -s "$T/s1.tsv" "$T/p1.tsv" && fail "a pipe without --templates dropped the templates"
cat "$T/h1.jsonl" | "$FRAMING" score --jsonl - --stdout 2>"$T/err" >/dev/null || fail "score from a pipe, not quiet"
grep -q "stdin: a pipe is read once, so lines repeated across articles are not dropped" "$T/err" \
	|| fail "no warning for a pipe without a table"

# The tools clean as score does: kwic finds "cookie" only with --no-templates.
"$FRAMING" kwic --tsv "$D" cookie > "$T/k" 2>/dev/null || fail "kwic failed"
[ "$(grep -c cookie "$T/k")" = 0 ] || fail "kwic sees the cookie notice"
"$FRAMING" kwic --tsv --no-templates "$D" cookie > "$T/k" 2>/dev/null
[ "$(grep -c cookie "$T/k")" = 70 ] || fail "kwic --no-templates: $(grep -c cookie "$T/k") cookie lines"
"$FRAMING" lexicon stats --tsv -l "$T/ok.lex" --templates "$T/t.tsv" --jsonl - < "$J" >/dev/null \
	|| fail "lexicon stats --templates"

# The seeds (5 articles, 3 outlets) have no templates.
expect 0 "0 template lines in 0 outlets" -- templates "$ROOT/corpus/seeds"

# Bad tables: FILE:LINE and exit 2, nothing written.
bad() {
	printf "$1" > "$T/bad.tsv"
	rm -rf "$T/b"
	expect 2 "$2" -- score -q --templates "$T/bad.tsv" "$D" -o "$T/b"
	[ ! -e "$T/b/scores.tsv" ] || fail "scores written with a bad table"
}
bad 'outlet\tcount\thash\tline\nX\t3\tnothex0000000000\tx\n' "bad.tsv:2: hash 'nothex0000000000' is not 16 hex digits"
bad 'outlet\tcount\thash\tline\nX\tmany\t00000000000000ff\tx\n' "bad.tsv:2: count 'many' is not a whole number"
bad 'outlet\tcount\thash\tline\n\t3\t00000000000000ff\tx\n' "bad.tsv:2: no outlet"
bad 'outlet\tcount\thash\tline\nX\t3\t00000000000000ff\n' "bad.tsv:2"
bad 'id\tfile\n' "bad.tsv:1: not a table of framing templates (no column 'outlet'"
bad '' "bad.tsv"
expect 2 "no-such.tsv: No such file or directory" -- kwic --templates "$T/no-such.tsv" "$D" cookie
expect 2 "no-such.tsv: No such file or directory" -- clean --templates "$T/no-such.tsv" "$D/a01.txt"
echo ok
