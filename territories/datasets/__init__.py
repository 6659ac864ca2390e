"""Official lists and zonages: the manifest of shipped files, and the one
importer that turns a file into ``DatasetMembership`` rows.

``import_datasets()`` (run by ``make run`` through ``manage.py
import_official_lists``) loads every file of ``territories/data/official/``;
``import_dataset(spec, content)`` imports one file, shipped or uploaded in the
admin. Both are idempotent and report created / updated / unchanged / deleted
rows and the rejected lines by number, keeping the good ones.
"""

from .importer import DatasetReport, import_dataset, import_datasets
from .manifest import DATA_DIR, DatasetSpec, load_manifest, spec_for
from .signals import CommuneChanges, memberships_changed

__all__ = [
    "CommuneChanges",
    "DATA_DIR",
    "DatasetReport",
    "DatasetSpec",
    "import_dataset",
    "import_datasets",
    "load_manifest",
    "memberships_changed",
    "spec_for",
]
