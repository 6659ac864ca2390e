"""Admin of the official lists: the list of datasets with their provenance and
last import report, and the import of a new version of a shipped list (a newer
file published by the agency) through the same importer as ``make run``."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy

from .datasets import import_dataset, spec_for
from .models import OfficialDataset

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class DatasetPermissionPolicy(ModelPermissionPolicy):
    """Datasets come from the manifest with their file: the admin describes and
    re-imports them, it does not create them out of nothing."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)


class DatasetImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Nouveau fichier (CSV)"),
        help_text=gettext_lazy(
            "Même colonnes que le fichier actuel ; UTF-8 ou Windows-1252, séparateur virgule ou point-virgule. "
            "Les lignes en erreur sont signalées et ignorées ; les communes de la liste sont remplacées par "
            "celles des lignes valides. Un fichier sans ses colonnes ou sans ligne valide ne change rien."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Fichier trop volumineux (10 Mo au plus)."))
        return upload


class DatasetImportView(WagtailAdminTemplateMixin, FormView):
    form_class = DatasetImportForm
    template_name = "territories/admin/dataset_import.html"
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        self.dataset = get_object_or_404(OfficialDataset, pk=kwargs["pk"])
        self.spec = spec_for(self.dataset.key)
        if not DatasetPermissionPolicy(OfficialDataset).user_has_permission(request.user, "change"):
            raise PermissionDenied
        if self.spec is None:
            messages.error(
                request, _("Cette liste n’a pas de description dans le manifeste : import impossible.")
            )
            return redirect("official_datasets:index")
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Importer une nouvelle version : %(title)s") % {"title": self.dataset.title}

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        report = import_dataset(self.spec, upload.read(), file_name=upload.name)
        if report.refused:
            messages.error(self.request, _("Fichier refusé : la liste n’a pas été modifiée."))
        else:
            messages.success(self.request, report.summary())
        context = self.get_context_data(form=DatasetImportForm(), report=report)
        return self.render_to_response(context)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            dataset=self.dataset,
            action_url=self.request.path,
            submit_button_label=_("Importer"),
            submit_button_active_label=_("Import en cours…"),
            form_is_multipart=True,
        )
        return context


class OfficialDatasetViewSet(ModelViewSet):
    """The official lists and zonages: provenance editable, import of a new
    version, inspect view with the last report."""

    model = OfficialDataset
    icon = "table"
    menu_label = gettext_lazy("Listes officielles")
    menu_order = 460
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    search_fields = ["title", "key", "publisher"]
    list_filter = ["kind", "scope"]
    list_display = [
        "title",
        Column("kind", label=gettext_lazy("Nature"), accessor="get_kind_display"),
        "date_label",
        Column("communes_count", label=gettext_lazy("Communes")),
        DateColumn("imported_at", label=gettext_lazy("Importée le")),
    ]
    inspect_view_fields = [
        "key",
        "title",
        "kind",
        "scope",
        "publisher",
        "url",
        "date_label",
        "citation",
        "licence",
        "file_name",
        "notes",
        "rows",
        "communes_count",
        "territories_count",
        "counts",
        "rejected",
        "imported_at",
    ]
    form_fields = ["title", "list_name", "entry_label", "url", "date_label", "citation", "licence", "notes"]

    @property
    def import_view(self):
        return DatasetImportView.as_view()

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("import/<int:pk>/", self.import_view, name="import")]

    @property
    def inspect_view_class(self):
        base = super().inspect_view_class

        class InspectWithImport(base):
            @property
            def header_buttons(self):
                buttons = list(super().header_buttons)
                if spec_for(self.object.key) is not None:
                    buttons.append(
                        HeaderButton(
                            _("Importer une nouvelle version"),
                            url=reverse("official_datasets:import", args=[self.object.pk]),
                            icon_name="upload",
                        )
                    )
                return buttons

        return InspectWithImport
