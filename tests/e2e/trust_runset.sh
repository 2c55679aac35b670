# Issue 18, item 3: a run's outputs are one set. Two runs into one -o never
# mix their files (the folder is locked); a run killed or failed half way
# leaves the previous set whole and its leftovers are removed by the next
# run; run.tsv records the run; stats and chart refuse tables of different
# runs; stats without signatures removes an old duplicates.tsv.
. "$ROOT/tests/e2e/hostile.lib"
command -v cc >/dev/null 2>&1 || { echo "skip: no C compiler for the slow-rename shim"; exit 77; }

lex="-l $ROOT/lexicons/stance.lex"
tables="outlets compare tests keyness duplicates"

# Two corpora whose every output differs: A and B (other outlets, other words).
# Every 50th article comes twice, so that duplicates.tsv has rows.
awk 'BEGIN { srand(3); for (i = 1; i <= 1000; i++) {
	t = sprintf("A groundless claim %d, the officials said about w%d and v%d, %s.", i,
		int(rand() * 5000), i % 300, "as the ministry told reporters on a long day of talks")
	printf "{\"id\":\"a%d\",\"outlet\":\"O%d\",\"text\":\"%s\"}\n", i, i % 7, t
	if (i % 50 == 0) printf "{\"id\":\"d%d\",\"outlet\":\"O%d\",\"text\":\"%s\"}\n", i, (i + 1) % 7, t } }' \
	> "$T/a.jsonl"
sed 's/"outlet":"O/"outlet":"P/; s/groundless/baseless/' "$T/a.jsonl" > "$T/b.jsonl"
score() { "$FRAMING" score -q --no-clean $lex --jsonl "$@"; }
score "$T/a.jsonl" -o "$T/refA" && score "$T/b.jsonl" -o "$T/refB" || fail "score A and B"

# 1. Two score runs into one -o at the same time. Every rename waits 20-40
# ms (a shim standing in for a slow disk), which made 3 of 20 tries mix the
# files of the two runs before the lock.
cat > "$T/slow.c" <<'CODE'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <unistd.h>
int rename(const char *from, const char *to)
{
	static int (*real)(const char *, const char *);
	if (!real)
		real = (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "rename");
	usleep(20000 + (unsigned)(getpid() * 7919u % 20000u));
	return real(from, to);
}
CODE
cc -shared -fPIC -o "$T/slow.so" "$T/slow.c" -ldl 2>/dev/null || { echo "skip: cannot build the shim"; exit 77; }
tries=${TRUST_TRIES:-60}
if sanitized; then
	tries=10	# slow under ASan: few tries
	# The shim comes before ASan's runtime in the list of libraries: allowed.
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0
	export ASAN_OPTIONS
fi
refused=0
for i in $(seq "$tries"); do
	rm -rf "$T/o"
	LD_PRELOAD=$T/slow.so score "$T/a.jsonl" -o "$T/o" 2>"$T/e1" & p1=$!
	LD_PRELOAD=$T/slow.so score "$T/b.jsonl" -o "$T/o" 2>"$T/e2" & p2=$!
	wait $p1; s1=$?
	wait $p2; s2=$?
	for k in 1 2; do
		eval "s=\$s$k"
		[ "$s" = 0 ] && continue
		[ "$s" = 1 ] && grep -q "another framing run is writing into '$T/o'" "$T/e$k" \
			|| { cat "$T/e$k"; fail "try $i: run $k: status $s"; }
		refused=$((refused + 1))
	done
	[ "$s1" = 0 ] || [ "$s2" = 0 ] || fail "try $i: both runs refused"
	a=0 b=0
	for f in scores matches terms signatures; do
		cmp -s "$T/o/$f.tsv" "$T/refA/$f.tsv" && a=$((a + 1))
		cmp -s "$T/o/$f.tsv" "$T/refB/$f.tsv" && b=$((b + 1))
	done
	[ $a = 4 ] || [ $b = 4 ] || fail "try $i: the outputs mix two runs (A: $a files, B: $b)"
done
echo "concurrent runs: $tries tries, none mixed, $refused runs refused by the lock"

