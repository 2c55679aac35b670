# Issue 12: every command that reads articles takes them from the same
# source, so kwic, lexicon stats/suggest/diff/check and clean give on
# tests/fixtures/seeds.jsonl (corpus/seeds as JSON Lines) the bytes they give
# on the folder. The one documented difference: where a command names its
# input (check's "occurs nowhere in INPUT", clean's summary line), it names the
# JSON Lines file (FILE, or FILE:LINE for one article) instead of the folder.
set -euf	# -f: patterns such as accus* are arguments, not file names
cd "$ROOT"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
J=tests/fixtures/seeds.jsonl
D=corpus/seeds

# same NAME ARGS...: runs ARGS with CORPUS replaced by the folder, then by
# --jsonl FILE, then by --jsonl - on standard input (a pipe); stdout, stderr and
# status must be equal.
same() {
	name=$1; shift
	for side in dir file stdin; do
		set --
		for a in $ARGS; do
			if [ "$a" = CORPUS ]; then
				case $side in
				dir) set -- "$@" "$D" ;;
				file) set -- "$@" --jsonl "$J" ;;
				stdin) set -- "$@" --jsonl - ;;
				esac
			else
				set -- "$@" "$a"
			fi
		done
		st=0
		# A pipe, which can be read only once.
		cat "$J" | { "$FRAMING" "$@" >"$T/$side.out" 2>"$T/$side.err" || st=$?; echo $st >"$T/$side.st"; }
	done
	# A pipe gets no site templates (they need a second reading), and a
	# warning that says so; the seeds have none, so the rest is the same.
	case $ARGS in *--no-clean*) ;; *)
		grep -q "stdin: a pipe is read once, so lines repeated across articles" "$T/stdin.err" ||
			fail "$name: no warning that a pipe has no site templates" ;;
	esac
	grep -v "stdin: a pipe is read once, so lines repeated across articles" "$T/stdin.err" >"$T/stdin.e2" || :
	mv "$T/stdin.e2" "$T/stdin.err"
	[ "$(cat "$T/dir.st")" = 0 ] || { cat "$T/dir.err"; fail "$name: status $(cat "$T/dir.st") on the folder"; }
	[ -s "$T/dir.out" ] || fail "$name: no output on the folder"
	for side in file stdin; do
		for k in out err st; do
			cmp -s "$T/dir.$k" "$T/$side.$k" ||
				{ diff "$T/dir.$k" "$T/$side.$k" | head; fail "$name: $k differs with --jsonl ($side)"; }
		done
	done
	echo "same: $name"
}

ARGS='kwic CORPUS accus* groundless hypocrisy'; same kwic-patterns
ARGS='kwic --tsv -w 4 CORPUS accus* "US" cooperation'; same kwic-tsv
ARGS='kwic --category accusatory CORPUS'; same kwic-category
# --by on an extra column: a manifest column, a JSON field.
ARGS='kwic --tsv --by wire --category conciliatory CORPUS'; same kwic-by-wire
ARGS='lexicon stats CORPUS'; same lexicon-stats
ARGS='lexicon stats --tsv --by wire -l lexicons/stance.lex CORPUS'; same lexicon-stats-by-wire
ARGS='lexicon stats --by lang --no-negation --no-clean CORPUS'; same lexicon-stats-by-lang
ARGS="lexicon diff lexicons/stance.lex $T/edited.lex CORPUS"
grep -v -x -F 'mistaken' lexicons/stance.lex >"$T/edited.lex"
printf 'charge\n' >>"$T/edited.lex"
same lexicon-diff
ARGS="lexicon diff --tsv --by wire lexicons/stance.lex $T/edited.lex CORPUS"; same lexicon-diff-tsv

# suggest reads the articles twice: a file (or a file on stdin) works, a
# pipe is refused with a message.
for side in dir file; do
	if [ $side = dir ]; then in=$D; else in="--jsonl $J"; fi
	"$FRAMING" lexicon suggest --category accusatory -n 10 $in >"$T/sg-$side.out" 2>"$T/sg-$side.err"
	"$FRAMING" lexicon suggest --tsv --category conciliatory $in >"$T/sgt-$side.out" 2>&1
