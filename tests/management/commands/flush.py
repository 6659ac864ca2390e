"""``flush`` for the test suite: empties every table but the reference data.

A transactional test (live server, browser) ends with ``flush``, which would
empty the territorial reference data and the official lists too: 35,000
communes and 130,000 list rows that the next test needing them re-imports
(about a minute each time). They are the same for every test and no test
changes them outside its own transaction, so the tables of the apps named by
``TEST_PRESERVED_APPS`` (the reference data, imported once per session) are
left out of the flush. The rows the migrations wrote are then put back
(``BASELINE``, tests/database_snapshot.py) in place of the post-migrate signal.
Only the test settings install this command.
"""

from django.core.management.commands import flush
from django.db import connections

from tests.database_snapshot import BASELINE, flushed_tables


class Command(flush.Command):
    def handle(self, **options):
        baseline = BASELINE.get(options["database"])
        if baseline is not None:
            baseline.restore()
            return
        introspection = connections[options["database"]].introspection
        every_table = introspection.django_table_names

        def without_reference_data(*args, **kwargs):
            return flushed_tables(every_table(*args, **kwargs))

        introspection.django_table_names = without_reference_data
        try:
            super().handle(**options)
        finally:
            del introspection.django_table_names
