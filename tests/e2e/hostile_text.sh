# Issue 7: hostile article text. Nothing stops a run: empty and blank files
# are warned about, NUL bytes and invalid UTF-8 of every kind are replaced
# (U+FFFD, one per byte) and counted, a BOM is skipped, and CRLF or lone CR
# end lines like LF. Offsets stay byte offsets into the file.
. "$ROOT/tests/e2e/hostile.lib"

c=$T/c
mkdir -p "$c"
printf 'id\tfile\toutlet\tdate\ttitle\n' > "$c/manifest.tsv"
add() { printf '%s\t%s.txt\tX\t\tT\n' "$1" "$1" >> "$c/manifest.tsv"; }
: > "$c/empty.txt"; add empty
printf ' \t\n\r\n   \n\f\v\n' > "$c/blank.txt"; add blank
printf 'groundless claims\000 more groundless text.\n' > "$c/nul.txt"; add nul
printf 'overlong \300\257 \340\200\257 groundless \360\200\200\257\n' > "$c/overlong.txt"; add overlong
printf 'surrogates \355\240\200 \355\277\277 groundless\n' > "$c/surrogate.txt"; add surrogate
printf 'groundless truncated \342\200' > "$c/truncated.txt"; add truncated
printf 'groundless \377\376 \365\200\200\200 \364\220\200\200 \200\n' > "$c/ff.txt"; add ff
printf '\357\273\277groundless at the start\n' > "$c/bom.txt"; add bom
printf 'line one is groundless.\r\nline two groundless.\r\n' > "$c/crlf.txt"; add crlf
printf 'line one is groundless.\rline two groundless.\r' > "$c/cr.txt"; add cr
expect 0 "empty.txt: no words" -- score --no-clean -j 2 -l "$T/ok.lex" "$c" -o "$T/o"
grep -q "blank.txt: no words" "$T/stderr" || fail "blank file not warned about"
grep -q "nul.txt: binary data (a NUL byte at offset 17)" "$T/stderr" || fail "NUL not warned about"
[ "$(grep -c warning "$T/stderr")" = 3 ] || { cat "$T/stderr"; fail "unexpected warnings"; }

# id, tokens, replaced characters, matches.
cut -f1,5,7,8 "$T/o/scores.tsv" > "$T/got"
cat > "$T/want" <<'END'
id	tokens	replaced_chars	acc_matches
empty	0	0	0
blank	0	0	0
nul	5	0	2
overlong	2	9	1
surrogate	2	6	1
truncated	2	2	1
ff	1	11	1
bom	4	0	1
crlf	7	0	2
cr	7	0	2
END
diff "$T/want" "$T/got" || fail "scores of hostile texts"
# id, sentence, byte offset: the BOM counts in the offset, CR and CRLF end lines.
cut -f1,6,7 "$T/o/matches.tsv" | tr '\t\n' ', ' > "$T/got"
[ "$(cat "$T/got")" = "id,sentence,offset nul,1,0 nul,1,24 overlong,1,16 surrogate,1,19 truncated,1,0 ff,1,0 bom,1,3 crlf,1,12 crlf,2,34 cr,1,12 cr,2,33 " ] \
	|| fail "matches of hostile texts: $(cat "$T/got")"
for f in scores matches terms signatures; do
	iconv -f UTF-8 -t UTF-8 "$T/o/$f.tsv" >/dev/null || fail "$f.tsv is not valid UTF-8"
done

# The same texts as JSON Lines: JSON carries raw invalid bytes as well.
for f in empty blank overlong surrogate truncated ff bom crlf cr; do
	printf '{"id":"%s","outlet":"X","text":"' "$f"
	sed 's/\\/\\\\/g; s/"/\\"/g' "$c/$f.txt" | tr '\r\n' '\001\002' \
		| sed 's/\x01/\\r/g; s/\x02/\\n/g'
	echo '"}'
done > "$T/texts.jsonl"
expect 0 "" -- score -q --no-clean -l "$T/ok.lex" --jsonl "$T/texts.jsonl" -o "$T/j"
grep -v '^nul' "$T/o/scores.tsv" | cut -f1,5,7,8 > "$T/want"
cut -f1,5,7,8 "$T/j/scores.tsv" > "$T/got"
diff "$T/want" "$T/got" || fail "JSON Lines scores differ from the files'"

# framing clean takes them all, exit 0.
for f in "$c"/*.txt; do
	expect 0 "kept" -- clean "$f"
	iconv -f UTF-8 -t UTF-8 "$T/stdout" >/dev/null || fail "clean $f: output is not valid UTF-8"
done

# A line of 1 MB with no line end, and one of 1 MB of a single word.
{ awk 'BEGIN { for (i = 0; i < 20000; i++) printf "The claim was groundless, they said. " }'; } \
	> "$c/long.txt"
head -c 1048576 /dev/zero | tr '\0' a > "$c/word.txt"
printf 'long\tlong.txt\tX\t\tT\nword\tword.txt\tX\t\tT\n' >> "$c/manifest.tsv"
expect 0 "" -- score -q -l "$T/ok.lex" "$c" -o "$T/o"
[ "$(grep '^long' "$T/o/scores.tsv" | cut -f5,8)" = "$(printf '120000\t20000')" ] || fail "1 MB line"
[ "$(grep '^word' "$T/o/scores.tsv" | cut -f5)" = 0 ] || fail "1 MB word is dropped as boilerplate"
expect 0 "" -- score -q --no-clean -l "$T/ok.lex" "$c" -o "$T/o"
[ "$(grep '^word' "$T/o/scores.tsv" | cut -f5)" = 1 ] || fail "1 MB word is one token"
# 4 MB of lone CRs: four million empty lines, split in linear time (the
# next LF was searched to the end of the file for every CR: minutes).
mkdir -p "$T/cr/X"
head -c 4194304 /dev/zero | tr '\0' '\r' > "$T/cr/X/cr.txt"
start=$(date +%s)
expect 0 "cr.txt: no words" -- score -j 1 -l "$T/ok.lex" "$T/cr" -o "$T/cro"
expect 0 "kept 0 of 0 lines" -- clean "$T/cr/X/cr.txt"
[ $(($(date +%s) - start)) -lt 30 ] || fail "4 MB of CRs took 30 s or more"

# A million short lines in a row (10 MB): each follows its neighbours, which
# were looked for from every line (quadratic: about four minutes).
mkdir -p "$T/short/X"
awk 'BEGIN { print "A headline"; for (i = 0; i < 1000000; i++) print "It is so." }' \
	> "$T/short/X/short.txt"
start=$(date +%s)
expect 0 "kept 1000001 of 1000001 lines" -- clean "$T/short/X/short.txt"
expect 0 "" -- score -q -j 1 -l "$T/ok.lex" "$T/short" -o "$T/shorto"
[ $(($(date +%s) - start)) -lt 30 ] || fail "a million short lines took 30 s or more"
echo ok
