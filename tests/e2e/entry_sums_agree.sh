# Issue 12: one meaning of the per-entry sums. On the seeds, with one
# lexicon (stance.lex and actors.lex in one file), lexicon stats, lexicon
# diff, report.html and scores.tsv must say what the rows of matches.tsv
# say, per entry and per category:
#   negated = rows with negated=1, counted = the others (what every tool
#   prints as "matches", issue 18 item 9), quoted = counted rows with
#   quoted=1, own voice = counted - quoted; articles and outlets are those
#   with a counted row: a negated match counts nowhere but in negated.
set -eu
cd "$ROOT"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cat lexicons/stance.lex lexicons/actors.lex >"$tmp/old.lex"
# The same entries, every weight changed: lexicon diff lists every entry.
sed -E '/^[[:space:]]*(#|\[|@|$)/!s/$/ = 3/' "$tmp/old.lex" >"$tmp/new.lex"

"$FRAMING" score -l "$tmp/old.lex" corpus/seeds -o "$tmp/score"
"$FRAMING" report -l "$tmp/old.lex" corpus/seeds -o "$tmp/report" 2>"$tmp/report.err" ||
	{ cat "$tmp/report.err"; fail "report failed"; }
"$FRAMING" lexicon stats --tsv -l "$tmp/old.lex" corpus/seeds >"$tmp/stats.all"
# Its first table, the entries (the per-outlet one follows a blank line).
awk '/^$/ { exit } 1' "$tmp/stats.all" >"$tmp/stats"
"$FRAMING" lexicon diff --tsv "$tmp/old.lex" "$tmp/new.lex" corpus/seeds >"$tmp/diff"

M=$tmp/score/matches.tsv
S=$tmp/score/scores.tsv
cmp -s "$M" "$tmp/report/matches.tsv" || fail "score and report wrote different matches.tsv"
cmp -s "$S" "$tmp/report/scores.tsv" || fail "score and report wrote different scores.tsv"
[ "$(wc -l <"$M")" -gt 50 ] || fail "too few matches to compare"
grep -q '	1	1	' "$M" || fail "no match both quoted and negated: the seeds no longer test the rule"

# The sums from matches.tsv (id outlet category entry surface sentence
# offset quoted negated ...): "category<TAB>entry" -> counts.
awk -F'\t' 'NR > 1 {
	k = $3 "\t" $4; n[k]++
	if ($9 == 1) { neg[k]++; next }
	c[k]++; if ($8 == 1) q[k]++
	if (!((k, $1) in art)) { art[k, $1] = 1; na[k]++ }
	if (!((k, $2) in out)) { out[k, $2] = 1; no[k]++ }
}
END { for (k in n) printf "%s\t%d\t%d\t%d\t%d\t%d\t%d\n", k, n[k], c[k], neg[k], q[k], na[k], no[k] }' \
	"$M" | sort >"$tmp/want"
[ -s "$tmp/want" ] || fail "no matches in matches.tsv"

# lexicon stats: category entry matches articles outlets quoted negated where.
awk -F'\t' -v want="$tmp/want" '
	BEGIN { while ((getline l < want) > 0) { split(l, f, "\t"); k = f[1] "\t" f[2]
		m[k] = f[3]; c[k] = f[4]; neg[k] = f[5]; q[k] = f[6]; a[k] = f[7]; o[k] = f[8]; nm++ } }
	NR > 1 { k = $1 "\t" $2
		if (!(k in m)) { if ($3 != 0) { print "FAIL: stats " k ": " $3 " matches, none in matches.tsv"; bad = 1 }; next }
		share = c[k] ? sprintf("%.2f", q[k] / c[k]) : "NA"
		if ($3 != c[k] || $7 != neg[k] || $6 != share || $4 != a[k] || $5 != o[k]) {
			print "FAIL: stats " k ": matches " $3 " negated " $7 " quoted " $6 " articles " $4 " outlets " $5 \
				"; matches.tsv: " c[k] " " neg[k] " " share " " a[k] " " o[k]; bad = 1 }
		seen++ }
	END { if (seen != nm) { print "FAIL: stats lists " seen " of " nm " matched entries"; bad = 1 }
		exit bad }' "$tmp/stats" || fail "lexicon stats disagrees with matches.tsv"

# lexicon diff, entries block: change category entry old new, every entry
# listed (weights changed), old = new = counted matches.
awk -F'\t' -v want="$tmp/want" '
	BEGIN { while ((getline l < want) > 0) { split(l, f, "\t"); c[f[1] "\t" f[2]] = f[4]; nc++ } }
	NR == 1 { next }
	/^$/ { exit }
	{ k = $2 "\t" $3; n = (k in c) ? c[k] : 0
	  if ($4 != n || $5 != n) { print "FAIL: diff " k ": " $4 " -> " $5 ", matches.tsv counts " n; bad = 1 }
	  seen++ }
	END { if (seen < nc) { print "FAIL: diff lists " seen " entries"; bad = 1 }
		exit bad }' "$tmp/diff" || fail "lexicon diff disagrees with matches.tsv"

