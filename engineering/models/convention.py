"""The convention d'appui opérationnel that formalises national support."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .request import EngineeringRequest


def convention_path(instance, filename):
    return f"ingenierie/conventions/{instance.request_id}/{filename}"


class SupportConvention(models.Model):
    request = models.OneToOneField(
        EngineeringRequest, on_delete=models.CASCADE, related_name="support_convention"
    )
    signed_on = models.DateField(_("date de signature"))
    reference = models.CharField(_("référence de la convention"), max_length=100)
    file = models.FileField(_("convention signée"), upload_to=convention_path, blank=True, max_length=255)

    class Meta:
        verbose_name = _("convention d'appui opérationnel")
        verbose_name_plural = _("conventions d'appui opérationnel")

    def __str__(self):
        return self.reference
