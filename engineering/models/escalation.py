"""The délégué's request for national support, with its justification."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .request import EngineeringRequest


class NationalEscalation(models.Model):
    """Roadmap II c: the délégué justifies the fragility of the collectivité, the
    lack of local resources and/or the innovative or complex nature of the project."""

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
                condition=models.Q(fragility=True)
                | models.Q(lack_of_local_resources=True)
                | models.Q(innovative_or_complex=True),
                name="engineering_escalation_at_least_one_reason",
            ),
        ]

    def __str__(self):
        return str(self.request)

    @property
    def reasons(self) -> list[str]:
        return [
            str(self._meta.get_field(name).verbose_name)
            for name in ("fragility", "lack_of_local_resources", "innovative_or_complex")
            if getattr(self, name)
        ]
