"""A mail server that accepts connections and never answers: the public form
still answers at once (mail is queued, never sent inside a request), and the
worker's attempt gives up after ``EMAIL_TIMEOUT`` and is retried later."""

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.test import override_settings

from engineering.models import EngineeringRequest, Notification
from engineering.protocol.outbox import send_due

from .test_public_form import URL, form_data

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def silent_mail_server():
    """A local socket that accepts every connection and never sends a byte."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held = []

    def accept():
        while True:
            try:
                held.append(server.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    yield server.getsockname()[1]
    server.close()
    for connection in held:
        connection.close()


DEV_TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "mail": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
PRODUCTION_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def smtp_to(port, tasks=DEV_TASKS):
    """SMTP to the silent server, with the tasks configuration of ``make run``
    (other tasks run at once, as Wagtail's do in development) or of production."""
    return override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_TIMEOUT=1,
        TASKS=tasks,
    )


@pytest.mark.parametrize("tasks", [DEV_TASKS, PRODUCTION_TASKS], ids=["dev", "production"])
def test_the_form_answers_in_under_2_seconds_with_a_silent_mail_server(
    client, territories, silent_mail_server, django_capture_on_commit_callbacks, tasks
):
    with smtp_to(silent_mail_server, tasks), django_capture_on_commit_callbacks(execute=True):
        started = time.monotonic()
        response = client.post(URL, form_data())
        elapsed = time.monotonic() - started
    assert response.status_code == 302 and elapsed < 2, elapsed
    receipt = Notification.objects.get(request=EngineeringRequest.objects.get(), kind="requester_receipt")
    assert receipt.status == Notification.Status.PENDING and receipt.attempts == 0


def test_the_worker_gives_up_on_a_silent_server_after_the_timeout_and_retries_later(
    client, territories, silent_mail_server, django_capture_on_commit_callbacks
):
    with smtp_to(silent_mail_server), django_capture_on_commit_callbacks(execute=True):
        client.post(URL, form_data())
    with smtp_to(silent_mail_server):
        started = time.monotonic()
        counts = send_due()
        elapsed = time.monotonic() - started
    assert counts["failed"] >= 1 and elapsed < 2 * counts["failed"] + 1, (counts, elapsed)
    receipt = Notification.objects.get(kind="requester_receipt")
    assert receipt.status == Notification.Status.PENDING and receipt.attempts == 1
    assert "timed out" in receipt.last_error


@pytest.mark.parametrize("module", ["config.settings.dev", "config.settings.production"])
def test_every_deployed_setting_times_out_mail_and_queues_it(module):
    script = (
        "import django; django.setup()\n"
        "from django.conf import settings\n"
        "from django_tasks import task_backends\n"
        "from engineering.protocol.outbox import mail_backend_alias\n"
        "print(settings.EMAIL_TIMEOUT, type(task_backends[mail_backend_alias()]).__name__)\n"
    )
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": module,
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "example.org",
        "SITE_BASE_URL": "https://example.org",
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    timeout, backend = result.stdout.split()
    assert 0 < int(timeout) <= 30 and backend == "DatabaseBackend"
