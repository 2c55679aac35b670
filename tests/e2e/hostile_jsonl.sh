# Issue 7: hostile JSON Lines (score_jsonl.sh has numbers as text, not
# JSON, a top-level array, 500 levels of nesting, \u0000, a bad date and a
# truncated last line). A bad line is reported with its number and skipped,
# the rest is scored, exit 1; memory stays bounded whatever a line holds.
. "$ROOT/tests/e2e/hostile.lib"

# Lines with backslashes: dash's echo would read its escapes.
line() { printf '%s\n' "$1"; }
good='{"outlet":"X","id":"good","text":"A groundless claim."}'
{
	printf '\357\273\277{"outlet":"X","id":"bom","text":"groundless claim"}\r\n'
	line '{"outlet":{"a":1},"text":"x"}'
	line '{"outlet":"X","id":true,"text":"x"}'
	line '{"outlet":"X","title":["a"],"text":"x"}'
	line '{"outlet":"X","id":null,"title":null,"text":"null is absent"}'
	line '{"outlet":"X","text":null}'
	line '{"outlet":"","text":"x"}'
	printf '{"outlet":"X","id":"raw","text":"gr\000oundless"}\n'
	printf '{"outlet":"X","text":"x","deep":'
	awk 'BEGIN { for (i = 0; i < 10000; i++) printf "["; for (i = 0; i < 10000; i++) printf "]" }'
	line '}'
	line '{"outlet":"X","id":"esc","text":"\ud800 \udc00 \ud83d\ude00 \\ud800 groundless"}'
	line '   '
	# (an id with a tab or a newline is refused: ids_collide.sh)
	line '{"outlet":"X","id":"a b c","title":"a\tb\nc \u001b]0;x\u0007","text":"groundless"}'
	line "$good"
	printf '{"outlet":"X","id":"cut","text":"\\ud8'
} > "$T/h.jsonl"
expect 1 "h.jsonl:2: id, outlet, date and title must be strings or numbers; skipped" \
	-- score --no-clean -l "$T/ok.lex" --jsonl "$T/h.jsonl" -o "$T/o"
for want in "h.jsonl:3: id, outlet" "h.jsonl:4: id, outlet" "h.jsonl:6: \"text\" is not a string" \
	"h.jsonl:7: no \"outlet\"" "h.jsonl:8: a NUL byte, which JSON cannot hold" \
	"h.jsonl:9: bad JSON at byte 1032" \
	'h.jsonl:10: 2 lone surrogate escapes (\ud800-\udfff) read as U+FFFD' \
	"h.jsonl:14: bad JSON at byte 34" "8 articles skipped"; do
	grep -qF -- "$want" "$T/stderr" || { cat "$T/stderr"; fail "no message '$want'"; }
done
# Line 5 has no id: it gets the hash of its outlet, date, title and text.
case "$(cut -f1 "$T/o/scores.tsv" | tr '\n' ' ')" in
"id bom sha256:"????????????????" esc a b c good ") ;;
*) fail "rows: $(cut -f1 "$T/o/scores.tsv" | tr '\n' ' ')" ;;
esac
# Control characters in fields never split a row.
[ "$(wc -l < "$T/o/scores.tsv")" = 6 ] || fail "a field broke a row"
[ "$(awk -F'\t' '{ print NF }' "$T/o/scores.tsv" | sort -u | wc -l)" = 1 ] || fail "ragged rows"
iconv -f UTF-8 -t UTF-8 "$T/o/scores.tsv" >/dev/null || fail "scores.tsv is not valid UTF-8"

# Empty input, only blank lines, and stdin: a header and no rows, exit 0.
: > "$T/empty.jsonl"
expect 0 "" -- score -q -l "$T/ok.lex" --jsonl "$T/empty.jsonl" --stdout
[ "$(wc -l < "$T/stdout")" = 1 ] || fail "empty JSON Lines"
printf '\n\r\n  \n' | "$FRAMING" score -q -l "$T/ok.lex" --jsonl - --stdout > "$T/stdout" \
	|| fail "blank lines on stdin"
[ "$(wc -l < "$T/stdout")" = 1 ] || fail "blank JSON Lines"

# A 100 MB string: over the default 50 MB limit it is skipped while it is
# read (memory stays far below its size); with the limit raised it is
# scored in memory proportional to its size.
{
	echo "$good"
	printf '{"outlet":"X","id":"big","text":"'
	awk 'BEGIN { s = "The groundless claim was made again. "; for (i = 0; i < 12; i++) s = s s
		for (n = 0; n < 100 * 1048576; n += length(s)) printf "%s", s }'
	echo '"}'
	echo "$good" | sed 's/"good"/"good2"/'	# a second line with one id is refused
} > "$T/big.jsonl"
expect 1 "big.jsonl:2: a line of more than --max-article-bytes 52428800; skipped" \
	-- score -q -l "$T/ok.lex" --jsonl "$T/big.jsonl" -o "$T/o"
[ "$(cut -f1 "$T/o/scores.tsv" | tr '\n' ' ')" = "id good good2 " ] || fail "rows around the big line"
if sanitized; then
	echo "skip: peak memory under the sanitizers, and scoring 100 MB there"
elif have_time; then
	kb=$(peak_kb "$FRAMING" score -q -j 2 -l "$T/ok.lex" --jsonl "$T/big.jsonl" -o "$T/o")
	echo "100 MB line over the limit: peak RSS $kb KB"
	[ "$kb" -lt 102400 ] || fail "a skipped 100 MB line took $kb KB"
	kb=$(peak_kb "$FRAMING" score -q -j 1 --max-article-bytes 0 -l "$T/ok.lex" \
		--jsonl "$T/big.jsonl" -o "$T/o")
	echo "100 MB line scored: peak RSS $kb KB"
	# Tokens, normalised forms and matches cost about 13 bytes per byte
	# of text; 20 is the bound.
	[ "$kb" -lt $((20 * 102400)) ] || fail "a 100 MB article took $kb KB"
	[ "$(grep -c '^big' "$T/o/scores.tsv")" = 1 ] || fail "the 100 MB article was not scored"
else
	echo "skip: peak memory needs /usr/bin/time"
fi
echo ok
