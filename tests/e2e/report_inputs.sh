#!/bin/sh
# Issue 12: framing report takes the input and scoring options of every
# command that reads articles (--jsonl FILE|-, --max-article-bytes,
# --no-clean, --no-negation) and hands them to score and to its own second
# reading (the boilerplate share); a --by column the input lacks is refused
# with the tools' message before anything is written (exit 2).
set -u
cd "$ROOT"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v gnuplot >/dev/null || { echo "gnuplot is missing"; exit 77; }
L=lexicons/stance.lex
J=tests/fixtures/seeds.jsonl
R="-q --seed 3 -l $L"

# report = score + stats + chart with the same options, whatever the input.
# shellcheck disable=SC2086
"$FRAMING" report $R --jsonl "$J" --no-negation -o "$T/file" 2>"$T/err" || { cat "$T/err"; fail "report --jsonl FILE"; }
"$FRAMING" score -q -l $L --jsonl "$J" --no-negation -o "$T/score" 2>/dev/null || fail "score --jsonl"
cmp -s "$T/file/scores.tsv" "$T/score/scores.tsv" || fail "report --no-negation: not score's scores.tsv"
grep -q '<title>Framing report: seeds.jsonl</title>' "$T/file/report.html" || fail "title: not the file's base name"
grep -q '<code>tests/fixtures/seeds.jsonl</code> (5 articles)' "$T/file/report.html" || fail "methods: not the file"
grep -q '<th>scoring</th><td>--no-negation' "$T/file/report.html" || fail "methods: no --no-negation"
grep -q 'Boilerplate dropped</strong> before scoring (navigation' "$T/file/report.html" ||
	fail "--jsonl FILE: no boilerplate share"

# From a pipe: read once, no crash, the share is said not to be measured.
# shellcheck disable=SC2086
cat "$J" | "$FRAMING" report $R --jsonl - --no-clean -o "$T/pipe" 2>"$T/err" || { cat "$T/err"; fail "report --jsonl -"; }
"$FRAMING" score -q -l $L --jsonl "$J" --no-clean -o "$T/score2" 2>/dev/null || fail "score --no-clean"
cmp -s "$T/pipe/scores.tsv" "$T/score2/scores.tsv" || fail "report --jsonl - --no-clean: not score's scores.tsv"
[ "$(tail -n +2 "$T/pipe/scores.tsv" | wc -l)" = 5 ] || fail "report --jsonl -: not 5 articles"
grep -q '<title>Framing report: stdin</title>' "$T/pipe/report.html" || fail "title: not stdin"
grep -q 'Boilerplate dropped</strong> before scoring: not measured' "$T/pipe/report.html" ||
	fail "--jsonl -: no note on the boilerplate share"
grep -q '<th>scoring</th><td>--no-clean' "$T/pipe/report.html" || fail "methods: no --no-clean"

# --max-article-bytes: as score, the large articles skipped, exit 1.
st=0
# shellcheck disable=SC2086
"$FRAMING" report $R --max-article-bytes 2500 corpus/seeds -o "$T/max" 2>"$T/err" || st=$?
[ $st = 1 ] || { cat "$T/err"; fail "report --max-article-bytes: status $st"; }
[ "$(grep -c 'more than --max-article-bytes 2500' "$T/err")" = 3 ] || { cat "$T/err"; fail "not 3 skipped"; }

# A --by column the input lacks: the tools' message, exit 2, nothing written.
for input in corpus/seeds "--jsonl $J"; do
	name=${input#--jsonl }
	for by in nope file; do
		st=0
		# shellcheck disable=SC2086
		"$FRAMING" report $R --by $by $input -o "$T/by" >"$T/out" 2>"$T/err" || st=$?
		[ $st = 2 ] || { cat "$T/err"; fail "report --by $by $input: status $st"; }
		[ "$(cat "$T/err")" = "framing: $name: no column '$by' to group by" ] ||
			{ cat "$T/err"; fail "report --by $by $input: not the tools' message"; }
		[ ! -e "$T/by" ] || fail "report --by $by $input: wrote $(ls "$T/by")"
	done
done
"$FRAMING" kwic --by nope corpus/seeds accus* 2>"$T/kwic" && fail "kwic --by nope: status 0"
[ "$(head -n 1 "$T/kwic")" = "framing: corpus/seeds: no column 'nope' to group by" ] || fail "kwic: another message"

# The usage: a CORPUS or --jsonl, as every command.
st=0
"$FRAMING" report >/dev/null 2>"$T/err" || st=$?
[ $st = 2 ] && [ "$(head -n 1 "$T/err")" = "framing: missing a CORPUS folder (or --jsonl FILE)" ] ||
	{ cat "$T/err"; fail "report without input"; }
st=0
"$FRAMING" report --jsonl "$J" corpus/seeds >/dev/null 2>"$T/err" || st=$?
[ $st = 2 ] && [ "$(head -n 1 "$T/err")" = "framing: give either a CORPUS folder or --jsonl, not both" ] ||
	{ cat "$T/err"; fail "report with both"; }
echo ok
