"""Files sent with a request."""

import re
import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from media_assets.storage import private_storage

from .request import EngineeringRequest


def attachment_storage():
    """The private storage, outside the public media root: files are served only by
    the staff view that checks access. (Named in the migrations.)"""
    return private_storage()


def attachment_path(instance, filename):
    """A random stored name, so that no path can be guessed and nothing of the
    sender's name (length, folders, characters) reaches the file system; the
    name people see is ``original_name``."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    suffix = f".{extension}" if re.fullmatch(r"[a-z0-9]{1,10}", extension) else ""
    return f"ingenierie/{timezone.now():%Y/%m}/{secrets.token_hex(16)}{suffix}"


class Attachment(models.Model):
    """A document attached by the requester. Its type was established by reading
    the file's first bytes (``engineering.protocol.uploads``), not from its name."""

    request = models.ForeignKey(EngineeringRequest, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(
        _("fichier"), upload_to=attachment_path, storage=attachment_storage, max_length=255
    )
    original_name = models.CharField(_("nom d'origine"), max_length=255)
    content_type = models.CharField(_("type de contenu"), max_length=120)
    size = models.PositiveIntegerField(_("taille (octets)"))
    uploaded_at = models.DateTimeField(_("envoyé le"), auto_now_add=True)
    information_request = models.ForeignKey(
        "engineering.InformationRequest",
        verbose_name=_("envoyée avec les compléments"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="attachments",
        help_text=_("Vide pour une pièce jointe du formulaire de demande."),
    )

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("pièce jointe")
        verbose_name_plural = _("pièces jointes")

    def __str__(self):
        return self.original_name
