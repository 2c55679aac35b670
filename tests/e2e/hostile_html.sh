# Issue 13: hostile HTML pages. Each gives a result or a message naming the
# file, never a crash or a hang, in bounded memory: 100,000 unclosed nested
# tags, stray end tags under them (libxml2 would search its whole stack for
# each), a 100 MB attribute, NUL bytes, a wrong and an unknown charset, a
# page that is all script.
. "$ROOT/tests/e2e/hostile.lib"

c=$T/c
mkdir -p "$c/o"
perl -e 'print "<div>" x 100000, "<p>The groundless accusations after deep nesting are read.</p>"' > "$c/o/nest.html"
perl -e 'print "<span>" x 100000, "<p>groundless words</p>", "</b>" x 100000' > "$c/o/stray.html"
printf '<p>groundless \000 accusations and a NUL.</p><p>after the NUL, groundless.</p>' > "$c/o/nul.html"
# UTF-8 bytes declared as GBK: read as GBK (mojibake), never a crash.
printf '<meta charset="gbk"><p>caf\303\251 groundless \342\200\231 \344\270\255</p>' > "$c/o/wrong.html"
printf '<meta charset="x-no-such-charset"><p>caf\351 groundless accusations.</p>' > "$c/o/unknown.html"
perl -e 'print "<script>", "var groundless = 1;\n" x 10000, "</script>"' > "$c/o/script.html"
printf '<p>groundless' > "$c/o/cut.html"
: > "$c/o/empty.html"

expect 0 "unknown.html: unknown charset 'x-no-such-charset'; read as UTF-8" \
	-- score --no-clean -l "$T/ok.lex" "$c" -o "$T/o"
grep -q "stray.html: markup too deeply nested and broken to read whole" "$T/stderr" \
	|| fail "stray end tags under deep nesting: no message"
grep -q "script.html: no words" "$T/stderr" || fail "an all-script page: no message"
grep -q "empty.html: no words" "$T/stderr" || fail "an empty page: no message"
cut -f1,5,7,8 "$T/o/scores.tsv" > "$T/got"
cat > "$T/want" <<'END'
id	tokens	replaced_chars	acc_matches
o/cut	1	0	1
o/empty	0	0	0
o/nest	8	0	1
o/nul	9	1	2
o/script	0	0	0
o/stray	2	0	1
o/unknown	3	0	1
o/wrong	5	2	1
END
diff "$T/want" "$T/got" || fail "scores of hostile pages"
# The NUL page: offsets still point at the words in the file.
[ "$(grep '^o/nul' "$T/o/matches.tsv" | cut -f7 | tr '\n' ' ')" = "3 60 " ] || fail "offsets in the NUL page"

# Deep nesting and stray end tags take well under a second each.
if have_time && ! sanitized; then
	s=$(cpu_seconds "$FRAMING" clean "$c/o/stray.html")
	awk -v s="$s" 'BEGIN { exit !(s < 5) }' || fail "stray end tags took $s s"
	s=$(cpu_seconds "$FRAMING" clean "$c/o/nest.html")
	awk -v s="$s" 'BEGIN { exit !(s < 2) }' || fail "deep nesting took $s s"
else
	echo "skip: CPU-time bounds (no /usr/bin/time, or sanitizers)"
fi

# A 100 MB attribute: over the default --max-article-bytes it is skipped with
# a message; with no limit it is read, in memory a few times its size.
mkdir -p "$T/big/o"
perl -e 'print "<p title=\"", "a" x 100000000, "\">x</p><p>The groundless accusations after it.</p>"' > "$T/big/o/attr.html"
expect 1 "attr.html: 100000060 bytes, more than --max-article-bytes" -- score -q -l "$T/ok.lex" "$T/big" -o "$T/bo"
expect 0 "" -- score -q --no-clean --max-article-bytes 0 -l "$T/ok.lex" "$T/big" -o "$T/bo"
[ "$(cut -f8 "$T/bo/scores.tsv" | tail -n 1)" = 1 ] || fail "the page after a 100 MB attribute"
expect 0 "" -- score -q --max-article-bytes 0 -l "$T/ok.lex" "$T/big" -o "$T/bo"
if have_time && ! sanitized; then
	kb=$(peak_kb "$FRAMING" score -q --max-article-bytes 0 -l "$T/ok.lex" "$T/big" -o "$T/bo")
	[ "$kb" -lt 600000 ] || fail "a 100 MB attribute took $kb KB"
else
	echo "skip: memory and time bounds (no /usr/bin/time, or sanitizers)"
fi
rm -f "$T/big/o/attr.html"
exit 0
