"""The collectivité part of the request form as the server renders it: the
field of the chosen kind only (the others hidden, ignored, and keeping what was
typed), the "Afficher le champ de ce choix" step for browsers without
JavaScript, the collectivités d'outre-mer as what they are, lists sorted as a
French reader expects, and hints and errors read with their inputs."""

import re

import pytest

from engineering.models import EngineeringRequest
from tests.engineering.test_public_form import URL, form_data

pytestmark = pytest.mark.django_db
COM_NAMES = [
    "Saint-Pierre-et-Miquelon",
    "Saint-Barthélemy",
    "Saint-Martin",
    "Wallis et Futuna",
    "Polynésie française",
    "Nouvelle-Calédonie",
]


def shown(html: str) -> list[str]:
    """The names of the collectivité fields rendered without ``hidden``."""
    names = []
    for element in re.finditer(
        r'<div class="fr-fieldset__element" data-collectivite-kinds="[^"]*"([^>]*)>', html
    ):
        if " hidden" not in element.group(1):
            names += re.findall(r'name="(\w+)"', html[element.end() : element.end() + 3000])[:1]
    return names


def options(html: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S).group(0)
    return [
        re.sub(r"\s+", " ", text).strip() for text in re.findall(r"<option[^>]*>([^<]*)</option>", select)
    ]


def tag(html: str, name: str) -> str:
    return re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)


def test_the_form_opens_on_the_commune_field_only(client, territories):
    html = client.get(URL).content.decode()
    assert shown(html) == ["collectivite"]
    assert "---------" not in html
    assert 'type="tel"' in tag(html, "requester_phone")
    assert 'name="etape_collectivite"' in html  # the step for browsers without JavaScript
    assert 'dsfr="dsfr"' not in tag(html, "collectivite_kind")


def test_overseas_collectivites_are_listed_as_what_they_are(client, territories):
    html = client.get(URL).content.decode()
    assert "Une collectivité d’outre-mer" in html
    assert options(html, "overseas_collectivite") == ["Choisissez la collectivité", *COM_NAMES]
    for name in COM_NAMES + ["Terres australes et antarctiques françaises", "Île de Clipperton"]:
        assert not any(name in option for option in options(html, "region") + options(html, "departement"))


def test_regions_are_sorted_as_a_french_reader_sorts_them(client, territories):
    regions = options(client.get(URL).content.decode(), "region")[1:]
    assert regions.index("Hauts-de-France") < regions.index("Île-de-France") < regions.index("La Réunion")


def test_the_step_shows_the_chosen_kinds_field_and_keeps_what_was_typed(client, territories):
    data = form_data("Charleville", collectivite_kind="region", themes=[], etape_collectivite="1")
    response = client.post(URL, data)
    html = response.content.decode()
    assert response.status_code == 200 and "error-summary" not in html
    assert shown(html) == ["region", "departement"]
    assert "autofocus" in re.search(r'<select name="region"[^>]*>', html).group(0)
    assert 'value="Réhabilitation du pont de la Meuse"' in html
    assert 'value="Charleville"' in html  # the commune typed before stays, hidden
    assert "Département du siège" in html
    assert not EngineeringRequest.objects.exists()


def test_an_overseas_collectivite_files_as_its_own_territory(client, territories, commit):
    with commit():
        missing = client.post(URL, form_data("", collectivite_kind="com"))
    assert "Choisissez la collectivité d’outre-mer qui porte le projet." in missing.content.decode()
    assert shown(missing.content.decode()) == ["overseas_collectivite"]
    with commit():
        response = client.post(URL, form_data("08105", collectivite_kind="com", overseas_collectivite="987"))
    assert response.status_code == 302
    saved = EngineeringRequest.objects.get()
    assert (saved.departement_id, saved.commune_id) == ("987", None)
    assert saved.departement.name == "Polynésie française"


def test_radio_buttons_in_error_are_described_by_the_error_and_hints_stay(client, territories):
    html = client.post(URL, form_data(requester_role="", requester_phone="abc")).content.decode()
    for radio in re.findall(r'<input type="radio" name="requester_role"[^>]*>', html):
        assert 'aria-describedby="id_requester_role-desc-error"' in radio and 'aria-invalid="true"' in radio
    assert 'aria-describedby="id_requester_phone_helptext id_requester_phone-desc-error"' in tag(
        html, "requester_phone"
    )
    assert 'id="id_requester_phone_helptext"' in html
