"""The programme index: every live public programme, filterable server-side by
thématique, politique publique, modalité, statut and beneficiary type.

No pagination: the catalogue holds a few dozen entries and the list is grouped
by thématique; the number of queries does not depend on the number of
programmes (taxonomies are selected or prefetched).
"""

from itertools import groupby

from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from catalogue.cards import catalogue_card
from home.models import BasePage
from programmes.forms import ProgrammeFilterForm
from territories.text import collation_key

from .programme_page import ProgrammePage


def _listing_order(page) -> tuple:
    """Grouped by thématique (in its order), then by title as a French reader sorts."""
    theme = (page.theme.sort_order, collation_key(page.theme.name)) if page.theme else (10**6, ("", "", ""))
    return (*theme, collation_key(page.title))


class ProgrammeIndexPage(BasePage):
    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["programmes.ProgrammePage"]
    max_count = 1

    def programmes(self):
        """Live public programmes under this index, with what a card shows."""
        return (
            ProgrammePage.objects.child_of(self)
            .live()
            .public()
            .select_related("theme", "public_policy", "public_policy__theme")
            .prefetch_related("partners", "eligible_beneficiary_types")
            .order_by("theme__sort_order", "theme__name", "title")
        )

    def get_context(self, request, *args, **kwargs):

        context = super().get_context(request, *args, **kwargs)
        form = ProgrammeFilterForm(request.GET or None)
        if form.is_bound:
            form.is_valid()
        # Lazy: the template caches the list (core.content_version), so on a hit no query runs.
        programmes = SimpleLazyObject(
            lambda: sorted(
                form.filter(self.programmes()),
                key=_listing_order,
            )
        )

        def grouped():
            return [
                {"theme": theme, "cards": [catalogue_card(page, request, heading_tag="h3") for page in pages]}
                for theme, pages in groupby(programmes, key=lambda page: page.theme)
            ]

        context.update(
            filter_form=form,
            programmes=programmes,
            groups=SimpleLazyObject(grouped),
            result_count=SimpleLazyObject(lambda: len(programmes)),
            unstated=SimpleLazyObject(
                lambda: [(name, count) for name, count in form.unstated(list(self.programmes())) if count]
            ),
        )
        return context

    class Meta:
        verbose_name = _("index des programmes")
