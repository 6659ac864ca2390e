"""The eligibility criteria of the demo pages and the source of each, from
``demo/data/criteria.yaml``: which territory types answer for a commune (an
official list, a zonage, the national territory) and the document that states
them, so that the programme page and the commune page cite it beside the
criteria instead of "source non précisée".

A source is an official dataset (its provenance becomes a ``catalogue.Source``)
or an entry of the public fact sheet, named by group, index and the start of its
field (checked on load). Pages are updated through a revision, as an editor's
save would; an editor's own choice of source stays. A page the demo loader
creates gets its criteria in its first revision (``preset``): 28 publications
fewer per fresh load, about a fifth of its time.
"""

from pathlib import Path

from catalogue.models import Source, TerritoryType
from core.data_files import read_yaml
from pactes.models import PactePage
from programmes.models import ProgrammePage
from territories.datasets import spec_for

from .sheet import SheetReader, source_for

CRITERIA_FILE = Path(__file__).resolve().parent / "data" / "criteria.yaml"
#: Sources earlier versions of the demo cited, replaced since the lists govern
#: (a press figure for Petites villes de demain, the April 2024 ACV list).
REPLACED_DEMO_SOURCES = {
    "https://banquedesterritoires.fr/petites-villes-de-demain-888-millions-deuros-deployes",
    "https://www.data.gouv.fr/fr/datasets/programme-action-coeur-de-ville/",
}


def criteria() -> list[dict]:
    return read_yaml(CRITERIA_FILE)


def dataset_source(key: str) -> Source:
    """The Source citing an official dataset of the manifest (found by address)."""
    spec = spec_for(key)
    source, _created = Source.objects.update_or_create(
        url=spec.url,
        defaults={
            "publisher": spec.publisher,
            "title": f"{spec.title} ({spec.date_label})",
            "kind": Source.Kind.OFFICIAL,
            "note": f"{spec.citation} ({spec.licence}).",
        },
    )
    return source


def source_of(entry: dict) -> Source:
    if "dataset" in entry["source"]:
        return dataset_source(entry["source"]["dataset"])
    section, group, index, field_start = entry["source"]["sheet"]
    return source_for(SheetReader(section, group).entry((index, field_start)))


def apply(page, entry: dict, types: dict, source: Source, report) -> None:
    """Bring ``page``'s criteria to ``entry`` through a published revision; an
    editor's own choice of source stays."""
    page = page.get_latest_revision_as_object() if page.has_unpublished_changes else page.specific
    changed = False
    if "types" in entry:
        wanted = [types[slug] for slug in entry["types"]]
        if {t.pk for t in page.eligible_territory_types.all()} != {t.pk for t in wanted}:
            page.eligible_territory_types = wanted
            changed = True
    if entry.get("clear_population") and (page.population_min, page.population_max) != (None, None):
        page.population_min = page.population_max = None
        changed = True
    current = page.eligibility_source
    if current is None or (current.pk != source.pk and current.url in REPLACED_DEMO_SOURCES):
        page.eligibility_source = source
        changed = True
    if changed:
        page.save_revision().publish()
        report.updated += 1
    else:
        report.unchanged += 1


def by_slug() -> dict[str, dict]:
    return {entry["slug"]: entry for entry in criteria()}


def preset(model, entry: dict, fields: dict, relations: dict) -> None:
    """Put ``entry``'s criteria into the values a page is about to be created with,
    so that its first revision carries them and ``load`` then finds it up to date:
    one published revision instead of two. Nothing is set for a model without
    criteria or a territory type not there yet: ``load`` applies the entry then."""
    if model not in (ProgrammePage, PactePage):
        return
    types = {t.slug: t for t in TerritoryType.objects.filter(slug__in=entry.get("types", []))}
    if len(types) != len(entry.get("types", [])):
        return
    if "types" in entry:
        relations["eligible_territory_types"] = [types[slug] for slug in entry["types"]]
    if entry.get("clear_population"):
        fields["population_min"] = fields["population_max"] = None
    current = fields.get("eligibility_source")
    if current is None or current.url in REPLACED_DEMO_SOURCES:
        fields["eligibility_source"] = source_of(entry)


def load(home, report):
    entries = criteria()
    slugs = [entry["slug"] for entry in entries]
    pages = {
        page.slug: page
        for model in (ProgrammePage, PactePage)
        for page in model.objects.descendant_of(home).filter(slug__in=slugs)
    }
    types = {t.slug: t for t in TerritoryType.objects.all()}
    for entry in entries:
        if entry["slug"] in pages:
            apply(pages[entry["slug"]], entry, types, source_of(entry), report)
    return home
