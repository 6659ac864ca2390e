"""The test database, built once and copied for each test process.

Why: each pytest-xdist worker used to build its own test database, on every run:
Django's migrations (about 30 s, most of it rendering the model states of Wagtail's
migrations), then the territorial reference data (35,000 communes, about 6 s) and
the official lists and zonages (130,000 rows, about 14 s) when a test asked for them.

Now one process builds a *template* holding the schema and the reference data (the
tables of ``TEST_PRESERVED_APPS``, which no flush of the suite empties) with the same
commands ``make run`` uses, and every worker starts from a copy of it: ``CREATE
DATABASE … TEMPLATE`` on PostgreSQL (Django's own ``clone_test_db``), SQLite's backup
API into the worker's in-memory database. ``tests/run.sh`` builds it while OpenSearch
starts; a bare ``pytest`` builds it on first use, under a file lock so that two
workers never build it twice.

A template is named by a fingerprint of what shapes it: every migration file, the
reference data's importers and files, the pinned package's version. A run with the
same fingerprint reuses it (``make test-fast`` run twice builds it once); a changed
migration or data file builds a new one, and the stale ones are removed. The new one
starts from a copy of the stale one when every migration that one applied is unchanged
(tests/template_lineage.py): only the new migrations run and the imports sync, about
8 s instead of 30.
"""

import fcntl
import functools
import hashlib
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import DatabaseError, connection

from tests import template_lineage as lineage

#: Built SQLite templates and the lock files of both engines (git-ignored).
CACHE_DIR = Path(settings.BASE_DIR) / "var" / "test-databases"
#: What the reference data is made of, besides every app's migrations.
REFERENCE_SOURCES = ("territories", "core")
REFERENCE_PACKAGE = Path(settings.BASE_DIR) / "node_modules" / "@etalab" / "decoupage-administratif"


@functools.cache
def fingerprint() -> str:
    """A digest of every file whose change would change the template's rows: each
    migration (as tests/template_lineage.py records them), then the reference data's."""
    digest = hashlib.sha256(connection.vendor.encode())
    for migration, migration_digest in sorted(lineage.migration_digests().items()):
        digest.update(f"{migration}:{migration_digest}".encode())
    for path in sorted(_shaping_files()):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _shaping_files() -> Iterator[Path]:
    for source in REFERENCE_SOURCES:
        for path in (Path(settings.BASE_DIR) / source).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                yield path
    yield REFERENCE_PACKAGE / "package.json"
    yield Path(__file__)


def template_name() -> str:
    """The template of this fingerprint: a database name on PostgreSQL, a file on SQLite."""
    if connection.vendor == "sqlite":
        return str(CACHE_DIR / f"template-{fingerprint()}.sqlite3")
    return f"{_test_name_root()}_tpl_{fingerprint()}"


def _test_name_root() -> str:
    """The test database name Django would use (``test_anct``), without a worker suffix."""
    return f"test_{connection.settings_dict['NAME']}"


@contextmanager
def _lock(name: str):
    """One builder at a time for a template, across the processes of this machine."""
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    with open(CACHE_DIR / f"{Path(name).name}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure_template(progress=print) -> str:
    """The template's name, built first when missing."""
    name = template_name()
    with _lock(name):
        if not _exists(name):
            progress(f"Construction de la base de test modèle {Path(name).name}…")
            _build(name)
    return name


def _exists(name: str) -> bool:
    if connection.vendor == "sqlite":
        return Path(name).exists()
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return cursor.fetchone() is not None


def _build(name: str):
    """Migrate a database and import the reference data into it, under a temporary name
    renamed once complete: an interrupted build is never used. The database is a copy of
    an earlier template when one is sound to start from (tests/template_lineage.py), an
    empty one otherwise."""
    building = f"{name}.building" if connection.vendor == "sqlite" else f"{name}_building"
    original, original_test_name = connection.settings_dict["NAME"], connection.settings_dict["TEST"]["NAME"]
    connection.settings_dict["TEST"]["NAME"] = building
    earlier = lineage.best_start({t: _record_path(t) for t in _templates() if t != name})
    try:
        if earlier and _copy_database(earlier, building):
            call_command(
                "migrate", verbosity=0, interactive=False, database=connection.alias, run_syncdb=True
            )
        else:
            connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        _import_reference_data()
        with connection.cursor() as cursor:
            # The planner's statistics, copied with the template: a copy is never analysed
            # by PostgreSQL's autovacuum (it counts the changes made in each database), and
            # without them queries on the 34,969 communes get poor plans all run long.
            cursor.execute("ANALYZE")
            if connection.vendor == "sqlite":  # one self-contained file, readable read-only
                cursor.execute("PRAGMA journal_mode=DELETE")
    finally:
        connection.close()
        connection.settings_dict["NAME"] = original
        connection.settings_dict["TEST"]["NAME"] = original_test_name
    _remove_stale_templates(keep=name)
    _rename(building, name)
    lineage.record(_record_path(name))


def _record_path(name: str) -> Path:
    """Where the record of a template's migrations is kept (tests/template_lineage.py)."""
    return CACHE_DIR / f"{Path(name).name}.json"


def _copy_database(template: str, copy: str) -> bool:
    """``copy``, a new database holding what ``template`` holds, the connection on it;
    False when PostgreSQL refuses (a session still on the template): the build then
    starts from an empty database, as it would without an earlier template."""
    connection.close()
    if connection.vendor == "sqlite":
        shutil.copyfile(template, copy)
    else:
        quote = connection.ops.quote_name
        with _lock(template), connection._nodb_cursor() as cursor:
            _drop(cursor, copy, force=True)
            try:
                cursor.execute(f"CREATE DATABASE {quote(copy)} TEMPLATE {quote(template)}")
            except DatabaseError:
                return False
    connection.settings_dict["NAME"] = copy
    return True


def _import_reference_data():
    """The territorial data and the official lists, by the services ``make run`` calls."""
    from territories.datasets import import_datasets
    from territories.importer import import_territories
    from territories.official_lists import import_france_services, import_single_desks

    import_territories()
    import_france_services()
    import_single_desks()
    import_datasets()


def _rename(building: str, name: str):
    if connection.vendor == "sqlite":
        os.replace(building, name)
        return
    with connection._nodb_cursor() as cursor:
        quote = connection.ops.quote_name
        cursor.execute(f"ALTER DATABASE {quote(building)} RENAME TO {quote(name)}")


def _templates() -> list[str]:
    """The complete templates of this engine, whatever their fingerprint."""
    if connection.vendor == "sqlite":
        return [str(path) for path in CACHE_DIR.glob("template-*.sqlite3")]
    with connection._nodb_cursor() as cursor:
        cursor.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s", [f"{_test_name_root()}\\_tpl\\_%"]
        )
        return [name for (name,) in cursor.fetchall() if not name.endswith("_building")]


