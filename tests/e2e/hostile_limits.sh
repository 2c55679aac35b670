# Bounds on what one field or one line may hold (issue 18, items 8 and
# 13): ids, outlets, titles and extra fields over their limits are
# refused with the article (a 1 MB outlet name made report use 712 MB and
# write 2.2 GB); JSON numbers beyond a double are refused by line.
. "$(dirname "$0")/hostile.lib"
cd "$T"
long() { head -c "$1" /dev/zero | tr '\0' x; }

# A 1 MB outlet, a 2,000-byte id and a 100 KB extra field in JSON Lines.
{
	printf '{"id":"ok","outlet":"X","text":"Groundless claims.","url":"u"}\n'
	printf '{"id":"big-outlet","outlet":"%s","text":"Groundless."}\n' "$(long 1048576)"
	printf '{"id":"%s","outlet":"X","text":"Groundless."}\n' "$(long 2000)"
	printf '{"id":"big-url","outlet":"X","text":"Groundless.","url":"%s"}\n' "$(long 100000)"
	printf '{"id":"big-title","outlet":"X","text":"Groundless.","title":"%s"}\n' "$(long 70000)"
	printf '{"id":1e400,"outlet":"X","text":"Groundless."}\n'
	printf '{"id":"inf-url","outlet":"X","text":"Groundless.","url":-1E999}\n'
	printf '{"id":"last","outlet":"X","text":"Groundless claims."}\n'
} > big.jsonl
expect 1 "big.jsonl:2: outlet of 1048576 bytes, more than 1024; skipped" \
	-- score -q --no-clean -l ok.lex --jsonl big.jsonl -o o
for want in "big.jsonl:3: id of 2000 bytes, more than 1024; skipped" \
	"big.jsonl:4: column 'url' of 100000 bytes, more than 65536; skipped" \
	"big.jsonl:5: title of 70000 bytes, more than 65536; skipped" \
	'big.jsonl:6: "id": the number 1e400 is beyond the range of a double; skipped' \
	'big.jsonl:7: "url": the number -1E999 is beyond the range of a double; skipped' \
	"6 articles skipped"; do
	grep -qF -- "$want" "$T/stderr" || { cat "$T/stderr"; fail "no message '$want'"; }
done
[ "$(cut -f1 o/scores.tsv | tr '\n' ' ')" = "id ok last " ] || fail "rows: $(cut -f1 o/scores.tsv)"

# The same limits for a manifest.
mkdir c
echo 'Groundless claims.' > c/a.txt
echo 'Groundless claims.' > c/b.txt
printf 'id\tfile\toutlet\tdate\ttitle\na\ta.txt\t%s\t\tA\nb\tb.txt\tX\t\tB\n' "$(long 5000)" > c/manifest.tsv
expect 1 "c/manifest.tsv:2: outlet of 5000 bytes, more than 1024; skipped" \
	-- score -q --no-clean -l ok.lex c -o o2
[ "$(cut -f1 o2/scores.tsv | tr '\n' ' ')" = "id b " ] || fail "manifest rows: $(cut -f1 o2/scores.tsv)"
echo ok
