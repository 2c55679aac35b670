# Issue 6: a progress line on a terminal, erased at the end; nothing without one.
set -eu
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v script >/dev/null 2>&1 || { echo "skip: no script(1) to make a terminal"; exit 77; }
cd "$ROOT"
scripts/corpus2jsonl corpus/seeds > "$T/one.jsonl"
# Copies of the seeds, so --no-templates: each line would be a site template.
# Enough articles for the scoring to outlast the first update (a quarter
# second), after the pass that finds site templates.
i=0; while [ $i -lt 6000 ]; do cat "$T/one.jsonl"; i=$((i + 1)); done \
	| awk '{ sub(/"id":"/, "\"id\":\"" NR "-"); print }' > "$T/many.jsonl"
script -qfc "$FRAMING score --no-templates -j 1 --jsonl $T/many.jsonl -o $T/o" "$T/tty" > /dev/null
grep -q 'framing: [0-9]* articles, [0-9.]* MB, [0-9.]* MB/s, [0-9]* s' "$T/tty" || fail "no progress line"
# The last thing framing wrote (before script's own trailer) erases the line.
grep -v '^Script ' "$T/tty" | tr -d '\n' | tail -c 4 | od -An -c | tr -d ' ' | grep -qx '\\r033\[K' \
	|| fail "progress line not erased"
# Not a terminal, or -q: silent.
"$FRAMING" score --no-templates -j 1 --jsonl "$T/many.jsonl" -o "$T/o" 2> "$T/err"
[ ! -s "$T/err" ] || fail "progress without a terminal: $(cat "$T/err")"
script -qfc "$FRAMING score --no-templates -q -j 1 --jsonl $T/many.jsonl -o $T/o" "$T/tty2" > /dev/null
grep -q 'articles,' "$T/tty2" && fail "progress with -q"
echo ok
