"""The index updates of a fixture's setup run once per object at its end
(``tests/index_tasks.py``): the references and the search index it leaves are what
Wagtail's own rebuilds find, so a test sees the indexes a site would have."""

import datetime

import pytest
from django.core.management import call_command
from wagtail.models import Page, ReferenceIndex
from wagtail.search.models import IndexEntry

from catalogue.models import Source
from programmes.models import ProgrammeFact
from tests.factories import PartnerFactory, ProgrammePageFactory, make_pacte

pytestmark = pytest.mark.django_db


def references():
    return sorted(
        ReferenceIndex.objects.values_list(
            "content_type_id", "object_id", "to_content_type_id", "to_object_id", "model_path", "content_path"
        )
    )


def search_entries() -> dict[tuple, tuple]:
    """Each indexed object's entry, without ``title_norm``: modelsearch computes it from
    the other entries present at the time, so it depends on the order of indexing."""
    fields = [
        f.attname
        for f in IndexEntry._meta.concrete_fields
        if f.name not in ("id", "content_type", "object_id", "title_norm")
    ]
    return {
        row[:2]: tuple(str(value) for value in row[2:])
        for row in IndexEntry.objects.values_list("content_type_id", "object_id", *fields)
    }


@pytest.fixture
def catalogue_built_by_a_fixture(programme_index, pacte_index):
    """Pages saved several times each, as the suite's fixtures do: created, revised
    with a new source and figures, published; one source deleted on the way."""
    kept, replaced, figure, deleted = (
        Source.objects.create(publisher="ANCT", title=title, url=f"https://anct.gouv.fr/{title}")
        for title in ("arrete", "ancien", "bilan", "retire")
    )
    page = ProgrammePageFactory(
        parent=programme_index, title="Petites villes de demain", eligibility_source=replaced
    )
    page.eligibility_source = kept
    page.partners = [PartnerFactory(name="Banque des territoires")]
    page.facts = [
        ProgrammeFact(label="Communes", value="1 600", as_of=datetime.date(2024, 1, 1), source=figure)
    ]
    page.save_revision().publish()
    page.title = "Petites villes de demain (PVD)"
    page.save_revision().publish()
    make_pacte(pacte_index, "Pacte Ardennes")
    deleted.delete()
    return page


def test_a_fixture_leaves_the_indexes_wagtail_rebuilds(catalogue_built_by_a_fixture):
    page = catalogue_built_by_a_fixture
    built_references, built_entries = references(), search_entries()
    assert "pvd" in built_entries[(page.content_type_id, str(page.pk))][0].lower()  # the last title
    call_command("rebuild_references_index", verbosity=0)
    call_command("update_index", verbosity=0)
    assert built_references == references()
    rebuilt = search_entries()
    # The rebuild also indexes the tree's root, which no save reaches.
    root = Page.objects.get(depth=1)
    assert set(rebuilt) - set(built_entries) == {(root.content_type_id, str(root.pk))}
    assert built_entries == {key: entry for key, entry in rebuilt.items() if key in built_entries}
