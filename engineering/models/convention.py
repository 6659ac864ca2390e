"""The convention d'appui opérationnel that formalises national support."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from media_assets.storage import private_storage

from .request import EngineeringRequest


def convention_path(instance, filename):
    """A random name in the private storage: the signed convention is served only to
    the staff who see the request (``engineering.staff.files``), under a name of its
    own; no path can be guessed from the request's number."""
    return f"ingenierie/conventions/{secrets.token_hex(16)}.pdf"


class SupportConvention(models.Model):
    request = models.OneToOneField(
        EngineeringRequest, on_delete=models.CASCADE, related_name="support_convention"
    )
    signed_on = models.DateField(_("date de signature"))
    reference = models.CharField(_("référence de la convention"), max_length=100)
    file = models.FileField(
        _("convention signée"), upload_to=convention_path, storage=private_storage, blank=True, max_length=255
    )

    class Meta:
        verbose_name = _("convention d'appui opérationnel")
        verbose_name_plural = _("conventions d'appui opérationnel")

    def __str__(self):
        return self.reference
