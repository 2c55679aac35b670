#!/bin/sh
# Issue 15, actors for any lexicon: targets.tsv (score) and
# targets_by_group.tsv (stats) on a hand-written corpus with three actors
# (an @actors file) and two other categories, every row worked out by hand
# below; the shares' intervals and the rates' as R computes them; the same
# bytes for any -j, with --stdout --targets and from shards; no actor, no
# rows; and on the seeds, README's awk line gives back the acc_china, acc_us
# and acc_both columns the framing before issue 15 wrote.
set -eu
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cd "$T"

printf '@actors\n[alpha] The first actor.\nalpha\n[beta] The second.\nbeta\n[gamma] The third.\ngamma\n' > actors3.lex
# "gamma welcome" shares its first word with the actor gamma.
printf '[blame] Blame.\nblame*\n[praise] Praise.\npraise\ngamma welcome\n' > cats.lex
cat > c.jsonl <<'EOF'
{"id":"a1","outlet":"o1","date":"2020-01-01","title":"One","text":"Alpha blames beta today. Praise for gamma here. We blame them all. Alpha earns praise and blame."}
{"id":"a2","outlet":"o1","date":"2020-01-02","title":"Two","text":"Beta did not blame gamma. Gamma welcome indeed. Blame, blame, blame. Not alpha, they say, but blame."}
{"id":"a3","outlet":"o2","date":"2020-01-03","title":"Three","text":"Gamma praise. Beta praise. Beta blame."}
{"id":"a4","outlet":"o2","date":"2020-01-04","title":"Four","text":"Nothing to see here at all."}
{"id":"a5","outlet":"o2","date":"2020-01-05","title":"Five","text":"Alpha and beta and gamma praise praise."}
EOF
# By hand, sentence by sentence (categories in lexicon order: blame, praise;
# actors: alpha, beta, gamma, then several, none):
#   a1: "Alpha blames beta" alpha+beta: blame several 1; "Praise for gamma":
#       praise gamma 1; "We blame them all": blame none 1; "Alpha earns praise
#       and blame": praise alpha 1, blame alpha 1.
#   a2: "Beta did not blame gamma": blame negated, not counted; "Gamma welcome
#       indeed": the praise entry overlaps the actor's word, counted on gamma;
#       "Blame, blame, blame": blame none 3; "Not alpha, they say, but blame":
#       alpha negated still names alpha (not 5 tokens before blame): blame alpha 1.
#   a3: praise gamma 1, praise beta 1, blame beta 1.   a4: no match, no row.
#   a5: alpha, beta and gamma in one sentence: praise several 2.
cat > want.tsv <<'EOF'
id	outlet	category	actor	matches
a1	o1	blame	alpha	1
a1	o1	blame	several	1
a1	o1	blame	none	1
a1	o1	praise	alpha	1
a1	o1	praise	gamma	1
a2	o1	blame	alpha	1
a2	o1	blame	none	3
a2	o1	praise	gamma	1
a3	o2	blame	beta	1
a3	o2	praise	beta	1
a3	o2	praise	gamma	1
a5	o2	praise	several	2
EOF
lex="-l cats.lex -l actors3.lex"
"$FRAMING" score -q --no-clean $lex -j 1 --jsonl c.jsonl -o out || fail "score failed"
diff want.tsv out/targets.tsv || fail "targets.tsv differs from the rows worked out by hand"
grep -q "$(printf 'output\ttargets.tsv\t')" out/run.tsv || fail "run.tsv does not list targets.tsv"
head -1 out/scores.tsv | grep -q acc_ && fail "scores.tsv still has acc_ columns"

# Any -j, and the filter, give the same bytes.
for j in 2 3 8; do
	"$FRAMING" score -q --no-clean $lex -j $j --jsonl c.jsonl -o j$j || fail "-j $j failed"
	cmp out/targets.tsv j$j/targets.tsv || fail "-j $j: targets.tsv differs"
done
"$FRAMING" score -q --no-clean $lex -j 3 --jsonl - --stdout --targets t.tsv < c.jsonl > s.tsv \
	|| fail "--stdout --targets failed"
cmp out/targets.tsv t.tsv || fail "--targets FILE differs from -o DIR's targets.tsv"
cmp out/scores.tsv s.tsv || fail "--stdout scores differ"
"$FRAMING" score -q $lex --jsonl c.jsonl --targets t2.tsv -o x 2>err && fail "--targets without --stdout was taken"
grep -q -- "--targets go with --stdout" err || fail "no message for --targets without --stdout: $(cat err)"

