"""Pieces shared by every block of the library: the rich-text features allowed to
editors and the heading-level choice of titled blocks."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

# No h1 in rich text: the page title is the only h1 (Wagtail accessibility notes).
RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]

HEADING_LEVELS = [
    ("h2", _("Titre de niveau 2")),
    ("h3", _("Titre de niveau 3")),
    ("h4", _("Titre de niveau 4")),
]


def heading_level_block() -> blocks.ChoiceBlock:
    return blocks.ChoiceBlock(
        choices=HEADING_LEVELS,
        default="h2",
        label=_("niveau du titre"),
        help_text=_("Respectez la hiérarchie de la page : un titre de niveau 3 suit un titre de niveau 2."),
    )


class TitledStructValue(blocks.StructValue):
    """Value of a block with an optional ``title`` and a ``heading_level``: the
    heading tag of the title and the one of the items below it."""

    @property
    def heading_tag(self) -> str:
        return self.get("heading_level") or "h2"

    @property
    def item_heading_tag(self) -> str:
        """Items under a title sit one level below it (at most h6); without a title
        they take the chosen level themselves."""
        level = int(self.heading_tag[1])
        if self.get("title"):
            level += 1
        return f"h{min(level, 6)}"
