#!/bin/sh
# Issue 18, item 11: a manifest saved as CSV gets one message that says so
# (exit 2), not five missing columns; a one-column header that is no CSV
# still names the missing columns.
. "$ROOT/tests/e2e/hostile.lib"

mkdir "$T/c"
echo "The claims are groundless, the ministry said." >"$T/c/a.txt"
printf '[acc]\ngroundless\n' >"$T/ok.lex"

printf 'id,file,outlet,date,title\na,a.txt,X,2015-01-01,T\n' >"$T/c/manifest.tsv"
expect 2 "manifest.tsv:1: this looks like CSV; manifest.tsv is tab-separated" -- \
	score -l "$T/ok.lex" "$T/c" -o "$T/o"
grep -q "missing column" "$T/stderr" && { cat "$T/stderr"; fail "CSV: missing columns listed too"; }
[ "$(wc -l <"$T/stderr")" -eq 1 ] || { cat "$T/stderr"; fail "CSV: more than one message"; }
[ -e "$T/o" ] && fail "CSV: outputs written"

# Quoted names and semicolons (a spreadsheet in a locale with decimal commas).
printf '"id";"file";"outlet";"date";"title"\na;a.txt;X;2015-01-01;T\n' >"$T/c/manifest.tsv"
expect 2 "manifest.tsv:1: this looks like CSV" -- score -l "$T/ok.lex" "$T/c" -o "$T/o"

# The same message for every command that reads the corpus.
printf 'id,file,outlet,date,title\na,a.txt,X,2015-01-01,T\n' >"$T/c/manifest.tsv"
expect 2 "this looks like CSV" -- kwic "$T/c" groundless

# One column that is not CSV: the missing columns, as before.
printf 'id\na\n' >"$T/c/manifest.tsv"
expect 2 "manifest.tsv:1: missing column 'file'" -- score -l "$T/ok.lex" "$T/c" -o "$T/o"
grep -q "CSV" "$T/stderr" && fail "a one-column TSV called CSV"
echo ok
