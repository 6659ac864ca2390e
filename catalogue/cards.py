"""Listing cards of the catalogue: the ``dsfr_card`` item every catalogue page
kind starts from, built in one place. A page family adds its own details (a
pacte's territory and progress, a training offer's next session) through the
keyword arguments, and each kind is laid out by one include under
``templates/catalogue/cards/``."""

from django.utils.text import Truncator


def catalogue_card(
    page,
    request,
    heading_tag: str = "h3",
    *,
    badges: list[dict] | None = None,
    top_text: dict | None = None,
    bottom_detail: dict | None = None,
    description_max_length: int | None = None,
) -> dict:
    """A ``dsfr_card`` item for a catalogue page: title, link, summary and badges
    (by default its status and, when the model has one, its kind), with the
    politique publique as bottom detail unless the caller gives another one.
    Issues no query when ``theme`` and ``public_policy`` are selected with the page."""
    if badges is None:
        badges = [page.status_badge]
        kind_label = getattr(page, "get_kind_display", None)
        if kind_label:
            badges.append({"label": kind_label(), "extra_classes": "fr-badge--sm fr-badge--blue-cumulus"})
    card = {
        "title": page.title,
        "heading_tag": heading_tag,
        "link": page.get_url(request),
        "top_detail": {"badges": badges},
    }
    if description_max_length:
        card["description"] = page.listing_summary or page.summary
        card["description_max_length"] = description_max_length
    else:
        card["description"] = page.listing_summary or Truncator(page.summary).chars(200)
    if top_text:
        card["top_detail"]["detail"] = top_text
    if bottom_detail is None and page.public_policy_id:
        bottom_detail = {"text": page.public_policy.name, "icon_class": "fr-icon-bookmark-line"}
    if bottom_detail:
        card["bottom_detail"] = bottom_detail
    return card
