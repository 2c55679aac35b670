#!/bin/sh
# Issues 12 and 13 together: site templates in the commands issue 12 gave
# score's inputs. report opens its input once and hands it to score, so
# its templates are score's: found in a file, from --templates FILE, and
# from a pipe not at all, with score's warning (report still runs).
# clean --jsonl ID applies --max-article-bytes to the article asked for
# alone, but its table is made from the articles score reads: those within
# the limit.
set -u
cd "$ROOT"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
. "$ROOT/tests/e2e/templates.lib"
gen_outlets "$T"
J=$T/all.jsonl
L=lexicons/stance.lex
FRAMING_LEXICONS=$ROOT/lexicons
export FRAMING_LEXICONS

# clean --jsonl with a limit: five long articles of outlet X share a line
# with a short one. Over the limit, score skips them, so the line is in one
# article only and kept; clean shows the same.
awk 'BEGIN {
	pad = ""
	for (i = 0; i < 40; i++) pad = pad "The talks went on for many hours in the capital today. "
	for (i = 0; i < 5; i++)
		printf "{\"id\":\"big%d\",\"outlet\":\"X\",\"title\":\"Big %d\",\"text\":\"Big %d\\n\\n%s\\n\\n%s\\n\"}\n",
			i, i, i, "The sentence that several long articles carry along today.", pad
	printf "{\"id\":\"small\",\"outlet\":\"X\",\"title\":\"Small\",\"text\":\"Small\\n\\n%s\\n\\n%s\\n\"}\n",
		"The sentence that several long articles carry along today.",
		"The minister accused the envoy of lying about the talks in the capital city."
}' >"$T/long.jsonl"
"$FRAMING" clean --jsonl "$T/long.jsonl" small >"$T/out" 2>/dev/null || fail "clean"
grep -q '^- The sentence that several.*\[repeated in 6 articles of X\]' "$T/out" ||
	{ cat "$T/out"; fail "clean: the shared line not a template without a limit"; }
"$FRAMING" clean --jsonl "$T/long.jsonl" --max-article-bytes 1000 small >"$T/out" 2>"$T/err" ||
	{ cat "$T/err"; fail "clean --max-article-bytes"; }
grep -q '^+ The sentence that several' "$T/out" ||
	{ cat "$T/out"; fail "clean --max-article-bytes: the table counted articles score skips"; }
grep -q 'more than --max-article-bytes' "$T/err" &&
	{ cat "$T/err"; fail "clean --max-article-bytes: messages about other articles"; }
# And score with the limit keeps it too: more words than without the limit.
tokens() {
	"$FRAMING" score -q -l $L --jsonl "$T/long.jsonl" "$@" --stdout 2>/dev/null |
		awk -F'\t' '$1 == "small" { print $5 }'
}
[ "$(tokens --max-article-bytes 1000)" -gt "$(tokens)" ] || fail "score: the line dropped with the limit"

# report --jsonl FILE finds the templates as score does.
command -v gnuplot >/dev/null || { echo "gnuplot is missing"; exit 77; }
"$FRAMING" score -q -l $L --jsonl "$J" -o "$T/score" || fail "score --jsonl"
"$FRAMING" report -q --seed 3 -l $L --jsonl "$J" -o "$T/file" 2>"$T/err" ||
	{ cat "$T/err"; fail "report --jsonl FILE"; }
cmp -s "$T/file/scores.tsv" "$T/score/scores.tsv" || fail "report --jsonl FILE: not score's scores.tsv"

# From a pipe: score's warning (without -q), no templates, still a report.
"$FRAMING" score -q -l $L --jsonl "$J" --no-templates -o "$T/none" || fail "score --no-templates"
cmp -s "$T/none/scores.tsv" "$T/score/scores.tsv" && fail "the corpus has no templates to drop"
# shellcheck disable=SC2002
cat "$J" | "$FRAMING" report --seed 3 -l $L --jsonl - -o "$T/pipe" >/dev/null 2>"$T/err" ||
	{ cat "$T/err"; fail "report --jsonl -"; }
grep -q "^framing: warning: stdin: a pipe is read once, so lines repeated across articles are not dropped" \
	"$T/err" || { cat "$T/err"; fail "report --jsonl -: no warning about templates"; }
cmp -s "$T/pipe/scores.tsv" "$T/none/scores.tsv" || fail "report --jsonl -: not score's without templates"

# From a pipe with a table: the scores of the file.
"$FRAMING" templates -q --jsonl "$J" -o "$T/t.tsv" || fail "templates"
# shellcheck disable=SC2002
cat "$J" | "$FRAMING" report -q --seed 3 -l $L --jsonl - --templates "$T/t.tsv" -o "$T/table" \
	2>"$T/err" || { cat "$T/err"; fail "report --jsonl - --templates"; }
cmp -s "$T/table/scores.tsv" "$T/score/scores.tsv" || fail "report --templates: not score's scores.tsv"
st=0
"$FRAMING" report -q -l $L --jsonl "$J" --templates "$T/nope.tsv" -o "$T/bad" 2>/dev/null || st=$?
[ $st = 2 ] || fail "report --templates with no such file: status $st"
[ ! -e "$T/bad" ] || fail "report --templates with no such file: wrote $(ls "$T/bad")"

echo ok
