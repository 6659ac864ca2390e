"""Admin for the catalogue taxonomies: one "Catalogue" menu gathering the
thématiques, politiques publiques, partners, beneficiary and territory types,
and the sources editors cite.

The lists search with the database (``search_backend_name = None``): the tables
are small and editors must find a value they just created, whatever the state
of the search index.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_reports import CriteriaWithoutSourceView
from .models import BeneficiaryType, Partner, PublicPolicy, Source, TerritoryType, Theme


class TaxonomyViewSet(SnippetViewSet):
    search_backend_name = None
    search_fields = ["name"]
    copy_view_enabled = False


class ThemeViewSet(TaxonomyViewSet):
    model = Theme
    icon = "folder-open-inverse"
    menu_label = _("Thématiques")
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]


class PublicPolicyViewSet(TaxonomyViewSet):
    model = PublicPolicy
    icon = "folder-inverse"
    menu_label = _("Politiques publiques")
    list_display = ["name", "theme", "sort_order"]
    list_filter = ["theme"]
    ordering = ["theme__sort_order", "sort_order", "name"]


class PartnerViewSet(TaxonomyViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Partenaires")
    list_display = ["name", "acronym", "kind", "is_first_circle_operator"]
    list_filter = ["kind", "is_first_circle_operator"]
    search_fields = ["name", "acronym"]


class BeneficiaryTypeViewSet(TaxonomyViewSet):
    model = BeneficiaryType
    icon = "user"
    menu_label = _("Types de bénéficiaires")
    list_display = ["name", "slug", "sort_order"]


class TerritoryTypeViewSet(TaxonomyViewSet):
    model = TerritoryType
    icon = "site"
    menu_label = _("Types de territoires")
    list_display = ["name", "rule", "slug"]
    list_filter = ["rule"]


class SourceViewSet(TaxonomyViewSet):
    model = Source
    icon = "link-external"
    menu_label = _("Sources")
    list_display = ["title", "publisher", "kind", "published_on"]
    list_filter = ["kind"]
    search_fields = ["title", "publisher"]
    ordering = ["publisher", "title"]


class CatalogueViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Catalogue")
    menu_icon = "folder-open-1"
    menu_order = 200
    items = (
        ThemeViewSet,
        PublicPolicyViewSet,
        PartnerViewSet,
        BeneficiaryTypeViewSet,
        TerritoryTypeViewSet,
        SourceViewSet,
    )


register_snippet(CatalogueViewSetGroup)


@hooks.register("register_admin_urls")
def register_criteria_report_urls():
    return [
        path(
            "rapports/criteres-sans-source/",
            CriteriaWithoutSourceView.as_view(),
            name="criteria_without_source",
        ),
        path(
            "rapports/criteres-sans-source/resultats/",
            CriteriaWithoutSourceView.as_view(results_only=True),
            name="criteria_without_source_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_criteria_report_menu_item():
    return AdminOnlyMenuItem(
        _("Critères sans source"), reverse("criteria_without_source"), icon_name="warning", order=900
    )
