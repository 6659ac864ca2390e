"""The yearly consolidation per département (roadmap II c: reported once a
year to the agency's head office), as a Wagtail report: a table on screen and
the report's own "Télécharger CSV / XLSX" buttons, over the requests the user
sees. No personal data: counts only."""

from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from ..models import EngineeringRequest
from . import reporting
from .exports import FrenchCsvMixin
from .views import NotFoundUnlessAllowedMixin


class ConsolidationView(NotFoundUnlessAllowedMixin, FrenchCsvMixin, ReportView):
    model = EngineeringRequest
    any_permission_required = ["view"]
    template_name = "engineering/admin/consolidation.html"
    header_icon = "table"
    index_url_name = "engineering_admin:consolidation"
    paginate_by = None
    list_export = [key for key, _label in reporting.CONSOLIDATION_COLUMNS]
    export_headings = dict(reporting.CONSOLIDATION_COLUMNS)

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.current_year = timezone.now().year
        self.year = reporting.export_year(request.GET.get("annee"), self.current_year)
        if self.year is None:
            raise Http404  # not a year this consolidation can cover

    def get_page_title(self):
        return _("Consolidation annuelle %(year)s") % {"year": self.year}

    def get_breadcrumbs_items(self):
        requests = {"url": reverse("engineering_admin:index"), "label": _("Demandes d'ingénierie")}
        return [*self.breadcrumbs_items, requests, {"url": "", "label": self.get_page_title()}]

    def get_filename(self):
        return f"consolidation-ingenierie-{self.year}"

    @cached_property
    def columns(self):
        return [Column(key, label=label) for key, label in reporting.CONSOLIDATION_COLUMNS]

    def get_queryset(self):
        visible = self.permission_policy.instances_user_has_permission_for(self.request.user, "view")
        return reporting.consolidation(visible, self.year)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        first = reporting.FIRST_REQUEST_YEAR
        context.update(year=self.year, years=range(self.current_year + 1, first - 1, -1))
        return context
