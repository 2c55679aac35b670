#!/bin/sh
# Issue 18, item 12: how a match sits in its text.
# - kwic and the report put no space before the punctuation after a match
#   ("last | May |, which", "the U.S. LINES"), nor after an opening bracket;
#   matches.tsv keeps its contexts as they were (right starts with ",");
# - a soft hyphen, zero width space or word joiner inside "groundless"
#   leaves one word that matches `groundless`, whose offset and surface
#   are the file's bytes;
# - a " between two letters (Reuters' year"s) opens no quotation.
. "$ROOT/tests/e2e/hostile.lib"

c=$T/c
mkdir -p "$c/Wire"
printf '[x] x\nmay\nu.s\naccusations\n' >"$T/x.lex"
printf '[acc] accusatory\ngroundless\nsmear\n' >"$T/acc.lex"
# One paragraph a line; each line ends a sentence, so cleaning keeps it.
SHY=$(printf '\302\255') ZWSP=$(printf '\342\200\213') WJ=$(printf '\342\201\240')
{
	echo "Talks on trade"
	echo ""
	echo "The talks collapsed last May, which officials called a setback for both of the sides."
	echo "Officials blamed the U.S. LINES were drawn in the sand after the talks, they said."
	echo "The ministry denied the (accusations) made by the other side in the talks on Monday."
	echo "It called the claims ground${SHY}less and a gross${ZWSP}smear, said the ministry on Monday."
	echo "It called the report ground${WJ}less as well, said the ministry again on Tuesday."
	echo "This year\"s talks were called groundless by the ministry on Monday, they said."
} >"$c/Wire/2015-01-02-talks.txt"

# kwic: the bars stay, the space on the context's side follows the text.
"$FRAMING" kwic "$c" may >"$T/k1" 2>"$T/err" || { cat "$T/err"; fail "kwic may"; }
grep -q 'collapsed last | May |, which officials' "$T/k1" || { cat "$T/k1"; fail "kwic: space before ', which'"; }
"$FRAMING" kwic "$c" u.s >"$T/k2" 2>"$T/err" || { cat "$T/err"; fail "kwic u.s"; }
grep -q 'blamed the | U.S |. LINES were' "$T/k2" || { cat "$T/k2"; fail "kwic: space before '. LINES'"; }
"$FRAMING" kwic "$c" accusations >"$T/k3" 2>"$T/err" || { cat "$T/err"; fail "kwic accusations"; }
grep -q 'denied the (| accusations |) made' "$T/k3" || { cat "$T/k3"; fail "kwic: spaces inside the brackets"; }
# --tsv and matches.tsv keep their fields: right starts at the comma.
"$FRAMING" kwic --tsv "$c" may >"$T/k4" 2>"$T/err" || { cat "$T/err"; fail "kwic --tsv"; }
awk -F'\t' 'NR == 2 && $9 == "The talks collapsed last" && $10 == "May" && $11 ~ /^, which/ { f = 1 } END { exit !f }' \
	"$T/k4" || { cat "$T/k4"; fail "kwic --tsv fields"; }

# The soft hyphen and the word joiner: one word, matched, bytes kept.
"$FRAMING" score -q -l "$T/acc.lex" "$c" -o "$T/o" 2>"$T/err" || { cat "$T/err"; fail "score"; }
m=$T/o/matches.tsv
n=$(awk -F'\t' '$4 == "groundless"' "$m" | wc -l)
[ "$n" -eq 3 ] || { cat "$m"; fail "groundless matched $n times, expected 3 (soft hyphen, word joiner, plain)"; }
# Byte offsets: the file's own, found by grep -b.
for w in "ground${SHY}less" "ground${WJ}less"; do
	want=$(grep -ob -- "$w" "$c/Wire/2015-01-02-talks.txt" | head -n 1 | cut -d: -f1)
	awk -F'\t' -v s="$w" -v o="$want" '$4 == "groundless" && $5 == s && $7 == o { f = 1 } END { exit !f }' "$m" ||
		{ cat "$m"; fail "no match with surface $(printf '%s' "$w" | od -An -c) at offset $want"; }
done
# The zero width space between two words joins nothing: "gross<ZWSP>smear" is one word, so no smear.
awk -F'\t' '$4 == "smear"' "$m" | grep -q . && { cat "$m"; fail "smear matched inside gross<ZWSP>smear"; }
# year"s: the groundless after it is not quoted.
awk -F'\t' '$4 == "groundless" && $9 == "0" && $10 ~ /year"s talks were called$/ && $8 == "0" { f = 1 } END { exit !f }' \
	"$m" || { cat "$m"; fail "year\"s opened a quotation"; }

# The report: the three cells of a context read as one line.
if command -v gnuplot >/dev/null 2>&1; then
	"$FRAMING" report -q -l "$T/x.lex" "$c" -o "$T/r" 2>"$T/err" || { cat "$T/err"; fail "report"; }
	h=$T/r/report.html
	grep -q '<mark>U.S</mark></td><td class="ctx-r">\. LINES' "$h" ||
		{ grep -o '.\{80\}<mark>U.S</mark>.\{40\}' "$h"; fail "report: space before '. LINES'"; }
	grep -q '<mark>May</mark></td><td class="ctx-r">, which' "$h" || fail "report: space before ', which'"
	grep -q 'the (</td><td class="kw"><mark>accusations</mark></td><td class="ctx-r">) made' "$h" ||
		{ grep -o '.\{80\}<mark>accusations</mark>.\{40\}' "$h"; fail "report: spaces inside the brackets"; }
	grep -q 'last&#160;</td><td class="kw"><mark>May' "$h" || fail "report: no space between 'last' and 'May'"
else
	echo "skip: report: gnuplot not installed"
fi
echo ok
