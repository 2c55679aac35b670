# Issue 14: CSV input (--csv) gives the same scores as the same articles in
# a corpus folder: the seed corpus as CSV with ',', ';' and tab delimiters,
# a BOM and CRLF record ends; every RFC 4180 quoting case against a folder
# written by hand; threads, --stdout and shards as for JSON Lines.
. "$ROOT/tests/e2e/hostile.lib"
cd "$ROOT" || exit 1

# corpus2csv DIR DELIM: a folder with a manifest as CSV, every field quoted
# (quotes doubled), the file's text in a "text" column, CRLF record ends.
corpus2csv() {
	awk -F'\t' -v dir="$1" -v d="$2" '
	function q(s) { gsub(/"/, "\"\"", s); return "\"" s "\"" }
	NR == 1 { for (i = 1; i <= NF; i++) { name[i] = $i; if ($i == "file") fcol = i }; n = NF
		printf "\357\273\277"
		for (i = 1; i <= n; i++) if (i != fcol) printf "%s%s", name[i], d
		printf "text\r\n"; next }
	NF == 0 { next }
	{
		text = ""; path = dir "/" $fcol
		while ((getline line < path) > 0) text = text line "\n"
		close(path)
		for (i = 1; i <= n; i++) if (i != fcol) printf "%s%s", q($i), d
		printf "%s\r\n", q(text)
	}' "$1/manifest.tsv"
}

"$FRAMING" score -q -j 1 corpus/seeds -o "$T/folder" || fail "folder"
for d in comma semicolon tab; do
	case $d in comma) c=, ;; semicolon) c=';' ;; tab) c=$tab ;; esac
	corpus2csv corpus/seeds "$c" > "$T/$d.csv"
	opt=""
	[ $d = comma ] || opt="--delimiter $([ $d = tab ] && echo tab || echo ';')"
	# shellcheck disable=SC2086
	"$FRAMING" score -q -j 1 --csv "$T/$d.csv" $opt -o "$T/$d" || fail "--csv $d"
	for f in scores matches terms; do
		cmp "$T/folder/$f.tsv" "$T/$d/$f.tsv" || fail "$f.tsv differs between folder and $d CSV"
	done