# stats: per group, category and actor. Shares by hand: o1 blame matches per
# article x = (3, 4): alpha y = (1, 1) 2/7, several (1, 0) 1/7, none (1, 3) 4/7;
# o1 praise x = (2, 1): alpha 1/3, gamma 2/3; o2 blame: a3 alone, beta 1/1;
# o2 praise x = (2, 2) (a3, a5): beta 1/4, gamma 1/4, several 2/4.
# Intervals, R (sandwich):
#   ci <- function(y, x) { fit <- lm(y ~ 0 + x, weights = 1 / x); S <- coef(fit)
#     se <- sqrt(sandwich::vcovHC(fit, type = "HC1"))[1]
#     plogis(qlogis(S) + c(-1, 1) * qt(.975, length(x) - 1) * se / (S * (1 - S))) }
#   ci(c(1, 1), c(3, 4)) -> 0.030545 0.835477     ci(c(1, 3), c(3, 4)) -> 3.36043e-05 0.999981
#   ci(c(1, 0), c(3, 4)) -> 7.3148e-09 1           ci(c(1, 0), c(2, 1)) -> 1.51612e-06 0.999994
#   ci(c(1, 1), c(2, 1)) -> 6.06447e-06 0.999998   ci(c(1, 0), c(2, 2)) -> 1.46296e-08 1
#   ci(c(0, 2), c(2, 2)) -> 9.19456e-12 1
# Rates per 1,000 tokens (tokens: a1 17, a2 17; a3 6, a4 6, a5 7), R:
#   rt <- function(y, t) { m <- glm(y ~ 1, offset = log(t), family = poisson)
#     se <- sqrt(sandwich::vcovHC(m, type = "HC1"))[1]
#     1000 * sum(y) / sum(t) * c(1, exp(c(-1, 1) * qt(.975, length(y) - 1) * se)) }
#   rt(c(1, 3), c(17, 17)) -> 117.647 0.204863 67561.4
#   rt(c(1, 0), c(17, 17)) -> 29.4118 8.91839e-05 9.69964e+06
#   rt(c(1, 0, 0), c(6, 6, 7)) -> 52.6316 0.633233 4374.51
#   rt(c(0, 0, 2), c(6, 6, 7)) -> 105.263 1.78651 6202.21
# (y the same share of t in every article: ss = 0, the interval is the rate.)
"$FRAMING" stats -q out/scores.tsv -o out || fail "stats failed"
cat > want_groups.tsv <<'EOF'
group	category	actor	articles	matches	category_articles	category_matches	share	share_lo	share_hi	rate	rate_lo	rate_hi
o1	blame	alpha	2	2	2	7	0.285714	0.030545	0.835477	58.8235	58.8235	58.8235
o1	blame	beta	0	0	2	7	0	NA	NA	0	NA	NA
o1	blame	gamma	0	0	2	7	0	NA	NA	0	NA	NA
o1	blame	several	1	1	2	7	0.142857	7.3148e-09	1	29.4118	8.91839e-05	9.69964e+06
o1	blame	none	2	4	2	7	0.571429	3.36043e-05	0.999981	117.647	0.204863	67561.4
o1	praise	alpha	1	1	2	3	0.333333	1.51612e-06	0.999994	29.4118	8.91839e-05	9.69964e+06
o1	praise	beta	0	0	2	3	0	NA	NA	0	NA	NA
o1	praise	gamma	2	2	2	3	0.666667	6.06447e-06	0.999998	58.8235	58.8235	58.8235
o1	praise	several	0	0	2	3	0	NA	NA	0	NA	NA
o1	praise	none	0	0	2	3	0	NA	NA	0	NA	NA
o2	blame	alpha	0	0	1	1	0	NA	NA	0	NA	NA
o2	blame	beta	1	1	1	1	1	NA	NA	52.6316	0.633233	4374.51
o2	blame	gamma	0	0	1	1	0	NA	NA	0	NA	NA
o2	blame	several	0	0	1	1	0	NA	NA	0	NA	NA
o2	blame	none	0	0	1	1	0	NA	NA	0	NA	NA
o2	praise	alpha	0	0	2	4	0	NA	NA	0	NA	NA
o2	praise	beta	1	1	2	4	0.25	1.46296e-08	1	52.6316	0.633233	4374.51
o2	praise	gamma	1	1	2	4	0.25	1.46296e-08	1	52.6316	0.633233	4374.51
o2	praise	several	1	2	2	4	0.5	9.19456e-12	1	105.263	1.78651	6202.21
o2	praise	none	0	0	2	4	0	NA	NA	0	NA	NA
EOF
diff want_groups.tsv out/targets_by_group.tsv || fail "targets_by_group.tsv differs"
# The R calls above, run again when R and sandwich are here.
if command -v Rscript >/dev/null 2>&1 && Rscript -e 'library(sandwich)' >/dev/null 2>&1; then
	cat > ci.R <<'EOF'
