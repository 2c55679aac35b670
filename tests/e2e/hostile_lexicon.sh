# Issue 7: hostile lexicons. Each bad one stops the run with exit 2 and
# FILE:LINE:COL before anything is written; big ones load and match in
# time that does not grow with the lexicon.
. "$ROOT/tests/e2e/hostile.lib"

mkdir -p "$T/c/X"
printf 'A groundless claim, said the officials today.\n' > "$T/c/X/a.txt"

# A glob of only '*', and '*' alone after a word.
printf '[a]\n*\n' > "$T/star.lex"
expect 2 "star.lex:2:1: '\*' may only end a word" -- score -l "$T/star.lex" "$T/c" -o "$T/o"
printf '[a]\ngood *\n' > "$T/star2.lex"
expect 2 "star2.lex:2:6: '\*' may only end a word" -- score -l "$T/star2.lex" "$T/c" -o "$T/o"
[ -e "$T/o" ] && fail "output written after a lexicon error"

# Weights that are not positive finite numbers, each with its column.
# Weights are decimal: hexadecimal (0x10 was taken as 16) is refused too.
for w in nan NaN inf -inf infinity 1e400 -0 0 -1 0x 1e-400 '1 2' 0x10 0x1p-3 1e 1.2.3 .; do
	printf '[a]\ngroundless = %s\n' "$w" > "$T/w.lex"
	expect 2 "w.lex:2:14: bad weight '$w' (a positive finite number)" \
		-- score -l "$T/w.lex" "$T/c" -o "$T/o"
done
printf '[a]\ngroundless = \n' > "$T/w.lex"
expect 2 "w.lex:2:13: bad weight '' (a positive finite number)" -- score -l "$T/w.lex" "$T/c" -o "$T/o"
# Decimal forms and tiny weights are numbers like any other.
printf '[a]\ngroundless = .125\nclaim = 1e-300\naccus* = +1.5E+0\n' > "$T/w.lex"
expect 0 "" -- score -q --no-clean -l "$T/w.lex" "$T/c" -o "$T/o"
[ "$(cut -f9 "$T/o/scores.tsv" | tail -n 1)" = 0.125 ] || fail "weight .125"

# A NUL byte, a BOM and CRLF line ends.
printf '[a]\ngroundless\000\n' > "$T/nul.lex"
expect 2 "nul.lex: not a text file (contains a NUL byte)" -- score -l "$T/nul.lex" "$T/c" -o "$T/o"
printf '\357\273\277[a]\r\ngroundless\r\n' > "$T/bom.lex"
expect 0 "" -- score -q --no-clean -l "$T/bom.lex" "$T/c" -o "$T/o"
[ "$(cut -f8 "$T/o/scores.tsv" | tail -n 1)" = 1 ] || fail "BOM + CRLF lexicon does not match"
# Invalid UTF-8 after the words is not a word; the entry as written goes
# to matches.tsv with U+FFFD for it, so the table stays valid UTF-8.
printf '[a]\ngroundless \377\300\257\n' > "$T/utf.lex"
expect 0 "" -- score -q --no-clean -l "$T/utf.lex" "$T/c" -o "$T/o"
grep -q "${tab}groundless $(printf '\357\277\275\357\277\275\357\277\275')${tab}" "$T/o/matches.tsv" \
	|| fail "entry with invalid UTF-8 in matches.tsv"
iconv -f UTF-8 -t UTF-8 "$T/o/matches.tsv" >/dev/null || fail "matches.tsv is not valid UTF-8"

# Lines of 1 MB: a comment and a word load; a phrase of 200,000 words is
# refused (matching it would take minutes: each of its starts compares it
# word by word), while 64 words, the limit, match in time.
{
	printf '[a]\n# '; head -c 1048576 /dev/zero | tr '\0' c; echo
	head -c 1048576 /dev/zero | tr '\0' q; echo
	echo groundless
} > "$T/long.lex"
expect 0 "" -- score -q --no-clean -l "$T/long.lex" "$T/c" -o "$T/o"
{ echo '[a]'; awk 'BEGIN { for (i = 0; i < 200000; i++) printf "w "; print "" }'; } > "$T/phrase.lex"
expect 2 "phrase.lex:2:1: entry has 200000 words; at most 64" -- score -l "$T/phrase.lex" "$T/c" -o "$T/o"
{ echo '[a]'; awk 'BEGIN { for (i = 0; i < 64; i++) printf "w "; print "" }'; } > "$T/p64.lex"
{ printf '{"outlet":"X","text":"'; awk 'BEGIN { for (i = 0; i < 300000; i++) printf "w " }'; echo '"}'; } \
	> "$T/w.jsonl"
