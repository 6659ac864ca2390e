"""The spelling vocabulary ("Vouliez-vous dire…", the autocomplete's respelling) is
kept in the process between requests: a title published or a synonym line edited
shows in the next request all the same."""

import pytest

from home.models import StandardPage
from search.suggest import vocabulary

pytestmark = pytest.mark.django_db


def publish(parent, title, slug):
    page = StandardPage(title=title, slug=slug)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_new_title_and_an_edited_synonym_line_are_known_at_once(home_page):
    assert "revitalisation" not in vocabulary([]).words
    publish(home_page, "Revitalisation des bourgs", "revitalisation")
    assert vocabulary([]).words["revitalisation"] == "revitalisation"
    assert vocabulary(["forêt, bois"]).words["foret"] == "forêt"
    assert "foret" not in vocabulary([]).words
    page = publish(home_page, "Forêts communales", "forets")
    assert vocabulary([]).words["forets"] == "forêts"
    page.unpublish()
    assert "forets" not in vocabulary([]).words
