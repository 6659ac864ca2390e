"""Outgoing email, kept as an outbox row until it is sent."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .request import EngineeringRequest


class Notification(models.Model):
    """One email. Written in the same transaction as the event it reports, then
    sent by a background task; a failed send is retried later with back-off
    (``engineering.protocol.outbox``), so a mail failure never loses anything."""

    class Status(models.TextChoices):
        PENDING = "en_attente", _("En attente")
        SENT = "envoye", _("Envoyé")
        FAILED = "abandonne", _("Abandonné après plusieurs essais")

    request = models.ForeignKey(
        EngineeringRequest, on_delete=models.CASCADE, null=True, blank=True, related_name="notifications"
    )
    kind = models.CharField(_("motif"), max_length=40)
    recipients = models.JSONField(_("destinataires"), default=list)
    subject = models.CharField(_("objet"), max_length=255)
    body = models.TextField(_("texte"))
    headers = models.JSONField(
        _("en-têtes"),
        default=dict,
        blank=True,
        help_text=_("En-têtes de plus, comme List-Unsubscribe pour une alerte."),
    )
    status = models.CharField(
        _("statut"), max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("essais"), default=0)
    next_attempt_at = models.DateTimeField(_("prochain essai"), default=timezone.now, db_index=True)
    last_error = models.TextField(_("dernière erreur"), blank=True)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self):
        return f"{self.kind} → {', '.join(self.recipients)}"
