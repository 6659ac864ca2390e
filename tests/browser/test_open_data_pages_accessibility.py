"""axe-core finds nothing on the pages of issue 14 (API docs, maps, news,
programme actions, pre-filled request form), on the demo content and real data."""

import datetime

import pytest

from tests.finder.conftest import ensure_reference_lists

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def open_data_site(demo_site_url):
    """The demo site (with its news index) plus a news item under a programme and an
    imported list of current beneficiaries (so that the programme shows its map),
    and the official lists behind the ACV and France services maps."""

    from finder.models import CurrentBeneficiary
    from home.models import HomePage
    from news.models import NewsIndexPage, NewsPage
    from programmes.models import ProgrammePage

    if not NewsIndexPage.objects.exists():  # the site setup creates it on the demo site
        index = NewsIndexPage(title="Actualités", slug="actualites")
        HomePage.objects.first().add_child(instance=index)
        index.save_revision().publish()
    programme = ProgrammePage.objects.live().get(slug="petites-villes-de-demain")
    item = NewsPage(title="Une actualité", introduction="Un chapô.", date=datetime.date(2026, 11, 1))
    programme.add_child(instance=item)
    item.save_revision().publish()
    for code in ("08105", "59350"):
        CurrentBeneficiary.objects.get_or_create(page=programme, commune_id=code)
    ensure_reference_lists()  # what make run imports, once: the flush keeps it
    return demo_site_url, programme, item


def test_axe_finds_nothing_on_the_open_data_pages(page, axe, open_data_site):
    base, programme, item = open_data_site
    paths = [
        "/api/v1/docs/",
        "/pactes/",
        "/communes/08105/",
        f"{programme.url}?commune=08105",
        "/programmes/action-coeur-de-ville/",
        "/programmes/france-services/",
        "/actualites/",
        item.url,
        f"/ingenierie/demande/?programme={programme.pk}&commune=08105",
    ]
    problems = {}
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        for path in paths:
            response = page.goto(base + path)
            if response.status != 200:
                problems[f"{path} @{width}px"] = [f"HTTP {response.status}"]
                continue
            violations = axe(page)
            if violations:
                problems[f"{path} @{width}px"] = violations
            if page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1"):
                problems.setdefault(f"{path} @{width}px", []).append("défilement horizontal")
    assert problems == {}
