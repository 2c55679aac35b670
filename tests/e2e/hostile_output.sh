# Issue 7, items 1 and 2: output folders that cannot be written, the corpus
# folder as output, a full disk and a killed run. Outputs appear whole or
# not at all: a failed run says why, exits 1 (2 before anything is
# written), keeps the previous outputs byte for byte, leaves no temporary
# files, and never touches files it did not write.
. "$ROOT/tests/e2e/hostile.lib"

lex="-l $ROOT/lexicons/stance.lex -l $ROOT/lexicons/actors.lex"
seeds=$ROOT/corpus/seeds
outputs="scores matches terms signatures outlets compare tests keyness duplicates"

# Runs score then stats of the seeds into $1.
both() {
	"$FRAMING" score -q $lex "$seeds" -o "$1" 2>"$T/stderr" \
		&& "$FRAMING" stats "$1/scores.tsv" -o "$1" 2>>"$T/stderr" >/dev/null
}
save() { rm -rf "$T/saved"; mkdir "$T/saved"; cp -p "$1"/* "$T/saved/"; }
same() {	# same DIR: every output as saved, nothing else but $2 files
	for f in $outputs; do
		cmp "$T/saved/$f.tsv" "$1/$f.tsv" || fail "$f.tsv changed after a failed run"
	done
	leftover=$(ls "$1" | grep '\.tmp\.' | grep -v '^mine\.tmp\.')
	[ -z "$leftover" ] || fail "temporary files left: $leftover"
}

# Files in -o that framing did not write stay, whatever happens.
mkdir "$T/o"
echo notes > "$T/o/notes.txt"
echo mine > "$T/o/mine.tmp.XXXXXX"
echo old > "$T/o/scores.tsv.bak"
both "$T/o" || { cat "$T/stderr"; fail "score + stats of the seeds"; }
for f in notes.txt mine.tmp.XXXXXX scores.tsv.bak; do [ -f "$T/o/$f" ] || fail "-o deleted $f"; done
save "$T/o"

# -o is the corpus folder: refused before anything is written.
mkdir "$T/c"
cp "$seeds"/* "$T/c/"
expect 2 "the output folder '$T/c/' is the corpus folder; give another with -o DIR" \
	-- score $lex "$T/c" -o "$T/c/"
[ -e "$T/c/scores.tsv" ] && fail "outputs written into the corpus"
[ -z "$(ls "$T/c" | grep -v '\.txt$' | grep -v '^manifest.tsv$')" ] || fail "files added to the corpus"
# -o is a file: a usage error (issue 18, item 11), for every command with -o DIR.
expect 2 "'$T/o/notes.txt': not a directory" -- score $lex "$seeds" -o "$T/o/notes.txt"
expect 2 "'$T/o/notes.txt': not a directory" -- stats "$T/o/scores.tsv" -o "$T/o/notes.txt"
expect 2 "'$T/o/notes.txt': not a directory" -- chart -i "$T/o" -o "$T/o/notes.txt"
expect 2 "'$T/o/notes.txt': not a directory" -- report $lex "$seeds" -o "$T/o/notes.txt"

# A folder that cannot be written (as nobody when run as root, who can).
# nobody must reach the binary, the lexicons, the seeds and the folder, and
# the checkout or $TMPDIR may sit in a folder only its owner can enter (a
# home of mode 0700, a mktemp -d): what nobody reads is copied to a folder
# of its own under /tmp, which everyone can enter.
pub=$(mktemp -d /tmp/framing-nobody.XXXXXX) || fail "mktemp under /tmp"
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T" "$pub"' EXIT
mkdir "$pub/lex" "$pub/seeds" "$pub/o"
cp "$FRAMING" "$pub/framing" && cp "$ROOT"/lexicons/stance.lex "$ROOT"/lexicons/actors.lex "$pub/lex/" &&
	cp "$seeds"/* "$pub/seeds/" && cp -p "$T/o"/* "$pub/o/" || fail "copy for nobody"
chmod 755 "$pub" "$pub/lex" "$pub/seeds" "$pub/o" "$pub/framing"
chmod 644 "$pub/lex"/* "$pub/seeds"/* "$pub/o"/*
publex="-l $pub/lex/stance.lex -l $pub/lex/actors.lex"
as_nobody "$pub/framing" score -q $publex "$pub/seeds" -o "$pub/o" 2>"$T/stderr"
st=$?
if [ $st = 99 ]; then
	echo "skip: unwritable folder: running as root without setpriv, which writes anywhere"
else
	[ $st = 1 ] || { cat "$T/stderr"; fail "unwritable folder: status $st"; }
	grep -q "cannot write into '$pub/o': Permission denied" "$T/stderr" \
		|| { cat "$T/stderr"; fail "unwritable folder: message"; }
	as_nobody "$pub/framing" stats "$pub/o/scores.tsv" -o "$pub/o" >/dev/null 2>"$T/stderr"
	[ $? = 1 ] || { cat "$T/stderr"; fail "stats into an unwritable folder"; }
	grep -q "Permission denied" "$T/stderr" || { cat "$T/stderr"; fail "stats: message"; }
	same "$pub/o"
fi

# A file size limit (ulimit -f, 8 blocks of 512 bytes): each command fails
# with a message, not a signal, and the previous outputs stay.
(ulimit -f 8 && exec "$FRAMING" score -q $lex "$seeds" -o "$T/o") 2>"$T/stderr"
st=$?
[ $st = 1 ] || { cat "$T/stderr"; fail "score over ulimit -f: status $st"; }
grep -q "cannot write .*matches.tsv.*: File too large" "$T/stderr" || { cat "$T/stderr"; fail "ulimit message"; }
(ulimit -f 8 && exec "$FRAMING" stats "$T/o/scores.tsv" -o "$T/o") >/dev/null 2>"$T/stderr"
st=$?
[ $st = 1 ] || { cat "$T/stderr"; fail "stats over ulimit -f: status $st"; }
grep -q "File too large" "$T/stderr" || { cat "$T/stderr"; fail "stats ulimit message"; }
same "$T/o"

# A full disk: a small tmpfs when this runs as root and may mount one.
disk=$T/disk
mkdir "$disk"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=512k tmpfs "$disk" 2>/dev/null; then
	trap 'umount "$disk"; chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T" "$pub"' EXIT
	both "$disk" || { cat "$T/stderr"; fail "score + stats on the tmpfs"; }
	save "$disk"
	dd if=/dev/zero of="$disk/fill" bs=4096 2>/dev/null
	"$FRAMING" score -q $lex "$seeds" -o "$disk" 2>"$T/stderr"
	st=$?
	[ $st = 1 ] || { cat "$T/stderr"; fail "score on a full disk: status $st"; }
	grep -q "No space left on device" "$T/stderr" || { cat "$T/stderr"; fail "full disk message"; }
	"$FRAMING" stats "$disk/scores.tsv" -o "$disk" >/dev/null 2>"$T/stderr"
	st=$?
	[ $st = 1 ] || { cat "$T/stderr"; fail "stats on a full disk: status $st"; }
	grep -q "No space left on device" "$T/stderr" || { cat "$T/stderr"; fail "stats full disk message"; }
	same "$disk"
	rm "$disk/fill"
else
	echo "skip: full disk on a tmpfs: cannot mount one here (ulimit -f above stands in)"
fi

# Standard output on a full device.
"$FRAMING" score -q $lex --jsonl /dev/null --stdout >/dev/full 2>"$T/stderr"
[ $? = 1 ] || fail "--stdout to /dev/full: not exit 1"
grep -q "write error on standard output: No space left on device" "$T/stderr" || fail "/dev/full message"

# A run killed half way: the previous outputs stay and no temporary file
# is left (the signal handler removes them). SIGINT cannot be tested so: a
# background job of a script starts with it ignored, and framing keeps a
# signal ignored as it found it (nohup); it takes the same path as these.
awk 'BEGIN { for (i = 1; i <= 300000; i++)
	printf "{\"id\":\"a%d\",\"outlet\":\"O%d\",\"text\":\"A groundless claim, the officials said today.\"}\n", i, i % 7 }' \
	> "$T/many.jsonl"
"$FRAMING" score -q $lex --jsonl "$T/many.jsonl" -o "$T/k" || fail "many articles"
rm -rf "$T/saved"; mkdir "$T/saved"; cp "$T/k"/* "$T/saved/"
for sig in TERM HUP; do
	"$FRAMING" score -q $lex --jsonl "$T/many.jsonl" -o "$T/k" &
	pid=$!
	sleep 1
	kill -$sig $pid
	wait $pid
	st=$?
	[ $st -gt 128 ] || echo "note: the run ended (status $st) before SIG$sig; slow to start?"
	for f in scores matches terms signatures; do
		cmp "$T/saved/$f.tsv" "$T/k/$f.tsv" || fail "$f.tsv changed by a run killed with SIG$sig"
	done
	[ -z "$(ls "$T/k" | grep '\.tmp\.')" ] || fail "SIG$sig left temporary files: $(ls "$T/k")"
done
echo ok
