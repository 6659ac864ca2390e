"""Media and navigation blocks: image, document list and links."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from .base import TitledStructValue, heading_level_block


class ImageValue(blocks.StructValue):
    @property
    def alt(self) -> str:
        """The block's alternative text, else the image's, else its title: never
        empty for an informative image."""
        image = self.get("image")
        if self.get("alt_text"):
            return self["alt_text"]
        if image is None:
            return ""
        return getattr(image, "alt_text", "") or image.title

    @property
    def credit(self) -> str:
        image = self.get("image")
        return getattr(image, "credit", "") if image else ""


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("texte alternatif"),
        required=False,
        max_length=255,
        help_text=_(
            "Remplace le texte alternatif de l'image pour ce contexte. "
            "Laisser vide pour reprendre celui de l'image."
        ),
    )
    caption = blocks.CharBlock(label=_("légende"), required=False, max_length=255)

    def get_preview_value(self):
        return {
            "image": get_image_model().objects.order_by("-created_at").first(),
            "alt_text": "",
            "caption": "Légende de l'image",
        }

    class Meta:
        icon = "image"
        template = "blocks/image.html"
        label = _("Image")
        description = _("Une image avec sa légende, servie à la bonne taille pour chaque écran.")
        group = _("Médias")
        value_class = ImageValue


class DocumentListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre"), required=False, max_length=150)
    heading_level = heading_level_block()
    documents = blocks.ListBlock(DocumentChooserBlock(label=_("document")), label=_("documents"), min_num=1)

    def get_preview_value(self):
        documents = list(get_document_model().objects.order_by("-created_at")[:2])
        return {"title": "Documents à télécharger", "heading_level": "h2", "documents": documents}

    class Meta:
        icon = "doc-full"
        template = "blocks/document_list.html"
        label = _("Liste de documents")
        description = _("Des documents à télécharger, avec leur format et leur poids.")
        group = _("Médias")
        value_class = TitledStructValue


class LinkValue(blocks.StructValue):
    @property
    def href(self) -> str:
        page = self.get("page")
        if page:
            return page.url or ""
        return self.get("url") or ""

    @property
    def text(self) -> str:
        page = self.get("page")
        return self.get("label") or (page.title if page else self.get("url") or "")

    @property
    def is_external(self) -> bool:
        return not self.get("page") and bool(self.get("url"))


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("page du site"), required=False)
    url = blocks.URLBlock(label=_("adresse externe"), required=False)
    label = blocks.CharBlock(
        label=_("intitulé"),
        required=False,
        max_length=150,
        help_text=_("Obligatoire pour une adresse externe ; par défaut, le titre de la page."),
    )

    def clean(self, value):
        value = super().clean(value)
        has_page, has_url = bool(value.get("page")), bool(value.get("url"))
        if has_page == has_url:
            raise ValidationError(_("Choisissez soit une page du site, soit une adresse externe."))
        if has_url and not value.get("label"):
            raise blocks.StructBlockValidationError(
                block_errors={"label": ValidationError(_("Indiquez l'intitulé du lien externe."))}
            )
        return value

    class Meta:
        icon = "link"
        label = _("Lien")
        value_class = LinkValue


class LinksBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre"), required=False, max_length=150)
    heading_level = heading_level_block()
    links = blocks.ListBlock(LinkBlock(), label=_("liens"), min_num=1)

    class Meta:
        icon = "link"
        template = "blocks/links.html"
        label = _("Liens")
        description = _("Une liste de liens vers des pages du site ou d'autres sites.")
        group = _("Liens")
        value_class = TitledStructValue
        preview_value = {
            "title": "Pour aller plus loin",
            "heading_level": "h2",
            "links": [
                {
                    "page": None,
                    "url": "https://agence-cohesion-territoires.gouv.fr",
                    "label": "Site de l'Agence nationale de la cohésion des territoires",
                }
            ],
        }
