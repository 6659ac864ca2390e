"""The catalogue's reference taxonomies, part of the site setup production needs
(``manage.py setup_site`` runs ``setup``, as it runs every app's ``setup``
module: ``home.setup``): the thématiques and politiques publiques of the agency's 2020
roadmap (section III), the beneficiary types and the territory types the
eligibility rules use. Editors may add more in the admin; rows are found by
slug and only created or updated when they differ.

Partners are not reference content: the demo (``demo/data/partners.yaml``) adds
the ones the roadmap names.
"""

from pathlib import Path

from django.db import transaction

from core.data_files import read_yaml
from core.upsert import LoadReport, upsert

from .models import BeneficiaryType, PublicPolicy, TerritoryType, Theme

POLITIQUE_VILLE = "politique-de-la-ville"
RURALITES = "territoires-et-ruralites"
NUMERIQUE = "numerique"

THEMES = [
    {"slug": POLITIQUE_VILLE, "name": "Politique de la ville", "sort_order": 1},
    {"slug": RURALITES, "name": "Territoires et ruralités", "sort_order": 2},
    {"slug": NUMERIQUE, "name": "Numérique", "sort_order": 3},
]

# Every politique publique of the section III table, in the table's order.
POLICIES = [
    (POLITIQUE_VILLE, "education", "Éducation"),
    (POLITIQUE_VILLE, "lien-social", "Lien social"),
    (POLITIQUE_VILLE, "emploi-developpement-economique", "Emploi, développement économique"),
    (POLITIQUE_VILLE, "vie-associative", "Soutien à la vie associative"),
    (POLITIQUE_VILLE, "ambition-culturelle", "Co-construction État-territoires de l’ambition culturelle"),
    (RURALITES, "ruralite", "Politique de la ruralité"),
    (RURALITES, "climat-tourisme-ruralite", "Lutte contre le réchauffement climatique / tourisme / ruralité"),
    (
        RURALITES,
        "centres-petites-moyennes-villes",
        "Revitalisation des centres des petites et moyennes villes",
    ),
    (RURALITES, "acces-services-publics", "Amélioration de l’accès aux services publics"),
    (RURALITES, "reindustrialisation", "Soutien à la réindustrialisation"),
    (RURALITES, "territoires-fragiles", "Appui renforcé aux territoires fragiles"),
    (RURALITES, "developpement-touristique", "Appui au développement touristique"),
    (RURALITES, "espaces-commerciaux", "Revitalisation des espaces commerciaux"),
    (RURALITES, "reflexion-prospective", "Appui à la réflexion prospective"),
    (
        RURALITES,
        "participation-citoyenne",
        "Participation citoyenne / engagement citoyen / soutien à la concertation citoyenne "
        "et aux nouveaux modes de participation (ingénierie démocratique)",
    ),
    (RURALITES, "sante", "Santé"),
    (RURALITES, "communautes-professionnelles", "Animation de communautés professionnelles"),
    (NUMERIQUE, "tres-haut-debit", "Renforcer l’accessibilité au très haut débit (infrastructures)"),
    (NUMERIQUE, "fracture-numerique", "Réduire la fracture numérique"),
    (NUMERIQUE, "tiers-lieux", "Encourager les tiers lieux"),
    (NUMERIQUE, "couverture-mobile", "Améliorer la couverture mobile (infrastructures)"),
]

BENEFICIARY_TYPES = [
    {"slug": "communes", "name": "Communes", "sort_order": 1, "collectivite_level": "commune"},
    {"slug": "epci", "name": "Intercommunalités (EPCI)", "sort_order": 2, "collectivite_level": "epci"},
    {"slug": "departements", "name": "Départements", "sort_order": 3},
    {"slug": "regions", "name": "Régions", "sort_order": 4},
    {"slug": "associations", "name": "Associations", "sort_order": 5},
    {"slug": "citoyens", "name": "Citoyens et habitants", "sort_order": 6},
]

#: The territory types and how each is answered (data: ``data/territory_types.yaml``).
TERRITORY_TYPES_FILE = Path(__file__).resolve().parent / "data" / "territory_types.yaml"
TERRITORY_TYPE_FIELDS = (
    "name",
    "description",
    "question",
    "rule",
    "match_attribute",
    "match_values",
    "inside_outcome",
    "inside_note",
    "join_note",
)


def territory_types() -> list[dict]:
    return read_yaml(TERRITORY_TYPES_FILE)


@transaction.atomic
def setup(report: LoadReport) -> None:
    """Create or update the reference taxonomies."""
    themes = {}
    for item in THEMES:
        themes[item["slug"]] = upsert(
            Theme, report, {"slug": item["slug"]}, name=item["name"], sort_order=item["sort_order"]
        )
    for position, (theme_slug, slug, name) in enumerate(POLICIES, start=1):
        upsert(PublicPolicy, report, {"slug": slug}, theme=themes[theme_slug], name=name, sort_order=position)
    for item in BENEFICIARY_TYPES:
        upsert(
            BeneficiaryType,
            report,
            {"slug": item["slug"]},
            name=item["name"],
            sort_order=item["sort_order"],
            collectivite_level=item.get("collectivite_level", "autre"),
        )
    defaults = {name: TerritoryType._meta.get_field(name).get_default() for name in TERRITORY_TYPE_FIELDS}
    for item in territory_types():
        values = {name: item.get(name, default) for name, default in defaults.items()}
        upsert(
            TerritoryType,
            report,
            {"slug": item["slug"]},
            dataset_id=item.get("dataset"),
            fact_dataset_id=item.get("fact_dataset"),
            **values,
        )
