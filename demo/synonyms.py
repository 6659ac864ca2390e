"""Demo search synonyms: the roadmap's acronyms and names, so that "PVD" finds
Petites villes de demain on the demo catalogue. Editors manage their own list in
the admin (``search.models.SearchSynonym``)."""

from home.upsert import LoadReport
from search.models import SearchSynonym

DEMO_SYNONYMS = [
    "PVD, Petites villes de demain",
    "ACV, Action cœur de ville",
    "THD, très haut débit, fibre",
    "tiers-lieux, tiers lieux, Nouveaux lieux nouveaux liens",
    "France Services, maisons de services au public, MSAP",
    "QPV, quartiers prioritaires, quartiers, politique de la ville",
]


def load(home, report: LoadReport):
    """Demo step, idempotent: one synonym rule per line, found by its terms."""
    for terms in DEMO_SYNONYMS:
        _, created = SearchSynonym.objects.get_or_create(terms=terms)
        if created:
            report.created += 1
        else:
            report.unchanged += 1
    return home
