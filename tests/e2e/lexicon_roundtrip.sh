# Issue 5: .lex -> .dic -> .lex and .lex -> .dicx -> .lex keep every entry
# and category; what the formats cannot hold (case) is reported, not dropped.
set -eu
cd "$ROOT"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# Every (category, entry) of a lexicon, quotes of case-sensitive entries removed.
entries() {
	"$FRAMING" lexicon stats --tsv -l "$1" corpus/seeds | tail -n +2 | cut -f1,2 | tr -d '"' | sort
}
categories() {
	"$FRAMING" lexicon check "$1" 2>/dev/null | sed 's/^[^:]*: //; s/, [0-9]* warnings*$//'
}

for lex in stance actors; do
	for fmt in dic dicx; do
		"$FRAMING" lexicon export "lexicons/$lex.lex" --format "$fmt" -o "$tmp/$lex.$fmt" 2>"$tmp/notes"
		"$FRAMING" lexicon import "$tmp/$lex.$fmt" -o "$tmp/$lex-$fmt.lex" 2>"$tmp/import-notes"
		entries "lexicons/$lex.lex" >"$tmp/want"
		entries "$tmp/$lex-$fmt.lex" >"$tmp/got"
		[ -s "$tmp/want" ] || fail "no entries listed for $lex"
		cmp -s "$tmp/want" "$tmp/got" || { diff "$tmp/want" "$tmp/got"; fail "$lex via .$fmt changed entries"; }
		[ "$(categories "lexicons/$lex.lex")" = "$(categories "$tmp/$lex-$fmt.lex")" ] ||
			fail "$lex via .$fmt: $(categories "lexicons/$lex.lex") became $(categories "$tmp/$lex-$fmt.lex")"
		# Nothing lost, and import says so with the counts lexicon check gives.
		n=$("$FRAMING" lexicon check "lexicons/$lex.lex" 2>/dev/null | sed 's/^[^:]*: //; s/, [0-9]* warnings*$//; s/,/ and/')
		[ "$(cat "$tmp/import-notes")" = "framing: nothing lost: $n carried over" ] ||
			{ cat "$tmp/import-notes"; fail "$lex via .$fmt: import lost something or did not say"; }
		grep -q "descriptions of" "$tmp/notes" || fail "$lex .$fmt: dropped descriptions not reported"
	done
done
# Case-sensitive entries cannot travel: each is reported at its line.
"$FRAMING" lexicon export lexicons/actors.lex --format dic 2>"$tmp/notes" >/dev/null
grep -q 'actors.lex:24:1: .*"US".*ignores case' "$tmp/notes" || fail "\"US\" losing its case not reported"
[ "$(grep -c 'ignores case' "$tmp/notes")" -eq "$(grep -c '^"' lexicons/actors.lex)" ] ||
	fail "not every case-sensitive entry reported"

# Weights cannot travel to .dic either.
printf '[a]\nsmear = 2.5\nlies\n' >"$tmp/w.lex"
"$FRAMING" lexicon export "$tmp/w.lex" --format dic 2>"$tmp/notes" >/dev/null
grep -q 'w.lex:2:1: the weight 2.5 of .smear. is dropped' "$tmp/notes" || fail "dropped weight not reported"
echo ok
