# An output that names a device or a FIFO (/dev/null, /dev/stdout, a named
# pipe) is written in place. Outputs are written to a temporary file and
# renamed over the final name; renamed over /dev/null as root, that replaced
# the device with a file for the whole machine. The FIFO stands in for
# /dev/null here, so a regression cannot break the machine that runs it.
set -eu
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v mkfifo >/dev/null 2>&1 || { echo "skip: no mkfifo"; exit 77; }
cd "$ROOT"
lex="-l lexicons/stance.lex"

# into_fifo NAME ARGS...: runs framing with the FIFO $T/NAME as an output;
# the FIFO must still be one afterwards and must have carried the rows.
into_fifo() {
	name=$1; shift
	rm -f "$T/$name" "$T/$name.got"
	mkfifo "$T/$name"
	timeout 20 cat "$T/$name" > "$T/$name.got" &
	reader=$!
	"$FRAMING" "$@" >/dev/null 2>"$T/$name.err" || { cat "$T/$name.err"; fail "$name: framing failed"; }
	wait $reader || fail "$name: nothing was written into the FIFO"
	[ -p "$T/$name" ] || fail "$name: the FIFO was replaced by a file"
	ls "$T" | grep -q "^$name\.tmp\." && fail "$name: a temporary file was left"
	[ -s "$T/$name.got" ] || fail "$name: the FIFO carried nothing"
}

into_fifo matches score -q $lex --jsonl tests/fixtures/seeds.jsonl --stdout --matches "$T/matches"
head -n 1 "$T/matches.got" | grep -q '^id	outlet	category' || fail "matches: not matches.tsv"
into_fifo dic lexicon export lexicons/stance.lex --format dic -o "$T/dic"
grep -q '^%' "$T/dic.got" || fail "export: not a .dic"
into_fifo tmpl templates corpus/seeds -o "$T/tmpl"
head -n 1 "$T/tmpl.got" | grep -q '^outlet' || fail "templates: no header"
echo ok
