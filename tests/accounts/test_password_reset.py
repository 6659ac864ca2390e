"""The admin's password reset: limited per client address and per e-mail (django-ratelimit),
its mail written to the outbox and sent by the task worker, never inside the request.
Issue 20: the reset was anonymous, unlimited, and a silent mail server held a worker 10 s
before the mail was lost."""

import pytest
from django.core import mail

from engineering.models import Notification

pytestmark = pytest.mark.django_db
RESET = "/admin/password_reset/"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editrice", "editrice@example.org", "bon-mot-de-passe")


def ask_reset(client, email="editrice@example.org", ip="10.9.0.1"):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=ip)


def test_the_reset_mail_goes_through_the_outbox_with_a_link_on_the_public_address(
    client, editor, settings, django_capture_on_commit_callbacks
):
    settings.SITE_BASE_URL = settings.WAGTAILADMIN_BASE_URL = "https://anct.example"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = ask_reset(client)
    assert response.status_code == 302
    notification = Notification.objects.get(kind="compte")
    assert notification.recipients == ["editrice@example.org"]
    assert "https://anct.example/admin/password_reset/confirm/" in notification.body
    assert notification.status == Notification.Status.SENT  # sent by the (immediate) task
    assert [m.to for m in mail.outbox] == [["editrice@example.org"]]


def test_a_silent_mail_server_never_holds_the_request(client, editor, settings):
    """The request only writes the outbox row: the mail server is not even called here
    (the on-commit dispatch is not run), and the row waits for the worker."""
    settings.EMAIL_BACKEND = "tests.accounts.test_password_reset.NeverAnswers"
    assert ask_reset(client).status_code == 302
    assert Notification.objects.get(kind="compte").status == Notification.Status.PENDING


class NeverAnswers:
    def __init__(self, *args, **kwargs):
        raise AssertionError("no mail server is called during the request")


def test_resets_are_limited_per_email_and_per_address(client, editor):
    for _ in range(5):
        assert ask_reset(client, ip="10.9.0.2").status_code == 302
    assert Notification.objects.filter(kind="compte").count() == 3  # per e-mail: 3 an hour
    for n in range(6):
        ask_reset(client, email=f"inconnu{n}@example.org", ip="10.9.0.3")
    editor.email = "autre@example.org"
    editor.save()
    assert ask_reset(client, email="autre@example.org", ip="10.9.0.3").status_code == 302
    assert Notification.objects.filter(kind="compte").count() == 3  # that address asked too often
    assert ask_reset(client, email="autre@example.org", ip="10.9.0.4").status_code == 302
    assert Notification.objects.filter(kind="compte").count() == 4
