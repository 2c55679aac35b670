# Issue 2: the cleaner drops the seeds' boilerplate and keeps the articles' text.
set -eu
cd "$ROOT/corpus/seeds"
fail() { echo "FAIL: $*"; exit 1; }
all=$(for f in *.txt; do "$FRAMING" clean "$f" 2>/dev/null; done)
dropped() { printf '%s\n' "$all" | grep -F -- "$1" | grep -q '^- ' || fail "not dropped: $1"; }
kept() { printf '%s\n' "$all" | grep -F -- "$1" | grep -q '^+ ' || fail "not kept: $1"; }
for s in "Most Viewed" "Editor's Picks" "- Xinjiang publishes anti-terror brochures" \
	"VW defends safety of recalled New Sagitar" "Ukraine Snake Island Flag - Buy it Here!" \
	"Join the mailing list" "Заголовок открываемого материала" "中文字幕" "8.03K" \
	"Related Stories" "China-US relations 'gain momentum' 2015-09-11 07:39" "Updated: 2015-09-11 21:03" \
	"Obama Fears China, Russia Approaching US Cyber Capabilities" "Subscribe"; do
	dropped "$s"
done
# Headlines and short paragraphs of the articles' own text stay.
for s in "China urges US to stop 'groundless accusations' about cyber attacks" \
	"China, US to hold cybertalks" "Kerry and Yang Jiechi were meeting in Boston for informal talks." \
	'China said the revelations exposed the US "hypocrisy".' "Xinhua contributed to this story." \
	"The US Army announced earlier in"; do
	kept "$s"
done
# Every line is either kept or dropped with a reason in brackets.
printf '%s\n' "$all" | grep '^- ' | grep -qv '  \[.*\]$' && fail "a dropped line without a reason"
"$FRAMING" clean --kept 2015-09-11-china-daily-groundless-accusations.txt 2>/dev/null | grep -q '^Related' && fail "--kept prints dropped text"
echo ok
