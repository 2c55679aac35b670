# Issue 7: hostile score files for framing stats (hand-edited, or shards
# from elsewhere). Bad numbers are reported with FILE:LINE and exit 2;
# counts too large for exact statistics never hang GSL.
. "$ROOT/tests/e2e/hostile.lib"

lex="-l $ROOT/lexicons/stance.lex -l $ROOT/lexicons/actors.lex"
"$FRAMING" score -q $lex "$ROOT/corpus/seeds" -o "$T/s" || fail "score the seeds"
# The scores below are edited by hand: no longer the set run.tsv records.
rm "$T/s/run.tsv"
cp "$T/s/scores.tsv" "$T/orig.tsv"
set_rows() {	# set_rows VALUE: tokens and accusatory_matches of rows 2 and 3
	awk -F'\t' -v OFS='\t' -v v="$1" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; print; next }
		NR <= 3 { $c["tokens"] = v; $c["accusatory_matches"] = v } { print }' \
		"$T/orig.tsv" > "$T/s/scores.tsv"
}
for v in nan inf -inf 1e400 abc 2.5 1e18 1e23 -1; do
	set_rows "$v"
	case $v in
	-1) want="column 'tokens': negative count '-1'" ;;
	2.5|1e18|1e23) want="column 'tokens': '$v' is not a whole number up to 2^53" ;;
	*) want="column 'tokens': '$v' is not a number" ;;
	esac
	expect 2 "scores.tsv:2: $want" -- stats "$T/s/scores.tsv" -o "$T/o"
done
# 2^53 in two rows: the sums pass 1e15, where GSL's beta quantile would
# not return (it ran for hours on 1e18); the interval is NA with the reason.
set_rows 9007199254740992
start=$(date +%s)
expect 0 "" -- stats "$T/s/scores.tsv" -o "$T/o"
[ $(($(date +%s) - start)) -lt 30 ] || fail "stats of huge counts took 30 s or more"
grep -q "counts too large for an exact interval" "$T/o/compare.tsv" || fail "no reason for the NA"
grep -P '(^|\t)(-?nan|-?inf)(\t|$)' "$T/o"/*.tsv && fail "nan or inf in output"

# Header problems, an empty file, a NUL.
printf 'id\toutlet\n' > "$T/h.tsv"
expect 2 "h.tsv:1: no column 'date'" -- stats "$T/h.tsv" -o "$T/o2"
: > "$T/e.tsv"
expect 2 "e.tsv: empty file, expected a header line" -- stats "$T/e.tsv" -o "$T/o2"
{ head -n 2 "$T/orig.tsv"; printf 'x\tX\000\n'; } > "$T/n.tsv"
expect 2 "n.tsv:3: a NUL byte" -- stats "$T/n.tsv" -o "$T/o2"
[ -e "$T/o2" ] && fail "outputs written after an input error"
echo ok
