# Issue 7: hostile manifests and corpus folders (score_hostile.sh has the
# wrong header, duplicate ids, bad dates, ../../etc/passwd and short rows).
# Every problem is reported with FILE:LINE, exit 2, nothing written.
. "$ROOT/tests/e2e/hostile.lib"

c=$T/c
mkdir -p "$c"
printf 'A groundless claim, said the officials today.\n' > "$c/a.txt"
head='id\tfile\toutlet\tdate\ttitle\n'

# Header problems: a missing, a doubled and a nameless column; empty file;
# a header and no rows.
printf 'id\tfile\toutlet\toutlet\t\ttitle\n' > "$c/manifest.tsv"
expect 2 "manifest.tsv:1: missing column 'date'" -- score -l "$T/ok.lex" "$c" -o "$T/o"
grep -q "manifest.tsv:1: column 'outlet' appears twice" "$T/stderr" || fail "doubled column"
grep -q "manifest.tsv:1: column 5 has no name" "$T/stderr" || fail "nameless column"
: > "$c/manifest.tsv"
expect 2 "manifest.tsv: empty file, expected a header line" -- score -l "$T/ok.lex" "$c" -o "$T/o"
printf "$head" > "$c/manifest.tsv"
expect 2 "manifest.tsv: no articles listed" -- score -l "$T/ok.lex" "$c" -o "$T/o"
[ -e "$T/o" ] && fail "output written after a manifest error"

# Extra columns are kept, in order, as columns of scores.tsv; a row with
# more fields than the header is an error; a BOM and CRLF are fine.
printf '\357\273\277id\tfile\toutlet\tdate\ttitle\twire\turl\r\na\ta.txt\tX\t2015-09-11\tT\tAP\thttp://x/\r\n' \
	> "$c/manifest.tsv"
expect 0 "" -- score -q --no-clean -l "$T/ok.lex" "$c" -o "$T/o"
[ "$(head -n 1 "$T/o/scores.tsv" | awk -F'\t' '{ print $(NF - 1), $NF }')" = "wire url" ] \
	|| fail "extra columns in the header"
[ "$(tail -n 1 "$T/o/scores.tsv" | awk -F'\t' '{ print $1, $(NF - 1), $NF }')" = "a AP http://x/" ] \
	|| fail "extra columns in the row"
printf 'b\ta.txt\tX\t\tT\tAP\thttp://y/\textra\tmore\n' >> "$c/manifest.tsv"
expect 2 "manifest.tsv:3: 9 fields, but the header has 7" -- score -l "$T/ok.lex" "$c" -o "$T/o2"

# A NUL byte would cut a row short without a word: it is an error.
printf "${head}a\ta.txt\tX\t\tT\000junk\n" > "$c/manifest.tsv"
expect 2 "manifest.tsv:2: a NUL byte (not a text file?)" -- score -l "$T/ok.lex" "$c" -o "$T/o2"
printf "id\tfile\000\toutlet\tdate\ttitle\n" > "$c/manifest.tsv"
expect 2 "manifest.tsv:1: a NUL byte (not a text file?)" -- score -l "$T/ok.lex" "$c" -o "$T/o2"

# Paths: absolute, escaping through a folder, a symlink loop, a folder, a
# FIFO (must not hang) and a symlink to a device (must not read forever).
ln -s loop.txt "$c/loop.txt"
mkfifo "$c/fifo.txt"
ln -s /dev/zero "$c/zero.txt"
mkdir "$c/sub"
{
	printf "$head"
	printf 'p\t/etc/passwd\tX\t\tT\n'
	printf 'q\tsub/../../x\tX\t\tT\n'
	printf 'l\tloop.txt\tX\t\tT\n'
	printf 'd\tsub\tX\t\tT\n'
	printf 'f\tfifo.txt\tX\t\tT\n'
	printf 'z\tzero.txt\tX\t\tT\n'
	printf 'e\t\tX\t\tT\n'
	printf 'a\ta.txt\tX\t\tT\n'
} > "$c/manifest.tsv"
expect 2 "manifest.tsv:2: '/etc/passwd' is outside the corpus folder" -- score -l "$T/ok.lex" "$c" -o "$T/o2"
for want in "manifest.tsv:3: 'sub/../../x' is outside the corpus folder" \
	"manifest.tsv:4: '.*loop.txt': Too many levels of symbolic links" \
	"manifest.tsv:5: '.*sub': not a regular file" \
	"manifest.tsv:6: '.*fifo.txt': not a regular file" \
	"manifest.tsv:7: '.*zero.txt': not a regular file" \
	"manifest.tsv:8: empty file name"; do
	grep -q "$want" "$T/stderr" || { cat "$T/stderr"; fail "no message '$want'"; }
done
[ -e "$T/o2" ] && fail "output written after a manifest error"

# Without a manifest: a symlink loop as an outlet folder is not a folder,
# as a .txt it is reported.
d=$T/folders
mkdir -p "$d/X"
cp "$c/a.txt" "$d/X/a.txt"
ln -s Y "$d/Y"
ln -s b.txt "$d/X/b.txt"
expect 2 "X/b.txt': Too many levels of symbolic links" -- score -l "$T/ok.lex" "$d" -o "$T/o3"
rm "$d/X/b.txt"
expect 0 "" -- score -q -l "$T/ok.lex" "$d" -o "$T/o3"
[ "$(cut -f1 "$T/o3/scores.tsv" | tr '\n' ' ')" = "id X/a " ] || fail "folder corpus with a loop"

# An unreadable file. Root reads anything, so the run drops to nobody.
mkdir "$T/u"
printf "${head}a\ta.txt\tX\t\tT\nb\tb.txt\tX\t\tT\n" > "$T/u/manifest.tsv"
cp "$c/a.txt" "$T/u/a.txt"
cp "$c/a.txt" "$T/u/b.txt"
chmod 000 "$T/u/b.txt"
chmod 755 "$T" "$T/u"
chmod 644 "$T/ok.lex" "$T/u/manifest.tsv" "$T/u/a.txt"
as_nobody "$FRAMING" score -l "$T/ok.lex" "$T/u" --stdout >"$T/stdout" 2>"$T/stderr"
st=$?
if [ $st = 99 ]; then
	echo "skip: unreadable file: running as root without setpriv, which reads anything"
else
	[ $st = 2 ] || { cat "$T/stderr"; fail "unreadable file: status $st"; }
	grep -q "manifest.tsv:3: '.*b.txt': Permission denied" "$T/stderr" || { cat "$T/stderr"; fail "unreadable"; }
	[ -s "$T/stdout" ] && fail "rows written after an unreadable file"
fi
echo ok
