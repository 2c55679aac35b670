# An outside trial of issue 14 (CSV): a header written by hand (Text,
# Outlet, ID) names the fields in any case (it was refused: no 'text'
# column); a header with ';' read with ',' says to try --delimiter ';'; a
# record without an outlet is named by its record number like the other
# CSV messages (it said only "bad.csv:5: no "outlet""). The hint of a
# run on standard input does not suggest `framing clean --csv - ID`, which
# cannot replay it.
. "$ROOT/tests/e2e/hostile.lib"
cd "$ROOT" || exit 1

printf 'Title,Text,Outlet,Date,ID,Notes\nT1,China said the claims were groundless.,CNN,2015-09-11,c1,n\n' > "$T/caps.csv"
printf 'id,outlet,date,title,text,Notes\nc1,CNN,2015-09-11,T1,China said the claims were groundless.,n\n' > "$T/low.csv"
"$FRAMING" score -q -j 1 -l "$T/ok.lex" --csv "$T/caps.csv" -o "$T/caps" 2>"$T/err" \
	|| { cat "$T/err"; fail "a header with Text, Outlet, ID refused"; }
"$FRAMING" score -q -j 1 -l "$T/ok.lex" --csv "$T/low.csv" -o "$T/low" || fail "lower-case header"
cmp "$T/caps/scores.tsv" "$T/low/scores.tsv" || fail "Text/Outlet/ID not read as text/outlet/id"

printf 'title;text;outlet\nT1;groundless;CNN\n' > "$T/semi.csv"
expect 2 "semi.csv:1: the header names no 'text' or 'html' column; it holds ';': try --delimiter ';'" \
	-- score -q -j 1 -l "$T/ok.lex" --csv "$T/semi.csv" -o "$T/semi"
printf 'title\ttext\toutlet\nT1\tgroundless\tCNN\n' > "$T/tab.csv"
expect 2 "try --delimiter tab" -- score -q -j 1 -l "$T/ok.lex" --csv "$T/tab.csv" -o "$T/tab"

printf 'id,outlet,text\na1,CNN,groundless\na2,CNN,too,many\na3,,no outlet here\na4,CNN,groundless\n' > "$T/bad.csv"
expect 1 'bad.csv:4: record 3: no "outlet"; skipped' \
	-- score -q -j 1 -l "$T/ok.lex" --csv "$T/bad.csv" -o "$T/bad"
grep -q "bad.csv:3: record 2: 4 fields, the header has 3; skipped" "$T/stderr" || fail "record 2 message"

"$FRAMING" score -q -j 1 -l "$T/ok.lex" --csv - -o "$T/stdin" < "$T/low.csv" 2>"$T/err" || fail "stdin"
grep -q "lost more than 80%" "$T/err" || fail "no hint to test (the article kept its words)"
grep -q -- "--csv - " "$T/err" && fail "the hint replays standard input: $(cat "$T/err")"
grep -q "framing clean --csv FILE c1\` shows why, with the input saved as FILE first" "$T/err" \
	|| fail "the hint does not say to save the input: $(cat "$T/err")"
exit 0
