# Issue 18, item 1: a symbolic link never brings a file from outside the
# corpus folder, in a folder corpus or through a manifest path; a link that
# stays inside the corpus is followed.
. "$ROOT/tests/e2e/hostile.lib"

lex="-l $T/ok.lex"
secret=$T/outside/secret.txt
mkdir -p "$T/outside" "$T/c/Out" "$T/m/sub"
echo "SECRET-FIRST-LINE groundless" > "$secret"
echo "An article that is groundless." > "$T/c/Out/a.txt"

# A folder corpus: Out/pw.txt -> a file outside.
ln -s "$secret" "$T/c/Out/pw.txt"
expect 2 "Out/pw.txt' leads outside the corpus folder (to '$secret')" -- score -q $lex "$T/c" -o "$T/o1"
[ -e "$T/o1/scores.tsv" ] && grep -q SECRET "$T/o1/scores.tsv" && fail "the outside file was scored"
rm "$T/c/Out/pw.txt"
# An outlet folder that is a link to a folder outside.
ln -s "$T/outside" "$T/c/Elsewhere"
expect 2 "Elsewhere/secret.txt' leads outside the corpus folder" -- score -q $lex "$T/c" -o "$T/o1"
rm "$T/c/Elsewhere"
# /etc/passwd itself, as the issue found it.
ln -s /etc/passwd "$T/c/Out/pw.txt"
expect 2 "leads outside the corpus folder (to '/etc/passwd')" -- score -q $lex "$T/c" -o "$T/o1"
rm "$T/c/Out/pw.txt"

# A manifest path through a linked folder: etcdir -> a folder outside.
echo "Inside text, groundless." > "$T/m/a.txt"
ln -s "$T/outside" "$T/m/etcdir"
printf 'id\tfile\toutlet\tdate\ttitle\n1\ta.txt\tO\t\tt\n2\tetcdir/secret.txt\tO\t\tt\n' > "$T/m/manifest.tsv"
expect 2 "manifest.tsv:3: '$T/m/etcdir/secret.txt' leads outside the corpus folder" \
	-- score -q $lex "$T/m" -o "$T/o2"
[ -e "$T/o2/scores.tsv" ] && fail "a manifest path through a link was scored"
# The same through a link to /etc, as the issue found it.
if [ -r /etc/hostname ]; then
	ln -s /etc "$T/m/etc2"
	printf 'id\tfile\toutlet\tdate\ttitle\n1\tetc2/hostname\tO\t\tt\n' > "$T/m/manifest.tsv"
	expect 2 "leads outside the corpus folder (to '/etc/hostname')" -- score -q $lex "$T/m" -o "$T/o2"
fi
# kwic and clean read the same list.
expect 2 "leads outside the corpus folder" -- kwic "$T/m" groundless

# Links that stay inside the corpus are followed: a file and a folder.
ln -s a.txt "$T/c/Out/b.txt"
ln -s Out "$T/c/Same"
"$FRAMING" score -q $lex "$T/c" -o "$T/o3" 2>"$T/stderr" || { cat "$T/stderr"; fail "links inside the corpus"; }
n=$(tail -n +2 "$T/o3/scores.tsv" | wc -l)
[ "$n" = 4 ] || fail "links inside: $n articles, expected 4 (Out/a, Out/b, Same/a, Same/b)"
printf 'id\tfile\toutlet\tdate\ttitle\n1\tsub/../a.txt\tO\t\tt\n2\tlink.txt\tO\t\tt\n' > "$T/m/manifest.tsv"
ln -s sub/../a.txt "$T/m/link.txt"
"$FRAMING" score -q $lex "$T/m" -o "$T/o4" 2>"$T/stderr" && fail "'..' in a manifest path is still refused"
printf 'id\tfile\toutlet\tdate\ttitle\n2\tlink.txt\tO\t\tt\n' > "$T/m/manifest.tsv"
"$FRAMING" score -q $lex "$T/m" -o "$T/o4" 2>"$T/stderr" || { cat "$T/stderr"; fail "a link inside a manifest corpus"; }
# The corpus folder itself may be reached through a link.
ln -s "$T/c" "$T/clink"
"$FRAMING" score -q $lex "$T/clink" -o "$T/o5" 2>"$T/stderr" || { cat "$T/stderr"; fail "a corpus reached through a link"; }
exit 0
