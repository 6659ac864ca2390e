"""France services as people read them, from the official list shipped with the
site: opening hours the list does not know said in words (not "00:00 - 00:00"),
one address per ``mailto:`` when a field holds several, and names sorted as a
French reader sorts them (accents ignored)."""

import pytest

from territories.delegates import france_services_near
from territories.models import Commune, FranceServicesStructure
from territories.models.public_services import email_addresses, readable_hours
from territories.text import collation_key

pytestmark = pytest.mark.django_db


@pytest.fixture
def structures(official_lists):
    return FranceServicesStructure.objects.all()


def test_no_structure_shows_the_sources_placeholder_hours(structures):
    placeholders = [s for s in structures if any("00:00 - 00:00" in hours for _day, hours in s.opening_hours)]
    assert len(placeholders) == 30  # as the list of 1 August 2024 gives them
    for structure in placeholders:
        shown = structure.hours_by_day
        assert [day for day, _hours in shown] == [day for day, _hours in structure.opening_hours]
        assert all("00:00" not in hours for _day, hours in shown)


def test_a_day_without_a_known_slot_is_said_in_words():
    assert readable_hours("00:00 - 00:00 / 14:00 - 17:30") == "14:00 - 17:30"
    assert readable_hours("00:00 - 00:00") == ""
    assert readable_hours("09:00 - 12:00 / 14:00 - 17:00") == "09:00 - 12:00 / 14:00 - 17:00"
    structure = FranceServicesStructure(
        opening_hours=[["lundi", "00:00 - 00:00"], ["mardi", "09:00 - 12:00"]]
    )
    assert structure.hours_by_day == [("lundi", "horaires non communiqués"), ("mardi", "09:00 - 12:00")]


def test_following_days_with_the_same_hours_are_said_once():
    week = [["lundi", "09:00 - 12:00"], ["mardi", "09:00 - 12:00"], ["mercredi", "09:00 - 12:00"]]
    week += [["jeudi", "14:00 - 17:00"], ["vendredi", "14:00 - 17:00"], ["samedi", "00:00 - 00:00"]]
    assert FranceServicesStructure(opening_hours=week).hours_by_days == [
        ("du lundi au mercredi", "09:00 - 12:00"),
        ("jeudi et vendredi", "14:00 - 17:00"),
        ("samedi", "horaires non communiqués"),
    ]
    apart = FranceServicesStructure(opening_hours=[["lundi", "09:00 - 12:00"], ["mercredi", "09:00 - 12:00"]])
    assert apart.hours_by_days == [("lundi", "09:00 - 12:00"), ("mercredi", "09:00 - 12:00")]


def test_a_field_holding_several_addresses_gives_one_address_each(structures):
    several = {s.email: s.email_addresses for s in structures if len(s.email_addresses) > 1}
    assert several == {
        "france-service@carct.fr - maisondelagglo@carct.fr": [
            "france-service@carct.fr",
            "maisondelagglo@carct.fr",
        ],
        "mairie@dourgne.fr - aini.abdou@dourgne.fr - christel.dauzat@dourgne.fr": [
            "mairie@dourgne.fr",
            "aini.abdou@dourgne.fr",
            "christel.dauzat@dourgne.fr",
        ],
    }
    assert all(len(s.email_addresses) == 1 for s in structures if s.email and s.email not in several)
    assert email_addresses("accueil@mairie-saint-jean.fr; pas une adresse") == [
        "accueil@mairie-saint-jean.fr"
    ]


def test_names_sort_with_accents_ignored(structures):
    assert sorted(["Ezy", "Évreux", "Eure", "Île-Tudy", "Ivry"], key=collation_key) == [
        "Eure",
        "Évreux",
        "Ezy",
        "Île-Tudy",
        "Ivry",
    ]
    nearby = france_services_near(Commune.objects.get(pk="08105")).structures
    assert len(nearby) > 1
    assert [s.name for s in nearby] == sorted((s.name for s in nearby), key=collation_key)
