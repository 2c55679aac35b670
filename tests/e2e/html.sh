# Issue 13: HTML pages. Folders with and without a manifest and JSON Lines
# "html" read the same pages alike; the title and date come from the page
# when the manifest has none; furniture (nav, footer, link lists) is
# dropped with its reason; offsets in matches.tsv point at the match's
# first byte in the file, through entities and inline tags; pages in GBK,
# GB18030, Big5, Shift_JIS, windows-1251 and KOI8-R come out right.
. "$ROOT/tests/e2e/hostile.lib"

lex=$T/h.lex
printf '[acc] accusatory\ngroundless accusation*\nhypocrisy\nbaseless\n[conc] conciliatory\nmutual respect\n' > "$lex"

page() {	# page FILE: a news page with furniture, entities and inline tags
	cat > "$1" <<'END'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>China rejects groundless accusations | Example News</title>
<meta property="article:published_time" content="2015-09-11T08:00:00+08:00">
<script>var x = "<p>groundless accusations in a script</p>";</script>
<style>p { color: red }</style></head>
<body><header><nav><ul><li><a href="/">Home</a></li><li><a href="/w">World news, every hour of the day and night.</a></li></ul></nav></header>
<main><article><h1>China rejects groundless accusations</h1>
<p>BEIJING &ndash; China on Monday rejected what it called <b>groundless</b>
   accusations of hacking, calling the U.S. side&#8217;s claims&nbsp;baseless and saying they were harmful to trust.</p>
<p>&#72;ypocrisy is the word the ministry used, and it said it wanted dialogue based on mutual respect.<br>It said both sides had to work together on the matter.</p>
<figure><figcaption>Officials speak of groundless accusations at a meeting in Beijing, on Monday.</figcaption></figure>
<p><a href="/r">Related: China says the groundless accusations hurt trust between the two sides.</a></p>
</article></main>
<footer><p>Copyright 2015 Example News. The groundless accusations line is in the footer.</p></footer>
</body></html>
END
}

# A folder without a manifest: title and date from the page.
mkdir -p "$T/f/example"
page "$T/f/example/story.html"
cp "$T/f/example/story.html" "$T/f/example/copy.HTM"
expect 0 "" -- score -q -l "$lex" "$T/f" -o "$T/fo"
cut -f1-6 "$T/fo/scores.tsv" > "$T/got"
cat > "$T/want" <<'END'
id	outlet	date	title	tokens	dropped_chars
example/copy	example	2015-09-11	China rejects groundless accusations	57	242
example/story	example	2015-09-11	China rejects groundless accusations	57	242
END
diff "$T/want" "$T/got" || fail "scores of a folder of pages"

# Offsets: the file's bytes at every offset begin the match as written;
# "Hypocrisy" starts with an entity (&#72;), "groundless" sits in <b>.
tail -n +2 "$T/fo/matches.tsv" | grep '^example/story' | cut -f5,7 > "$T/m"
[ "$(wc -l < "$T/m")" = 5 ] || { cat "$T/m"; fail "matches of the page"; }
while IFS="$tab" read -r surface offset; do
	first=$(printf '%s' "$surface" | cut -d' ' -f1)
	got=$(tail -c +"$((offset + 1))" "$T/f/example/story.html" | head -c "${#first}")
	case $surface in
	Hypocrisy) got=$(tail -c +"$((offset + 1))" "$T/f/example/story.html" | head -c 13)
		[ "$got" = "&#72;ypocrisy" ] || fail "offset $offset of Hypocrisy: '$got'" ;;
	*) [ "$got" = "$first" ] || fail "offset $offset of '$surface': '$got'" ;;
	esac
done < "$T/m"
grep -q "^groundless accusations${tab}" "$T/m" || fail "no match across <b>groundless</b>"

# A manifest: its title and date win; an empty one takes the page's.
mkdir -p "$T/m1/p"
page "$T/m1/p/a.html"
page "$T/m1/p/b.htm"
printf 'id\tfile\toutlet\tdate\ttitle\nA\tp/a.html\tX\t2001-01-01\tManifest title\nB\tp/b.htm\tX\t\t\n' > "$T/m1/manifest.tsv"
expect 0 "" -- score -q -l "$lex" "$T/m1" -o "$T/mo"
cut -f1-5 "$T/mo/scores.tsv" > "$T/got"
printf 'id\toutlet\tdate\ttitle\ttokens\nA\tX\t2001-01-01\tManifest title\t53\nB\tX\t2015-09-11\tChina rejects groundless accusations\t57\n' > "$T/want"
diff "$T/want" "$T/got" || fail "scores of a manifest of pages"
grep '^B' "$T/mo/matches.tsv" | cut -f3- > "$T/want"
grep '^example/story' "$T/fo/matches.tsv" | cut -f3- > "$T/got"
diff "$T/want" "$T/got" || fail "matches differ between folder and manifest"

