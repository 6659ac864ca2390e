"""A new test template starts from an earlier one only when that one holds nothing the
current migrations would not write (tests/template_lineage.py): its migrations all still
there and unchanged, the same builder. Otherwise it is built from an empty database, as
on a fresh machine. The records are written as the builder writes them, then changed as
a checkout would change."""

import json

import pytest

from tests.template_lineage import best_start, record


@pytest.fixture
def recorded(tmp_path):
    """The record of a template built from this checkout's migrations."""

    def write(name: str, change=lambda content: None):
        path = tmp_path / f"{name}.json"
        record(path)
        content = json.loads(path.read_text())
        change(content)
        path.write_text(json.dumps(content))
        return path

    return write


def drop_the_last_migrations(count: int):
    """A template built before the last ``count`` migrations were written."""

    def change(content):
        for name in sorted(content["migrations"])[-count:]:
            del content["migrations"][name]

    return change


def test_a_template_built_before_new_migrations_is_started_from(recorded):
    records = {"earlier": recorded("earlier", drop_the_last_migrations(1))}
    assert best_start(records) == "earlier"


def test_the_earlier_template_with_most_migrations_already_applied_is_chosen(recorded):
    records = {
        "older": recorded("older", drop_the_last_migrations(3)),
        "newer": recorded("newer", drop_the_last_migrations(1)),
    }
    assert best_start(records) == "newer"


def edit_a_migration(content):
    name = sorted(content["migrations"])[0]
    content["migrations"][name] = "0" * 64


def remove_a_migration(content):
    content["migrations"]["programmes/0099_a_migration_since_removed.py"] = "0" * 64


def change_the_builder(content):
    content["builder"] = "0" * 64


@pytest.mark.parametrize("change", [edit_a_migration, remove_a_migration, change_the_builder])
def test_a_template_that_an_empty_database_would_not_give_is_never_started_from(recorded, change):
    assert best_start({"earlier": recorded("earlier", change)}) is None


def test_a_template_without_a_readable_record_is_never_started_from(tmp_path, recorded):
    broken = tmp_path / "broken.json"
    broken.write_text('{"builder": ')
    assert best_start({"missing": tmp_path / "missing.json", "broken": broken}) is None
    assert best_start({"broken": broken, "sound": recorded("sound")}) == "sound"
