"""Demo content of the training offer: the training index, the roadmap's training
offer for elected officials (with Sciences Po and the Banque des territoires) and
the concertation and cooperation engineering module (with the Banque des
territoires), with the home tile.

The roadmap announces both offers ("monter une offre de formation", "un module …
développé") without format, duration or date: they are in incubation, their
sessions stay empty and the pages read "Prochaines sessions à venir".
"""

from django.db import transaction

from catalogue.models import Partner
from home.models import HomePage
from home.upsert import LoadReport, merge_entry_points, upsert_page
from training.models import Audience, OfferKind, TrainingIndexPage, TrainingOfferPage

AUDIENCES = [
    {"slug": "elus", "name": "Élus", "sort_order": 1},
    {"slug": "agents", "name": "Agents des collectivités", "sort_order": 2},
]

PARTNERS = {
    "Sciences Po": {"kind": "enseignement"},
    "Banque des territoires": {"kind": "operateur", "is_first_circle_operator": True},
}

INDEX_INTRO = (
    "<p>Pour sortir de la crise sanitaire et accompagner la relance, l’Agence donne aux élus des "
    "outils et des méthodes : une offre de formation sur la résilience, les transitions et la "
    "coopération interterritoriale, et un module d’ingénierie de la concertation et de la "
    "coopération pour co-construire une feuille de route avec les citoyens.</p>"
)

OFFERS = [
    {
        "slug": "resilience-transitions-cooperation",
        "title": "Formation des élus : résilience, transitions et coopération interterritoriale",
        "kind": OfferKind.TRAINING,
        "partners": ["Sciences Po", "Banque des territoires"],
        "summary": "Une offre de formation montée par l’ANCT en partenariat avec Sciences Po et la "
        "Banque des territoires, pour donner aux élus des outils et des méthodes afin de "
        "prendre en charge les enjeux de résilience et de transitions, et de développer la "
        "coopération interterritoriale.",
        "objectives": "<ul><li>Prendre en charge les enjeux de résilience de son territoire.</li>"
        "<li>Conduire les transitions (écologique, numérique, démocratique, "
        "démographique).</li>"
        "<li>Développer la coopération entre territoires.</li></ul>",
    },
    {
        "slug": "module-ingenierie-concertation",
        "title": "Module d’ingénierie de la concertation et de la coopération",
        "kind": OfferKind.CONCERTATION_MODULE,
        "partners": ["Banque des territoires"],
        "summary": "Un module d’ingénierie de concertation et de coopération développé avec la Banque "
        "des territoires, pour donner aux élus les moyens de co-construire une feuille de "
        "route de sortie de crise partagée avec les citoyens et la société civile.",
        "objectives": "<ul><li>Co-construire une feuille de route de sortie de crise avec les "
        "citoyens et la société civile.</li></ul>",
    },
]


def ensure_audiences() -> dict[str, Audience]:
    return {
        data["slug"]: Audience.objects.get_or_create(
            slug=data["slug"], defaults={"name": data["name"], "sort_order": data["sort_order"]}
        )[0]
        for data in AUDIENCES
    }


def ensure_partners() -> dict[str, Partner]:
    return {
        name: Partner.objects.get_or_create(name=name, defaults=defaults)[0]
        for name, defaults in PARTNERS.items()
    }


@transaction.atomic
def load(home, report: LoadReport):
    """Demo step: training index, the two offers, home tile."""
    home = home or HomePage.objects.first()
    audiences = ensure_audiences()
    partners = ensure_partners()
    index = upsert_page(
        home,
        TrainingIndexPage,
        "formations",
        report,
        fields={
            "title": "Formations des élus",
            "introduction": INDEX_INTRO,
            "show_in_menus": True,
            "listing_summary": "Des formations et un module de concertation pour les élus.",
        },
    )
    for data in OFFERS:
        upsert_page(
            index,
            TrainingOfferPage,
            data["slug"],
            report,
            fields={
                "title": data["title"],
                "kind": data["kind"],
                "summary": data["summary"],
                "objectives": data["objectives"],
                "status": "incubation",
            },
            relations={
                "partners": [partners[name] for name in data["partners"]],
                "audiences": [audiences["elus"]],
            },
        )
    merge_entry_points(
        home,
        [
            {
                "title": "Formations des élus",
                "link_page": index,
                "description": "Résilience, transitions, coopération entre territoires et concertation citoyenne.",
            }
        ],
        report,
    )
    return home
