"""Forms of the finder admin: the import of a list of communes."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from catalogue.models import TerritoryType

from .eligibility import eligibility_page_models

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


def target_choices():
    """Territory types, programme/pacte pages (current beneficiaries) and partial
    perimeters, as "type:<id>" / "page:<id>" / "perimeter:<id>"."""
    types = [
        (f"type:{t.pk}", t.name) for t in TerritoryType.objects.filter(rule=TerritoryType.Rule.IMPORTED_LIST)
    ]
    pages, perimeters = [], []
    for model in eligibility_page_models():
        for p in model.objects.order_by("title").only("pk", "title", "perimeter"):
            pages.append((f"page:{p.pk}", f"{p.title} ({model._meta.verbose_name})"))
            if p.is_partial:
                perimeters.append((f"perimeter:{p.pk}", f"{p.title} ({model._meta.verbose_name})"))
    return [
        ("", _("Choisir…")),
        (_("Type de territoire (zonage)"), types),
        (_("Bénéficiaires actuels d'un programme ou d'un pacte"), pages),
        (_("Communes d'un périmètre partiel"), perimeters),
    ]


class CommuneListImportForm(forms.Form):
    target = forms.ChoiceField(
        label=_("Liste à remplacer"),
        help_text=_(
            "Un type de territoire (communes en QPV, communes de montagne…) ou les bénéficiaires "
            "actuels d'un programme (par exemple les communes déjà dans Petites villes de demain)."
        ),
    )
    file = forms.FileField(
        label=_("Fichier CSV des codes INSEE"),
        help_text=_(
            "Une commune par ligne ; le code INSEE en première colonne ou dans une colonne "
            "« code_insee ». Séparateur virgule ou point-virgule. Les lignes en erreur sont "
            "signalées et ignorées ; la liste précédente est remplacée par les lignes valides."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = target_choices()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Fichier trop volumineux (5 Mo au plus)."))
        return upload

    def target_kwargs(self) -> dict:
        """{"territory_type": …}, {"page": …} or {"perimeter_page": …} for the import service."""
        kind, _sep, pk = self.cleaned_data["target"].partition(":")
        if kind == "type":
            return {"territory_type": TerritoryType.objects.get(pk=pk)}

        key = "perimeter_page" if kind == "perimeter" else "page"
        return {key: Page.objects.get(pk=pk)}
