"""Text blocks: rich text, callout, quote and accordion."""

import hashlib

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .base import RICH_TEXT_FEATURES, TitledStructValue, heading_level_block

GROUP = _("Texte")


class TextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/text.html"
        label = _("Texte")
        description = _("Paragraphes, intertitres (niveaux 2 à 4), listes et liens.")
        group = GROUP
        preview_value = (
            "<h2>Pour qui ?</h2><p>Les communes et intercommunalités qui portent un projet "
            "de revitalisation de leur centre.</p>"
        )


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre"), required=False, max_length=150)
    heading_level = heading_level_block()
    text = blocks.TextBlock(label=_("texte"), max_length=600)

    class Meta:
        icon = "info-circle"
        template = "blocks/callout.html"
        label = _("Mise en avant")
        description = _("Un encadré qui fait ressortir une information importante.")
        group = GROUP
        value_class = TitledStructValue
        preview_value = {
            "title": "À retenir",
            "heading_level": "h2",
            "text": "90 % des demandes d'ingénierie doivent trouver une solution dans l'écosystème local.",
        }


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("citation"), max_length=800)
    author = blocks.CharBlock(label=_("auteur ou autrice"), required=False, max_length=150)
    source = blocks.CharBlock(
        label=_("source"),
        required=False,
        max_length=200,
        help_text=_("Par exemple : le titre du document ou de l'entretien."),
    )
    source_url = blocks.URLBlock(label=_("adresse de la source"), required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"
        label = _("Citation")
        description = _("Une citation avec son auteur et sa source.")
        group = GROUP
        preview_value = {
            "text": "Le succès de l'ANCT reposera sur sa capacité à fonctionner comme une « équipe ANCT ».",
            "author": "",
            "source": "Feuille de route de l'ANCT pour 2020",
        }


class AccordionItemValue(blocks.StructValue):
    @property
    def anchor(self) -> str:
        """The panel's id, drawn from its text: the same at every rendering (django-dsfr
        draws a random one, so the page's bytes, hence its ETag, would change each time)."""
        text = f"{self.get('title')}\n{getattr(self.get('content'), 'source', '')}"
        return "volet-" + hashlib.sha256(text.encode()).hexdigest()[:12]


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre"), max_length=200)
    content = blocks.RichTextBlock(label=_("contenu"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "list-ul"
        label = _("Volet")
        value_class = AccordionItemValue


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre"), required=False, max_length=150)
    heading_level = heading_level_block()
    items = blocks.ListBlock(AccordionItemBlock(), label=_("volets"), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "blocks/accordion.html"
        label = _("Accordéon")
        description = _("Des volets repliables, par exemple des questions et leurs réponses.")
        group = GROUP
        value_class = TitledStructValue
        preview_value = {
            "title": "Questions fréquentes",
            "heading_level": "h2",
            "items": [
                {"title": "Qui peut en bénéficier ?", "content": "<p>Les collectivités territoriales.</p>"},
                {"title": "Comment candidater ?", "content": "<p>Auprès de la préfecture.</p>"},
            ],
        }