done
cmp "$T/sg-dir.out" "$T/sg-file.out" || fail "lexicon suggest differs with --jsonl"
cmp "$T/sg-dir.err" "$T/sg-file.err" || fail "lexicon suggest messages differ with --jsonl"
cmp "$T/sgt-dir.out" "$T/sgt-file.out" || fail "lexicon suggest --tsv differs with --jsonl"
"$FRAMING" lexicon suggest --category accusatory -n 10 --jsonl - <"$J" >"$T/sg-stdin.out"
cmp "$T/sg-dir.out" "$T/sg-stdin.out" || fail "lexicon suggest differs with --jsonl - from a file"
st=0
cat "$J" | "$FRAMING" lexicon suggest --jsonl - >"$T/out" 2>"$T/err" || st=$?
[ $st = 2 ] || fail "lexicon suggest from a pipe: status $st, expected 2"
grep -q "stdin: cannot be read twice (not a regular file)" "$T/err" || fail "no message for a pipe"
echo "same: lexicon-suggest"

# check: the same expansions; only the name in "occurs nowhere in INPUT" differs.
"$FRAMING" lexicon check --corpus "$D" lexicons/stance.lex >"$T/ck-dir" 2>/dev/null
"$FRAMING" lexicon check --jsonl "$J" lexicons/stance.lex >"$T/ck-file" 2>/dev/null
grep -q "occurs nowhere in $J$" "$T/ck-file" || fail "check --jsonl: no 'occurs nowhere in $J'"
sed "s|occurs nowhere in $J$|occurs nowhere in $D|" "$T/ck-file" | cmp - "$T/ck-dir" || fail "lexicon check --jsonl differs"
echo "same: lexicon-check"

# clean: the article ID of the JSON Lines shows the same lines as its file;
# the summary names FILE:LINE instead of the file.
line=0
tail -n +2 "$D/manifest.tsv" >"$T/manifest"
while IFS='	' read -r id file rest; do
	line=$((line + 1))
	for kept in "" --kept; do
		"$FRAMING" clean $kept "$D/$file" >"$T/c-dir" 2>"$T/ce-dir"
		"$FRAMING" clean $kept --jsonl "$J" "$id" >"$T/c-file" 2>"$T/ce-file"
		cmp "$T/c-dir" "$T/c-file" || fail "clean $kept $id differs with --jsonl"
		sed "s|^framing: $J:$line: |framing: $D/$file: |" "$T/ce-file" | cmp - "$T/ce-dir" ||
			fail "clean $kept $id: summary differs with --jsonl"
	done
done <"$T/manifest"
[ $line = 5 ] || fail "clean: $line articles in the manifest, expected 5"
st=0
"$FRAMING" clean --jsonl "$J" no-such-id >"$T/out" 2>"$T/err" || st=$?
[ $st = 2 ] && grep -q "no article with the id 'no-such-id'" "$T/err" || fail "clean of a missing id"
echo "same: clean"

# The language is the source's lang column or field: the same Chinese article
# as English (its Chinese lines dropped, but the title) and as Chinese.
mkdir "$T/lang"
printf 'id\tfile\toutlet\tdate\ttitle\tlang\nzh-en\tzh.txt\tX\t2015-09-13\t网络安全\ten\nzh-zh\tzh.txt\tY\t2015-09-13\t网络安全\tzh\n' \
	>"$T/lang/manifest.tsv"
cp tests/corpora/multiscript/zh.txt "$T/lang/"
scripts/corpus2jsonl "$T/lang" >"$T/lang.jsonl"
"$FRAMING" kwic --tsv "$T/lang" 网络 >"$T/lang-dir"
"$FRAMING" kwic --tsv --jsonl "$T/lang.jsonl" 网络 >"$T/lang-file"
cmp "$T/lang-dir" "$T/lang-file" || fail "kwic: lang from JSON differs from the manifest's"
[ "$(cut -f1 "$T/lang-file" | tail -n +2 | tr '\n' ' ')" = "X Y Y " ] ||
	{ cat "$T/lang-file"; fail "kwic: lang not applied (X: English, its Chinese lines dropped)"; }
echo "same: lang"
echo ok
