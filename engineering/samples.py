"""Sample requests for trying the staff screens (``make run SAMPLE_REQUESTS=1``),
never created by default. Each is flagged ``is_sample`` and its title starts
with "Exemple", so that every screen, email and export shows it for what it is.

Built by the public form's service and moved along by ``apply_transition``, as
real requests are, by a dedicated account that cannot log in. Idempotent: a
sample is found by its title.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model

from territories.models import EPCI, Commune, Departement, Region

from .models import EngineeringRequest
from .protocol.workflow import apply_transition
from .public.services import submit_request

SAMPLE_ACTOR = "exemple-demandes"
DESCRIPTION = (
    "Demande fictive créée pour essayer les écrans de l'appui en ingénierie : elle ne vient d'aucune "
    "collectivité et ne doit pas être traitée."
)
LOCAL = {
    "contact_kind": "ddt",
    "contact_name": "Exemple : service aménagement",
    "contact_details": "ddt@example.invalid",
}


@dataclass
class Sample:
    title: str
    collectivite: object  # a function returning the collectivité (reference data read at run time)
    departement: str | None = None
    steps: list = field(default_factory=list)  # (action, data), in order


SAMPLES = [
    Sample(
        "Exemple — Étude de structure d'un pont communal",
        lambda: Commune.objects.get(code="08105"),
        steps=[("confirm_email", {})],
    ),
    Sample(
        "Exemple — Requalification du centre-bourg",
        lambda: Commune.objects.get(code="2A004"),
        steps=[
            ("confirm_email", {}),
            ("designate_local_contact", LOCAL),
            ("report_to_local_committee", {"met_on": "2026-03-12", "minutes": "Exemple : projet présenté."}),
        ],
    ),
    Sample(
        "Exemple — Ouvrage d'art départemental",
        lambda: Departement.objects.get(code="08"),
        steps=[
            ("confirm_email", {}),
            ("escalate", {"ground": "innovant", "justification": "Exemple : ingénierie rare."}),
            ("submit_to_committee", {}),
        ],
    ),
    Sample(
        "Exemple — Schéma de mobilité intercommunal",
        lambda: EPCI.objects.get(code="200041630"),
        steps=[("confirm_email", {}), ("request_more_info", {"comment": "Exemple : quel calendrier ?"})],
    ),
    Sample(
        "Exemple — Stratégie régionale de revitalisation",
        lambda: Region.objects.get(code="44"),
        departement="67",
    ),
    Sample(
        "Exemple — Réseau de chaleur d'un syndicat mixte",
        lambda: "Syndicat mixte (exemple)",
        departement="08",
        steps=[
            ("confirm_email", {}),
            ("designate_local_contact", LOCAL),
            ("start_local_follow_up", {}),
            ("close", {"comment": "Exemple : accompagnement terminé."}),
        ],
    ),
]


def sample_actor():
    """A superuser that cannot log in (unusable password): it holds every staff
    role, so the samples can reach each state through the workflow."""
    user, created = get_user_model().objects.get_or_create(
        username=SAMPLE_ACTOR, defaults={"is_superuser": True, "is_active": True, "first_name": "Exemple"}
    )
    if created:
        user.set_unusable_password()
        user.save()
    return user


def load_samples() -> tuple[int, int]:
    """(created, unchanged) sample requests."""
    actor = sample_actor()
    created = unchanged = 0
    for sample in SAMPLES:
        if EngineeringRequest.objects.filter(is_sample=True, title=sample.title).exists():
            unchanged += 1
            continue
        collectivite = sample.collectivite()
        data = {
            "collectivite": collectivite,
            "requester_name": "Exemple Demandeur",
            "requester_role": "agent",
            "requester_email": "exemple@example.invalid",
            "requester_phone": "",
            "title": sample.title,
            "description": DESCRIPTION,
            "stage": "etude",
        }
        if sample.departement:
            data["departement"] = Departement.objects.get(code=sample.departement)
        engineering_request = submit_request(data, [], sample=True)
        for action, step_data in sample.steps:
            apply_transition(
                engineering_request, action, None if action == "confirm_email" else actor, step_data
            )
        created += 1
    return created, unchanged
