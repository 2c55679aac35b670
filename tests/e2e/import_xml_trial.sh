# An outside trial of issue 14 (XML import, Reuters-21578's shape; the
# articles are this test's own). Before the fixes: --xml-fields
# title,body,date on Reuters' TITLE,BODY,DATE wrote empty articles with
# exit 0; AT&T became AT, S&P S, "cooperation & dialogue" lost its &;
# &lt;AMERICAN EXPRESS&gt; after them lost its < and >; a Latin-1 u with
# umlaut in a file without a declaration became U+FFFD; an item without a
# BODY was imported as an empty file. A misspelt field is warned of, and a
# text element found in no article refuses the import.
. "$ROOT/tests/e2e/hostile.lib"
cd "$ROOT" || exit 1

mkdir "$T/r"
printf '<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS NEWID="1">
<DATE> 5-MAR-1987 10:00:00.00</DATE>
<TEXT>&#2;
<TITLE>AT&T IN Z\374RICH &lt;TALKS&gt;</TITLE>
<BODY>AT&T said in Z\374rich that S&P and &lt;AMERICAN EXPRESS&gt; saw cooperation & dialogue.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS NEWID="2">
<DATE> 6-MAR-1987 10:00:00.00</DATE>
<TEXT TYPE="BRIEF">&#2;
<TITLE>BRIEF WITHOUT A BODY</TITLE>
&#3;</TEXT>
</REUTERS>
' > "$T/r/reut2-017.sgm"

expect 0 "1 XML article without a <body> element left out" \
	-- import --xml-fields title,body,date "$T/r" -o "$T/o"
cat > "$T/want" <<WANT
id${tab}file${tab}outlet${tab}date${tab}title
reut2-017-1${tab}r/reut2-017-1.txt${tab}r${tab}1987-03-05${tab}AT&T IN ZüRICH <TALKS>
WANT
diff "$T/want" "$T/o/manifest.tsv" || fail "manifest (lower-case fields, &, Latin-1, no-BODY item)"
printf 'AT&T said in Zürich that S&P and <AMERICAN EXPRESS> saw cooperation & dialogue.\n Reuter\n' \
	| diff - "$T/o/r/reut2-017-1.txt" || fail "text: & < > or the Latin-1 byte lost"

# A misspelt date field: a warning naming it; the text field nowhere: refused.
expect 0 "none of its 2 articles has a <dateline2> element (the date named by --xml-fields)" \
	-- import --xml-fields TITLE,BODY,dateline2 "$T/r" -o "$T/o2"
expect 1 "none of its 2 articles has a <text.body> element" \
	-- import --xml-fields TITLE,text.body,DATE "$T/r" -o "$T/o3"
[ ! -s "$T/o3/r" ] || fail "articles without text were imported"
exit 0
