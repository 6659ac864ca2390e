"""Every official list shipped with the site answers for every commune it names,
read independently from the shipped file: yes for each listed commune (with its
groupement named where the list is at that level), no outside, "à vérifier"
where the data is silent, with the list's name and date.

The decision is the finder's own (``finder.territory_types.answer_for``) on the
memberships the importer wrote; the files are read here with the csv module,
not through the importer, so a bug in either shows.
"""

import csv
from collections import defaultdict
from dataclasses import dataclass, field

import pytest

from catalogue.models import TerritoryType
from catalogue.setup import territory_types as declared_types
from finder.territory_types import answer_for
from finder.verdicts import Outcome
from territories.datasets import DATA_DIR, load_manifest
from territories.models import Commune, DatasetMembership, FormerCommuneName, OfficialDataset
from tests.conftest import ensure_territorial_data
from tests.finder.conftest import ensure_reference_lists

pytestmark = pytest.mark.django_db

SPECS = {spec.key: spec for spec in load_manifest()}
SELECTION_TYPES = [t for t in declared_types() if t.get("question") == "selection" and t.get("dataset")]


@dataclass
class Facts:
    """The part of ``finder.eligibility.CommuneFacts`` the criterion reads."""

    commune: Commune
    datasets: dict
    memberships: dict = field(default_factory=dict)
    territory_type_ids: set = field(default_factory=set)
    listed_territory_types: dict = field(default_factory=dict)


@pytest.fixture(scope="module")
def reference_rows(territorial_data, _official_lists_once, django_db_blocker):
    """The 34,969 communes and the lists, read once for the module: reference data,
    which no test of it changes (and no flush of the suite empties)."""
    with django_db_blocker.unblock():
        ensure_territorial_data()
        ensure_reference_lists()
        communes = {c.pk: c for c in Commune.objects.select_related("departement")}
        datasets = {d.key: d for d in OfficialDataset.objects.exclude(kind="reseau")}
    return communes, datasets


@pytest.fixture
def world(official_lists, taxonomies, reference_rows):
    return reference_rows


def facts_by_commune(dataset, communes, datasets) -> dict[str, Facts]:
    """Every commune with its rows of ``dataset`` (one query)."""
    rows = defaultdict(list)
    for row in DatasetMembership.objects.filter(dataset=dataset):
        row.dataset = dataset
        rows[row.commune_id].append(row)
    return {
        code: Facts(commune, datasets, {dataset.key: rows[code]} if code in rows else {})
        for code, commune in communes.items()
    }


def listed_codes(spec, communes) -> set[str]:
    """The current communes the shipped file names (directly, or through a
    groupement expanded by the preparer's derived file); a former commune's code
    counts for its commune."""
    former = dict(FormerCommuneName.objects.values_list("code", "commune_id"))
    file = spec.members_file or spec.file
    column = (spec.members or spec.columns)["commune"]
    with open(DATA_DIR / file, encoding="utf-8") as handle:
        codes = {row[column] for row in csv.DictReader(handle) if row[column]}
    return {code if code in communes else former[code] for code in codes}


@pytest.mark.parametrize("declared", SELECTION_TYPES, ids=lambda t: t["slug"])
def test_every_listed_commune_answers_yes_and_every_other_no(world, declared):
    communes, datasets = world
    spec = SPECS[declared["dataset"]]
    territory_type = TerritoryType.objects.get(slug=declared["slug"])
    dataset = datasets[spec.key]
    facts = facts_by_commune(dataset, communes, datasets)
    named = listed_codes(spec, communes) if spec.kind != "groupements" or spec.members_file else None
    yes, no, to_check = set(), set(), set()
    for code, commune_facts in facts.items():
        answer = answer_for(territory_type, commune_facts)
        {Outcome.MET: yes, Outcome.NOT_MET: no, Outcome.TO_CHECK: to_check}[answer.outcome].add(code)
        if answer.outcome != Outcome.TO_CHECK:
            assert dataset.date_label in answer.text and dataset.name in answer.text, answer.text
    if named is not None:
        assert yes == named, (spec.key, sorted(named ^ yes)[:10])
    if spec.uncertain_via_groupement:
        # Communes named only through their intercommunalité: "à vérifier", never yes.
        assert to_check and not (to_check & no)
    else:
        assert not to_check
    assert len(no) == len(communes) - len(yes) - len(to_check)
    assert len(yes) == dataset.communes_count - len(to_check)


def test_a_groupement_list_names_the_intercommunalite(world):
    communes, datasets = world
    territory_type = TerritoryType.objects.get(slug="territoires-d-industrie")
    facts = facts_by_commune(datasets["territoires-d-industrie-2023"], communes, datasets)
    # Rumilly (74225) is in the Territoire d'industrie "Rumilly Usses et Rhône" through its CC.
    answer = answer_for(territory_type, facts["74225"])
    assert answer.outcome == Outcome.MET
    assert "Territoire d’industrie « Rumilly Usses et Rhône »" in answer.text
    assert "par votre intercommunalité CC Rumilly Terre de Savoie" in answer.text
    # A commune listed on its own (Creuse Industrie names La Courtine, 23067) is not "via".
    answer = answer_for(territory_type, facts["23067"])
    assert answer.outcome == Outcome.MET and "par votre intercommunalité" not in answer.text
    # Outside: the sentence says how many entries and communes the list has, and its date.
    answer = answer_for(territory_type, facts["08362"])
    assert answer.outcome == Outcome.NOT_MET
    assert "Ni la commune ni son intercommunalité" in answer.text and "4 juillet 2024" in answer.text


