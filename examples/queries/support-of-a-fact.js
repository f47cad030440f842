// How many sentences and documents support "Trade Department - penalize - Harbor Networks", and how many deny it?
var evidence = g.V().Has("<kg:name>", "Trade Department").In("<kg:subject>").Has("<kg:relation>", "penalize")
  .And(g.V().Has("<kg:name>", "Harbor Networks").In("<kg:object>"))
g.Emit({
  sentences: evidence.Count(),
  documents: evidence.Out("<kg:doc>").Unique().Count(),
  negated: evidence.Has("<kg:negated>", true).Count()
})
