"""Creating a request from the public form."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from territories.models import EPCI, Commune, Departement, Region

from ..models import EngineeringRequest, RoutingRule
from ..protocol import emails
from ..protocol.uploads import create_attachment, files_written_with_rows
from .collectivites import departement_of
from .duplicates import find_duplicate


def kind_of(collectivite) -> str:
    """The kind of collectivité porteuse of a cleaned form's ``collectivite``:
    a reference-data record, or the free-text name of another groupement."""
    kinds = EngineeringRequest.CollectiviteKind
    if isinstance(collectivite, str):
        return kinds.OTHER
    return {
        Commune: kinds.COMMUNE,
        EPCI: kinds.EPCI,
        Departement: kinds.DEPARTEMENT,
        Region: kinds.REGION,
    }[type(collectivite)]


def submit_request(data: dict, files=(), sample: bool = False) -> EngineeringRequest:
    """Save the request, its attachments, its team and its duplicate flag in one
    transaction, and queue the receipt in it (sent once committed): whatever
    happens to the email afterwards, the request is saved."""
    collectivite = data["collectivite"]
    departement = data.get("departement") or departement_of(collectivite)
    team = RoutingRule.team_for(departement)
    now = timezone.now()
    engineering_request = EngineeringRequest(
        collectivite_kind=kind_of(collectivite),
        commune=collectivite if isinstance(collectivite, Commune) else None,
        epci=collectivite if isinstance(collectivite, EPCI) else None,
        region=collectivite if isinstance(collectivite, Region) else None,
        other_name=collectivite if isinstance(collectivite, str) else "",
        departement=departement,
        assigned_team=team,
        requester_name=data["requester_name"],
        requester_role=data["requester_role"],
        requester_email=data["requester_email"],
        requester_phone=data.get("requester_phone", ""),
        title=data["title"],
        description=data["description"],
        stage=data["stage"],
        consent_at=now,
        is_sample=sample,
        created_at=now,
        state_changed_at=now,
    )
    engineering_request.set_expiry(settings.ENGINEERING_CONFIRMATION_DAYS)
    # Reads before the transaction: its first statement is then the INSERT, so
    # that SQLite takes its write lock (waiting for it) instead of failing to
    # upgrade a read lock under concurrent submissions.
    engineering_request.duplicate_of = find_duplicate(engineering_request)
    with files_written_with_rows(), transaction.atomic():
        engineering_request.save()
        engineering_request.themes.set(data.get("themes") or [])
        engineering_request.engineering_kinds.set(data.get("engineering_kinds") or [])
        for uploaded in files:
            create_attachment(engineering_request, uploaded)
        emails.receipt(engineering_request)
    return engineering_request
