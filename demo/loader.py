"""The one loader of the demo content: data files (``demo/data/*.yaml``) read in
order and brought into the database through ``core.upsert``, idempotent.

A data file is a list of blocks ``{model, rows}`` (plus ``parent`` for pages,
``key`` for other rows, ``children`` for the fields a page's inline rows are
matched on). A row holds field values as a person writes them:

- a foreign key or many-to-many value is a natural key (a slug, else a name) or
  a lookup (``{code: "08"}``); what the database lacks is reported and left out;
- a ``source`` names the entry of the fact sheet it comes from, by its ``field``
  in the row's ``sheet`` group (``{field, url}`` cites another document the
  sheet names in that entry); a dated row takes the entry's date unless it
  gives its own ``as_of``;
- ``{url:namespace:name}`` in a text is the address of that view;
- keys starting with ``_`` are notes for readers and tests, not loaded.
"""

import re
from pathlib import Path

from django.apps import apps
from django.db import models, transaction
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.models import Page

from catalogue.models import Source
from core.data_files import read_yaml
from core.reference_index import references_indexed_once
from core.search_index import search_indexed_once
from core.upsert import LoadReport, upsert, upsert_page
from home.setup import setup_site

from . import criteria_sources
from .sheet import dated, entry_citing, sheet_entry, source_for

DATA = Path(__file__).resolve().parent / "data"
DATA_FILES = ["partners.yaml", "programmes.yaml", "pactes.yaml", "training.yaml", "synonyms.yaml"]
URL_PLACEHOLDER = re.compile(r"\{url:([\w:-]+)\}")


def read(name: str) -> list[dict]:
    return read_yaml(DATA / name)


@transaction.atomic
def load_demo_content(report: LoadReport, *, progress=None):
    """The site setup first (the demo stands on the shell and the reference
    taxonomies; a no-op when ``setup_site`` already ran), then every data file,
    then the sources of the eligibility criteria. Wagtail's reference index and the
    search index are brought up to date once per object at the end, not after each
    save."""
    with references_indexed_once(), search_indexed_once():
        home = setup_site(report)
        load_files(DATA_FILES, report, progress=progress, criteria=criteria_sources.by_slug())
        criteria_sources.load(home, report)
    return home


def load_files(names: list[str], report: LoadReport, *, progress=None, criteria=None) -> None:
    """``criteria`` (slug → entry of ``criteria.yaml``): the criteria a page being
    created gets in its first revision (``criteria_sources.preset``)."""
    for name in names:
        if progress:
            progress(name)
        for block in read(name):
            load_block(block, report, criteria)


def load_block(block: dict, report: LoadReport, criteria=None) -> None:
    model = apps.get_model(block["model"])
    if issubclass(model, Page):
        parent = Page.objects.filter(slug=block["parent"]).order_by("depth").first().specific
        for row in block["rows"]:
            _load_page(
                model, parent, row, block.get("children", {}), report, (criteria or {}).get(row["slug"])
            )
    else:
        for row in block["rows"]:
            _load_row(model, row, block["key"], report)


def _load_page(model, parent, row: dict, match_on: dict, report: LoadReport, criteria=None):
    fields, relations, children = _resolve(model, row, report, row["title"], row.get("sheet"))
    fields.pop("slug")
    if criteria and not model.objects.child_of(parent).filter(slug=row["slug"]).exists():
        criteria_sources.preset(model, criteria, fields, relations)
    return upsert_page(
        parent,
        model,
        row["slug"],
        report,
        fields=fields,
        relations=relations,
        children={name: (rows, tuple(match_on[name])) for name, rows in children.items()},
    )


def _load_row(model, row: dict, key: list[str], report: LoadReport):
    fields, relations, _children = _resolve(model, row, report, str(row[key[0]]), row.get("sheet"))
    lookup = {name: fields.pop(name) for name in key}
    is_new = not model.objects.filter(**lookup).exists()
    if is_new and "sort_order" in {f.name for f in model._meta.fields} and "sort_order" not in fields:
        last = model.objects.aggregate(last=models.Max("sort_order"))["last"]
        fields["sort_order"] = 0 if last is None else last + 1  # after the rows already there
    obj = upsert(model, report, lookup, **fields)
    for name, objects in relations.items():
        getattr(obj, name).set(objects)
    return obj


def _resolve(model, row: dict, report: LoadReport, label: str, sheet: str | None):
    """Split ``row`` into plain and foreign-key field values, many-to-many
    relations and inline child rows, every value resolved."""
    fields, relations, children = {}, {}, {}
    for name, value in row.items():
        if name.startswith("_") or name == "sheet":
            continue
        field = model._meta.get_field(name)
        if field.many_to_many:
            found = [_lookup(field, item, report, label, sheet) for item in value]
            relations[name] = [obj for obj in found if obj is not None]
        elif field.one_to_many:
            children[name] = [_child_row(field.related_model, item, report, label, sheet) for item in value]
        elif field.many_to_one:
            fields[name] = _lookup(field, value, report, label, sheet)
        elif isinstance(field, StreamField):
            fields[name] = with_urls(value)
        else:
            fields[name] = field.to_python(with_urls(value))
    return fields, relations, children


def _child_row(model, row: dict, report: LoadReport, label: str, sheet: str | None) -> dict:
    fields, _relations, _children = _resolve(model, row, report, label, sheet)
    if "as_of" in {f.name for f in model._meta.fields}:
        ref = row.get("source")
        day = row.get("as_of") or (sheet_entry(sheet, ref if isinstance(ref, str) else ref["field"])["as_of"])
        fields["as_of"], fields["as_of_precision"] = dated(day)
    return fields


def _lookup(field, value, report: LoadReport, label: str, sheet: str | None):
    """The row a foreign key or many-to-many value names, or None (reported)."""
    target = field.related_model
    if value is None:
        return None
    if target is Source:
        if isinstance(value, dict):
            sheet_entry(sheet, value["field"])  # the entry that says it, checked
            return source_for(entry_citing(value["url"]))
        return source_for(sheet_entry(sheet, value))
    if isinstance(value, str):
        natural = "slug" if "slug" in {f.name for f in target._meta.fields} else "name"
        value = {natural: value}
    found = target._default_manager.filter(**value).first()
    if found is None:
        report.reject(
            f"{label} : {target._meta.verbose_name} {' '.join(map(str, value.values()))} introuvable "
            f"(données de référence absentes ? lancez manage.py setup_site et import_territories) ; "
            f"{label} est chargé sans"
        )
    return found


def with_urls(value):
    """``value`` with each ``{url:name}`` replaced by the view's address."""
    if isinstance(value, str):
        return URL_PLACEHOLDER.sub(lambda match: reverse(match.group(1)), value)
    if isinstance(value, list):
        return [with_urls(item) for item in value]
    if isinstance(value, dict):
        return {key: with_urls(item) for key, item in value.items()}
    return value
