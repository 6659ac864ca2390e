"""A bulk load indexes each object's references once, at the end
(``core.reference_index``): what the admin's "Utilisation" screens show after it
is what Wagtail's own rebuild of the index finds."""

import datetime

import pytest
from django.core.management import call_command
from wagtail.models import ReferenceIndex

from catalogue.models import Source
from core.reference_index import references_indexed_once
from programmes.models import ProgrammeFact
from tests.factories import ProgrammePageFactory

pytestmark = pytest.mark.django_db


def references():
    return sorted(
        ReferenceIndex.objects.values_list(
            "content_type_id",
            "base_content_type_id",
            "object_id",
            "to_content_type_id",
            "to_object_id",
            "model_path",
            "content_path",
        )
    )


def source(title: str) -> Source:
    return Source.objects.create(publisher="ANCT", title=title, url=f"https://anct.gouv.fr/{title}")


def uses(obj) -> int:
    """The count the admin's "Utilisation" screen shows for ``obj``."""
    return ReferenceIndex.get_grouped_references_to(obj).count()


def test_the_references_of_a_bulk_load_are_those_wagtail_rebuilds(programme_index):
    criteria, figure, replaced, deleted = (source(t) for t in ("arrete", "bilan", "ancien", "retire"))
    with references_indexed_once():
        page = ProgrammePageFactory(parent=programme_index, eligibility_source=replaced)
        page.eligibility_source = criteria  # a second revision changes the source
        page.facts = [
            ProgrammeFact(label="Communes", value="1 600", as_of=datetime.date(2024, 1, 1), source=figure)
        ]
        page.save_revision().publish()
        Source.objects.filter(pk=deleted.pk).delete()
    loaded = references()
    assert (uses(criteria), uses(figure), uses(replaced)) == (1, 1, 0)
    call_command("rebuild_references_index", verbosity=0)
    assert loaded == references()
