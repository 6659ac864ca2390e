"""The official commune lists shipped with the site and read by the finder.

Only the Action cœur de ville list so far: it makes the programme's criterion
definite (met for the 244 listed communes, not met elsewhere). It lives in the
finder, not in ``territories``, because it is attached to a catalogue
``TerritoryType``; its provenance is an ``OfficialDataset`` like the reference
lists, so the data page lists it with them. The copy and its provenance are in
``finder/data/`` (README.md).
"""

from pathlib import Path

from catalogue.models import TerritoryType
from territories.models import OfficialDataset

from .commune_lists import ListImportReport, import_commune_list

DATA_DIR = Path(__file__).resolve().parent / "data"

ACV_TERRITORY_TYPE = {
    "slug": "action-coeur-de-ville",
    "name": "Villes du programme Action cœur de ville",
    "description": "Communes retenues par le programme Action cœur de ville (liste de l'ANCT).",
}
ACV = {
    "key": "action-coeur-de-ville",
    "title": "Communes du programme Action cœur de ville",
    "publisher": "ANCT",
    "url": "https://www.data.gouv.fr/fr/datasets/programme-action-coeur-de-ville/",
    "date_label": "avril 2024",
    "citation": "liste ANCT, avril 2024",
    "licence": "Licence Ouverte 2.0",
    "file_name": "action-coeur-de-ville-communes.csv",
}


def acv_territory_type() -> TerritoryType:
    """The territory type the ACV programme's criterion names (created if missing,
    so the import does not depend on the demo content)."""
    territory_type, _ = TerritoryType.objects.get_or_create(
        slug=ACV_TERRITORY_TYPE["slug"],
        defaults={
            "name": ACV_TERRITORY_TYPE["name"],
            "description": ACV_TERRITORY_TYPE["description"],
            "rule": TerritoryType.Rule.IMPORTED_LIST,
        },
    )
    return territory_type


def import_acv_communes(path: Path | None = None) -> ListImportReport:
    """Load the ACV list; bad lines are reported by line number, good ones kept."""
    path = path or DATA_DIR / ACV["file_name"]
    report = import_commune_list(
        path.read_bytes(),
        territory_type=acv_territory_type(),
        dataset=None,
        source_name=path.name,
        dry_run=True,
    )
    counts = {
        "created": report.added,
        "updated": 0,
        "unchanged": report.unchanged,
        "deleted": report.removed,
        "rejected": len(report.problems),
    }
    rejected = [{"line": p.line, "value": p.value, "reason": p.reason} for p in report.problems]
    dataset, _ = OfficialDataset.objects.update_or_create(
        key=ACV["key"],
        defaults={**ACV, "rows": report.size + len(report.problems), "counts": counts, "rejected": rejected},
    )
    return import_commune_list(
        path.read_bytes(), territory_type=acv_territory_type(), dataset=dataset, source_name=path.name
    )
