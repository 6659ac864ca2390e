"""The manifest of shipped official datasets (``data/official/datasets.yaml``):
what each file is, where it comes from and which column holds what. Data, not
code: adding a list is adding an entry and its file."""

import datetime
import functools
from dataclasses import dataclass, field
from pathlib import Path

from core.data_files import read_yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "official"
MANIFEST = DATA_DIR / "datasets.yaml"

#: Provenance fields copied as they are onto ``OfficialDataset``.
PROVENANCE = (
    "title",
    "list_name",
    "entry_label",
    "kind",
    "scope",
    "publisher",
    "url",
    "date_label",
    "data_date",
    "citation",
    "licence",
    "notes",
)


@dataclass(frozen=True)
class DatasetSpec:
    key: str
    title: str
    kind: str
    file: str
    columns: dict
    scope: str = "liste"
    list_name: str = ""
    entry_label: str = ""
    publisher: str = ""
    url: str = ""
    date_label: str = ""
    data_date: datetime.date | None = None
    citation: str = ""
    licence: str = ""
    notes: str = ""
    attributes: dict = field(default_factory=dict)
    members_file: str = ""
    members: dict = field(default_factory=dict)
    uncertain_via_groupement: bool = False

    def provenance(self, file_name: str = "") -> dict:
        values = {name: getattr(self, name) for name in PROVENANCE}
        values["file_name"] = file_name or self.file
        return values

    def required_columns(self) -> list[str]:
        """The columns a file of this dataset must have."""
        if self.kind == "groupements":
            names = ("territory_code", "groupement", "groupement_kind")
        else:
            names = ("commune",)
        return [self.columns[name] for name in names if self.columns.get(name)]


def load_manifest(path: Path = MANIFEST) -> list[DatasetSpec]:
    """The datasets ``path`` describes, read once per version of the file (the demo
    loader asks for one dataset's source twenty times in a run)."""
    return list(_parsed(path, path.stat().st_mtime_ns))


@functools.lru_cache(maxsize=8)
def _parsed(path: Path, _modified: int) -> tuple[DatasetSpec, ...]:
    return tuple(DatasetSpec(**entry) for entry in read_yaml(path) or [])


def spec_for(key: str) -> DatasetSpec | None:
    return next((spec for spec in load_manifest() if spec.key == key), None)
