"""The "more information needed" loop answered on the web: the requester's
personal link, the form, and every way the link stops working."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from engineering.models import InformationRequest, RequestState, TransitionLog

from .test_staff_views import ADMIN, act, generous_rate_limit, submit_and_confirm  # noqa: F401

pytestmark = pytest.mark.django_db
LINK = re.compile(r"http://testserver(/ingenierie/demande/[^/]+/complements/[0-9a-f]+/)")


def ask(client, commit, people, request, question="Quel calendrier pour les travaux ?"):
    """The délégué asks for more information; returns the link of the email."""
    mail.outbox.clear()
    act(client, commit, people["ardennes"], request, "request_more_info", {"comment": question})
    assert request.state == RequestState.MORE_INFO_NEEDED
    (email,) = mail.outbox
    assert email.to == ["maire@example.fr"] and question in email.body
    return LINK.search(email.body).group(1)


@pytest.fixture
def waiting(client, people, commit):
    """A confirmed request waiting for information, and its reply link."""
    request = submit_and_confirm(client, commit)
    return request, ask(client, commit, people, request)


def test_the_requester_answers_on_the_page_of_the_emailed_link(client, people, commit, waiting):
    request, link = waiting
    assert re.fullmatch(rf"/ingenierie/demande/{request.reference}/complements/[0-9a-f]{{64}}/", link)
    requester = Client()
    page = requester.get(link)
    html = page.content.decode()
    assert page.status_code == 200
    assert "Quel calendrier pour les travaux ?" in html and request.reference in html
    assert (
        '<label for="id_answer" class="fr-label">' in html
        and '<label class="fr-label" for="id_attachments">' in html
    )

    # Bad input: French messages next to the fields and in a summary; the text is kept.
    disguised = SimpleUploadedFile("devis.pdf", b"MZ\x90\x00 a program", content_type="application/pdf")
    response = requester.post(
        link, {"answer": "Travaux prévus au printemps 2027.", "attachments": [disguised]}
    )
    html = response.content.decode()
    assert response.status_code == 200 and 'id="error-summary"' in html
    assert "Le formulaire contient 1 erreur" in html and 'href="#id_attachments"' in html
    assert "« devis.pdf » n&#x27;est pas un document accepté" in html
    assert "Travaux prévus au printemps 2027.</textarea>" in html
    response = requester.post(link, {"answer": ""})
    assert "Écrivez votre réponse aux questions du délégué territorial." in response.content.decode()
    request.refresh_from_db()
    assert request.state == RequestState.MORE_INFO_NEEDED

    mail.outbox.clear()
    plan = SimpleUploadedFile("planning.pdf", b"%PDF-1.7\n%...", content_type="application/pdf")
    with commit():
        response = requester.post(
            link, {"answer": "Travaux prévus au printemps 2027.", "attachments": [plan]}
        )
    assert response.status_code == 302 and response["Location"] == link
    assert "Vos compléments ont bien été transmis" in requester.get(link).content.decode()

    request.refresh_from_db()
    assert request.state == RequestState.UNDER_TRIAGE
    log = TransitionLog.objects.filter(request=request).latest("pk")
    assert (log.action, log.from_state, log.to_state) == (
        "reply_with_information",
        RequestState.MORE_INFO_NEEDED,
        RequestState.UNDER_TRIAGE,
    )
    assert log.actor is None and log.actor_kind == TransitionLog.ActorKind.REQUESTER
    assert log.comment == "Travaux prévus au printemps 2027."
    question = InformationRequest.objects.get(request=request)
    assert question.answer == "Travaux prévus au printemps 2027." and question.answered_at
    (attachment,) = question.attachments.all()
    assert attachment.request == request and attachment.content_type == "application/pdf"

    (email,) = mail.outbox
    assert email.to == ["delegue08@example.gouv.fr"]
    assert "Travaux prévus au printemps 2027." in email.body and "planning.pdf" in email.body

    client.force_login(people["ardennes"])
    staff_page = client.get(f"{ADMIN}{request.pk}/").content.decode()
    timeline = staff_page[staff_page.index('id="timeline"') :]
    assert "Compléments envoyés par le demandeur" in timeline
    assert 'engineering-actor--demandeur">Le demandeur<' in timeline
    assert "planning.pdf" in staff_page and "envoyée avec les compléments" in staff_page


def test_a_used_link_is_refused(client, commit, waiting):
    request, link = waiting
    with commit():
        Client().post(link, {"answer": "Travaux en 2027."})
    other = Client()  # e.g. the link forwarded, or opened again later
    for response in (other.get(link), other.post(link, {"answer": "Une seconde réponse."})):
        assert response.status_code == 410
        html = response.content.decode()
        assert "Vous avez déjà envoyé vos compléments le" in html
        assert "ce lien ne peut servir qu&#x27;une fois" in html and 'id="information-reply-form"' not in html
        assert 'href="/ingenierie/demande/suivi/"' in html
    assert TransitionLog.objects.filter(request=request, action="reply_with_information").count() == 1
    assert InformationRequest.objects.get(request=request).answer == "Travaux en 2027."


def test_a_wrong_token_or_reference_is_a_404(client, people, commit, waiting):
    request, link = waiting
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert Client().get(link.replace(token, "0" * len(token))).status_code == 404
    assert Client().get(link.replace(token, token[:-1])).status_code == 404
    assert Client().get(link.replace(request.reference, "ING-2020-08-99999")).status_code == 404
    # The token is valid only with its own request.
    other = submit_and_confirm(client, commit, title="Maison de santé pluriprofessionnelle")
    assert Client().get(link.replace(request.reference, other.reference)).status_code == 404
    # Nothing stored in the database is the link's token.
    row = InformationRequest.objects.values().get(request=request)
    assert token not in {str(value) for value in row.values()}


def test_a_request_no_longer_waiting_explains_why_in_french(client, people, commit, waiting):
    request, link = waiting
    # The requester answered by phone and the délégué recorded it.
    act(client, commit, people["ardennes"], request, "info_received", {"comment": "Réponse par téléphone."})
    for response in (Client().get(link), Client().post(link, {"answer": "Travaux en 2027."})):
        assert response.status_code == 410
        assert "n&#x27;attend plus de compléments de votre part" in response.content.decode()
    request.refresh_from_db()
    assert request.state == RequestState.UNDER_TRIAGE
    assert not TransitionLog.objects.filter(request=request, action="reply_with_information").exists()

    # A second question: only its own link works, the first one stays refused.
    second = ask(client, commit, people, request, question="Et le plan de financement ?")
    assert second != link
    assert Client().get(link).status_code == 410
    response = Client().get(second)
    assert response.status_code == 200 and "Et le plan de financement ?" in response.content.decode()


def test_an_expired_link_is_refused(client, commit, waiting):
    request, link = waiting
    InformationRequest.objects.filter(request=request).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    response = Client().post(link, {"answer": "Travaux en 2027."})
    assert response.status_code == 410 and "Ce lien a expiré le" in response.content.decode()
    request.refresh_from_db()
    assert request.state == RequestState.MORE_INFO_NEEDED


def test_staff_cannot_take_the_requesters_action(client, people, commit, waiting):
    request, _link = waiting
    client.force_login(people["admin"])
    assert "/action/reply_with_information/" not in client.get(f"{ADMIN}{request.pk}/").content.decode()
    act(client, commit, people["admin"], request, "reply_with_information", {"answer": "x"}, status=403)
    assert request.state == RequestState.MORE_INFO_NEEDED
