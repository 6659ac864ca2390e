"""Synonyms editors maintain for the site search (a snippet)."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet

# Characters with a meaning in the engine's synonym syntax ("=>" rules, comments).
_FORBIDDEN = re.compile(r"=>|[#\\]")


class SearchSynonym(models.Model):
    """A set of equivalent words: searching any of them finds pages with the others.

    Applied at query time: by the engine's analysis (see ``search.synonyms``) and
    by the database backend's query expansion (``search.expansion``).
    """

    terms = models.CharField(
        _("termes équivalents"),
        max_length=500,
        unique=True,
        help_text=_("Séparés par des virgules, par exemple : « PVD, Petites villes de demain »."),
    )
    note = models.CharField(_("note pour les éditeurs"), max_length=255, blank=True)

    panels = [FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        ordering = ["terms"]
        verbose_name = _("synonyme de recherche")
        verbose_name_plural = _("synonymes de recherche")

    def __str__(self):
        return self.terms

    @property
    def term_list(self) -> list[str]:
        return [term.strip() for term in self.terms.split(",") if term.strip()]

    def clean(self):
        if _FORBIDDEN.search(self.terms):
            raise ValidationError({"terms": _("Les caractères « => », « # » et « \\ » ne sont pas permis.")})
        if len(self.term_list) < 2:
            raise ValidationError({"terms": _("Indiquez au moins deux termes séparés par une virgule.")})
        self.terms = ", ".join(self.term_list)

    def as_rule(self) -> str:
        return ", ".join(_FORBIDDEN.sub(" ", term) for term in self.term_list)


register_snippet(SearchSynonym)
