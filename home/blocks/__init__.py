"""Shared StreamField block library rendered with the State design system (DSFR).

Every page type composes its body from ``BodyBlock``; the single blocks are
exported too, so that page types reuse them in their own StreamFields (the key
figures of a programme, the accordion of a FAQ…).
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .base import HEADING_LEVELS, RICH_TEXT_FEATURES, TitledStructValue, heading_level_block
from .figures import KeyFigureBlock, KeyFiguresBlock, KeyFigureValue
from .media import DocumentListBlock, ImageBlock, ImageValue, LinkBlock, LinksBlock, LinkValue
from .text import AccordionBlock, AccordionItemBlock, CalloutBlock, QuoteBlock, TextBlock

__all__ = [
    "HEADING_LEVELS",
    "RICH_TEXT_FEATURES",
    "AccordionBlock",
    "AccordionItemBlock",
    "BodyBlock",
    "CalloutBlock",
    "DocumentListBlock",
    "ImageBlock",
    "ImageValue",
    "KeyFigureBlock",
    "KeyFigureValue",
    "KeyFiguresBlock",
    "LinkBlock",
    "LinkValue",
    "LinksBlock",
    "QuoteBlock",
    "TextBlock",
    "TitledStructValue",
    "heading_level_block",
]


class BodyBlock(blocks.StreamBlock):
    """The main body of every page: text, highlights, figures, media and links.
    No raw-HTML block: editors never write markup."""

    text = TextBlock()
    callout = CalloutBlock()
    key_figures = KeyFiguresBlock()
    accordion = AccordionBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    documents = DocumentListBlock()
    links = LinksBlock()

    class Meta:
        template = "blocks/stream.html"
        label = _("contenu")
