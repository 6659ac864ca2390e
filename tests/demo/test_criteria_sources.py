"""Every criterion of the demo cites its source: the programme and commune
pages show the public document that states it (from the fact sheet), never
"non précisée", and loading the demo again changes nothing."""

import pytest
from django.core.management import call_command

from catalogue.models import Source
from demo import criteria_sources
from pactes.models import PactePage
from programmes.models import ProgrammePage
from tests.demo_rows import load_demo

pytestmark = pytest.mark.django_db

CITED = {
    # Selection programmes: their official list governs (issue 19).
    "petites-villes-de-demain": "https://github.com/anct-carto/superposeur-anct/blob/5c5ffe3/data/geom/geojsonV2/pvd_geom.geojson",
    "action-coeur-de-ville": "https://github.com/anct-carto/superposeur-anct/blob/5c5ffe3/data/geom/geojsonV2/acv_geom.geojson",
    "pacte-ardennes": "https://www.cd08.fr/actualites/le-pacte-ardennes-signe-ce-vendredi-15-mars",
    "pacte-nievre": "https://www.cget.gouv.fr/actualites/un-pacte-etat-collectivites-pour-redynamiser-la-nievre",
}


def run_loader():
    """The loader itself, run here (the reload test needs two real runs)."""
    call_command("load_demo_content", stdout=open("/dev/null", "w"))


def test_each_page_with_criteria_cites_the_document_that_states_them(client, real_territories):
    load_demo()
    for model in (ProgrammePage, PactePage):
        for page in model.objects.live():
            if page.eligibility_summary():
                assert page.eligibility_source is not None, page.slug
    for slug, url in CITED.items():
        page = ProgrammePage.objects.filter(slug=slug).first() or PactePage.objects.get(slug=slug)
        assert page.eligibility_source.url == url, slug
    body = client.get("/communes/08105/").content.decode()
    assert "Source des critères : non précisée" not in body
    assert 'href="https://www.cd08.fr/actualites/le-pacte-ardennes-signe-ce-vendredi-15-mars"' in body
    programme = client.get(ProgrammePage.objects.get(slug="petites-villes-de-demain").url).content.decode()
    assert f'href="{CITED["petites-villes-de-demain"]}"' in programme


def test_loading_again_keeps_the_sources_and_an_editors_choice(real_territories):
    run_loader()
    pvd = ProgrammePage.objects.get(slug="petites-villes-de-demain")
    chosen = Source.objects.create(
        publisher="ANCT", title="Fiche du programme", url="https://example.org/pvd"
    )
    pvd.eligibility_source = chosen
    pvd.save_revision().publish()
    sources = Source.objects.count()
    run_loader()
    assert Source.objects.count() == sources
    assert ProgrammePage.objects.get(slug="petites-villes-de-demain").eligibility_source == chosen


def test_a_fresh_load_publishes_each_page_once_with_its_criteria(real_territories):
    """The criteria are in the page's first revision, as the criteria step would
    have set them: the same types, source and population bounds, one revision. (The
    rows of the loader's first run in this process: tests/demo_rows.py.)"""
    load_demo()
    entries = criteria_sources.criteria()
    assert len(entries) == 28
    for entry in entries:
        page = ProgrammePage.objects.filter(slug=entry["slug"]).first() or PactePage.objects.get(
            slug=entry["slug"]
        )
        assert page.revisions.count() == 1, entry["slug"]
        if "types" in entry:
            assert sorted(t.slug for t in page.eligible_territory_types.all()) == sorted(entry["types"])
        if entry.get("clear_population"):
            assert (page.population_min, page.population_max) == (None, None)
        assert page.eligibility_source == criteria_sources.source_of(entry), entry["slug"]
        assert not page.has_unpublished_changes
