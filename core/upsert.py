"""The one sync-and-report helper of every idempotent import: the site setup,
the demo loader, the territorial import (and, to come, the official lists).

Why one helper: each import used to count and word its work its own way. Here a
``LoadReport`` counts what a run created, updated, left unchanged or deleted and
what it rejected (with where and why), and four services bring the database up
to what the data says, writing only what differs, so that a second run reports
everything unchanged:

- ``upsert`` — one row, found by a lookup (a taxonomy row, a snippet);
- ``sync_table`` — a whole table, in batches (reference data: thousands of rows);
- ``upsert_page`` — a page, through a published revision as an editor's save;
- ``sync_children`` — the inline rows of a page (facts, signatories…), in memory,
  published with the page.

An import with its own wording of the summary (the territorial import counts per
table) keeps its summary and counts each table with a ``LoadReport``; a line-based
import rejects with ``report.reject(reason, line=…, value=…)`` and stores
``report.rejected`` and ``report.counts()`` as JSON.
"""

from dataclasses import dataclass, field

from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail.models import Page

from core.bulk_insert import insert_rows


@dataclass
class LoadReport:
    """Counts shown on the summary line of a command, and the rejected records.

    ``rejected`` holds one dict per record left out: its ``reason`` and where it
    was found (``line``, ``value``, ``file``, ``code``… as the import knows it), so
    an import can store it (JSON) and show it line by line."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    rejected: list[dict] = field(default_factory=list)

    def reject(self, reason: str, **where) -> None:
        self.rejected.append({**where, "reason": reason})

    def reasons(self) -> list[str]:
        return [item["reason"] for item in self.rejected]

    def add(self, other: "LoadReport") -> None:
        self.created += other.created
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.deleted += other.deleted
        self.rejected += other.rejected

    def counts(self) -> dict:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "deleted": self.deleted,
            "rejected": len(self.rejected),
        }

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)

    def __str__(self) -> str:
        text = (
            f"{self.created} créé(s), {self.updated} mis à jour, "
            f"{self.unchanged} inchangé(s), {len(self.rejected)} rejeté(s)"
        )
        if self.deleted:
            text += f", {self.deleted} supprimé(s)"
        if self.rejected:
            text += " : " + "; ".join(self.reasons())
        return text


def upsert(model, report: LoadReport, lookup: dict, **fields):
    """Find ``model`` by ``lookup``, create it or update the fields that differ."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model.objects.create(**lookup, **fields)
        report.created += 1
        return obj
    changed = [name for name, value in fields.items() if not _same(obj, name, value)]
    if changed:
        for name in changed:
            setattr(obj, name, fields[name])
        obj.save(update_fields=changed)
        report.updated += 1
    else:
        report.unchanged += 1
    return obj


def sync_table(
    model, wanted: dict, report: LoadReport, *, key=lambda obj: obj.pk, queryset=None, batch_size=1000
):
    """Make ``model``'s table (or ``queryset``) hold ``wanted`` (key → dict of the
    field values a new row is built from, by attname), in batches: create the
    missing rows, update the ones that differ, count the others unchanged.
    Returns the primary keys of the rows ``wanted`` does not name, for the caller
    to delete (at once, or after the tables that point at them). New rows are
    written by ``core.bulk_insert`` (``COPY`` on PostgreSQL, one prepared ``INSERT`` on SQLite)."""
    existing = {key(obj): obj for obj in (queryset if queryset is not None else model.objects.all())}
    names = sorted({name for values in wanted.values() for name in values})
    to_create, to_update = [], []
    for wanted_key, values in wanted.items():
        obj = existing.pop(wanted_key, None)
        if obj is None:
            to_create.append(model(**values))
        elif any(getattr(obj, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(obj, name, value)
            to_update.append(obj)
        else:
            report.unchanged += 1
    insert_rows(model, to_create)
    if to_update:
        model.objects.bulk_update(
            to_update, [n.removesuffix("_id") for n in names if n != "pk"], batch_size=batch_size
        )
    report.created += len(to_create)
    report.updated += len(to_update)
    return [obj.pk for obj in existing.values()]


def upsert_page(
    parent: Page,
    page_class,
    slug: str,
    report: LoadReport,
    *,
    fields: dict,
    relations: dict | None = None,
    children: dict | None = None,
):
    """Create ``page_class`` at ``slug`` under ``parent`` or bring it up to date.

    ``fields`` are the page's fields (plain, foreign key, rich text or StreamField
    data); ``relations`` its many-to-many fields (name → instances), compared as
    sets; ``children`` its inline rows (relation → (rows, fields they are matched
    on), see ``sync_children``). One revision is published only when something
    differs or the page is not live, so a second run reports the page unchanged.
    An editor's draft is the starting point, so their unpublished work is kept.
    """
    relations, children = relations or {}, children or {}
    page = page_class.objects.child_of(parent).filter(slug=slug).first()
    created = page is None
    if created:
        page = page_class(slug=slug)
    elif page.has_unpublished_changes:
        page = page.get_latest_revision_as_object()
    changed = False
    for name, value in fields.items():
        if created or not _same(page, name, value):
            setattr(page, name, value)
            changed = True
    for name, objects in relations.items():
        if created or {obj.pk for obj in getattr(page, name).all()} != {obj.pk for obj in objects}:
            setattr(page, name, list(objects))
            changed = True
    for relation, (rows, match_on) in children.items():
        changed = sync_children(page, relation, rows, match_on) or changed
    if created:
        parent.add_child(instance=page)
        report.created += 1
    elif changed or not page.live:
        report.updated += 1
    else:
        report.unchanged += 1
        return page
    page.save_revision().publish()
    return page


def sync_children(page, relation: str, rows: list[dict], match_on: tuple[str, ...]) -> bool:
    """Bring the inline rows ``relation`` of ``page`` (in memory) up to ``rows``.

    A row is matched on the ``match_on`` fields; a matched row is updated, an
    unmatched one appended; rows the data does not know (an editor's) stay.
    Returns whether anything changed; the caller publishes one revision.
    """
    children = list(getattr(page, relation).all())
    model = getattr(page, relation).model
    changed = False
    for position, row in enumerate(rows):
        child = next((c for c in children if all(_same(c, f, row[f]) for f in match_on)), None)
        if child is None:
            child = model(**row)
            children.append(child)
            changed = True
        for name, value in row.items():
            if not _same(child, name, value):
                setattr(child, name, value)
                changed = True
        if hasattr(child, "sort_order") and child.sort_order is None:
            child.sort_order = position
    if changed:
        setattr(page, relation, children)
    return changed


def _same(obj, name: str, wanted) -> bool:
    """Whether ``obj.name`` already holds ``wanted``: a foreign key by its id,
    StreamField content without block ids (stored blocks have them, data files
    do not), every other field by equality."""
    model_field = obj._meta.get_field(name)
    if model_field.is_relation and model_field.many_to_one and name != model_field.attname:
        return getattr(obj, model_field.attname) == (wanted.pk if wanted is not None else None)
    current = getattr(obj, name)
    if isinstance(model_field, StreamField):
        block = model_field.stream_block
        return _stream_data(block, current) == _stream_data(block, wanted)
    return current == wanted


def _stream_data(block, value) -> list:
    if not isinstance(value, StreamValue):
        value = block.to_python(value)
    return _without_ids(block.get_prep_value(value))


def _without_ids(data):
    if isinstance(data, dict):
        return {k: _without_ids(v) for k, v in data.items() if k != "id"}
    if isinstance(data, list):
        return [_without_ids(item) for item in data]
    return data
