# Issue 18, trial findings 1, 2, 3 and 11: no output of a run replaces one
# of its inputs under any name (a file of -o DIR with an output's name, a
# manifest, standard input, standard output appended to the input); an
# output is written through an entry of -o DIR only when that entry is a
# character device or a FIFO, never for run.tsv; run.tsv is read only when
# it is a regular file of at most 16 MB; a single-file output that names a
# folder is a usage error before any work.
. "$ROOT/tests/e2e/hostile.lib"
# The default lexicons, wherever the binary under test lies (the SAN build too).
FRAMING_LEXICONS=$ROOT/lexicons; export FRAMING_LEXICONS
F=$FRAMING
lex=$ROOT/lexicons/stance.lex
cp "$ROOT/tests/fixtures/seeds.jsonl" "$T/in.bak"
cp -r "$ROOT/corpus/seeds" "$T/C"
sum() { sha256sum "$1" | cut -d' ' -f1; }
orig=$(sum "$T/in.bak")

# unchanged FILE SUM WHAT: the input FILE is as it was.
unchanged() { [ "$(sum "$1")" = "$2" ] || fail "$3: the input $1 was replaced"; }

# 1. An input inside -o DIR under an output's name.
mkdir "$T/X"; cp "$T/in.bak" "$T/X/scores.tsv"
expect 2 "is the input" -- score --jsonl "$T/X/scores.tsv" -o "$T/X" -q
grep -q "X/scores.tsv" "$T/stderr" || fail "message names no input"
unchanged "$T/X/scores.tsv" "$orig" "score --jsonl X/scores.tsv -o X"
mkdir "$T/Y"; cp "$lex" "$T/Y/terms.tsv"; lsum=$(sum "$lex")
expect 2 "is the input" -- score "$T/C" -l "$T/Y/terms.tsv" -o "$T/Y" -q
unchanged "$T/Y/terms.tsv" "$lsum" "score -l Y/terms.tsv -o Y"
mkdir "$T/Z"; cp "$T/in.bak" "$T/Z/scores.tsv"
expect 2 "is the input" -- report --jsonl "$T/Z/scores.tsv" -o "$T/Z" -q
unchanged "$T/Z/scores.tsv" "$orig" "report --jsonl Z/scores.tsv -o Z"
[ ! -e "$T/Z/report.html" ] || fail "report wrote report.html beside its input"
# standard input, a regular file inside -o DIR
mkdir "$T/S"; cp "$T/in.bak" "$T/S/scores.tsv"
"$F" score --jsonl - -o "$T/S" -q < "$T/S/scores.tsv" 2>"$T/stderr"; st=$?
[ "$st" = 2 ] && grep -q "standard input" "$T/stderr" || { cat "$T/stderr"; fail "stdin: status $st"; }
unchanged "$T/S/scores.tsv" "$orig" "score --jsonl - < S/scores.tsv"
# a link to the input under an output's name
mkdir "$T/L"; cp "$T/in.bak" "$T/in.jsonl"; ln "$T/in.jsonl" "$T/L/matches.tsv"
expect 2 "is the input" -- score --jsonl "$T/in.jsonl" -o "$T/L" -q
unchanged "$T/in.jsonl" "$orig" "hard link L/matches.tsv"
# templates -o the corpus manifest
cp -r "$T/C" "$T/C2"; msum=$(sum "$T/C2/manifest.tsv")
expect 2 "is the input" -- templates "$T/C2" -o "$T/C2/manifest.tsv" -q
unchanged "$T/C2/manifest.tsv" "$msum" "templates C2 -o C2/manifest.tsv"
# --stdout appended to the input
"$F" score --jsonl "$T/in.jsonl" --stdout -q >> "$T/in.jsonl" 2>"$T/stderr"; st=$?
[ "$st" = 2 ] && grep -q "standard output is the input" "$T/stderr" \
	|| { cat "$T/stderr"; fail "--stdout >> in.jsonl: status $st"; }
