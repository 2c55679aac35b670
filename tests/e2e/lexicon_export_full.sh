# A write error while exporting or importing a lexicon is a message and
# exit 1. Before, a failed commit was followed by an abort of the same,
# already freed, output file (a double free).
set -u
fail() { echo "FAIL: $*"; exit 1; }
cd "$ROOT"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# stderr goes through a pipe: under ulimit -f 0 a file could not take it.
run0() { (ulimit -f 0; "$FRAMING" "$@" 2>&1; echo "status $?") | cat > "$T/err"; st=$(sed -n 's/^status //p' "$T/err"); }
run0 lexicon export lexicons/stance.lex --format dic -o "$T/s.dic"
[ $st -eq 1 ] || { cat "$T/err"; fail "export: status $st, expected 1"; }
grep -q "cannot write '$T/s.dic'" "$T/err" || { cat "$T/err"; fail "export: no message"; }
# ASan exits 1 too, so its report is looked for by name.
grep -qi "sanitizer\|double free" "$T/err" && { cat "$T/err"; fail "export: memory error"; }
"$FRAMING" lexicon export lexicons/stance.lex --format dic -o "$T/ok.dic" || fail "export"
run0 lexicon import "$T/ok.dic" -o "$T/s.lex"
[ $st -eq 1 ] || { cat "$T/err"; fail "import: status $st, expected 1"; }
grep -qi "sanitizer\|double free" "$T/err" && { cat "$T/err"; fail "import: memory error"; }
ls "$T" | grep -q tmp && fail "a temporary file was left"
echo ok
