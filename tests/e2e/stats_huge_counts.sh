#!/bin/sh
# Issue 16: a score file with 10^6 and 10^7 matches per group gives every
# interval of the rates and rate ratios (no NA) in under a second. GSL
# 2.7.1's gsl_cdf_beta_Pinv did not return for minutes at these counts and
# gsl_cdf_chisq_Pinv gave NaN; the quantiles are now Brent roots (quantile.c).
. "$ROOT/tests/e2e/hostile.lib"

# Four articles, two per outlet: accusatory sums to 1e6 and 1e7, conciliatory
# to 1e7 and 1e6 matches per outlet.
{
	printf 'id\toutlet\tdate\ttitle\ttokens\taccusatory_matches\taccusatory_score\taccusatory_rate\taccusatory_own\t'
	printf 'conciliatory_matches\tconciliatory_score\tconciliatory_rate\tconciliatory_own\tstance\n'
	printf 'a1\tA\t2020-01-01\tt\t40000000\t380000\t380000\t9.5\t100000\t4100000\t4100000\t102.5\t1000000\t-2.3\n'
	printf 'a2\tA\t2020-01-02\tt\t60000000\t620000\t620000\t10.3333\t200000\t5900000\t5900000\t98.3\t2000000\t-2.2\n'
	printf 'b1\tB\t2020-01-01\tt\t30000000\t4500000\t4500000\t150\t1000000\t520000\t520000\t17.3\t100000\t2.1\n'
	printf 'b2\tB\t2020-01-02\tt\t50000000\t5500000\t5500000\t110\t2000000\t480000\t480000\t9.6\t100000\t2.4\n'
} > "$T/scores.tsv"

limit=1
sanitized && limit=20
if have_time; then
	cpu=$(cpu_seconds "$FRAMING" stats -q "$T/scores.tsv" -o "$T/o")
	awk -v c="$cpu" -v l="$limit" 'BEGIN { exit !(c < l) }' \
		|| fail "framing stats took $cpu s of CPU (limit $limit s)"
else
	echo "skip: no /usr/bin/time, CPU time not measured"
	"$FRAMING" stats -q "$T/scores.tsv" -o "$T/o" || fail "framing stats failed"
fi

# Every interval of every rate row is a number: rate_lo .. rate_hi_poisson
# (7-10), the dispersion (11), mean_lo, mean_hi (14, 15) and the bootstrap (17, 18).
awk -F '\t' 'NR == 1 { if ($7 != "rate_lo" || $10 != "rate_hi_poisson" || $17 != "boot_lo") exit 2; next }
	$2 ~ /_rate$/ { for (i = 6; i <= 18; i++) if ($i == "NA" || $i == "") { print; exit 1 }; n++ }
	END { exit !(n == 8) }' "$T/o/outlets.tsv" || fail "an outlets.tsv interval is NA"
# rate_ratio .. rr_hi_poisson (16-21) of every rate row.
awk -F '\t' 'NR == 1 { if ($16 != "rate_ratio" || $21 != "rr_hi_poisson") exit 2; next }
	$3 ~ /_rate$/ { for (i = 16; i <= 21; i++) if ($i == "NA" || $i == "") { print; exit 1 }; n++ }
	END { exit !(n == 4) }' "$T/o/compare.tsv" || fail "a compare.tsv interval is NA"

# The numbers, against R: x <- c(380000, 620000); t <- c(40000, 60000) (tokens in thousands);
#   m <- glm(x ~ 1, offset = log(t), family = poisson); se <- sqrt(sandwich::vcovHC(m, type = "HC1"))[1]
#   10 * exp(c(-1,1) * qt(.975, 1) * se) -> 6.01548 16.6238; poisson.test(1e6, 1e5)$conf.int
#   -> 9.98041 10.0196; sum((x - 10*t)^2 / (10*t)) / 1 -> 1666.67
awk -F '\t' '$1 == "A" && $2 == "accusatory_rate" { ok = $6 == 10 && $7 == 6.01548 && $8 == 16.6238 &&
	$9 == 9.98041 && $10 == 10.0196 && $11 == 1666.67 } END { exit !ok }' "$T/o/outlets.tsv" \
	|| { head -n 3 "$T/o/outlets.tsv"; fail "A accusatory_rate"; }
# R: xb <- c(4500000, 5500000); tb <- c(30000, 50000); each group its own HC1 variance,
#   v <- function(x, t) sandwich::vcovHC(glm(x ~ 1, offset = log(t), family = poisson), type = "HC1")[1]
#   va <- v(x, t); vb <- v(xb, tb); df <- (va + vb)^2 / (va^2/1 + vb^2/1); se <- sqrt(va + vb)
#   0.08 * exp(c(-1,1) * qt(.975, df) * se) -> 0.0182298 0.351073; 2 * pt(-abs(log(0.08)/se), df)
#   -> 0.0272294 (df 1.14151)
#   poisson.test(c(1e6, 1e7), c(1e5, 8e4))$conf.int -> 0.0798356 0.0801646
awk -F '\t' '$1 == "A" && $2 == "B" && $3 == "accusatory_rate" { ok = $16 == 0.08 && $17 == 0.0182298 &&
	$18 == 0.351073 && $19 == 0.0272294 && $20 == 0.0798356 && $21 == 0.0801646 } END { exit !ok }' \
	"$T/o/compare.tsv" || { grep accusatory_rate "$T/o/compare.tsv"; fail "A B accusatory_rate ratio"; }
echo ok
