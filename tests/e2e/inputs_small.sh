# Small things of the trial of issue 18 (finding 14): lexicon check
# --corpus with a link out of the corpus exited 1 where score exits 2; a
# JSON date holding ESC was shown as a space in its message, not \x1b as
# README says; outlets "Reuters" and "Reuters" with U+200B, U+FEFF, U+2060
# or U+034F were five groups that look alike (now one). Hex weights are in
# hostile_lexicon.sh, the invisible characters in test_text.
. "$(dirname "$0")/hostile.lib"
# The default lexicons wherever the binary is (build/san/framing has none beside it).
FRAMING_LEXICONS=$ROOT/lexicons
export FRAMING_LEXICONS
cd "$T"
mkdir -p C/Out
echo "Groundless accusations were made by the ministry." > C/Out/a.txt
ln -s /etc/passwd C/Out/pw.txt
expect 2 "'C/Out/pw.txt' leads outside the corpus folder" -- score -q C -o o
expect 2 "'C/Out/pw.txt' leads outside the corpus folder" \
	-- lexicon check "$ROOT/lexicons/stance.lex" --corpus C

printf '{"id":"a","outlet":"O","date":"2014-10-2\\u001b","text":"Groundless."}\n' > esc.jsonl
expect 1 "esc.jsonl:1: bad date '2014-10-2\\\\x1b'" -- score -q --jsonl esc.jsonl -o e
printf 'id,outlet,date,text\na,O,"2014-10-2\033",x y\n' > esc.csv
expect 1 "esc.csv:2: record 1: bad date '2014-10-2\\\\x1b'" -- score -q --csv esc.csv -o e

i=0
for s in '' '\u200b' '\ufeff' '\u2060' '\u034f' '\u200e' '\ufe0f'; do
	i=$((i + 1))
	printf '{"id":"r%s","outlet":"Reuters%s","text":"Groundless accusations were made."}\n' $i "$s"
done > r.jsonl
printf '{"id":"x","outlet":"\\u200b","text":"Groundless."}\n' >> r.jsonl
expect 1 'r.jsonl:8: no "outlet"' -- score -q -l "$T/ok.lex" --jsonl r.jsonl -o r
[ "$(tail -n +2 r/scores.tsv | cut -f2 | sort -u)" = Reuters ] \
	|| fail "outlets: $(tail -n +2 r/scores.tsv | cut -f2 | sort -u | od -c | head -5)"
[ "$(tail -n +2 r/scores.tsv | wc -l)" = 7 ] || fail "rows of r.jsonl"
# A folder corpus: two outlet folders, one with a zero width space.
mkdir -p F/Reuters "F/Reuters$(printf '\342\200\213')"
echo "Groundless accusations were made." > F/Reuters/a.txt
echo "Groundless claims were made." > "F/Reuters$(printf '\342\200\213')/b.txt"
expect 0 "" -- score -q -l "$T/ok.lex" F -o f
[ "$(tail -n +2 f/scores.tsv | cut -f2 | sort -u)" = Reuters ] || fail "folder outlets"
# A manifest, with a left-to-right mark (which a table shows as a space).
mkdir M
echo "Groundless accusations were made." > M/a.txt
echo "Groundless claims were made." > M/b.txt
printf 'id\tfile\toutlet\tdate\ttitle\na\ta.txt\tReuters\t\tA\nb\tb.txt\tReuters\342\200\216\t\tB\n' > M/manifest.tsv
expect 0 "" -- score -q -l "$T/ok.lex" M -o m
[ "$(tail -n +2 m/scores.tsv | cut -f2 | sort -u)" = Reuters ] || fail "manifest outlets"
echo ok
