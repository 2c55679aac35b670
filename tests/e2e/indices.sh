#!/bin/sh
# Issue 15, items 1 and 2 (score side and the lexicon tools): a lexicon of
# two indices, one of each kind, with weights (tests/fixtures/indices/
# markets.lex) and an @actors file of three actors (actors.lex) on six
# short articles of three outlets (markets.jsonl), scored without cleaning
# so that every word counts. Every expected value
# is worked out by hand beside it, from the tokens and matches of the
# articles:
#
#   a1 Alpha "Shares rise and soar as traders rally. Oil may fall."   10 tokens
#      bullish rise 1 + soar* 2 + rally 1 = 4 (3 matches); bearish fall* 1
#      actors: stocks shares, traders trader*, oil oil
#   a2 Alpha "Prices clearly slump. Analysts are certain prices fall again."  9
#      bearish slump 0.5 + fall* 1 = 1.5 (2); confident clearly 2 + certain 1 = 3 (2)
#      actors: traders analyst*
#   b1 Beta  "Perhaps markets rise and rally, clearly."               6 tokens
#      bullish rise 1 + rally 1 = 2; hedged perhaps 1; confident clearly 2 (1 match)
#   g1 Gamma "Stocks soar."                                          2 tokens
#      bullish soar* 2 (1 match); actors: stocks stock*
#   g2 Gamma "" (no words: a difference is NA)                       0 tokens
#   g3 Gamma "Stocks did not fall. Maybe later."                     6 tokens
#      fall negated (not counted); hedged maybe 1; actors: stocks stock*
#
#   tone = difference bullish bearish = (bullish_score - bearish_score) * 1000 / tokens
#   certainty = log-ratio confident hedged = log((confident_score + 0.5) / (hedged_score + 0.5))
. "$(dirname "$0")/hostile.lib"
F="$ROOT/tests/fixtures/indices"
cd "$T"

# near GOT WANT WHAT: equal to 6 significant digits, as framing prints them.
near() {
	awk -v g="$1" -v w="$2" 'BEGIN {
		if (g == "NA" || w == "NA") exit !(g == w)
		d = g - w; if (d < 0) d = -d
		s = w < 0 ? -w : w
		exit !(d <= 1e-5 * (s > 1 ? s : 1))
	}' || fail "$3: $1, expected $2"
}

# cell FILE KEY COLUMN [KEYCOLUMN]: the value of COLUMN in the row whose
# first column (or KEYCOLUMN) is KEY, by the header's names.
cell() {
	awk -F'\t' -v k="$2" -v c="$3" -v kc="${4:-}" '
		NR == 1 { for (i = 1; i <= NF; i++) { col[$i] = i }; key = kc == "" ? 1 : col[kc]; next }
		$key == k { if (!(c in col)) { print "NOCOLUMN"; exit } print $col[c]; exit }' "$1"
}

# block FILE N: the Nth table (from 0) of a --tsv output of tables a blank line apart.
block() {
	awk -v n="$2" '/^$/ { b++; next } b == n' "$1"
}

# --- scores.tsv: one column per index, named as it, in declaration order, after negated.
# Both lexicons, copied here so that $L splits on no space of $ROOT.
cp "$F/markets.lex" "$F/actors.lex" .
L="-l markets.lex -l actors.lex"
"$FRAMING" score -q --no-clean $L --jsonl "$F/markets.jsonl" -o out ||
	fail "score: status $?"
head -n 1 out/scores.tsv | tr '\t' '\n' | grep -n -x 'negated\|tone\|certainty' | tr '\n' ' ' |
	grep -q '^\([0-9]*\):negated \([0-9]*\):tone \([0-9]*\):certainty $' ||
	fail "columns: $(head -n 1 out/scores.tsv)"
