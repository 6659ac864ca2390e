"""Programme pages and what hangs on them; the shared base is in ``catalogue``."""

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
    "AgencySupport",
    "ProgrammeContact",
    "ProgrammeDocument",
    "ProgrammeFaqItem",
    "ProgrammeIndexPage",
    "ProgrammeKind",
    "ProgrammePage",
    "RelatedProgramme",
]
