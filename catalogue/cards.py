"""How catalogue pages look in lists: the dictionaries django-dsfr's card tag
takes, built in one place for the index, the related programmes and whoever
lists catalogue pages (pactes, search)."""

from django.utils.text import Truncator


def catalogue_card(page, request, heading_tag: str = "h3") -> dict:
    """A ``dsfr_card`` item for a catalogue page: title, summary, status and kind
    badges, politique publique as detail. Issues no query when ``theme`` and
    ``public_policy`` are selected with the page."""
    badges = [page.status_badge]
    kind_label = getattr(page, "get_kind_display", None)
    if kind_label:
        badges.append({"label": kind_label(), "extra_classes": "fr-badge--sm fr-badge--blue-cumulus"})
    card = {
        "title": page.title,
        "heading_tag": heading_tag,
        "link": page.get_url(request),
        "description": page.listing_summary or Truncator(page.summary).chars(200),
        "top_detail": {"badges": badges},
    }
    if page.public_policy_id:
        card["bottom_detail"] = {"text": page.public_policy.name, "icon_class": "fr-icon-bookmark-line"}
    return card
