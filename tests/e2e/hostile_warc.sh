# Issue 14: hostile WARC files. A Content-Length past the end of the file
# or beyond 2^63, a gzip bomb (a member that inflates 1,000 times past
# --max-article-bytes) and an HTTP body gzip-encoded into a bomb: each is a
# message naming the file and byte, memory stays bounded, and every page
# after it is still read (nothing lost).
. "$ROOT/tests/e2e/hostile.lib"
command -v python3 >/dev/null 2>&1 || { echo "skip: python3 (tests/warc/mkwarc.py) missing"; exit 77; }
mk() { python3 "$ROOT/tests/warc/mkwarc.py" "$@" || fail "mkwarc.py $*"; }

printf '[acc] accusatory\ngroundless accusation*\n' > "$T/h.lex"
mkdir -p "$T/pg/example.com"
for i in 1 2 3; do
	printf '<html><head><title>Story %s</title></head><body><p>China rejected groundless accusations, story %s of the week.</p></body></html>' \
		"$i" "$i" > "$T/pg/example.com/s$i.html"
done
max=1000000

# Content-Length past the end of a plain file, beyond 2^63, past the end of a gzip member.
for c in "bl.warc plain 100000000 runs past the end of the file" \
	 "bl63.warc plain 9223372036854775808 is not a number below 2^63" \
	 "blz.warc.gz member 100000000 cut short before its Content-Length"; do
	set -- $c
	f=$1 layout=$2 len=$3
	shift 3
	mk "$T/$f" --layout "$layout" --pages "$T/pg" --bad-length "$len"
	expect 1 "$f: byte [0-9]*: .*$*" -- score -q -l "$T/h.lex" --warc "$T/$f" --stdout
	# The three pages before the bad record and the three after it.
	[ "$(tail -n +2 "$T/stdout" | wc -l)" = 6 ] || fail "$f: pages lost: $(cat "$T/stdout")"
	grep -q "urn:uuid:after-" "$T/stdout" || fail "$f: nothing read after the bad record"
done

# A gzip bomb: a record of 1,000 MB of zeros in a gzip member of about 1 MB.
mk "$T/bomb.warc.gz" --layout member --pages "$T/pg" --bomb $((1000 * max))
expect 1 "bomb.warc.gz: byte [0-9]*: the gzip member inflates past .* (a gzip bomb?)" -- \
	score -q -l "$T/h.lex" --warc "$T/bomb.warc.gz" --max-article-bytes $max --stdout
[ "$(tail -n +2 "$T/stdout" | wc -l)" = 6 ] || fail "bomb: pages lost"
# An HTTP body gzip-encoded that inflates to 1,000 MB.
mk "$T/hb.warc.gz" --layout member --pages "$T/pg" --http-bomb $((1000 * max))
expect 1 "hb.warc.gz: byte [0-9]*: a gzip or deflate body that inflates past --max-article-bytes" -- \
	score -q -l "$T/h.lex" --warc "$T/hb.warc.gz" --max-article-bytes $max --stdout
[ "$(tail -n +2 "$T/stdout" | wc -l)" = 3 ] || fail "http bomb: pages lost"

# Memory: as for the pages alone (the runs above would take a gigabyte unbounded).
if have_time && ! sanitized; then
	mk "$T/ok.warc.gz" --layout member --pages "$T/pg"
	base=$(peak_kb "$FRAMING" score -q -l "$T/h.lex" --warc "$T/ok.warc.gz" --max-article-bytes $max --stdout)
	for f in bomb.warc.gz hb.warc.gz bl.warc bl63.warc blz.warc.gz; do
		kb=$(peak_kb "$FRAMING" score -q -l "$T/h.lex" --warc "$T/$f" --max-article-bytes $max --stdout)
		echo "peak $f: $kb KB (pages alone: $base KB)"
		[ "$kb" -lt $((base + 8192)) ] || fail "$f: peak memory $kb KB, pages alone $base KB"
	done
fi
exit 0
