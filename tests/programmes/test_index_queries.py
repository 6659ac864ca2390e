"""The programme index issues the same number of SQL queries whatever the
number of programmes it lists."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.models import BeneficiaryType, Partner, TerritoryType
from tests.factories import ProgrammePageFactory


def count_queries(client, url) -> int:
    client.get(url)  # warm the site and URL caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_index_queries_do_not_grow_with_the_number_of_programmes(programme_index, client):
    partners = list(Partner.objects.all()[:2])
    beneficiaries = list(BeneficiaryType.objects.all()[:2])
    territory_types = list(TerritoryType.objects.all()[:1])
    themes = [
        ("numerique", "fracture-numerique"),
        ("politique-de-la-ville", "education"),
        ("territoires-et-ruralites", "ruralite"),
    ]

    def add(start, stop):
        for number in range(start, stop):
            theme, policy = themes[number % 3]
            ProgrammePageFactory(
                parent=programme_index,
                title=f"Programme {number:03d}",
                theme__slug=theme,
                public_policy__slug=policy,
                partners=partners,
                eligible_beneficiary_types=beneficiaries,
                eligible_territory_types=territory_types,
            )

    add(0, 10)
    with_10 = count_queries(client, "/programmes/")
    filtered_10 = count_queries(client, "/programmes/?thematique=numerique&beneficiaire=communes")
    add(10, 100)
    with_100 = count_queries(client, "/programmes/")
    filtered_100 = count_queries(client, "/programmes/?thematique=numerique&beneficiaire=communes")
    assert with_10 == with_100
    assert filtered_10 == filtered_100
    assert "100 programmes" in client.get("/programmes/").content.decode()
