# hostile bits
[acc] Accusations
groundless
accus* = 2.5
"US" = 1
so-called
cyber spying
[conc]
mutual respect = 0.5
