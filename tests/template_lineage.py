"""Which earlier test template a new one may start from, and the record that says so.

Why: the template (tests/database_template.py) is built again whenever a migration or a
file of the reference data changes. From an empty database that is about 35 s on this
machine: Django renders the model states of 266 migrations (Wagtail's among them), then
the communes and the official lists are imported. A developer who adds a migration or
edits an importer waited for all of it at the next ``make test-fast``.

As Django's ``test --keepdb`` and pytest-django's ``--reuse-db`` do, the new template
then starts from a copy of the previous one, when that is sound:

- every migration the previous template applied is still there, byte for byte (a
  migration edited or removed, or a library upgrade that rewrote one, builds from
  empty);
- the builder itself (this file and tests/database_template.py) is unchanged.

Only the new migrations run on the copy; the reference imports run again in full. They
are idempotent syncs: what changed is written, stale rows are deleted, the rest is kept
(tests/territories/test_import.py). A fresh machine (CI) has no earlier template and
always builds from empty, so what an incremental build could miss is still caught there.

The record is a JSON file beside the lock files, named after the template: the digest of
each migration file it applied and the builder's digest. A template without its record
(built before this file, or interrupted) is never started from.
"""

import hashlib
import json
from pathlib import Path

from django.apps import apps

#: The files whose change makes every earlier template unusable as a start.
BUILDER_FILES = (Path(__file__).with_name("database_template.py"), Path(__file__))


def migration_digests() -> dict[str, str]:
    """Each migration file of every installed app, by ``app_label/file name``."""
    return {
        f"{app.label}/{path.name}": hashlib.sha256(path.read_bytes()).hexdigest()
        for app in apps.get_app_configs()
        for path in sorted(Path(app.path).glob("migrations/*.py"))
    }


def builder_digest() -> str:
    digest = hashlib.sha256()
    for path in BUILDER_FILES:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def record(path: Path) -> None:
    """Write the record of a template just built from the migrations of this checkout."""
    path.write_text(json.dumps({"builder": builder_digest(), "migrations": migration_digests()}))


def can_start_from(earlier: dict, migrations: dict[str, str], builder: str) -> bool:
    """Whether a template recorded as ``earlier`` holds nothing that the current
    ``migrations`` and ``builder`` would not have written."""
    applied = earlier.get("migrations")
    return (
        earlier.get("builder") == builder
        and isinstance(applied, dict)
        and all(migrations.get(name) == digest for name, digest in applied.items())
    )


def best_start(records: dict[str, Path]) -> str | None:
    """Among earlier templates (name -> record file), the one to copy: sound to start
    from, and with the most migrations already applied; ``None`` builds from empty."""
    migrations, builder = migration_digests(), builder_digest()
    usable = {}
    for name, path in records.items():
        try:
            earlier = json.loads(path.read_text())
        except (OSError, ValueError):
            continue
        if isinstance(earlier, dict) and can_start_from(earlier, migrations, builder):
            usable[name] = len(earlier["migrations"])
    return max(usable, key=usable.get, default=None)
