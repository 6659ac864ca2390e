"""The demo content for the tests that read it: loaded by its real loader once per
test process, then put back from a copy of its rows.

Why: ``load_demo_content`` takes 6 to 20 seconds (pages, revisions, the reference and
search indexes), and the live tests, the public facts, the commune page weight and
the relevance suite on the database backend all read the same demo. The first call
in a process runs the loader; the rows of every table a flush empties are then
copied (``tests/database_snapshot.py``) and each later call puts exactly those rows
back, in a fraction of a second. The rows are the loader's own output, not a fixture
file that could drift.

The loader runs again when the territorial data was imported again since (the demo
links to its rows), or when a search engine is configured: its index lives outside
the database, and only the loader fills it.
"""

from io import StringIO

from django.core.management import call_command

from territories.models import TerritorialDataImport
from tests.database_snapshot import DatabaseSnapshot
from tests.index_tasks import run_held_tasks, search_index_in_database

_copy: dict = {}


def load_demo():
    """The demo content in the database, as ``load_demo_content`` writes it. Replaces
    whatever the flushed tables hold: call it first, in a transaction rolled back
    afterwards (a module's fixture) or in a transactional test."""
    reference_import = TerritorialDataImport.objects.latest("imported_at").pk
    database_only = search_index_in_database()
    if database_only and _copy.get("reference_import") == reference_import:
        _copy["rows"].restore()
        return
    call_command("load_demo_content", stdout=StringIO())
    run_held_tasks()  # the copy holds the indexes (tests/index_tasks.py)
    if database_only:
        _copy.update(rows=DatabaseSnapshot.take(), reference_import=reference_import)
