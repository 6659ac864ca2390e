"""Official territorial reference data (régions, départements, arrondissements,
EPCI, communes) imported from Etalab's ``@etalab/decoupage-administratif``, and
the commune lookup. An app of its own because reference data is neither content
nor a service on it: every other app reads it, and it imports none of them (the
"Ma commune" page that weighs programmes for a commune is ``finder``'s)."""
