"""News ("actualités"): a page family on ``home/`` (``BasePage``), not on
``catalogue/``.

A news item has no thématique, status or eligibility: it is dated editorial
text, so the catalogue's facets would be empty fields. It is published under
the site's news index, a programme or a pacte (its parent says what it is
about), and each of those has RSS and Atom feeds (``news.feeds``). The page
families name ``news.NewsPage`` in their ``subpage_types`` as a string; no
Python import crosses between the families.
"""
