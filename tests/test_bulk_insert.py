"""``core.bulk_insert.insert_rows`` writes the rows ``bulk_create`` would: by ``COPY``
on PostgreSQL (CI), by one prepared ``INSERT`` on SQLite. Read back through the ORM, every
value is the one the instance held: text with tabs, quotes and line breaks, dates and
empty dates, JSON, booleans, foreign keys, the fields' defaults and the automatic
date of ``auto_now``."""

import datetime

import pytest

from core.bulk_insert import insert_rows
from territories.models import Commune, DatasetMembership, OfficialDataset

pytestmark = pytest.mark.django_db


def dataset(number: int) -> OfficialDataset:
    return OfficialDataset(
        key=f"essai-{number}",
        title=f"Liste d’essai n° {number} « entre guillemets »\tavec une tabulation",
        publisher="ANCT",
        licence="Licence Ouverte 2.0",
        file_name="essai.csv",
        data_date=datetime.date(2024, 3, number) if number else None,
        counts={"créées": number, "note": "une barre \\ et un saut\nde ligne"},
        notes="première ligne\r\nseconde ligne",
    )


def test_new_rows_hold_what_their_instances_held(real_territories):
    written = [dataset(number) for number in range(3)]
    insert_rows(OfficialDataset, written)

    stored = {row.key: row for row in OfficialDataset.objects.filter(key__startswith="essai-")}
    assert sorted(stored) == ["essai-0", "essai-1", "essai-2"]
    for instance in written:
        row = stored[instance.key]
        assert (row.title, row.data_date, row.counts, row.notes) == (
            instance.title,
            instance.data_date,
            instance.counts,
            instance.notes,
        )
        assert (row.rejected, row.rows, row.kind, row.url) == ([], 0, OfficialDataset.Kind.NETWORK, "")
        assert row.imported_at is not None

    commune = Commune.objects.order_by("code").first()
    insert_rows(
        DatasetMembership,
        [
            DatasetMembership(
                dataset=stored["essai-1"],
                commune=commune,
                territory_code="X1",
                certain=False,
                attributes={"rang": 1, "libellé": "a\tb"},
            ),
            DatasetMembership(dataset=stored["essai-2"], commune=commune),
        ],
    )
    first, second = DatasetMembership.objects.filter(dataset__key__startswith="essai-").order_by(
        "dataset__key"
    )
    assert (first.commune_id, first.territory_code, first.certain, first.attributes) == (
        commune.code,
        "X1",
        False,
        {"rang": 1, "libellé": "a\tb"},
    )
    assert (second.territory_code, second.certain, second.attributes, second.via_name) == ("", True, {}, "")
