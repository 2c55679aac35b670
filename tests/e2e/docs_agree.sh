#!/bin/sh
# Issue 18, item 10: README and the man page say what the code does.
# The order of the default lexicon folders ($FRAMING_LEXICONS before
# ./lexicons), quanteda YAML (exported, never imported) and every package
# scripts/install-deps installs.
. "$ROOT/tests/e2e/hostile.lib"
readme=$ROOT/README.md man=$ROOT/docs/framing.1

# The code: a folder named by $FRAMING_LEXICONS wins over ./lexicons.
mkdir "$T/w" "$T/w/lexicons" "$T/env" "$T/c" "$T/c/Out"
printf '[here]\ngroundless\n' >"$T/w/lexicons/here.lex"
printf '[env]\ngroundless\n' >"$T/env/env.lex"
printf 'The claims are groundless, the ministry said.\n' >"$T/c/Out/a.txt"
(cd "$T/w" && FRAMING_LEXICONS="$T/env" "$FRAMING" lexicon stats --tsv "$T/c") >"$T/both" 2>&1 ||
	{ cat "$T/both"; fail "lexicon stats with both folders"; }
grep -q "^env${tab}groundless" "$T/both" || { cat "$T/both"; fail "\$FRAMING_LEXICONS did not win over ./lexicons"; }
(cd "$T/w" && env -u FRAMING_LEXICONS "$FRAMING" lexicon stats --tsv "$T/c") >"$T/here" 2>&1 ||
	{ cat "$T/here"; fail "lexicon stats with ./lexicons"; }
grep -q "^here${tab}groundless" "$T/here" || { cat "$T/here"; fail "./lexicons not used without the variable"; }

# README and the man page say the same order.
tr '\n' ' ' <"$readme" | grep -q 'first of these that exists: `$FRAMING_LEXICONS`[^`]*`./lexicons`' ||
	fail "README: the lookup order is not \$FRAMING_LEXICONS, then ./lexicons"
tr '\n' ' ' <"$readme" | grep -q 'in `lexicons/` (then `$FRAMING_LEXICONS`' &&
	fail "README still puts ./lexicons before \$FRAMING_LEXICONS"
tr '\n' ' ' <"$man" | grep -q 'Without it: ./lexicons, then' ||
	fail "man page: FRAMING_LEXICONS does not come first"

# YAML: export works, import is refused, and both documents say so.
"$FRAMING" lexicon export "$T/env/env.lex" --format yaml -o "$T/env.yml" 2>"$T/err" ||
	{ cat "$T/err"; fail "YAML export"; }
expect 2 "importing YAML is not supported" -- lexicon import "$T/env.yml" -o "$T/back.lex"
grep -q 'importing YAML is not supported' "$readme" || fail "README does not say YAML import is unsupported"
tr '\n' ' ' <"$man" | grep -q 'importing YAML is not supported' ||
	fail "man page does not say YAML import is unsupported"
tr '\n' ' ' <"$man" | grep -q 'convert LIWC .IR .dic , LIWC-22 .I .dicx and quanteda YAML' &&
	fail "man page says import converts quanteda YAML"

# Every package install-deps may install is named in README.
pkgs=$(sed -n 's/^need_pkg \([^ ]*\) .*/\1/p' "$ROOT/scripts/install-deps")
[ -n "$pkgs" ] || fail "no need_pkg line in scripts/install-deps"
for p in $pkgs; do
	grep -q -- "$p" "$readme" || fail "install-deps installs $p, which README does not list"
done
echo ok
