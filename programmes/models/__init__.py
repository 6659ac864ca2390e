"""Programme pages and what hangs on them; the shared base is in ``catalogue``."""

from .facts import LAUNCH_KEY, ProgrammeFact
from .index_page import ProgrammeIndexPage
from .programme_page import (
    AgencySupport,
    ProgrammeContact,
    ProgrammeDocument,
    ProgrammeFaqItem,
    ProgrammeKind,
    ProgrammePage,
    RelatedProgramme,
)

__all__ = [
    "LAUNCH_KEY",
    "AgencySupport",
    "ProgrammeContact",
    "ProgrammeDocument",
    "ProgrammeFact",
    "ProgrammeFaqItem",
    "ProgrammeIndexPage",
    "ProgrammeKind",
    "ProgrammePage",
    "RelatedProgramme",
]
