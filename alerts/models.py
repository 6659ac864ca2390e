"""A subscription (an address, what it follows, its consent) and the events
the digests are made of.

Personal data is kept to what the alerts need: the address, what it follows,
how often, the consent given and its date. A subscription whose address is not
confirmed in time is deleted; unsubscribing deletes the row (and any alert
not yet sent to it). Events hold no personal data: they say what changed,
once, whoever follows it; each subscription keeps a cursor (the last event it
was told about).
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def email_digest(email: str) -> str:
    """The key of an address in the manage link (the address itself never
    goes into a URL)."""
    return hashlib.sha256(normalize_email(email).encode()).hexdigest()


def normalize_email(email: str) -> str:
    return (email or "").strip().lower()


def new_key() -> str:
    return secrets.token_urlsafe(12)


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def pending(self):
        return self.filter(confirmed_at__isnull=True)

    def of_email(self, email: str):
        return self.filter(email_digest=email_digest(email))


class Subscription(models.Model):
    class Scope(models.TextChoices):
        COMMUNE = "commune", _("commune")
        GROUPEMENT = "intercommunalite", _("intercommunalité")
        DEPARTEMENT = "departement", _("département")
        PAGE = "page", _("programme ou pacte")

    class Frequency(models.TextChoices):
        WEEKLY = "hebdomadaire", _("Un résumé par semaine")
        IMMEDIATE = "immediate", _("Un courriel à chaque nouveauté")

    email = models.EmailField(_("adresse électronique"), max_length=254)
    email_digest = models.CharField(max_length=64, db_index=True, editable=False)
    key = models.CharField(max_length=32, default=new_key, editable=False)
    scope = models.CharField(_("suivi"), max_length=20, choices=Scope.choices)
    code = models.CharField(_("code"), max_length=12, help_text=_("INSEE, SIREN, code du département, page"))
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    label = models.CharField(_("nom"), max_length=255)
    frequency = models.CharField(
        _("fréquence"), max_length=12, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    consent_text = models.TextField(_("consentement donné"))
    consented_at = models.DateTimeField(_("date du consentement"))
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expire le (sans confirmation)"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmé le"), null=True, blank=True)
    last_event_id = models.PositiveBigIntegerField(_("dernière nouveauté traitée"), default=0)
    next_digest_at = models.DateTimeField(_("prochain résumé"), null=True, blank=True, db_index=True)
    last_sent_at = models.DateTimeField(_("dernier envoi"), null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["email_digest", "scope", "code"], name="unique_alert_subscription"
            )
        ]
        verbose_name = _("abonnement aux alertes")
        verbose_name_plural = _("abonnements aux alertes")

    def __str__(self):
        return f"{self.get_scope_display()} {self.label}"

    def save(self, *args, **kwargs):
        self.email = normalize_email(self.email)
        self.email_digest = email_digest(self.email)
        super().save(*args, **kwargs)

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    def confirm(self, now=None) -> None:
        """Start the alerts from now: only what changes after the confirmation is sent."""
        now = now or timezone.now()
        self.confirmed_at = now
        self.expires_at = None
        self.last_event_id = AlertEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        self.next_digest_at = now + timedelta(days=settings.ALERTS_DIGEST_DAYS)
        self.save()


class AlertEvent(models.Model):
    """Something that changed on the site and may concern a territory."""

    class Kind(models.TextChoices):
        PUBLISHED = "page_publiee", _("page publiée")
        UPDATED = "page_mise_a_jour", _("page mise à jour")
        PROGRESS = "bilan", _("bilan d’avancement")
        NEWS = "actualite", _("actualité")
        LIST = "liste", _("liste officielle importée")

    kind = models.CharField(_("nature"), max_length=20, choices=Kind.choices)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("programme ou pacte"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    news = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("actualité"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    dataset = models.ForeignKey(
        "territories.OfficialDataset",
        verbose_name=_("liste officielle"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(_("titre"), max_length=300)
    summary = models.TextField(_("en bref"), blank=True)
    #: For a list: the communes it now names, no longer names, or names otherwise,
    #: among those someone follows when it was imported (never the whole list).
    added = models.JSONField(_("communes ajoutées"), default=list, blank=True)
    removed = models.JSONField(_("communes retirées"), default=list, blank=True)
    changed = models.JSONField(_("communes dont la mention change"), default=list, blank=True)
    counts = models.JSONField(_("effectifs"), default=dict, blank=True)
    created_at = models.DateTimeField(_("date"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("nouveauté")
        verbose_name_plural = _("nouveautés")

    def __str__(self):
        return f"{self.get_kind_display()} : {self.title}"
