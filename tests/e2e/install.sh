# Issue 4: make install honours PREFIX and DESTDIR, and the installed binary
# finds its lexicons when run outside the source tree.
set -eu
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# A copy of the tree, so the build for another PREFIX leaves the tested one alone.
mkdir "$T/src"
(cd "$ROOT" && tar --exclude=./build --exclude=./bin --exclude=./output --exclude=./.git -cf - .) \
	| tar -xf - -C "$T/src"
make -s -j2 -C "$T/src" install PREFIX=/opt/framing DESTDIR="$T/stage" > "$T/log" 2>&1 \
	|| { tail "$T/log"; fail "make install"; }
for f in bin/framing share/framing/stance.lex share/framing/actors.lex share/man/man1/framing.1; do
	[ -f "$T/stage/opt/framing/$f" ] || fail "not installed: $f"
done
mkdir "$T/elsewhere" && cd "$T/elsewhere"
cp -r "$ROOT/corpus/seeds" .
"$T/stage/opt/framing/bin/framing" score -q seeds -o out || fail "installed binary cannot score"
head -n 1 out/scores.tsv | grep -q accusatory_matches || fail "installed lexicons not found"
"$T/stage/opt/framing/bin/framing" --version | grep -q '^framing [0-9]' || fail "--version"
echo ok
