# An outside trial of issue 14 (WARC): damage that loses a record counts as
# a skipped record (exit 1, the message not hidden by -q): a gzip member
# whose deflate data is damaged, a record not compressed between members
# (both were exit 0 before, the second only a warning that -q hid).
# wget's WARC-Target-URI in angle brackets is the URI inside them (the url
# column kept them and --url-pattern 'http://www.cnn.com/*' matched
# nothing); a robots.txt response and wget's own resource records
# (metadata://gnu.org/...) are no articles, and counted (they were scored).
# templates --warc over several files names their count, not only the first.
. "$ROOT/tests/e2e/hostile.lib"
cd "$ROOT" || exit 1
command -v python3 >/dev/null 2>&1 || { echo "skip: python3 (tests/warc/mktrial.py) missing"; exit 77; }
python3 "$ROOT/tests/warc/mktrial.py" "$T" || fail "mktrial.py"

expect 0 "WARC: 3 records, 3 articles" -- score -q -j 1 -l "$T/ok.lex" --warc "$T/ok.warc.gz" -o "$T/ok"
expect 1 "badgz.warc.gz: byte [0-9]*: the gzip member that starts here is damaged" \
	-- score -q -j 1 -l "$T/ok.lex" --warc "$T/badgz.warc.gz" -o "$T/bad"
grep -q "1 article skipped" "$T/stderr" || fail "badgz: the lost record is not counted"
[ "$(tail -n +2 "$T/bad/scores.tsv" | wc -l)" -eq 2 ] || fail "badgz: not the two other pages"
expect 1 "notgz.warc.gz: byte [0-9]*: [0-9]* bytes that are not a gzip member" \
	-- score -q -j 1 -l "$T/ok.lex" --warc "$T/notgz.warc.gz" -o "$T/notgz"
grep -q "1 article skipped" "$T/stderr" || fail "notgz: the lost record is not counted"

expect 0 "WARC: 6 records, 3 articles; dropped: 2 not a web page, 1 robots.txt" \
	-- score -q -j 1 -l "$T/ok.lex" --warc "$T/wget.warc.gz" --url-pattern 'http://www.cnn.com/*' -o "$T/wget"
awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "url") c = i; next } { print $c }' \
	"$T/wget/scores.tsv" | sort > "$T/urls"
printf 'http://www.cnn.com/p%s.html\n' 1 2 3 | cmp - "$T/urls" || fail "wget: url column not the URIs inside <>"
cut -f2 "$T/wget/scores.tsv" | tail -n +2 | sort -u | grep -qx cnn.com || fail "wget: outlet not cnn.com"

expect 0 "ok.warc.gz and 1 other WARC file: " \
	-- templates -j 1 --warc "$T/ok.warc.gz" "$T/wget.warc.gz" -o "$T/t.tsv"
exit 0