ci <- function(y, x) { fit <- lm(y ~ 0 + x, weights = 1 / x); S <- unname(coef(fit))
	se <- sqrt(sandwich::vcovHC(fit, type = "HC1"))[1]
	plogis(qlogis(S) + c(-1, 1) * qt(.975, length(x) - 1) * se / (S * (1 - S))) }
rt <- function(y, t) { m <- glm(y ~ 1, offset = log(t), family = poisson)
	se <- sqrt(sandwich::vcovHC(m, type = "HC1"))[1]
	1000 * sum(y) / sum(t) * c(1, exp(c(-1, 1) * qt(.975, length(y) - 1) * se)) }
cat(signif(c(ci(c(1, 1), c(3, 4)), ci(c(1, 3), c(3, 4)), ci(c(1, 0), c(3, 4)),
	ci(c(1, 0), c(2, 1)), ci(c(1, 1), c(2, 1)), ci(c(1, 0), c(2, 2)), ci(c(0, 2), c(2, 2)),
	rt(c(1, 3), c(17, 17)), rt(c(1, 0), c(17, 17)), rt(c(1, 0, 0), c(6, 6, 7)),
	rt(c(0, 0, 2), c(6, 6, 7))), 6), "\n")
EOF
	# The same numbers from framing's table, in the order of the R calls.
	awk -F'\t' '$1 == "o1" && $2 == "blame" && $3 == "alpha" { a = $9 " " $10 }
		$1 == "o1" && $2 == "blame" && $3 == "none" { b = $9 " " $10; r1 = $11 " " $12 " " $13 }
		$1 == "o1" && $2 == "blame" && $3 == "several" { c = $9 " " $10; r2 = $11 " " $12 " " $13 }
		$1 == "o1" && $2 == "praise" && $3 == "alpha" { d = $9 " " $10 }
		$1 == "o1" && $2 == "praise" && $3 == "gamma" { e = $9 " " $10 }
		$1 == "o2" && $2 == "praise" && $3 == "beta" { f = $9 " " $10; r3 = $11 " " $12 " " $13 }
		$1 == "o2" && $2 == "praise" && $3 == "several" { g = $9 " " $10; r4 = $11 " " $12 " " $13 }
		END { print a, b, c, d, e, f, g, r1, r2, r3, r4 }' out/targets_by_group.tsv > ours
	Rscript ci.R > theirs || fail "R failed"
	awk 'NR == FNR { for (i = 1; i <= NF; i++) w[i] = $i; n = NF; next }
		{ if (NF != n) exit 1
		  for (i = 1; i <= NF; i++) { d = $i - w[i]; if (d < 0) d = -d
			if (d > 1e-5 * (w[i] < 0 ? -w[i] : w[i]) + 1e-12) exit 1 } }' theirs ours \
		|| fail "framing's intervals differ from R's: $(cat ours) / $(cat theirs)"
else
	echo "skip: R with sandwich not installed (the expected values were computed with it)"
fi

# Shards of one corpus (scored apart, read by one stats run) give the same table.
head -2 c.jsonl > s1.jsonl && tail -n +3 c.jsonl > s2.jsonl
"$FRAMING" score -q --no-clean $lex --jsonl s1.jsonl -o s1 || fail "score shard 1 failed"
"$FRAMING" score -q --no-clean $lex -j 2 --jsonl s2.jsonl -o s2 || fail "score shard 2 failed"
cat s1/targets.tsv > joined.tsv && tail -n +2 s2/targets.tsv >> joined.tsv
cmp out/targets.tsv joined.tsv || fail "the shards' targets.tsv rows differ from one run's"
"$FRAMING" stats -q s1/scores.tsv s2/scores.tsv -o shards || fail "stats over shards failed"
cmp out/targets_by_group.tsv shards/targets_by_group.tsv || fail "shards: targets_by_group.tsv differs"

# A group map groups the rows as every other table.
printf 'outlet\tgroup\no1\tall\no2\tall\n' > map.tsv
"$FRAMING" stats -q --group-map map.tsv out/scores.tsv -o mapped || fail "stats --group-map failed"
grep -q "$(printf '^all\tpraise\tseveral\t1\t2\t4\t7\t')" mapped/targets_by_group.tsv \
	|| fail "--group-map: no pooled row for praise/several: $(cat mapped/targets_by_group.tsv)"

# No actor: targets.tsv and targets_by_group.tsv have their header only.
"$FRAMING" score -q --no-clean -l cats.lex --jsonl c.jsonl -o noact || fail "score without actors failed"
[ "$(cat noact/targets.tsv)" = "$(head -1 want.tsv)" ] || fail "no actor: targets.tsv has rows"
"$FRAMING" stats -q noact/scores.tsv -o noact || fail "stats without actors failed"
[ "$(wc -l < noact/targets_by_group.tsv)" -eq 1 ] || fail "no actor: targets_by_group.tsv has rows"

