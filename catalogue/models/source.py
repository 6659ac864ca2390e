"""Where a fact comes from: a published document an editor can cite.

One row per document (a decree, a press release, a programme's official page),
so that an eligibility criterion, a pacte's figure or an imported list can point
to the same source and a reader can check it.
"""

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel


class Source(models.Model):
    class Kind(models.TextChoices):
        OFFICIAL = "officiel", _("texte officiel")
        PRESS = "presse", _("presse")
        OTHER = "autre", _("autre")

    publisher = models.CharField(
        _("éditeur"), max_length=200, help_text=_("Qui publie : ministère, préfecture, journal…")
    )
    title = models.CharField(_("titre"), max_length=300)
    url = models.URLField(_("adresse"), max_length=500)
    published_on = models.DateField(_("date de publication"), null=True, blank=True)
    kind = models.CharField(_("nature"), max_length=20, choices=Kind.choices, default=Kind.OFFICIAL)
    note = models.TextField(_("remarque"), blank=True)

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("publisher"), FieldPanel("kind")]),
        FieldPanel("url"),
        FieldPanel("published_on"),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["publisher", "title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        """« Éditeur — Titre (date) », as a reader would cite it."""
        text = f"{self.publisher} — {self.title}"
        if self.published_on:
            text = f"{text} ({date_format(self.published_on, 'j F Y')})"
        return text
