# Issue 14: framing import. The seed corpus as CSV and as JSON Lines,
# imported, scores exactly as the file it came from (ids too); XML folders
# in Reuters-21578's SGML shape and a NewsML shape (articles written for
# this test) become the files and manifest expected; names from ids stay
# inside the folder and never collide; dates in the forms of news data are
# written YYYY-MM-DD; a non-empty -o is refused.
. "$ROOT/tests/e2e/hostile.lib"
cd "$ROOT" || exit 1

# The seeds as CSV (every field quoted, quotes doubled) and as JSON Lines.
awk -F'\t' -v dir=corpus/seeds '
function q(s) { gsub(/"/, "\"\"", s); return "\"" s "\"" }
NR == 1 { for (i = 1; i <= NF; i++) { name[i] = $i; if ($i == "file") fcol = i }; n = NF
	for (i = 1; i <= n; i++) if (i != fcol) printf "%s,", name[i]
	print "text"; next }
{
	text = ""; path = dir "/" $fcol
	while ((getline line < path) > 0) text = text line "\n"
	close(path)
	for (i = 1; i <= n; i++) if (i != fcol) printf "%s,", q($i)
	print q(text)
}' corpus/seeds/manifest.tsv > "$T/seeds.csv"
scripts/corpus2jsonl corpus/seeds > "$T/seeds.jsonl"
for kind in csv jsonl; do
	"$FRAMING" import -q "$T/seeds.$kind" -o "$T/imp-$kind" || fail "import $kind"
	"$FRAMING" score -q -j 1 "$T/imp-$kind" -o "$T/s-$kind" || fail "score the $kind import"
	"$FRAMING" score -q -j 1 "--$kind" "$T/seeds.$kind" -o "$T/f-$kind" || fail "score --$kind"
	for f in scores matches terms; do
		cmp "$T/s-$kind/$f.tsv" "$T/f-$kind/$f.tsv" \
			|| fail "$f.tsv of the imported $kind differs from the $kind's"
	done
done
# Web pages (an "html" field) are written as .html files, which the folder
# reads as pages again: the same scores, the page's title and date too.
gen=$(dirname "$FRAMING")/gencorpus
[ -x "$gen" ] || gen=$ROOT/build/gencorpus
if [ -x "$gen" ]; then
	"$gen" -s 300K -f html -d corpus/seeds "$T/pages" 2>/dev/null || fail "gencorpus"
	scripts/corpus2jsonl "$T/pages" | sed 's/"text":"/"html":"/' > "$T/pages.jsonl"
	"$FRAMING" import -q "$T/pages.jsonl" -o "$T/imp-html" || fail "import pages"
	[ -z "$(find "$T/imp-html" -name '*.txt')" ] || fail "pages written as .txt"
	"$FRAMING" score -q -j 1 "$T/imp-html" -o "$T/s-html" || fail "score the imported pages"
	"$FRAMING" score -q -j 1 --jsonl "$T/pages.jsonl" -o "$T/f-html" || fail "score the pages"
	for f in scores matches terms; do
		cmp "$T/s-html/$f.tsv" "$T/f-html/$f.tsv" || fail "$f.tsv of imported pages differs"
	done
else
	echo "skip: pages (gencorpus not built: make build/gencorpus)"
fi
head -n 1 "$T/imp-csv/manifest.tsv" | grep -q "^id${tab}file${tab}outlet${tab}date${tab}title${tab}wire${tab}lang\$" \
	|| fail "manifest header: $(head -n 1 "$T/imp-csv/manifest.tsv")"
[ -f "$T/imp-csv/China_Daily/cd-2014-10-20.txt" ] || fail "no China_Daily/cd-2014-10-20.txt"

