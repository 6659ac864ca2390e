"""What changed for one subscription: the events since its last mail that
concern what it follows, as sentences with a link, decided from the finder's
answers at the time of writing (``Answers``, computed once per territory and
per run).

A page concerns a territory when it fits or is to check for at least one of
its communes (the commune page's and the territory page's own answers). A list
import concerns a territory when it changes what the list says of one of its
communes and a programme answers from that list ("Votre commune figure
désormais sur la liste … du …"); a page's followers hear of the lists it
answers from.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from engineering.protocol.outbox import absolute
from finder.batch import answer_communes
from finder.eligibility import candidate_pages, find_programmes
from territories.models import Commune

from . import targets
from .models import AlertEvent, Subscription

Scope = Subscription.Scope
Kind = AlertEvent.Kind
ORDER = {Kind.LIST: 0, Kind.PUBLISHED: 1, Kind.PROGRESS: 2, Kind.UPDATED: 3, Kind.NEWS: 4}


@dataclass
class Item:
    kind: str
    text: str
    url: str


class Answers:
    """The finder's answers for the territories of one run, each computed once."""

    def __init__(self):
        self._pages, self._communes = {}, {}

    def concerning_pages(self, target) -> set[int]:
        if target.key not in self._pages:
            if target.scope == Scope.COMMUNE:
                commune = Commune.objects.select_related("departement", "region", "epci").get(pk=target.code)
                result = find_programmes(commune)
                pages = {e.page.pk for e in result.eligible + result.to_check} | {
                    p.pk for p in result.already
                }
            else:
                where = target.communes()
                communes = where.select_related("departement", "region", "epci", "arrondissement")
                pages = {t.page.pk for t in answer_communes(communes, where).tallies if t.concerns}
            self._pages[target.key] = pages
        return self._pages[target.key]

    def communes(self, target) -> dict[str, str]:
        """Code -> name of the communes followed."""
        if target.key not in self._communes:
            self._communes[target.key] = dict(target.communes().values_list("pk", "name"))
        return self._communes[target.key]


def pages_answering_from(key: str) -> list:
    """Live pages whose criteria answer from the list (or cite it as a fact)."""
    return [
        page
        for page in candidate_pages()
        if any(key in (t.dataset_id, t.fact_dataset_id) for t in page.eligible_territory_types.all())
    ]


def list_date(dataset) -> str:
    """ "du 7 août 2024", "d’avril 2024", "de juillet 2024", as French says it."""
    label = dataset.date_label
    if label[:1].isdigit() or label.startswith("1er"):
        return _("du %(date)s") % {"date": label}
    if label[:1].lower() in "aeiouyéèêâ":
        return _("d’%(date)s") % {"date": label}
    return _("de %(date)s") % {"date": label}


def _names(names: list[str], limit: int = 8) -> str:
    return ", ".join(names[:limit]) + (" …" if len(names) > limit else "")


def list_items(subscription, target, event, answers) -> list[Item]:
    pages = pages_answering_from(event.dataset.key) if event.dataset else []
    if not pages:
        return []  # no verdict rests on this list
    values = {"list": event.dataset.name, "date": list_date(event.dataset)}
    uses = _("Programmes qui s’appuient sur cette liste : %(pages)s.") % {
        "pages": _names([p.title for p in pages])
    }
    if target.scope == Scope.PAGE:
        if target.page.pk not in {p.pk for p in pages}:
            return []
        counts = event.counts
        text = _(
            "La liste « %(list)s » %(date)s a été mise à jour (communes ajoutées : %(added)s ; retirées : "
            "%(removed)s ; dont la mention change : %(changed)s)."
        ) % {
            **values,
            "added": counts.get("added", 0),
            "removed": counts.get("removed", 0),
            "changed": counts.get("changed", 0),
        }
        return [Item(event.kind, text, absolute(target.url))]
    followed = answers.communes(target)
    items = []
    for codes, single, many in (
        (event.added, _("Votre commune figure désormais sur la liste « %(list)s » %(date)s."), "added"),
        (event.removed, _("Votre commune ne figure plus sur la liste « %(list)s » %(date)s."), "removed"),
        (event.changed, _("La liste « %(list)s » %(date)s dit autre chose de votre commune."), "changed"),
    ):
        names = [followed[code] for code in codes if code in followed]
        if not names:
            continue
        text = (
            single % values if target.scope == Scope.COMMUNE else plural_sentence(many, names, target, values)
        )
        items.append(Item(event.kind, f"{text} {uses}", absolute(target.url)))
    return items


def plural_sentence(change: str, names: list[str], target, values: dict) -> str:
    count = len(names)
    where = _("de votre intercommunalité") if target.scope == Scope.GROUPEMENT else _("de votre département")
    sentence = {
        "added": ngettext(
            "%(count)s commune %(where)s figure désormais sur la liste « %(list)s » %(date)s : %(names)s.",
            "%(count)s communes %(where)s figurent désormais sur la liste « %(list)s » %(date)s : %(names)s.",
            count,
        ),
        "removed": ngettext(
            "%(count)s commune %(where)s ne figure plus sur la liste « %(list)s » %(date)s : %(names)s.",
            "%(count)s communes %(where)s ne figurent plus sur la liste « %(list)s » %(date)s : %(names)s.",
            count,
        ),
        "changed": ngettext(
            "La liste « %(list)s » %(date)s dit autre chose de %(count)s commune %(where)s : %(names)s.",
            "La liste « %(list)s » %(date)s dit autre chose de %(count)s communes %(where)s : %(names)s.",
            count,
        ),
    }[change]
    return sentence % {**values, "count": count, "where": where, "names": _names(sorted(names))}


def page_item(target, event, answers) -> Item | None:
    page = event.page.specific if event.page else None
    if page is None or not page.live or not page.url:
        return None
    if target.scope == Scope.PAGE:
        if page.pk != target.page.pk:
            return None
    elif page.pk not in answers.concerning_pages(target):
        return None
    if event.kind == Kind.NEWS:
        news = event.news
        if news is None or not news.live or not news.url:
            return None
        text = _("Actualité de « %(page)s » : %(title)s.") % {"page": page.title, "title": news.title}
        return Item(event.kind, text, absolute(news.url))
    text = {
        Kind.PUBLISHED: _("Nouvelle page : « %(title)s »."),
        Kind.UPDATED: _("Page mise à jour : « %(title)s »."),
        Kind.PROGRESS: _("Nouveau bilan d’avancement de « %(title)s »."),
    }[event.kind] % {"title": page.title}
    if event.summary and event.kind == Kind.PROGRESS:
        text = f"{text} {event.summary}"
    return Item(event.kind, text, absolute(page.url))


def items_for(subscription, events, answers) -> list[Item]:
    """The digest's lines, lists first, one line per page and kind."""
    target = targets.of(subscription)
    if target is None:
        return []
    items, seen = [], set()
    for event in sorted(events, key=lambda e: e.pk):  # a publication comes before its updates
        if event.kind == Kind.LIST:
            items.extend(list_items(subscription, target, event, answers))
            continue
        key = (event.page_id, event.kind if event.kind != Kind.PUBLISHED else Kind.UPDATED, event.news_id)
        if key in seen:
            continue
        item = page_item(target, event, answers)
        if item is not None:
            seen.add(key)
            items.append(item)
    return sorted(items, key=lambda item: ORDER[item.kind])
