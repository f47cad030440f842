// Who did what to Harbor Networks: the subjects of the facts whose object is
// the company, with the relation as a predicate IRI.
var relations = g.V().Has("<rdf:type>", "<kg:Relation>")
g.V().Has("<kg:name>", "Harbor Networks")
  .In(relations, "relation")
  .Out("<kg:name>")
  .All()
