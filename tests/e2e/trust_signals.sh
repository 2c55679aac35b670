# Issue 18, trial findings 6 and 11: a run stopped while gnuplot draws
# leaves no staging folder and no gnuplot behind; messages name -o DIR,
# never the hidden staging folder; a user's own folder named like a
# staging folder is not deleted; a killed run's NAME.tmp.PID.XXXXXX is
# removed by the next run; a signal during the final move leaves the run's
# status; stats refuses a folder that another run is writing into with
# that reason.
. "$ROOT/tests/e2e/hostile.lib"
# The default lexicons, wherever the binary under test lies (the SAN build too).
FRAMING_LEXICONS=$ROOT/lexicons; export FRAMING_LEXICONS
F=$FRAMING
command -v cc >/dev/null 2>&1 || { echo "skip: no C compiler for the shim"; exit 77; }
cd "$T" || fail "cd"
"$F" score --jsonl "$ROOT/tests/fixtures/seeds.jsonl" -o W -q || fail "score"
"$F" stats W/scores.tsv -o W -q || fail "stats"
staging_left() { ls -a "$1" | grep -q '^\.framing-run\.tmp\.'; }

# A gnuplot that takes its time (and says where it runs), then one that fails.
mkdir slowbin failbin
cat > slowbin/gnuplot <<'SH'
#!/bin/sh
echo $$ > "$GP_PID"
exec sleep 30
SH
printf '#!/bin/sh\ncat >/dev/null\necho "gnuplot: bad data" >&2\nexit 1\n' > failbin/gnuplot
chmod +x slowbin/gnuplot failbin/gnuplot

# 6. SIGTERM while gnuplot runs, for chart and for report's chart step.
for cmd in "chart -i W -o W" "report --jsonl $ROOT/tests/fixtures/seeds.jsonl -o R"; do
	rm -f gp.pid
	GP_PID=$T/gp.pid PATH=$T/slowbin:$PATH "$F" $cmd -q 2>err & p=$!
	i=0; while [ ! -s gp.pid ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
	[ -s gp.pid ] || fail "$cmd: gnuplot never started"
	kill -TERM $p; wait $p; st=$?
	[ "$st" = 143 ] || { cat err; fail "$cmd: status $st after SIGTERM"; }
	sleep 0.2
	kill -0 "$(cat gp.pid)" 2>/dev/null && fail "$cmd: gnuplot still runs after framing was stopped"
	for d in W R; do
		[ -d $d ] && staging_left $d && { ls -laR $d; fail "$cmd: the staging folder was left in $d"; }
	done
done

# 11. A gnuplot error names W/stance.svg, not W/.framing-run.tmp.XXXXXX/stance.svg.
PATH=$T/failbin:$PATH "$F" chart -i W -o W -q 2>err && fail "a failing gnuplot: status 0"
grep -q "W/[a-z]*\.svg" err || { cat err; fail "no chart named"; }
grep -q "framing-run" err && { cat err; fail "a message names the staging folder"; }

# 11. A user's own folder named like a staging folder stays.
mkdir W/.framing-run.tmp.ABCDEF && echo keep > W/.framing-run.tmp.ABCDEF/important.txt
"$F" score --jsonl "$ROOT/tests/fixtures/seeds.jsonl" -o W -q || fail "score again"
[ -f W/.framing-run.tmp.ABCDEF/important.txt ] || fail "a user's folder .framing-run.tmp.ABCDEF was deleted"

# 11. The temporary file of a killed run (PID gone, older than the run) is removed;
# one of a running process is not.
sleep 600 & alive=$!
dead=4194303; while kill -0 $dead 2>/dev/null; do dead=$((dead - 1)); done
touch -d '1 hour ago' tp.tsv.tmp.$dead.AbCdEf tp.tsv.tmp.$alive.GhIjKl
"$F" templates "$ROOT/corpus/seeds" -o tp.tsv -q || fail "templates"
[ -e tp.tsv.tmp.$dead.AbCdEf ] && fail "a killed run's tp.tsv.tmp.$dead.AbCdEf was left"
[ -e tp.tsv.tmp.$alive.GhIjKl ] || fail "the temporary file of a running process was removed"
kill $alive

# 11. SIGTERM during the final move: the set is moved whole, the run's status stays.
cat > term.c <<'CODE'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
#include <string.h>
int rename(const char *from, const char *to)
{
	static int (*real)(const char *, const char *);
	static int sent;
	if (!real)
		real = (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "rename");
	if (!sent && strstr(from, ".framing-run.tmp.") && !strstr(to, ".framing-run.tmp.")) {
		sent = 1;
		raise(SIGTERM);
	}
	return real(from, to);
}
CODE
cc -shared -fPIC -o term.so term.c -ldl 2>/dev/null || { echo "skip: cannot build the shim"; exit 0; }
if sanitized; then
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0
	export ASAN_OPTIONS
fi
LD_PRELOAD=$T/term.so "$F" score --jsonl "$ROOT/tests/fixtures/seeds.jsonl" -o M -q 2>err; st=$?
[ "$st" = 0 ] || { cat err; fail "SIGTERM during the move: status $st"; }
for f in scores.tsv matches.tsv terms.tsv signatures.tsv run.tsv; do
	[ -f M/$f ] || fail "SIGTERM during the move: M/$f missing"
done
"$F" stats M/scores.tsv -o M -q || fail "stats on the moved set"

# 11. stats on a folder another run holds: says so.
if command -v flock >/dev/null 2>&1; then
	flock W sleep 5 & holder=$!
	sleep 0.5
	expect 2 "another framing run is writing into" -- stats W/scores.tsv -o S2 -q
	kill $holder 2>/dev/null; wait $holder 2>/dev/null
else
	echo "skip: no flock(1)"
fi
exit 0
