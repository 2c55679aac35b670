# A trial of issue 19: the stance chart's axis was set by the t-interval of
# a group of 2 articles (t with 1 df: about +-130 here) and squashed every
# other row to a line. Such an interval, more than 4 times the widest of
# the groups of 5 articles or more, now runs off the edge; the seeds,
# where every group is small, are drawn as before (report_seeds).
. "$ROOT/tests/e2e/hostile.lib"
command -v gnuplot >/dev/null 2>&1 || { echo "skip: gnuplot missing"; exit 77; }
{
	printf 'id\toutlet\tdate\ttitle\ttokens\taccusatory_matches\taccusatory_score\taccusatory_rate\taccusatory_own\tstance\n'
	i=0
	while [ $i -lt 20 ]; do
		i=$((i + 1))
		printf 'a%02d\tAlpha\t2020-01-01\tt\t500\t2\t2\tNA\t1\t0.%d\n' $i $((i % 7))
		printf 'b%02d\tBeta\t2020-01-01\tt\t500\t1\t1\tNA\t1\t-0.%d\n' $i $((i % 5))
	done
	printf 'c01\tTiny\t2020-01-01\tt\t500\t0\t0\tNA\t0\t-10\n'
	printf 'c02\tTiny\t2020-01-01\tt\t500\t9\t9\tNA\t9\t10\n'
} > "$T/scores.tsv"
mkdir -p "$T/o" && cp "$T/scores.tsv" "$T/o/scores.tsv"
expect 0 "" -- stats -q "$T/o/scores.tsv" -o "$T/o" --bootstrap 50 --permutations 50
expect 0 "" -- chart -q -i "$T/o" --format svg
grep -q 'Tiny (2 articles)' "$T/o/stance.svg" || fail "no row of Tiny"
# Tick labels stay within the other groups' scale (means 0 and +-0.3, Tiny's mean 0).
ticks=$(grep -o '<text[^>]*>[^<]*</text>' "$T/o/stance.svg" | sed 's/<[^>]*>//g' | grep -E '^ *-?[0-9.]+ *$' | tr -d ' ' | sort -n)
[ -n "$ticks" ] || fail "no numeric tick labels found in stance.svg"
max=$(printf '%s\n' "$ticks" | awk '{ a = $1 < 0 ? -$1 : $1; if (a > m) m = a } END { print m + 0 }')
awk -v m="$max" 'BEGIN { exit !(m <= 20) }' || fail "the stance axis reaches $max: set by a group of 2 articles"
echo ok
