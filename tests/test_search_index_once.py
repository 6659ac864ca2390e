"""A bulk load updates each object's search entry once, at its end
(``core.search_index``): the index it leaves is what modelsearch's own rebuild finds,
a page is found by its last title, and an object deleted on the way is not indexed."""

import pytest
from django.core.management import call_command
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from core.search_index import search_indexed_once
from programmes.models import ProgrammePage
from tests.factories import PartnerFactory, ProgrammePageFactory
from tests.test_index_tasks import search_entries

pytestmark = pytest.mark.django_db


def entry_of(obj):
    return IndexEntry.objects.filter(content_type__model=obj._meta.model_name, object_id=str(obj.pk))


def test_the_index_of_a_bulk_load_is_the_one_a_rebuild_gives(programme_index):
    with search_indexed_once():
        page = ProgrammePageFactory(parent=programme_index, title="Petites villes de demain")
        page.title = "Petites villes de demain (PVD)"
        page.save_revision().publish()
        kept = PartnerFactory(name="Banque des territoires")
        gone = PartnerFactory(name="Partenaire retiré")
        gone_pk = gone.pk
        gone.delete()  # saved then deleted: never indexed, and no error at the end
        assert not entry_of(page).exists()  # nothing yet

    loaded = search_entries()
    assert "pvd" in loaded[(page.content_type_id, str(page.pk))][0].lower()  # its last title
    assert [found.pk for found in ProgrammePage.objects.live().search("PVD")] == [page.pk]
    assert entry_of(kept).exists()
    assert not IndexEntry.objects.filter(content_type__model="partner", object_id=str(gone_pk)).exists()
    call_command("update_index", verbosity=0)
    rebuilt = search_entries()
    root = Page.objects.get(depth=1)  # the rebuild also indexes the root, which no save reaches
    assert set(rebuilt) - set(loaded) <= {(root.content_type_id, str(root.pk))}
    assert loaded == {key: entry for key, entry in rebuilt.items() if key in loaded}


def test_saves_after_the_block_update_the_index_at_once_again(programme_index):
    with search_indexed_once():
        ProgrammePageFactory(parent=programme_index, title="Avenir montagnes")
    page = ProgrammePageFactory(parent=programme_index, title="Villages d'avenir")
    assert entry_of(page).exists()


def test_nothing_is_indexed_when_the_load_fails(programme_index):
    with pytest.raises(RuntimeError), search_indexed_once():
        page = ProgrammePageFactory(parent=programme_index, title="Chargement interrompu")
        raise RuntimeError("interrompu")
    assert not entry_of(page).exists()