# JSON Lines with "html": the same rows, offsets into the string.
printf '{"id":"example/story","outlet":"example","html":%s}\n' \
	"$(sed 's/\\/\\\\/g; s/"/\\"/g' "$T/f/example/story.html" | awk '{printf "%s\\n", $0}' | sed 's/^/"/; s/$/"/')" \
	> "$T/p.jsonl"
expect 0 "" -- score -q -l "$lex" --jsonl "$T/p.jsonl" -o "$T/jo"
grep '^example/story' "$T/fo/scores.tsv" > "$T/want"
tail -n 1 "$T/jo/scores.tsv" > "$T/got"
diff "$T/want" "$T/got" || fail "JSON Lines html differs from the file"
grep '^example/story' "$T/fo/matches.tsv" > "$T/want"
tail -n +2 "$T/jo/matches.tsv" > "$T/got"
diff "$T/want" "$T/got" || fail "JSON Lines html matches differ from the file's"
# Every command reads pages: kwic and lexicon stats through the same source.
expect 0 "" -- kwic --tsv -l "$lex" --category acc "$T/f"
grep "${tab}example/story${tab}" "$T/stdout" | cut -f4 > "$T/got"
grep '^example/story' "$T/fo/matches.tsv" | grep -v "${tab}conc${tab}" | cut -f7 > "$T/want"
diff "$T/want" "$T/got" || fail "kwic offsets differ from matches.tsv's"
expect 0 "" -- lexicon stats -l "$lex" --jsonl "$T/p.jsonl"
grep -q "hypocrisy *1 " "$T/stdout" || { cat "$T/stdout"; fail "lexicon stats on html"; }

# framing clean FILE.html: every block, kept or dropped with its reason.
expect 0 "kept 4 of 9 lines, dropped 242 characters" -- clean "$T/f/example/story.html"
cat > "$T/want" <<'END'
- Home  [nav]
- World news, every hour of the day and night.  [nav]
+ China rejects groundless accusations
+ BEIJING – China on Monday rejected what it called groundless accusations of hacking, calling the U.S. side’s claims baseless and saying they were harmful to trust.
+ Hypocrisy is the word the ministry used, and it said it wanted dialogue based on mutual respect.
+ It said both sides had to work together on the matter.
- Officials speak of groundless accusations at a meeting in Beijing, on Monday.  [figcaption]
- Related: China says the groundless accusations hurt trust between the two sides.  [links 1.00]
- Copyright 2015 Example News. The groundless accusations line is in the footer.  [footer]
END
# &nbsp; is U+00A0, as a browser keeps it.
sed "s/claims baseless/claims$(printf '\302\240')baseless/" "$T/want" > "$T/want2" && mv "$T/want2" "$T/want"
diff "$T/want" "$T/stdout" || fail "framing clean FILE.html"
expect 0 "" -- clean --jsonl "$T/p.jsonl" example/story
diff "$T/want" "$T/stdout" || fail "framing clean --jsonl ID with html"

# Charsets: the same text written in each encoding reads back as written,
# and offsets point at the encoded bytes of the file.
zh='中国外交部发言人说，美方的指责毫无根据，双方应在相互尊重的基础上开展对话。'
zht='中國外交部發言人說，美方的指責毫無根據，雙方應在相互尊重的基礎上開展對話。'
ja='日本政府は、双方が相互尊重に基づいて対話を続けるべきだと述べた。'
ru='Министерство иностранных дел заявило, что обвинения беспочвенны и что стороны должны вести диалог.'
mkdir -p "$T/cs/x"
printf 'id\tfile\toutlet\tdate\ttitle\tlang\n' > "$T/cs/manifest.tsv"
n=0
for spec in "GBK gbk zh" "GB18030 gb18030 zh" "BIG5 big5 zht" "SHIFT_JIS shift_jis ja" \
	"CP1251 windows-1251 ru" "KOI8-R koi8-r ru" "KOI8-R KOI8-R-httpequiv ru"; do
	set -- $spec
	enc=$1 label=$2 var=$3
	eval "text=\$$var"
	case $label in
	*httpequiv) head="<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">" ;;
	*) head="<meta charset=\"$label\">" ;;
	esac
	printf '<html><head>%s<title>T</title></head><body><p>%s</p></body></html>\n' "$head" "$text" \
		| iconv -f UTF-8 -t "$enc" > "$T/cs/x/$label.html" || fail "iconv -t $enc"
	expect 0 "" -- clean "$T/cs/x/$label.html"
	got=$(sed 's/^[-+] //; s/  \[.*\]$//' "$T/stdout")
	[ "$got" = "$text" ] || fail "$label page reads as '$got'"
	lang=$(echo "$var" | cut -c1-2)
	n=$((n + 1))
	printf '%s\tx/%s.html\t%s\t\t\t%s\n' "$label" "$label" "$label" "$lang" >> "$T/cs/manifest.tsv"
