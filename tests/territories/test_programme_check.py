""" "Vérifier pour ma commune" on a programme page: the commune combobox of "Ma
commune", and a search that keeps the programme and lands on the commune page
at that programme's verdict (``#programme-<page id>``), without JavaScript too."""

import re

import pytest

from tests.factories import make_programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(programme_index):
    return make_programme(programme_index, "Petites villes de demain")


def check_form(html: str) -> str:
    return re.search(r"<form[^>]*data-commune-combobox.*?</form>", html, re.S).group(0)


def test_the_programme_page_offers_the_commune_combobox_for_this_programme(client, programme):
    html = client.get(programme.url).content.decode()
    form = check_form(html)
    assert f'data-combobox-fragment="programme-{programme.pk}"' in form
    assert f'<input type="hidden" name="programme" value="{programme.pk}">' in form
    assert 'action="/communes/"' in form and "territories/commune-combobox" in html


def test_one_commune_found_opens_its_page_at_the_programmes_verdict(client, programme):
    response = client.get("/communes/", {"q": "Charleville-Mézières", "programme": programme.pk})
    assert response.status_code == 302
    assert response["Location"] == f"/communes/08105/#programme-{programme.pk}"


def test_a_list_of_communes_keeps_the_programme_in_each_link_and_in_the_form(client, programme):
    html = client.get("/communes/", {"q": "saint-etienne", "programme": programme.pk}).content.decode()
    assert f'href="/communes/42218/#programme-{programme.pk}"' in html
    assert f'<input type="hidden" name="programme" value="{programme.pk}">' in check_form(html)


@pytest.mark.parametrize("value", ["abc", "12345678901", "1 OR 1=1", "-3"])
def test_a_programme_parameter_that_is_not_a_page_id_is_ignored(client, home_page, value):
    response = client.get("/communes/", {"q": "Charleville-Mézières", "programme": value})
    assert response.status_code == 302 and response["Location"] == "/communes/08105/"
