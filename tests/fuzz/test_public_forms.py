"""Every public form with hostile input: never a 5xx, and nothing half-written
(a saved request always has its receipt and its files; no file without its row)."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Exists, OuterRef
from hypothesis import given
from hypothesis import strategies as st

from engineering.models import Attachment, EngineeringRequest, Notification
from engineering.protocol.workflow import apply_transition
from engineering.public.forms import EngineeringRequestForm
from tests.engineering.factories import new_request

from .conftest import assert_no_server_error
from .strategies import FUZZ, NASTY, values

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]
FORM = "/ingenierie/demande/"
PLAUSIBLE = {
    "collectivite": "08105",
    "requester_name": "Camille Martin",
    "requester_role": "maire",
    "requester_email": "maire@example.fr",
    "title": "Réhabilitation du pont",
    "stage": "etude",
    "description": "Pont communal fragilisé : une étude de structure est nécessaire avant travaux.",
    "consent": "on",
}
MAGIC = [
    b"",
    b"%PDF-1.7 ",
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"PK\x05\x06" + bytes(18),
    b"MZ",
]


def file_name(name: str) -> str:
    """The name as Django's multipart parser would hand it over (it drops the
    folder part; a bare "." or ".." never reaches a view)."""
    return name if os.path.basename(name) not in {"", ".", ".."} else "x"


uploads = st.lists(
    st.builds(
        lambda name, head, tail: SimpleUploadedFile(file_name(name), head + tail),
        st.one_of(st.sampled_from(NASTY), st.text(max_size=300)),
        st.sampled_from(MAGIC),
        st.binary(max_size=200),
    ),
    max_size=6,
)


def field_value(name):
    return st.one_of(st.just(PLAUSIBLE.get(name, "")), values, st.lists(values, max_size=3))


form_fields = st.fixed_dictionaries(
    {},
    optional={
        name: field_value(name) for name in EngineeringRequestForm.base_fields if name != "attachments"
    },
)


def stored_files() -> set[str]:
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}


def assert_nothing_half_written(files_before):
    """Every saved request has its receipt (asked in one query: the requests pile up
    over the examples, one query each grew with their square), and every new file
    its row."""
    receipt = Notification.objects.filter(request=OuterRef("pk"), kind="requester_receipt")
    without_receipt = EngineeringRequest.objects.filter(~Exists(receipt))
    assert list(without_receipt.values_list("reference", flat=True)) == []
    kept = set(Attachment.objects.values_list("file", flat=True))
    new_files = stored_files() - files_before
    assert new_files <= kept, new_files - kept
    assert all((Path(settings.PRIVATE_MEDIA_ROOT) / name).is_file() for name in kept)


@FUZZ
@given(data=form_fields, files=uploads)
def test_the_request_form(client, territories, django_capture_on_commit_callbacks, data, files):
    before = stored_files() - set(Attachment.objects.values_list("file", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(FORM, {**data, "attachments": files})
    assert_no_server_error(response, repr(data))
    assert_nothing_half_written(before)


@pytest.fixture
def question_link(territories, people):
    request = new_request(territories["08105"])
    apply_transition(request, "confirm_email", None)
    apply_transition(request, "request_more_info", people["ardennes"], {"comment": "Quel calendrier ?"})
    question = request.information_requests.get()
    return request, f"/ingenierie/demande/{request.reference}/complements/{question.reply_token()}/"


@FUZZ
@given(
    form=st.sampled_from(["status", "confirm", "reply"]),
    first=values,
    second=st.one_of(values, st.lists(values, max_size=2)),
    files=uploads,
    real_link=st.booleans(),
)
def test_the_status_confirmation_and_reply_forms(
    client, question_link, form, first, second, files, real_link
):
    """The other public forms: the status lookup, the email confirmation and the
    requester's reply (through its real link and a forged one)."""
    request, link = question_link
    if form == "status":
        response = client.post("/ingenierie/demande/suivi/", {"reference": first, "email": second})
        assert_no_server_error(response, f"suivi {first!r} {second!r}")
        return
    if form == "confirm":
        token = first.replace("/", "%2F") or "x"
        response = client.post(f"/ingenierie/demande/confirmer/{token}/", {"x": second})
        assert_no_server_error(response, f"confirmer {token!r}")
        return
    answer = second
    url = link if real_link else link.replace("/complements/", "/complements/x")
    before = stored_files() - set(Attachment.objects.values_list("file", flat=True))
    response = client.post(url, {"answer": answer, "attachments": files})
    assert_no_server_error(response, repr(answer))
    assert_nothing_half_written(before)
    request.refresh_from_db()
    logged = request.transitions.order_by("-at", "-pk").first()
    assert logged is None or logged.to_state == request.state
