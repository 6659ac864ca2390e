from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="list-ul")
class FooterSettings(BaseSiteSetting):
    """The footer's mandatory links and the accessibility conformity status, as
    data editors update when the audit changes."""

    class AccessibilityStatus(models.TextChoices):
        NONE = "non", _("non conforme")
        PARTIAL = "partiellement", _("partiellement conforme")
        FULL = "totalement", _("totalement conforme")

    accessibility_status = models.CharField(
        _("conformité RGAA"),
        max_length=20,
        choices=AccessibilityStatus.choices,
        default=AccessibilityStatus.NONE,
        help_text=_("Statut affiché dans le pied de page, d'après le dernier audit."),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page accessibilité"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    legal_notice_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page mentions légales"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    personal_data_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page données personnelles"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    footer_description = models.TextField(
        _("description du pied de page"),
        blank=True,
    )

    panels = [
        FieldPanel("accessibility_status"),
        PageChooserPanel("accessibility_page"),
        PageChooserPanel("legal_notice_page"),
        PageChooserPanel("personal_data_page"),
        FieldPanel("footer_description"),
    ]

    class Meta:
        verbose_name = _("pied de page")
