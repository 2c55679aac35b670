#!/bin/sh
# framing stats on a hand-written scores.tsv (tests/e2e/stats-fixture):
# exact output lines checked against R, byte-identical reruns, --seed
# changing only the bootstrap and permutation columns, --dedup, --by,
# shards read as one table, and usage errors.
set -u
fx="$ROOT/tests/e2e/stats-fixture"
fail() { echo "FAIL: $*"; exit 1; }
has() { grep -Fxq "$2" "$1" || { echo "missing in $1:"; echo "$2"; exit 1; }; }
TAB=$(printf '\t')
line() { printf '%s' "$1" | tr '|' "$TAB"; }

cp "$fx"/*.tsv . || fail "copy fixture"
# Few shuffles force Monte Carlo permutations (the groups are small enough
# for exact enumeration otherwise) and few resamples make the bootstrap
# percentiles move with the seed, so that --seed has something to change.
$FRAMING stats scores.tsv -o a --permutations 20 --bootstrap 30 2>err || fail "stats exit $?"
for f in outlets compare tests keyness; do
	[ -s a/$f.tsv ] || fail "no a/$f.tsv"
done
grep -qiE 'nan|inf' a/*.tsv && fail "nan or inf in output"
grep -Fq "1 article without tokens was left out" err || fail "no warning about sp-0"

# Article-level (HC1) interval, R: x <- c(6,3,1,4); t <- c(400,250,500,320)/1000;
#    m <- glm(x ~ 1, offset = log(t), family = poisson);
#    se <- sqrt(sandwich::vcovHC(m, type = "HC1"))[1]; 14/1.47 * exp(c(-1,1) * qt(.975, 3) * se)
#    -> 2.92384 31.0218; dispersion sum((x - 14/1.47*t)^2 / (14/1.47*t)) / 3 -> 1.56333;
#    poisson.test(14, 1470)$conf.int * 1000 -> 5.20676 15.9793;
#    a <- c(6,3,1,4)/c(400,250,500,320)*1000: mean 10.375, sd 5.73549,
#    t.test(a)$conf.int 1.24856 19.5014, median 12.25; boot_lo, boot_hi: BCa of 30
#    resamples from framing's taus2 stream (not R's; the BCa step is checked
#    against R in tests/unit/test_resample.c)
has a/outlets.tsv "$(line 'China Daily|accusatory_rate|4|1470|14|9.52381|2.92384|31.0218|5.20676|15.9793|1.56333|10.375|5.73549|1.24856|19.5014|12.25|4.625|13.7279|')"
# Sputnik has one article left: no sd, no intervals of the mean, and no
# article-level rate interval (NA, the note says why; the exact Poisson one,
# which assumes independent matches, stays in the _poisson columns).
# R: poisson.test(0, 350) -> 0 10.5397
has a/outlets.tsv "$(line 'Sputnik|accusatory_rate|1|350|0|0|NA|NA|0|10.5397|NA|0|NA|NA|NA|0|NA|NA|rate: one article, so no article-level interval (rate_lo_poisson and rate_hi_poisson assume independent matches); mean: one article; boot: one article')"
has a/outlets.tsv "$(line 'Press TV|conciliatory_own_rate|3|740|0|0|NA|NA|0|4.98497|NA|0|0|NA|NA|0|NA|NA|rate: no matches, so no article-level interval (rate_lo_poisson and rate_hi_poisson assume independent matches); mean: zero variance; boot: zero variance')"
# R: b <- c(3,5,2)/c(260,180,300)*1000; t.test(a, b) -> t -0.707856, df 2.81276, p 0.53317;
#    wilcox.test(a, b) -> W 6, p 1; poisson.test(c(14,10), c(1470,740)) -> 0.704762 [0.291147, 1.77343];
#    HC1, each group its own variance, Welch-Satterthwaite df:
#    v <- function(x, t) sandwich::vcovHC(glm(x ~ 1, offset = log(t), family = poisson), type = "HC1")[1]
#    va <- v(c(6,3,1,4), c(400,250,500,320)/1000); vb <- v(c(3,5,2), c(260,180,300)/1000)
#    df <- (va + vb)^2 / (va^2/3 + vb^2/2); se <- sqrt(va + vb); b <- log(0.704762)
#    exp(b + c(-1,1) * qt(.975, df) * se) -> 0.164322 3.02266, 2 * pt(-abs(b / se), df) -> 0.555856
#    (df 4.58801); the same on conciliatory_matches -> p 0.292712.
#    p_holm: NA, as groups of 4 and 3 articles have no seat in the Holm family (fewer
#    than 5 articles; Holm's arithmetic itself is checked against p.adjust in test_stats.c)
#    over the family (accusatory_rate, conciliatory_rate by rr_p, stance by welch_p; the
#    Sputnik rows have no rr_p and are out)
has a/compare.tsv "$(line 'China Daily|Press TV|accusatory_rate|4|3|10.375|15.3276|-4.95264|-0.707856|2.81276|0.53317|6|1|0.714286|-0.597907|0.704762|0.164322|3.02266|0.555856|0.291147|1.77343|NA|p_holm: outside the Holm family, a group of fewer than 5 articles')"
has a/compare.tsv "$(line 'China Daily|Sputnik|stance|4|1|0.675188|-2.19722|2.87241|NA|NA|NA|4|0.4|0.2|NA|NA|NA|NA|NA|NA|NA|NA|welch: fewer than 2 articles; d: fewer than 2 articles')"
# A group without matches: no article-level test (the exact conditional one,
# poisson.test(c(14,0), c(1470,350))$p.value -> 0.0871216, assumes independent
# matches and once stood in here), so no seat in the Holm family.
has a/compare.tsv "$(line 'China Daily|Sputnik|accusatory_rate|4|1|10.375|0|10.375|NA|NA|NA|4|0.4|0.2|NA|NA|NA|NA|NA|NA|NA|NA|welch: fewer than 2 articles; d: fewer than 2 articles; rate_ratio: no matches in group b, so no article-level interval or test (rr_lo_poisson and rr_hi_poisson assume independent matches); p_holm: outside the Holm family, no rr_p')"
# One article in a group: the same; the _poisson columns stay,
#    R: poisson.test(c(8,4), c(1470,350))$conf.int -> 0.127573 2.16094
has a/compare.tsv "$(line 'China Daily|Sputnik|conciliatory_rate|4|1|5.125|11.4286|-6.30357|NA|NA|NA|0|0.4|0.4|NA|0.47619|NA|NA|NA|0.127573|2.16094|NA|welch: fewer than 2 articles; d: fewer than 2 articles; rate_ratio: one article in a group, so no article-level interval or test (rr_lo_poisson and rr_hi_poisson assume independent matches); p_holm: outside the Holm family, no rr_p')"
# Outside the family: _own rows. R: HC1 as above on c(4,1,1,2) and c(3,5,1) -> 0.072875 2.74755, p 0.281334
#    poisson.test(c(8,9), c(1470,740))$conf.int -> 0.150225 1.30662
has a/compare.tsv "$(line 'China Daily|Press TV|accusatory_own_rate|4|3|5.5625|14.2165|-8.65402|-1.17194|2.22974|0.351183|3|0.4|0.238095|-1.04209|0.447468|0.072875|2.74755|0.281334|0.150225|1.30662|NA|p_holm: outside the Holm family')"
# R: kruskal.test(list(a, b, 0)) -> 2.33333, p 0.311403
has a/tests.tsv "$(line 'kruskal|accusatory_rate|3|8|2.33333|2|0.311403|NA|NA|')"
# R: chisq.test(matrix(c(14,10,0,8,1,4), nrow = 3)) -> 10.6731, p 0.0048125 (p_asymptotic);
#    V = sqrt(X2/37); p from 20 random relabellings of the articles
has a/tests.tsv "$(line 'chisq|categories|3|37|10.6731|2|0.238095|0.537086|0.0048125|p: random, 20 relabellings of articles')"
# Monroe et al. by hand: CD has 5 of 1470 tokens, the rest 0 of 1090; alpha_0 = 2560, alpha_w = 5:
#   log(10/4020) - log(5/3645) = 0.595222; z = 0.595222/sqrt(1/10 + 1/5) = 1.08672
#   (R: log(10/4020) - log(5/3645); that / sqrt(1/10 + 1/5))
has a/keyness.tsv "$(line 'China Daily|accusations|5|0|0.595222|1.08672|0|NA|token')"
has a/keyness.tsv "$(line 'Sputnik|cooperation|4|1|1.09861|2.08447|1|conciliatory|entry')"

# Same input and seed: the same bytes.
$FRAMING stats scores.tsv -o b --permutations 20 --bootstrap 30 2>/dev/null || fail "second run"
for f in outlets compare tests keyness; do
	cmp -s a/$f.tsv b/$f.tsv || fail "$f.tsv differs between two runs"
done

# Any number of threads: the same bytes (-j 1 computes keyness at the
# end, more threads beside the other tables).
for j in 1 4; do
	$FRAMING stats scores.tsv -o j$j -j $j --permutations 20 --bootstrap 30 2>/dev/null || fail "-j $j"
	for f in outlets compare tests keyness; do
		cmp -s a/$f.tsv j$j/$f.tsv || fail "$f.tsv differs with -j $j"
	done
done

# --seed 2 changes the bootstrap (outlets 17-18) and permutation (compare 14) columns only.
$FRAMING stats scores.tsv -o c --permutations 20 --bootstrap 30 --seed 2 2>/dev/null || fail "seed 2"
cut -f1-16,19- a/outlets.tsv >x1; cut -f1-16,19- c/outlets.tsv >x2
cmp -s x1 x2 || fail "--seed changed other outlets.tsv columns"
cmp -s a/outlets.tsv c/outlets.tsv && fail "--seed did not change the bootstrap"
cut -f1-13,15- a/compare.tsv >x1; cut -f1-13,15- c/compare.tsv >x2
cmp -s x1 x2 || fail "--seed changed other compare.tsv columns"
cmp -s a/compare.tsv c/compare.tsv && fail "--seed did not change perm_p"
# tests.tsv: only the chisq rows' p (column 7), from random relabellings.
cut -f1-6,8- a/tests.tsv >x1; cut -f1-6,8- c/tests.tsv >x2
cmp -s x1 x2 || fail "--seed changed other tests.tsv columns"
grep -v '^chisq' a/tests.tsv >x1; grep -v '^chisq' c/tests.tsv >x2
cmp -s x1 x2 || fail "--seed changed tests.tsv rows other than chisq"
cmp -s a/keyness.tsv c/keyness.tsv || fail "--seed changed keyness.tsv"

# Default (10,000 shuffles): C(7,4) = 35 splits are enumerated, exact p.
# R: pool <- c(a, b); cmb <- combn(7, 4); mean(abs diff >= observed) -> 0.542857
$FRAMING stats scores.tsv -o e 2>/dev/null || fail "exact run"
grep -F "$(line 'China Daily|Press TV|accusatory_rate|4|3|')" e/compare.tsv | cut -f14 | grep -qx 0.542857 \
	|| fail "exact permutation p"
# 8! / (4! 3! 1!) = 280 relabellings of the articles are enumerated: exact p.
# R (tests/unit/test_resample.c has the code): permx2(X, g) -> 0.1678571, 0.06428571
has e/tests.tsv "$(line 'chisq|categories|3|37|10.6731|2|0.167857|0.537086|0.0048125|p: exact, all 280 relabellings of articles')"
has e/tests.tsv "$(line 'chisq|categories_own|3|27|12.2975|2|0.0642857|0.674879|0.00213617|p: exact, all 280 relabellings of articles')"

# Near-duplicates from signatures.tsv (made by framing score from texts where
# cd-4 is cd-1 cut and extended, and cd-2 is ptv-1 with one more sentence).
# --dedup: ptv-1 (earlier) keeps cd-2's cluster, cd-1 keeps cd-4's.
$FRAMING stats scores.tsv -o d --dedup 2>err || fail "dedup exit"
printf 'id_a\tid_b\toutlet_a\toutlet_b\tsimilarity\ncd-1\tcd-4\tChina Daily\tChina Daily\t0.742188\nptv-1\tcd-2\tPress TV\tChina Daily\t0.992188\n' \
	| cmp - d/duplicates.tsv || fail "duplicates.tsv"
grep -Fq "dedup: dropped 2 near-duplicate articles (2 clusters, 1 across outlets)" err \
	|| { cat err; fail "dedup message"; }
# R: x <- c(6,1); t <- c(.4,.5); HC1 as above with qt(.975, 1) -> 0.000216831 278990, phi 4.82857
# Two articles (2 and 15): resampled means 2, 8.5 or 15, a quarter of them
# below the mean and half equal to it (counted half), so z0 = 0, a = 0 and
# BCa is the percentile interval [2, 15].
has d/outlets.tsv "$(line 'China Daily|accusatory_rate|2|900|7|7.77778|0.000216831|278990|3.12707|16.0252|4.82857|8.5|9.19239|-74.0903|91.0903|8.5|2|15|')"

# --by another column: groups are its values; keyness warns it stays by outlet.
$FRAMING stats scores.tsv -o w --by wire 2>err || fail "by wire"
cut -f1 w/outlets.tsv | sort -u | tr '\n' ',' | grep -qx 'Agencies,NA,Xinhua,group,' || fail "wire groups"
grep -Fq "keyness groups by outlet, not by 'wire'" err || fail "by warning"

# Two shards in two folders read as one table give the same numbers.
mkdir -p s1 s2
head -n 5 scores.tsv >s1/scores.tsv
{ head -n 1 scores.tsv; tail -n +6 scores.tsv; } >s2/scores.tsv
# Each shard's terms.tsv adds up to its tokens (stats checks): China Daily's 8 rows in s1.
head -n 9 terms.tsv >s1/terms.tsv
{ head -n 1 terms.tsv; tail -n +10 terms.tsv; } >s2/terms.tsv
head -n 12 matches.tsv >s1/matches.tsv
{ head -n 1 matches.tsv; tail -n +13 matches.tsv; } >s2/matches.tsv
$FRAMING stats s2/scores.tsv s1/scores.tsv -o s --permutations 20 --bootstrap 30 2>/dev/null || fail "shards"
for f in outlets compare tests keyness; do
	cmp -s a/$f.tsv s/$f.tsv || { diff a/$f.tsv s/$f.tsv | head; fail "shards: $f.tsv differs"; }
done

# Usage and input errors: status 2, "framing: FILE:LINE: ...".
$FRAMING stats --bootstrap x scores.tsv 2>err; [ $? = 2 ] || fail "bad option status"
$FRAMING stats missing.tsv 2>err; [ $? = 2 ] || fail "missing file status"
sed '3s/\t250\t/\tmany\t/' scores.tsv >bad.tsv
$FRAMING stats bad.tsv -o z 2>err; [ $? = 2 ] || fail "bad number status"
grep -Fq "framing: bad.tsv:3: column 'tokens': 'many' is not a number" err || { cat err; fail "bad number message"; }
$FRAMING stats --help | grep -q '^example: framing stats' || fail "help example"
echo ok
