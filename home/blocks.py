"""Shared StreamField blocks rendered with the State design system.

Kept in one module while small; the content-model work grows it into a package.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class BodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Texte"),
        icon="pilcrow",
        template="blocks/text.html",
    )

    class Meta:
        template = "blocks/stream.html"
