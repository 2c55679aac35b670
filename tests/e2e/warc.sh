# Issue 14: WARC input. The same pages as a folder of .html files and as
# WARC records (plain, a gzip member per record, one gzip member for the
# whole file; bodies chunked and gzip-encoded; a GBK page labelled in
# Content-Type only; a PNG, a 404, request and warcinfo records; a last
# record cut short) score alike; the id is WARC-Record-ID, url
# WARC-Target-URI, date the page's own else WARC-Date, outlet the host
# without www. or --outlets'; the filters drop and count.
. "$ROOT/tests/e2e/hostile.lib"
command -v python3 >/dev/null 2>&1 || { echo "skip: python3 (tests/warc/mkwarc.py) missing"; exit 77; }
command -v iconv >/dev/null 2>&1 || { echo "skip: iconv missing"; exit 77; }
mk() { python3 "$ROOT/tests/warc/mkwarc.py" "$@" || fail "mkwarc.py $*"; }

lex=$T/h.lex
printf '[acc] accusatory\ngroundless accusation*\nhypocrisy\nbaseless\n[conc] conciliatory\nmutual respect\n' > "$lex"
mkdir -p "$T/pg/example.com" "$T/pg/news.cn"
for i in 1 2 3 4 5; do
	cat > "$T/pg/example.com/s$i.html" <<END
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Story $i | Example News</title>
<meta property="article:published_time" content="2015-09-1${i}T08:00:00+08:00">
</head><body><nav><ul><li><a href="/">Home</a></li><li><a href="/w">World</a></li></ul></nav>
<main><article><h1>Story $i rejects groundless accusations</h1>
<p>BEIJING &ndash; China on Monday rejected what it called <b>groundless</b> accusations of hacking, calling the claims baseless, story $i of $((i * 7)) in the series.</p>
<p>Hypocrisy is the word the ministry used on day $i, and it said it wanted dialogue based on mutual respect.</p>
</article></main></body></html>
END
done
# GBK: the folder's copy says so in <meta>, the WARC's says so in Content-Type only.
body='<p>中国外交部发言人表示，美方的指责毫无根据，是无端指控，groundless accusations 是不负责任的。</p><p>双方应当在相互尊重的基础上对话 mutual respect，共同维护两国关系的大局。</p>'
printf '<html><head><meta charset="gbk"><meta property="article:published_time" content="2016-01-02"><title>中国 新闻</title></head><body>%s</body></html>' "$body" \
	| iconv -f utf-8 -t gbk > "$T/pg/news.cn/gbk1.html" || fail "iconv"
mkdir -p "$T/pw/news.cn"
printf '<html><head><meta property="article:published_time" content="2016-01-02"><title>中国 新闻</title></head><body>%s</body></html>' "$body" \
	| iconv -f utf-8 -t gbk > "$T/pw/news.cn/gbk1.html"
cp -r "$T/pg/example.com" "$T/pw/"

expect 0 "" -- score -q -l "$lex" "$T/pg" -o "$T/fo"
# Everything but id (and the url column the WARC adds), by title and date.
cols() { awk -F"$tab" -v OFS="$tab" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "url") u = i; next }
	{ s = ""; for (i = 2; i <= NF; i++) if (i != u) s = s $i OFS; print s }' "$1" | sort; }
cols "$T/fo/scores.tsv" > "$T/want"
[ "$(wc -l < "$T/want")" = 6 ] || fail "folder: $(cat "$T/want")"
grep -q "中国 新闻${tab}" "$T/want" || fail "folder: the GBK page's title"

for layout in plain member whole; do
	mk "$T/$layout.warc" --layout "$layout" --pages "$T/pw" --image --text --truncate
	expect 1 "byte [0-9]*: the record is cut short" -- score -l "$lex" --warc "$T/$layout.warc" -o "$T/o-$layout"
	grep -q "WARC: 17 records, 7 articles; dropped: 7 not a response or resource, 1 HTTP status not 2xx, 1 not HTML or plain text" "$T/stderr" \
		|| { cat "$T/stderr"; fail "$layout: the closing line"; }
	grep -q "1 article skipped" "$T/stderr" || fail "$layout: the cut record is not counted"
	# The text resource (file:///notes/a.txt) is an article with outlet "unknown": left out here.
	awk -F"$tab" 'NR == 1 || $2 != "unknown"' "$T/o-$layout/scores.tsv" > "$T/s"
	cols "$T/s" > "$T/got"
	diff "$T/want" "$T/got" || fail "$layout: scores differ from the folder's"
	head -n 1 "$T/o-$layout/scores.tsv" | grep -q "${tab}url" || fail "$layout: no url column"
	grep -q "^urn:uuid:00000000-0000-0000-0000-000000000003${tab}example.com${tab}2015-09-11${tab}.*https://www.example.com/s1.html" \
		"$T/o-$layout/scores.tsv" || fail "$layout: id, outlet, date and url of the first page"
	grep -q "${tab}unknown${tab}2024-03-05${tab}" "$T/o-$layout/scores.tsv" || fail "$layout: WARC-Date when the page has none"