n=$(head -n 1 out/scores.tsv | tr '\t' '\n' | grep -n -x 'negated\|tone\|certainty' | cut -d: -f1 | tr '\n' ' ')
set -- $n
[ $(($2 - $1)) -eq 1 ] && [ $(($3 - $2)) -eq 1 ] || fail "tone and certainty not right after negated: $n"

near "$(cell out/scores.tsv a1 tone)" 300 "a1 tone"                 # (4 - 1) * 1000 / 10
near "$(cell out/scores.tsv a2 tone)" -166.667 "a2 tone"            # (0 - 1.5) * 1000 / 9
near "$(cell out/scores.tsv b1 tone)" 333.333 "b1 tone"             # (2 - 0) * 1000 / 6
near "$(cell out/scores.tsv g1 tone)" 1000 "g1 tone"                # (2 - 0) * 1000 / 2
near "$(cell out/scores.tsv g2 tone)" NA "g2 tone"                  # no tokens: NA
near "$(cell out/scores.tsv g3 tone)" 0 "g3 tone"                   # (0 - 0) * 1000 / 6, fall negated
near "$(cell out/scores.tsv a1 certainty)" 0 "a1 certainty"         # log((0 + 0.5) / (0 + 0.5))
near "$(cell out/scores.tsv a2 certainty)" 1.94591 "a2 certainty"   # log((2 + 1 + 0.5) / (0 + 0.5)) = log(7)
near "$(cell out/scores.tsv b1 certainty)" 0.510826 "b1 certainty"  # log((2 + 0.5) / (1 + 0.5))
near "$(cell out/scores.tsv g1 certainty)" 0 "g1 certainty"         # log(0.5 / 0.5)
near "$(cell out/scores.tsv g2 certainty)" 0 "g2 certainty"         # log(0.5 / 0.5): a log-ratio needs no tokens
near "$(cell out/scores.tsv g3 certainty)" -1.09861 "g3 certainty"  # log((0 + 0.5) / (1 + 0.5)) = log(1/3)
# The weights are in C_score, not in C_matches: a1's bullish is 3 matches, score 4.
[ "$(cell out/scores.tsv a1 bullish_matches)" = 3 ] || fail "a1 bullish_matches"
[ "$(cell out/scores.tsv a1 bullish_score)" = 4 ] || fail "a1 bullish_score"   # 1 + 2 + 1
# The actors are categories of scores.tsv too (who is named, not an index).
[ "$(cell out/scores.tsv a1 traders_matches)" = 1 ] || fail "a1 traders_matches"   # traders
[ "$(cell out/scores.tsv a1 stocks_matches)" = 1 ] || fail "a1 stocks_matches"     # Shares
[ "$(cell out/scores.tsv g3 stocks_matches)" = 1 ] || fail "g3 stocks_matches"     # Stocks

# --- categories.tsv beside it, an output of the run in run.tsv.
printf 'name\trole\tweighted\tvoice\tdefinition\tdescription
bullish\tcategory\tyes\tyes\t-\tWords of a rising market.
bearish\tcategory\tyes\tyes\t-\tWords of a falling market.
hedged\tcategory\tno\tyes\t-\tHedging.
confident\tcategory\tyes\tyes\t-\tConfidence.
traders\tactor\tno\tno\t-\tPeople who trade and judge markets.
oil\tactor\tno\tno\t-\tOil.
stocks\tactor\tno\tno\t-\tStocks and shares.
tone\tindex\t-\t-\tdifference bullish bearish\t-
certainty\tindex\t-\t-\tlog-ratio confident hedged\t-
' >want.tsv
cmp -s want.tsv out/categories.tsv || { diff want.tsv out/categories.tsv; fail "categories.tsv"; }
sum=$(sha256sum out/categories.tsv | cut -d' ' -f1)
grep -q "${tab}output${tab}categories.tsv${tab}$sum\$" out/run.tsv ||
	fail "run.tsv does not list categories.tsv with its SHA-256"

