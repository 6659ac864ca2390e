"""Fixtures whose rows are built once per test process, then replayed.

Why: the site shell (home page, legal pages, review workflow), the taxonomies and the
small catalogues of the finder and API tests are built by the real loaders and
factories before most tests: a quarter of a second each, hundreds of times a run,
always the same rows from the same starting point. ``@replayed`` runs the fixture
for real the first time in a process and notes what it changed in the flushed
tables (rows added, rows changed, rows removed); a later test that asks for it from
the same starting point gets those changes written back in a few statements.

The starting point is the number of rows and the highest key of every flushed table
(one query): a fixture asked for after other rows were written runs for real, and
its changes from that point are noted apart. After a replay the same count is
checked against the one the real run left, so a replay that would diverge stops
the test instead of letting it run on other rows. The fixture's value is given back
with its model instances read again from the database; the instances it received
(a parent page, say) are read again too, as the real run would have updated them.

A fixture is replayed only when the search index lives in the database (the
engine's index is outside it, as for ``tests/demo_rows.py``), and only when its
value is made of model instances, containers and plain values.
"""

import functools
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, models, transaction

from tests.database_snapshot import (
    column_names,
    is_derived,
    models_of,
    read_rows,
    snapshot_tables,
    write_rows,
)
from tests.index_tasks import run_held_tasks, search_index_in_database

_recordings: dict[tuple, "_Recording"] = {}


def replayed(fixture_function):
    """Decorate a function-scoped fixture (below ``@pytest.fixture``) that only
    writes rows and returns what it wrote."""

    @functools.wraps(fixture_function)
    def fixture(*args, **kwargs):
        if not search_index_in_database():
            return fixture_function(*args, **kwargs)
        key = (fixture_function.__module__, fixture_function.__qualname__, _state())
        recording = _recordings.get(key)
        if recording is not None:
            return recording.replay(kwargs)
        before = _rows()
        value = fixture_function(*args, **kwargs)
        run_held_tasks()  # the indexes are part of what it wrote (tests/index_tasks.py)
        reference = _as_reference(value)
        if reference is not _UNSUPPORTED:
            _recordings[key] = _Recording(_changes(before, _rows()), reference, _state())
        return value

    return fixture


@dataclass(frozen=True)
class _Instance:
    model: type
    pk: object


_UNSUPPORTED = object()  # a value the recording cannot hold


@dataclass
class _TableChanges:
    columns: list[str]
    key_column: str
    removed: list  # keys of the rows removed or changed
    added: list  # rows added, or changed (their new version)


@dataclass
class _Recording:
    tables: dict[str, _TableChanges]
    value: object
    state_after: tuple

    def replay(self, received: dict):
        with transaction.atomic(), connection.cursor() as cursor:
            for table, changes in self.tables.items():
                _remove(cursor, table, changes)
            for table, changes in self.tables.items():
                if changes.added:
                    write_rows(cursor, table, changes.columns, _as_data(changes.added))
            added = [table for table, changes in self.tables.items() if changes.added]
            for statement in connection.ops.sequence_reset_sql(no_style(), models_of(added)):
                cursor.execute(statement)
        if ContentType._meta.db_table in self.tables:
            ContentType.objects.clear_cache()
        if _state() != self.state_after:
            raise RuntimeError("Le rejeu d'une fixture ne donne pas les lignes de son exécution réelle.")
        for instance in _instances(received):
            _read_again(instance)
        return _resolve(self.value)


def _read_again(instance: models.Model) -> None:
    try:
        instance.refresh_from_db()
    except instance.DoesNotExist:
        pass


def _tables() -> tuple[tuple[str, type | None], ...]:
    """(table, model) of every flushed table that is not an SQLite full-text index."""
    return _tables_among(connection.vendor, tuple(snapshot_tables()))


@functools.cache
def _tables_among(vendor: str, tables: tuple[str, ...]) -> tuple[tuple[str, type | None], ...]:
    by_table = {model._meta.db_table: model for model in apps.get_models(include_auto_created=True)}
    with connection.cursor() as cursor:
        return tuple((table, by_table.get(table)) for table in tables if not is_derived(cursor, table))


