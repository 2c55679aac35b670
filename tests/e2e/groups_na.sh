#!/bin/sh
# Issue 12: an empty group value (an article without a wire, a JSON field
# missing on some lines) is the group NA in every command that groups: stats
# (outlets.tsv), kwic (headings and --tsv), lexicon stats and lexicon diff.
set -u
cd "$ROOT"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
L=lexicons/stance.lex
# The seeds as JSON Lines, with the empty wire fields left out altogether.
sed 's/"wire":"",//' tests/fixtures/seeds.jsonl >"$T/nowire.jsonl"
grep -q '"wire":""' "$T/nowire.jsonl" && fail "the fixture still has empty wires"

"$FRAMING" score -q -l $L corpus/seeds -o "$T/run" 2>/dev/null || fail "score"
"$FRAMING" stats -q --by wire --bootstrap 50 --permutations 50 "$T/run/scores.tsv" -o "$T/run" \
	2>/dev/null || fail "stats"
cut -f1 "$T/run/outlets.tsv" | tail -n +2 | sort -u >"$T/want"
grep -qx NA "$T/want" || fail "stats --by wire has no group NA"

for input in corpus/seeds "--jsonl $T/nowire.jsonl"; do
	# shellcheck disable=SC2086
	"$FRAMING" kwic --by wire -c conciliatory -l $L $input >"$T/kwic.txt" 2>/dev/null ||
		fail "kwic $input"
	grep -q '^NA (' "$T/kwic.txt" || { cat "$T/kwic.txt"; fail "kwic $input: no heading NA"; }
	grep -q '^ (' "$T/kwic.txt" && fail "kwic $input: a blank heading"
	# shellcheck disable=SC2086
	"$FRAMING" lexicon diff --tsv --by wire $L $L $input >"$T/diff" 2>/dev/null ||
		fail "lexicon diff $input"
	# The groups of the index table (outlet index old_mean new_mean change old_rank new_rank).
	awk -F'\t' 'NF == 7 && NR > 1 && $1 != "wire" { print $1 }' "$T/diff" | sort -u >"$T/got"
	cmp -s "$T/want" "$T/got" || { diff "$T/want" "$T/got"; fail "lexicon diff $input: not the groups of stats"; }
	awk -F'\t' 'NF > 1 && $1 == ""' "$T/diff" | grep -q . && fail "lexicon diff $input: a blank group"
	# shellcheck disable=SC2086
	"$FRAMING" lexicon stats --tsv --by wire -l $L $input >"$T/stats" 2>/dev/null ||
		fail "lexicon stats $input"
	# The most groups an entry is found in is every group of stats, NA included.
	[ "$(awk -F'\t' '/^$/ { exit } NR > 1 && $5 > m { m = $5 } END { print m + 0 }' "$T/stats")" = "$(wc -l <"$T/want")" ] ||
		fail "lexicon stats $input: not the groups of stats"
	# Its table per group (after a blank line) has the groups of stats, NA included.
	awk -F'\t' 'b && $1 != "wire" { print $1 } /^$/ { b = 1 }' "$T/stats" | sort >"$T/got"
	cmp -s "$T/want" "$T/got" || { diff "$T/want" "$T/got"; fail "lexicon stats $input: not the groups of stats per group"; }
done
echo ok
