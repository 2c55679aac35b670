#!/bin/sh
# Word counts on a hand-counted paragraph (issue 2: counts must agree with
# ICU word boundaries as tidytext and quanteda use them). Run by tests/run
# in a fresh folder with $FRAMING and $ROOT set.
#
# The paragraph, counted by hand, one token per number:
#   “Groundless(1) accusations,(2)” China’s(3) foreign(4) ministry(5) said(6)
#   on(7) Sept.(8) 11,(9) 2015(10) — calling(11) the(12) U.S.(13) claims(14)
#   of(15) cyber-(16)spying(17) “hypocrisy.(18)” It(19) didn't(20) offer(21)
#   1,000.50(22) dollars'(23) worth(24) of(25) proof;(26) officials'(27)
#   ‘so-(28)called’(29) evidence(30) was(31) 3.5%(32) made-(33)up.(34)
# = 34 tokens. Rules: the curly apostrophe stays inside China’s; a trailing
# apostrophe (dollars', officials') is not part of the word; hyphens split
# (cyber-spying, so-called, made-up: two each); "," and "." between digits
# stay inside a number (1,000.50, 3.5) but "11," ends at the comma; U.S.
# keeps its inner period and loses the last; dashes, % and quotes are not
# words. tokenizers::tokenize_words (ICU 72) gives the same 34.
#
# Matches per entry (one category; longest match wins):
#   groundless accusation*  1   "Groundless accusations"
#   groundless              0   inside the longer match above
#   china's                 1   written with ' in the lexicon, ’ in the text
#   Sept.                   1   the entry's period is not part of the word
#   U.S.                    1
#   claims                  1
#   of                      2
#   cyber spying            1   the hyphen in the text splits like a space
#   hypocri*                1
#   didn't                  1
#   1,000.50                1
#   dollars                 1   dollars' (plural possessive)
#   officials               1
#   so-called               1   a hyphen in the entry splits too
#   3.5                     1
#   made up                 1
# = 16 matches.
set -eu
mkdir -p corpus/paper
cat > corpus/paper/2015-09-11-fixture.txt <<'TXT'
“Groundless accusations,” China’s foreign ministry said on Sept. 11, 2015 — calling the U.S. claims of cyber-spying “hypocrisy.” It didn't offer 1,000.50 dollars' worth of proof; officials' ‘so-called’ evidence was 3.5% made-up.
TXT
cat > fixture.lex <<'LEX'
[fixture] Hand-counted entries.
groundless accusation*
groundless
china's
Sept.
U.S.
claims
of
cyber spying
hypocri*
didn't
1,000.50
dollars
officials
so-called
3.5
made up
LEX
"$FRAMING" score corpus -l fixture.lex -o out --no-clean --no-negation -q

cut -f5 out/scores.tsv | sed -n 2p > tokens
echo 34 > tokens.expect
cmp tokens.expect tokens || { echo "tokens: $(cat tokens), expected 34"; exit 1; }

# Every entry with its count, in lexicon order, zero included.
sed -n '2,$p' fixture.lex | while IFS= read -r e; do
	n=$(awk -F'\t' -v e="$e" 'NR > 1 && $4 == e { n++ } END { print n + 0 }' out/matches.tsv)
	printf '%s\t%s\n' "$e" "$n"
done > counts
cat > counts.expect <<'TSV'
groundless accusation*	1
groundless	0
china's	1
Sept.	1
U.S.	1
claims	1
of	2
cyber spying	1
hypocri*	1
didn't	1
1,000.50	1
dollars	1
officials	1
so-called	1
3.5	1
made up	1
TSV
if ! cmp -s counts.expect counts; then
	echo "per-entry counts differ (expected, got):"
	diff counts.expect counts
	cut -f4,5 out/matches.tsv
	exit 1
fi
total=$(awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "fixture_matches") c = i }
	NR == 2 { print $c }' out/scores.tsv)
[ "$total" = 16 ] || { echo "fixture_matches: $total, expected 16"; exit 1; }
echo "ok: 34 tokens, 16 matches"
