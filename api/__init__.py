"""The public, read-only open-data API (``/api/v1/``) and the exports that mirror it.

A service floor, beside ``finder/`` and ``search/``: it reads the page families
(programmes, pactes, training offers) and the finder's evaluation of a commune,
and nothing under it imports it. It is an app of its own rather than a module of
a page family because it spans all of them, and rather than part of ``finder/``
because re-users ask for the catalogue itself, not only for a commune's verdicts.
The JSON, the CSV and the XLSX exports are built from the same serialisers
(``api.serializers``), so the files never say something the API does not.
"""
