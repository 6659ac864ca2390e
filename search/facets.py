"""The search page's facets, defined once, and their counts.

Each facet says how the query string names it, how it is labelled, which column
of the catalogue pages holds it and which values a visitor may send. Values are
read from the database for the matches whichever backend found, and counted under
the *other* facets' filters (a ticked option leaves the others visible).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from catalogue.models import PublicPolicy, Theme
from catalogue.models.catalogue_page import CataloguePage, CatalogueStatus

DOCUMENT_TYPE = "document"
_MODEL_LABEL = re.compile(r"[a-z_]+\.[a-z_]+|document")
_PRIMARY_KEY = re.compile(r"[0-9]{1,9}")


def _valid_status(value: str) -> bool:
    return value in status_labels()


@dataclass(frozen=True)
class Facet:
    name: str  # query-string parameter
    label: str
    column: str | None  # field of the catalogue pages (the type is the page's model)
    accepts: Callable[[str], bool]  # is this query-string value well formed?


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class FacetCounts:
    name: str
    label: str
    options: list[FacetOption]


FACETS = (
    Facet("type", _("Type de contenu"), None, _MODEL_LABEL.fullmatch),
    Facet("theme", _("Thématique"), "theme_id", _PRIMARY_KEY.fullmatch),
    Facet("policy", _("Politique publique"), "public_policy_id", _PRIMARY_KEY.fullmatch),
    Facet("status", _("Statut"), "status", _valid_status),
)
FACET_NAMES = tuple(facet.name for facet in FACETS)
_COLUMNS = [facet for facet in FACETS if facet.column]


def clean_filters(raw: dict[str, list[str]]) -> dict[str, list[str]]:
    """Keep only well-formed facet values from the query string (at most 50 each)."""
    cleaned = {}
    for facet in FACETS:
        values = {value for value in raw.get(facet.name, [])[:50] if value and len(value) < 100}
        values = sorted(value for value in values if facet.accepts(value))
        if values:
            cleaned[facet.name] = values
    return cleaned


def facet_rows(keys, content_types: dict[int, int]) -> dict[tuple[str, int], dict]:
    """Facet values of every match, keyed like the matches: ("page" | "document", pk).

    Catalogue values are read for every live page of each catalogue type (a plain
    scan is cheaper than a thousand-value ``IN``), then kept for the matches only."""
    labels = {}
    for content_type_id in set(content_types.values()):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        labels[content_type_id] = model._meta.label_lower if model else "wagtailcore.page"
    rows = {key: {"type": DOCUMENT_TYPE} for key in keys if key[0] == "document"}
    rows.update({("page", pk): {"type": labels[ct]} for pk, ct in content_types.items()})
    for model in catalogue_models():
        for pk, *values in model.objects.filter(live=True).values_list("pk", *(f.column for f in _COLUMNS)):
            row = rows.get(("page", pk))
            if row is not None:
                row.update(
                    {f.name: str(value) if value else None for f, value in zip(_COLUMNS, values, strict=True)}
                )
    return rows


def facet_counts(rows: dict, filters: dict[str, list[str]], themes, policies) -> list[FacetCounts]:
    """Per facet, the matches by value under the *other* facets' filters, with
    their labels; a selected value stays listed even at zero."""
    counts = {facet.name: dict.fromkeys(filters.get(facet.name, []), 0) for facet in FACETS}
    for row in rows.values():
        failed = [name for name in filters if row.get(name) not in filters[name]]
        for name in FACET_NAMES if len(failed) < 2 else ():
            value = row.get(name)
            if value and failed in ([], [name]):
                counts[name][value] = counts[name].get(value, 0) + 1
    labels = {"theme": themes, "policy": policies, "status": status_labels()}
    facets = []
    for facet in FACETS:
        options = [
            FacetOption(
                value,
                labels[facet.name].get(value, value) if facet.column else type_label(value),
                count,
                value in filters.get(facet.name, []),
            )
            for value, count in counts[facet.name].items()
        ]
        if options:
            facets.append(
                FacetCounts(facet.name, str(facet.label), sorted(options, key=lambda o: (-o.count, o.label)))
            )
    return facets


def is_catalogue_page(page) -> bool:
    return isinstance(page, CataloguePage)


def catalogue_models() -> list:
    """Concrete page models derived from the catalogue's abstract page."""
    return [m for m in apps.get_models() if issubclass(m, CataloguePage) and not m._meta.abstract]


def status_labels() -> dict[str, str]:
    return {value: str(label) for value, label in CatalogueStatus.choices}


def taxonomy_labels() -> tuple[dict[str, str], dict[str, str]]:
    themes = {str(pk): name for pk, name in Theme.objects.values_list("pk", "name")}
    policies = {str(pk): name for pk, name in PublicPolicy.objects.values_list("pk", "name")}
    return themes, policies


def type_label(type_value: str) -> str:
    if type_value == DOCUMENT_TYPE:
        return str(_("Document"))
    try:
        model = apps.get_model(type_value)
    except (LookupError, ValueError):
        return type_value
    return str(model._meta.verbose_name).capitalize()
