"""Official territorial reference data (régions, départements, arrondissements,
EPCI, communes) imported from Etalab's ``@etalab/decoupage-administratif``, the
commune lookup and the "Ma commune" pages. An app of its own because reference data
is neither a content type (programmes, pactes) nor search: every other app reads it."""
