// Everything the graph says the Trade Department did: each fact with its
// relation phrase, its object and the sentence that states it.
g.V().Has("<kg:name>", "Trade Department")
  .In("<kg:subject>")
  .Save("<kg:relation>", "relation")
  .Save("<kg:negated>", "negated")
  .Save("<kg:text>", "sentence")
  .Out("<kg:object>").Out("<kg:name>")
  .All()
