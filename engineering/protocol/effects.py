"""What the protocol's actions do besides changing the state: the records they
write (``apply``) and the conditions that forbid them for now (``guard``).
Each function is named in one action's declaration (``actions.py``)."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import (
    ActivatedInstrument,
    CommitteeDecision,
    InformationRequest,
    LocalAnswer,
    LocalCommitteeReport,
    NationalEscalation,
    RequestState,
    RoutingRule,
    SupportConvention,
)
from .errors import IllegalTransition, TransitionForbidden
from .roles import Requester
from .uploads import create_attachment

S = RequestState


def confirm(engineering_request, data, actor):
    engineering_request.confirmed_at = timezone.now()
    engineering_request.expires_at = None


def ask_for_information(engineering_request, data, actor):
    """Open the question the requester will answer through the emailed link."""
    question = InformationRequest(
        request=engineering_request, question=data["comment"], asked_at=timezone.now()
    )
    question.set_expiry(settings.ENGINEERING_INFO_REPLY_DAYS)
    question.save()
    return {"information_request": question.pk}


def reply_refusal(engineering_request, question, now=None) -> str | None:
    """Why the reply link of ``question`` no longer works, in French, or None."""
    if question.answered_at is not None:
        return _(
            "Vous avez déjà envoyé vos compléments le %(date)s : ce lien ne peut servir qu'une fois. "
            "Le délégué territorial a repris l'examen de votre demande."
        ) % {"date": timezone.localtime(question.answered_at).strftime("%d/%m/%Y")}
    latest = (
        engineering_request.information_requests.order_by("-asked_at", "-pk")
        .values_list("pk", flat=True)
        .first()
    )
    if engineering_request.state != S.MORE_INFO_NEEDED or latest != question.pk:
        return _(
            "La demande %(reference)s n'attend plus de compléments de votre part : ce lien ne peut plus "
            "servir. Vous pouvez suivre son avancement sur la page de suivi des demandes."
        ) % {"reference": engineering_request.reference}
    if question.is_expired(now):
        return _(
            "Ce lien a expiré le %(date)s. Pour transmettre vos compléments, contactez la délégation "
            "territoriale de l'agence (préfecture de votre département) en rappelant la référence "
            "de suivi %(reference)s."
        ) % {
            "date": timezone.localtime(question.expires_at).strftime("%d/%m/%Y"),
            "reference": engineering_request.reference,
        }
    return None


def record_reply(engineering_request, data, actor):
    """Store the requester's answer and files on the question they answer; the
    question row is locked so that a link is used once, even by two clicks."""
    if not isinstance(actor, Requester) or actor.information_request is None:
        raise TransitionForbidden(_("Seul le lien envoyé au demandeur permet de répondre."))
    question = InformationRequest.objects.select_for_update().get(
        pk=actor.information_request.pk, request=engineering_request
    )
    if message := reply_refusal(engineering_request, question):
        raise IllegalTransition(message)
    question.answer = data["answer"]
    question.answered_at = timezone.now()
    question.save(update_fields=["answer", "answered_at"])
    names = []
    for uploaded in data.get("attachments") or ():
        names.append(
            create_attachment(engineering_request, uploaded, information_request=question).original_name
        )
    return {"information_request": question.pk, "attachments": names}


def reroute(engineering_request, data, actor):
    departement = data["departement"]
    engineering_request.departement = departement
    engineering_request.assigned_team = RoutingRule.team_for(departement)
    return {"departement": departement.code, "team": engineering_request.assigned_team.name}


def designate(engineering_request, data, actor):
    LocalAnswer.objects.update_or_create(
        request=engineering_request,
        defaults={
            "contact_kind": data["contact_kind"],
            "contact_name": data["contact_name"],
            "contact_details": data["contact_details"],
        },
    )
    return {"contact_kind": data["contact_kind"], "contact_name": data["contact_name"]}


def escalate(engineering_request, data, actor):
    """Store the ground of roadmap II c; the log keeps it too (the request's
    history), so a later escalation does not erase why the first one was made."""
    reasons = {name: data[name] for name in ("fragility", "lack_of_local_resources", "innovative_or_complex")}
    NationalEscalation.objects.update_or_create(
        request=engineering_request, defaults={**reasons, "justification": data["justification"]}
    )
    return {"ground": data["ground"], **reasons}


def report_to_local_committee(engineering_request, data, actor):
    report = LocalCommitteeReport.objects.create(
        request=engineering_request, met_on=data["met_on"], minutes=data["minutes"]
    )
    return {"local_committee_report": report.pk, "met_on": data["met_on"].isoformat()}


def not_refused_by_committee(engineering_request):
    if CommitteeDecision.objects.filter(
        request=engineering_request, outcome=CommitteeDecision.Outcome.REFUSED
    ).exists():
        return _("Le comité de suivi a refusé l'appui national pour cette demande.")
    return None


def decide(engineering_request, data, actor):
    CommitteeDecision.objects.update_or_create(
        request=engineering_request,
        defaults={"outcome": data["outcome"], "decided_on": data["decided_on"], "minutes": data["minutes"]},
    )
    return {"outcome": data["outcome"], "decided_on": data["decided_on"].isoformat()}


def decision_target(data):
    return S.CONVENTION if data["outcome"] == CommitteeDecision.Outcome.VALIDATED else S.UNDER_TRIAGE


def record_convention(engineering_request, data, actor):
    defaults = {"signed_on": data["signed_on"], "reference": data["reference"]}
    if data.get("file"):
        defaults["file"] = data["file"]
    SupportConvention.objects.update_or_create(request=engineering_request, defaults=defaults)
    return {"reference": data["reference"], "signed_on": data["signed_on"].isoformat()}


def needs_convention(engineering_request):
    if not SupportConvention.objects.filter(request=engineering_request).exists():
        return _("Enregistrez d'abord la convention d'appui opérationnel.")
    return None


def activate_instruments(engineering_request, data, actor):
    kinds = ActivatedInstrument.Kind
    rows = []
    if data.get("internal_experts"):
        rows.append(
            ActivatedInstrument(
                request=engineering_request, kind=kinds.INTERNAL_EXPERTS, details=data["internal_experts"]
            )
        )
    if data.get("state_experts"):
        rows.append(
            ActivatedInstrument(
                request=engineering_request, kind=kinds.STATE_EXPERTS, details=data["state_experts"]
            )
        )
    if data.get("credit_line_amount") is not None:
        rows.append(
            ActivatedInstrument(
                request=engineering_request, kind=kinds.CREDIT_LINE, amount=data["credit_line_amount"]
            )
        )
    for operator in data.get("operators") or ():
        rows.append(
            ActivatedInstrument(
                request=engineering_request, kind=kinds.FRAMEWORK_CONVENTION, operator=operator
            )
        )
    ActivatedInstrument.objects.bulk_create(rows)
    return {
        "instruments": [row.kind for row in rows],
        "credit_line_amount": str(data["credit_line_amount"])
        if data.get("credit_line_amount") is not None
        else None,
        "operators": [operator.pk for operator in data.get("operators") or ()],
    }
