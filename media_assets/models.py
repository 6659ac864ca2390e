from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage

from .storage import private_storage


class CustomImage(AbstractImage):
    """Image with a default alternative text, so that no informative image is
    published without one."""

    alt_text = models.CharField(
        _("texte alternatif"),
        max_length=255,
        blank=True,
        help_text=_(
            "Décrit l'image pour les personnes qui ne la voient pas. "
            "Laisser vide uniquement pour une image purement décorative."
        ),
    )
    credit = models.CharField(_("crédit"), max_length=255, blank=True)

    admin_form_fields = WagtailImage.admin_form_fields + ("alt_text", "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class CustomDocument(AbstractDocument):
    """Document with the facts a citizen needs before opening it. Its file is in the
    private storage: a document of a private collection is read only through Wagtail's
    view (``WAGTAILDOCS_SERVE_METHOD = "serve_view"``), which checks who asks."""

    file = models.FileField(upload_to="documents", storage=private_storage, verbose_name=_("fichier"))
    language = models.CharField(_("langue"), max_length=10, default="fr")
    published_on = models.DateField(_("date de publication"), null=True, blank=True)

    admin_form_fields = WagtailDocument.admin_form_fields + ("language", "published_on")

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
