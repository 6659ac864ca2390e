"""What a transactional test empties, and how the demo site is put back afterwards.

A transactional test (live server, browser) ends with ``flush``. The reference data
(the tables of ``TEST_PRESERVED_APPS``: 35,000 communes, 130,000 list rows) is left out
of that flush (``tests/management/commands/flush.py``). The demo content is not: it
is what the tests look at, and some of them change it. Loading it again with
``load_demo_content`` takes about 20 seconds (pages, revisions, reference index,
search index), and some fifty live tests start from it.

So the first test that asks for the demo site loads it with the real loader, and the
rows of every flushed table are then copied in memory; each later test gets exactly
those rows back (``COPY`` on PostgreSQL, ``INSERT`` on SQLite) in a fraction of a
second (``tests/demo_rows.py``, for the live tests and the modules that read the
demo). The rows are the loader's own output, not a fixture file that could drift.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, transaction


def preserved_tables() -> set[str]:
    """The reference data's tables, which no flush of the suite empties."""
    return {
        model._meta.db_table
        for label in getattr(settings, "TEST_PRESERVED_APPS", [])
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    }


def flushed_tables(tables: list[str]) -> list[str]:
    """``tables`` without the reference data's."""
    preserved = preserved_tables()
    return [table for table in tables if table not in preserved]


@dataclass
class DatabaseSnapshot:
    """The rows of every flushed table at one moment, keyed by table."""

    rows: dict[str, tuple[list[str], object]] = field(default_factory=dict)

    @classmethod
    def take(cls) -> "DatabaseSnapshot":
        snapshot = cls()
        with connection.cursor() as cursor:
            for table in snapshot_tables():
                if is_derived(cursor, table):
                    continue
                columns = column_names(cursor, table)
                data = read_rows(cursor, table, columns)
                if data:
                    snapshot.rows[table] = (columns, data)
        return snapshot

    def restore(self):
        """Empty every flushed table, then put the snapshot's rows back, in one
        transaction (foreign keys are checked at its end, so order does not matter).

        Only the tables holding rows are emptied, by ``DELETE``: a test writes to a
        few of the 150 tables, and PostgreSQL's ``TRUNCATE`` of all of them (what
        ``flush`` does) took a quarter of a second after every transactional test."""
        with transaction.atomic(), connection.cursor() as cursor:
            for table in tables_with_rows(cursor, snapshot_tables()):
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")  # noqa: S608 - Django's tables
            for table, (columns, data) in self.rows.items():
                write_rows(cursor, table, columns, data)
            for statement in connection.ops.sequence_reset_sql(no_style(), models_of(self.rows)):
                cursor.execute(statement)
        ContentType.objects.clear_cache()  # ids may differ from those of the last flush


#: The rows the migrations wrote (root page and collection, default site, workflow,
#: groups, locale, content types, permissions), taken when the test database is
#: created (tests/conftest.py): the suite's ``flush`` puts them back, so a test that
#: runs after a transactional one starts from the database it would have had first,
#: whichever worker and whatever order pytest-xdist gives it.
BASELINE: dict[str, DatabaseSnapshot] = {}


def snapshot_tables() -> list[str]:
    """Every table a flush empties, whose rows a snapshot holds."""
    return flushed_tables(connection.introspection.django_table_names(only_existing=True))


def tables_with_rows(cursor, tables: list[str]) -> list[str]:
    """Those of ``tables`` that hold at least one row, in one query."""
    if not tables:
        return []
    quote = connection.ops.quote_name
    checks = " UNION ALL ".join(f"SELECT %s WHERE EXISTS (SELECT 1 FROM {quote(table)})" for table in tables)
    cursor.execute(checks, tables)
    return [row[0] for row in cursor.fetchall()]


def models_of(tables) -> list:
    """The models (through tables included) stored in ``tables``."""
    return [model for model in apps.get_models(include_auto_created=True) if model._meta.db_table in tables]


def column_names(cursor, table: str) -> list[str]:
    return [column.name for column in connection.introspection.get_table_description(cursor, table)]


def is_derived(cursor, table: str) -> bool:
    """An SQLite virtual table (the full-text index of the database search backend):
    triggers on its source table fill it, so copying it too would write its rows twice."""
    if connection.vendor != "sqlite":
        return False
    cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [table])
    return cursor.fetchone()[0].upper().startswith("CREATE VIRTUAL TABLE")


def _column_list(columns: list[str]) -> str:
    return ", ".join(connection.ops.quote_name(column) for column in columns)


def read_rows(cursor, table: str, columns: list[str]):
    """The table's rows: ``COPY`` text on PostgreSQL (every type round-trips as the
    server wrote it), a list of tuples elsewhere."""
    name = connection.ops.quote_name(table)
    if connection.vendor == "postgresql":
        with cursor.cursor.copy(f"COPY {name} ({_column_list(columns)}) TO STDOUT") as copy:
            return b"".join(bytes(chunk) for chunk in copy)
    cursor.execute(f"SELECT {_column_list(columns)} FROM {name}")  # noqa: S608 - table names from Django
    return cursor.fetchall()


def write_rows(cursor, table: str, columns: list[str], data):
    name = connection.ops.quote_name(table)
    if connection.vendor == "postgresql":
        with cursor.cursor.copy(f"COPY {name} ({_column_list(columns)}) FROM STDIN") as copy:
            copy.write(data)
        return
    placeholders = ", ".join(["%s"] * len(columns))
    cursor.executemany(f"INSERT INTO {name} ({_column_list(columns)}) VALUES ({placeholders})", data)  # noqa: S608
