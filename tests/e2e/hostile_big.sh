# Issue 7, items 1 and 6: big inputs, made here in the temporary folder. A
# 200 MB article on one line is refused by --max-article-bytes (default
# 50 MB) with a message and the run goes on; a million one-word articles
# stream through in constant memory: peak memory is the same for 10,000
# and 100,000 articles.
. "$ROOT/tests/e2e/hostile.lib"

# 200 MB on one line, in a corpus folder and as a JSON Lines string.
mkdir -p "$T/c/X"
printf 'A groundless claim, said the officials of the ministry today.\n' > "$T/c/X/a.txt"
awk 'BEGIN { s = "The groundless claim was made again by the officials today. "
	for (i = 0; i < 12; i++) s = s s
	for (n = 0; n < 200 * 1048576; n += length(s)) printf "%s", s; print "" }' > "$T/c/X/big.txt"
cp "$T/c/X/a.txt" "$T/c/X/z.txt"
expect 1 "c/X/big.txt: 2098.* bytes, more than --max-article-bytes 52428800; skipped" \
	-- score -q -l "$T/ok.lex" "$T/c" -o "$T/o"
grep -q "1 article skipped" "$T/stderr" || fail "no count of skipped articles"
[ "$(cut -f1 "$T/o/scores.tsv" | tr '\n' ' ')" = "id X/a X/z " ] || fail "rows around the big article"
{ printf '{"outlet":"X","text":"'; tr -d '\n' < "$T/c/X/big.txt"; echo '"}'; } \
	> "$T/big.jsonl"
rm "$T/c/X/big.txt"
printf '{"outlet":"X","text":"A groundless claim."}\n' >> "$T/big.jsonl"
expect 1 "big.jsonl:1: a line of more than --max-article-bytes 52428800; skipped" \
	-- score -q -l "$T/ok.lex" --jsonl "$T/big.jsonl" -o "$T/o"
[ "$(wc -l < "$T/o/scores.tsv")" = 2 ] || fail "the line after the 200 MB one"
if have_time && ! sanitized; then
	kb=$(peak_kb "$FRAMING" score -q -j 2 -l "$T/ok.lex" --jsonl "$T/big.jsonl" -o "$T/o")
	echo "200 MB line skipped: peak RSS $kb KB"
	[ "$kb" -lt 102400 ] || fail "skipping a 200 MB line took $kb KB"
fi
rm "$T/big.jsonl"
# A limit that every article is over: each is named, exit 1, no rows.
expect 1 "a.txt: 62 bytes, more than --max-article-bytes 10; skipped" \
	-- score -q --max-article-bytes 10 -l "$T/ok.lex" "$T/c" -o "$T/o"
grep -q "2 articles skipped" "$T/stderr" || fail "count of skipped articles"
[ "$(wc -l < "$T/o/scores.tsv")" = 1 ] || fail "rows of skipped articles"
expect 2 "option '--max-article-bytes': '-1' is not a whole number from 0 to" -- score --max-article-bytes -1 "$T/c"
expect 2 "option '--max-article-bytes': '1e9' is not a whole number from 0 to" -- score --max-article-bytes 1e9 "$T/c"

# An article of ten million line ends (20 MB of JSON): scored with its
# one match, in little memory. Every empty line used to be listed for the
# cleaner, 190 bytes each: 1.9 GB.
awk 'BEGIN { printf "{\"outlet\":\"X\",\"text\":\"A groundless claim."
	for (i = 0; i < 10000000; i++) printf "\\n"
	print "The end.\"}" }' > "$T/nl.jsonl"
expect 0 "" -- score -q -j 1 --no-clean -l "$T/ok.lex" --jsonl "$T/nl.jsonl" -o "$T/nl"
[ "$(cut -f5,8 "$T/nl/scores.tsv" | sed -n 2p)" = "$(printf '5\t1')" ] || fail "tokens and match of the article of line ends"
if have_time && ! sanitized; then
	kb=$(peak_kb "$FRAMING" score -q -j 1 -l "$T/ok.lex" --jsonl "$T/nl.jsonl" -o "$T/nl")
	echo "10,000,000 line ends: peak RSS $kb KB"
	[ "$kb" -lt 204800 ] || fail "an article of 10,000,000 line ends took $kb KB"
fi
rm "$T/nl.jsonl"
# Ten megabytes of one-letter lines: each line is kept for the cleaner's
# verdicts in 50 bytes or so (it was 190: 950 MB for this article).
mkdir -p "$T/letters/X"
awk 'BEGIN { print "A groundless claim was made today by the officials of the ministry."
	for (i = 0; i < 5000000; i++) print "a" }' > "$T/letters/X/a.txt"
