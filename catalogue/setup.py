"""The catalogue's reference taxonomies, part of the site setup production needs
(``manage.py setup_site`` runs ``setup``, as it runs every app's ``setup``
module: ``home.setup``): the thématiques and politiques publiques of the agency's 2020
roadmap (section III), the beneficiary types and the territory types the
eligibility rules use. Editors may add more in the admin; rows are found by
slug and only created or updated when they differ.

Partners are not reference content: the demo (``demo/data/partners.yaml``) adds
the ones the roadmap names.
"""

from django.db import transaction

from home.upsert import LoadReport, upsert

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

TERRITORY_TYPES = [
    {"slug": "rural", "name": "Territoires ruraux", "rule": "liste"},
    {"slug": "qpv", "name": "Quartiers prioritaires de la politique de la ville (QPV)", "rule": "liste"},
    {"slug": "petite-ville", "name": "Petites villes", "rule": "liste"},
    {"slug": "ville-moyenne", "name": "Villes moyennes", "rule": "liste"},
    {"slug": "montagne", "name": "Territoires de montagne", "rule": "liste"},
    {
        # Filled by finder's import_official_lists (the ANCT list of April 2024).
        "slug": "action-coeur-de-ville",
        "name": "Villes du programme Action cœur de ville",
        "rule": "liste",
        "description": "Communes retenues par le programme Action cœur de ville (liste de l'ANCT).",
    },
    {
        "slug": "outre-mer",
        "name": "Outre-mer",
        "rule": "outre_mer",
        "description": "Communes des départements et régions d'outre-mer.",
    },
    {
        "slug": "territoire-fragile",
        "name": "Territoires fragiles",
        "rule": "liste",
        "description": "Territoires particulièrement vulnérables.",
    },
]


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
    for item in TERRITORY_TYPES:
        upsert(
            TerritoryType,
            report,
            {"slug": item["slug"]},
            name=item["name"],
            rule=item["rule"],
            description=item.get("description", ""),
        )
