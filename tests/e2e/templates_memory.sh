# Issue 13, item 3: the site templates are counted in bounded memory. Two
# outlets, every article with its outlet's cookie notice and five lines of
# its own, every hundredth with a market-data line: at 100,000 and 300,000
# articles (600,000 and 1,800,000 distinct lines, more than the 524,288 the
# table holds) the peak memory of framing templates is the same, and the
# counts are exact (the second pass counts what the bounded first kept),
# and the same at any -j.
. "$ROOT/tests/e2e/hostile.lib"
gen() {
	awk -v n="$1" 'function w(k,  s) { s = ""; do { s = s sprintf("%c", 97 + k % 26); k = int(k / 26) } while (k > 0); return s }
	BEGIN { for (i = 1; i <= n; i++) { o = i % 2 ? "North" : "South"
		t = "We use cookies on the " o " site; by using it you agree to our cookie policy.\\n"
		for (p = 1; p <= 5; p++) t = t "Story line " w(p) " of article " w(i) " made the news today.\\n"
		if (i % 100 == 0) t = t "Markets: figures are delayed and given for information only.\\n"
		printf "{\"outlet\":\"%s\",\"text\":\"%s\"}\n", o, t } }' > "$T/big.jsonl"
}
check() {
	half=$(($1 / 2)) markets=$(($1 / 100))
	cut -f1,2 "$T/t.tsv" | tr '\t\n' ':,' > "$T/rows"
	[ "$(cat "$T/rows")" = "outlet:count,North:$half,South:$half,South:$markets," ] \
		|| fail "$1 articles: table $(cat "$T/rows")"
}
for n in 100000 300000; do
	gen $n
	if have_time && ! sanitized; then
		kb=$(peak_kb "$FRAMING" templates -q --jsonl "$T/big.jsonl" -o "$T/t.tsv")
		echo "$n articles: peak RSS $kb KB"
		eval "kb_$n=$kb"
	else
		"$FRAMING" templates -q --jsonl "$T/big.jsonl" -o "$T/t.tsv" || fail "templates on $n articles"
	fi
	check $n
	if [ $n = 100000 ]; then
		# Counting is in input order: with the bounded count's rounds, one thread or three find one table.
		"$FRAMING" templates -q -j 1 --jsonl "$T/big.jsonl" -o "$T/t1.tsv" || fail "templates -j 1"
		"$FRAMING" templates -q -j 3 --jsonl "$T/big.jsonl" -o "$T/t3.tsv" || fail "templates -j 3"
		cmp "$T/t1.tsv" "$T/t.tsv" && cmp "$T/t3.tsv" "$T/t.tsv" || fail "the table depends on -j"
	fi
done
rm -f "$T/big.jsonl"
if have_time && ! sanitized; then
	# The table: 2^20 slots of 16 bytes, and half of that while it grows.
	[ "$kb_300000" -lt 40960 ] || fail "300,000 articles took $kb_300000 KB"
	[ $((kb_300000 - kb_100000)) -lt 2048 ] || fail "memory grew from $kb_100000 KB to $kb_300000 KB"
	# The table's memory goes back to the system when the pass ends: freed
	# through malloc, its 16 MB raised glibc's mmap threshold and scoring
	# kept 2 to 3 MB more here (13 MB more on 100 MB of JSON Lines).
	gen=$(dirname "$FRAMING")/gencorpus
	[ -x "$gen" ] || gen=$ROOT/build/gencorpus
	if [ -x "$gen" ]; then
		FRAMING_LEXICONS=$ROOT/lexicons
		export FRAMING_LEXICONS
		"$gen" -s 10M -r 7 -f jsonl -d "$ROOT/corpus/seeds" "$T/g.jsonl" 2>/dev/null ||
			fail "gencorpus failed"
		"$FRAMING" score -q -j 2 --jsonl "$T/g.jsonl" -o "$T/o1" || fail "score of the 10 MB corpus"
		kb_t=$(peak_kb "$FRAMING" score -q -j 2 --jsonl "$T/g.jsonl" -o "$T/o1")
		kb_n=$(peak_kb "$FRAMING" score -q -j 2 --no-templates --jsonl "$T/g.jsonl" -o "$T/o2")
		echo "score 10 MB: peak RSS $kb_t KB, $kb_n KB with --no-templates"
		[ $((kb_t - kb_n)) -lt 1536 ] || fail "the template pass left $((kb_t - kb_n)) KB to scoring"
		rm -rf "$T/g.jsonl" "$T/o1" "$T/o2"
	else
		echo "skip: the template pass's memory (no gencorpus built)"
	fi
else
	echo "skip: memory bound (no /usr/bin/time, or the sanitizers)"
fi
echo ok