unchanged "$T/in.jsonl" "$orig" "--stdout >> in.jsonl"
# --matches: the manifest of a folder corpus, and --templates FILE
expect 2 "is the input" -- score "$T/C2" --stdout --matches "$T/C2/manifest.tsv" -q
unchanged "$T/C2/manifest.tsv" "$msum" "--matches C2/manifest.tsv"
"$F" templates "$T/C" -o "$T/tp.tsv" -q || fail "templates"
tsum=$(sum "$T/tp.tsv")
mkdir "$T/TP"; mv "$T/tp.tsv" "$T/TP/signatures.tsv"
expect 2 "is the input" -- score "$T/C" --templates "$T/TP/signatures.tsv" -o "$T/TP" -q
unchanged "$T/TP/signatures.tsv" "$tsum" "--templates TP/signatures.tsv -o TP"
# and an ordinary run still works
"$F" score --jsonl "$T/in.bak" -o "$T/W" -q || fail "plain score"

# 2. Only character devices and FIFOs are written through.
mkdir "$T/ND"; ln -s /dev/null "$T/ND/matches.tsv"
"$F" score --jsonl "$T/in.bak" -o "$T/ND" -q || fail "matches.tsv -> /dev/null: refused"
[ -L "$T/ND/matches.tsv" ] || fail "the link to /dev/null was replaced"
bdev=$(find /dev -maxdepth 1 -type b 2>/dev/null | head -n 1)
if [ -n "$bdev" ]; then
	mkdir "$T/BD"; ln -s "$bdev" "$T/BD/terms.tsv"
	expect 1 "block device" -- score --jsonl "$T/in.bak" -o "$T/BD" -q
	[ -L "$T/BD/terms.tsv" ] || fail "the link to $bdev was replaced"
	expect 2 "block device" -- templates "$T/C" -o "$T/BD/terms.tsv" -q
else
	echo "skip: no block device in /dev"
fi
if command -v mkfifo >/dev/null 2>&1; then
	mkdir "$T/FF"; mkfifo "$T/FF/run.tsv"
	timeout 20 "$F" score --jsonl "$T/in.bak" -o "$T/FF" -q 2>"$T/stderr"; st=$?
	[ "$st" = 0 ] || { cat "$T/stderr"; fail "a FIFO run.tsv: status $st"; }
	[ -f "$T/FF/run.tsv" ] && [ ! -p "$T/FF/run.tsv" ] || fail "the FIFO run.tsv was not replaced"
	ls -a "$T/FF" | grep -q '^\.framing-run\.tmp\.' && fail "a FIFO run.tsv left the staging folder"
	# a reader: refused, not hung
	cp -r "$T/W" "$T/FR"; rm "$T/FR/run.tsv"; mkfifo "$T/FR/run.tsv"
	timeout 20 "$F" stats "$T/FR/scores.tsv" -o "$T/FRo" -q 2>"$T/stderr"; st=$?
	[ "$st" != 124 ] || fail "stats hangs on a FIFO run.tsv"
	grep -q "not a regular file" "$T/stderr" || { cat "$T/stderr"; fail "stats: FIFO run.tsv: no message"; }
else
	echo "skip: FIFO run.tsv (no mkfifo)"
fi

# 3. run.tsv over 16 MB is refused, not read (2 GB sparse made 2.1 GB before).
cp -r "$T/W" "$T/B"
"$F" stats "$T/B/scores.tsv" -o "$T/B" -q || fail "stats W"
truncate -s 2G "$T/B/run.tsv" 2>/dev/null || fail "truncate"
if have_time && ! sanitized; then
	kb=$(peak_kb "$F" chart -i "$T/B" -o "$T/B" -q)
	[ "$kb" -lt 200000 ] || fail "chart on a 2 GB run.tsv: $kb KB"
fi
expect 2 "larger than 16 MB" -- chart -i "$T/B" -o "$T/B2" -q

# 11. A single-file output that is a folder: usage error before any work.
mkdir "$T/Wd"
expect 2 "is a folder" -- templates "$T/C" -o "$T/Wd" -q
expect 2 "is a folder" -- lexicon export "$lex" --format dic -o "$T/Wd" -q
expect 2 "is a folder" -- score --jsonl "$T/in.bak" --stdout --matches "$T/Wd" -q
ls "$T/Wd" | grep -q . && fail "a temporary file was left in the folder"
exit 0
