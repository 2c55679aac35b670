#!/bin/sh
# The benchmark corpus generator (tests/bench/gencorpus.c, used by
# scripts/bench): the same seed gives the same bytes, a folder corpus scores
# cleanly with every article, JSON Lines holds one object per article, and
# the HTML pages (-f html) are the folder's articles: the same bytes for the
# same seed, read by framing score with no article skipped, giving the
# matches of the text (offsets aside, which point into the pages).
set -eu
gen=$(dirname "$FRAMING")/gencorpus
[ -x "$gen" ] || gen=$ROOT/build/gencorpus
if [ ! -x "$gen" ]; then
	echo "skip: gencorpus not built (make build/gencorpus)"
	exit 77
fi
"$gen" -s 300K -r 7 -d "$ROOT/corpus/seeds" a 2>/dev/null
"$gen" -s 300K -r 7 -d "$ROOT/corpus/seeds" b 2>/dev/null
diff -r a b >/dev/null || { echo "same seed, different corpus"; exit 1; }
"$gen" -s 300K -r 8 -d "$ROOT/corpus/seeds" c 2>/dev/null
! diff -r a c >/dev/null || { echo "the seed changes nothing"; exit 1; }
"$gen" -s 300K -r 7 -f jsonl -d "$ROOT/corpus/seeds" a.jsonl 2>/dev/null
n=$(($(wc -l <a/manifest.tsv) - 1))
[ "$n" -gt 50 ] || { echo "only $n articles in 300 KB"; exit 1; }
[ "$(wc -l <a.jsonl)" = "$n" ] || { echo "jsonl: $(wc -l <a.jsonl) lines, expected $n"; exit 1; }
grep -qv '^{"id":"[a-z-]*-[0-9]*","outlet":"[^"]*","date":"[0-9-]*","title":' a.jsonl \
	&& { echo "jsonl: a line of another shape"; exit 1; }
(cd "$ROOT" && "$FRAMING" score -q -o "$OLDPWD/out" "$OLDPWD/a")
[ "$(($(wc -l <out/scores.tsv) - 1))" = "$n" ] || { echo "scores.tsv: not $n rows"; exit 1; }
"$gen" -s 300K -r 7 -f html -d "$ROOT/corpus/seeds" h 2>/dev/null
"$gen" -s 300K -r 7 -f html -d "$ROOT/corpus/seeds" h2 2>/dev/null
diff -r h h2 >/dev/null || { echo "html: same seed, different pages"; exit 1; }
"$gen" -s 300K -r 8 -f html -d "$ROOT/corpus/seeds" h3 2>/dev/null
! diff -r h h3 >/dev/null || { echo "html: the seed changes nothing"; exit 1; }
[ "$(find h -name '*.html' | wc -l)" = "$n" ] || { echo "html: not $n pages"; exit 1; }
[ "$(find h -name '*.txt' | wc -l)" = 0 ] || { echo "html: text files among the pages"; exit 1; }
cut -f1,3- a/manifest.tsv >a.ids
cut -f1,3- h/manifest.tsv >h.ids
cmp -s a.ids h.ids || { echo "html: other articles than -f dir"; exit 1; }
grep -q '&#[0-9]*;' h/*/*.html && grep -q '<a href="/topic/' h/*/*.html \
	&& grep -q '<nav' h/*/*.html && grep -q '<meta charset' h/*/*.html \
	&& grep -q 'http-equiv="Content-Type"' h/*/*.html \
	|| { echo "html: pages without entities, inline links, nav or charset"; exit 1; }
(cd "$ROOT" && "$FRAMING" score -o "$OLDPWD/hout" "$OLDPWD/h") 2>herr || { cat herr; echo "html: score failed"; exit 1; }
[ ! -s herr ] || { cat herr; echo "html: score said something"; exit 1; }
[ "$(($(wc -l <hout/scores.tsv) - 1))" = "$n" ] || { echo "html: scores.tsv not $n rows"; exit 1; }
# The same words matched: id, outlet, category, entry, surface (offsets point
# into the page, and sentences and contexts may differ where the page's
# blocks are lined up differently).
cut -f1-5 out/matches.tsv >a.m
cut -f1-5 hout/matches.tsv >h.m
[ "$(wc -l <a.m)" -gt 100 ] && cmp -s a.m h.m || { echo "html: matches differ from the text's"; exit 1; }
echo "ok: $n articles, deterministic, as text and as pages"
