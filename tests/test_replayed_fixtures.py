"""A replayed fixture (tests/replayed_fixtures.py) leaves the database exactly as its
real run did, and gives back the same objects; from another starting point it runs
for real."""

import pytest
from django.db import transaction

from home.setup import LoadReport, load_shell
from tests.database_snapshot import DatabaseSnapshot
from tests.factories import ProgrammeIndexPageFactory
from tests.replayed_fixtures import replayed

pytestmark = pytest.mark.django_db


@replayed
def shell_with_index():
    """A fixture body of this test only (its recordings are its own)."""
    home = load_shell(LoadReport())
    return {"home": home, "index": ProgrammeIndexPageFactory(parent=home, title="Programmes")}


def _rows(snapshot: DatabaseSnapshot) -> dict:
    """Each table's rows, whatever order they were written in."""
    return {table: sorted(_lines(data)) for table, (_columns, data) in snapshot.rows.items()}


def _lines(data) -> list:
    return [line for line in data.split(b"\n") if line] if isinstance(data, bytes) else list(map(repr, data))


def _built_then_undone():
    with transaction.atomic():
        value = shell_with_index()
        rows = _rows(DatabaseSnapshot.take())
        titles = {name: (page.pk, page.title, page.specific_class) for name, page in value.items()}
        transaction.set_rollback(True)
    return rows, titles


def test_a_replay_writes_the_rows_of_the_real_run():
    real_rows, real_value = _built_then_undone()
    replayed_rows, replayed_value = _built_then_undone()
    assert replayed_rows == real_rows
    assert replayed_value == real_value


def test_from_another_starting_point_the_fixture_runs_for_real():
    _built_then_undone()
    ProgrammeIndexPageFactory(parent=load_shell(LoadReport()), title="Déjà là", slug="deja-la")
    value = shell_with_index()
    assert value["index"].get_parent().specific == value["home"]
    assert sorted(value["home"].get_children().values_list("title", flat=True)).count("Déjà là") == 1
