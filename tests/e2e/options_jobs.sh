#!/bin/sh
# Issue 12: the same option has the same name everywhere. stats takes
# -j/--jobs like score and report, and --threads (documented before) as an
# alias: all give the same bytes. A bad number gets the one message form
# of the options module in every command, with the usage, exit status 2.
set -u
fail() { echo "FAIL: $*"; exit 1; }
$FRAMING score -q -j 2 -l "$ROOT/lexicons/stance.lex" "$ROOT/corpus/seeds" -o out 2>err \
	|| { cat err; fail "score failed"; }
for how in "--jobs 2" "--threads 2" "-j2" "--jobs=1" "--thr=2"; do
	d=$(echo "$how" | tr -dc 'a-z0-9')
	# shellcheck disable=SC2086
	$FRAMING stats -q --bootstrap 200 --permutations 200 $how out/scores.tsv -o "$d" 2>err \
		|| { cat err; fail "stats $how failed"; }
	for f in outlets compare tests keyness duplicates; do
		[ -s "$d/$f.tsv" ] || fail "stats $how: no $f.tsv"
	done
done
# run.tsv differs by its run id and command line.
for d in threads2 j2 jobs1 thr2; do
	diff -r -x run.tsv jobs2 "$d" >/dev/null || fail "stats --jobs 2 and the spelling of $d differ"
done

# expect STATUS MESSAGE -- ARGS: the status, the message as the first line
# of stderr, then the usage.
expect() {
	want=$1 msg=$2
	shift 3
	"$FRAMING" "$@" >out.txt 2>err.txt
	st=$?
	[ "$st" -eq "$want" ] || fail "$*: status $st, expected $want"
	[ "$(head -n 1 err.txt)" = "$msg" ] || { cat err.txt; fail "$*: not '$msg'"; }
	sed -n 2p err.txt | grep -q '^usage: framing ' || fail "$*: no usage after the message"
	[ ! -s out.txt ] || fail "$*: wrote to stdout"
}
expect 2 "framing: option '--jobs': 'x' is not a whole number from 1 to 256" \
	-- stats --jobs x out/scores.tsv
expect 2 "framing: option '--threads': '0' is not a whole number from 1 to 256" \
	-- stats --threads 0 out/scores.tsv
expect 2 "framing: option '--jobs': '2x' is not a whole number from 1 to 256" \
	-- score -j2x "$ROOT/corpus/seeds"
expect 2 "framing: option '--jobs': '300' is not a whole number from 1 to 256" \
	-- report --jobs=300 "$ROOT/corpus/seeds"
expect 2 "framing: option '--seed': '-1' is not a whole number from 0 to 4294967295" \
	-- report --seed -1 "$ROOT/corpus/seeds"
expect 2 "framing: option '--alpha0': '0' is not a number above 0" \
	-- stats --alpha0 0 out/scores.tsv
expect 2 "framing: unknown option '--nope'" -- chart --nope
expect 2 "framing: unexpected argument 'b'" -- report a b
expect 2 "framing: missing a CORPUS folder (or --jsonl FILE)" -- report
# --help: the usage on stdout, exit 0, for every command.
for c in score stats chart report; do
	$FRAMING $c --help >out.txt 2>err.txt || fail "$c --help: status $?"
	grep -q "^usage: framing $c" out.txt || fail "$c --help: no usage on stdout"
	[ ! -s err.txt ] || fail "$c --help: wrote to stderr"
done
grep -q -- '-j, --jobs N' out.txt || fail "report --help does not name -j, --jobs"
$FRAMING stats --help | grep -q -- '-j, --jobs N' || fail "stats --help does not name -j, --jobs"
echo ok
