// Who did what to whom: every fact whose subject is a person, as subject,
// relation (the predicate's IRI) and object.
var relations = g.V().Has("<rdf:type>", "<kg:Relation>")
g.V().Has("<kg:type>", "PERSON").Save("<kg:name>", "subject")
  .Out(relations, "relation")
  .Out("<kg:name>")
  .All()
