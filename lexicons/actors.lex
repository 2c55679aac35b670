# actors.lex: who a sentence names, so that targets.tsv tallies the matches
# of every other category by the side named: only China's side, only the US
# side, several sides, or none.
@actors

[china] China's side: the state, its capital, leaders and institutions.
china
chinese
beijing
xi jinping
"PRC"
people's republic
people's liberation army
"PLA"
hong lei
yang jiechi
zheng zeguang
cui tiankai
foreign ministry spokesman
sino

[us] The US side: the state, its capital, leaders and agencies.
# Case-sensitive: "US" the country, never "us" the pronoun.
"US"
u.s
"USA"
united states
america
american*
washington
obama
john kerry
hagel
pentagon
"FBI"
"NSA"
national security agency
white house
state department
