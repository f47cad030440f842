// Every entity typed as an organisation.
g.V().Has("<kg:type>", "ORG").Out("<kg:name>").All()
