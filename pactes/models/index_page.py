from django.apps import apps
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from home.models import BasePage
from territories.maps import MapEntry, departement_map

from ..display import pacte_card
from .pacte_page import PactePage


class PacteIndexPage(BasePage):
    """The list of pactes with their territory, status and progress. Its queries
    are bounded whatever the number of pactes: progress is annotated, départements
    are prefetched."""

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("Ce que sont les pactes et contrats de cohésion territoriale."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["pactes.PactePage"]

    def get_pactes(self):
        departements = apps.get_model("territories", "Departement").objects.order_by("code")
        return (
            PactePage.objects.child_of(self)
            .live()
            .public()
            .with_progress()
            .select_related("theme")
            .prefetch_related(Prefetch("covered_departements", queryset=departements))
            .order_by("path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pactes = list(self.get_pactes())
        context["pacte_cards"] = [pacte_card(pacte, request) for pacte in pactes]
        context["pacte_map"] = self.pacte_map(pactes)
        return context

    @staticmethod
    def pacte_map(pactes) -> dict:
        """The départements the pactes cover, on the map and in its list, each
        with the pactes that cover it (all or part of it)."""
        entries = {}
        for pacte in pactes:
            for departement in pacte.covered_departements.all():
                entry = entries.setdefault(departement.code, MapEntry(departement.code, departement.name))
                entry.items.append({"title": pacte.title, "url": pacte.url})
        return departement_map(
            list(entries.values()),
            caption=_("Départements couverts par au moins un pacte publié."),
            legend_title=_("Légende"),
            highlight_label=_("Département couvert par au moins un pacte"),
        )

    class Meta:
        verbose_name = _("liste des pactes")
