#!/bin/sh
# Acceptance of issue 4 on corpus/seeds: every chart as SVG (valid XML) and
# PNG (signature, over 5 KB), and report.html with every chart inline (the
# seeds' one shared story, cd-2014-10-20 and ptv-2014-10-19, draws stories), the
# three outlets side by side and the one-article outlets flagged.
set -u
fail() { echo "FAIL: $*"; exit 1; }
$FRAMING report -l "$ROOT/lexicons/stance.lex" -l "$ROOT/lexicons/actors.lex" \
	"$ROOT/corpus/seeds" -o out 2>err || { cat err; fail "report failed"; }
for c in stance categories stance_articles timeline keyness voice targets stories; do
	[ -s out/$c.svg ] || fail "no $c.svg"
	xmllint --noout out/$c.svg || fail "$c.svg is not XML"
	[ "$(head -c 8 out/$c.png | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
		fail "$c.png has no PNG signature"
	[ "$(wc -c <out/$c.png)" -gt 5120 ] || fail "$c.png under 5 KB"
	grep -q "id=\"chart-$c\"" out/report.html || fail "$c missing from the report"
done
[ "$(grep -c '<svg' out/report.html)" -eq 8 ] || fail "not eight inline charts"
grep -qi '<script' out/report.html && fail "script in the report"
grep -q '<?xml' out/report.html && fail "XML prolog left in the report"
for o in "China Daily" "Press TV" "Sputnik"; do
	grep -q "<td>$o" out/report.html || fail "no row for $o"
done
grep -q '<td>Press TV<span class="flag">one article</span>' out/report.html ||
	fail "Press TV not flagged as one article"
grep -q '<td>Sputnik<span class="flag">one article</span>' out/report.html ||
	fail "Sputnik not flagged as one article"
grep -q '<td>China Daily<span class="flag">' out/report.html && fail "China Daily flagged"
grep -q 'SHA-256 <span class="hash">[0-9a-f]\{64\}' out/report.html || fail "no lexicon hash"
grep -q 'log((accusatory + 0.5)' out/report.html || fail "no stance formula"
# The timeline's caption is a format: its "% t" once printed "95% -interval".
grep -q '95% t-interval of that mean' out/report.html || fail "timeline caption: $(grep -o '95%[^<]*of that mean' out/report.html)"
echo ok