# The lock, held by another process: refused with a message, nothing written.
if command -v flock >/dev/null 2>&1; then
	mkdir "$T/locked"
	flock "$T/locked" sleep 5 & holder=$!
	sleep 0.5
	expect 1 "another framing run is writing into '$T/locked'" -- score -q $lex --jsonl "$T/a.jsonl" -o "$T/locked"
	[ -z "$(ls -A "$T/locked")" ] || fail "a refused run wrote: $(ls -A "$T/locked")"
	kill $holder 2>/dev/null; wait $holder 2>/dev/null
else
	echo "skip: the lock held by another process: no flock(1)"
fi

# 2. run.tsv: the run's id, command, inputs and outputs with their SHA-256.
stamp=$T/refA/run.tsv
[ "$(head -n 1 "$stamp")" = "run${tab}kind${tab}name${tab}value" ] || fail "run.tsv header"
id=$(awk -F'\t' '$2 == "run" && $3 == "id" { print $4 }' "$stamp")
[ -n "$id" ] || fail "run.tsv: no run id"
grep -q "^$id${tab}run${tab}command${tab}.*score -q --no-clean" "$stamp" || fail "run.tsv: no command line"
sum() { sha256sum "$1" | cut -c1-64; }
grep -q "^$id${tab}input${tab}$ROOT/lexicons/stance.lex${tab}$(sum "$ROOT/lexicons/stance.lex")$" "$stamp" \
	|| fail "run.tsv: the lexicon and its SHA-256"
grep -q "^$id${tab}input${tab}$T/a.jsonl${tab}$(sum "$T/a.jsonl")$" "$stamp" || fail "run.tsv: the input"
for f in scores matches terms signatures; do
	grep -q "^$id${tab}output${tab}$f.tsv${tab}$(sum "$T/refA/$f.tsv")$" "$stamp" || fail "run.tsv: $f.tsv"
done