# An existing folder that is not empty is refused; an empty one is used.
expect 2 "not empty" -- import "$T/seeds.csv" -o "$T/imp-csv"
mkdir "$T/empty"
expect 0 "" -- import -q "$T/seeds.csv" -o "$T/empty"
expect 2 "give --xml-fields" -- import "$T" -o "$T/new1"
expect 2 "not a folder of XML files, nor" -- import "$T/seeds.csv" /etc/hostname -o "$T/new2"
[ ! -e "$T/new2" ] || fail "a refused import made its folder"
expect 2 "missing -o" -- import "$T/seeds.csv"
expect 2 "is not one byte" -- import --delimiter ';;' "$T/seeds.csv" -o "$T/new3"

# Ids that are paths, hidden names, names two ids share, several inputs with
# their own extra columns, and dates in every form import reads.
{
	printf 'id,outlet,date,title,desk,text\n'
	printf '../../escape,../up,"Thu, 26 Feb 1987 17:00:56 GMT",t1,world,groundless one\n'
	printf 'a/b,X,26-FEB-1987 17:00:56.04,t2,,groundless two\n'
	printf 'a_b,X,"February 26, 1987",t3,,groundless three\n'
	printf '.hidden,X,1987-02-26T10:00:00Z,t4,,groundless four\n'
	printf '%s,X,,t5,,groundless five\n' "$(printf 'é%.0s' 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60)"
} > "$T/odd.csv"
printf '{"id":"j1","outlet":"X","lang":"en","text":"groundless six","date":"Feb 26, 1987"}\n' > "$T/odd.jsonl"
"$FRAMING" import -q "$T/odd.csv" "$T/odd.jsonl" -o "$T/odd" || fail "import odd ids"
find "$T/odd" -type f | sed "s|^$T/odd/||" | LC_ALL=C sort > "$T/files"
cat > "$T/want" <<'WANT'
X/_hidden.txt
X/a_b-2.txt
X/a_b.txt
X/j1.txt
X/____________________________________________________________________________________________________.txt
_._up/_._.._escape.txt
manifest.tsv
WANT
LC_ALL=C sort "$T/want" | diff - "$T/files" || fail "file names"
[ -z "$(find "$T" -maxdepth 1 -name escape.txt)" ] || fail "an id left the folder"
cut -f1,4,6,7 "$T/odd/manifest.tsv" > "$T/rows"
cat > "$T/want" <<WANT
id${tab}date${tab}desk${tab}lang
../../escape${tab}1987-02-26${tab}world${tab}
a/b${tab}1987-02-26${tab}${tab}
a_b${tab}1987-02-26${tab}${tab}
.hidden${tab}1987-02-26${tab}${tab}
$(sed -n 6p "$T/odd.csv" | cut -d, -f1)${tab}${tab}${tab}
j1${tab}1987-02-26${tab}${tab}en
WANT
diff "$T/want" "$T/rows" || fail "manifest rows"
"$FRAMING" score -q --no-clean "$T/odd" --stdout | cut -f1 | tail -n +2 | tr '\n' ' ' > "$T/ids"
grep -q "^../../escape a/b a_b .hidden .* j1 \$" "$T/ids" || fail "ids: $(cat "$T/ids")"

# Reuters-21578's shape: many <REUTERS> to a .sgm file, a DOCTYPE and no
# root, &#3; at the end of each BODY, &lt; in the text; dates as Reuters
# writes them. The articles are this test's own.
mkdir "$T/reuters"
cat > "$T/reuters/reut2-000.sgm" <<'SGM'
<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="1" NEWID="1">
<DATE>26-FEB-1987 15:01:01.79</DATE>
<TOPICS><D>grain</D></TOPICS>
<TEXT>&#2;
<TITLE>MILLERS CALL TALKS HARD TO RESUME</TITLE>
<DATELINE>    OTTAWA, Feb 26 - </DATELINE><BODY>The millers' union called the
report groundless and said talks were hard to resume.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="2" NEWID="2">
<DATE> 2-MAR-1987 09:12:40.11</DATE>
<TEXT>&#2;
<TITLE>PORT OFFERS COOPERATION &lt;PORT&gt;</TITLE>
<BODY>The port authority offered cooperation on shipping &lt;schedules&gt;.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" LEWISSPLIT="TEST" CGISPLIT="TRAINING-SET" OLDID="3" NEWID="3">
<DATE>31-MAR-1987 23:59:59.00</DATE>
<TEXT TYPE="BRIEF">&#2;
<TITLE>BRIEF WITHOUT A BODY</TITLE>
</TEXT>
</REUTERS>
SGM
"$FRAMING" import -q --xml-fields TITLE,BODY,DATE --outlet Reuters "$T/reuters" -o "$T/r" \
	|| fail "import Reuters"
