# Issue 18, items 2 and 11: -o into the corpus by another name, an output
# that is one of the inputs, -o naming a file, chart before stats.
. "$ROOT/tests/e2e/hostile.lib"

lex="-l $ROOT/lexicons/stance.lex"
mkdir "$T/c"
cp "$ROOT"/corpus/seeds/* "$T/c/"
listing() { ls -A "$T/c"; }
before=$(listing)

# The corpus folder by another name: refused, nothing written into it;
# also when the folder named does not exist yet (y/.. once y is made).
expect 2 "the output folder '$T/c/y/..' is the corpus folder" -- report -q $lex "$T/c" -o "$T/c/y/.."
[ "$(listing)" = "$before" ] || fail "report -o C/y/..: files were added to the corpus: $(listing)"
mkdir "$T/c/x"
before=$(listing)
expect 2 "the output folder '$T/c/x/..' is the corpus folder" -- report -q $lex "$T/c" -o "$T/c/x/.."
expect 2 "the output folder '$T/c/x/..' is the corpus folder" -- score -q $lex "$T/c" -o "$T/c/x/.."
# A name that leads back to it through a folder not made yet, and a link to it.
expect 2 "the output folder '$T/c/new/deeper/../..' is the corpus folder" -- report -q $lex "$T/c" -o "$T/c/new/deeper/../.."
ln -s "$T/c" "$T/clink"
expect 2 "the output folder '$T/clink' is the corpus folder" -- score -q $lex "$T/c" -o "$T/clink"
expect 2 "the output folder '$T/clink/x/..' is the corpus folder" -- score -q $lex "$T/c" -o "$T/clink/x/.."
rm "$T/clink"
[ "$(listing)" = "$before" ] || fail "files were added to the corpus: $(listing)"
[ -z "$(ls -A "$T/c/x")" ] || fail "files were written into the corpus's folder x"
# A subfolder of the corpus is another folder: allowed (scripts/eval-clean uses one).
"$FRAMING" score -q $lex "$T/c" -o "$T/c/x" 2>"$T/stderr" || { cat "$T/stderr"; fail "-o a subfolder of the corpus"; }

# An output that is one of the inputs: refused, the input intact.
cp "$ROOT/tests/fixtures/seeds.jsonl" "$T/in.jsonl"
cp "$T/in.jsonl" "$T/in.orig"
expect 2 "'$T/in.jsonl' is the input '$T/in.jsonl'" \
	-- score -q $lex --jsonl "$T/in.jsonl" --stdout --matches "$T/in.jsonl"
expect 2 "is the input" -- score -q $lex --jsonl "$T/in.jsonl" --stdout --terms "$T/./in.jsonl"
ln "$T/in.jsonl" "$T/hardlink.tsv"
expect 2 "is the input" -- score -q $lex --jsonl "$T/in.jsonl" --stdout --signatures "$T/hardlink.tsv"
expect 2 "is the lexicon" -- score -q $lex --jsonl "$T/in.jsonl" --stdout --matches "$ROOT/lexicons/stance.lex"
expect 2 "is the input" -- templates --jsonl "$T/in.jsonl" -o "$T/in.jsonl"
cmp "$T/in.jsonl" "$T/in.orig" || fail "an input was overwritten"
cp "$ROOT/lexicons/stance.lex" "$T/x.lex"
cp "$T/x.lex" "$T/x.orig"
expect 2 "'$T/x.lex' is the input '$T/x.lex'" -- lexicon export "$T/x.lex" --format dic -o "$T/x.lex"
cmp "$T/x.lex" "$T/x.orig" || fail "lexicon export overwrote its input"
"$FRAMING" lexicon export -q "$T/x.lex" -o "$T/x.dic" || fail "export to .dic"
cp "$T/x.dic" "$T/x.dic.orig"
expect 2 "is the input" -- lexicon import "$T/x.dic" -o "$T/x.dic"
cmp "$T/x.dic" "$T/x.dic.orig" || fail "lexicon import overwrote its input"

# -o naming an existing file: a usage error (exit 2), the file intact.
echo keep > "$T/file"
expect 2 "'$T/file': not a directory" -- score -q $lex "$T/c" -o "$T/file"
expect 2 "'$T/file': not a directory" -- report -q $lex "$T/c" -o "$T/file"
[ "$(cat "$T/file")" = keep ] || fail "-o FILE changed the file"

# chart before stats.
"$FRAMING" score -q $lex "$T/c" -o "$T/o" 2>"$T/stderr" || { cat "$T/stderr"; fail "score"; }
expect 2 "no outlets.tsv in $T/o: run framing stats first" -- chart -i "$T/o"
expect 2 "no outlets.tsv in $T/none: run framing stats first" -- chart -i "$T/none"
exit 0
