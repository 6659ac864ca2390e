"""An intercommunality or a département, as the site answers for it: its
communes, every programme and pacte weighed over them (``batch``), the lists
that name it, its contacts. One function per kind of place builds what both
the page and the API show, so they cannot disagree.

Intercommunalities are the EPCI à fiscalité propre and the établissements
publics territoriaux of the Métropole du Grand Paris (both named by official
lists through their SIREN). A département code can also be a collectivité
d'outre-mer (975, 977, 978, 984, 986–989): the reference data files it with
the départements, but it is not one, and TAAF and Clipperton have no
inhabitants (domain notes); the page says so.
"""

import re
from dataclasses import dataclass, field
from functools import cached_property

from django.utils.translation import gettext_lazy as _

from territories.delegates import (
    Delegate,
    delegate_for,
    france_services_of_departement,
    france_services_of_groupement,
)
from territories.models import EPCI, EPT, Commune, Departement
from territories.text import fold_letters

from .batch import CommunesAnswer, answer_communes

GROUPEMENT_KINDS = {
    "CC": _("Communauté de communes"),
    "CA": _("Communauté d’agglomération"),
    "CU": _("Communauté urbaine"),
    "METRO": _("Métropole"),
    "MET69": _("Métropole de Lyon (collectivité à statut particulier)"),
    "EPT": _("Établissement public territorial de la Métropole du Grand Paris"),
}
SIREN_RE = re.compile(r"^\d{9}$")
DEPARTEMENT_RE = re.compile(r"^(?:\d{2,3}|2[AB])$")
COMMUNE_RELATIONS = ("departement", "region", "epci", "ept", "arrondissement")


@dataclass
class AlreadyIn:
    """A selection programme whose official list names the place or some of
    its communes: the entries naming the place itself (a Territoire d'industrie
    named by the intercommunality's SIREN), then the communes named."""

    page: object
    entries: list = field(default_factory=list)  # DatasetMembership rows, one per entry
    communes: list = field(default_factory=list)
    datasets: list = field(default_factory=list)


@dataclass
class ListCount:
    """What one official list says of the place: how many of its communes it
    names, and the entries naming the place itself."""

    dataset: object
    communes: int
    entries: list = field(default_factory=list)


@dataclass
class Place:
    kind: str  # "intercommunalite" or "departement"
    code: str
    name: str
    kind_label: str
    population: int | None
    communes: list
    departements: list
    answer: CommunesAnswer
    is_com: bool = False
    uninhabited: bool = False

    @cached_property
    def already_in(self) -> list[AlreadyIn]:
        return already_in(self)

    @cached_property
    def lists(self) -> list[ListCount]:
        return list_counts(self)

    @cached_property
    def delegates(self) -> list[Delegate]:
        return [delegate_for(departement) for departement in self.departements]

    @cached_property
    def france_services(self):
        if self.kind == "departement":
            return france_services_of_departement(self.code)
        return france_services_of_groupement(self.code, self.departements)

    @property
    def pactes(self) -> list:
        return [t for t in self.answer.with_criteria if t.is_pacte and t.concerns]

    @property
    def programmes(self) -> list:
        """Programmes that state criteria and may concern the place, those that
        fit the most communes first."""
        return [t for t in self.answer.with_criteria if not t.is_pacte and t.concerns]

    @property
    def fitting(self) -> list:
        return [t for t in self.answer.with_criteria if t.fits]

    @property
    def only_to_check(self) -> list:
        return [t for t in self.answer.with_criteria if not t.fits and t.to_check]

    @property
    def not_concerned(self) -> list:
        return [t for t in self.answer.with_criteria if not t.concerns]

    @cached_property
    def sections(self) -> list[dict]:
        """The page's sections that have content, for the in-page navigation."""
        groupement = self.kind == "intercommunalite"
        candidates = [
            ("deja", _("Déjà dans ces programmes"), self.already_in),
            ("contacts", _("Vos contacts"), True),
            ("pactes", _("Les pactes"), self.pactes),
            ("programmes", _("Les programmes"), self.programmes),
            ("sans-critere", _("Sans critère publié"), self.answer.without_criteria),
            ("aucune", _("Ce qui ne correspond à aucune commune"), self.not_concerned),
            ("communes", _("Les communes membres"), groupement),
            ("intercommunalites", _("Les intercommunalités"), not groupement),
            ("listes", _("Ce que disent les listes officielles"), self.lists),
            ("carte", _("Situer le territoire"), True),
        ]
        return [{"link": f"#{anchor}", "label": label} for anchor, label, shown in candidates if shown]

    @property
    def member_counts(self) -> list[tuple]:
        """Each commune with its number of programmes and pactes that fit it."""
        return [(c, self.answer.eligible_counts.get(c.pk, 0)) for c in self.communes]

    def communes_in(self, departement) -> int:
        return sum(commune.departement_id == departement.pk for commune in self.communes)


