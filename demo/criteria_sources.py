"""The source of each demo page's eligibility criteria, so that the programme
page and the commune page cite it beside the criteria instead of "source non
précisée".

Each criterion the demo sets is stated by a public document of the fact sheet
(``demo/data/public-facts-2026-11.json``): the entry is named by group,
index and the start of its field (checked on load, as the fact sheets do), and
its Source found by address. The Action cœur de ville criterion is the agency's
list of communes itself, cited as its dataset. Pages are updated through a
revision, as an editor's save would; an editor's own choice of source stays.
"""

from catalogue.models import Source
from finder.official_lists import ACV
from pactes.models import PactePage
from programmes.models import ProgrammePage

from .sheet import SheetReader, source_for

#: page slug -> (sheet section, group, (index, start of the entry's field)); the
#: Source keeps the title the fact sheets give it (none is invented here).
CRITERIA_SOURCES = {
    # "1.604 villes de moins de 20.000 habitants exerçant des fonctions de centralité"
    "petites-villes-de-demain": ("programmes", "pvd", (5, "communes & progress (April 2023)")),
    "pacte-ardennes": ("pactes", "ardennes", (8, "territory")),
    "plan-creuse": ("pactes", "creuse", (5, "EPCI represented on the comité de pilotage")),
    "pacte-sambre-avesnois-thierache": (
        "pactes",
        "sambre_avesnois_thierache",
        (6, "territory — arrondissements"),
    ),
    "pacte-nievre": ("pactes", "nievre", (5, "territory")),
    "bassin-minier": ("pactes", "bassin_minier_erbm", (4, "territory — the 8 EPCI")),
}

ACV_SLUG = "action-coeur-de-ville"


def acv_list_source() -> Source:
    source, _created = Source.objects.update_or_create(
        url=ACV["url"],
        defaults={
            "publisher": ACV["publisher"],
            "title": ACV["title"],
            "kind": Source.Kind.OFFICIAL,
            "note": f"Liste des communes du programme, {ACV['date_label']} ({ACV['licence']}).",
        },
    )
    return source


def cite(page, source: Source, report) -> None:
    """Set ``source`` on ``page`` through a published revision, unless an editor
    already chose one."""
    page = page.get_latest_revision_as_object() if page.has_unpublished_changes else page.specific
    if page.eligibility_source_id == source.pk:
        report.unchanged += 1
        return
    if page.eligibility_source_id is not None and page.eligibility_source.url != source.url:
        report.unchanged += 1  # an editor's choice
        return
    page.eligibility_source = source
    page.save_revision().publish()
    report.updated += 1


def load(home, report):
    pages = {
        page.slug: page
        for model in (ProgrammePage, PactePage)
        for page in model.objects.descendant_of(home).filter(slug__in=[*CRITERIA_SOURCES, ACV_SLUG])
    }
    for slug, (section, group, ref) in CRITERIA_SOURCES.items():
        if slug in pages:
            cite(pages[slug], source_for(SheetReader(section, group).entry(ref)), report)
    if ACV_SLUG in pages:
        cite(pages[ACV_SLUG], acv_list_source(), report)
    return home
