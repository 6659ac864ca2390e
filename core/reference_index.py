"""Wagtail's reference index brought up to date once per object at the end of a
bulk load, instead of after every save.

Why: Wagtail re-reads an object's references after each of its saves. A loader
saves a page several times (created, revised, published, its criteria revised
and published again) and each inline row of it too, and every one of those saves
re-indexed the whole page: about a third of the demo loader's time went there.
Within ``references_indexed_once()`` Wagtail's own updates are switched off (its
documented ``disable_reference_index_auto_update``); the objects saved are
remembered (an inline row by the page or snippet it belongs to) and indexed once
when the block ends without error, through the same ``ReferenceIndex`` calls
Wagtail makes. Deletions are removed from the index at once, as Wagtail does.
"""

from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from modelcluster.fields import ParentalKey
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update


def _owner(instance):
    """The object whose references ``instance`` belongs to: itself, or for an inline
    row the page or snippet it hangs from (``None`` when that is not set)."""
    while instance is not None:
        keys = [field for field in instance._meta.get_fields() if isinstance(field, ParentalKey)]
        if not keys:
            return instance
        instance = getattr(instance, keys[0].name)
    return None


@contextmanager
def references_indexed_once():
    saved: dict[tuple[type, object], None] = {}

    def remember(sender, instance, raw=False, **kwargs):
        owner = None if raw or sender not in ReferenceIndex.tracked_models else _owner(instance)
        if owner is not None and owner.pk is not None:
            saved[(type(owner), owner.pk)] = None

    def forget(sender, instance, **kwargs):
        if sender in ReferenceIndex.tracked_models:
            saved.pop((sender, instance.pk), None)
            ReferenceIndex.remove_for_object(instance)
            ReferenceIndex.remove_references_to(instance)

    post_save.connect(remember, weak=False)
    post_delete.connect(forget, weak=False)
    try:
        with disable_reference_index_auto_update():
            yield
        _index(saved)
    finally:
        post_save.disconnect(remember)
        post_delete.disconnect(forget)


@transaction.atomic
def _index(saved: dict) -> None:
    for model, pk in saved:
        if not ReferenceIndex.is_indexed(model):
            continue
        instance = model._default_manager.filter(pk=pk).first()  # its state once the load is done
        if instance is not None:
            ReferenceIndex.create_or_update_for_object(instance)
