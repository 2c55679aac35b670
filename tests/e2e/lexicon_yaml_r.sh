# Issue 5: the quanteda YAML export loads in R (yaml::read_yaml) with the
# same categories and entries. Skipped (exit 77, see tests/run) where R is absent.
set -eu
cd "$ROOT"
if ! command -v Rscript >/dev/null 2>&1 || ! Rscript -e 'library(yaml)' >/dev/null 2>&1; then
	echo "skip: Rscript with the yaml package is not installed"
	exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$FRAMING" lexicon export lexicons/stance.lex lexicons/actors.lex --format yaml -o "$tmp/x.yml" 2>/dev/null
Rscript -e 'y <- yaml::read_yaml(commandArgs(TRUE)[1]); for (k in names(y)) for (e in y[[k]]) cat(k, "\t", e, "\n", sep = "")' "$tmp/x.yml" |
	sort >"$tmp/r"
# The entries: the first of lexicon stats' tables (the per-outlet one follows a blank line).
"$FRAMING" lexicon stats --tsv -l lexicons/stance.lex -l lexicons/actors.lex corpus/seeds |
	awk '/^$/ { exit } NR > 1' | cut -f1,2 | tr -d '"' | sort >"$tmp/want"
[ "$(wc -l <"$tmp/want")" -gt 50 ] || fail "too few entries listed"
cmp -s "$tmp/want" "$tmp/r" || { diff "$tmp/want" "$tmp/r"; fail "R reads other entries"; }
[ "$(Rscript -e 'cat(names(yaml::read_yaml(commandArgs(TRUE)[1])))' "$tmp/x.yml")" = \
	"accusatory conciliatory distancing china us" ] || fail "categories differ in R"

# Issue 15: a lexicon with directives and weights. R reads the categories
# and terms, in order, and nothing of the @ lines (left out with warnings,
# tests/e2e/lexicon_export_carry.sh has their text).
printf '[bullish] Rising.\nrally = 2\n"Bull run"\n[bearish]\nslump\ncrash*\n@index tone = difference bullish bearish\n@voice bearish\n' >"$tmp/d.lex"
printf '@actors\n[fed]\nfed\n' >"$tmp/a.lex"
"$FRAMING" lexicon export -f yaml "$tmp/d.lex" "$tmp/a.lex" -o "$tmp/d.yml" 2>"$tmp/err"
[ "$(grep -c '@' "$tmp/err")" = 3 ] || { cat "$tmp/err"; fail "not three @ warnings"; }
Rscript -e 'y <- yaml::read_yaml(commandArgs(TRUE)[1]); for (k in names(y)) cat(k, ":", paste(y[[k]], collapse = "|"), "\n", sep = "")' "$tmp/d.yml" >"$tmp/r"
printf 'bullish:rally|Bull run\nbearish:slump|crash*\nfed:fed\n' | cmp -s - "$tmp/r" ||
	{ cat "$tmp/d.yml"; cat "$tmp/r"; fail "R reads other categories or terms"; }
echo ok
