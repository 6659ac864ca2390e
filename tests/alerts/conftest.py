"""Fixtures of the alerts tests: the real territorial data and official lists,
a catalogue answering from them, the tasks configured as ``make run`` does
(mail and alerts queued in the database, sent by ``manage.py db_worker
--backend mail``), and the worker itself."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from territories.datasets import DATA_DIR, import_dataset, spec_for
from tests.factories import make_pacte, make_programme
from tests.finder.conftest import _official_lists_once, official_lists  # noqa: F401, F811

WORKER_TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "mail": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
CHARLEVILLE = "08105"  # in Action cœur de ville, not in Petites villes de demain
PVD = "petites-villes-de-demain"


@pytest.fixture
def catalogue(programme_index, pacte_index, official_lists):  # noqa: F811
    return {
        "pvd": make_programme(
            programme_index, "Petites villes de demain", territory_types=["petites-villes-de-demain"]
        ),
        "acv": make_programme(
            programme_index, "Action cœur de ville", territory_types=["action-coeur-de-ville"]
        ),
        "ardennes": make_pacte(pacte_index, "Pacte Ardennes", departements=["08"]),
        "creuse": make_pacte(pacte_index, "Plan particulier pour la Creuse", departements=["23"]),
    }


@pytest.fixture(autouse=True)
def generous_limits(settings):
    settings.ALERTS_RATE_LIMIT_PER_IP = 1000
    settings.ALERTS_RATE_LIMIT_PER_EMAIL = 1000


@pytest.fixture
def worker(settings, django_capture_on_commit_callbacks):
    """Run the real task worker (``db_worker --backend mail --batch``) until
    nothing is left to do; what it sends lands in ``mail.outbox``."""
    settings.TASKS = WORKER_TASKS

    def run():
        for _ in range(10):
            with django_capture_on_commit_callbacks(execute=True):
                call_command("db_worker", "--backend", "mail", "--batch", "--no-startup-delay", verbosity=0)
            if not DBTaskResult.objects.ready().exists():
                return
        raise AssertionError("the worker never emptied its queue")

    return run


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what a transaction does once it commits (queue a mail, start a run)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def pvd_with(*codes) -> bytes:
    """The shipped Petites villes de demain list, plus ``codes``."""
    content = (DATA_DIR / spec_for(PVD).file).read_text(encoding="utf-8")
    extra = "".join(f"{code},,,pvd-test-{code},2026-11-30,{code},,\n" for code in codes)
    return (content.rstrip("\n") + "\n" + extra).encode()


def import_pvd(*codes):
    return import_dataset(spec_for(PVD), pvd_with(*codes))


def link(body: str, path: str) -> str:
    """The path of the first link to ``path`` in a mail."""
    found = re.search(rf"http://testserver({re.escape(path)}[^\s]+)", body)
    assert found, body
    return found.group(1)


def sent(kind_subject: str = "") -> list:
    return [m for m in mail.outbox if kind_subject in m.subject]
