# The GNU parallel recipes of the README (moved out of score_jsonl.sh so
# that a machine without parallel reports them skipped): the filter gives
# the bytes of one run, and shards made by parallel give the statistics of
# one run. Skipped (exit 77, see tests/run) where parallel is not installed.
set -eu
command -v parallel >/dev/null 2>&1 || { echo "skip: GNU parallel not installed"; exit 77; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$ROOT"
fail() { echo "FAIL: $*"; exit 1; }

scripts/corpus2jsonl corpus/seeds > "$T/seeds.jsonl"
"$FRAMING" score -q -j 1 --jsonl "$T/seeds.jsonl" -o "$T/jsonl"
"$FRAMING" stats -q "$T/jsonl/scores.tsv" -o "$T/stats-one"

parallel --will-cite --pipepart -a "$T/seeds.jsonl" --block 2k -k -j 2 \
	"$FRAMING" score -q -j 1 --jsonl - --stdout > "$T/par.tsv"
{ head -n 1 "$T/par.tsv"; grep -v '^id	outlet	' "$T/par.tsv"; } | cmp - "$T/jsonl/scores.tsv" \
	|| fail "GNU parallel filter recipe differs from one run"
parallel --will-cite --pipepart -a "$T/seeds.jsonl" --block 3k -j 2 \
	"$FRAMING" score -q -j 1 --jsonl - -o "$T/par/{#}"
[ "$(ls "$T/par" | wc -l)" -gt 1 ] || fail "the recipe made one shard only"
"$FRAMING" stats -q "$T"/par/*/scores.tsv -o "$T/stats-par"
for f in outlets compare tests keyness duplicates; do
	cmp "$T/stats-one/$f.tsv" "$T/stats-par/$f.tsv" || fail "parallel shards: $f.tsv differs"
done
echo ok
