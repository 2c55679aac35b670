# Issue 14, item 4: framing import reads a WARC as it reads a CSV or JSON
# Lines file. The folder it writes scores as the WARC does: every column of
# scores.tsv, the url column and the page's own date and title included,
# also for a GBK page whose <meta charset> says gbk (its .html is written in
# UTF-8 with a byte order mark, which wins over the <meta>).
. "$ROOT/tests/e2e/hostile.lib"
command -v python3 >/dev/null 2>&1 || { echo "skip: python3 (tests/warc/mkwarc.py) missing"; exit 77; }
command -v iconv >/dev/null 2>&1 || { echo "skip: iconv missing"; exit 77; }

lex=$T/h.lex
printf '[acc] accusatory\ngroundless accusation*\nhypocrisy\n[conc] conciliatory\nmutual respect\n' > "$lex"
mkdir -p "$T/pw/example.com" "$T/pw/news.cn"
for i in 1 2 3; do
	printf '<html lang="en"><head><meta charset="utf-8"><title>Story %s | Example</title>
<meta property="article:published_time" content="2015-09-1%sT08:00:00Z"></head>
<body><nav><a href="/">Home</a></nav><article><p>China rejected what it called groundless accusations of hacking, story %s of the series, and the ministry said so on Monday.</p>
<p>It wanted dialogue based on mutual respect, and it called the claims hypocrisy.</p></article></body></html>\n' $i $i $i > "$T/pw/example.com/s$i.html"
done
printf '<html><head><meta charset="gbk"><title>中国 新闻</title></head><body><p>发言人表示，美方的指责毫无根据，groundless accusations 是不负责任的。</p></body></html>' \
	| iconv -f utf-8 -t gbk > "$T/pw/news.cn/gbk1.html" || fail "iconv"
python3 "$ROOT/tests/warc/mkwarc.py" "$T/c.warc" --layout member --pages "$T/pw" || fail "mkwarc.py"

expect 0 "" -- score -q -l "$lex" --warc "$T/c.warc" -o "$T/from-warc"
expect 0 "" -- import -q "$T/c.warc" -o "$T/imported"
[ "$(find "$T/imported" -name '*.html' | wc -l)" = 4 ] || fail "import: $(find "$T/imported" -type f)"
expect 0 "" -- score -q -l "$lex" "$T/imported" -o "$T/from-folder"
sort "$T/from-warc/scores.tsv" > "$T/want"
sort "$T/from-folder/scores.tsv" > "$T/got"
grep -q "中国 新闻" "$T/want" || fail "the GBK page's title from the WARC"
diff "$T/want" "$T/got" || fail "the imported folder scores otherwise than the WARC"
echo ok
