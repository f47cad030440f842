// Every fact one document states, with its sentence: here the first three
// sentences of the example article.
var doc = g.V().Has("<rdf:type>", "<kg:Document>").Has("<kg:name>", like("%harbor-sanctions.txt"))
doc.In("<kg:doc>").Has("<kg:sentence_index>", lt(3)).ForEach(function(ev) {
  var e = g.V(ev.id)
  g.Emit({
    sentence: e.Out("<kg:sentence_index>").ToValue(),
    subject: e.Out("<kg:subject>").Out("<kg:name>").ToValue(),
    relation: e.Out("<kg:relation>").ToValue(),
    object: e.Out("<kg:object>").Out("<kg:name>").ToValue(),
    negated: e.Out("<kg:negated>").ToValue(),
    when: e.Out("<kg:when>").ToValue(),
  })
})
