// Everything within two hops of Gulf Systems, following facts either way.
var relations = g.V().Has("<rdf:type>", "<kg:Relation>")
var gulf = g.V().Has("<kg:name>", "Gulf Systems")
var one = gulf.Both(relations)
one.Union(one.Both(relations))
  .Except(gulf)
  .Unique()
  .Out("<kg:name>")
  .All()
