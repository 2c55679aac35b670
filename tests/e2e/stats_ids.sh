#!/bin/sh
# framing stats keeps the first of repeated ids and orders articles by id
# as strcmp does, though it compares ids by their first 8 bytes first:
# ids that share 8 bytes or more, ids shorter than 8 bytes, ids with
# non-ASCII bytes, repeats within a group, across groups and across shards.
set -u
fail() { echo "FAIL: $*"; exit 1; }
TAB=$(printf '\t')
head="id${TAB}outlet${TAB}date${TAB}title${TAB}tokens${TAB}a_matches${TAB}a_score${TAB}a_rate${TAB}a_own"
row() {	# row ID OUTLET TOKENS MATCHES
	printf '%s\t%s\t2015-01-01\tt\t%s\t%s\t%s\t0\t0\n' "$1" "$2" "$3" "$4" "$4"
}
mkdir -p s1 s2
{
	echo "$head"
	row article-0002 X 100 1
	row article-0001 X 200 2
	row abcdefgh X 300 3
	row abcdefghi X 400 4
	row ab X 500 5
	row ab X 600 6		# repeat in the same group: left out
	row "été-1" Y 700 7
	row article-0001 Y 800 8	# repeat in another group: left out
	row "été-1" Y 900 9		# left out
	row "été-2" Y 1000 10
} >s1/scores.tsv
{
	echo "$head"
	row article-0002 Y 1100 11	# repeat in the second shard: left out
	row article-00021 Y 1200 12
} >s2/scores.tsv
$FRAMING stats s1/scores.tsv s2/scores.tsv -o o --bootstrap 10 2>err || { cat err; fail "stats exit $?"; }
grep -Fq "4 articles with an id seen before were left out" err || { cat err; fail "repeats"; }
# Group X keeps 100 + 200 + 300 + 400 + 500 tokens, Y 700 + 1000 + 1200.
awk -F'\t' '$2 == "a_rate" { print $1, $3, $4, $5 }' o/outlets.tsv >got
printf 'X 5 1500 15\nY 3 2900 29\n' | cmp -s - got || { cat got; fail "kept articles"; }
# Shards in the other order: the first read is kept, so other articles.
$FRAMING stats s2/scores.tsv s1/scores.tsv -o p --bootstrap 10 2>/dev/null || fail "swapped shards"
awk -F'\t' '$2 == "a_rate" { print $1, $3, $4, $5 }' p/outlets.tsv >got
printf 'X 4 1400 14\nY 4 4000 40\n' | cmp -s - got || { cat got; fail "kept articles, shards swapped"; }
echo ok
