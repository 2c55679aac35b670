#!/bin/sh
# Issue 17's acceptance on a corpus of text articles with known stories
# (scripts/sim-effects: outlet A covers the heated stories but is the
# least accusatory and the most conciliatory within every story it
# shares; C the most accusatory, B in between). Pooled, outlets.tsv ranks
# A the most accusatory and of the highest stance; `stats --within story`
# recovers the within-story order A < B < C, with intervals that exclude
# 1 (rate ratios) and 0 (stance differences). When this framing has
# `stats --stories`, the stories it finds match the known ones (adjusted
# Rand index >= 0.9, computed here).
. "$ROOT/tests/e2e/hostile.lib"
cd "$T" || fail "cd"
# The shipped lexicons named, so the sanitizer build (outside bin/) finds them too.
frscore() { "$FRAMING" score -l "$ROOT/lexicons/stance.lex" -l "$ROOT/lexicons/actors.lex" "$@"; }
"$ROOT/scripts/sim-effects" --seed 1 c || fail "sim-effects"
[ "$(sed 1d c/manifest.tsv | wc -l)" -eq 193 ] || fail "corpus size: $(wc -l < c/manifest.tsv)"
frscore -q c -o o || fail "score"
"$FRAMING" stats -q o/scores.tsv -o o --within story --reference B --bootstrap 0 --permutations 0 ||
	fail "stats --within story"
o=o/outlets.tsv e=o/effects.tsv
pooled() { awk -F'\t' -v g="$1" -v m="$2" -v c="$3" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) k = i; next } $1 == g && $2 == m { print $k }' "$o"; }
within() { awk -F'\t' -v g="$1" -v m="$2" -v c="$3" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) k = i; next } $1 == g && $3 == m { print $k }' "$e"; }
above() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 > b + 0) }'; }

# Pooled: A > C > B in accusatory rate and in mean stance.
above "$(pooled A accusatory_rate rate)" "$(pooled C accusatory_rate rate)" &&
	above "$(pooled C accusatory_rate rate)" "$(pooled B accusatory_rate rate)" ||
	fail "pooled accusatory rates not A > C > B: $(grep accusatory_rate "$o" | cut -f1,6)"
above "$(pooled A stance mean)" "$(pooled C stance mean)" &&
	above "$(pooled C stance mean)" "$(pooled B stance mean)" ||
	fail "pooled stance not A > C > B: $(grep stance "$o" | cut -f1,12)"

# Within stories, against B: A below (hi < 1, hi < 0), C above (lo > 1, lo > 0).
row() { grep "^$1	B	$2	" "$e"; }
above 1 "$(within A accusatory_matches hi)" || fail "A's accusatory rate ratio: $(row A accusatory_matches)"
above "$(within A conciliatory_matches lo)" 1 || fail "A's conciliatory rate ratio: $(row A conciliatory_matches)"
above 0 "$(within A stance hi)" || fail "A's stance difference: $(row A stance)"
above "$(within C accusatory_matches lo)" 1 || fail "C's accusatory rate ratio: $(row C accusatory_matches)"
above 1 "$(within C conciliatory_matches hi)" || fail "C's conciliatory rate ratio: $(row C conciliatory_matches)"
above "$(within C stance lo)" 0 || fail "C's stance difference: $(row C stance)"
# A shares 8 stories (4 heated, 4 calm), C 19; 11 heated stories are A's alone.
[ "$(within A stance n_stories)" = 8 ] && [ "$(within C stance n_stories)" = 19 ] ||
	fail "n_stories: $(cut -f1,3,11 "$e")"
grep -q '11 of 30 stories covered by one outlet only add nothing' "$e" || fail "note: $(sed -n 2p "$e")"
# The same with the default reference (B and C have 68 articles each, the tie goes to B by name).
"$FRAMING" stats -q o/scores.tsv -o d --within story --bootstrap 0 --permutations 0 || fail "default reference"
cmp -s d/effects.tsv "$e" || fail "default reference: $(cut -f1,2 d/effects.tsv | sort -u)"
# Adjusted for date and length the order stands.
"$FRAMING" stats -q o/scores.tsv -o a --within story --reference B --adjust date --adjust length \
	--bootstrap 0 --permutations 0 || fail "--adjust"
awk -F'\t' '$1 == "A" && ($3 == "stance" && $8 >= 0 || $3 == "accusatory_matches" && $8 >= 1) { bad = 1 }
	$1 == "C" && ($3 == "stance" && $7 <= 0 || $3 == "accusatory_matches" && $7 <= 1) { bad = 1 }
	END { exit bad }' a/effects.tsv || fail "--adjust date --adjust length: $(cat a/effects.tsv)"

# Automatic stories, when this framing finds them.
if "$FRAMING" stats --help 2>&1 | grep -q -- '--stories'; then
	"$FRAMING" stats -q o/scores.tsv -o s --stories --bootstrap 0 --permutations 0 || fail "stats --stories"
	# Adjusted Rand index (Hubert & Arabie 1985) of the known stories
	# (manifest) and the found ones (stories.tsv, column story).
	ari=$(awk -F'\t' 'function c2(n) { return n * (n - 1) / 2 }
		FNR == 1 { f++; for (i = 1; i <= NF; i++) if ($i == "story") c = i; next }
		f == 1 { truth[$1] = $c; next }
		{ found[$1] = $c }
		END {
			for (id in truth) {
				if (!(id in found)) { print "missing " id; exit }
				n++; cell[truth[id] SUBSEP found[id]]++; r[truth[id]]++; k[found[id]]++
			}
			for (x in cell) sij += c2(cell[x]); for (x in r) si += c2(r[x]); for (x in k) sj += c2(k[x])
			ex = si * sj / c2(n); top = (si + sj) / 2
			printf "%.4f\n", (sij - ex) / (top - ex)
		}' c/manifest.tsv s/stories.tsv)
	above "$ari" 0.9 || fail "automatic stories: adjusted Rand index $ari"
	echo "adjusted Rand index $ari"
else
	echo "skip: this framing has no stats --stories (automatic story grouping)"
fi
exit 0
