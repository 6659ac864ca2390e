"""A programme's key figures from public documents: each with the date it
describes and its source (``catalogue.SourcedFact``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey

from catalogue.models import SourcedFact

# The key of the fact that says when a programme was launched: with it, a
# programme still "en incubation" in the 2020 roadmap shows that status as history.
LAUNCH_KEY = "lancement"


class ProgrammeFact(SourcedFact):
    page = ParentalKey("programmes.ProgrammePage", related_name="facts", on_delete=models.CASCADE)

    class Meta(SourcedFact.Meta):
        verbose_name = _("chiffre sourcé")
        verbose_name_plural = _("chiffres sourcés")
