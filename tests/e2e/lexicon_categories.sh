#!/bin/bash
# Issue 15, item 5: the lexicon tools take every category when none is named
# (lexicon suggest lists candidates per category, actors left out), and a
# mistyped category gets "no category 'bearsh'; did you mean 'bearish'?" from
# every command that takes a category name, with exit status 2.
cd "$ROOT" || exit 1
. tests/e2e/hostile.lib
S=corpus/seeds

# A user's lexicon on four short wire stories (--no-clean: they are too short
# to survive the boilerplate filter).
cat >"$T/user.lex" <<'LEX'
[bullish] Words of a rising market.
rally
surge*
optimistic
[bearish] Words of a falling market.
slump
crash*
pessimistic
[hedged] Claims held back.
may
could
LEX
cat >"$T/m.jsonl" <<'JSON'
{"id":"a1","outlet":"Wire A","text":"Chip stocks rally on strong demand. Chip makers surged on strong orders. Oil prices may slump next week."}
{"id":"a2","outlet":"Wire A","text":"Investors are optimistic about chip demand. Strong orders lift chip stocks."}
{"id":"b1","outlet":"Wire B","text":"Bank shares crashed amid fears of default. Fears of default could spread. Bond yields slump."}
{"id":"b2","outlet":"Wire B","text":"Analysts are pessimistic about bank shares. Default fears grow."}
JSON
U="-l $T/user.lex --jsonl $T/m.jsonl --no-clean"

# 1. Without --category: one section per category, in lexicon order. Every
# number is the one the same run with --category alone prints (below).
"$FRAMING" lexicon suggest $U --min 1 -n 2 >"$T/out" 2>"$T/err" || fail "suggest: status $?"
cat >"$T/want" <<'OUT'
[bullish]: outlets using it most: Wire A

#  term    with  total  z_sent  z_outlet  score
1  chip       3      4    1.11      1.11   2.22
2  demand     2      2    1.15      0.76   1.91

examples
  1  a1:1  [Chip] stocks rally on strong demand. Chip
  1  a1:2  Chip stocks rally on strong demand. [Chip] makers surged on strong orders. Oil
  2  a1:1  Chip stocks rally on strong [demand]. Chip makers surged on strong orders
  2  a2:1  Investors are optimistic about chip [demand]. Strong orders lift chip stocks

[bearish]: outlets using it most: Wire B

#  term         with  total  z_sent  z_outlet  score
1  bank            2      2    1.03      0.91   1.93
2  bank shares     2      2    1.03      0.91   1.93

examples
  1  b1:1  [Bank] shares crashed amid fears of default
  1  b2:1  Analysts are pessimistic about [bank] shares. Default fears grow
  2  b1:1  [Bank shares] crashed amid fears of default. Fears
  2  b2:1  Analysts are pessimistic about [bank shares]. Default fears grow

[hedged]: outlets using it most: Wire B

#  term     with  total  z_sent  z_outlet  score
1  spread      1      1    0.95      0.63   1.58
2  default     1      3    0.36      1.13   1.49

examples
  1  b1:2  of default. Fears of default could [spread]. Bond yields slump
  2  b1:2  amid fears of default. Fears of [default] could spread. Bond yields slump
OUT
diff "$T/want" "$T/out" || fail "suggest without --category: not the sections above"
[ ! -s "$T/err" ] || { cat "$T/err"; fail "suggest: messages"; }

# --tsv: a first column category; a category with no term says so once.
"$FRAMING" lexicon suggest $U --tsv -n 1 >"$T/out" 2>"$T/err" || fail "suggest --tsv: status $?"
printf '%s\n' \
	"category${tab}rank${tab}term${tab}with${tab}total${tab}z_sentence${tab}z_outlet${tab}score${tab}example1${tab}example2" \
	"bullish${tab}1${tab}chip${tab}3${tab}4${tab}1.11348${tab}1.10969${tab}2.22317${tab}a1:1  [Chip] stocks rally on strong demand. Chip${tab}a1:2  Chip stocks rally on strong demand. [Chip] makers surged on strong orders. Oil" \
	"bearish${tab}1${tab}bank${tab}2${tab}2${tab}1.02752${tab}0.90611${tab}1.93363${tab}b1:1  [Bank] shares crashed amid fears of default${tab}b2:1  Analysts are pessimistic about [bank] shares. Default fears grow" \
	>"$T/want"
diff "$T/want" "$T/out" || fail "suggest --tsv without --category"
[ "$(cat "$T/err")" = "framing: no term occurs 2 times in sentences with [hedged]; try --min 1" ] \
	|| { cat "$T/err"; fail "suggest --tsv: not the one message on [hedged]"; }

