// Every name the sources call Thomas Reid by, as each sentence writes it.
var reid = g.V().Has("<kg:name>", "Thomas Reid")
reid.In("<kg:subject>").Out("<kg:subject_alias>")
  .Union(reid.In("<kg:object>").Out("<kg:object_alias>")).Unique().All()
