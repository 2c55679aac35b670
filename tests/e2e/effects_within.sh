#!/bin/sh
# Issue 17: stories given by the user and within-story outlet effects.
# 1. A story column flows to scores.tsv from a manifest, JSON Lines (also
#    when the first line's story is null) and CSV.
# 2. A corpus with known truth where the pooled and the within-story
#    orders disagree: outlet A covers the heated stories but is the least
#    accusatory and the most conciliatory within every story it shares.
#    outlets.tsv shows A the most accusatory; `stats --within story` gives
#    A's within-story accusatory rate ratio below 1 and its stance
#    difference below 0, with intervals that exclude 1 and 0.
# 3. Usage errors and NA rows.
. "$ROOT/tests/e2e/hostile.lib"
cd "$T" || fail "cd"
# The shipped lexicons named, so the sanitizer build (outside bin/) finds them too.
frscore() { "$FRAMING" score -l "$ROOT/lexicons/stance.lex" -l "$ROOT/lexicons/actors.lex" "$@"; }
col() { awk -F'\t' -v n="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == n) c = i; next } { print $1 "=" (c ? $c : "MISSING") }' "$2"; }

# ---- 1. the story column flows ----
mkdir c
for i in 1 2 3; do
	printf 'Officials said the talks were groundless and baseless. Dialogue and cooperation went on.\n' > c/a$i.txt
done
printf 'id\tfile\toutlet\tdate\ttitle\tstory\nx1\ta1.txt\tA\t2015-01-01\tt\ts-1\nx2\ta2.txt\tB\t2015-01-02\tt\t\nx3\ta3.txt\tB\t2015-01-03\tt\ts-1\n' > c/manifest.tsv
frscore -q c -o m || fail "score manifest"
[ "$(col story m/scores.tsv | tr '\n' ' ')" = "x1=s-1 x2= x3=s-1 " ] || fail "manifest story: $(col story m/scores.tsv)"
text='Officials said the talks were groundless and baseless. Dialogue and cooperation went on.'
{
	printf '{"id":"x1","outlet":"A","date":"2015-01-01","story":null,"text":"%s"}\n' "$text"
	printf '{"id":"x2","outlet":"B","date":"2015-01-02","story":"s-1","text":"%s"}\n' "$text"
	printf '{"id":"x3","outlet":"B","date":"2015-01-03","story":7,"text":"%s"}\n' "$text"
} > a.jsonl
frscore -q --jsonl a.jsonl -o j || fail "score jsonl"
[ "$(col story j/scores.tsv | tr '\n' ' ')" = "x1= x2=s-1 x3=7 " ] || fail "jsonl story (null on the first line): $(col story j/scores.tsv)"
{
	printf 'id,outlet,date,story,text\n'
	printf 'x1,A,2015-01-01,s-1,"%s"\n' "$text"
	printf 'x2,B,2015-01-02,,"%s"\n' "$text"
	printf 'x3,B,2015-01-03,s-1,"%s"\n' "$text"
} > a.csv
frscore -q --csv a.csv -o v || fail "score csv"
[ "$(col story v/scores.tsv | tr '\n' ' ')" = "x1=s-1 x2= x3=s-1 " ] || fail "csv story: $(col story v/scores.tsv)"
# WARC: the --outlets table's columns besides host and outlet are extra
# columns of every page of the host (here each host a story's crawl);
# an unlisted host's are empty.
if command -v python3 >/dev/null 2>&1; then
	for h in s1.a.example s2.a.example s1.b.example c.example; do
		mkdir -p "w/$h"
		printf '<html><head><title>t</title></head><body><p>%s</p></body></html>\n' "$text $h" > "w/$h/p.html"
	done
	python3 "$ROOT/tests/warc/mkwarc.py" a.warc --layout plain --pages w || fail "mkwarc.py"
	printf 'host\toutlet\tstory\tregion\ns1.a.example\tA\ts-1\teast\ns2.a.example\tA\ts-2\teast\ns1.b.example\tB\ts-1\twest\n' > outlets.tsv
	frscore -q --warc a.warc --outlets outlets.tsv -o wo || fail "score warc"
	got=$(awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
		{ print $c["outlet"] "=" $c["story"] "=" $c["region"] }' wo/scores.tsv | sort | tr '\n' ' ')
	[ "$got" = "A=s-1=east A=s-2=east B=s-1=west c.example== " ] || fail "warc story: $got"
	head -n 1 wo/scores.tsv | grep -q "	url	story	region" || fail "warc columns: $(head -n 1 wo/scores.tsv)"
	printf 'host\toutlet\turl\nx\tX\tu\n' > bad.tsv
	expect 2 "a column 'url' would repeat" -- score -q -l "$ROOT/lexicons/stance.lex" --warc a.warc --outlets bad.tsv -o wb
else
	echo "skip: python3 (tests/warc/mkwarc.py) missing: the WARC outlets table's story column"
fi

# ---- 2. pooled and within-story orders disagree ----
# Stories 1-12 are heated (many accusatory words, few conciliatory ones),
# 13-24 calm (the other way round). A covers every heated story and 2 calm
# ones; B and C cover 4 heated and all calm ones. Within a story, A uses fewer accusatory and more conciliatory words
# than B and C. Words vary by article (i) so no two articles are equal.
mkdir k
printf 'id\tfile\toutlet\tdate\ttitle\tstory\n' > k/manifest.tsv
awk -v dir=k 'function words(w, n,   s, j) { s = ""; for (j = 0; j < n; j++) s = s " " w; return s }
function article(id, outlet, story, acc, conc, i,   f, j) {
	f = dir "/" id ".txt"
	printf "Report %s.", id > f
	# Filler that differs from article to article: the same sentence in
	# every article of an outlet would be cleaned away as a site template.
	for (j = 0; j < 40 + (i % 3) * 2; j++)
		printf " The %s and the %s saw %s near the %s of the %s.", w[(i * 31 + j * 17) % 30],
			w[(i * 7 + j * 3 + 1) % 30], w[(i * 13 + j * 11 + 2) % 30], w[(i + j * 19 + 3) % 30],
			w[(i * 5 + j * 23 + 4) % 30] > f
	printf " They called it%s.", words("groundless", acc) > f
	printf " Both sides spoke of%s.\n", words("dialogue", conc) > f
	close(f)
	printf "%s\t%s.txt\t%s\t2015-%02d-%02d\tt\ts%02d\n", id, id, outlet, 1 + story % 12, 1 + (i % 27), story >> (dir "/manifest.tsv")
}
BEGIN {
	split("delegation ministers visitors harbour river morning evening market railway bridge village farmers teachers students museum festival weather rainfall harvest garden library bicycle orchestra painting mountain valley coastline factory engineers tourists", w0, " ")
	for (j = 1; j <= 30; j++) w[j - 1] = w0[j]
	n = 0
	for (s = 1; s <= 24; s++) {
		heated = s <= 12
		acc = heated ? 12 : 2
		conc = heated ? 1 : 7
		if (heated || s <= 14)
			for (r = 0; r < 3; r++) { n++; article("a" n, "A", s, acc - 3 + n % 2, conc + 1 + n % 2, n) }
		if (!heated || s <= 4) {
			for (r = 0; r < 2; r++) { n++; article("b" n, "B", s, acc + n % 2, conc - n % 2, n) }
			for (r = 0; r < 2; r++) { n++; article("c" n, "C", s, acc + 1 + n % 2, conc - n % 2, n) }
		}
	}
}'
frscore -q k -o ko || fail "score known corpus"
"$FRAMING" stats -q ko/scores.tsv -o ko --within story --reference B --bootstrap 0 --permutations 0 || fail "stats --within"
o=ko/outlets.tsv e=ko/effects.tsv
mean() { awk -F'\t' -v g="$1" -v m="$2" -v c="$3" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) k = i; next } $1 == g && $2 == m { print $k }' "$o"; }
get() { awk -F'\t' -v g="$1" -v m="$2" -v c="$3" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) k = i; next } $1 == g && $3 == m { print $k }' "$e"; }
# Pooled: A the most accusatory and of the highest stance.
for g in B C; do
	awk -v a="$(mean A accusatory_rate rate)" -v b="$(mean $g accusatory_rate rate)" 'BEGIN { exit !(a > b) }' ||
		fail "pooled: A's accusatory rate is not above $g's"
	awk -v a="$(mean A stance mean)" -v b="$(mean $g stance mean)" 'BEGIN { exit !(a > b) }' ||
		fail "pooled: A's stance is not above $g's"
