#!/bin/sh
# The own-voice count of scores.tsv (C_own: matches that are neither quoted
# nor negated) asserted per article on a small hand-written corpus, with
# C_matches (not negated, quoted or not) and negated beside it: straight,
# typographic (« », 「 」, 『 』) and unclosed quotations, negators at
# distance 3 and 4, a match both quoted and negated. --no-clean, so that the
# cleaner's choice of lines does not enter; every line is a paragraph.
set -eu
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

printf '[accusatory]\ngroundless\nsmear\nhypocri*\n[conciliatory]\nmutual respect\ndialogue\n' > "$T/t.lex"
nbsp=$(printf '\302\240')
{
# a1: groundless, smear own; "groundless", "a smear campaign" quoted;
#     dialogue own.                     acc 4 (own 2), conc 1 (own 1), negated 0
printf '%s\n' '{"id":"a1","outlet":"Alpha","text":"The groundless claims are a smear. Officials called it \"groundless\" and \"a smear campaign\". They want dialogue."}'
# a2: "did not call it groundless": not 3 tokens before, negated;
#     "never said so in dialogue": never 4 before, counted, own;
#     "\"this is not hypocrisy\"": quoted and negated, counts only in negated;
#     "Not a smear, nor hypocrisy": both negated;
#     "No one said the smear": no 4 before, counted, own.
#                                       acc 1 (own 1), conc 1 (own 1), negated 4
printf '%s\n' '{"id":"a2","outlet":"Alpha","text":"They did not call it groundless. They never said so in dialogue. He said \"this is not hypocrisy\". Not a smear, nor hypocrisy either. No one said the smear was fair."}'
# a3, one paragraph a line:
#   « smear » (no-break spaces) and «hypocrisie»: both quoted
#   「groundless」 quoted; mutual respect own
#   『smear』 quoted; smear own
#   «hypocrisy and smear, never closed: quoted to the end of the line
#   Groundless own
#                                       acc 8 (own 2), conc 1 (own 1), negated 0
printf '%s\n' "{\"id\":\"a3\",\"outlet\":\"Beta\",\"text\":\"Le ministre a parlé de «${nbsp}smear${nbsp}» et de «hypocrisie».\\n报道称「groundless」，但 mutual respect 仍在。\\n『smear』 again, and smear outside.\\nHe spoke of «hypocrisy and smear.\\nGroundless, in our own voice.\"}"
# a4: no match.                         acc 0 (own 0), conc 0 (own 0), negated 0
printf '%s\n' '{"id":"a4","outlet":"Beta","text":"Talks went on all day."}'
# a5: "We reject the smear," and "and the hypocrisy." quoted; smear and
#     groundless own; "not dialogue" negated.
#                                       acc 4 (own 2), conc 0 (own 0), negated 1
printf '%s\n' '{"id":"a5","outlet":"Beta","text":"\"We reject the smear,\" he said, \"and the hypocrisy.\" The smear is groundless, not dialogue."}'
} > "$T/c.jsonl"

"$FRAMING" score -q -j 1 --no-clean -l "$T/t.lex" --jsonl "$T/c.jsonl" -o "$T/o"

# The columns by name, so that a new column elsewhere does not move them.
cols="accusatory_matches accusatory_own conciliatory_matches conciliatory_own negated"
got=$(awk -F'\t' -v cols="$cols" '
	NR == 1 { for (i = 1; i <= NF; i++) at[$i] = i; n = split(cols, c, " ")
		  for (k = 1; k <= n; k++) if (!(c[k] in at)) { print "no column " c[k]; exit }
		  next }
	{ s = $1; for (k = 1; k <= n; k++) s = s " " $(at[c[k]]); print s }' "$T/o/scores.tsv")
want="a1 4 2 1 1 0
a2 1 1 1 1 4
a3 8 2 1 1 0
a4 0 0 0 0 0
a5 4 2 0 0 1"
[ "$got" = "$want" ] || { printf 'got:\n%s\nwant:\n%s\n' "$got" "$want"; fail "$cols per article"; }

# The matches behind a3's counts: entry:quoted:negated in text order.
got=$(awk -F'\t' '$1 == "a3" { printf "%s:%s:%s ", $4, $8, $9 }' "$T/o/matches.tsv")
want="smear:1:0 hypocri*:1:0 groundless:1:0 mutual respect:0:0 smear:1:0 smear:0:0 hypocri*:1:0 smear:1:0 groundless:0:0 "
[ "$got" = "$want" ] || { printf 'got:  %s\nwant: %s\n' "$got" "$want"; fail "a3 matches"; }
echo ok