done
cmp -s "$T/o-plain/scores.tsv" "$T/o-member/scores.tsv" || fail "plain and member layouts differ"
cmp -s "$T/o-plain/scores.tsv" "$T/o-whole/scores.tsv" || fail "plain and whole layouts differ"

# -j and --stdout: the same rows whatever the number of threads.
"$FRAMING" score -q -j 1 -l "$lex" --warc "$T/member.warc" --stdout > "$T/j1" 2>/dev/null
[ $? = 1 ] || fail "score -j 1 --stdout: status, not 1 (one record cut short)"
"$FRAMING" score -q -j 4 -l "$lex" --warc "$T/member.warc" --stdout > "$T/j4" 2>/dev/null
[ $? = 1 ] || fail "score -j 4 --stdout: status, not 1 (one record cut short)"
cmp -s "$T/j1" "$T/j4" || fail "-j 1 and -j 4 differ"
cmp -s "$T/j1" "$T/o-member/scores.tsv" || fail "--stdout and scores.tsv differ"

# Several files: --warc FILE FILE..., and every reader of a corpus takes them.
expect 1 "WARC: 34 records, 14 articles" -- score -q -l "$lex" --warc "$T/plain.warc" "$T/member.warc" --stdout
[ "$(tail -n +2 "$T/stdout" | wc -l)" = 14 ] || fail "two files"
expect 1 "" -- kwic -l "$lex" --warc "$T/member.warc" --category acc
grep -q "groundless" "$T/stdout" || fail "kwic --warc"
expect 1 "" -- lexicon stats -l "$lex" --warc "$T/whole.warc"
mk "$T/ok.warc.gz" --layout member --pages "$T/pw"
expect 0 "WARC: 13 records, 6 articles" -- report -q -l "$lex" --warc "$T/ok.warc.gz" -o "$T/rep"
[ -s "$T/rep/report.html" ] || fail "report --warc"

expect 0 "kept" -- clean --warc "$T/member.warc" urn:uuid:00000000-0000-0000-0000-000000000003
grep -q "groundless" "$T/stdout" || fail "clean --warc"

# Filters: counted by reason in the closing line.
expect 1 "WARC: 17 records, 5 articles; dropped: .*2 --lang" -- score -q -l "$lex" --warc "$T/member.warc" --lang en --stdout
expect 1 "WARC: 17 records, 1 article; dropped: .*--lang" -- score -q -l "$lex" --warc "$T/member.warc" --lang zh --stdout
grep -q "news.cn" "$T/stdout" || fail "--lang zh: the GBK page (by its script)"
expect 1 "7 --url-pattern" -- score -q -l "$lex" --warc "$T/member.warc" --url-pattern 'https://www.example.com/s[12].html' --stdout
[ "$(tail -n +2 "$T/stdout" | wc -l)" = 2 ] || fail "--url-pattern"
printf 'host\toutlet\ncn\tChina\nwww.example.com\tExample\n' > "$T/outlets.tsv"
expect 1 "3 host not in --outlets" -- score -q -l "$lex" --warc "$T/member.warc" --outlets "$T/outlets.tsv" --drop-unlisted --stdout
cut -f2 "$T/stdout" | sort | uniq -c | tr -s ' ' > "$T/o"
grep -q "1 China" "$T/o" && grep -q "5 Example" "$T/o" || { cat "$T/o"; fail "--outlets"; }
expect 1 "" -- score -q -l "$lex" --warc "$T/member.warc" --outlets "$T/outlets.tsv" --stdout
cut -f2 "$T/stdout" | grep -qx "unknown" || fail "--outlets keeps unlisted hosts without --drop-unlisted"
expect 0 "stopped at --max-articles 2" -- score -q -l "$lex" --warc "$T/member.warc" --max-articles 2 --stdout
[ "$(tail -n +2 "$T/stdout" | wc -l)" = 2 ] || fail "--max-articles"
expect 2 "filter --warc input" -- score -q -l "$lex" --lang en "$T/pg"
expect 2 "not standard input" -- score -q -l "$lex" --warc - --stdout
expect 2 "give one of --jsonl, --csv and --warc" -- score -q -l "$lex" --warc "$T/member.warc" --jsonl "$T/x.jsonl"
exit 0
