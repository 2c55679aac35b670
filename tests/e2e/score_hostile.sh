# Bad input gets a clear message with file and line, exit 2 and nothing
# written; bad articles are counted, never a crash.
set -u
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
tab=$(printf '\t')

# expect STATUS PATTERN -- framing args: runs, checks status and stderr.
expect() {
	want=$1 pattern=$2
	shift 3
	"$FRAMING" "$@" >"$T/stdout" 2>"$T/stderr"
	st=$?
	[ "$st" -eq "$want" ] || { cat "$T/stderr"; fail "$*: status $st, expected $want"; }
	grep -q -- "$pattern" "$T/stderr" || { cat "$T/stderr"; fail "$*: no message like '$pattern'"; }
}

printf '[acc] x\ngroundless\n' > "$T/ok.lex"

mk() {	# mk DIR: a corpus with one good article
	mkdir -p "$1"
	printf 'id\tfile\toutlet\tdate\ttitle\n' > "$1/manifest.tsv"
	printf 'A plain article. It is not groundless at all.\n' > "$1/a.txt"
}

# Wrong header.
mk "$T/c1"; printf 'id\tpath\toutlet\n' > "$T/c1/manifest.tsv"
expect 2 "manifest.tsv:1: missing column 'file'" -- score -l "$T/ok.lex" "$T/c1" -o "$T/o1"
[ -e "$T/o1/scores.tsv" ] && fail "scores.tsv written after an input error"

# Missing file, duplicate id, bad date, escaping path, empty id: all reported.
mk "$T/c2"
{
	printf 'a\ta.txt\tX\t2015-02-30\tT\n'
	printf 'a\ta.txt\tX\t2015-01-01\tT\n'
	printf 'b\tnope.txt\tX\t\tT\n'
	printf 'c\t../../etc/passwd\tX\t\tT\n'
} >> "$T/c2/manifest.tsv"
expect 2 "manifest.tsv:2: bad date '2015-02-30'" -- score -l "$T/ok.lex" "$T/c2" -o "$T/o2"
grep -q "manifest.tsv:3: duplicate id 'a' (first on line 2)" "$T/stderr" || fail "duplicate id"
grep -q "manifest.tsv:4: '.*nope.txt': No such file" "$T/stderr" || fail "missing file"
grep -q "manifest.tsv:5: '../../etc/passwd' is outside the corpus folder" "$T/stderr" || fail "escape"

# A row with too few fields.
mk "$T/c3"; printf 'a\ta.txt\n' >> "$T/c3/manifest.tsv"
expect 2 "manifest.tsv:2: 2 fields, but the header has 5" -- score -l "$T/ok.lex" "$T/c3" -o "$T/o3"

# A broken lexicon: FILE:LINE:COL, exit 2, nothing written.
mk "$T/c4"; printf 'a\ta.txt\tX\t\tT\n' >> "$T/c4/manifest.tsv"
printf '[ok] fine\ngood\nfo*o\n' > "$T/bad.lex"
expect 2 "bad.lex:3:3: '\*' may only end a word" -- score -l "$T/bad.lex" "$T/c4" -o "$T/o4"
[ -e "$T/o4/scores.tsv" ] && fail "scores.tsv written after a lexicon error"

# Empty article, binary article, invalid UTF-8: scored, warned, counted.
: > "$T/c4/empty.txt"
printf 'groundless\000\001\002 binary\n' > "$T/c4/bin.txt"
printf 'Groundless \377\376 claims \300\257 here.\n' > "$T/c4/bad.txt"
printf 'e\tempty.txt\tX\t\tT\nb\tbin.txt\tX\t\tT\nu\tbad.txt\tX\t\tT\n' >> "$T/c4/manifest.tsv"
expect 0 "empty.txt: no words" -- score --no-clean -l "$T/ok.lex" "$T/c4" -o "$T/o4"
grep -q "bin.txt: binary data (a NUL byte at offset 10)" "$T/stderr" || fail "binary warning"
rows=$(cut -f1,5,7,8,10 "$T/o4/scores.tsv" | tr '\t\n' ', ')
[ "$rows" = "id,tokens,replaced_chars,acc_matches,acc_rate a,9,0,0,0 e,0,0,0,NA b,2,0,1,500 u,3,4,1,333.333 " ] || fail "rows: $rows"
# The negated "not groundless" in a.txt is reported, not counted.
grep -q "^a${tab}X${tab}acc${tab}groundless${tab}groundless${tab}2${tab}" "$T/o4/matches.tsv" || fail "negated row"

# A corpus that is a file, and one that does not exist.
expect 2 "not a folder" -- score -l "$T/ok.lex" "$T/ok.lex" -o "$T/o5"
expect 2 "No such file or directory" -- score -l "$T/ok.lex" "$T/none" -o "$T/o5"
# An output folder that cannot be made: exit 1, the message says why.
expect 1 "cannot create directory" -- score -l "$T/ok.lex" "$T/c4" -o "$T/ok.lex/sub"
echo ok