# report.html, top matches: per outlet, rows <td>category</td><td>entry</td>
# <td>counted</td><td>quoted</td>, against matches.tsv per outlet and entry.
awk -F'\t' 'NR > 1 && $9 == 0 { k = $2 "\t" $3 "\t" $4; c[k]++; q[k] += $8 }
	END { for (k in c) printf "%s\t%d\t%d\n", k, c[k], q[k] }' "$M" | sort >"$tmp/want_outlet"
sed -n '/<h2 id="matches">/,/<h2 id="coverage">/p' "$tmp/report/report.html" |
	sed -n -e 's|^<h3>\(.*\)</h3>$|outlet\t\1|p' \
	    -e 's|^<tr><td>\([^<]*\)</td><td>\([^<]*\)</td><td class="n">\([0-9]*\)</td><td class="n">\([0-9]*\)</td>.*|\1\t\2\t\3\t\4|p' |
	sed -e 's/&amp;/\&/g' -e "s/&#39;/'/g" -e 's/&quot;/"/g' |
	awk -F'\t' '$1 == "outlet" { o = $2; next } { print o "\t" $0 }' | sort >"$tmp/got_outlet"
[ "$(wc -l <"$tmp/got_outlet")" -gt 10 ] || fail "too few rows read from report.html"
awk -F'\t' -v want="$tmp/want_outlet" '
	BEGIN { while ((getline l < want) > 0) { split(l, f, "\t"); k = f[1] "\t" f[2] "\t" f[3]; c[k] = f[4]; q[k] = f[5] } }
	{ k = $1 "\t" $2 "\t" $3
	  if (!(k in c) || $4 != c[k] || $5 != q[k]) {
		print "FAIL: report " k ": " $4 " matches, " $5 " quoted; matches.tsv: " c[k] ", " q[k]; bad = 1 } }
	END { exit bad }' "$tmp/got_outlet" || fail "report.html disagrees with matches.tsv"

# Per outlet and category: scores.tsv's C_matches, C_own and negated sums,
# matches.tsv, and the old_matches of lexicon diff.
awk -F'\t' 'NR > 1 { k = $2 "\t" $3; n[k] += 0; if ($9 == 1) neg[$2]++; else { n[k]++; own[k] += ($8 == 0) } }
	END { for (k in n) printf "%s\t%d\t%d\n", k, n[k], own[k]; for (o in neg) printf "%s\tnegated\t%d\t0\n", o, neg[o] }' \
	"$M" | sort >"$tmp/want_cat"
awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i ~ /_matches$/) { cat[i] = substr($i, 1, length($i) - 8) }
		  else if ($i == "negated") negc = i
		  for (i in cat) { for (j = 1; j <= NF; j++) if ($j == cat[i] "_own") owncol[i] = j }
		  next }
	{ for (i in cat) { m[$2 "\t" cat[i]] += $i; own[$2 "\t" cat[i]] += $owncol[i] }; neg[$2] += $negc }
	END { for (k in m) if (m[k]) printf "%s\t%d\t%d\n", k, m[k], own[k]
	      for (o in neg) if (neg[o]) printf "%s\tnegated\t%d\t0\n", o, neg[o] }' "$S" | sort >"$tmp/got_cat"
diff "$tmp/want_cat" "$tmp/got_cat" >"$tmp/d" ||
	{ cat "$tmp/d"; fail "scores.tsv column sums disagree with matches.tsv"; }
awk -F'\t' 'BEGIN { block = 0 } /^$/ { block++; next }
	block == 1 && $1 != "outlet" && $4 != 0 { if ($4 != $5) { print "FAIL: diff " $1 " " $2 ": " $4 " -> " $5 }
		printf "%s\t%s\t%d\n", $1, $2, $4 }' "$tmp/diff" | sort >"$tmp/got_diffcat"
cut -f1-3 "$tmp/got_cat" | grep -v '	negated	' >"$tmp/want_diffcat"
diff "$tmp/want_diffcat" "$tmp/got_diffcat" >"$tmp/d" ||
	{ cat "$tmp/d"; fail "lexicon diff's matches per outlet disagree with scores.tsv"; }

# Mean stance per outlet: lexicon diff against the mean of scores.tsv
# (the fourth table, the declared indices: outlet index old_mean ...).
awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "stance") sc = i; next }
	{ s[$2] += $sc; n[$2]++ } END { for (o in s) printf "%s\t%.4f\n", o, s[o] / n[o] }' "$S" | sort >"$tmp/want_stance"
awk -F'\t' 'BEGIN { block = 0 } /^$/ { block++; next } block == 3 && $1 != "outlet" && $2 == "stance" { printf "%s\t%.4f\n", $1, $3 }' \
	"$tmp/diff" | sort >"$tmp/got_stance"
diff "$tmp/want_stance" "$tmp/got_stance" >"$tmp/d" ||
	{ cat "$tmp/d"; fail "lexicon diff's mean stance disagrees with scores.tsv"; }
echo ok
