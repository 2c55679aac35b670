#!/bin/sh
# framing chart on runs of 1, 2, 30, 31, 1,000 and 10,000 groups (issue 19):
# every chart is written as SVG and PNG, gnuplot exits 0 and prints
# nothing (no warning reaches stderr), and the subtitles say which groups
# are shown: all of them up to 25, else the 25 largest by articles and
# "all others"; beyond 25 groups categories is a ranking, not bars. Runs
# of up to 31 groups come from framing stats on generated scores; larger
# ones from tables written by awk (many_groups.lib), as framing stats on a
# thousand groups takes minutes. Before this change framing chart failed
# on 1,000 groups (gnuplot: "Cairo is unhappy" drawing stance.png), and a
# long tic label with % in it was cut (the first group's hostile name).
. "$ROOT/tests/e2e/hostile.lib"
. "$ROOT/tests/e2e/many_groups.lib"
command -v gnuplot >/dev/null 2>&1 || { echo "gnuplot is not installed"; exit 77; }
charts="stance categories stance_articles timeline keyness voice"

# check K DIR: every chart in both formats, and what the subtitles say.
check() {
	k=$1 d=$2
	for c in $charts; do
		# framing stats without terms.tsv has no words: no keyness chart (no empty panel).
		[ "$k" -le 31 ] && [ "$c" = keyness ] && continue
		for f in svg png; do
			[ -s "$d/$c.$f" ] || fail "$k groups: no $c.$f"
		done
	done
	[ -s "$d/trend.tsv" ] || fail "$k groups: no trend.tsv"
	if [ "$k" -le 25 ]; then
		grep -l 'largest of' "$d"/*.svg && fail "$k groups: a subtitle says groups were left out"
		grep -q 'all others' "$d/stance.svg" && fail "$k groups: 'all others' drawn"
		grep -q 'the groups ranked' "$d/categories.svg" && fail "$k groups: ranking for few groups"
		# gnuplot cut a tic label with % in it to 49 bytes mid-word (and lost
		# longer ones): framing cuts it at a character with an ellipsis.
		grep -qF '50% @x 中国日报 (2 art…' "$d/stance.svg" ||
			fail "$k groups: the first group's tic label is not cut with an ellipsis"
	else
		total=$(printf '%s' "$k" | sed 's/^\([0-9]\)\([0-9][0-9][0-9]\)$/\1,\2/; s/^\([0-9][0-9]\)\([0-9][0-9][0-9]\)$/\1,\2/')
		rest=$(printf '%s' "$((k - 25))" | sed 's/^\([0-9]\)\([0-9][0-9][0-9]\)$/\1,\2/')
		say="25 largest of $total groups by articles; the other $rest pooled as"
		for c in $charts; do
			[ -e "$d/$c.svg" ] || continue	# keyness, from stats without words
			grep -q "$say" "$d/$c.svg" || fail "$k groups: $c.svg does not say '$say'"
		done
		grep -q 'the groups ranked' "$d/categories.svg" || fail "$k groups: categories is not a ranking"
		grep -q "all others ($rest groups" "$d/stance.svg" || fail "$k groups: no row 'all others' in stance.svg"
		# A panel per group shown: the largest (7 articles) are in, a group of one is not.
		if [ "$k" -gt 31 ]; then
			grep -q '>outlet-00006<' "$d/keyness.svg" || fail "$k groups: no panel of outlet-00006"
			grep -q '>outlet-00007<' "$d/keyness.svg" && fail "$k groups: a panel of a group not shown"
		fi
	fi
	:
}

for k in 1 2 30 31; do
	d="$T/s$k"
	mkdir "$d" && many_scores "$k" "$d" || fail "scores of $k groups"
	"$FRAMING" stats -q "$d/scores.tsv" -o "$d" --bootstrap 50 --permutations 50 2>"$T/err" ||
		{ cat "$T/err"; fail "stats on $k groups"; }
	"$FRAMING" chart -i "$d" 2>"$T/err" || { cat "$T/err"; fail "chart on $k groups: status $?"; }
	# Before, a panel per group said "no words in keyness.tsv"; now one line says why.
	[ "$(cat "$T/err")" = "framing: warning: no keyness chart: keyness.tsv has no word" ] ||
		{ cat "$T/err"; fail "chart on $k groups: not the one line on keyness"; }
	[ ! -e "$d/keyness.svg" ] || fail "$k groups: an empty keyness chart"
	check "$k" "$d"
done

for k in 1000 10000; do
	d="$T/t$k"
	mkdir "$d" && many_scores "$k" "$d" && many_tables "$d" || fail "tables of $k groups"
	"$FRAMING" chart -i "$d" 2>"$T/err" || { cat "$T/err"; fail "chart on $k groups: status $?"; }
	[ -s "$T/err" ] && { cat "$T/err"; fail "chart on $k groups: messages on stderr"; }
	check "$k" "$d"
done

# --groups: those named, the others pooled; --max-groups: fewer or more.
d="$T/t1000"
"$FRAMING" chart -i "$d" --format svg --groups 'outlet-00002,outlet-00500' 2>"$T/err" ||
	{ cat "$T/err"; fail "--groups"; }
grep -q "2 named of 1,000 groups; the other 998 pooled as" "$d/stance.svg" || fail "--groups: subtitle"
grep -q 'outlet-00500 (' "$d/stance.svg" || fail "--groups: outlet-00500 not drawn"
"$FRAMING" chart -i "$d" --format svg --max-groups 5 2>"$T/err" || { cat "$T/err"; fail "--max-groups 5"; }
grep -q "5 largest of 1,000 groups by articles; the other 995 pooled as" "$d/voice.svg" ||
	fail "--max-groups 5: subtitle"
"$FRAMING" chart -i "$T/s31" --format svg --max-groups 50 2>"$T/err" || { cat "$T/err"; fail "--max-groups 50"; }
grep -q 'all others' "$T/s31/stance.svg" && fail "--max-groups 50 on 31 groups: 'all others' drawn"
expect 2 "no group 'nowhere' in outlets.tsv" -- chart -i "$d" --format svg --groups 'outlet-00002,nowhere'
expect 2 "max-groups" -- chart -i "$d" --format svg --max-groups 51
echo ok
