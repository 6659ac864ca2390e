"""Commune lookup on the real data: names, postal codes, INSEE codes."""

import pytest

from territories.lookup import lookup
from territories.text import fold

pytestmark = pytest.mark.django_db


def names(result, n=None):
    return [(m.commune.name, m.commune.departement_id) for m in result.matches[:n]]


def test_fold_ignores_case_accents_hyphens_and_saint_abbreviations():
    assert fold("Saint-Étienne") == fold("st etienne") == fold("ST-ETIENNE") == "saint etienne"
    assert fold("Sainte-Maxime") == fold("Ste Maxime")
    assert fold("L'Haÿ-les-Roses") == "l hay les roses"
    assert fold("Œuilly") == "oeuilly"


@pytest.mark.parametrize("query", ["st etienne", "Saint-Étienne", "SAINT ETIENNE", "st-étienne"])
def test_saint_etienne_first_whatever_the_spelling(query):
    assert names(lookup(query), 1) == [("Saint-Étienne", "42")]


def test_a_prefix_finds_charleville_mezieres():
    assert ("Charleville-Mézières", "08") in names(lookup("charleville"))


def test_exact_name_comes_before_prefix_matches_then_population():
    result = lookup("charleville")
    # "Charleville" (Marne) is an exact match: first, although smaller.
    assert names(result, 2) == [("Charleville", "51"), ("Charleville-Mézières", "08")]
    assert result.matches[0].exact and not result.matches[1].exact


def test_a_postal_code_shared_by_several_communes_lists_each():
    result = lookup("08000")
    assert result.kind == "postal_code"
    assert {n for n, _ in names(result)} == {
        "Charleville-Mézières",
        "Villers-Semeuse",
        "La Francheville",
        "Prix-lès-Mézières",
        "Warcq",
        "Les Ayvelles",
    }
    assert names(result, 1) == [("Charleville-Mézières", "08")]  # most populated first


@pytest.mark.parametrize(
    "code, expected",
    [
        ("2A004", ("Ajaccio", "2A")),
        ("2a004", ("Ajaccio", "2A")),
        ("2B033", ("Bastia", "2B")),
        ("08105", ("Charleville-Mézières", "08")),
    ],
)
def test_insee_codes_including_corsica(code, expected):
    result = lookup(code)
    assert result.kind == "code"
    assert names(result, 1) == [expected]


def test_overseas_communes_by_code_name_and_postal_code():
    assert names(lookup("97411"), 1) == [("Saint-Denis", "974")]
    assert ("Cayenne", "973") in names(lookup("cayenne"))
    assert ("Pointe-à-Pitre", "971") in names(lookup("97110"))


def test_a_merged_commune_is_found_by_its_former_name():
    result = lookup("Terron-sur-Aisne")
    match = result.matches[0]
    assert (match.commune.name, match.former_name) == ("Vouziers", "Terron-sur-Aisne")
    assert match.how == "former_name"
    # A delegated commune named like its commune nouvelle is not shown as a former name.
    assert lookup("vouziers").matches[0].former_name == ""


def test_homonyms_are_each_listed_with_their_departement():
    saint_denis = [d for n, d in names(lookup("Saint-Denis")) if n == "Saint-Denis"]
    assert set(saint_denis) == {"974", "93", "11", "30"}
    assert names(lookup("Saint-Denis (93)")) == [("Saint-Denis", "93")]


def test_unknown_names_get_close_suggestions():
    result = lookup("charlevile mezieres")
    assert result.matches == []
    assert result.suggestions[0].name == "Charleville-Mézières"
    assert "Montpellier" in [c.name for c in lookup("montpelier").suggestions]
    assert lookup("xqzwv").suggestions == []


def test_the_number_of_queries_is_bounded(django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        lookup("saint")
    with django_assert_max_num_queries(3):
        lookup("08000")


def test_names_sort_as_a_french_reader_expects():
    """Accents, ligatures and case set aside, not byte order ("É" after "Z")."""
    from territories.text import collation_key

    names = ["Zuydcoote", "Écouen", "Eaubonne", "Œuilly", "ézy-sur-Eure", "Oberhausbergen", "Ezanville"]
    assert sorted(names, key=collation_key) == [
        "Eaubonne",
        "Écouen",
        "Ezanville",
        "ézy-sur-Eure",
        "Oberhausbergen",
        "Œuilly",
        "Zuydcoote",
    ]
    assert sorted(names)[-1] != "Zuydcoote"  # what plain sorting does
