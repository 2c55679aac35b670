#!/bin/sh
# Issue 17, the report's "Same story" section on corpus/seeds: cd-2014-10-20
# (China Daily, an Agencies wire) and ptv-2014-10-19 (Press TV) report the
# same statement a day apart and stand side by side, titles, dates and the
# quoted "mistaken US practices" of each. The stories here are a manifest
# column (--within story); a column that does not exist is refused before
# anything is written; stories shared by no two outlets give one line.
. "$ROOT/tests/e2e/hostile.lib"
mkdir "$T/c"
cp "$ROOT"/corpus/seeds/*.txt "$T/c/"
awk -F'\t' 'BEGIN { OFS = "\t" } NR == 1 { print $0, "story"; next }
	{ print $0, ($1 ~ /^(cd-2014-10-20|ptv-2014-10-19)$/) ? "talks" : $1 }' \
	"$ROOT/corpus/seeds/manifest.tsv" >"$T/c/manifest.tsv"
lex="-l $ROOT/lexicons/stance.lex -l $ROOT/lexicons/actors.lex"
# shellcheck disable=SC2086
"$FRAMING" report $lex "$T/c" -o "$T/out" --within story -q 2>"$T/err" ||
	{ cat "$T/err"; fail "report failed"; }
sec=$(sed -n '/<h2 id="stories">/,/<h2 id="matches">/p' "$T/out/report.html")
echo "$sec" | grep -qF 'The stories are the values of the column <code>story</code>: 4 stories, 1 of them covered by two or more outlets. The 1 largest are shown' ||
	fail "no intro with the counts"
echo "$sec" | grep -qF '<h3>Story talks</h3>' || fail "no story 'talks'"
echo "$sec" | grep -qF '<p class="sub">2 articles, 2 outlets</p>' || fail "not 2 articles, 2 outlets"
# The two outlets side by side, China Daily's column first (by name).
cols=$(echo "$sec" | grep -o '<div class="side"><h4>[^<]*</h4>' | sed 's/.*<h4>//; s/<.*//' | tr '\n' '|')
[ "$cols" = "China Daily|Press TV|" ] || fail "columns are '$cols'"
for a in '2014-10-20 &#183; <code>cd-2014-10-20</code>' '2014-10-19 &#183; <code>ptv-2014-10-19</code>'; do
	echo "$sec" | grep -qF "<p class=\"t\">China says it&#39;s hard to resume cyber security talks with US</p><p class=\"meta\">$a" ||
		fail "no article $a"
done
echo "$sec" | grep -qF '<li class="said-q">the United States would be difficult because of &quot;<mark>mistaken</mark> US practices&quot;, China&#39;s top diplomat told US Secretary <span class="tag q">quoted</span> <span class="tag neg">accusatory</span></li>' ||
	fail "no quoted match of China Daily"
echo "$sec" | grep -qF '<li class="said-q">Washington will be difficult as a result of &quot;<mark>mistaken</mark> U.S. practices&quot;, a senior Chinese official has told <span class="tag q">quoted</span> <span class="tag neg">accusatory</span></li>' ||
	fail "no quoted match of Press TV"
echo "$sec" | grep -qF 'Sputnik' && fail "Sputnik has no shared story"

# Every story its own (the id): the section is one line.
# shellcheck disable=SC2086
"$FRAMING" report $lex "$T/c" -o "$T/out2" --within id -q 2>"$T/err" ||
	{ cat "$T/err"; fail "report --within id failed"; }
sed -n '/<h2 id="stories">/,/<h2 id="matches">/p' "$T/out2/report.html" >"$T/sec2"
[ "$(sed -n 2p "$T/sec2")" = '<p class="na">No story in this corpus is covered by two or more outlets.</p>' ] ||
	fail "no one-line section"
[ "$(wc -l <"$T/sec2")" -eq 3 ] || fail "section of more than one line"

# A column the corpus lacks: refused, nothing written.
# shellcheck disable=SC2086
expect 2 "no column 'nope'" -- report $lex "$T/c" -o "$T/out3" --within nope -q
[ -e "$T/out3/report.html" ] && fail "report written for a missing column"
echo ok
