#!/bin/sh
# Issue 13 item 5: scripts/eval-clean builds the evaluation pages of three
# articles of tests/eval and prints its tables: a row per form for framing
# (numbers, or "not read" for HTML until framing reads it), a row per HTML
# form for Readability (numbers, or why it did not run), and the table of
# framing score per form. The numbers are measured, not asserted: the
# targets of issue 13 are for the README, not for this test. The truth the
# generator writes is checked: on every page, the words a reader sees are
# exactly the story's words plus the boilerplate's.
set -u
fail() { echo "FAIL: $*"; exit 1; }
[ -d "$ROOT/tests/eval/stories" ] || { echo "no tests/eval/stories in this tree"; exit 77; }
command -v awk >/dev/null 2>&1 || { echo "no awk"; exit 77; }
"$ROOT/scripts/eval-clean" -n 3 -o "$PWD/eval" --framing "$FRAMING" >out 2>err ||
	{ cat err; fail "eval-clean exited $?"; }
grep -qx '| form | tool | story words kept | boilerplate words dropped | pages |' out ||
	{ cat out; fail "no table header"; }
num='[01]\.[0-9][0-9][0-9]'
for form in "plain text, a paragraph a line" "the same, hard-wrapped at 70 columns"; do
	grep -q "^| $form | framing | $num | $num | 3 |\$" out || { cat out; fail "no framing row for: $form"; }
done
for form in "semantic HTML5" "div soup" "old table layout"; do
	grep -q "^| HTML: $form | framing | \($num | $num | 3\|not read | not read | -\) |\$" out ||
		{ cat out; fail "no framing row for HTML: $form"; }
	grep -q "^| HTML: $form | Readability | \($num | $num | 3\|not run ([^)]*) | not run ([^)]*) | -\) |\$" out ||
		{ cat out; fail "no Readability row for HTML: $form"; }
done
grep -q '^| form | framing score: articles |' out || { cat out; fail "no framing score table"; }
grep -q "^| plain text, a paragraph a line | 3 | [0-9]* | [0-9]* | [0-9.]* | " out ||
	{ cat out; fail "no framing score row for plain text"; }
grep -q 'Readability | not run' out && echo "skip: Readability not run: $(grep -o 'not run ([^)]*)' out | head -n 1)"

# The truth: page words = story words + boilerplate words, as multisets, for
# the text forms (the HTML forms' truth is checked by Readability's recall
# of 1.000 in README's table: it can only find what is there).
for form in plain wrapped; do
	for p in eval/$form/*.txt; do
		t=eval/$form/truth/$(basename "$p" .txt)
		LC_ALL=C awk '{ for (i = 1; i <= NF; i++) c[$i] += FILENAME == ARGV[1] ? 1 : -1 }
			END { for (w in c) if (c[w]) { print "word " w ": " c[w]; bad = 1 } exit bad }' \
			"$p" "$t.story" "$t.boiler" >diff 2>&1 ||
			{ cat diff; fail "$p: truth does not add up to the page"; }
	done
done
# The hard-wrapped form: no line over 70 bytes unless it is one word.
LC_ALL=C awk 'length($0) > 70 && index($0, " ") { print FILENAME ": " $0; bad = 1 } END { exit bad }' \
	eval/wrapped/*.txt || fail "a wrapped line is over 70 columns"
[ "$(grep -c '' eval/wrapped/manifest.tsv)" -eq 4 ] || fail "manifest.tsv of wrapped is not 3 articles"
echo ok
