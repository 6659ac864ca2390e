"""Site search over the catalogue: French analysis, facets, backend by configuration."""