def _communes(queryset) -> list[Commune]:
    return list(queryset.select_related(*COMMUNE_RELATIONS).order_by("name", "code"))


def groupement_place(siren: str) -> Place | None:
    """The EPCI or EPT of ``siren`` with its member communes, or None."""
    groupement = EPCI.objects.filter(pk=siren).first()
    kind = getattr(groupement, "kind", "")
    where = Commune.objects.filter(epci_id=siren)
    if groupement is None:
        groupement, kind = EPT.objects.filter(pk=siren).first(), "EPT"
        where = Commune.objects.filter(ept_id=siren)
    if groupement is None:
        return None
    communes = _communes(where)
    departements = sorted({c.departement for c in communes}, key=lambda d: d.code)
    return Place(
        kind="intercommunalite",
        code=groupement.pk,
        name=groupement.name,
        kind_label=str(GROUPEMENT_KINDS.get(kind, kind)),
        population=groupement.population,
        communes=communes,
        departements=departements,
        answer=answer_communes(communes, where),
    )


def departement_place(code: str) -> Place | None:
    """The département (or collectivité d'outre-mer) of ``code`` with its communes."""
    departement = Departement.objects.select_related("region").filter(pk=code).first()
    if departement is None:
        return None
    where = Commune.objects.filter(departement_id=code)
    communes = _communes(where)
    is_com = departement.zone == "com"
    populated = [c.population for c in communes if c.population is not None]
    return Place(
        kind="departement",
        code=departement.pk,
        name=departement.name,
        kind_label=str(_("Collectivité d’outre-mer") if is_com else _("Département")),
        population=sum(populated) if populated else None,
        communes=communes,
        departements=[departement],
        answer=answer_communes(communes, where),
        is_com=is_com,
        uninhabited=is_com and not populated,
    )


def already_in(place: Place) -> list[AlreadyIn]:
    """Selection programmes whose list names the place or some of its communes."""
    found = []
    for tally in place.answer.with_criteria:
        if not tally.already:
            continue
        item = AlreadyIn(page=tally.page)
        entries, communes = {}, {}
        for row in tally.already:
            if row.via_code == place.code:
                entries.setdefault((row.dataset_id, row.territory_code), row)
            else:
                communes.setdefault(row.commune_id, row.commune)
        item.entries = list(entries.values())
        item.communes = sorted(communes.values(), key=lambda c: fold_letters(c.name))
        item.datasets = list({row.dataset.pk: row.dataset for row in tally.already}.values())
        found.append(item)
    return found


def list_counts(place: Place) -> list[ListCount]:
    """Every official list naming communes of the place: how many, and the
    entries naming the place itself, by list title."""
    communes, entries, datasets = {}, {}, {}
    for facts in place.answer.facts.values():
        for key, rows in facts.memberships.items():
            datasets[key] = rows[0].dataset
            communes.setdefault(key, set()).add(facts.commune.pk)
            for row in rows:
                if row.via_code == place.code:
                    entries.setdefault(key, {}).setdefault(row.territory_code, row)
    counts = [
        ListCount(dataset, len(communes[key]), list(entries.get(key, {}).values()))
        for key, dataset in datasets.items()
    ]
    return sorted(counts, key=lambda item: (not item.entries, fold_letters(item.dataset.title)))
