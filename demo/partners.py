"""The partners the roadmap names (operators, associations of elected officials,
ministries), found by name. Not reference content: production editors enter
their own in the admin."""

from catalogue.models import Partner
from home.upsert import LoadReport, upsert

# Partners the roadmap names. The five "premier cercle" operators have
# framework agreements with the agency (section II c).
PARTNERS = [
    {
        "name": "Agence de l'environnement et de la maîtrise de l'énergie",
        "acronym": "ADEME",
        "kind": "operateur",
        "is_first_circle_operator": True,
    },
    {
        "name": "Agence nationale pour la rénovation urbaine",
        "acronym": "ANRU",
        "kind": "operateur",
        "is_first_circle_operator": True,
    },
    {
        "name": "Agence nationale de l'habitat",
        "acronym": "ANAH",
        "kind": "operateur",
        "is_first_circle_operator": True,
    },
    {
        "name": "Centre d'études et d'expertise sur les risques, l'environnement, la mobilité et l'aménagement",
        "acronym": "CEREMA",
        "kind": "operateur",
        "is_first_circle_operator": True,
    },
    {"name": "Banque des territoires", "acronym": "", "kind": "operateur", "is_first_circle_operator": True},
    {
        "name": "Association des petites villes de France",
        "acronym": "APVF",
        "kind": "association_elus",
        "is_first_circle_operator": False,
    },
    {
        "name": "Villes de France",
        "acronym": "",
        "kind": "association_elus",
        "is_first_circle_operator": False,
    },
    {"name": "Atout France", "acronym": "", "kind": "organisme_public", "is_first_circle_operator": False},
    {"name": "Sciences Po", "acronym": "", "kind": "enseignement", "is_first_circle_operator": False},
    {
        "name": "Ministère chargé de l'aménagement du territoire",
        "acronym": "",
        "kind": "ministere",
        "is_first_circle_operator": False,
    },
    {
        "name": "Ministère chargé des communications électroniques et du numérique",
        "acronym": "",
        "kind": "ministere",
        "is_first_circle_operator": False,
    },
]


def load(report: LoadReport) -> None:
    """Create or update the roadmap's partners."""
    for item in PARTNERS:
        upsert(
            Partner,
            report,
            {"name": item["name"]},
            **{key: value for key, value in item.items() if key != "name"},
        )
