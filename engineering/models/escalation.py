"""The délégué's request for national support, with its justification."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .request import EngineeringRequest


class NationalEscalation(models.Model):
    """Roadmap II c: the délégué justifies "de la fragilité de la collectivité
    porteuse et de l'insuffisance de ressource locale mobilisable et/ou du caractère
    innovant ou particulièrement complexe du projet". Fragility alone, or a lack
    of resources alone, is not a ground: the constraint holds the rule."""

    class Ground(models.TextChoices):
        FRAGILITY = (
            "fragilite",
            _("Fragilité de la collectivité porteuse et insuffisance de ressource locale mobilisable"),
        )
        INNOVATIVE = "innovant", _("Caractère innovant ou particulièrement complexe du projet")
        BOTH = (
            "les_deux",
            _("Les deux : collectivité fragile sans ressource locale, et projet innovant ou complexe"),
        )

    #: The flags each ground sets (the form's choice, stored as the three flags).
    GROUND_FLAGS = {
        Ground.FRAGILITY: {
            "fragility": True,
            "lack_of_local_resources": True,
            "innovative_or_complex": False,
        },
        Ground.INNOVATIVE: {
            "fragility": False,
            "lack_of_local_resources": False,
            "innovative_or_complex": True,
        },
        Ground.BOTH: {"fragility": True, "lack_of_local_resources": True, "innovative_or_complex": True},
    }

    request = models.OneToOneField(
        EngineeringRequest, on_delete=models.CASCADE, related_name="national_escalation"
    )
    fragility = models.BooleanField(_("fragilité de la collectivité porteuse"), default=False)
    lack_of_local_resources = models.BooleanField(
        _("insuffisance de ressource locale mobilisable"), default=False
    )
    innovative_or_complex = models.BooleanField(
        _("caractère innovant ou particulièrement complexe"), default=False
    )
    justification = models.TextField(_("justification"))
    escalated_at = models.DateTimeField(_("sollicité le"), auto_now_add=True)

    class Meta:
        verbose_name = _("sollicitation de l'appui national")
        verbose_name_plural = _("sollicitations de l'appui national")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(fragility=True, lack_of_local_resources=True)
                | models.Q(innovative_or_complex=True),
                name="engineering_escalation_roadmap_ground",
            ),
        ]

    def __str__(self):
        return str(self.request)

    @property
    def ground(self) -> str:
        both = self.fragility and self.lack_of_local_resources
        if both and self.innovative_or_complex:
            return self.Ground.BOTH
        return self.Ground.FRAGILITY if both else self.Ground.INNOVATIVE

    def get_ground_display(self) -> str:
        return str(self.Ground(self.ground).label)

    @property
    def reasons(self) -> list[str]:
        return [
            str(self._meta.get_field(name).verbose_name)
            for name in ("fragility", "lack_of_local_resources", "innovative_or_complex")
            if getattr(self, name)
        ]
