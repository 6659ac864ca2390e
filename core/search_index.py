"""The search index brought up to date once per object at the end of a bulk load,
instead of after every save.

Why: modelsearch updates an object's index entry after each of its saves (its
``post_save`` receiver enqueues ``insert_or_update_object_task``). A loader saves a
page three times or more (created, revised, published, its criteria published
again): the demo loader made 232 index updates for some 90 objects, a quarter of its
time. Within ``search_indexed_once()`` that receiver is set aside; the objects saved
are remembered and their task enqueued once each when the block ends without error,
on the object as the load left it: what the last update would have written. A
deletion still leaves the index at once (modelsearch's ``post_delete`` receiver
stays), and an object saved then deleted in the block is not indexed.

The receiver is set aside for the whole process, as Wagtail's own
``disable_reference_index_auto_update`` does for references: saves made meanwhile by
another thread are remembered too, and indexed at the end of the block.
"""

from contextlib import contextmanager

from django.db.models.signals import post_delete, post_save
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler
from modelsearch.tasks import insert_or_update_object_task


def _auto_updated_models() -> list[type]:
    """The models modelsearch updates after each save (``search_auto_update``)."""
    return [model for model in get_indexed_models() if getattr(model, "search_auto_update", True)]


@contextmanager
def search_indexed_once():
    models = _auto_updated_models()
    saved: dict[tuple[type, object], None] = {}

    def remember(sender, instance, raw=False, **kwargs):
        if not raw and sender in models:
            saved[(sender, instance.pk)] = None

    def forget(sender, instance, **kwargs):
        saved.pop((sender, instance.pk), None)

    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    post_save.connect(remember, weak=False)
    post_delete.connect(forget, weak=False)
    try:
        yield
    finally:
        post_save.disconnect(remember)
        post_delete.disconnect(forget)
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
    for model, pk in saved:
        insert_or_update_object_task.enqueue(model._meta.app_label, model._meta.model_name, str(pk))
