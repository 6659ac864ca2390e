"""Admin report "Critères sans source": every catalogue page that states
eligibility criteria but cites no source for them, so that editors see what a
reader cannot check yet. Built on Wagtail's page report (filters, export)."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page

from .models import EligibilityCriteria

RELATIONS = (
    "eligible_territory_types",
    "eligible_beneficiary_types",
    "eligible_regions",
    "eligible_departements",
)


def pages_without_criteria_source() -> list[int]:
    """Ids of pages with at least one criterion and no ``eligibility_source``
    (one query per page model, relations prefetched)."""
    ids = []
    for model in apps.get_models():
        if not (issubclass(model, Page) and issubclass(model, EligibilityCriteria)):
            continue
        for page in model.objects.filter(eligibility_source__isnull=True).prefetch_related(*RELATIONS):
            if page.has_criteria():
                ids.append(page.pk)
    return ids


class CriteriaWithoutSourceView(PageReportView):
    page_title = _("Critères sans source")
    header_icon = "warning"
    index_url_name = "criteria_without_source"
    index_results_url_name = "criteria_without_source_results"

    def get_filename(self):
        return "criteres-sans-source"

    def get_queryset(self):
        self.queryset = Page.objects.filter(pk__in=pages_without_criteria_source()).specific(defer=True)
        return super().get_queryset()
