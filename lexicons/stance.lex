# stance.lex: how an article positions itself in a dispute between states.
# Format: see lexicons/README.md. Entries were chosen by reading the sample
# corpus (China Daily, Press TV, Sputnik on US-China cyber security,
# 2013-2015) and the standard vocabulary of foreign-ministry statements.

[accusatory] Phrasing that accuses the other side of lying, bad faith or wrongdoing.
# Dismissing a charge as baseless: the core of a ministry rebuttal.
groundless
groundless accusation*
baseless
unfounded
unjustified
unwarranted
without any basis
no evidence
# Calling the other side's account invented.
fabricat*
made up
smear*
slander*
distort*
lies
# Moral charges.
hypocri*
double standard*
irresponsible
# "Mistaken US practices", "wrong actions": blame in diplomatic register.
mistaken
wrong actions
cold war mentality
# The charge itself, when the article repeats it.
accus*
blam*
allegation*
trading accusations
finger-pointing
point the finger
# Framing acts as hostile.
act of aggression
provocation*
interference
hegemon*
bully*

[conciliatory] Phrasing that stresses cooperation, dialogue and shared interests.
dialogue
cooperat*
mutual respect
mutual trust
mutual benefit
mutual understanding
common interests
common challenges
win-win
consensus
constructive
work together
working with
partnership
friendship
peaceful
resolve disputes
enhance understanding
calmly manage
stand ready
willing to

[distancing] Phrasing that keeps a claim at arm's length without adopting it.
alleged
allegedly
so-called
purported
purportedly
reportedly
claimed
claims
supposed
supposedly
according to

# stance > 0 when an article's accusatory phrasing outweighs its
# conciliatory phrasing (lexicons/README.md, Indices).
@index stance = log-ratio accusatory conciliatory