# With --stdout, --categories FILE writes the same table; without --stdout it is refused.
"$FRAMING" score -q --no-clean $L --jsonl "$F/markets.jsonl" --stdout \
	--categories cats.tsv >stdout.tsv || fail "score --stdout: status $?"
cmp -s want.tsv cats.tsv || fail "--categories FILE differs from categories.tsv"
cmp -s stdout.tsv out/scores.tsv || fail "--stdout rows differ from scores.tsv"
expect 2 "go with --stdout" -- score -q -l "$F/markets.lex" --jsonl "$F/markets.jsonl" \
	--categories c.tsv -o o2

# --- An index named as a column of scores.tsv: FILE:LINE:COL of its @index line, nothing written.
printf '[up] u\nrise\n[down] d\nfall\n@index tokens = difference up down\n@index up_rate = log-ratio up down\n' >clash.lex
expect 2 "clash.lex:5:8: index 'tokens' has the name of a column of scores.tsv" \
	-- score -q -l clash.lex --jsonl "$F/markets.jsonl" -o o3
grep -q "clash.lex:6:8: index 'up_rate' has the name of a column of scores.tsv" "$T/stderr" ||
	fail "no message on up_rate: $(cat "$T/stderr")"
[ -e o3/scores.tsv ] && fail "scores.tsv written despite the clash"
# An extra column named as an index is the one renamed (extra_tone), as for any column.
printf '{"id":"x","outlet":"X","text":"Stocks rise.","tone":"calm"}\n' >extra.jsonl
expect 0 "the input's column 'tone' is written as 'extra_tone'" \
	-- score -l "$F/markets.lex" --jsonl extra.jsonl -o o4
[ "$(head -n 1 o4/scores.tsv | tr '\t' '\n' | grep -c -x 'tone\|extra_tone')" -eq 2 ] ||
	fail "tone and extra_tone: $(head -n 1 o4/scores.tsv)"

# A lexicon without @index: no index column, and categories.tsv has no index row.
grep -v '^@index' "$F/markets.lex" >plain.lex
"$FRAMING" score -q --no-clean -l plain.lex --jsonl "$F/markets.jsonl" -o o5 || fail "plain: status $?"
head -n 1 o5/scores.tsv | tr '\t' '\n' | grep -q -x 'tone\|certainty\|stance' &&
	fail "an index column without @index: $(head -n 1 o5/scores.tsv)"
grep -q "${tab}index${tab}" o5/categories.tsv && fail "an index row without @index"
"$FRAMING" lexicon stats -q --no-clean -l plain.lex --jsonl "$F/markets.jsonl" >plain.txt ||
	fail "lexicon stats plain.lex: status $?"
grep -qx 'per outlet: rates per 1,000 tokens, no index declared' plain.txt ||
	fail "lexicon stats without @index: $(cat plain.txt)"

# --- lexicon stats: per outlet the rates, C_wrate of the weighted categories, the index means.
"$FRAMING" lexicon stats -q --tsv --no-clean $L --jsonl "$F/markets.jsonl" \
	>stats.tsv || fail "lexicon stats: status $?"
block stats.tsv 1 >groups.tsv
[ "$(head -n 1 groups.tsv)" = "outlet${tab}articles${tab}tokens${tab}bullish_rate${tab}bullish_wrate${tab}bearish_rate${tab}bearish_wrate${tab}hedged_rate${tab}confident_rate${tab}confident_wrate${tab}traders_rate${tab}oil_rate${tab}stocks_rate${tab}tone${tab}certainty" ] ||
	fail "lexicon stats groups header: $(head -n 1 groups.tsv)"
while read -r outlet column want why; do
	near "$(cell groups.tsv "$outlet" "$column")" "$want" "lexicon stats $outlet $column ($why)"
