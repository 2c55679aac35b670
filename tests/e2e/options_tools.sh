#!/bin/sh
# Issue 12: clean, kwic and every lexicon tool parse their options with the
# shared parser (options.h) and the shared input options (sourceopts.h), so a
# bad number, an unknown option and a missing operand get the one message
# form of every command, then the usage, exit status 2 and nothing on
# stdout; the CORPUS rule says the same in score, kwic and lexicon stats;
# --help and "framing help" still print the usage on stdout; and the short,
# long and abbreviated spellings of an option give the same bytes.
set -u
cd "$ROOT"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
S=corpus/seeds
J=tests/fixtures/seeds.jsonl

# expect MESSAGE -- ARGS: status 2, the message as the first line of stderr,
# then the usage, and nothing on stdout.
expect() {
	msg=$1
	shift 2
	"$FRAMING" "$@" >"$T/out" 2>"$T/err"
	st=$?
	[ "$st" -eq 2 ] || fail "$*: status $st, expected 2"
	[ "$(head -n 1 "$T/err")" = "framing: $msg" ] || { cat "$T/err"; fail "$*: not '$msg'"; }
	sed -n 2p "$T/err" | grep -q '^usage: framing ' || fail "$*: no usage after the message"
	[ ! -s "$T/out" ] || fail "$*: wrote to stdout"
}
big="is not a whole number from 0 to 4294967295"
cor="missing a CORPUS folder (or --jsonl FILE)"

expect "option '--max-article-bytes': 'x' $big" -- clean --max-article-bytes x --jsonl "$J" id
expect "unknown option '--nope'" -- clean --nope "$S/x.txt"
expect "missing a FILE" -- clean
expect "missing an article ID" -- clean --jsonl "$J"
expect "unexpected argument 'b'" -- clean a b

expect "option '--window': 'x' is not a whole number from 0 to 1000" -- kwic -w x "$S" accus*
expect "option '--window': '1001' is not a whole number from 0 to 1000" -- kwic --window=1001 "$S" a
expect "unknown option '--nope'" -- kwic --nope "$S" accus*
expect "unknown option '-z'" -- kwic -z "$S" accus*
expect "$cor" -- kwic
expect "missing a PATTERN or --category NAME" -- kwic "$S"
expect "give either PATTERNs or --category, not both" -- kwic -c accusatory "$S" accus*
# With --jsonl every operand is a PATTERN, but a folder is none: it is a CORPUS too many.
expect "give either a CORPUS folder or --jsonl, not both" -- kwic "$S" --jsonl "$J" accus*

expect "option '--max-article-bytes': '-1' $big" -- lexicon check --corpus "$S" --max-article-bytes -1
expect "unknown option '--nope'" -- lexicon check --nope
expect "give either a CORPUS folder or --jsonl, not both" -- lexicon check --corpus "$S" --jsonl "$J"

expect "option '--max-article-bytes': '1e9' $big" -- lexicon stats --max-article-bytes 1e9 "$S"
expect "option '--max-article-bytes': '4294967296' $big" -- kwic --max-article-bytes 4294967296 "$S" a
# The most the option takes is the most framing can score (0 stands for it): one number.
"$FRAMING" lexicon stats --tsv --max-article-bytes 4294967295 "$S" >"$T/max" 2>"$T/err" \
	|| { cat "$T/err"; fail "--max-article-bytes 4294967295 refused"; }
"$FRAMING" lexicon stats --tsv --max-article-bytes 0 "$S" >"$T/zero" 2>"$T/err" \
	&& cmp -s "$T/max" "$T/zero" || fail "--max-article-bytes 0 is not 4294967295"
"$FRAMING" score --help | grep -q "score, 4294967295)" || fail "score --help does not say 4294967295"
expect "unknown option '--nope'" -- lexicon stats --nope "$S"
expect "$cor" -- lexicon stats
expect "unexpected argument 'b'" -- lexicon stats a b
expect "give either a CORPUS folder or --jsonl, not both" -- lexicon stats --jsonl "$J" "$S"

expect "option '-n': '0' is not a whole number from 1 to 100000" -- lexicon suggest -n 0 "$S"
expect "option '--min': 'x' is not a whole number from 0 to 100000" -- lexicon suggest --min x "$S"
expect "unknown option '--nope'" -- lexicon suggest --nope "$S"
expect "$cor" -- lexicon suggest

