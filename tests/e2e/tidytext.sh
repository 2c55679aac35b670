#!/bin/sh
# Issue 2 acceptance: framing's word counts agree with tidytext's
# unnest_tokens + inner_join on the six Austen novels (725,055 words) within
# 1% (scripts/check-tidytext). Skipped (exit 77, the reason on the last
# line; see tests/run) where R, tidytext or janeaustenr are not installed:
# CI machines need not carry R. About 8 s.
if ! command -v Rscript >/dev/null 2>&1; then
	echo "skip: Rscript not installed"
	exit 77
fi
if ! Rscript -e 'quit(status = !all(sapply(c("tidytext", "janeaustenr", "dplyr"), requireNamespace, quietly = TRUE)))' >/dev/null 2>&1; then
	echo "skip: R packages tidytext, janeaustenr or dplyr not installed"
	exit 77
fi
exec "$ROOT/scripts/check-tidytext" --bin "$FRAMING"
