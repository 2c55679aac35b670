# Issue 12: --max-article-bytes means the same in every command that reads
# articles (the source applies it): kwic, lexicon stats/diff/suggest/check
# and clean skip an over-limit article with the message of framing score,
# on a folder and on JSON Lines, and end with status 1; the other articles
# are still read.
set -euf
cd "$ROOT"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
J=tests/fixtures/seeds.jsonl
D=corpus/seeds
MAX=2500	# three of the five seeds are larger

for input in "$D" "--jsonl $J"; do
	st=0
	"$FRAMING" score -q --max-article-bytes $MAX $input -o "$T/score" 2>"$T/score.err" || st=$?
	[ $st = 1 ] || fail "score $input: status $st"
	grep 'more than --max-article-bytes' "$T/score.err" >"$T/want" || true
	[ "$(wc -l <"$T/want")" = 3 ] || { cat "$T/score.err"; fail "score $input: expected 3 skipped"; }
	kept=$(tail -n +2 "$T/score/scores.tsv" | cut -f1 | sort | tr '\n' ' ')
	[ "$kept" = "cd-2014-10-20 cd-2015-09-11 " ] || fail "score $input kept $kept"

	for cmd in "kwic --tsv CORPUS accus* cooperation" "kwic --category accusatory CORPUS" \
		"lexicon stats --tsv CORPUS" "lexicon diff lexicons/stance.lex lexicons/stance.lex CORPUS" \
		"lexicon suggest -n 3 --min 1 CORPUS" "lexicon check CHECK lexicons/stance.lex"; do
		set --
		for a in $cmd; do
			case $a in
			CORPUS) set -- "$@" $input ;;
			CHECK) if [ "$input" = "$D" ]; then set -- "$@" --corpus "$D"; else set -- "$@" $input; fi ;;
			*) set -- "$@" "$a" ;;
			esac
		done
		st=0
		"$FRAMING" "$@" --max-article-bytes $MAX >"$T/out" 2>"$T/err" || st=$?
		[ $st = 1 ] || { cat "$T/err"; fail "$cmd $input: status $st, expected 1"; }
		# Once each: suggest reads twice but prints an article's messages once.
		grep 'more than --max-article-bytes' "$T/err" | sort >"$T/got"
		sort "$T/want" | cmp - "$T/got" ||
			{ diff "$T/want" "$T/got"; fail "$cmd $input: not the messages of score"; }
		echo "skipped as score: $cmd ($input)"
	done

	# Only the two small articles are counted: 2 articles at most per entry.
	"$FRAMING" lexicon stats --tsv --max-article-bytes $MAX $input >"$T/stats" 2>/dev/null || true
	awk -F'\t' '/^$/ { exit } NR > 1 && $4 > 2 { print "FAIL: " $2 " in " $4 " articles"; bad = 1 } END { exit bad }' \
		"$T/stats" || fail "lexicon stats $input counted a skipped article"
	# Its table per outlet, after a blank line: 2 articles in all.
	[ "$(awk -F'\t' 'b && $2 != "articles" { n += $2 } /^$/ { b = 1 } END { print n + 0 }' "$T/stats")" = 2 ] ||
		fail "lexicon stats $input: the table per outlet counts a skipped article"
	"$FRAMING" kwic --tsv --max-article-bytes $MAX $input accus* >"$T/kwic" 2>/dev/null || true
	ids=$(tail -n +2 "$T/kwic" | cut -f2 | sort -u | tr '\n' ' ')
	[ "$ids" = "cd-2014-10-20 cd-2015-09-11 " ] || fail "kwic $input: matches in $ids"
	# Without the option the default (50 MB) lets every seed through.
	"$FRAMING" kwic --tsv $input accus* >"$T/kwic" 2>"$T/err" || fail "kwic $input without a limit"
	[ ! -s "$T/err" ] || fail "kwic $input: messages without a limit"
done

# suggest reads twice: a device or a pipe cannot be, and is not called a pipe.
st=0
"$FRAMING" lexicon suggest --jsonl /dev/null >"$T/out" 2>"$T/err" || st=$?
[ $st = 2 ] || fail "suggest --jsonl /dev/null: status $st"
grep -q "^framing: /dev/null: cannot be read twice (not a regular file)" "$T/err" ||
	{ cat "$T/err"; fail "suggest --jsonl /dev/null: message"; }

# clean: the article asked for is over the limit: its message alone (not
# those of the other large articles it passes), naming it, and exit 1.
st=0
"$FRAMING" clean --max-article-bytes $MAX --jsonl "$J" sp-2015-09-17 >"$T/out" 2>"$T/err" || st=$?
[ $st = 1 ] || { cat "$T/err"; fail "clean over the limit: status $st"; }
[ "$(cat "$T/err")" = "framing: $J:3: 'sp-2015-09-17': 2743 bytes of text, more than --max-article-bytes $MAX; skipped" ] ||
	{ cat "$T/err"; fail "clean over the limit: not the one message"; }
[ ! -s "$T/out" ] || fail "clean over the limit: printed lines"
# An article within the limit after large ones: no message about them.
"$FRAMING" clean --max-article-bytes $MAX --jsonl "$J" cd-2015-09-11 >"$T/out" 2>"$T/err" ||
	{ cat "$T/err"; fail "clean within the limit: status $?"; }
grep -q 'more than --max-article-bytes' "$T/err" && { cat "$T/err"; fail "clean: messages about other articles"; }
# A file: the same limit, the message of score on a folder, exit 1.
f=$D/2014-10-19-press-tv-hard-to-resume-talks.txt
st=0
"$FRAMING" clean --max-article-bytes $MAX "$f" >"$T/out" 2>"$T/err" || st=$?
[ $st = 1 ] || fail "clean FILE over the limit: status $st"
[ "$(cat "$T/err")" = "framing: $f: $(wc -c <"$f") bytes, more than --max-article-bytes $MAX; skipped" ] ||
	{ cat "$T/err"; fail "clean FILE over the limit: message"; }
[ ! -s "$T/out" ] || fail "clean FILE over the limit: printed lines"
"$FRAMING" clean --max-article-bytes 0 "$f" >/dev/null 2>&1 || fail "clean FILE --max-article-bytes 0"
# A bad value is refused as score refuses it.
st=0
"$FRAMING" kwic --max-article-bytes x "$D" accus* 2>"$T/err" >/dev/null || st=$?
[ $st = 2 ] || fail "kwic --max-article-bytes x: status $st"
"$FRAMING" score --max-article-bytes x "$D" 2>"$T/err2" >/dev/null || true
[ "$(head -n 1 "$T/err")" = "$(head -n 1 "$T/err2")" ] || fail "another message than score's for a bad value"
echo ok