done
[ "$(iconv -f UTF-8 -t GB18030 < /dev/null; echo ok)" = ok ] || fail "iconv cannot write GB18030"
printf '[c] conciliatory\n相互尊重\n対話\n диалог\n[a] accusatory\nбеспочвенны\n毫无根据\n' > "$T/cs.lex"
expect 0 "" -- score -q --no-clean -l "$T/cs.lex" "$T/cs" -o "$T/cso"
tail -n +2 "$T/cso/matches.tsv" | cut -f1,5,7 > "$T/m"
[ "$(wc -l < "$T/m")" -ge 9 ] || { cat "$T/m"; fail "too few matches in the charset pages"; }
while IFS="$tab" read -r id surface offset; do
	enc=$(printf 'gbk GBK\ngb18030 GB18030\nbig5 BIG5\nshift_jis SHIFT_JIS\nwindows-1251 CP1251\nkoi8-r KOI8-R\nKOI8-R-httpequiv KOI8-R\n' \
		| awk -v id="$id" '$1 == id { print $2 }')
	want=$(printf '%s' "$surface" | iconv -f UTF-8 -t "$enc" | od -An -tx1 | tr -d ' \n')
	bytes=$(printf '%s' "$surface" | iconv -f UTF-8 -t "$enc" | wc -c)
	got=$(tail -c +"$((offset + 1))" "$T/cs/x/$id.html" | head -c "$bytes" | od -An -tx1 | tr -d ' \n')
	[ "$want" = "$got" ] || fail "$id: offset $offset of '$surface' holds $got, not $want"
done < "$T/m"
cut -f7 "$T/cso/scores.tsv" | sort -u | tr '\n' ' ' | grep -qx 'replaced_chars 0 \|0 replaced_chars ' \
	|| fail "replacements in clean charset pages"

# What a block's container says (Readability's roles, class and id words):
# a cookie dialog, a newsletter box and a share bar written as sentences
# go with their reason; the article body in "article-body main-content"
# inside "page-wrapper" stays.
cat > "$T/hints.html" <<'END'
<html><head><title>Talks go on as planned</title></head><body><div id="page-wrapper">
<div class="cookie-banner" role="dialog"><p>We use cookies to give you the best experience on our website.</p></div>
<div class="gdpr-layer"><p>By clicking accept you consent to the use of these technologies.</p></div>
<div class="article-body main-content"><h1>Talks go on as planned</h1>
<p>The spokesman said on Monday that the two sides should work together and that the talks would go on as planned.</p></div>
<section class="newsletter"><p>Get our free newsletter with the five stories you need to know about.</p></section>
<div class="side-box nl" id="share-tools"><p>Share this story with your friends and family today.</p></div>
</div></body></html>
END
expect 0 "kept 2 of 6 lines" -- clean "$T/hints.html"
cat > "$T/want" <<'END'
- We use cookies to give you the best experience on our website.  [role dialog]
- By clicking accept you consent to the use of these technologies.  [class gdpr-layer]
+ Talks go on as planned
+ The spokesman said on Monday that the two sides should work together and that the talks would go on as planned.
- Get our free newsletter with the five stories you need to know about.  [class newsletter]
- Share this story with your friends and family today.  [id share-tools]
END
diff "$T/want" "$T/stdout" || fail "framing clean: role and class hints"

# Undecodable bytes: U+FFFD, counted in replaced_chars.
mkdir -p "$T/bad/o"
printf '<meta charset="gbk"><p>groundless accusations \377\377 here.</p>' > "$T/bad/o/a.html"
printf '<meta charset="utf-8"><p>groundless accusations \377 here.</p>' > "$T/bad/o/b.html"
expect 0 "" -- score -q --no-clean -l "$lex" "$T/bad" -o "$T/bo"
[ "$(cut -f1,7 "$T/bo/scores.tsv" | tail -n +2 | tr '\t\n' ', ')" = "o/a,2 o/b,1 " ] \
	|| fail "replaced_chars of undecodable pages: $(cut -f1,7 "$T/bo/scores.tsv")"
