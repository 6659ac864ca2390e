"""The suite's SQLite backend (tests/sqlite_backend) still finds every broken foreign
key at the end of a test, in the reference data as elsewhere, while it reads the
reference tables only when the test wrote to them."""

import pytest
from django.apps import apps
from django.db import IntegrityError, connection

from territories.models import Commune
from tests.database_snapshot import preserved_tables

sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL checks its own keys")


def test_the_reference_tables_refer_to_no_other_table():
    """What lets the check skip them: only a write to them can break their keys."""
    preserved = preserved_tables()
    outward = [
        f"{model._meta.db_table}.{field.name}"
        for model in apps.get_models(include_auto_created=True)
        if model._meta.db_table in preserved
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model._meta.db_table not in preserved
    ]
    assert outward == []


def _break_and_check(row, column: str, bad_value):
    """Give ``row`` a key to nothing: the check finds it; then mend it."""
    quoted = connection.ops.quote_name
    table, key = quoted(row._meta.db_table), quoted(row._meta.pk.column)
    good_value = getattr(row, column)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET {quoted(column)} = %s WHERE {key} = %s", [bad_value, row.pk])
        with pytest.raises(IntegrityError, match=row._meta.db_table):
            connection.check_constraints()
        cursor.execute(f"UPDATE {table} SET {quoted(column)} = %s WHERE {key} = %s", [good_value, row.pk])


@sqlite_only
def test_a_key_broken_in_the_reference_data_is_found(db, real_territories):
    connection.check_constraints()  # as after an earlier test: nothing written yet
    _break_and_check(Commune.objects.get(code="08105"), "departement_id", "ZZ")


@sqlite_only
def test_a_key_broken_elsewhere_is_found(db, django_user_model):
    connection.check_constraints()
    group = apps.get_model("auth", "Group").objects.create(name="Équipe")
    user = django_user_model.objects.create_user("agent", "agent@example.org", "motdepasse")
    user.groups.add(group)
    membership = django_user_model.groups.through.objects.get(user=user)
    _break_and_check(membership, "group_id", 999_999_999)
