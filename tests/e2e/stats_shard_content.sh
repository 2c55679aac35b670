# What is beside a scores.tsv (trial of issue 18, findings 3 and 8).
# A terms.tsv or signatures.tsv that is /dev/zero, a FIFO or a 2 GB sparse
# file is refused before it is read or hashed (stats read /dev/zero without
# end). A shard whose scores.tsv and terms.tsv rows are each joined twice
# gave "cyber" twice its count, and one task's scores.tsv beside another's
# terms.tsv (the --stdout recipe) was taken: per outlet, terms.tsv's counts
# must add up to scores.tsv's tokens, and an (outlet, term) comes once.
. "$(dirname "$0")/hostile.lib"
# The default lexicons wherever the binary is (build/san/framing has none beside it).
FRAMING_LEXICONS=$ROOT/lexicons
export FRAMING_LEXICONS
cd "$T"
"$FRAMING" score -q "$ROOT/corpus/seeds" -o a 2>/dev/null || fail "score of the seeds"
rm -f a/run.tsv

# The sums the check relies on hold on the seeds: awk, independently.
sums() {
	awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) { if ($i == "tokens") c = i; if ($i == "outlet") o = i }; next }
		{ s[$o] += $c } END { for (k in s) if (s[k]) print k "\t" s[k] }' "$1" | sort
}
tsums() { awk -F'\t' 'NR > 1 { s[$1] += $3 } END { for (k in s) print k "\t" s[k] }' "$1" | sort; }
[ "$(sums a/scores.tsv)" = "$(tsums a/terms.tsv)" ] || fail "seeds: terms.tsv does not add up to the tokens"

# Finding 3: not a regular file, or a first line over the 16 MB bound.
for f in terms.tsv signatures.tsv matches.tsv; do
	rm -rf z; mkdir z; cp a/scores.tsv a/terms.tsv a/signatures.tsv a/matches.tsv z/
	rm z/$f; ln -s /dev/zero z/$f
	timeout 20 "$FRAMING" stats -q z/scores.tsv -o zo >"$T/stdout" 2>"$T/stderr"
	st=$?
	[ "$st" -eq 2 ] || fail "$f -> /dev/zero: status $st, expected 2"
	grep -q "z/$f: not a regular file" "$T/stderr" || fail "$f -> /dev/zero: $(cat "$T/stderr")"
done
rm z/matches.tsv; mkfifo z/matches.tsv
timeout 20 "$FRAMING" stats -q z/scores.tsv -o zo 2>"$T/stderr"
[ $? -eq 2 ] || fail "a FIFO matches.tsv: not refused"
rm -rf z; mkdir z; cp a/scores.tsv a/signatures.tsv z/
truncate -s 2G z/terms.tsv || fail "truncate"
if have_time && ! sanitized; then
	kb=$(peak_kb "$FRAMING" stats -q z/scores.tsv -o zo)
	[ "$kb" -lt 200000 ] || fail "a 2 GB sparse terms.tsv: $kb KB"
fi
expect 2 "z/terms.tsv:1: a line of more than 16777216 bytes" -- stats -q z/scores.tsv -o zo

# Finding 8: a shard joined to itself, rows and terms.
mkdir d
{ cat a/scores.tsv; tail -n +2 a/scores.tsv; } > d/scores.tsv
{ cat a/terms.tsv; tail -n +2 a/terms.tsv; } > d/terms.tsv
expect 2 "d/terms.tsv:[0-9]*: outlet 'China Daily', term '12th' again (first on line 2)" \
	-- stats -q d/scores.tsv -o do
# A hand-made shard with tokens NA: the sums cannot be checked, the rows still are.
mkdir n
awk -F'\t' -v OFS='\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "tokens") c = i }
	NR == 2 { $c = "NA" } { print }' a/scores.tsv > n/scores.tsv
cp d/terms.tsv n/
expect 2 "n/terms.tsv:[0-9]*: outlet 'China Daily', term '12th' again" -- stats -q n/scores.tsv -o no
cp a/terms.tsv n/
expect 0 "" -- stats -q n/scores.tsv -o no
# The same terms.tsv, shuffled: not in score's order, so hashed; the same keyness.
mkdir s
cp a/scores.tsv a/matches.tsv a/signatures.tsv s/
{ head -n 1 a/terms.tsv; tail -n +2 a/terms.tsv | sort -t "$tab" -k 3,3n -k 2,2r; } > s/terms.tsv
"$FRAMING" stats -q s/scores.tsv -o so 2>/dev/null || fail "a shuffled terms.tsv refused"
"$FRAMING" stats -q a/scores.tsv -o ao 2>/dev/null || fail "stats of the seeds"
cmp -s so/keyness.tsv ao/keyness.tsv || fail "a shuffled terms.tsv: other keyness"
{ cat s/terms.tsv; sed -n 5p s/terms.tsv; } > s/t2 && mv s/t2 s/terms.tsv
expect 2 "s/terms.tsv:[0-9]*: outlet .* again (first on line 5)" -- stats -q s/scores.tsv -o so

# Two --stdout tasks, each with --terms; one folder holds task 2's scores beside task 1's terms.
head -n 3 "$ROOT/tests/fixtures/seeds.jsonl" > p1.jsonl
tail -n +4 "$ROOT/tests/fixtures/seeds.jsonl" > p2.jsonl
[ -s p2.jsonl ] || fail "seeds.jsonl too short"
"$FRAMING" score -q --jsonl p1.jsonl --stdout --terms t1.tsv > s1.tsv || fail "task 1"
"$FRAMING" score -q --jsonl p2.jsonl --stdout --terms t2.tsv > s2.tsv || fail "task 2"
mkdir m1 m2 mix
cp s1.tsv m1/scores.tsv; cp t1.tsv m1/terms.tsv
cp s2.tsv m2/scores.tsv; cp t2.tsv m2/terms.tsv
cp s2.tsv mix/scores.tsv; cp t1.tsv mix/terms.tsv
expect 0 "" -- stats -q m1/scores.tsv m2/scores.tsv -o mo
expect 2 "mix/terms.tsv: outlet '.*': [0-9]* words, but [0-9]* tokens in mix/scores.tsv" \
	-- stats -q m1/scores.tsv mix/scores.tsv -o xo
[ ! -e xo/keyness.tsv ] || fail "a mixed shard: keyness.tsv written"
echo ok
