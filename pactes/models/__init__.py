"""Pacte models, one concept per module."""

from .axis import ActionStatus, PacteAction, PacteAxis
from .facts import PacteFact, PacteProgressReport
from .index_page import PacteIndexPage
from .milestone import PacteDocument, PacteMilestone
from .money import PacteFunding
from .pacte_page import PactePage
from .progress import PacteProgress
from .signatory import PacteSignatory

__all__ = [
    "ActionStatus",
    "PacteAction",
    "PacteAxis",
    "PacteDocument",
    "PacteFact",
    "PacteFunding",
    "PacteIndexPage",
    "PacteMilestone",
    "PactePage",
    "PacteProgress",
    "PacteProgressReport",
    "PacteSignatory",
]
