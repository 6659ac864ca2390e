"""The territory-type criterion: is the commune in the list, the zonage or the
territory a page names? Answered from the official datasets imported at
``make run`` (``territories.DatasetMembership``), from a rule on the reference
data (outre-mer, the whole national territory) or from a list an editor
imported; a type the site has no data for is "à vérifier", never "no".

Several types on one page are alternatives: the commune meets the criterion
if it meets one of them (Nouveaux lieux, nouveaux liens: a Fabrique de
territoire *or* a Manufacture de proximité). Each sentence says what the list
says about the commune, with the list's name and date; the source travels
with the result so the page and the API cite it.
"""

from dataclasses import dataclass, field

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from catalogue.models import TerritoryType

from .compiled import criteria_of, question_of  # noqa: F401 - question_of: the module's vocabulary
from .verdicts import CriterionResult, Outcome


@dataclass
class TypeAnswer:
    """One territory type weighed for the commune."""

    territory_type: TerritoryType
    outcome: Outcome
    text: str
    dataset: object = None  # territories.OfficialDataset behind the answer, if any
    memberships: list = field(default_factory=list)  # the rows that name the commune
    source: str = ""


def territory_types(page, facts) -> CriterionResult | None:
    types = criteria_of(page).territory_types
    if not types:
        return None
    answers = [answer_for(territory_type, facts) for territory_type in types]
    for outcome in (Outcome.MET, Outcome.TO_CHECK, Outcome.NOT_MET):
        chosen = [a for a in answers if a.outcome == outcome]
        if chosen:
            break
    datasets = [a.dataset for a in chosen if a.dataset is not None]
    return CriterionResult(
        "territory_types",
        outcome,
        " ".join(a.text for a in chosen),
        " ; ".join(dict.fromkeys(a.source for a in chosen if a.source)),
        datasets=datasets,
        memberships=[m for a in chosen for m in a.memberships if a.outcome == Outcome.MET],
        question=criteria_of(page).question,
    )


def answer_for(territory_type: TerritoryType, facts) -> TypeAnswer:
    commune = facts.commune
    if territory_type.rule == TerritoryType.Rule.OVERSEAS:
        return _overseas(territory_type, commune)
    if territory_type.rule == TerritoryType.Rule.NATIONAL:
        return _national(territory_type, commune)
    if territory_type.dataset_id:
        answer = _dataset_answer(territory_type, facts)
        if territory_type.fact_dataset_id:
            answer.text = " ".join(
                filter(None, [answer.text, fact_sentence(territory_type.fact_dataset_id, facts)])
            )
        return answer
    return _editor_list(territory_type, facts)


def fact_sentence(key: str, facts) -> str:
    """What another list says of the commune, cited as a fact with its date."""
    dataset = facts.datasets.get(key)
    rows = facts.memberships.get(key, [])
    if dataset is None or not rows:
        return ""
    values = ", ".join(row.territory_name or row.territory_code for row in rows)
    return _("%(list)s : %(values)s (%(citation)s).") % {
        "list": dataset.name,
        "values": values,
        "citation": dataset.citation,
    }


def _dataset_answer(territory_type, facts) -> TypeAnswer:
    dataset = facts.datasets.get(territory_type.dataset_id)
    if dataset is None:
        text = _(
            "La liste « %(name)s » n’est pas encore chargée sur le site : l’appartenance de la commune est à "
            "vérifier auprès de la préfecture."
        ) % {"name": territory_type.name}
        return TypeAnswer(territory_type, Outcome.TO_CHECK, text)
    return _from_dataset(territory_type, dataset, facts.memberships.get(dataset.key, []), facts.commune)


def _overseas(territory_type, commune) -> TypeAnswer:
    if commune.is_overseas:
        text = _("La commune est outre-mer (%(place)s).") % {"place": commune.departement.name}
        return TypeAnswer(territory_type, Outcome.MET, text)
    return TypeAnswer(territory_type, Outcome.NOT_MET, _("La commune n’est pas outre-mer."))


