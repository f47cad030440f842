// What connects Elena Park and the Treasury Department? The entities both
// share a fact with, either way, and the relation on each side. (kg path
// finds longer connections, and the sentences behind them.)
var relations = g.V().Has("<rdf:type>", "<kg:Relation>")
var park = g.V().Has("<kg:name>", "Elena Park")
var treasury = g.V().Has("<kg:name>", "Treasury Department")
park.Both(relations, "park_relation")
  .Intersect(treasury.Both(relations, "treasury_relation"))
  .Out("<kg:name>")
  .All()
