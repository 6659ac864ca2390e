"""A contact field of the official lists may hold several addresses: each gets its
own mailto: link, whatever separates them; a field with no valid address stays text."""

import pytest
from django.template import Context, Template

from territories.templatetags.territories_tags import email_addresses


@pytest.mark.parametrize(
    "field",
    [
        "a@mairie.fr; b@agglo.fr",
        "a@mairie.fr, b@agglo.fr",
        "a@mairie.fr / b@agglo.fr",
        "a@mairie.fr b@agglo.fr",
        "a@mairie.fr - b@agglo.fr",
        " a@mairie.fr\n;b@agglo.fr ",
    ],
)
def test_every_separator_of_the_lists_splits_the_addresses(field):
    assert email_addresses(field) == ["a@mairie.fr", "b@agglo.fr"]


def test_a_hyphen_inside_an_address_is_kept():
    assert email_addresses("france-service@carct.fr - maisondelagglo@carct.fr") == [
        "france-service@carct.fr",
        "maisondelagglo@carct.fr",
    ]


def test_each_address_is_a_link_and_a_field_without_address_stays_text():
    template = Template("{% load territories_tags %}{% email_links value %}")
    three = template.render(Context({"value": "mairie@dourgne.fr - a.b@dourgne.fr - c.d@dourgne.fr"}))
    assert three.count('href="mailto:') == 3
    assert 'href="mailto:a.b@dourgne.fr">a.b@dourgne.fr</a>' in three
    assert template.render(Context({"value": "accueil en mairie"})) == "accueil en mairie"
