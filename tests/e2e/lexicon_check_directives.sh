#!/bin/bash
# Issue 15, item 1: framing lexicon check validates the @ lines of a
# lexicon (lexicons/README.md) at FILE:LINE:COL, exit status 2: an unknown
# kind or directive, an index of an unknown category (with the hint every
# category option gives: "did you mean"), of one category twice, named as a
# category or twice, and @voice of an unknown category. Names may come from
# another file given with it.
cd "$ROOT" || exit 1
. tests/e2e/hostile.lib

# check WANT-STATUS FILE...: stdout and stderr (temporary folder removed) in $T/out.
check() {
	st=$1
	shift
	(cd "$T" && "$FRAMING" lexicon check "$@") >"$T/out" 2>&1
	got=$?
	[ $got = "$st" ] || { cat "$T/out"; fail "check $*: status $got, not $st"; }
}

printf '[bullish]\nrally\n[bearish]\nslump\n' >"$T/m.lex"

# A good lexicon with every directive: no message, status 0.
cat >"$T/good.lex" <<'LEX'
[bullish]
rally
[bearish]
slump
@index tone = difference bullish bearish
@index mood = log-ratio  bearish  bullish   # a comment
@voice bearish
@actors
[fed]
fed
LEX
check 0 good.lex
[ "$(cat "$T/out")" = "good.lex: 3 categories, 3 entries, 0 warnings" ] || { cat "$T/out"; fail "good.lex"; }

# What parsing finds, line by line (these stop the load, so the names are
# not looked up).
cat >"$T/syntax.lex" <<'LEX'
[bullish]
rally
@index tone = ratio bullish bearish
@index tone bullish bearish
@actor
@actors of the fed
@voice
@index tone = difference bullish bearish
@index tone = log-ratio bullish bearish
@index 2x = difference bullish bearish
@ index x = difference bullish bearish
LEX
check 2 syntax.lex
cat >"$T/want" <<'OUT'
framing: syntax.lex:3:15: unknown index kind 'ratio' (log-ratio or difference)
framing: syntax.lex:4:13: '=' expected (write @index NAME = log-ratio A B)
framing: syntax.lex:5:1: unknown directive '@actor' (known: @index, @actors, @voice)
framing: syntax.lex:6:9: @actors takes nothing after it: it marks every category after it in its file
framing: syntax.lex:7:7: @voice: name the categories the voice chart shows
framing: syntax.lex:9:8: index 'tone' is already defined at syntax.lex:8
framing: syntax.lex:10:8: bad index name '2x' (write @index NAME = log-ratio A B; NAME uses a-z, 0-9 and _, starting with a letter)
framing: syntax.lex:11:1: '@' must be followed by a directive: @index, @actors or @voice
syntax.lex: 1 category, 1 entry, 0 warnings
OUT
diff "$T/want" "$T/out" || fail "syntax.lex: not these messages"

# What resolving the names finds, once every file is in: the column of the
# name at fault, a typo's closest category, else the list.
cat >"$T/names.lex" <<'LEX'
@index tone = difference bullish bearsh
@index same = log-ratio bullish bullish
@index bearish = difference bullish bearish
@voice bulish bearish hedged
LEX
check 2 m.lex names.lex
cat >"$T/want" <<'OUT'
framing: names.lex:1:34: no category 'bearsh'; did you mean 'bearish'?
framing: names.lex:2:33: index 'same' uses category 'bullish' twice
framing: names.lex:3:8: index 'bearish' has the name of a category; name it apart (its column in scores.tsv would be ambiguous)
framing: names.lex:4:8: no category 'bulish'; did you mean 'bullish'?
framing: names.lex:4:23: no category 'hedged'; the categories are bullish, bearish
m.lex: 2 categories, 2 entries, 0 warnings
names.lex: 0 categories, 0 entries, 0 warnings
OUT
diff "$T/want" "$T/out" || fail "names.lex: not these messages"

# The categories of another file given with it: fine; alone: not there.
printf '@index tone = difference bullish bearish\n' >"$T/ix.lex"
check 0 m.lex ix.lex
check 2 ix.lex
printf '%s\n' "framing: ix.lex:1:26: no category 'bullish': the lexicons have no category" \
	"framing: ix.lex:1:34: no category 'bearish': the lexicons have no category" \
	"ix.lex: 0 categories, 0 entries, 0 warnings" | diff - "$T/out" || fail "ix.lex alone"
# README's example is what the command prints (on a terminal, stderr first).
printf '[bullish]\nrally\n[bearish]\nslump\n' >"$T/bull.lex"
printf '@index tone = difference bullish bearsh\n@index same = log-ratio bullish bullish\n' >"$T/tone.lex"
check 2 bull.lex tone.lex
awk '/^    \$ framing lexicon check bull.lex tone.lex$/ { on = 1; next }
     on && /^    / { sub(/^    /, ""); print; next }
     on { exit }' README.md | diff - "$T/out" || fail "README's example of @ line errors"
echo ok
