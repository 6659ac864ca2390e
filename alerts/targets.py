"""What a subscription follows: a commune, an intercommunality, a département
(or collectivité d'outre-mer), or a programme or pacte page. Written
``scope:code`` in links and forms ("commune:08105", "intercommunalite:200041630",
"departement:2A", "page:42"); anything else is unknown, never a query.
"""

import re
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from wagtail.models import Page

from catalogue.models import EligibilityCriteria
from territories.models import EPCI, EPT, Commune, Departement

from .models import Subscription

Scope = Subscription.Scope
PATTERNS = {
    Scope.COMMUNE: re.compile(r"(?:\d{2}|2[AB])\d{3}"),
    Scope.GROUPEMENT: re.compile(r"\d{9}"),
    Scope.DEPARTEMENT: re.compile(r"\d{2,3}|2[AB]"),
    Scope.PAGE: re.compile(r"[1-9]\d{0,9}"),
}


@dataclass
class Target:
    scope: str
    code: str
    label: str
    url: str
    page: Page | None = None

    @property
    def key(self) -> str:
        return f"{self.scope}:{self.code}"

    def communes(self):
        """The communes followed (a queryset), or None for a page."""
        if self.scope == Scope.COMMUNE:
            return Commune.objects.filter(pk=self.code)
        if self.scope == Scope.GROUPEMENT:
            return Commune.objects.filter(Q(epci_id=self.code) | Q(ept_id=self.code))
        if self.scope == Scope.DEPARTEMENT:
            return Commune.objects.filter(departement_id=self.code)
        return None


def parse(value: str) -> Target | None:
    """The target written ``scope:code``, if it exists and may be followed."""
    scope, _sep, code = (value or "").strip()[:40].partition(":")
    code = code.upper()
    pattern = PATTERNS.get(scope)
    if pattern is None or not pattern.fullmatch(code):
        return None
    return {
        Scope.COMMUNE: _commune,
        Scope.GROUPEMENT: _groupement,
        Scope.DEPARTEMENT: _departement,
        Scope.PAGE: _page,
    }[scope](code)


def of(subscription: Subscription) -> Target | None:
    return parse(f"{subscription.scope}:{subscription.code}")


def _commune(code):
    commune = Commune.objects.filter(pk=code).first()
    if commune is None:
        return None
    label = f"{commune.name} ({commune.departement_id})"
    return Target(Scope.COMMUNE, code, label, commune.get_absolute_url())


def _groupement(code):
    groupement = EPCI.objects.filter(pk=code).first() or EPT.objects.filter(pk=code).first()
    if groupement is None:
        return None
    return Target(Scope.GROUPEMENT, code, groupement.name, reverse("places:groupement", args=[code]))


def _departement(code):
    departement = Departement.objects.filter(pk=code).first()
    if departement is None:
        return None
    label = f"{departement.name} ({departement.code})"
    return Target(Scope.DEPARTEMENT, code, label, reverse("places:departement", args=[code]))


def _page(code):
    page = Page.objects.live().public().filter(pk=int(code)).specific().first()
    if page is None or not isinstance(page, EligibilityCriteria):
        return None
    return Target(Scope.PAGE, code, page.title, page.url or "", page)