def _remove_stale_templates(keep: str):
    """Templates of other fingerprints (a migration or a data file changed since), and
    their records."""
    for stale in _templates():
        if stale == keep:
            continue
        if connection.vendor == "sqlite":
            Path(stale).unlink(missing_ok=True)
        else:
            with connection._nodb_cursor() as cursor:
                _drop(cursor, stale, force=False)  # another checkout's run may be using it
        _record_path(stale).unlink(missing_ok=True)


def _drop(cursor, name: str, force: bool):
    """Drop a PostgreSQL database; ``force`` ends the sessions still on it (the live
    server's thread) instead of failing."""
    statement = f"DROP DATABASE IF EXISTS {connection.ops.quote_name(name)}"
    try:
        cursor.execute(f"{statement} WITH (FORCE)" if force else statement)
    except DatabaseError:
        if force:
            raise


#: The template each process's copy was made from, by suffix.
_attached: dict[str, str] = {}


def attach_copy(suffix: str, progress: Callable[[str], None] = print) -> Callable[[], None]:
    """Point the default connection at a fresh copy of the template for this process
    (``suffix``: the pytest-xdist worker); return what removes the copy."""
    name = ensure_template(progress)
    original = connection.settings_dict["NAME"]
    _attached[suffix] = name
    if connection.vendor == "sqlite":
        _load_into_memory(name, suffix)
        return lambda: None  # an in-memory copy ends with its process
    _clone(name, suffix)

    def detach():
        _drop_copy()
        connection.settings_dict["NAME"] = original

    return detach


def copy_again(suffix: str) -> None:
    """Replace this process's copy (attached by ``attach_copy``) with a fresh one:
    for a test that rebuilt tables of the reference data (the migrations taken back
    and forth), a second where importing the data again would take ten."""
    name = _attached[suffix]  # the connection's name is the copy's now
    if connection.vendor == "sqlite":
        _load_into_memory(name, suffix)
        return
    _drop_copy()
    _clone(name, suffix)


def _clone(template: str, suffix: str):
    with _lock(template):  # PostgreSQL copies a template no one is connected to
        connection.settings_dict["NAME"] = template
        connection.creation.clone_test_db(suffix, verbosity=0, autoclobber=True)
    connection.creation.setup_worker_connection(suffix)


def _drop_copy():
    copy = connection.settings_dict["NAME"]
    connection.close()
    with connection._nodb_cursor() as cursor:
        _drop(cursor, copy, force=True)


def _load_into_memory(template: str, suffix: str):
    """The template's pages copied into a shared in-memory database, which the live
    server's thread shares too (as with Django's own in-memory test database)."""
    connection.close()
    connection.settings_dict["NAME"] = f"file:memorydb_{connection.alias}_{suffix}?mode=memory&cache=shared"
    connection.ensure_connection()
    source = sqlite3.connect(f"file:{template}?mode=ro", uri=True)
    try:
        source.backup(connection.connection)
    finally:
        source.close()
