"""Demo content of the catalogue, from the agency's 2020 roadmap: the partners,
the programme index and the 29 programme-like entries of the section III table
(see ``demo.programmes_data`` for how the table was read).

Idempotent like the rest of the demo loader: objects are found by a stable key
(slug, or name for partners), many-to-many relations are compared as sets, and
a page gets a new revision only when something changed.
"""

from django.db import transaction

from catalogue.models import BeneficiaryType, Partner, PublicPolicy, Theme
from home.upsert import LoadReport, merge_entry_points, upsert_page
from programmes import facts
from programmes.models import ProgrammeIndexPage, ProgrammePage

from . import partners
from . import programmes_data as demo_data

INDEX_INTRODUCTION = (
    "<p>Au travers de programmes d’intervention interministériels et territorialisés, "
    "l’Agence outille les collectivités et mobilise à leur profit des moyens supplémentaires, "
    "en les ajustant à la réalité de chaque projet. Ces programmes sont co-construits avec "
    "les ministères, les associations d’élus, les citoyens et la société civile.</p>"
)


def load_programmes(index: ProgrammeIndexPage, report: LoadReport) -> None:
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    policies = {policy.slug: policy for policy in PublicPolicy.objects.all()}
    partners = {partner.name: partner for partner in Partner.objects.all()}
    beneficiaries = {item.slug: item for item in BeneficiaryType.objects.all()}
    for entry in demo_data.PROGRAMMES:
        upsert_page(
            index,
            ProgrammePage,
            entry["slug"],
            report,
            fields={
                "title": entry["title"],
                "summary": entry["summary"],
                "theme": themes[entry["theme"]],
                "public_policy": policies[entry["policy"]],
                "kind": entry["kind"],
                "status": entry["status"],
                "eligibility_note": entry.get("eligibility_note", ""),
                "lists_france_services": entry.get("lists_france_services", False),
            },
            relations={
                "partners": [partners[name] for name in entry.get("partners", [])],
                "eligible_beneficiary_types": [
                    beneficiaries[slug] for slug in entry.get("eligible_beneficiary_types", [])
                ],
            },
        )


@transaction.atomic
def load(home, report: LoadReport):
    """Demo step: partners, the programme index under the home page, the 29
    programmes of the roadmap table and the home tile leading to them."""
    partners.load(report)
    index = upsert_page(
        home,
        ProgrammeIndexPage,
        "programmes",
        report,
        fields={
            "title": "Programmes",
            "introduction": INDEX_INTRODUCTION,
            "show_in_menus": True,
            "listing_summary": "Les programmes, projets et missions de l’Agence, par thématique.",
        },
    )
    load_programmes(index, report)
    facts.load_all(index, report)
    merge_entry_points(
        home,
        [
            {
                "title": "Programmes nationaux d’appui",
                "description": "Petites villes de demain, Action cœur de ville, France Services… : "
                "les programmes de l’Agence, par thématique.",
                "link_page": index,
            }
        ],
        report,
    )
    return home
