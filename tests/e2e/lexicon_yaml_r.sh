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
echo ok
