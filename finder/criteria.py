"""Each structured criterion of a page weighed for one commune, with a French
sentence saying what the site knows. The sentence never repeats the outcome:
the badge beside it says "critère rempli", "critère non rempli" or "à vérifier"
once.

A criterion the site cannot settle from its data is "à vérifier", never met:
a territory type without an imported list, or a partial perimeter (a pacte that
covers only part of its départements) whose commune list is not imported yet.
"""

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from catalogue.models import BeneficiaryType

from .compiled import criteria_of
from .verdicts import CriterionResult, Outcome


def _n(value: int) -> str:
    return number_format(value, force_grouping=True)


def _names(objects, limit: int = 6) -> str:
    names = [o.name for o in objects]
    return ", ".join(names[:limit]) + (" …" if len(names) > limit else "")


def population(page, commune) -> CriterionResult | None:
    low, high = page.population_min, page.population_max
    if low is None and high is None:
        return None
    if commune.population is None:
        return CriterionResult(
            "population",
            Outcome.TO_CHECK,
            _("Population : la population de la commune n'est pas connue dans les données de référence."),
        )
    count = commune.population
    inhabitants = ngettext(
        "Population : %(population)s habitant", "Population : %(population)s habitants", count
    ) % {"population": _n(count)}
    values = {"start": inhabitants, "low": _n(low or 0), "high": _n(high or 0)}
    if low is not None and count < low:
        return CriterionResult(
            "population", Outcome.NOT_MET, _("%(start)s, sous le seuil de %(low)s.") % values
        )
    if high is not None and count > high:
        return CriterionResult(
            "population", Outcome.NOT_MET, _("%(start)s, au-dessus du plafond de %(high)s.") % values
        )
    if low is not None and high is not None:
        text = _("%(start)s, entre %(low)s et %(high)s.")
    elif high is not None:
        text = _("%(start)s, %(high)s au plus.")
    else:
        text = _("%(start)s, au moins %(low)s.")
    return CriterionResult("population", Outcome.MET, text % values)


def coverage(page, facts) -> CriterionResult | None:
    """The geographic criterion, asked the same way of every page; a partial
    perimeter is settled by its commune list, else bounded by its EPCI."""
    commune = facts.commune
    compiled = criteria_of(page)
    places, epcis = compiled.places, compiled.perimeter_epcis
    if not places and not epcis:
        return None
    label = page.coverage_label() or _names(places or epcis)
    if page.is_partial:
        return _partial(page, facts, label, epcis)
    if page.coverage_key == "covered_territory":
        return _covered_territory(label, compiled.covers(commune))
    return _targeted_territory(commune, label, compiled.covers(commune))


def _partial(page, facts, label: str, epcis: list) -> CriterionResult:
    key = page.coverage_key
    commune = facts.commune
    if page.pk in facts.perimeter_lists:
        source = facts.perimeter_lists[page.pk]
        if page.pk in facts.perimeter_page_ids:
            text = _("Territoire : la commune figure dans la liste des communes du périmètre (%(label)s).")
            return CriterionResult(key, Outcome.MET, text % {"label": label}, source)
        text = _("Territoire : la commune ne figure pas dans la liste des communes du périmètre (%(label)s).")
        return CriterionResult(key, Outcome.NOT_MET, text % {"label": label}, source)
    compiled = criteria_of(page)
    if compiled.places and not compiled.covers(commune):
        return (
            _covered_territory(label, False)
            if key == "covered_territory"
            else _targeted_territory(commune, label, False)
        )
    if epcis and commune.epci_id not in {epci.pk for epci in epcis}:
        text = _("Territoire : la commune n'est dans aucune des intercommunalités du périmètre (%(epcis)s).")
        return CriterionResult(key, Outcome.NOT_MET, text % {"epcis": _names(epcis, limit=10)})
    text = _(
        "Territoire : le périmètre (%(label)s) ne couvre qu'une partie de ce territoire et la liste de ses "
        "communes n'est pas encore sur le site ; l'appartenance de la commune est à vérifier auprès de la "
        "préfecture."
    )
    return CriterionResult(key, Outcome.TO_CHECK, text % {"label": label})


def _targeted_territory(commune, targeted: str, met: bool) -> CriterionResult:
    where = _("la commune est %(dep)s (région %(region)s)") % {
        "dep": _("dans le département %(name)s") % {"name": commune.departement.name_with_de},
        "region": commune.region.name,
    }
    values = {"where": where, "targeted": targeted}
    if met:
        text = _("Territoire : %(where)s, parmi les territoires visés (%(targeted)s).")
        return CriterionResult("territory", Outcome.MET, text % values)
    text = _("Territoire : %(where)s, hors des territoires visés (%(targeted)s).")
    return CriterionResult("territory", Outcome.NOT_MET, text % values)


def _covered_territory(label: str, met: bool) -> CriterionResult:
    if met:
        text = _("Territoire couvert : la commune fait partie du territoire du pacte (%(label)s).")
        return CriterionResult("covered_territory", Outcome.MET, text % {"label": label})
    text = _("Territoire couvert : la commune n'est pas dans le territoire du pacte (%(label)s).")
    return CriterionResult("covered_territory", Outcome.NOT_MET, text % {"label": label})


def beneficiaries(page, commune) -> CriterionResult | None:
    types = criteria_of(page).beneficiary_types
    if not types:
        return None
    # Which types designate the commune or its EPCI is data (BeneficiaryType.collectivite_level).
    levels = {t.collectivite_level for t in types}
    if BeneficiaryType.CollectiviteLevel.COMMUNE in levels:
        return CriterionResult(
            "beneficiaries", Outcome.MET, _("Bénéficiaires : les communes peuvent en bénéficier.")
        )
    if BeneficiaryType.CollectiviteLevel.EPCI in levels and commune.epci_id:
        text = _(
            "Bénéficiaires : les intercommunalités peuvent en bénéficier, dont celle de la commune (%(epci)s)."
        )
        return CriterionResult("beneficiaries", Outcome.MET, text % {"epci": commune.epci.name})
    text = _(
        "Bénéficiaires : s'adresse à %(types)s, pas directement à la commune ; à vérifier selon le porteur."
    )
    return CriterionResult("beneficiaries", Outcome.TO_CHECK, text % {"types": _names(types).lower()})