done
# Within stories: A below the reference B, intervals excluding 1 (rate ratio) and 0 (stance).
awk -v hi="$(get A accusatory_matches hi)" 'BEGIN { exit !(hi < 1) }' || fail "within: A's accusatory rate ratio interval does not exclude 1: $(grep '^A.*accusatory_matches' $e)"
awk -v lo="$(get A conciliatory_matches lo)" 'BEGIN { exit !(lo > 1) }' || fail "within: A's conciliatory rate ratio interval does not exclude 1: $(grep '^A.*conciliatory_matches' $e)"
awk -v hi="$(get A stance hi)" 'BEGIN { exit !(hi < 0) }' || fail "within: A's stance interval does not exclude 0: $(grep '^A.*stance' $e)"
# C, more accusatory than B within stories.
awk -v lo="$(get C accusatory_matches lo)" 'BEGIN { exit !(lo > 1) }' || fail "within: C is not above B: $(grep '^C.*accusatory_matches' $e)"
[ "$(get A stance model)" = linear ] && [ "$(get A accusatory_matches model)" = poisson ] || fail "models"
grep -q 'china_matches\|us_matches' "$e" && fail "actor categories in effects.tsv"
[ "$(head -n 1 $e)" = "$(printf 'outlet\treference\tmetric\tmodel\testimate\tse\tlo\thi\tp\tn_articles\tn_stories\tnote')" ] || fail "header"
# Heated stories 5-12 have only A: they add nothing, and the note says how many.
grep -q '8 of 24 stories covered by one outlet only add nothing' "$e" || fail "note: $(sed -n 2p $e)"
grep -qiE 'nan|inf' "$e" && fail "nan or inf"
# The reference defaults to the outlet with most articles (A 42, B and C 32 each).
"$FRAMING" stats -q ko/scores.tsv -o kd --within story --bootstrap 0 --permutations 0 || fail "default reference"
[ "$(sed 1d kd/effects.tsv | cut -f2 | sort -u)" = A ] || fail "default reference: $(cut -f2 kd/effects.tsv | sort -u)"
# --adjust runs and keeps the order.
"$FRAMING" stats -q ko/scores.tsv -o ka --within story --reference B --adjust date --adjust length --bootstrap 0 --permutations 0 || fail "--adjust"
awk -F'\t' '$1 == "A" && $3 == "stance" { exit !($8 < 0) }' ka/effects.tsv || fail "--adjust: A's stance"
# Same bytes again; without --within no effects.tsv, and an old one is removed.
"$FRAMING" stats -q ko/scores.tsv -o ko --within story --reference B --bootstrap 0 --permutations 0 || fail "rerun"
cp ko/effects.tsv e1 && cmp -s e1 "$e" || fail "rerun bytes"
"$FRAMING" stats -q ko/scores.tsv -o ko --bootstrap 0 --permutations 0 || fail "without --within"
[ -e ko/effects.tsv ] && fail "stale effects.tsv left beside new tables"

# ---- 3. usage and NA ----
expect 2 "no column 'nosuch'" -- stats ko/scores.tsv -o u --within nosuch
expect 2 "goes with --within" -- stats ko/scores.tsv -o u --adjust date
expect 2 "is not date or length" -- stats ko/scores.tsv -o u --within story --adjust week
expect 2 "no group 'Z'" -- stats ko/scores.tsv -o u --within story --reference Z
# One story only: NA rows with the reason, never a number.
"$FRAMING" stats -q m/scores.tsv -o mo --within story --bootstrap 0 --permutations 0 || fail "one story"
awk -F'\t' 'NR > 1 && ($5 != "NA" || $12 !~ /fewer than 2 stories/) { exit 1 }' mo/effects.tsv || fail "one story: $(cat mo/effects.tsv)"
grep -q '1 articles without a story left out' mo/effects.tsv || fail "no-story count"
exit 0
