# Ids that are one id once written, within one stream (trial of issue 18,
# finding 9): "x\ud800", "x\udc00" and "x\ufffd" all became x<U+FFFD>
# (lone surrogates are read as U+FFFD) and scores.tsv had three rows of one
# id; an id given on two lines of a JSON Lines or CSV file gave two rows.
# A lone surrogate in an id refuses its line; a repeated id refuses the
# later line naming the first; the run ends with status 1.
. "$(dirname "$0")/hostile.lib"
cd "$T"
cat > s.jsonl <<'J'
{"id":"x\ud800","outlet":"O","text":"Groundless accusations."}
{"id":"x\udc00","outlet":"O","text":"Groundless claims."}
{"id":"x\ufffd","outlet":"O","text":"Groundless words."}
{"id":"z\ud83d\ude00","outlet":"O","text":"A whole pair is a character."}
{"id":"y","outlet":"O","text":"First."}
{"id":"y","outlet":"P","text":"Second."}
{"id":"\u0079","outlet":"O","text":"Third, escaped."}
{"id":12,"outlet":"O","text":"A number."}
{"id":"12","outlet":"O","text":"A string of the same digits."}
{"outlet":"O","text":"No id."}
{"outlet":"O","text":"No id."}
J
expect 1 "s.jsonl:1: id holds a lone surrogate escape" -- score -q -l "$T/ok.lex" --jsonl s.jsonl -o o
grep -q "s.jsonl:2: id holds a lone surrogate escape" "$T/stderr" || fail "line 2 not refused"
grep -q "s.jsonl:6: id 'y' given again (first on line 5)" "$T/stderr" || fail "line 6 not refused"
grep -q "s.jsonl:7: id 'y' given again (first on line 5)" "$T/stderr" || fail "an escaped repeat"
grep -q "s.jsonl:9: id '12' given again (first on line 8)" "$T/stderr" || fail "12 and \"12\""
dup=$(tail -n +2 o/scores.tsv | cut -f1 | sort | uniq -d)
case $dup in
sha256:????????????????) ;;	# the two equal articles without ids: one article
*) fail "ids written twice: $dup" ;;
esac
[ "$(tail -n +2 o/scores.tsv | wc -l)" = 6 ] || fail "$(tail -n +2 o/scores.tsv | wc -l) rows, expected 6"
[ "$(tail -n +2 o/scores.tsv | cut -f1 | grep -c '^x')" = 1 ] || fail "x<U+FFFD> more than once"
printf 'id,outlet,text\na,O,one\nb,O,two\na,O,three\n,O,same\n,O,same\n' > r.csv
expect 1 "r.csv:4: id 'a' given again (first on line 2)" -- score -q -l "$T/ok.lex" --csv r.csv -o c
[ "$(tail -n +2 c/scores.tsv | wc -l)" = 4 ] || fail "CSV: $(tail -n +2 c/scores.tsv | wc -l) rows"
# Read twice (a second pass over a file): the ids are no repeats then.
expect 0 "" -- templates -q --jsonl "$ROOT/tests/fixtures/seeds.jsonl" -o t.tsv
echo ok
