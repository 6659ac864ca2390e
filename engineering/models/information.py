"""The "more information needed" loop: the team's question and the requester's
answer through the web page their email links to."""

import secrets
from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from .request import EngineeringRequest

TOKEN_SALT = "engineering.information_request.reply"


class InformationRequestQuerySet(models.QuerySet):
    def matching(self, token: str):
        """The row whose reply link carries ``token``, or None. A request has a
        handful of rows at most: each is compared in constant time."""
        for row in self:
            if constant_time_compare(row.reply_token(), token):
                return row
        return None


class InformationRequest(models.Model):
    """One "compléments demandés" step. The reply link's token is an HMAC of a
    random nonce under the site's secret key: the database holds no usable
    link, and a link can neither be guessed nor derived from the reference.
    The link works once, before ``expires_at``, and only while this is the
    request's open question (``EngineeringRequest.state`` is "complements")."""

    request = models.ForeignKey(
        EngineeringRequest, on_delete=models.CASCADE, related_name="information_requests"
    )
    question = models.TextField(_("informations demandées"))
    asked_at = models.DateTimeField(_("demandées le"), default=timezone.now)
    expires_at = models.DateTimeField(_("lien de réponse valable jusqu'au"))
    nonce = models.CharField(max_length=64, editable=False)
    answer = models.TextField(_("réponse du demandeur"), blank=True)
    answered_at = models.DateTimeField(_("réponse reçue le"), null=True, blank=True)

    objects = InformationRequestQuerySet.as_manager()

    class Meta:
        ordering = ["asked_at", "pk"]
        get_latest_by = ["asked_at", "pk"]
        verbose_name = _("demande de compléments")
        verbose_name_plural = _("demandes de compléments")

    def __str__(self):
        return f"{self.request_id}: {self.asked_at:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        if not self.nonce:
            self.nonce = secrets.token_urlsafe(32)
        super().save(*args, **kwargs)

    def reply_token(self) -> str:
        value = f"{self.request_id}:{self.pk}:{self.nonce}"
        return salted_hmac(TOKEN_SALT, value, algorithm="sha256").hexdigest()

    def set_expiry(self, days: int):
        self.expires_at = self.asked_at + timedelta(days=days)

    def is_expired(self, now=None) -> bool:
        return self.expires_at <= (now or timezone.now())
