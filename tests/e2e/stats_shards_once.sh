# A shard given twice (issue 18, item 6): framing stats a/scores.tsv
# a/scores.tsv dropped the repeated ids but added a/terms.tsv twice to
# keyness. A shard repeated by path, by another path to the same file, as
# a copy, or through a sibling (terms.tsv, matches.tsv, signatures.tsv)
# that is the same file, is refused before anything is read; shards
# without articles may be alike.
. "$(dirname "$0")/hostile.lib"
cd "$T"
"$FRAMING" score -q -l "$ROOT/lexicons/stance.lex" -l "$ROOT/lexicons/actors.lex" \
	"$ROOT/corpus/seeds" -o a 2>/dev/null || fail "score of the seeds"
expect 2 "a/scores.tsv: the same file as a/scores.tsv: each shard may be given once" \
	-- stats -q a/scores.tsv a/scores.tsv -o s
[ ! -e s/keyness.tsv ] || fail "a repeated shard: keyness.tsv written"
expect 2 "a/../a/scores.tsv: the same file as a/scores.tsv" -- stats -q a/scores.tsv a/../a/scores.tsv -o s
mkdir b c
cp a/scores.tsv a/terms.tsv a/matches.tsv a/signatures.tsv b/
expect 2 "b/scores.tsv: the same content as a/scores.tsv" -- stats -q a/scores.tsv b/scores.tsv -o s
# c holds other rows but a's terms.tsv.
{ head -n 1 a/scores.tsv; sed -n 3p a/scores.tsv; } > c/scores.tsv
ln -s ../a/terms.tsv c/terms.tsv
expect 2 "c/terms.tsv: the same file as a/terms.tsv" -- stats -q a/scores.tsv c/scores.tsv -o s
# Two shards without articles are alike and fine.
mkdir e1 e2
head -n 1 a/scores.tsv > e1/scores.tsv
head -n 1 a/scores.tsv > e2/scores.tsv
# Shards carry the declarations score writes beside them (stats refuses shards that differ).
cp a/categories.tsv e1/ && cp a/categories.tsv e2/
expect 0 "" -- stats -q a/scores.tsv e1/scores.tsv e2/scores.tsv -o s
"$FRAMING" stats -q a/scores.tsv -o one 2>/dev/null || fail "stats of one shard"
cmp one/keyness.tsv s/keyness.tsv || fail "empty shards changed keyness.tsv"
echo ok
