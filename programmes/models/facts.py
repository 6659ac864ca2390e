"""A programme's key figures from public documents: each with the date it
describes and its source (``catalogue.SourcedFact``)."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey

from catalogue.models import SourcedFact

# The key of the fact that says when a programme was launched: a launch after the
# 2020 roadmap was adopted (by the agency's board, 17 June 2020) means the roadmap
# still had it "en incubation", which the page then shows as history.
LAUNCH_KEY = "lancement"
ROADMAP_ADOPTED = datetime.date(2020, 6, 17)


class ProgrammeFact(SourcedFact):
    page = ParentalKey("programmes.ProgrammePage", related_name="facts", on_delete=models.CASCADE)

    class Meta(SourcedFact.Meta):
        verbose_name = _("chiffre sourcé")
        verbose_name_plural = _("chiffres sourcés")
