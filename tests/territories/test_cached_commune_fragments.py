"""The cached parts of "Ma commune" and of the programme index (core.content_version)
change as soon as the content does: a commune-list import or a publication shows on
the next request, although the previous rendering was cached."""

from finder.commune_lists import import_commune_list
from tests.factories import make_programme

RETHEL = "/communes/08362/"


def test_a_commune_list_import_shows_on_the_commune_page_at_once(catalogue, client):
    page = catalogue["petites_villes"]
    before = client.get(RETHEL).content.decode()
    assert "Programmes dont la commune bénéficie déjà" not in before

    import_commune_list("08362\n", page=page)

    after = client.get(RETHEL).content.decode()
    assert "Programmes dont la commune bénéficie déjà" in after


def test_a_published_programme_shows_on_the_commune_page_and_the_index_at_once(catalogue, client):
    assert "Villages du futur" not in client.get(RETHEL).content.decode()
    assert "Villages du futur" not in client.get("/programmes/").content.decode()

    make_programme(catalogue["petites_villes"].get_parent(), "Villages du futur", departements=["08"])

    assert "Villages du futur" in client.get(RETHEL).content.decode()
    assert "Villages du futur" in client.get("/programmes/").content.decode()