def _national(territory_type, commune) -> TypeAnswer:
    source = territory_type.source
    mention = _("Source : %(source)s") % {"source": source} if source else ""
    if commune.in_com:
        text = _(
            "La commune est dans une collectivité d’outre-mer (%(name)s), qui a ses propres compétences : "
            "à vérifier auprès du représentant de l’État."
        ) % {"name": commune.departement.name}
        return TypeAnswer(territory_type, Outcome.TO_CHECK, text, source=mention)
    if territory_type.question == TerritoryType.Question.OPEN:
        text = territory_type.description or territory_type.name
    else:
        text = _("Le territoire visé est tout le territoire national : la commune en fait partie.")
    return TypeAnswer(territory_type, Outcome.MET, text, source=mention)


def _from_dataset(territory_type, dataset, rows, commune) -> TypeAnswer:
    matching = [row for row in rows if territory_type.matches(row)]
    certain = [row for row in matching if row.certain]
    if certain:
        outcome = (
            Outcome.TO_CHECK
            if territory_type.inside_outcome == TerritoryType.InsideOutcome.TO_CHECK
            else Outcome.MET
        )
        text = _inside(territory_type, dataset, certain)
        if outcome == Outcome.TO_CHECK and territory_type.inside_note:
            text = f"{text} {_('À vérifier :')} {territory_type.inside_note}"
        return TypeAnswer(
            territory_type,
            outcome,
            text,
            dataset,
            certain if outcome == Outcome.MET else [],
            mention(dataset),
        )
    if matching:
        text = _uncertain(dataset, matching)
        return TypeAnswer(territory_type, Outcome.TO_CHECK, text, dataset, [], mention(dataset))
    if rows:
        return TypeAnswer(
            territory_type, Outcome.NOT_MET, _classified(dataset, rows), dataset, [], mention(dataset)
        )
    if dataset.scope == dataset.Scope.GRID:
        text = _(
            "La commune n’est pas classée dans la liste « %(list)s » (%(date)s), qui couvre la métropole et les "
            "départements d’outre-mer : à vérifier auprès de la préfecture."
        ) % {"list": dataset.name, "date": dataset.date_label}
        return TypeAnswer(territory_type, Outcome.TO_CHECK, text, dataset, [], mention(dataset))
    text = _absent(dataset)
    if territory_type.join_note:
        text = f"{text} {territory_type.join_note}"
    return TypeAnswer(territory_type, Outcome.NOT_MET, text, dataset, [], mention(dataset))


def mention(dataset) -> str:
    """The list's source mention, written once per dataset object."""
    text = dataset.__dict__.get("_mention_text")
    if text is None:
        text = dataset.__dict__["_mention_text"] = str(dataset.mention)
    return text


def _inside(territory_type, dataset, rows) -> str:
    """What the list says about the commune, entry by entry."""
    if dataset.kind == dataset.Kind.ZONAGE:
        return _zonage_sentence(dataset, rows)
    parts = [_entry_sentence(dataset, row) for row in rows[:4]]
    if len(rows) > 4:
        parts.append(
            ngettext("et %(count)s autre entrée.", "et %(count)s autres entrées.", len(rows) - 4)
            % {"count": len(rows) - 4}
        )
    head = _("La commune figure sur la liste « %(list)s » (%(date)s) :") % {
        "list": dataset.name,
        "date": dataset.date_label,
    }
    return " ".join([head, *parts])


def _entry_sentence(dataset, row) -> str:
    entry = row.territory_name
    label = dataset.entry_label
    named = f"{label} « {entry} »" if entry and label else (f"« {entry} »" if entry else "")
    if row.via_groupement:
        text = _("%(entry)s, par votre intercommunalité %(groupement)s.") % {
            "entry": named or dataset.name,
            "groupement": row.via_name or row.via_code,
        }
    else:
        text = f"{named}." if named else ""
    former = former_sentence(row)
    return " ".join(part for part in (text, former) if part)


