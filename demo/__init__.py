"""Demo content, in one place: the catalogue, pactes, training offers and search
synonyms taken from the agency's 2020 roadmap (``manage.py load_demo_content``).

Why an app of its own: production needs the site setup (``manage.py setup_site``
in ``home``: shell, legal pages, review workflow, reference taxonomies) but none
of this content, so a deployment can leave it out. It is the top floor of the
house: it may import every content app, and nothing imports it (the
architecture test checks both).
"""
