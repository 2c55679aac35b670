# A lexicon with planted problems, one per line marked "planted", for the
# golden test tests/cli/lexicon-check-broken: lexicon check must report each
# of them at its line and column, and nothing else.

[accusatory] Accusing the other side.
groundless
smear*
hypocrisy
groundless          # planted: twice in one category
smears              # planted: never counts, smear* matches it and is earlier
co*                 # planted: a glob that matches much of the language
fabricated!         # planted: '!' is not part of any word
bad weight = heavy  # planted: parse error, a weight must be a number
accus*ed            # planted: parse error, '*' inside a word
  -lies             # planted: '-' before the word is ignored

[conciliatory] Stressing cooperation.
dialogue
hypocrisy           # planted: also in [accusatory]
"US                 # planted: parse error, unclosed quote

[empty] A category nobody filled.  # planted: no entries
[accusatory] Defined again.        # planted: parse error, defined twice
ignored             # not reported: its header is broken
