[a]
x = nan
*
fo*o
[a]
"un
