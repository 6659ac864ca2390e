"""Key figures: the measurable impact the roadmap asks every intervention to show."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .base import TitledStructValue, heading_level_block

PREVIEW_FIGURE = {
    "value": "90",
    "unit": "%",
    "label": "des demandes d'ingénierie trouvant une solution locale",
    "source": "Objectif de la feuille de route 2020 de l'ANCT",
}


class KeyFigureValue(blocks.StructValue):
    @property
    def display_value(self) -> str:
        """The figure with its unit, e.g. « 1 600 communes »."""
        return " ".join(part for part in (self.get("value"), self.get("unit")) if part)


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(
        label=_("valeur"), max_length=30, help_text=_("Le nombre seul, par exemple « 1 600 » ou « 3,5 ».")
    )
    unit = blocks.CharBlock(
        label=_("unité"),
        required=False,
        max_length=40,
        help_text=_("Par exemple « communes », « M€ », « % »."),
    )
    label = blocks.CharBlock(
        label=_("libellé"), max_length=200, help_text=_("Ce que mesure ce chiffre, en une phrase courte.")
    )
    source = blocks.CharBlock(
        label=_("source"),
        required=False,
        max_length=200,
        help_text=_("D'où vient ce chiffre, et à quelle date."),
    )

    def clean(self, value):
        value = super().clean(value)
        if not (value.get("value") or "").strip():
            raise ValidationError(_("Indiquez la valeur du chiffre clé."))
        return value

    class Meta:
        icon = "order"
        template = "blocks/key_figure.html"
        label = _("Chiffre clé")
        description = _("Une valeur, son unité, ce qu'elle mesure et sa source.")
        group = _("Chiffres")
        value_class = KeyFigureValue
        preview_value = PREVIEW_FIGURE


class KeyFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre"), required=False, max_length=150)
    heading_level = heading_level_block()
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("chiffres"), min_num=1, max_num=6)

    class Meta:
        icon = "order"
        template = "blocks/key_figures.html"
        label = _("Chiffres clés")
        description = _("Jusqu'à six chiffres clés côte à côte. Ne mettez que des chiffres sourcés.")
        group = _("Chiffres")
        value_class = TitledStructValue
        preview_value = {
            "title": "En chiffres",
            "heading_level": "h2",
            "figures": [PREVIEW_FIGURE],
        }
