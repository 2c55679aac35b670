# Acceptance checks of issue 2 on the sample corpus, with the shipped lexicons.
# Expected values were verified by reading the articles (see comments).
set -eu
cd "$ROOT"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$FRAMING" score corpus/seeds -o "$out"

fail() { echo "FAIL: $*"; exit 1; }
[ "$(wc -l < "$out/scores.tsv")" -eq 6 ] || fail "scores.tsv should have a header and 5 rows"

# "groundless accusations" in the 2015 China Daily/Xinhua article: the headline
# ('groundless accusations' in scare quotes), the lead ("groundless accusations")
# and Hong Lei's words ("... stop their groundless accusations against China,"):
# three matches, all quoted.
g=$(awk -F'\t' '$1=="cd-2015-09-11" && $5 ~ /^groundless accusations$/ {print $6":"$8}' "$out/matches.tsv" | tr '\n' ' ')
[ "$g" = "1:1 2:1 7:1 " ] || fail "groundless accusations: got '$g'"

# "hypocrisy": China Daily 2014 in its own voice ("...for hypocrisy."), Press TV
# quoting China (the US "hypocrisy").
h=$(awk -F'\t' '$5=="hypocrisy" {print $1":"$8}' "$out/matches.tsv" | tr '\n' ' ')
[ "$h" = "cd-2014-10-20:0 ptv-2014-10-19:1 " ] || fail "hypocrisy: got '$h'"

# Every offset points at the surface text in the file, and no match comes from
# a line that 'framing clean' drops.
awk -F'\t' 'NR>1 {print $1"\t"$7"\t"$5}' "$out/matches.tsv" | while IFS="$(printf '\t')" read -r id off surface; do
	file=$(awk -F'\t' -v id="$id" '$1==id {print $2}' corpus/seeds/manifest.tsv)
	n=$(printf '%s' "$surface" | wc -c)
	# matches.tsv shows white space (here no-break spaces) as plain spaces.
	got=$(tail -c +$((off + 1)) "corpus/seeds/$file" | head -c $((n * 2)) | sed 's/\xc2\xa0/ /g' | head -c "$n")
	[ "$got" = "$surface" ] || fail "$id offset $off: '$got' is not '$surface'"
	line=$(head -c "$off" "corpus/seeds/$file" | tr -d -c '\n\r' | wc -c)
	verdict=$("$FRAMING" clean "corpus/seeds/$file" 2>/dev/null | sed -n "$((line + 1))p" | cut -c1)
	[ "$verdict" = "+" ] || fail "$id offset $off ('$surface') is on dropped line $((line + 1))"
done

# Nothing from the boilerplate: related headlines, menus, the Chinese spam.
for junk in "Sagitar" "Most Viewed" "mailing list" "Snake Island"; do
	grep -q "$junk" "$out/matches.tsv" && fail "a match from boilerplate '$junk'"
done
echo ok