@functools.cache
def _state_query(vendor: str, tables: tuple) -> str:
    quote = connection.ops.quote_name
    parts = []
    for table, model in tables:
        parts.append(f"(SELECT COUNT(*) FROM {quote(table)})")
        if model is not None and isinstance(model._meta.pk, models.IntegerField):  # auto fields too
            parts.append(f"(SELECT MAX({quote(model._meta.pk.column)}) FROM {quote(table)})")
    return "SELECT " + ", ".join(parts)


def _state() -> tuple:
    """The number of rows and the highest integer key of every flushed table."""
    query = _state_query(connection.vendor, _tables())
    with connection.cursor() as cursor:
        cursor.execute(query)
        return tuple(cursor.fetchone())


def _rows() -> dict[str, tuple[list[str], str, dict]]:
    """table: (columns, key column, {key: row}) for every flushed table."""
    rows = {}
    with connection.cursor() as cursor:
        for table, _model in _tables():
            columns, key_column = _layout(connection.vendor, table)
            position = columns.index(key_column)
            data = _split(read_rows(cursor, table, columns))
            rows[table] = (columns, key_column, {_key(row, position): row for row in data})
    return rows


@functools.cache
def _layout(vendor: str, table: str) -> tuple[list[str], str]:
    """The columns of ``table`` and its key column (introspection reads the schema
    with several queries: once per table and process)."""
    with connection.cursor() as cursor:
        return column_names(cursor, table), connection.introspection.get_primary_key_column(cursor, table)


def _split(data) -> list:
    """Rows one by one: ``COPY`` text lines on PostgreSQL, tuples elsewhere."""
    if isinstance(data, bytes):
        return [line for line in data.split(b"\n") if line]
    return list(data)


def _key(row, position: int):
    if isinstance(row, bytes):
        return row.split(b"\t")[position].decode()
    return row[position]


def _as_data(rows: list):
    if rows and isinstance(rows[0], bytes):
        return b"".join(row + b"\n" for row in rows)
    return rows


def _changes(before: dict, after: dict) -> dict[str, _TableChanges]:
    changes = {}
    for table, (columns, key_column, rows) in after.items():
        old = before.get(table, (columns, key_column, {}))[2]
        removed = [key for key, row in old.items() if rows.get(key) != row]
        added = [row for key, row in rows.items() if old.get(key) != row]
        if removed or added:
            changes[table] = _TableChanges(columns, key_column, removed, added)
    return changes


def _remove(cursor, table: str, changes: _TableChanges) -> None:
    if not changes.removed:
        return
    quote = connection.ops.quote_name
    column = quote(changes.key_column)
    if connection.vendor == "postgresql":
        cursor.execute(f"DELETE FROM {quote(table)} WHERE {column}::text = ANY(%s)", [changes.removed])  # noqa: S608
        return
    for start in range(0, len(changes.removed), 500):
        keys = changes.removed[start : start + 500]
        placeholders = ", ".join(["%s"] * len(keys))
        cursor.execute(f"DELETE FROM {quote(table)} WHERE {column} IN ({placeholders})", keys)  # noqa: S608


def _as_reference(value):
    """``value`` with its model instances as (model, key); ``_UNSUPPORTED`` when it
    holds anything else than instances, containers and plain values."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, models.Model):
        return _Instance(type(value), value.pk) if value.pk is not None else _UNSUPPORTED
    if isinstance(value, dict):
        items = {key: _as_reference(item) for key, item in value.items()}
        return _UNSUPPORTED if _UNSUPPORTED in items.values() else items
    if isinstance(value, list | tuple):
        items = [_as_reference(item) for item in value]
        return _UNSUPPORTED if _UNSUPPORTED in items else type(value)(items)
    return _UNSUPPORTED


def _resolve(reference):
    if isinstance(reference, _Instance):
        return reference.model._default_manager.get(pk=reference.pk)
    if isinstance(reference, dict):
        return {key: _resolve(item) for key, item in reference.items()}
    if isinstance(reference, list | tuple):
        return type(reference)(_resolve(item) for item in reference)
    return reference


def _instances(value):
    """The model instances in a fixture's arguments."""
    if isinstance(value, models.Model):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _instances(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _instances(item)
