// Negated facts: what the sources say did not happen.
g.V().Has("<kg:negated>", true)
  .Save("<kg:relation>", "relation")
  .Save("<kg:text>", "sentence")
  .Out("<kg:subject>").Out("<kg:name>")
  .All()