# A page is never unwrapped: its lines are blocks. A menu of 40 short
# items looked hard-wrapped at 30 columns, and the h1 and the lead were
# joined onto it and dropped with the menu.
mkdir -p "$T/menu/o"
{
	printf '<html><head><meta charset="utf-8"><title>China vows response to tariffs</title></head><body><nav><ul>\n'
	for k in $(seq 1 40); do
		printf '<li><a href="/s%d">Section %d news and analysis</a></li>\n' "$k" "$k"
	done
	printf '</ul></nav><article><h1>China vows response to tariffs</h1>\n'
	printf '<p>China said on Monday it would respond to the tariffs, calling them baseless and harmful to trade.</p>\n'
	printf '<p>The ministry said both sides should work together on the basis of mutual respect.</p></article></body></html>\n'
} > "$T/menu/o/a.html"
expect 0 "kept 3 of 43 lines" -- clean "$T/menu/o/a.html"
grep -q '^+ China vows response to tariffs$' "$T/stdout" && grep -q '^+ China said on Monday' "$T/stdout" \
	&& grep -q '^+ The ministry said' "$T/stdout" || { cat "$T/stdout"; fail "clean: a page with a long menu unwrapped"; }
expect 0 "" -- score -q -l "$lex" "$T/menu" -o "$T/menuo"
[ "$(cut -f4,5 "$T/menuo/matches.tsv" | tail -n +2 | tr '\t\n' ', ')" = "baseless,baseless mutual respect,mutual respect " ] \
	|| fail "score: a page with a long menu: $(cat "$T/menuo/matches.tsv")"

# og:title loses its site name as <title> does, and an h1 that is the
# title up to a separator is the title: the h1 is then kept as the title.
mkdir -p "$T/og/o"
og() {	# og FILE OG_TITLE
	printf '<html><head><meta property="og:title" content="%s"></head><body><article>\n' "$2" > "$1"
	printf '<h1>China vows response to new US steel tariffs</h1>\n<p>The ministry said the tariffs were baseless.</p></article></body></html>\n' >> "$1"
}
og "$T/og/o/a.html" "China vows response to new US steel tariffs | Harbor Times"
og "$T/og/o/b.html" "China vows response to new US steel tariffs - The Harbor Times of Example County since 1887"
expect 0 "kept 2 of 2 lines" -- clean "$T/og/o/a.html"
expect 0 "kept 2 of 2 lines" -- clean "$T/og/o/b.html"
expect 0 "" -- score -q -l "$lex" "$T/og" -o "$T/ogo"
[ "$(cut -f4 "$T/ogo/scores.tsv" | tail -n +2 | sort -u)" = "China vows response to new US steel tariffs" ] \
	|| fail "titles from og:title: $(cut -f1,4 "$T/ogo/scores.tsv")"

# A page without a charset label whose bytes are not UTF-8 is
# windows-1252, as browsers read it: curly quotes and é, no U+FFFD, the
# quotes seen, offsets at the file's bytes. A valid UTF-8 page stays UTF-8.
mkdir -p "$T/cp/o"
printf '<html><body><p>China rejected what it called \221groundless accusations\222 of hacking, a caf\351 said; \223baseless\224 too.</p></body></html>\n' > "$T/cp/o/a.html"
printf '<html><body><p>China rejected what it called \342\200\230groundless accusations\342\200\231 of hacking, a caf\303\251 said.</p></body></html>\n' > "$T/cp/o/b.html"
expect 0 "" -- score -q --no-clean -l "$lex" "$T/cp" -o "$T/cpo"
[ "$(cut -f1,7 "$T/cpo/scores.tsv" | tail -n +2 | tr '\t\n' ', ')" = "o/a,0 o/b,0 " ] \
	|| fail "replaced_chars of pages without a label: $(cut -f1,7 "$T/cpo/scores.tsv")"
tail -n +2 "$T/cpo/matches.tsv" | cut -f1,5,7,8 > "$T/m"
[ "$(wc -l < "$T/m")" = 3 ] || { cat "$T/m"; fail "matches of pages without a label"; }
while IFS="$tab" read -r id surface offset quoted; do
	[ "$quoted" = 1 ] || fail "$id: '$surface' not quoted"
	got=$(tail -c +"$((offset + 1))" "$T/cp/$id.html" | head -c "${#surface}")
	[ "$got" = "$surface" ] || fail "$id: offset $offset holds '$got', not '$surface'"
done < "$T/m"
grep -q 'café' "$T/cpo/matches.tsv" || fail "é of a windows-1252 page"
exit 0
