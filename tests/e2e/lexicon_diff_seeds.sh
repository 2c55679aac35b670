# Issue 5: lexicon diff between stance.lex and a copy without "groundless"
# shows each outlet's accusatory rate drop by exactly its number of
# "groundless" matches (counted in matches.tsv of framing score). On the
# seeds every "groundless" is inside "groundless accusations", which the
# phrase entry counts, so the drop is 0; the same check on "mistaken"
# (China Daily 2, Press TV 1) shows a real drop.
set -eu
cd "$ROOT"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$FRAMING" score corpus/seeds -o "$tmp/out" -l lexicons/stance.lex

check_removal() {
	entry=$1
	grep -v -x -F "$entry" lexicons/stance.lex >"$tmp/new.lex"
	[ "$(wc -l <"$tmp/new.lex")" -eq $(($(wc -l <lexicons/stance.lex) - 1)) ] ||
		fail "the copy should lack exactly the line '$entry'"
	"$FRAMING" lexicon diff --tsv lexicons/stance.lex "$tmp/new.lex" corpus/seeds >"$tmp/diff"
	# The entries block lists the removed entry with its counted matches.
	total=$(awk -F'\t' -v e="$entry" '$4 == e && $9 == 0' "$tmp/out/matches.tsv" | wc -l)
	got=$(awk -F'\t' -v e="$entry" '$1 == "removed" && $3 == e {print $4}' "$tmp/diff")
	[ "$got" = "$total" ] || fail "'$entry' removed with $got matches, matches.tsv has $total"
	for outlet in "China Daily" "Press TV" "Sputnik"; do
		n=$(awk -F'\t' -v e="$entry" -v o="$outlet" '$2 == o && $4 == e && $9 == 0' \
			"$tmp/out/matches.tsv" | wc -l)
		awk -F'\t' -v o="$outlet" -v n="$n" -v e="$entry" '
			$1 == o && $2 == "accusatory" {
				found = 1
				if ($4 - $5 != n) { print "FAIL: " o " " e ": matches " $4 " -> " $5 ", expected a drop of " n; exit 1 }
				drop = $6 - $7; want = 1000 * n / $3
				if (drop - want > 1e-3 || want - drop > 1e-3) { print "FAIL: " o " " e ": rate drop " drop ", expected " want; exit 1 }
			}
			END { if (!found) { print "FAIL: no accusatory row for " o; exit 1 } }' "$tmp/diff"
		echo "$entry: $outlet accusatory drops by $n"
	done
}

check_removal groundless
check_removal mistaken
# mistaken really matters: China Daily 2, Press TV 1.
[ "$(awk -F'\t' '$2 == "China Daily" && $4 == "mistaken" && $9 == 0' "$tmp/out/matches.tsv" | wc -l)" -eq 2 ] ||
	fail "expected two 'mistaken' matches in China Daily"
echo ok
