"""The signed support convention: in the private storage under a random name (issue 20: it
sat under MEDIA_ROOT at request id + file name), served only to the staff who see its
request, linked from the request's page."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile

from engineering.models import EngineeringRequest, SupportConvention

from .test_public_form import URL, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def convention(client, territories):
    assert client.post(URL, form_data()).status_code == 302
    request = EngineeringRequest.objects.get()
    item = SupportConvention(request=request, signed_on=datetime.date(2026, 3, 2), reference="CAO-08-2026-01")
    item.file.save("convention signée mairie.pdf", ContentFile(b"%PDF-1.7 convention"), save=True)
    client.logout()
    return item


def test_the_convention_lands_in_the_private_storage_under_a_random_name(convention):
    stored = Path(convention.file.path).resolve()
    assert stored.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert re.fullmatch(r"ingenierie/conventions/[0-9a-f]{32}\.pdf", convention.file.name)


def test_the_convention_is_served_to_the_departements_staff_only(client, people, convention):
    url = f"/ingenierie/convention/{convention.request_id}/"
    assert client.get(url).status_code == 404  # anonymous: no login redirect that would confirm it
    client.force_login(people["corse"])
    assert client.get(url).status_code == 404
    client.force_login(people["ardennes"])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 convention"
    assert f"convention-{convention.request.reference}.pdf" in response["Content-Disposition"]
    html = client.get(f"/admin/ingenierie/{convention.request_id}/").content.decode()
    assert f'href="{url}"' in html
