from django.db.models import Count, F, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from catalogue.cards import catalogue_card
from home.models import BasePage

from .offer_page import TrainingOfferPage
from .session import TrainingSession


class TrainingIndexPage(BasePage):
    """Lists the offers, those with an upcoming session first (soonest first),
    then the others. The next session date is annotated in the same query."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ul"])

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["training.TrainingOfferPage"]

    def get_offers(self):
        today = timezone.localdate()
        next_session = (
            TrainingSession.objects.filter(page=OuterRef("pk"), date__gte=today)
            .order_by("date")
            .values("date")[:1]
        )
        return (
            TrainingOfferPage.objects.child_of(self)
            .live()
            .public()
            .annotate(
                next_session_date=Subquery(next_session),
                upcoming_session_count=Count("sessions", filter=Q(sessions__date__gte=today)),
            )
            .prefetch_related("audiences", "partners")
            .order_by(F("next_session_date").asc(nulls_last=True), "path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["offer_cards"] = [offer_card(offer, request) for offer in self.get_offers()]
        return context

    class Meta:
        verbose_name = _("liste des formations")


def offer_card(offer, request) -> dict:
    """A card of the training index: the catalogue card with the offer's kind and
    format, its audiences and its next session (annotated by ``get_offers``)."""
    badges = [{"label": offer.get_kind_display(), "extra_classes": "fr-badge--sm fr-badge--purple-glycine"}]
    if offer.format:
        badges.append({"label": offer.get_format_display(), "extra_classes": "fr-badge--sm"})
    audiences = ", ".join(str(audience) for audience in offer.audiences.all())
    if offer.next_session_date:
        session = _g("Prochaine session : %(date)s") % {"date": date_format(offer.next_session_date, "j F Y")}
    else:
        session = _g("Prochaines sessions à venir")
    return catalogue_card(
        offer,
        request,
        heading_tag="h2",
        badges=badges,
        top_text={"text": _g("Pour : %(audiences)s") % {"audiences": audiences}} if audiences else None,
        bottom_detail={"text": session, "icon_class": "fr-icon-calendar-line"},
        description_max_length=300,
    )
