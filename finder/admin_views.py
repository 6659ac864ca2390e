"""Wagtail admin view: import a list of communes (CSV of INSEE codes) for a
territory type or for a programme's current beneficiaries, with a validation
report. Staff only."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .commune_lists import import_commune_list
from .forms import CommuneListImportForm
from .models import CommuneList


def user_can_import(user) -> bool:
    return user.is_active and user.is_staff


class CommuneListImportView(WagtailAdminTemplateMixin, FormView):
    form_class = CommuneListImportForm
    template_name = "finder/admin/commune_list_import.html"
    page_title = gettext_lazy("Importer une liste de communes")
    header_icon = "list-ul"

    def dispatch(self, request, *args, **kwargs):
        if not user_can_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        report = import_commune_list(
            upload.read(), user=self.request.user, source_name=upload.name, **form.target_kwargs()
        )
        if report.saved:
            messages.success(
                self.request,
                _("Liste importée : %(size)s (%(errors)s).")
                % {
                    "size": ngettext("%(count)s commune", "%(count)s communes", report.size)
                    % {"count": report.size},
                    "errors": ngettext(
                        "%(count)s ligne en erreur", "%(count)s lignes en erreur", len(report.problems)
                    )
                    % {"count": len(report.problems)},
                },
            )
        else:
            messages.error(
                self.request, _("Aucun code valide dans le fichier : la liste n'a pas été modifiée.")
            )
        return self.render_to_response(
            self.get_context_data(
                form=CommuneListImportForm(), report=report, target=form.cleaned_data["target"]
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = reverse("finder_commune_list_import")
        context["submit_button_label"] = _("Importer")
        context["submit_button_active_label"] = _("Import en cours…")
        context["form_is_multipart"] = True
        context["lists"] = CommuneList.objects.select_related(
            "territory_type", "page", "perimeter_page", "dataset", "imported_by"
        )
        return context
