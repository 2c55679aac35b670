# Trial of issue 14: score reads the dates import reads. JSON Lines, CSV and
# a manifest.tsv with dates in ISO 8601 with a time, RFC 2822, Reuters-21578's
# form and "February 26, 1987" score with the date written YYYY-MM-DD (before,
# score refused each "(expected YYYY-MM-DD)" while import took them); a
# spreadsheet's 26/02/1987 is still refused, saying why; a date no form
# reads is refused pointing to the list of forms.
. "$ROOT/tests/e2e/hostile.lib"
cd "$ROOT" || exit 1

forms='2014-10-20T08:00:00Z|2014-10-20
20010101T083000+0000|2001-01-01
Thu, 26 Feb 1987 17:00:56 GMT|1987-02-26
26-FEB-1987 17:00:56.04|1987-02-26
February 26, 1987|1987-02-26
Sept. 3, 2001|2001-09-03'
mkdir "$T/c"
printf 'id\tfile\toutlet\tdate\ttitle\n' > "$T/c/manifest.tsv"
printf 'id,outlet,date,text\n' > "$T/in.csv"
: > "$T/in.jsonl"
: > "$T/want"
n=0
echo "$forms" | while IFS='|' read -r raw iso; do
	n=$((n + 1))
	echo "China said the claims were groundless." > "$T/c/a$n.txt"
	printf 'a%s\ta%s.txt\tX\t%s\t\n' "$n" "$n" "$raw" >> "$T/c/manifest.tsv"
	printf 'a%s,X,"%s",China said the claims were groundless.\n' "$n" "$raw" >> "$T/in.csv"
	printf '{"id":"a%s","outlet":"X","date":"%s","text":"China said the claims were groundless."}\n' \
		"$n" "$raw" >> "$T/in.jsonl"
	printf 'a%s\t%s\n' "$n" "$iso" >> "$T/want"
done
for how in folder csv jsonl; do
	case $how in
	folder) set -- "$T/c" ;;
	csv) set -- --csv "$T/in.csv" ;;
	jsonl) set -- --jsonl "$T/in.jsonl" ;;
	esac
	"$FRAMING" score -q -j 1 -l "$T/ok.lex" "$@" -o "$T/o-$how" 2>"$T/err-$how" \
		|| { cat "$T/err-$how"; fail "$how: a date import reads was refused"; }
	cut -f1,3 "$T/o-$how/scores.tsv" | tail -n +2 | sort > "$T/got-$how"
	sort "$T/want" | cmp - "$T/got-$how" || fail "$how: dates not written YYYY-MM-DD"
done

# Refused, each saying why.
printf 'id,outlet,date,text\nb1,X,26/02/1987,groundless\nb2,X,2014-10,groundless\n' > "$T/bad.csv"
expect 1 "bad.csv:2: record 1: bad date '26/02/1987' (day and month could be in either order" \
	-- score -q -j 1 -l "$T/ok.lex" --csv "$T/bad.csv" -o "$T/ob"
grep -q "bad.csv:3: record 2: bad date '2014-10' (none of the forms framing reads; they are listed in framing import --help)" \
	"$T/stderr" || fail "2014-10: no pointer to the forms"
grep -q "expected YYYY-MM-DD" "$T/stderr" && fail "still says expected YYYY-MM-DD"
printf 'id\tfile\toutlet\tdate\ttitle\nb1\ta1.txt\tX\t26.02.1987\t\n' > "$T/c/manifest.tsv"
expect 2 "manifest.tsv:2: bad date '26.02.1987' (day and month could be in either order" \
	-- score -q -j 1 -l "$T/ok.lex" "$T/c" -o "$T/oc"
exit 0
