"""Every value the shipped official lists write fits its column: PostgreSQL
refuses a longer one (the whole import then fails), SQLite does not check, so
the suite on SQLite must check it. Found on PostgreSQL: the Fabriques de
territoire list names several entries in one cell (71 characters)."""

import pytest
from django.db import models
from django.db.models.functions import Length

from territories.datasets import load_manifest
from territories.models import DatasetMembership, OfficialDataset

pytestmark = pytest.mark.django_db


def test_every_shipped_value_fits_its_column(official_lists):
    limits = {
        f.name: f.max_length for f in DatasetMembership._meta.get_fields() if isinstance(f, models.CharField)
    }
    longest = DatasetMembership.objects.aggregate(**{name: models.Max(Length(name)) for name in limits})
    assert {name: size for name, size in longest.items() if (size or 0) > limits[name]} == {}
    assert longest["territory_code"] >= 71  # the Fabriques de territoire cell that PostgreSQL refused


def test_every_shipped_provenance_fits_its_column():
    """The massifs' licence (107 characters) did not fit in 100."""
    limits = {
        f.name: f.max_length
        for f in OfficialDataset._meta.get_fields()
        if isinstance(f, models.CharField) and f.max_length
    }
    too_long = [
        (spec.key, name, len(value))
        for spec in load_manifest()
        for name, value in spec.provenance("").items()
        if name in limits and isinstance(value, str) and len(value) > limits[name]
    ]
    assert too_long == []