def former_sentence(row) -> str:
    """ "La commune déléguée de X figure sur la liste." when the list names a
    former commune, or the old name of a renamed commune."""
    if row.source_code and row.source_code != row.commune_id:
        kind = {
            "commune-deleguee": _("la commune déléguée"),
            "commune-associee": _("la commune associée"),
            "arrondissement-municipal": _("l’arrondissement"),
        }.get(row.source_kind, _("l’ancienne commune"))
        name = row.source_name or row.source_code
        sentence = _("%(kind)s de %(name)s (%(code)s) figure sur la liste.") % {
            "kind": kind,
            "name": name,
            "code": row.source_code,
        }
        return capfirst(sentence)
    if row.source_name:
        return _("La liste la nomme « %(name)s ».") % {"name": row.source_name}
    return ""


def _zonage_sentence(dataset, rows) -> str:
    row = rows[0]
    if "nb_qpv" in row.attributes:
        # Three names at most: the sentence is repeated by every programme of the politique
        # de la ville (eleven in the demo); the commune page lists them all once, with the
        # official lists.
        names = row.attributes.get("noms_qpv") or []
        count = row.attributes.get("nb_qpv") or len(names)
        text = ngettext(
            "La commune compte %(count)s quartier prioritaire de la liste de 2024 : %(names)s.",
            "La commune compte %(count)s quartiers prioritaires de la liste de 2024 : %(names)s.",
            count,
        ) % {"count": count, "names": ", ".join(names[:3]) + (" …" if len(names) > 3 else "")}
        return text
    return _("D’après la liste « %(list)s » (%(date)s) : %(label)s « %(value)s ».") % {
        "value": row.territory_name or row.territory_code,
        "label": dataset.entry_label,
        "list": dataset.name,
        "date": dataset.date_label,
    }


def _classified(dataset, rows) -> str:
    """The commune is in the zonage, with a value that does not meet the criterion."""
    row = rows[0]
    return _(
        "La commune est classée « %(value)s » dans la %(list)s (%(date)s), ce que le critère ne retient pas."
    ) % {
        "value": row.territory_name or row.territory_code,
        "list": dataset.name,
        "date": dataset.date_label,
    }


def _uncertain(dataset, rows) -> str:
    row = rows[0]
    return _(
        "Votre intercommunalité %(groupement)s fait partie du lauréat « %(entry)s » de la liste « %(list)s » "
        "(%(date)s), mais le projet ne couvre pas forcément toute l’intercommunalité : à vérifier auprès de la "
        "préfecture."
    ) % {
        "groupement": row.via_name or row.via_code,
        "entry": row.territory_name,
        "list": dataset.name,
        "date": dataset.date_label,
    }


def _absent(dataset) -> str:
    """The same sentence for every commune the list does not name: written once
    per dataset object (one per evaluation batch)."""
    text = dataset.__dict__.get("_absent_text")
    if text is None:
        text = dataset.__dict__["_absent_text"] = _absent_sentence(dataset)
    return text


def _absent_sentence(dataset) -> str:
    values = {"count": dataset.communes_count_text, "list": dataset.name, "date": dataset.date_label}
    if dataset.kind == dataset.Kind.GROUPEMENTS:
        values["territories"] = dataset.territories_count_text
        return (
            _(
                "Ni la commune ni son intercommunalité ne figurent sur la liste « %(list)s » (%(date)s), qui nomme "
                "%(territories)s entrées couvrant %(count)s communes."
            )
            % values
        )
    return (
        _("La commune ne figure pas parmi les %(count)s communes de la liste « %(list)s » (%(date)s).")
        % values
    )


def _editor_list(territory_type, facts) -> TypeAnswer:
    """A list imported by an editor in the admin (no official dataset)."""
    source = facts.listed_territory_types.get(territory_type.pk)
    if territory_type.pk in facts.territory_type_ids:
        text = _("La commune relève de « %(type)s ».") % {"type": territory_type.name}
        return TypeAnswer(territory_type, Outcome.MET, text, source=source or "")
    if source is not None:
        text = _("La commune ne figure pas sur la liste « %(type)s ».") % {"type": territory_type.name}
        return TypeAnswer(territory_type, Outcome.NOT_MET, text, source=source)
    text = _(
        "Le site ne dispose pas encore de la liste des communes « %(type)s » ; l’appartenance de la commune "
        "est à vérifier auprès de la préfecture."
    ) % {"type": territory_type.name}
    return TypeAnswer(territory_type, Outcome.TO_CHECK, text)
