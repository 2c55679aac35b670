# Issue 13: framing score says loudly when cleaning took more than 80% of the
# words of some articles, and report.html puts it at the top of the page, with
# the articles, when they are 5% of the corpus or more. The texts are written
# for this test.
set -eu
fail() { echo "FAIL: $*"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

story() {	# a story of six paragraphs
	for i in 1 2 3 4 5 6; do
		echo "The foreign ministry spokesman said on Monday that the two countries would"\
		     "resume their talks on cyber security next month, after a pause of a year."
	done
}
menus() {	# a headline, a few words of text, forty menu lines
	echo "Cyber talks to resume"
	echo "The talks resume."
	for i in $(seq 40); do echo "Home | World | Business | Technology | Sport $i"; done
}

# Two of three articles are mostly menus.
mkdir -p c/wire
story > c/wire/a-story.txt
menus > c/wire/b-menus.txt
menus > c/wire/c-menus.txt
echo "more menus" >> c/wire/c-menus.txt
"$FRAMING" score -q -l "$ROOT/lexicons/stance.lex" c -o out 2> err || fail "score failed: $(cat err)"
want='framing: 2 of 3 articles lost more than 80% of their words to cleaning; `framing clean c/wire/c-menus.txt` shows why'
[ "$(cat err)" = "$want" ] || fail "message: '$(cat err)', expected '$want'"
# dropped_words follows the indices (stance); tokens + dropped_words = the words without cleaning.
col=$(head -1 out/scores.tsv | tr '\t' '\n' | grep -n '^dropped_words$' | cut -d: -f1)
[ -n "$col" ] && head -1 out/scores.tsv | cut -f$((col - 1)) | grep -qx stance \
	|| fail "no dropped_words column after stance"
"$FRAMING" score -q --no-clean -l "$ROOT/lexicons/stance.lex" c -o raw 2>/dev/null
paste out/scores.tsv raw/scores.tsv | awk -F'\t' -v c="$col" -v n="$(head -1 out/scores.tsv | awk -F'\t' '{print NF}')" \
	'NR > 1 && $5 + $c != $(n + 5) { bad = 1 } END { exit bad }' \
	|| fail "tokens + dropped_words differ from --no-clean tokens"

# With --jsonl the message names the article by its id.
for f in c/wire/*.txt; do	# the texts have no quotes or backslashes
	awk -v id="$(basename "$f" .txt)" 'BEGIN { printf "{\"id\":\"%s\",\"outlet\":\"wire\",\"text\":\"", id }
		{ printf "%s\\n", $0 } END { print "\"}" }' "$f"
done > c.jsonl
"$FRAMING" score -q --jsonl c.jsonl --stdout -l "$ROOT/lexicons/stance.lex" > /dev/null 2> err
grep -Eq '^framing: 2 of 3 articles lost more than 80% of their words to cleaning; `framing clean --jsonl c.jsonl (b|c)-menus` shows why$' err \
	|| fail "jsonl message: $(cat err)"

# The loss counts only words that could have been story. A page whose
# header and footer hold a mega-menu of 15 sections keeps its story and
# drops only what its markup calls furniture: not lost. A hard-wrapped
# story the unwrapping cannot read (14 columns is narrower than any wrap
# width) loses its lines to the text rules: lost. dropped_words still
# counts every dropped word; lost_words only the first kind.
megamenu() {
	for i in $(seq 15); do
		echo "<li><a href=\"/s$i\">Section $i</a><ul>"
		for j in $(seq 8); do echo "<li><a href=\"/s$i/$j\">Topic $j of section $i news</a></li>"; done
		echo "</ul></li>"
	done
}
mkdir -p g/site g/wire
{
	echo "<html><head><title>Cyber talks to resume</title></head><body>"
	echo "<header><nav><ul>"; megamenu; echo "</ul></nav></header>"
	echo "<article><h1>Cyber talks to resume</h1>"
	story | sed 's|.*|<p>&</p>|'
	echo "</article><footer><ul>"; megamenu; echo "</ul></footer></body></html>"
} > g/site/mega.html
story | fold -s -w 14 > g/wire/narrow.txt
"$FRAMING" score -q -l "$ROOT/lexicons/stance.lex" g -o gout 2> err || fail "score failed: $(cat err)"
want='framing: 1 of 2 articles lost more than 80% of their words to cleaning; `framing clean g/wire/narrow.txt` shows why'
[ "$(cat err)" = "$want" ] || fail "menus or wrapping: '$(cat err)', expected '$want'"
awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	$1 ~ /mega/ && !($(c["dropped_words"]) > 1000 && $(c["lost_words"]) < 20 && $(c["tokens"]) >= 80) { bad = 1 }
	$1 ~ /narrow/ && $(c["lost_words"]) != $(c["dropped_words"]) { bad = 1 }
	END { exit bad }' gout/scores.tsv || fail "dropped_words and lost_words: $(cut -f1,5 gout/scores.tsv)"

# Silence on the seeds.
"$FRAMING" score -l "$ROOT/lexicons/stance.lex" "$ROOT/corpus/seeds" -o seeds 2> err
grep -q 'lost more than' err && fail "the seeds warned: $(cat err)"

# The report's banner: 1 lost article of 20 (5%) is shown, 1 of 21 is not.
# The stories are copies of one text: without --no-templates they would be
# site templates of their outlet.
command -v gnuplot >/dev/null || { echo "skip: gnuplot not installed"; exit 77; }
mkdir -p r/a r/b
for i in $(seq 10); do story > r/a/s$i.txt; done
for i in $(seq 9); do story > r/b/s$i.txt; done
menus > r/b/menus.txt
"$FRAMING" report -q --no-templates -l "$ROOT/lexicons/stance.lex" r -o rout \
	2>/dev/null || fail "report failed"
grep -q '<div id="lost"' rout/report.html || fail "no banner at 5%"
grep -q '<td class="id">b/menus</td>' rout/report.html || fail "the banner does not list the article"
# The banner comes before the summary.
awk '/<div id="lost"/ { b = NR } /<h2 id="summary"/ { s = NR } END { exit !(b && s && b < s) }' \
	rout/report.html || fail "the banner is not at the top"
story > r/b/s10.txt
"$FRAMING" report -q --no-templates -l "$ROOT/lexicons/stance.lex" r -o rout2 \
	2>/dev/null || fail "report failed"
[ -s rout2/report.html ] || fail "no rout2/report.html"
grep -q '<div id="lost"' rout2/report.html && fail "a banner under 5%"
echo ok
