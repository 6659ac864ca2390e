"""The index updates of a fixture's setup, run once per object when the fixture is built.

Why: Wagtail and modelsearch bring the reference index and the search index up to
date after every save of a page or snippet, as tasks (django-tasks, run at once in
the tests). A fixture that builds a catalogue saves each page several times
(created, revised, published, its inline rows) and each save re-indexed the page:
about a third of the time of a typical setup (the site shell and a small catalogue)
went there, for every test that asked for it.

While a fixture is being set up (``tests/conftest.py``), those two tasks are held,
each object once, and run when the fixture is built, on the objects as it left them:
what the last of their updates would have written anyway
(``tests/test_index_tasks.py`` compares both indexes with Wagtail's rebuilds). Every
other task (mail, alerts) still runs at once; so do index updates made by the tests
themselves, and by the live server's thread. So does the search index update when a
search engine is configured: a fixture building pages for OpenSearch refreshes the
engine's index before it ends, and must find them there.

The test settings name ``IndexOnceBackend``: django-tasks' documented extension point
(a task backend), the immediate backend with this one difference.
"""

import threading
from contextlib import contextmanager, nullcontext

from django.conf import settings
from django.test.utils import override_settings
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.base import TaskResult, TaskResultStatus
from django_tasks.utils import get_random_id

#: The tasks held during a fixture's setup: idempotent, they read the object again.
REFERENCE_TASK = "wagtail.tasks.update_reference_index_task"
SEARCH_TASK = "modelsearch.tasks.insert_or_update_object_task"
DATABASE_SEARCH = "search.database"

_held = threading.local()


class IndexOnceBackend(ImmediateBackend):
    def enqueue(self, task, args, kwargs):
        pending = getattr(_held, "tasks", None)
        if pending is None or not _may_hold(task.module_path):
            return super().enqueue(task, args, kwargs)
        self.validate_task(task)
        search = settings.WAGTAILSEARCH_BACKENDS
        key = (task.module_path, tuple(args), tuple(sorted(kwargs.items())), id(search))
        pending.setdefault(key, (self, task, args, kwargs, search))
        return TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=None,
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )


def search_index_in_database() -> bool:
    """Whether every configured search backend keeps its index in the database."""
    return all(backend["BACKEND"] == DATABASE_SEARCH for backend in settings.WAGTAILSEARCH_BACKENDS.values())


def _may_hold(task_path: str) -> bool:
    return task_path == REFERENCE_TASK or (task_path == SEARCH_TASK and search_index_in_database())


@contextmanager
def index_once():
    """Hold the index tasks enqueued by this thread in the block; run each once at its
    end (an inner block joins the outer one)."""
    if getattr(_held, "tasks", None) is not None:
        yield
        return
    _held.tasks = {}
    try:
        yield
    finally:
        pending, _held.tasks = _held.tasks, None
    _run(pending)


def run_held_tasks():
    """Bring the indexes up to date now, within a block (before copying the rows)."""
    pending = getattr(_held, "tasks", None)
    if pending:
        _held.tasks = {}
        _run(pending)


def _run(pending: dict):
    for backend, task, args, kwargs, search in pending.values():
        # Into the index the backends configured at the save named (a fixture may
        # switch to an engine that is down, after filling the database's index).
        same = search is settings.WAGTAILSEARCH_BACKENDS
        with nullcontext() if same else override_settings(WAGTAILSEARCH_BACKENDS=search):
            ImmediateBackend.enqueue(backend, task, args, kwargs)
