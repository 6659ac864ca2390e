"""Programme pages you can act on: a support request pre-filled with the
programme (and the commune when coming from a commune page), "comment en
bénéficier" and contacts shown only when filled."""

import re
from html import unescape

import pytest

from programmes.models import ProgrammeContact

pytestmark = pytest.mark.django_db


def request_button(body: str) -> str:
    match = re.search(r'<a class="fr-btn[^"]*" href="([^"]+)">Demander un appui pour ce programme</a>', body)
    assert match, "no request button"
    return unescape(match.group(1))


def test_the_button_carries_the_programme(client, catalogue):
    page = catalogue["petites_villes"]
    assert (
        request_button(client.get(page.url).content.decode()) == f"/ingenierie/demande/?programme={page.pk}"
    )


def test_coming_from_a_commune_page_the_button_carries_the_commune(client, catalogue):
    page = catalogue["petites_villes"]
    commune_page = client.get("/communes/08105/").content.decode()
    assert f'href="{page.url}?commune=08105"' in commune_page
    url = request_button(client.get(page.url, {"commune": "08105"}).content.decode())
    assert url == f"/ingenierie/demande/?programme={page.pk}&commune=08105"
    # Whatever is typed after ?commune= never reaches the link unless it is an INSEE code.
    url = request_button(client.get(page.url, {"commune": '"><script>'}).content.decode())
    assert url == f"/ingenierie/demande/?programme={page.pk}"


def test_the_request_form_is_pre_filled_with_the_programme_and_the_commune(client, catalogue):
    page = catalogue["petites_villes"]
    response = client.get("/ingenierie/demande/", {"programme": page.pk, "commune": "08105"})
    form = response.context["form"]
    assert form.initial["title"] == "Appui pour le programme « Petites villes de demain »"
    assert form.initial["themes"] == [page.theme_id]
    assert "Charleville-Mézières" in form.initial["collectivite"]
    body = response.content.decode()
    assert 'value="Appui pour le programme « Petites villes de demain »"' in unescape(body)


@pytest.mark.parametrize("value", ["", "abc", "0", "99999999", "1" * 30, "-1"])
def test_an_unknown_programme_parameter_leaves_the_form_empty(client, catalogue, value):
    response = client.get("/ingenierie/demande/", {"programme": value})
    assert response.status_code == 200
    assert "title" not in response.context["form"].initial


def test_a_draft_programme_does_not_pre_fill(client, catalogue):
    page = catalogue["numerique"]
    page.unpublish()
    response = client.get("/ingenierie/demande/", {"programme": page.pk})
    assert "title" not in response.context["form"].initial


def test_how_to_benefit_and_contacts_show_only_when_filled(client, catalogue):
    page = catalogue["petites_villes"]
    body = client.get(page.url).content.decode()
    assert "Comment en bénéficier" not in body and 'id="contacts"' not in body
    page.how_to_benefit = "<p>Adressez-vous à la préfecture de département.</p>"
    page.save_revision().publish()
    ProgrammeContact.objects.create(page=page, name="Équipe du programme", email="equipe@example.org")
    body = client.get(page.url).content.decode()
    assert "Comment en bénéficier" in body and "Adressez-vous à la préfecture de département." in body
    assert 'id="contacts"' in body and "mailto:equipe@example.org" in body
