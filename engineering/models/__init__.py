"""Engineering-request models, one concept per module."""

from .attachment import Attachment
from .committee import CommitteeDecision
from .convention import SupportConvention
from .escalation import NationalEscalation
from .information import InformationRequest
from .instrument import ActivatedInstrument
from .kind import EngineeringKind
from .local_answer import LocalAnswer
from .local_committee import LocalCommitteeReport
from .notification import Notification
from .request import EngineeringRequest
from .role_group import EngineeringGroup
from .routing import RoutingRule
from .state import FINAL_STATES, RequestState, StateDeadline
from .transition import TransitionLog

__all__ = [
    "FINAL_STATES",
    "ActivatedInstrument",
    "Attachment",
    "CommitteeDecision",
    "EngineeringGroup",
    "EngineeringKind",
    "EngineeringRequest",
    "InformationRequest",
    "LocalAnswer",
    "LocalCommitteeReport",
    "NationalEscalation",
    "Notification",
    "RequestState",
    "RoutingRule",
    "StateDeadline",
    "SupportConvention",
    "TransitionLog",
]
