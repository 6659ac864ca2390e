"""News as readers meet it outside its own page: DSFR cards (news index, home
page, a programme's or a pacte's page) and the feed links shown beside them.

A card says what the item is about (the programme or pacte it is published
under); the parents of a whole list are read in one query, not one per card.
"""

from django.apps import apps
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import Page


def _parents_by_path(items) -> dict[str, Page]:
    """The programme or pacte each item is published under (not the news index),
    keyed by its tree path, in one query."""
    paths = {item.path[: -Page.steplen] for item in items}
    if not paths:
        return {}
    index_model = apps.get_model("news", "NewsIndexPage")  # by name: the models import this module
    parents = Page.objects.filter(path__in=paths).not_type(index_model).only("title", "url_path", "path")
    return {parent.path: parent for parent in parents}


def news_cards(items, request=None, heading_tag: str = "h3", *, with_about: bool = True) -> list[dict]:
    """``dsfr_card`` items for ``items`` (news pages), in their order; each
    names the programme or pacte it is about unless ``with_about`` is False
    (on that programme's or pacte's own page)."""
    items = list(items)
    parents = _parents_by_path(items) if with_about else {}
    cards = []
    for item in items:
        card = {
            "title": item.title,
            "heading_tag": heading_tag,
            "link": item.get_url(request),
            "description": item.listing_summary or item.introduction,
            "description_max_length": 300,
            "top_detail": {
                "detail": {
                    "text": _("Publiée le %(date)s") % {"date": date_format(item.date, "j F Y")},
                    "icon_class": "fr-icon-calendar-line",
                }
            },
        }
        about = parents.get(item.path[: -Page.steplen])
        if about is not None:
            card["bottom_detail"] = {
                "text": _("À propos de : %(title)s") % {"title": about.title},
                "icon_class": "fr-icon-bookmark-line",
            }
        cards.append(card)
    return cards


def feed_links(page=None) -> list[dict]:
    """The RSS and Atom feeds of ``page``'s news (a programme, a pacte), or of
    the whole site's news when ``page`` is None: ``label``, ``href``, ``type``."""
    if page is None:
        names, args = ("news:rss", "news:atom"), []
    else:
        names, args = ("news:page_rss", "news:page_atom"), [page.pk]
    return [
        {"label": _("Flux RSS"), "href": reverse(names[0], args=args), "type": "application/rss+xml"},
        {"label": _("Flux Atom"), "href": reverse(names[1], args=args), "type": "application/atom+xml"},
    ]
