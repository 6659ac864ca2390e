from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable


class TrainingSession(Orderable):
    """One dated session of an offer, on site or online."""

    page = ParentalKey("training.TrainingOfferPage", related_name="sessions", on_delete=models.CASCADE)
    date = models.DateField(_("date"))
    place = models.CharField(
        _("lieu"),
        max_length=200,
        blank=True,
        help_text=_("Ville et adresse de la session en présentiel."),
    )
    is_online = models.BooleanField(_("à distance"), default=False)
    seats = models.IntegerField(
        _("nombre de places"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0, message=_("Le nombre de places ne peut pas être négatif."))],
        help_text=_("Laissez vide si le nombre de places n'est pas limité ou pas connu."),
    )

    panels = [
        FieldPanel("date"),
        FieldRowPanel([FieldPanel("place"), FieldPanel("is_online")]),
        FieldPanel("seats"),
    ]

    def clean(self):
        super().clean()
        if not self.is_online and not self.place.strip():
            raise ValidationError(
                {
                    "place": _("Indiquez le lieu de la session ou cochez « à distance »."),
                }
            )

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(seats__gte=0) | models.Q(seats__isnull=True),
                name="training_session_seats_non_negative",
            ),
        ]
