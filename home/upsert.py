"""Idempotent create-or-update services shared by the site setup (``setup_site``)
and the demo loader (``load_demo_content``), and the report both print.

Every object is found by a stable key (slug, name) and only created or updated
when it differs, so running a command twice reports everything unchanged.
"""

from dataclasses import dataclass, field

from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail.models import Page

from home.models import HomeEntryPoint, HomePage


@dataclass
class LoadReport:
    """Counts shown on the command's summary line."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[str] = field(default_factory=list)

    def add(self, other: "LoadReport") -> None:
        self.created += other.created
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.rejected += other.rejected

    def __str__(self) -> str:
        text = (
            f"{self.created} créé(s), {self.updated} mis à jour, "
            f"{self.unchanged} inchangé(s), {len(self.rejected)} rejeté(s)"
        )
        if self.rejected:
            text += " : " + "; ".join(self.rejected)
        return text


def upsert_page(
    parent: Page, page_class, slug: str, report: LoadReport, *, fields: dict, relations: dict | None = None
):
    """Create ``page_class`` at ``slug`` under ``parent`` or bring it up to date:
    the one page service of every demo step.

    ``fields`` are the page's fields (plain, foreign key, rich text or StreamField
    data, raw or as a StreamValue); ``relations`` its many-to-many fields (name →
    model instances), compared as sets. A new revision is published only when
    something differs or the page is not live, so a second run reports the page
    unchanged.
    """
    relations = relations or {}
    page = page_class.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = page_class(slug=slug, **fields)
        for name, objects in relations.items():
            setattr(page, name, list(objects))
        parent.add_child(instance=page)
        page.save_revision().publish()
        report.created += 1
        return page
    changed = False
    for name, value in fields.items():
        if not _same_field_value(page_class, name, getattr(page, name), value):
            setattr(page, name, value)
            changed = True
    for name, objects in relations.items():
        if {obj.pk for obj in getattr(page, name).all()} != {obj.pk for obj in objects}:
            setattr(page, name, list(objects))
            changed = True
    if changed or not page.live:
        page.save_revision().publish()
        report.updated += 1
    else:
        report.unchanged += 1
    return page


def _same_field_value(page_class, name: str, current, wanted) -> bool:
    """StreamField content is compared without block ids (stored blocks have
    them, demo data does not); every other field by equality."""
    model_field = page_class._meta.get_field(name)
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


def upsert(model, report: LoadReport, lookup: dict, **fields):
    """Find ``model`` by ``lookup``, create it or update the fields that differ:
    the service for snippets and taxonomy rows, as ``upsert_page`` is for pages."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model.objects.create(**lookup, **fields)
        report.created += 1
        return obj
    changed = [name for name, value in fields.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, fields[name])
        obj.save(update_fields=changed)
        report.updated += 1
    else:
        report.unchanged += 1
    return obj


def merge_entry_points(home: HomePage, entries: list[dict], report: LoadReport) -> None:
    """Add or update the home tiles of one app, found by title, leaving the other
    apps' tiles alone: each demo step contributes its own tiles, in the order of
    the steps. New tiles go after the existing ones."""
    existing = {e.title: e for e in home.entry_points.all()}
    next_position = max((e.sort_order or 0 for e in existing.values()), default=-1) + 1
    for entry in entries:
        wanted = {
            "description": entry.get("description", ""),
            "link_page_id": entry["link_page"].pk if entry.get("link_page") else None,
            "link_url": entry.get("link_url", ""),
        }
        tile = existing.get(entry["title"])
        if tile is None:
            HomeEntryPoint.objects.create(page=home, sort_order=next_position, title=entry["title"], **wanted)
            next_position += 1
            report.created += 1
        elif any(getattr(tile, name) != value for name, value in wanted.items()):
            for name, value in wanted.items():
                setattr(tile, name, value)
            tile.save()
            report.updated += 1
        else:
            report.unchanged += 1
