#!/bin/sh
# An outlet name and titles made to break out of gnuplot strings, shell
# commands and HTML: quotes, backquotes, backslash, semicolon, <script>,
# system("touch ..."), CJK and Cyrillic. Charts and report are produced,
# no command runs (no SENTINEL file anywhere), and the report holds the
# name escaped, never as markup.
set -u
fail() { echo "FAIL: $*"; exit 1; }
rm -f /tmp/SENTINEL
mkdir -p corpus
evil='中国日报 Спутник Evil "Q" '"'"'S'"'"' `touch SENTINEL` \ ; <script>alert(1)</script> system("touch SENTINEL") @x \'
printf 'id\tfile\toutlet\tdate\ttitle\tlang\n' >corpus/manifest.tsv
i=0
# gnuplot 5.4 misread doubled quotes next to the opening quote, and reads
# tic labels as printf formats: both broke charts before the octal quoting.
odd="'Quoted'' 50% News"
for o in "$evil" "Plain Outlet" "$odd"; do
	for d in 2015-01-02 2015-03-04; do
		i=$((i + 1))
		printf 'a%s\ta%s.txt\t%s\t%s\t%s\ten\n' $i $i "$o" $d \
			"Title $i \"x\" '\`touch SENTINEL\`' <b>bold</b> \\ ;" >>corpus/manifest.tsv
		printf 'Title %s.\n\nThe ministry rejected the groundless accusations as hypocrisy and a smear.\nIt called for dialogue and cooperation based on mutual respect, the spokesman said.\nOfficials said the alleged attacks were "fabricated" and urged calm talks.\n' \
			$i >corpus/a$i.txt
	done
done
$FRAMING report -l "$ROOT/lexicons/stance.lex" -l "$ROOT/lexicons/actors.lex" corpus -o out 2>err ||
	{ cat err; fail "report failed"; }
for f in SENTINEL out/SENTINEL corpus/SENTINEL /tmp/SENTINEL "$ROOT/SENTINEL"; do
	[ -e "$f" ] && fail "$f exists: a command ran"
done
for c in stance categories stance_articles timeline keyness voice; do
	xmllint --noout out/$c.svg || fail "$c.svg is not XML"
	[ -s out/$c.png ] || fail "no $c.png"
done
# The name reaches the SVG as text (escaped by gnuplot), the report escaped.
grep -q '中国日报 Спутник' out/stance.svg || fail "UTF-8 name not in stance.svg"
grep -qF "'Quoted'' 50% News" out/stance.svg || fail "quote and % name not drawn as written"
grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' out/report.html || fail "name not escaped in the report"
grep -q 'system(&quot;touch SENTINEL&quot;)' out/report.html || fail "quotes not escaped"
grep -qi '<script' out/report.html && fail "a script tag in the report"
grep -q '<b>bold' out/report.html && fail "markup from a title in the report"
echo ok