# The chart: drawn with actors and matches (a panel per category, in the
# report under its own heading); with no actor, no chart, no section and no
# message, and an old targets.svg in the folder goes.
if command -v gnuplot >/dev/null 2>&1; then
	"$FRAMING" chart -q -i out -o out 2>err || fail "chart failed: $(cat err)"
	[ -s out/targets.svg ] && [ -s out/targets.png ] || fail "no targets chart"
	grep -q "Matches of 'blame'" out/targets.svg && grep -q "Matches of 'praise'" out/targets.svg \
		|| fail "targets.svg lacks a category's panel"
	grep -q "Matches of 'alpha'" out/targets.svg && fail "targets.svg has a panel of an actor"
	grep -q "$(printf 'output\ttargets.svg\t')" out/run.tsv || fail "run.tsv does not list targets.svg"
	cp out/targets.svg noact/targets.svg
	"$FRAMING" chart -i noact -o noact > msg 2>&1 || fail "chart without actors failed: $(cat msg)"
	[ -e noact/targets.svg ] && fail "no actor: an old targets.svg was left"
	grep -i target msg && fail "no actor: chart spoke of targets"
	"$FRAMING" report -q --no-clean $lex --jsonl c.jsonl -o rep 2>err || fail "report failed: $(cat err)"
	grep -q '<h2 id="targets">' rep/report.html || fail "report: no targets section"
	"$FRAMING" report -q --no-clean -l cats.lex --jsonl c.jsonl -o rep0 2>err || fail "report failed: $(cat err)"
	[ -e rep0/targets.svg ] && fail "report without actors drew targets.svg"
	grep -q 'id="targets"' rep0/report.html && fail "report without actors has a targets section"
else
	echo "skip: gnuplot not installed (the chart part)"
fi

# A hand-edited targets.tsv is read as input: a bad count is refused at FILE:LINE.
cp -r out bad && rm bad/run.tsv && sed -i 's/\t3$/\tthree/' bad/targets.tsv
"$FRAMING" stats -q bad/scores.tsv -o bad 2>err && fail "a bad count was taken"
grep -q "bad/targets.tsv:8: matches 'three' is not a count" err || fail "message: $(cat err)"

# The seeds with the shipped lexicons: README's awk line makes the old
# acc_china, acc_us and acc_both columns of scores.tsv from targets.tsv; they
# must be what the framing before issue 15 wrote (FRAMING_OLD, the session's
# baseline binary; it reads the same lexicons without their @ lines). Without
# that binary, its output as recorded from it.
(cd "$ROOT" && "$FRAMING" score -q corpus/seeds -o "$T/seeds") || fail "score seeds failed"
# README's line, as written there (output/ is this run's seeds/).
sed -n '/^    awk -F.\\t. .NR == FNR/,/output\/scores.tsv$/p' "$ROOT/README.md" \
	| sed 's/^    //; s#output/#seeds/#g' > acc.sh
[ "$(wc -l < acc.sh)" -eq 4 ] || fail "README: no awk line for the old columns: $(cat acc.sh)"
sh acc.sh > new_acc.tsv || fail "README's awk line failed"

old=${FRAMING_OLD:-/work/baseline/framing-s6}
if [ -x "$old" ]; then
	mkdir oldlex
	for f in "$ROOT"/lexicons/*.lex; do grep -v '^@' "$f" > "oldlex/$(basename "$f")"; done
	(cd "$ROOT" && "$old" score -q -l "$T/oldlex/actors.lex" -l "$T/oldlex/stance.lex" \
		corpus/seeds -o "$T/old") || fail "$old: score seeds failed"
	awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i }
		{ print $1 "\t" $c["acc_china"] "\t" $c["acc_us"] "\t" $c["acc_both"] }' \
		old/scores.tsv > old_acc.tsv
	[ "$(wc -l < old_acc.tsv)" -eq 6 ] || fail "$old wrote no acc_ columns: $(head -1 old/scores.tsv)"
else
	echo "skip: no baseline binary $old; compared with its recorded output"
	printf 'id\tacc_china\tacc_us\tacc_both\n' > old_acc.tsv
	cat >> old_acc.tsv <<'EOF'
cd-2014-10-20	0	0	7
ptv-2014-10-19	0	0	11
sp-2015-09-17	0	0	1
cd-2015-09-11	0	0	3
cd-2013-06-04	0	0	3
EOF
fi
diff old_acc.tsv new_acc.tsv || fail "seeds: targets.tsv differs from the old acc_ columns"
exit 0