if have_time && ! sanitized; then
	kb=$(peak_kb "$FRAMING" score -q -j 1 -l "$T/ok.lex" "$T/letters" -o "$T/lo")
	echo "5,000,000 one-letter lines: peak RSS $kb KB"
	[ "$kb" -lt 409600 ] || fail "an article of 5,000,000 one-letter lines took $kb KB"
fi
rm -r "$T/letters"

# A million one-word articles: every one scored, in order, in memory that
# does not grow with their number. Under the sanitizers (ten times slower)
# a hundred thousand; the plain build runs the million.
n=1000000
sanitized && { n=100000; echo "sanitizer build: $n one-word articles, not 1,000,000"; }
awk -v n=$n 'BEGIN { for (i = 1; i <= n; i++)
	printf "{\"id\":\"a%d\",\"outlet\":\"O%d\",\"text\":\"groundless\"}\n", i, i % 7 }' > "$T/m.jsonl"
start=$(date +%s)
expect 0 "" -- score -q -j 2 --no-clean -l "$T/ok.lex" --jsonl "$T/m.jsonl" -o "$T/m"
echo "$n one-word articles: $(($(date +%s) - start)) s"
[ "$(wc -l < "$T/m/scores.tsv")" = $((n + 1)) ] || fail "rows of $n articles"
[ "$(sed -n "$((n + 1))p" "$T/m/scores.tsv" | cut -f1,2,5,8)" = "$(printf "a$n\tO$((n % 7))\t1\t1")" ] \
	|| fail "the last of $n articles"
[ "$(wc -l < "$T/m/matches.tsv")" = $((n + 1)) ] || fail "matches of $n articles"
if sanitized; then
	echo "skip: peak memory under the sanitizers (ASan holds freed memory in quarantine)"
elif have_time; then
	head -n 10000 "$T/m.jsonl" > "$T/10k.jsonl"
	head -n 100000 "$T/m.jsonl" > "$T/100k.jsonl"
	for j in 1 2; do
		a=$(peak_kb "$FRAMING" score -q -j $j -l "$T/ok.lex" --jsonl "$T/10k.jsonl" -o "$T/p")
		b=$(peak_kb "$FRAMING" score -q -j $j -l "$T/ok.lex" --jsonl "$T/100k.jsonl" -o "$T/p")
		echo "peak RSS, -j $j: 10,000 articles $a KB, 100,000 $b KB"
		# Besides: the check of repeated ids holds 12 bytes a slot of a
		# table at most 80% full, up to 30 bytes an article (source.c).
		[ "$b" -lt $((a + a / 4 + 1024 + 90000 * 30 / 1024)) ] \
			|| fail "memory grows with the number of articles (-j $j: $a, $b KB)"
	done
	# Every article its own outlet: the term tables, one per outlet per
	# worker, start small (they once took 1.6 GB for 100,000 outlets).
	awk 'BEGIN { for (i = 1; i <= 100000; i++)
		printf "{\"id\":\"a%d\",\"outlet\":\"Outlet %d\",\"text\":\"Groundless claims, mutual respect.\"}\n", i, i }' \
		> "$T/outlets.jsonl"
	kb=$(peak_kb "$FRAMING" score -q -j 2 --no-clean -l "$T/ok.lex" --jsonl "$T/outlets.jsonl" -o "$T/p")
	echo "peak RSS, 100,000 outlets: $kb KB"
	[ "$kb" -lt 400000 ] || fail "100,000 outlets take $kb KB"
	[ "$(wc -l < "$T/p/terms.tsv")" = 400001 ] || fail "terms of 100,000 outlets"
	# A one-word article fills one bin of its signature and copies it into
	# the other 127: that took 4.4 times the CPU of a twenty-word article.
	awk 'BEGIN { for (i = 1; i <= 200000; i++) { printf "{\"outlet\":\"O\",\"text\":\""
		for (j = 0; j < 20; j++) printf "w%d ", (i * 31 + j * 7) % 1000
		print "groundless\"}" } }' > "$T/m20.jsonl"
	head -n 200000 "$T/m.jsonl" > "$T/m1.jsonl"
	one=$(cpu_seconds "$FRAMING" score -q -j 1 --no-clean -l "$T/ok.lex" --jsonl "$T/m1.jsonl" -o "$T/p")
	twenty=$(cpu_seconds "$FRAMING" score -q -j 1 --no-clean -l "$T/ok.lex" --jsonl "$T/m20.jsonl" -o "$T/p")
	echo "200,000 articles of one word: ${one}s of CPU; of twenty-one words: ${twenty}s"
	awk -v a="$one" -v b="$twenty" 'BEGIN { exit !(a <= 2 * b + 0.2) }' \
		|| fail "one-word articles cost more than twice twenty-word ones"
else
	echo "skip: peak memory needs /usr/bin/time"
fi
echo ok
