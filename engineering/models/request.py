"""The engineering-support request of a collectivité."""

import secrets
from datetime import timedelta

from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalogue.models import Theme
from territories.models import EPCI, Commune, Departement, Region

from ..protocol.roles import visibility
from .kind import EngineeringKind
from .state import FINAL_STATES, RequestState


class EngineeringRequestQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The requests a user may see and act on: the only entry point of every
        staff view and action, so that access by territory holds everywhere
        (the rule itself: ``engineering.protocol.roles.visibility``)."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        condition = visibility(user)
        return self if condition is None else self.filter(condition)

    def open(self):
        return self.exclude(state__in=FINAL_STATES)


class EngineeringRequest(models.Model):
    class RequesterRole(models.TextChoices):
        MAYOR = "maire", _("Maire")
        ELECTED = "elu", _("Élu ou élue")
        DGS = "dgs", _("Directeur ou directrice général(e) des services")
        AGENT = "agent", _("Agent de la collectivité")
        OTHER = "autre", _("Autre")

    class CollectiviteKind(models.TextChoices):
        """Roadmap II c: any "collectivité porteuse" may ask, not only communes."""

        COMMUNE = "commune", _("Commune")
        EPCI = "epci", _("Intercommunalité (EPCI)")
        DEPARTEMENT = "departement", _("Département")
        REGION = "region", _("Région")
        OTHER = "autre", _("Autre groupement (syndicat, PETR, pôle…)")

    class Stage(models.TextChoices):
        IDEA = "idee", _("Idée")
        STUDY = "etude", _("Étude")
        OPERATIONAL = "operationnel", _("Opérationnel")

    reference = models.CharField(
        _("référence de suivi"), max_length=30, unique=True, null=True, blank=True, editable=False
    )
    collectivite_kind = models.CharField(
        _("type de collectivité porteuse"),
        max_length=12,
        choices=CollectiviteKind.choices,
        default=CollectiviteKind.COMMUNE,
    )
    # The collectivité: exactly the one record its kind names (see the constraint
    # below); a département files through ``departement`` alone, and a région or
    # another groupement is routed by the département of its seat.
    commune = models.ForeignKey(
        Commune,
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="engineering_requests",
    )
    epci = models.ForeignKey(
        EPCI,
        verbose_name=_("EPCI"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="engineering_requests",
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("région"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="engineering_requests",
    )
    other_name = models.CharField(
        _("nom du groupement"),
        max_length=200,
        blank=True,
        help_text=_("Syndicat, PETR, pôle métropolitain… : collectivité porteuse hors liste."),
    )
    departement = models.ForeignKey(
        Departement,
        verbose_name=_("département"),
        on_delete=models.PROTECT,
        related_name="engineering_requests",
    )

    requester_name = models.CharField(_("nom et prénom"), max_length=150)
    requester_role = models.CharField(_("fonction"), max_length=10, choices=RequesterRole.choices)
    requester_email = models.EmailField(_("adresse électronique"))
    requester_phone = models.CharField(_("téléphone"), max_length=30, blank=True)

    title = models.CharField(_("intitulé du projet"), max_length=200)
    description = models.TextField(_("description du projet et du besoin"))
    themes = models.ManyToManyField(
        Theme, verbose_name=_("thématiques"), blank=True, related_name="engineering_requests"
    )
    stage = models.CharField(_("avancement du projet"), max_length=15, choices=Stage.choices)
    engineering_kinds = models.ManyToManyField(
        EngineeringKind, verbose_name=_("ingénierie recherchée"), blank=True, related_name="requests"
    )
    consent_at = models.DateTimeField(_("consentement donné le"))

    confirmation_token = models.CharField(max_length=64, unique=True, editable=False)
    confirmed_at = models.DateTimeField(_("adresse confirmée le"), null=True, blank=True)
    expires_at = models.DateTimeField(
        _("expire le"),
        null=True,
        blank=True,
        help_text=_("Sans confirmation de l'adresse avant cette date, la demande expire."),
    )

    state = models.CharField(
        _("état"), max_length=20, choices=RequestState.choices, default=RequestState.RECEIVED, db_index=True
    )
    state_changed_at = models.DateTimeField(_("dans cet état depuis"), default=timezone.now)
    assigned_team = models.ForeignKey(
        Group, verbose_name=_("équipe chargée"), on_delete=models.PROTECT, related_name="engineering_requests"
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("doublon possible de"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="possible_duplicates",
    )
    triaged_at = models.DateTimeField(
        _("orientée le"),
        null=True,
        blank=True,
        help_text=_(
            "Première décision d'orientation : réponse locale, appui national, irrecevable ou réorientée."
        ),
    )
    closed_at = models.DateTimeField(_("terminée le"), null=True, blank=True)
    is_sample = models.BooleanField(
        _("exemple"),
        default=False,
        editable=False,
        help_text=_("Demande fictive créée pour essayer les écrans (make run SAMPLE_REQUESTS=1)."),
    )
    anonymised_at = models.DateTimeField(_("anonymisée le"), null=True, blank=True)
    created_at = models.DateTimeField(_("reçue le"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    objects = EngineeringRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("demande d'ingénierie")
        verbose_name_plural = _("demandes d'ingénierie")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        collectivite_kind="commune",
                        commune__isnull=False,
                        epci__isnull=True,
                        region__isnull=True,
                    )
                    | Q(
                        collectivite_kind="epci",
                        commune__isnull=True,
                        epci__isnull=False,
                        region__isnull=True,
                    )
                    | Q(
                        collectivite_kind="departement",
                        commune__isnull=True,
                        epci__isnull=True,
                        region__isnull=True,
                    )
                    | Q(
                        collectivite_kind="region",
                        commune__isnull=True,
                        epci__isnull=True,
                        region__isnull=False,
                    )
                    | (
                        Q(
                            collectivite_kind="autre",
                            commune__isnull=True,
                            epci__isnull=True,
                            region__isnull=True,
                        )
                        & ~Q(other_name="")
                    )
                ),
                name="engineering_request_one_collectivite",
            ),
        ]

    def __str__(self):
        return f"{self.reference} — {self.title}"

    @property
    def collectivite(self):
        """The record of the collectivité porteuse (None for "autre groupement")."""
        kinds = self.CollectiviteKind
        return {
            kinds.COMMUNE: self.commune,
            kinds.EPCI: self.epci,
            kinds.DEPARTEMENT: self.departement,
            kinds.REGION: self.region,
        }.get(self.collectivite_kind)

    @property
    def collectivite_label(self) -> str:
        kinds = self.CollectiviteKind
        if self.collectivite_kind == kinds.COMMUNE:
            label = f"{self.commune.name} ({self.commune_id})"
        elif self.collectivite_kind == kinds.EPCI:
            label = f"{self.epci.name} (EPCI {self.epci_id})"
        elif self.collectivite_kind == kinds.DEPARTEMENT:
            label = _("Département : %(name)s (%(code)s)") % {
                "name": self.departement.name,
                "code": self.departement_id,
            }
        elif self.collectivite_kind == kinds.REGION:
            label = _("Région : %(name)s") % {"name": self.region.name}
        else:
            label = _("%(name)s (groupement, %(departement)s)") % {
                "name": self.other_name,
                "departement": self.departement_id,
            }
        return f"{label} — {_('exemple')}" if self.is_sample else str(label)

    @property
    def is_final(self) -> bool:
        return self.state in FINAL_STATES

    def save(self, *args, **kwargs):
        if not self.confirmation_token:
            self.confirmation_token = secrets.token_urlsafe(32)
        super().save(*args, **kwargs)
        if not self.reference:
            # Built from the primary key once it exists: unique without a counter
            # table, so concurrent submissions never collide.
            self.reference = f"ING-{self.created_at:%Y}-{self.departement_id}-{self.pk:05d}"
            type(self).objects.filter(pk=self.pk).update(reference=self.reference)

    def set_expiry(self, days: int):
        self.expires_at = self.created_at + timedelta(days=days)

    def deadline_for(self, deadlines: dict[str, int]):
        """When the current state's target delay runs out, or None."""
        days = deadlines.get(self.state)
        if days is None or self.is_final:
            return None
        return self.state_changed_at + timedelta(days=days)

    def is_overdue(self, deadlines: dict[str, int], now=None) -> bool:
        deadline = self.deadline_for(deadlines)
        return deadline is not None and deadline < (now or timezone.now())