# 3. SIGKILL during stats: the previous set stays whole (or, if the kill
# fell between two renames of the commit, stats and chart refuse the mix),
# and the next run removes what the killed one left. Before: duplicates.tsv
# (written first) was new beside old outlets.tsv, compare.tsv, ...
"$FRAMING" stats "$T/refA/scores.tsv" -o "$T/st" >/dev/null 2>&1 || fail "stats A"
rm -rf "$T/saved"; mkdir "$T/saved"; cp "$T/st"/*.tsv "$T/saved/"
whole() {	# whole DIR WHAT: every table as saved, or every one as new (in $T/new)
	old=0 new=0
	for f in $tables; do
		cmp -s "$1/$f.tsv" "$T/saved/$f.tsv" && old=$((old + 1))
		[ -d "$T/new" ] && cmp -s "$1/$f.tsv" "$T/new/$f.tsv" && new=$((new + 1))
	done
	[ $old = 5 ] || [ $new = 5 ] && return 0
	"$FRAMING" chart -i "$1" -o "$T/charts" >/dev/null 2>"$T/chart.err"
	[ $? = 2 ] && grep -q "run.tsv" "$T/chart.err" || fail "$2: a mixed set ($old old, $new new tables) that chart does not refuse"
}
"$FRAMING" stats "$T/refB/scores.tsv" -o "$T/newst" >/dev/null 2>&1 || fail "stats B"
mkdir "$T/new"; cp "$T/newst"/*.tsv "$T/new/"
[ "$(wc -l < "$T/new/duplicates.tsv")" -gt 1 ] || fail "no near-duplicates in B"
cmp -s "$T/new/duplicates.tsv" "$T/saved/duplicates.tsv" && fail "duplicates.tsv of A and B are equal"
for sig in KILL TERM; do
	ino=$(stat -c %i "$T/st/duplicates.tsv")
	"$FRAMING" stats --bootstrap 200000 "$T/refB/scores.tsv" -o "$T/st" >/dev/null 2>&1 & pid=$!
	# Killed as soon as one table is replaced, or after 3 s.
	end=$(($(date +%s) + 3))
	while kill -0 $pid 2>/dev/null && [ "$(stat -c %i "$T/st/duplicates.tsv")" = "$ino" ] \
		&& [ "$(date +%s)" -lt $end ]; do :; done
	kill -$sig $pid 2>/dev/null
	wait $pid
	whole "$T/st" "SIG$sig during stats"
	if [ $sig = TERM ]; then
		[ -z "$(ls -A "$T/st" | grep '\.tmp\.')" ] || fail "SIGTERM left: $(ls -A "$T/st")"
	fi
done
mkdir "$T/st/.framing-run.tmp.AbC123"
echo half > "$T/st/.framing-run.tmp.AbC123/outlets.tsv"
: > "$T/st/.framing-run.tmp.AbC123/.framing-staging"	# framing's marker, as a killed run leaves it
echo mine > "$T/st/mine.tmp.XXXXXX"
"$FRAMING" stats "$T/refA/scores.tsv" -o "$T/st" >/dev/null 2>&1 || fail "stats after a killed run"
[ -z "$(ls -A "$T/st" | grep '^\.framing-run\.tmp\.')" ] || fail "a killed run's leftovers stay: $(ls -A "$T/st")"
[ -f "$T/st/mine.tmp.XXXXXX" ] || fail "a file framing did not write was removed"

# 4. stats without signatures: no old duplicates.tsv beside the new tables.
[ -f "$T/st/duplicates.tsv" ] || fail "stats with signatures wrote no duplicates.tsv"
mkdir "$T/nosig"; cp "$T/refB/scores.tsv" "$T/nosig/"
"$FRAMING" stats "$T/nosig/scores.tsv" -o "$T/st" >/dev/null 2>&1 || fail "stats without signatures"
[ -e "$T/st/duplicates.tsv" ] && fail "stats without signatures left an old duplicates.tsv"

# 5. chart with an old outlets.tsv beside a new scores.tsv: refused.
score "$T/a.jsonl" -o "$T/mix" && "$FRAMING" stats "$T/mix/scores.tsv" -o "$T/mix" >/dev/null 2>&1 \
	|| fail "score + stats A"
score "$T/b.jsonl" -o "$T/mix" || fail "score B"
expect 2 "'$T/mix/outlets.tsv' was computed from another scores.tsv than '$T/mix/scores.tsv'" -- chart -i "$T/mix"
# Tables without a stamp of their own (an older framing's, or made by hand)
# are read as before, also once stats has stamped its tables beside them;
# a scores.tsv put there after stats is still caught.
mkdir "$T/old"
cp "$T/refA"/scores.tsv "$T/refA"/terms.tsv "$T/refA"/matches.tsv "$T/old/"
"$FRAMING" stats "$T/old/scores.tsv" -o "$T/old" >/dev/null 2>"$T/stderr" || { cat "$T/stderr"; fail "stats of unstamped tables"; }
"$FRAMING" stats "$T/old/scores.tsv" -o "$T/old" >/dev/null 2>"$T/stderr" || { cat "$T/stderr"; fail "stats again beside its own run.tsv"; }
"$FRAMING" chart -i "$T/old" -o "$T/oldcharts" >/dev/null 2>"$T/stderr"
st=$?
[ $st != 2 ] || fail "chart refused unstamped scores that stats read: $(cat "$T/stderr")"
cp "$T/refB/scores.tsv" "$T/old/scores.tsv"
expect 2 "'$T/old/outlets.tsv' was computed from another scores.tsv" -- chart -i "$T/old"
# stats refuses score tables of two runs (terms.tsv of A beside scores.tsv of B).
cp "$T/refA/terms.tsv" "$T/mix/terms.tsv"
expect 2 "'$T/mix/terms.tsv' is not the file that run" -- stats "$T/mix/scores.tsv" -o "$T/mix2"

# 6. report whose report.html cannot be written: nothing is replaced.
"$FRAMING" report -q $lex "$ROOT/corpus/seeds" -o "$T/rep" 2>"$T/stderr" || { cat "$T/stderr"; fail "report"; }
rm "$T/rep/report.html"; mkdir "$T/rep/report.html"; touch "$T/rep/report.html/x"
rm -rf "$T/saved"; mkdir "$T/saved"; cp "$T/rep"/*.* "$T/saved/"
"$FRAMING" report -q $lex --jsonl "$T/b.jsonl" --no-clean -o "$T/rep" >/dev/null 2>"$T/stderr"
st=$?
[ $st = 1 ] || { cat "$T/stderr"; fail "report with an unwritable report.html: status $st"; }
grep -q "report.html" "$T/stderr" || { cat "$T/stderr"; fail "report: no message naming report.html"; }
for f in "$T/saved"/*; do
	cmp -s "$f" "$T/rep/${f##*/}" || fail "report replaced ${f##*/} though report.html was not written"
done
exit 0
