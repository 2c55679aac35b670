#!/bin/sh
# The benchmark corpus generator (tests/bench/gencorpus.c, used by
# scripts/bench): the same seed gives the same bytes, a folder corpus scores
# cleanly with every article, and JSON Lines holds one object per article.
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
echo "ok: $n articles, deterministic"