start=$(date +%s)
expect 0 "" -- score -q --no-clean -j 1 -l "$T/p64.lex" --jsonl "$T/w.jsonl" --stdout
[ $(($(date +%s) - start)) -lt 30 ] || fail "a 64-word phrase over 300,000 words took 30 s or more"
[ "$(cut -f8 "$T/stdout" | tail -n 1)" = 4687 ] || fail "64-word phrase: $(cut -f8 "$T/stdout" | tail -n 1) matches"

# Lexicon import: a LIWC-22 .dicx with 40 categories (import kept pointers
# into an array that moved as it grew, and crashed from 17 on).
{
	printf 'DicTerm'; i=1; while [ $i -le 40 ]; do printf ',Cat%d' $i; i=$((i + 1)); done; echo
	i=1
	while [ $i -le 40 ]; do
		printf 'word%d' $i
		j=1; while [ $j -le 40 ]; do [ $i = $j ] && printf ',X' || printf ','; j=$((j + 1)); done
		echo; i=$((i + 1))
	done
} > "$T/many.dicx"
expect 0 "" -- lexicon import "$T/many.dicx"
[ "$(grep -c '^word' "$T/stdout")" = 40 ] || fail "dicx import lost terms"
[ "$(grep -c '^\[cat' "$T/stdout")" = 40 ] || fail "dicx import lost categories"

# A million entries: words, globs, case-sensitive words, weighted phrases,
# and 20,000 phrases that all start with "the" (a "the" used to try each of
# them: 40 s here for the 200,000 "the" of the text below).
# Loading takes seconds; matching must not slow down with the size of the
# lexicon (only a word's own entries are tried), so the CPU time per token
# against it is compared with that against a two-entry lexicon.
have_time || { echo "skip: the million-entry timing needs /usr/bin/time"; echo ok; exit 0; }
n=1000000
sanitized && { n=100000; echo "sanitizer build: $n entries, not 1,000,000, and no timing"; }
awk -v n=$n 'BEGIN {
	print "[big] a million entries"
	for (i = 1; i <= n; i++) {
		if (i % 3 == 0) printf "w%d x%d = 2\n", i, i
		else if (i % 3 == 1) printf "w%d*\n", i
		else printf "\"W%d\"\n", i
		if (i <= 20000) printf "the x%d\n", i
	}
	print "groundless"
}' > "$T/big.lex"
awk 'BEGIN {
	for (i = 1; i <= 400; i++) {
		printf "{\"outlet\":\"O\",\"text\":\""
		for (j = 0; j < 500; j++) printf "v%d y%d groundless the z%dx ", i * j, i * j, i - j
		print "\"}"
	}
}' > "$T/text.jsonl"
echo '{"outlet":"O","text":"nothing"}' > "$T/one.jsonl"
expect 0 "" -- score -q --no-clean -j 1 -l "$T/big.lex" --jsonl "$T/text.jsonl" --stdout
[ "$(awk -F'\t' 'NR > 1 { n += $8 } END { print n }' "$T/stdout")" = 200000 ] || fail "big lexicon matches"
sanitized && { echo ok; exit 0; }
run="$FRAMING score -q --no-clean -j 1 --stdout"
big_load=$(cpu_seconds $run -l "$T/big.lex" --jsonl "$T/one.jsonl")
big=$(cpu_seconds $run -l "$T/big.lex" --jsonl "$T/text.jsonl")
small_load=$(cpu_seconds $run -l "$T/ok.lex" --jsonl "$T/one.jsonl")
small=$(cpu_seconds $run -l "$T/ok.lex" --jsonl "$T/text.jsonl")
echo "1,020,000 entries: load ${big_load}s; 1,000,000 tokens: ${big}s against them, ${small}s against 2 entries"
awk -v bl="$big_load" -v b="$big" -v sl="$small_load" -v s="$small" \
	'BEGIN { exit !(bl < 20 && (b - bl) <= 5 * (s - sl) + 1) }' \
	|| fail "the million-entry lexicon slows matching down (or loads in 20 s or more)"
echo ok