done <<'EOF'
Alpha tokens 19 10+9
Alpha bullish_rate 157.895 3*1000/19
Alpha bullish_wrate 210.526 (1+2+1)*1000/19
Alpha bearish_rate 157.895 3*1000/19
Alpha bearish_wrate 131.579 (1+0.5+1)*1000/19
Alpha hedged_rate 0 0
Alpha confident_rate 105.263 2*1000/19
Alpha confident_wrate 157.895 (2+1)*1000/19
Alpha traders_rate 105.263 2*1000/19
Alpha oil_rate 52.6316 1*1000/19
Alpha stocks_rate 52.6316 1*1000/19
Alpha tone 66.6667 (300+-166.667)/2
Alpha certainty 0.972955 (0+log(7))/2
Beta bullish_wrate 333.333 2*1000/6
Beta hedged_rate 166.667 1*1000/6
Beta confident_rate 166.667 1*1000/6
Beta confident_wrate 333.333 2*1000/6
Beta tone 333.333 2000/6
Beta certainty 0.510826 log(2.5/1.5)
Gamma tokens 8 2+0+6
Gamma bullish_rate 125 1*1000/8
Gamma bullish_wrate 250 2*1000/8
Gamma bearish_wrate 0 fall_negated
Gamma hedged_rate 125 1*1000/8
Gamma stocks_rate 250 2*1000/8
Gamma tone 500 (1000+0)/2,g2_NA_left_out
Gamma certainty -0.366204 (0+0+log(1/3))/3
EOF
# Plain output names the table and no stance.
"$FRAMING" lexicon stats -q --no-clean -l "$F/markets.lex" --jsonl "$F/markets.jsonl" >stats.txt ||
	fail "lexicon stats plain: status $?"
grep -q '^per outlet: ' stats.txt || fail "no per-outlet heading: $(cat stats.txt)"
grep -qi 'stance\|accusatory' stats.txt && fail "lexicon stats names stance: $(cat stats.txt)"

# --- lexicon diff: only a weight changes (soar* 2 -> 0.5).
sed 's/^soar\* = 2$/soar* = 0.5/' "$F/markets.lex" >new.lex
cmp -s "$F/markets.lex" new.lex && fail "the edit changed nothing"
"$FRAMING" lexicon diff -q --tsv --no-clean --jsonl "$F/markets.jsonl" "$F/markets.lex" new.lex \
	>diff.tsv || fail "lexicon diff: status $?"
[ "$(awk '/^$/ { n++ } END { print n }' diff.tsv)" -eq 3 ] || fail "not four tables: $(cat diff.tsv)"
[ "$(block diff.tsv 0 | tail -n +2)" = "weight 2 -> 0.5${tab}bullish${tab}soar*${tab}2${tab}2" ] ||
	fail "entries: $(block diff.tsv 0)"
# The counts do not move: every rate's change is 0.
block diff.tsv 1 | awk -F'\t' 'NR > 1 && $8 != 0 { exit 1 }' || fail "a rate moved: $(block diff.tsv 1)"
# The weighted rates: one row per outlet of each weighted category.
block diff.tsv 2 >w.tsv
[ "$(head -n 1 w.tsv)" = "outlet${tab}category${tab}tokens${tab}old_score${tab}new_score${tab}old_wrate${tab}new_wrate${tab}change${tab}old_rank${tab}new_rank" ] ||
	fail "weighted header: $(head -n 1 w.tsv)"
[ "$(cut -f2 w.tsv | tail -n +2 | uniq | tr '\n' ' ')" = "bullish bearish confident " ] ||
	fail "weighted categories: $(cut -f2 w.tsv)"
