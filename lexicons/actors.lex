# actors.lex: who is named in a sentence, so that accusations can be
# tallied by the side they are made against or by (acc_china, acc_us and
# acc_both in scores.tsv count accusatory matches in sentences that name
# only China's side, only the US side, or both).

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