cat > "$T/want" <<WANT
id${tab}file${tab}outlet${tab}date${tab}title
reut2-000-1${tab}Reuters/reut2-000-1.txt${tab}Reuters${tab}1987-02-26${tab}MILLERS CALL TALKS HARD TO RESUME
reut2-000-2${tab}Reuters/reut2-000-2.txt${tab}Reuters${tab}1987-03-02${tab}PORT OFFERS COOPERATION <PORT>
WANT
diff "$T/want" "$T/r/manifest.tsv" || fail "Reuters manifest"
printf "The millers' union called the\nreport groundless and said talks were hard to resume.\n Reuter\n" > "$T/want"
diff "$T/want" "$T/r/Reuters/reut2-000-1.txt" || fail "Reuters text 1"
grep -q "shipping <schedules>" "$T/r/Reuters/reut2-000-2.txt" || fail "Reuters text 2"
# A brief without a BODY is no article (it was imported as an empty file).
[ ! -e "$T/r/Reuters/reut2-000-3.txt" ] || fail "a brief without a body was imported"
"$FRAMING" score -q --no-clean "$T/r" --stdout > "$T/rs" || fail "score Reuters"
[ "$(grep -c "^reut2-000-" "$T/rs")" = 2 ] || fail "Reuters: not 2 rows"

# A NewsML shape: one article a file, an XML declaration with its
# encoding (ISO-8859-1 here), paragraphs in body.content, the basic ISO
# date of FirstCreated. Outlet: the folder's name.
mkdir "$T/newsml"
printf '<?xml version="1.0" encoding="ISO-8859-1"?>\n<NewsML><NewsItem><NewsManagement><FirstCreated>20010101T083000+0000</FirstCreated></NewsManagement>\n<NewsComponent><NewsLines><HeadLine>Caf\351 talks resume</HeadLine></NewsLines>\n<ContentItem><DataContent><nitf><body><body.content><p>Talks resumed at the caf\351.</p><p>Critics called them groundless.</p></body.content></body></nitf></DataContent></ContentItem></NewsComponent></NewsItem></NewsML>\n' > "$T/newsml/item1.xml"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<NewsML><NewsItem><NewsManagement><FirstCreated>20010102T000000+0000</FirstCreated></NewsManagement><NewsComponent><NewsLines><HeadLine>Second item</HeadLine></NewsLines><ContentItem><DataContent><nitf><body><body.content><p>One paragraph.</p></body.content></body></nitf></DataContent></ContentItem></NewsComponent></NewsItem></NewsML>\n' > "$T/newsml/item2.xml"
"$FRAMING" import -q --xml-fields HeadLine,body.content,FirstCreated "$T/newsml" -o "$T/n" \
	|| fail "import NewsML"
cat > "$T/want" <<WANT
id${tab}file${tab}outlet${tab}date${tab}title
item1${tab}newsml/item1.txt${tab}newsml${tab}2001-01-01${tab}Café talks resume
item2${tab}newsml/item2.txt${tab}newsml${tab}2001-01-02${tab}Second item
WANT
diff "$T/want" "$T/n/manifest.tsv" || fail "NewsML manifest"
printf 'Talks resumed at the café.\nCritics called them groundless.\n' | diff - "$T/n/newsml/item1.txt" \
	|| fail "NewsML text"
expect 2 "is not three element names" -- import --xml-fields TITLE,BODY "$T/newsml" -o "$T/n2"
echo ok
