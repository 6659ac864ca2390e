"""National support programmes, their taxonomies and eligibility criteria."""
