"""The search page's facets, defined once.

Each facet says, in one place, how the query string names it, how it is labelled,
which keyword column the engine indexes it under, how to read its value from a
page and which values a visitor may send. The engine mapping
(``search.backends``), both search strategies and the view read this table.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.utils.translation import gettext_lazy as _

DOCUMENT_TYPE = "document"
_MODEL_LABEL = re.compile(r"[a-z_]+\.[a-z_]+|document")
_PRIMARY_KEY = re.compile(r"[0-9]{1,9}")


def _page_type(page) -> str | None:
    return page._meta.label_lower


def _catalogue_attribute(attribute: str) -> Callable:
    """Read ``attribute`` from catalogue pages only (other pages have no such facet)."""

    def read(page):
        if not is_catalogue_page(page):
            return None
        value = getattr(page, attribute, None)
        return str(value) if value else None

    return read


def _valid_status(value: str) -> bool:
    return value in status_labels()


@dataclass(frozen=True)
class Facet:
    name: str  # query-string parameter
    label: str
    column: str  # keyword field in the engine's page documents
    read: Callable  # page -> value (str) or None
    accepts: Callable[[str], bool]  # is this query-string value well formed?


FACETS = (
    Facet("type", _("Type de contenu"), "facet_type", _page_type, _MODEL_LABEL.fullmatch),
    Facet("theme", _("Thématique"), "facet_theme", _catalogue_attribute("theme_id"), _PRIMARY_KEY.fullmatch),
    Facet(
        "policy",
        _("Politique publique"),
        "facet_policy",
        _catalogue_attribute("public_policy_id"),
        _PRIMARY_KEY.fullmatch,
    ),
    Facet("status", _("Statut"), "facet_status", _catalogue_attribute("status"), _valid_status),
)
FACET_NAMES = tuple(facet.name for facet in FACETS)


def clean_filters(raw: dict[str, list[str]]) -> dict[str, list[str]]:
    """Keep only well-formed facet values from the query string (at most 50 each)."""
    cleaned = {}
    for facet in FACETS:
        values = {value for value in raw.get(facet.name, [])[:50] if value and len(value) < 100}
        values = sorted(value for value in values if facet.accepts(value))
        if values:
            cleaned[facet.name] = values
    return cleaned


def is_catalogue_page(page) -> bool:
    from catalogue.models.catalogue_page import CataloguePage

    return isinstance(page, CataloguePage)


def catalogue_models() -> list:
    """Concrete page models derived from the catalogue's abstract page."""
    from catalogue.models.catalogue_page import CataloguePage

    return [m for m in apps.get_models() if issubclass(m, CataloguePage) and not m._meta.abstract]


def status_labels() -> dict[str, str]:
    from catalogue.models.catalogue_page import CatalogueStatus

    return {value: str(label) for value, label in CatalogueStatus.choices}


def taxonomy_labels() -> tuple[dict[str, str], dict[str, str]]:
    from catalogue.models import PublicPolicy, Theme

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
