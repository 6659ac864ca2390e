"""Training offer models, one concept per module."""

from .audience import Audience
from .index_page import TrainingIndexPage
from .offer_page import OfferFormat, OfferKind, TrainingModule, TrainingOfferPage
from .session import TrainingSession

__all__ = [
    "Audience",
    "OfferFormat",
    "OfferKind",
    "TrainingIndexPage",
    "TrainingModule",
    "TrainingOfferPage",
    "TrainingSession",
]
