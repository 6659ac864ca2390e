"""The content base under the page families: the abstract catalogue page, the
eligibility criteria, the taxonomies, the sources and the listing cards."""
