"""Django's SQLite backend, for the suite: the foreign-key check that closes each test
skips the reference data's tables unless the test wrote to them.

Why: at the end of every test, Django's ``TestCase`` checks the foreign keys of the
whole database before rolling back (``check_constraints()``, on SQLite ``PRAGMA
foreign_key_check``). Nine tenths of that check went through the 35,000 communes and
130,000 list rows of the reference data (``TEST_PRESERVED_APPS``): about 55 ms of each
of 800 tests, for tables no test but a handful writes. The reference tables refer to no
other table (``tests/test_sqlite_backend.py`` keeps it so), so they can only break a
key when they are written to themselves. This backend notes every statement that writes
one of them, and checks them then; every other table is checked after every test, as
before. PostgreSQL needs none of this: its check only reads the changes still pending.
"""

import re
from functools import cache

from django.db.backends.sqlite3 import base

_WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE|DROP|ALTER|CREATE)\b", re.IGNORECASE)


class DatabaseWrapper(base.DatabaseWrapper):
    reference_tables_written = True  # until the first check: a copy may come from anywhere

    def create_cursor(self, name=None):
        cursor = self.connection.cursor(factory=_WriteWatchingCursor)
        cursor.database = self
        return cursor

    def check_constraints(self, table_names=None):
        if table_names is None and not self.reference_tables_written:
            table_names = [
                name for name in self.introspection.table_names() if name not in _reference_tables()
            ]
        super().check_constraints(table_names)
        self.reference_tables_written = False

    def note_statement(self, query: str) -> None:
        if not self.reference_tables_written and _WRITE.match(query) and _names_reference_table(query):
            self.reference_tables_written = True


def _names_reference_table(query: str) -> bool:
    return any(table in query for table in _reference_tables())


@cache
def _reference_tables() -> frozenset[str]:
    from tests.database_snapshot import preserved_tables  # once the apps are loaded

    return frozenset(preserved_tables())


class _WriteWatchingCursor(base.SQLiteCursorWrapper):
    def execute(self, query, params=None):
        self.database.note_statement(query)
        return super().execute(query, params)

    def executemany(self, query, param_list):
        self.database.note_statement(query)
        return super().executemany(query, param_list)

    def executescript(self, script):
        self.database.note_statement(script)
        return super().executescript(script)