done
grep -q '"' corpus/seeds/*.txt || fail "the seeds have no quote to double"

# Threads, the filter and shards.
for j in 2 8; do
	"$FRAMING" score -q -j $j --csv "$T/comma.csv" -o "$T/j$j" || fail "-j $j"
	cmp "$T/folder/scores.tsv" "$T/j$j/scores.tsv" || fail "-j $j: scores differ"
done
"$FRAMING" score -q --csv - --stdout < "$T/comma.csv" > "$T/s.tsv" || fail "--csv -"
cmp "$T/s.tsv" "$T/folder/scores.tsv" || fail "--stdout scores differ"
# (records end with CRLF, lines inside them with LF)
awk 'BEGIN { RS = "\r\n"; ORS = "\r\n" } NR <= 3' "$T/comma.csv" > "$T/a.csv"
awk 'BEGIN { RS = "\r\n"; ORS = "\r\n" } NR == 1 || NR > 3' "$T/comma.csv" > "$T/b.csv"
"$FRAMING" score -q --csv "$T/a.csv" --stdout > "$T/a.tsv" || fail "shard a"
"$FRAMING" score -q --csv "$T/b.csv" --stdout > "$T/b.tsv" || fail "shard b"
[ "$(wc -l < "$T/a.tsv")" -ge 2 ] || fail "shard a is empty"
{ cat "$T/a.tsv"; tail -n +2 "$T/b.tsv"; } | cmp - "$T/folder/scores.tsv" || fail "shards differ"
# A second pass (report reads the articles twice) rewinds a CSV file.
"$FRAMING" report -q --csv "$T/comma.csv" -o "$T/rep" || fail "report --csv"
"$FRAMING" report -q corpus/seeds -o "$T/repf" || fail "report folder"
cmp "$T/rep/scores.tsv" "$T/repf/scores.tsv" || fail "report: scores differ"

# Every quoting case against the same articles written as files: a quoted
# delimiter, doubled quotes, a newline and a CRLF inside quotes, spaces kept
# around fields, a quote inside an unquoted field (5" read as written), an
# empty quoted field, an empty id (the default id), an extra column, and a
# last record without a line end.
mkdir -p "$T/hand/X" "$T/hand/Y"
printf 'The claim, they said, was "groundless".\n' > "$T/hand/X/a.txt"
printf 'A groundless claim\nover two lines.\r\nAnd a third.\n' > "$T/hand/X/b.txt"
printf '  groundless 5" floppy  ' > "$T/hand/Y/c.txt"
printf 'groundless\n' > "$T/hand/Y/d.txt"
{
	printf 'id\tfile\toutlet\tdate\ttitle\tdesk\n'
	printf 'a\tX/a.txt\tX\t2015-09-11\tSaid, "no"\tworld\n'
	printf 'b\tX/b.txt\tX\t\t\t\n'
	printf 'c\tY/c.txt\tY\t2015-09-12\t  spaced  \t5" desk\n'
	printf 'd\tY/d.txt\tY\t\tlast\tend\n'
} > "$T/hand/manifest.tsv"
{
	printf 'id,outlet,date,title,desk,text\n'
	printf 'a,X,2015-09-11,"Said, ""no""",world,"The claim, they said, was ""groundless"".\n"\n'
	printf '"b","X","","",,"A groundless claim\nover two lines.\r\nAnd a third.\n"\n'
	printf 'c,Y,2015-09-12,  spaced  ,5" desk,  groundless 5" floppy  \r\n'
	printf 'd,Y,,last,end,"groundless\n"'
} > "$T/hand.csv"
"$FRAMING" score -q --no-clean "$T/hand" --stdout > "$T/hand.tsv" || fail "hand folder"
"$FRAMING" score -q --no-clean --csv "$T/hand.csv" --stdout > "$T/handcsv.tsv" || fail "hand CSV"
cmp "$T/hand.tsv" "$T/handcsv.tsv" || { diff "$T/hand.tsv" "$T/handcsv.tsv"; fail "quoting cases differ"; }
[ "$(wc -l < "$T/hand.tsv")" = 5 ] || fail "not four articles"

# An empty id gets the default id of JSON Lines (a hash of what it holds).
printf 'id,outlet,text\n,X,groundless\n' > "$T/noid.csv"
printf '{"outlet":"X","text":"groundless"}\n' > "$T/noid.jsonl"
"$FRAMING" score -q --csv "$T/noid.csv" --stdout | cut -f1 > "$T/id1"
"$FRAMING" score -q --jsonl "$T/noid.jsonl" --stdout | cut -f1 > "$T/id2"
cmp "$T/id1" "$T/id2" || fail "default ids differ between CSV and JSON Lines"
grep -q '^sha256:' "$T/id1" || fail "no default id"

# kwic, clean and the lexicon tools read CSV through the same door.
"$FRAMING" kwic --no-clean --csv "$T/hand.csv" groundless > "$T/k" || fail "kwic --csv"
[ "$(grep -c groundless "$T/k")" -ge 4 ] || fail "kwic --csv: $(cat "$T/k")"
"$FRAMING" clean --csv "$T/hand.csv" b > "$T/c" || fail "clean --csv"
grep -q "over two lines" "$T/c" || fail "clean --csv: $(cat "$T/c")"
"$FRAMING" lexicon stats -q --csv "$T/comma.csv" > "$T/ls" || fail "lexicon stats --csv"
"$FRAMING" lexicon stats -q corpus/seeds > "$T/lsf" || fail "lexicon stats folder"
cmp "$T/ls" "$T/lsf" || fail "lexicon stats differ"

# Options: --delimiter without --csv, two inputs, a delimiter of two bytes.
expect 2 "delimiter is for --csv" -- score --jsonl "$T/noid.jsonl" --delimiter ';' --stdout
expect 2 "either --jsonl or --csv" -- score --jsonl "$T/noid.jsonl" --csv "$T/noid.csv" --stdout
expect 2 "is not one byte" -- score --csv "$T/noid.csv" --delimiter ';;' --stdout
expect 2 "not both" -- score --csv "$T/noid.csv" corpus/seeds --stdout
echo ok