def test_vallauris_is_on_the_september_2024_acv_list(world):
    communes, datasets = world
    facts = facts_by_commune(datasets["action-coeur-de-ville"], communes, datasets)
    answer = answer_for(TerritoryType.objects.get(slug="action-coeur-de-ville"), facts["06155"])
    assert answer.outcome == Outcome.MET and "5 septembre 2024" in answer.text


def test_a_former_commune_on_a_list_is_explained(world):
    """A list made before a merger names the former commune: the current commune
    answers yes and says which former commune the list names."""
    communes, datasets = world
    renamed = DatasetMembership.objects.exclude(source_code="").select_related("dataset").first()
    assert renamed is not None
    facts = facts_by_commune(renamed.dataset, communes, datasets)
    territory_type = TerritoryType(name="liste", dataset_id=renamed.dataset.key, question="selection")
    answer = answer_for(territory_type, facts[renamed.commune_id])
    assert answer.outcome == Outcome.MET
    assert f"({renamed.source_code}) figure sur la liste" in answer.text
    assert renamed.source_name in answer.text or renamed.source_code in answer.text


def test_zonages_answer_with_what_they_say(world):
    communes, datasets = world
    qpv = TerritoryType.objects.get(slug="quartiers-prioritaires-2024")
    facts = facts_by_commune(datasets["qpv-2024"], communes, datasets)
    answer = answer_for(qpv, facts["08105"])
    assert (
        answer.outcome == Outcome.MET
        and "quartiers prioritaires" in answer.text
        and "Manchester" in answer.text
    )
    assert answer_for(qpv, facts["08490"]).outcome == Outcome.NOT_MET  # Vouziers: no QPV

    rural = TerritoryType.objects.get(slug="communes-rurales")
    facts = facts_by_commune(datasets["grille-densite"], communes, datasets)
    assert answer_for(rural, facts["08490"]).outcome == Outcome.MET  # Vouziers
    urban = answer_for(rural, facts["75056"])
    assert urban.outcome == Outcome.NOT_MET and "Grands centres urbains" in urban.text
    # A collectivité d'outre-mer is not classified by the grid: to check, never "no".
    saint_barthelemy = answer_for(rural, facts["97701"])
    assert saint_barthelemy.outcome == Outcome.TO_CHECK and "pas classée" in saint_barthelemy.text

    massifs = TerritoryType.objects.get(slug="massifs-montagne")
    facts = facts_by_commune(datasets["massifs-montagne"], communes, datasets)
    inside = answer_for(massifs, facts["74225"])
    assert inside.outcome == Outcome.TO_CHECK and "zone de montagne" in inside.text
    assert answer_for(massifs, facts["75056"]).outcome == Outcome.NOT_MET


def test_overseas_collectivites_are_answered_as_the_domain_notes_say(world):
    communes, datasets = world
    facts = Facts(communes["97701"], datasets)
    national = answer_for(TerritoryType.objects.get(slug="territoire-national"), facts)
    assert national.outcome == Outcome.TO_CHECK and "collectivité d’outre-mer" in national.text
    assert (
        answer_for(
            TerritoryType.objects.get(slug="territoire-national"), Facts(communes["97302"], datasets)
        ).outcome
        == Outcome.MET
    )
    # Saint-Martin has a Cité éducative: a COM on a list answers yes like any commune.
    facts = facts_by_commune(datasets["cites-educatives"], communes, datasets)
    assert (
        answer_for(TerritoryType.objects.get(slug="cites-educatives"), facts["97801"]).outcome == Outcome.MET
    )


def test_a_type_whose_list_is_not_loaded_is_to_check(world):
    communes, datasets = world
    territory_type = TerritoryType(name="Liste future", dataset_id="liste-future", question="selection")
    answer = answer_for(territory_type, Facts(communes["08105"], datasets))
    assert answer.outcome == Outcome.TO_CHECK and "pas encore chargée" in answer.text


def test_the_agenda_rural_answer_cites_the_frr_classification_as_a_fact(world):
    communes, datasets = world
    rows = {}
    for key in ("grille-densite", "france-ruralites-revitalisation"):
        rows[key] = list(DatasetMembership.objects.filter(dataset__key=key, commune_id="08490"))
        for row in rows[key]:
            row.dataset = datasets[key]
    answer = answer_for(
        TerritoryType.objects.get(slug="communes-rurales"), Facts(communes["08490"], datasets, rows)
    )
    frr = rows["france-ruralites-revitalisation"][0]
    assert answer.outcome == Outcome.MET
    assert f"France Ruralités Revitalisation : {frr.territory_name}" in answer.text
    assert "classement France Ruralités Revitalisation au 10 juillet 2025" in answer.text
