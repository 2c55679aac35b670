# Bounds on what one field or one line may hold (issue 18, items 8 and
# 13): ids, outlets, titles and extra fields over their limits are
# refused with the article (a 1 MB outlet name made report use 712 MB and
# write 2.2 GB); JSON numbers beyond a double are refused by line.
. "$(dirname "$0")/hostile.lib"
cd "$T"
long() { head -c "$1" /dev/zero | tr '\0' x; }

# A 1 MB outlet, a 2,000-byte id and a 100 KB extra field in JSON Lines.
{
	printf '{"id":"ok","outlet":"X","text":"Groundless claims.","url":"u"}\n'
	printf '{"id":"big-outlet","outlet":"%s","text":"Groundless."}\n' "$(long 1048576)"
	printf '{"id":"%s","outlet":"X","text":"Groundless."}\n' "$(long 2000)"
	printf '{"id":"big-url","outlet":"X","text":"Groundless.","url":"%s"}\n' "$(long 100000)"
	printf '{"id":"big-title","outlet":"X","text":"Groundless.","title":"%s"}\n' "$(long 70000)"
	printf '{"id":1e400,"outlet":"X","text":"Groundless."}\n'
	printf '{"id":"inf-url","outlet":"X","text":"Groundless.","url":-1E999}\n'
	printf '{"id":"last","outlet":"X","text":"Groundless claims."}\n'
} > big.jsonl
expect 1 "big.jsonl:2: outlet of 1048576 bytes, more than 1024; skipped" \
	-- score -q --no-clean -l ok.lex --jsonl big.jsonl -o o
for want in "big.jsonl:3: id of 2000 bytes, more than 1024; skipped" \
	"big.jsonl:4: column 'url' of 100000 bytes, more than 65536; skipped" \
	"big.jsonl:5: title of 70000 bytes, more than 65536; skipped" \
	'big.jsonl:6: "id": the number 1e400 is beyond the range of a double; skipped' \
	'big.jsonl:7: "url": the number -1E999 is beyond the range of a double; skipped' \
	"6 articles skipped"; do
	grep -qF -- "$want" "$T/stderr" || { cat "$T/stderr"; fail "no message '$want'"; }
done
[ "$(cut -f1 o/scores.tsv | tr '\n' ' ')" = "id ok last " ] || fail "rows: $(cut -f1 o/scores.tsv)"

# The same limits for a manifest.
mkdir c
echo 'Groundless claims.' > c/a.txt
echo 'Groundless claims.' > c/b.txt
printf 'id\tfile\toutlet\tdate\ttitle\na\ta.txt\t%s\t\tA\nb\tb.txt\tX\t\tB\n' "$(long 5000)" > c/manifest.tsv
expect 1 "c/manifest.tsv:2: outlet of 5000 bytes, more than 1024; skipped" \
	-- score -q --no-clean -l ok.lex c -o o2
[ "$(cut -f1 o2/scores.tsv | tr '\n' ' ')" = "id b " ] || fail "manifest rows: $(cut -f1 o2/scores.tsv)"

# Manifest columns named as columns of scores.tsv are written with a
# prefix: two columns named stance made stats read the wrong one.
mkdir c3
echo 'Groundless claims.' > c3/a.txt
printf 'id\tfile\toutlet\tdate\ttitle\tstance\ttokens\textra_stance\na\ta.txt\tX\t\tA\tpro\t7\tq\n' \
	> c3/manifest.tsv
expect 0 "the input's column 'stance' is written as 'extra_stance'" \
	-- score --no-clean -l ok.lex c3 -o o4
[ "$(head -n 1 o4/scores.tsv | tr '\t' '\n' | sort | uniq -d)" = "" ] \
	|| fail "scores.tsv has two columns of one name: $(head -n 1 o4/scores.tsv)"
[ "$(head -n 1 o4/scores.tsv | cut -f 16-)" = "extra_stance${tab}extra_tokens${tab}extra_extra_stance" ] \
	|| fail "extra columns: $(head -n 1 o4/scores.tsv | cut -f 16-)"

# Tables are read a bounded line at a time: a 2 GB sparse scores.tsv (one
# line of NULs) and /dev/zero are refused after 16 MB, a long row by its line.
truncate -s 2G sparse.tsv
expect 2 "sparse.tsv:1: a line of more than 16777216 bytes" -- stats -q sparse.tsv -o s
timeout 60 "$FRAMING" stats -q /dev/zero -o s 2>"$T/stderr"
[ $? -eq 2 ] || fail "stats /dev/zero: not refused"
grep -q "/dev/zero:1: a line of more than" "$T/stderr" || fail "stats /dev/zero: $(cat "$T/stderr")"
{ head -n 2 o/scores.tsv; printf 'x\tX\tNA\t%s\n' "$(long 17000000)"; } > long.tsv
expect 2 "long.tsv:3: a line of more than 16777216 bytes" -- stats -q long.tsv -o s
{ head -n 1 o/scores.tsv; awk 'BEGIN { for (i = 0; i < 20000; i++) printf "\t"; print "" }'; } > tabs.tsv
expect 2 "tabs.tsv:2: 20001 fields, but the header has" -- stats -q tabs.tsv -o s
# A lexicon: a 2 GB sparse file is refused before it is read.
truncate -s 2G sparse.lex
expect 2 "sparse.lex: 2147483648 bytes, more than a lexicon's 67108864" -- lexicon check sparse.lex
if have_time && ! sanitized; then
	kb=$(peak_kb "$FRAMING" stats -q sparse.tsv -o s)
	[ "$kb" -lt 102400 ] || fail "a 2 GB sparse scores.tsv took $kb KB before it was refused"
	kb=$(peak_kb "$FRAMING" lexicon check sparse.lex)
	[ "$kb" -lt 102400 ] || fail "a 2 GB sparse lexicon took $kb KB before it was refused"
fi

# A weight whose sums can overflow is refused where it is written.
printf '[acc] a\ngroundless = 1.7e308\nclaims = 1e6\n' > w.lex
expect 2 "w.lex:2:14: weight '1.7e308' is over 1000000" -- score -q -l w.lex --jsonl big.jsonl -o o3

# Table values of 1e308 are drawn at the edge of the chart: gnuplot
# failed on the ranges they made (stance.svg was not drawn).
if command -v gnuplot >/dev/null 2>&1; then
	"$FRAMING" score -q -l "$ROOT/lexicons/stance.lex" -l "$ROOT/lexicons/actors.lex" \
		"$ROOT/corpus/seeds" -o seeds 2>/dev/null || fail "score of the seeds"
	"$FRAMING" stats -q seeds/scores.tsv -o seeds 2>/dev/null || fail "stats of the seeds"
	awk -F'\t' -v OFS='\t' 'NR > 1 { for (i = 6; i <= 15; i++) $i = NR % 2 ? "1e308" : "-1e308" }
		{ print }' seeds/outlets.tsv > huge.tsv && mv huge.tsv seeds/outlets.tsv
	# A table edited on purpose: its run stamp goes, as README says.
	rm seeds/run.tsv
	expect 0 "" -- chart -q -i seeds -o charts
	! grep -q "gnuplot failed" "$T/stderr" || fail "chart of 1e308: $(head -n 3 "$T/stderr")"
	[ -s charts/stance.svg ] || fail "chart of 1e308: no stance.svg"
	echo ok
else
	echo "ok (skipped in part: gnuplot not installed)"
fi
