"""The local answer: the single contact named by the délégué territorial."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .request import EngineeringRequest


class LocalAnswer(models.Model):
    class ContactKind(models.TextChoices):
        SUB_PREFECT = "sous_prefet", _("Sous-préfet")
        DDT = "ddt", _("Direction départementale des territoires (DDT)")
        OPERATOR = "operateur", _("Opérateur")
        LOCAL_DEVELOPER = "amenageur", _("Aménageur ou développeur local")

    request = models.OneToOneField(EngineeringRequest, on_delete=models.CASCADE, related_name="local_answer")
    contact_kind = models.CharField(
        _("nature de l'interlocuteur"), max_length=15, choices=ContactKind.choices
    )
    contact_name = models.CharField(_("nom de l'interlocuteur unique"), max_length=150)
    contact_details = models.CharField(_("coordonnées"), max_length=255)
    designated_at = models.DateTimeField(_("désigné le"), auto_now_add=True)

    class Meta:
        verbose_name = _("réponse locale")
        verbose_name_plural = _("réponses locales")

    def __str__(self):
        return f"{self.contact_name} ({self.get_contact_kind_display()})"
