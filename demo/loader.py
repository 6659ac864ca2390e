"""The demo steps, in order, and the function that runs them all.

Each step is ``load(home, report) -> home``, idempotent, counting what it
created, updated or left unchanged in the shared ``LoadReport``.
"""

from django.db import transaction

from home.setup import setup_site
from home.upsert import LoadReport

from . import criteria_sources, pactes, programmes, synonyms, training

DEMO_STEPS = [
    programmes.load,
    pactes.load,
    # Sourced facts load here, after the pages they describe: one line per loader.
    criteria_sources.load,
    training.load,
    synonyms.load,
]


@transaction.atomic
def load_demo_content(report: LoadReport, *, progress=None):
    """The site setup first (the demo stands on the shell and the reference
    taxonomies; a no-op when ``setup_site`` already ran), then every step."""
    home = setup_site(report)
    for step in DEMO_STEPS:
        if progress:
            progress(f"{step.__module__}.{step.__name__}")
        home = step(home, report)
    return home
