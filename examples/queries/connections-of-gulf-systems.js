// Everything one hop from Gulf Systems, in either direction, with the
// relation that links it.
var relations = g.V().Has("<rdf:type>", "<kg:Relation>")
var gulf = g.V().Has("<kg:name>", "Gulf Systems")
gulf.Out(relations, "relation").Union(gulf.In(relations, "relation"))
  .Out("<kg:name>")
  .All()
