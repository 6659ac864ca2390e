"""The commune lookup's prefix match (``name_starts_with``) finds exactly the names
that start with what was typed, on every database: on SQLite it adds an index range
to ``LIKE``, which must never leave out a name nor let in another."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from territories.models import Commune
from territories.models.reference import name_starts_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def names(real_territories) -> list[str]:
    return list(Commune.objects.values_list("search_name", flat=True))


def found(prefix: str) -> set[str]:
    return set(Commune.objects.filter(name_starts_with(prefix)).values_list("search_name", flat=True))


@pytest.mark.parametrize("prefix", ["charleville", "saint ", "y", "z", "sainte marie", "l", "zzz", "é"])
def test_typed_starts_find_every_name_that_starts_so(names, prefix):
    assert found(prefix) == {name for name in names if name.startswith(prefix)}


@pytest.mark.parametrize("prefix", ["\x00", "sa\x00", "\x00int"])
def test_a_nul_character_finds_nothing_on_every_database(names, prefix):
    """Once failed on PostgreSQL (Hypothesis drew "\\x00"): it refuses NUL in a query."""
    assert found(prefix) == set()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_start_of_a_real_name_or_any_text_finds_the_same_names(names, data):
    prefix = data.draw(
        st.one_of(
            st.sampled_from(names).flatmap(lambda name: st.integers(1, len(name)).map(lambda n: name[:n])),
            st.text(min_size=1, max_size=4),
        )
    )
    assert found(prefix) == {name for name in names if name.startswith(prefix)}