grep "${tab}bullish${tab}" w.tsv >wb.tsv
while read -r outlet column want why; do
	got=$(awk -F'\t' -v o="$outlet" -v c="$column" '
		$1 == o { split("outlet category tokens old_score new_score old_wrate new_wrate change old_rank new_rank", h, " ")
			for (i = 1; i <= 10; i++) if (h[i] == c) print $i }' wb.tsv)
	near "$got" "$want" "diff bullish $outlet $column ($why)"
done <<'EOF'
Alpha old_score 4 1+2+1
Alpha new_score 2.5 1+0.5+1
Alpha old_wrate 210.526 4*1000/19
Alpha new_wrate 131.579 2.5*1000/19
Alpha change -78.9474 -1.5*1000/19
Alpha old_rank 3 333.333>250>210.526
Alpha new_rank 2 333.333>131.579>62.5
Beta old_wrate 333.333 2*1000/6
Beta new_wrate 333.333 unchanged
Gamma old_wrate 250 2*1000/8
Gamma new_wrate 62.5 0.5*1000/8
Gamma change -187.5 62.5-250
Gamma old_rank 2 -
Gamma new_rank 3 -
EOF
# The indices: tone moves with the weight, certainty does not.
block diff.tsv 3 >ix.tsv
[ "$(head -n 1 ix.tsv)" = "outlet${tab}index${tab}old_mean${tab}new_mean${tab}change${tab}old_rank${tab}new_rank" ] ||
	fail "index header: $(head -n 1 ix.tsv)"
while read -r outlet index col want why; do
	got=$(awk -F'\t' -v o="$outlet" -v x="$index" -v c="$col" '
		$1 == o && $2 == x { print $c }' ix.tsv)
	near "$got" "$want" "diff $index $outlet column $col ($why)"
done <<'EOF'
Alpha tone 3 66.6667 (300-166.667)/2
Alpha tone 4 -8.33333 ((2.5-1)*1000/10-166.667)/2=(150-166.667)/2
Alpha tone 5 -75 -8.33333-66.6667
Beta tone 4 333.333 unchanged
Gamma tone 3 500 (1000+0)/2
Gamma tone 4 125 (0.5*1000/2+0)/2
Gamma tone 6 1 500>333.333>66.6667
Gamma tone 7 2 333.333>125>-8.33333
Beta tone 6 2 -
Beta tone 7 1 -
Alpha certainty 3 0.972955 (0+log(7))/2
Alpha certainty 5 0 unchanged
Gamma certainty 4 -0.366204 log(1/3)/3
EOF
# The plain text: the rank changes, by the names the lexicon declares.
"$FRAMING" lexicon diff -q --no-clean --jsonl "$F/markets.jsonl" "$F/markets.lex" new.lex \
	>diff.txt || fail "lexicon diff plain: status $?"
grep -qx 'ranks changed: bullish_wrate Alpha 3 -> 2; bullish_wrate Gamma 2 -> 3; tone Beta 2 -> 1; tone Gamma 1 -> 2' diff.txt ||
	fail "rank changes: $(tail -n 3 diff.txt)"
grep -qi 'stance\|accusatory' diff.txt && fail "lexicon diff names stance: $(cat diff.txt)"
# An index in one lexicon only has no rank on the other side.
grep -v '^@index tone' "$F/markets.lex" >notone.lex
"$FRAMING" lexicon diff -q --no-clean --jsonl "$F/markets.jsonl" "$F/markets.lex" notone.lex \
	>diff2.txt || fail "lexicon diff notone: status $?"
grep -qx 'in one lexicon only, so no rank to compare: tone (old only)' diff2.txt ||
	fail "one-sided index: $(tail -n 3 diff2.txt)"
grep -q '^Alpha *tone *66.6667 *NA *NA *3 *NA$' diff2.txt || fail "tone under NEW not NA: $(cat diff2.txt)"
# No weights and no index at all: a line says so instead of an empty table.
printf '[up] u\nrise*\n' >bare.lex
"$FRAMING" lexicon diff -q --no-clean --jsonl "$F/markets.jsonl" bare.lex bare.lex >diff3.txt ||
	fail "lexicon diff bare: status $?"
grep -qx 'no category has a weight other than 1 in either lexicon' diff3.txt || fail "bare: $(cat diff3.txt)"
grep -qx 'no index (@index) in either lexicon' diff3.txt || fail "bare: $(cat diff3.txt)"
echo ok
