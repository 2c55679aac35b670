# Issue 5: lexicon suggest proposes terms no entry covers, ranked by score,
# each with example contexts from the category's sentences.
set -eu
cd "$ROOT"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$FRAMING" lexicon suggest --tsv corpus/seeds --category accusatory -n 20 >"$tmp/s"
[ "$(wc -l <"$tmp/s")" -eq 21 ] || fail "expected 20 suggestions"
# Sorted by score, at least --min (2) occurrences with the category.
awk -F'\t' 'NR > 2 && $7 > prev + 1e-9 { print "FAIL: not sorted at line " NR; exit 1 }
	NR > 1 { prev = $7; if ($3 < 2) { print "FAIL: " $2 " occurs " $3 " times"; exit 1 } }' "$tmp/s"
# Nothing a lexicon entry already matches, no function words.
for t in accusations groundless china us the of; do
	cut -f2 "$tmp/s" | grep -q -x "$t" && fail "'$t' should not be suggested"
done
# Every example shows its term in brackets, from a sentence with a match.
awk -F'\t' 'NR > 1 && index(tolower($8), "[" $2 "]") == 0 { print "FAIL: example of " $2 ": " $8; exit 1 }' "$tmp/s"
# "charge" (a charge China rejected as unfounded) is there.
cut -f2 "$tmp/s" | grep -q -x charge || fail "'charge' missing"
echo ok
