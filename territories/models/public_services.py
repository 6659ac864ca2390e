"""Public lists the agency publishes about its own network, loaded as reference
data: the France services structures and the agency's single desk in each
département. They mirror official files and depend on no content app, hence
their place in ``territories`` (the délégué block and the data page read them).

Every file loaded is an ``OfficialDataset`` (``datasets.py``): its publisher,
date and licence travel with the rows and are shown wherever the rows are used.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils.translation import gettext_lazy as _

from .datasets import OfficialDataset
from .reference import Commune, Departement

#: The source's placeholder for an opening slot it does not know ("00:00 - 00:00").
UNKNOWN_SLOT = re.compile(r"^0?0[:h]00\s*-\s*0?0[:h]00$")
#: What separates two addresses in one e-mail field of the source (" - ", ";", ",", spaces).
ADDRESS_SEPARATORS = re.compile(r"[\s,;]+(?:-[\s,;]+)?")


def readable_hours(hours: str) -> str:
    """A day's opening hours without the source's placeholder slots; empty
    when it gives no real slot for the day."""
    slots = [slot.strip() for slot in (hours or "").split("/")]
    return " / ".join(slot for slot in slots if slot and not UNKNOWN_SLOT.match(slot))


#: The days as the source names them, in order.
WEEK = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def _next_day(day: str) -> str | None:
    return WEEK[WEEK.index(day) + 1] if day in WEEK[:-1] else None


def _day_range(first: str, last: str) -> str:
    if first == last:
        return first
    if _next_day(first) == last:
        return _("%(first)s et %(last)s") % {"first": first, "last": last}
    return _("du %(first)s au %(last)s") % {"first": first, "last": last}


def email_addresses(field: str) -> list[str]:
    """The valid addresses of a source e-mail field, which sometimes holds two
    or three ("a@x.fr - b@x.fr"): each gets its own ``mailto:`` link."""
    found = []
    for part in ADDRESS_SEPARATORS.split(field or ""):
        try:
            validate_email(part)
        except ValidationError:
            continue
        found.append(part)
    return found


class FranceServicesStructure(models.Model):
    """A France services structure (a fixed office, an antenna, a bus…)."""

    identifier = models.CharField(_("identifiant"), max_length=20, unique=True)
    name = models.CharField(_("nom"), max_length=200)
    departement = models.ForeignKey(
        Departement, on_delete=models.PROTECT, related_name="france_services", verbose_name=_("département")
    )
    commune = models.ForeignKey(
        Commune, on_delete=models.PROTECT, related_name="france_services", verbose_name=_("commune")
    )
    address = models.CharField(_("adresse"), max_length=300)
    postal_code = models.CharField(_("code postal"), max_length=5, blank=True)
    city = models.CharField(_("ville"), max_length=200, blank=True)
    email = models.CharField(_("courriel"), max_length=200, blank=True)
    phone = models.CharField(_("téléphone"), max_length=60, blank=True)
    opening_hours = models.JSONField(
        _("horaires"), default=list, help_text=_("[jour, horaires] par jour ouvert")
    )
    appointment = models.BooleanField(_("sur rendez-vous"), default=False)
    kind = models.CharField(_("type"), max_length=40, blank=True)
    format = models.CharField(_("format"), max_length=40, blank=True)
    dataset = models.ForeignKey(OfficialDataset, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["departement_id", "name"]
        verbose_name = _("structure France services")
        verbose_name_plural = _("structures France services")

    def __str__(self):
        return self.name

    @property
    def hours_by_day(self) -> list[tuple[str, str]]:
        """(day, hours) for each day the source lists, the hours it does not
        know said in words rather than the "00:00 - 00:00" it writes."""
        return [
            (day, readable_hours(hours) or str(_("horaires non communiqués")))
            for day, hours in self.opening_hours
        ]

    @property
    def hours_by_days(self) -> list[tuple[str, str]]:
        """(days, hours) with the following days that keep the same hours said
        once: "du lundi au vendredi", "09:00 - 12:00". Read faster, and half as
        long on a commune page that lists a dozen structures."""
        runs: list[list] = []
        for day, hours in self.hours_by_day:
            last = runs[-1] if runs else None
            if last and last[2] == hours and _next_day(last[1]) == day:
                last[1] = day
            else:
                runs.append([day, day, hours])
        return [(_day_range(first, last), hours) for first, last, hours in runs]

    @property
    def email_addresses(self) -> list[str]:
        return email_addresses(self.email)


class SingleDesk(models.Model):
    """A State service acting as the agency's single desk for the local
    authorities of a département (préfecture, sous-préfecture or DDT)."""

    departement = models.ForeignKey(
        Departement, on_delete=models.PROTECT, related_name="single_desks", verbose_name=_("département")
    )
    service = models.CharField(_("service"), max_length=200)
    address = models.CharField(_("adresse"), max_length=300, blank=True)
    email = models.CharField(_("courriel"), max_length=200, blank=True)
    phone = models.CharField(_("téléphone"), max_length=60, blank=True)
    website = models.URLField(_("page web"), max_length=500, blank=True)
    updated_on = models.DateField(_("mise à jour"), null=True, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)
    dataset = models.ForeignKey(OfficialDataset, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["departement_id", "sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["departement", "service"], name="unique_single_desk_service")
        ]
        verbose_name = _("guichet unique de l'agence")
        verbose_name_plural = _("guichets uniques de l'agence")

    def __str__(self):
        return self.service