expect "option '--max-article-bytes': 'x' $big" -- lexicon diff --max-article-bytes x a b "$S"
expect "unknown option '--nope'" -- lexicon diff --nope a b "$S"
expect "missing the OLD and NEW lexicons" -- lexicon diff
expect "missing the NEW lexicon" -- lexicon diff a
expect "missing the NEW lexicon" -- lexicon diff --jsonl "$J" a
expect "$cor" -- lexicon diff a b
expect "unexpected argument 'd'" -- lexicon diff a b "$S" d
expect "give either a CORPUS folder or --jsonl, not both" -- lexicon diff --jsonl "$J" a b "$S"

expect "option '--format': 'x' is not dic or dicx" -- lexicon import -f x a.dic
expect "unknown option '--nope'" -- lexicon import --nope a.dic
expect "missing a FILE" -- lexicon import
expect "option '--format': 'x' is not dic, dicx or yaml" -- lexicon export --format=x a.lex
expect "unknown option '--nope'" -- lexicon export --nope a.lex
expect "missing a LEXICON file" -- lexicon export -f dic

# The CORPUS rule is written once: score says what the tools say.
expect "$cor" -- score
expect "give either a CORPUS folder or --jsonl, not both" -- score --jsonl "$J" "$S"

# --help and "help": the usage on stdout, exit 0, nothing on stderr.
for c in clean kwic "lexicon check" "lexicon stats" "lexicon suggest" "lexicon diff" \
	"lexicon import" "lexicon export" "help clean" "help kwic" "lexicon help diff"; do
	# shellcheck disable=SC2086
	"$FRAMING" $c --help >"$T/out" 2>"$T/err" || fail "$c --help: status $?"
	case $c in help*|"lexicon help"*) "$FRAMING" $c >"$T/out" 2>"$T/err" || fail "$c: status $?" ;; esac
	grep -q "^usage: framing " "$T/out" || fail "$c --help: no usage on stdout"
	[ ! -s "$T/err" ] || fail "$c --help: wrote to stderr"
done

# "framing help" routes like the commands: a subcommand's help is its own,
# "help help" is framing's usage, and the same text whichever way it is asked.
for sub in check stats suggest diff import export; do
	"$FRAMING" lexicon $sub --help >"$T/want" 2>&1
	"$FRAMING" help lexicon $sub >"$T/out" 2>"$T/err" || fail "help lexicon $sub: status $?"
	cmp -s "$T/want" "$T/out" || fail "help lexicon $sub is not lexicon $sub --help"
	"$FRAMING" lexicon help $sub >"$T/out" 2>"$T/err" || fail "lexicon help $sub: status $?"
	cmp -s "$T/want" "$T/out" || fail "lexicon help $sub is not lexicon $sub --help"
done
"$FRAMING" help >"$T/want"
for h in "help help" "help --help" "--help help"; do
	# shellcheck disable=SC2086
	"$FRAMING" $h >"$T/out" 2>"$T/err" || fail "$h: status $?"
	cmp -s "$T/want" "$T/out" && [ ! -s "$T/err" ] || { cat "$T/err"; fail "$h is not framing's usage"; }
done
"$FRAMING" lexicon --help >"$T/want"
"$FRAMING" lexicon help help >"$T/out" 2>"$T/err" || fail "lexicon help help: status $?"
cmp -s "$T/want" "$T/out" || fail "lexicon help help is not the lexicon usage"
"$FRAMING" help lexicon nope >"$T/out" 2>"$T/err" && fail "help lexicon nope: status 0"
grep -q "no such lexicon subcommand 'nope'" "$T/err" || fail "help lexicon nope: message"

# same "ARGS" "ARGS": the two runs give the same stdout and status 0.
same() {
	"$FRAMING" $1 >"$T/a" 2>/dev/null; a=$?
	"$FRAMING" $2 >"$T/b" 2>/dev/null; b=$?
	[ $a = 0 ] && [ -s "$T/a" ] || fail "$1: status $a or no output"
	[ $a = $b ] && cmp -s "$T/a" "$T/b" || fail "'$1' and '$2' differ"
}
set -f
same "kwic --tsv -w 4 $S accus*" "kwic --tsv --window=4 $S accus*"
same "kwic --tsv -w4 $S accus*" "kwic --ts --win 4 $S accus*"
same "kwic -c accusatory -l lexicons/stance.lex $S" "kwic --category=accusatory --lexicon lexicons/stance.lex $S"
same "lexicon suggest -c conciliatory -n 5 --tsv $S" "lexicon suggest --category conciliatory -n5 --tsv $S"
same "lexicon stats --no-clean --no-negation $S" "lexicon stats $S --no-n --no-c"
same "lexicon export -f dic lexicons/stance.lex" "lexicon export --format=dic lexicons/stance.lex"
same "lexicon import -f dic tests/lexicons/liwc-hand.dic" "lexicon import --form dic tests/lexicons/liwc-hand.dic"
echo ok