# Each section is the run of its category alone, and one --category keeps
# the old layout (no category column).
for c in bullish bearish hedged; do
	"$FRAMING" lexicon suggest $U --tsv --min 1 -c $c >"$T/one" || fail "suggest -c $c"
	head -n 1 "$T/one" | grep -q "^rank${tab}term${tab}" || fail "-c $c: a category column"
	sed "1d;s/^/$c$tab/" "$T/one"
done >"$T/each"
"$FRAMING" lexicon suggest $U --tsv --min 1 | sed 1d >"$T/all"
cmp -s "$T/each" "$T/all" || { diff "$T/each" "$T/all"; fail "sections differ from single runs"; }
# Several names: repeated or comma-separated, in the order named, once each.
"$FRAMING" lexicon suggest $U --tsv --min 1 -c hedged,bullish -c hedged | cut -f1 | uniq >"$T/out"
printf 'category\nhedged\nbullish\n' | cmp -s - "$T/out" || { cat "$T/out"; fail "-c hedged,bullish -c hedged"; }

# The seeds: every category but the actors (china, us).
"$FRAMING" lexicon suggest $S -n 2 >"$T/out" || fail "suggest seeds: status $?"
grep '^\[' "$T/out" >"$T/heads"
printf '%s\n' "[accusatory]: outlets using it most: Press TV" \
	"[conciliatory]: outlets using it most: China Daily" \
	"[distancing]: outlets using it most: Press TV" | cmp -s - "$T/heads" \
	|| { cat "$T/heads"; fail "suggest seeds: not the three non-actor categories"; }
# An actor is still there when named.
"$FRAMING" lexicon suggest $S -n 2 -c china >"$T/out" || fail "suggest -c china"
head -n 1 "$T/out" | grep -q '^\[china\]' || fail "suggest -c china: no section"
# Actors are what @actors marks, not a name: "china" and "us" of a file
# without @actors get their sections; a user's @actors file gets none.
printf '[china]\nbeijing\n[us]\nwashington\n' >"$T/plain.lex"
"$FRAMING" lexicon suggest -l "$T/plain.lex" $S -n 1 | grep '^\[' | cut -d: -f1 >"$T/heads"
printf '[china]\n[us]\n' | cmp -s - "$T/heads" || { cat "$T/heads"; fail "china, us without @actors"; }
printf '@actors\n[fed]\nfed\n[ecb]\necb\n' >"$T/banks.lex"
"$FRAMING" lexicon suggest -l "$T/user.lex" -l "$T/banks.lex" --jsonl "$T/m.jsonl" --no-clean \
	--min 1 -n 1 | grep '^\[' | cut -d: -f1 >"$T/heads"
printf '[bullish]\n[bearish]\n[hedged]\n' | cmp -s - "$T/heads" || { cat "$T/heads"; fail "@actors of a user"; }
# Only actors: nothing to suggest for, said plainly.
expect 2 "the lexicons have no category to suggest terms for" -- lexicon suggest -l lexicons/actors.lex $S

# 2. A mistyped category, in every command that takes one: the closest name
# when it is a typo (at most 2 edits, a third of the name), else the list.
typo() {	# typo WANT ARGS...: status 2, stderr exactly WANT, nothing on stdout
	want=$1
	shift
	"$FRAMING" "$@" >"$T/out" 2>"$T/err"
	st=$?
	[ $st = 2 ] || fail "$*: status $st"
	[ "$(cat "$T/err")" = "framing: $want" ] || { cat "$T/err"; fail "$*: not '$want'"; }
	[ ! -s "$T/out" ] || fail "$*: output"
}
typo "no category 'bearsh'; did you mean 'bearish'?" lexicon suggest $U -c bearsh
typo "no category 'bearsh'; did you mean 'bearish'?" kwic -l "$T/user.lex" --category bearsh $S
typo "no category 'baerish'; did you mean 'bearish'?" kwic -l "$T/user.lex" -c baerish $S
typo "no category 'Hedged'; did you mean 'hedged'?" lexicon suggest $U -c Hedged
typo "no category 'acusatory'; did you mean 'accusatory'?" kwic --category acusatory $S
typo "no category 'conciliatry'; did you mean 'conciliatory'?" lexicon suggest $S -c accusatory,conciliatry
typo "no category 'tone'; the categories are bullish, bearish, hedged" lexicon suggest $U -c tone
typo "no category 'uk'; the categories are china, us, accusatory, conciliatory, distancing" kwic -c uk $S
# Every unknown name of a list is reported, not only the first.
"$FRAMING" lexicon suggest $U -c bulish,bearsh >/dev/null 2>"$T/err" && fail "two typos: status 0"
printf '%s\n' "framing: no category 'bulish'; did you mean 'bullish'?" \
	"framing: no category 'bearsh'; did you mean 'bearish'?" | cmp -s - "$T/err" \
	|| { cat "$T/err"; fail "two typos"; }
# A name from outside is shown sanitised.
typo "no category 'a b'; the categories are bullish, bearish, hedged" lexicon suggest $U -c "a$tab"b
echo ok
