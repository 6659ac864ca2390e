"""Small presentation helpers for the territories templates."""

import re

from django import template
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.formats import number_format

register = template.Library()

#: What the official lists put between two addresses of one field: ";", ",", "/",
#: spaces, or " - " (a lone hyphen, which an address cannot be).
EMAIL_SEPARATORS = re.compile(r"[;,/\s]+")

BADGE_CLASSES = {
    "met": "fr-badge--success",
    "to_check": "fr-badge--warning",
    "not_met": "fr-badge--error",
    "eligible": "fr-badge--success",
    "not_eligible": "fr-badge--error",
}


@register.filter
def thousands(value):
    """8123 → "8 123" (French grouping), empty for None."""
    if value in (None, ""):
        return ""
    return number_format(value, force_grouping=True)


@register.filter
def email_addresses(value) -> list[str]:
    """The addresses of a contact field, one per ``mailto:`` link: the France
    services list sometimes gives two or three in one field ("a@x.fr - b@x.fr"),
    which as one link would open a message to nobody."""
    addresses = []
    for token in EMAIL_SEPARATORS.split(value or ""):
        try:
            validate_email(token)
        except ValidationError:
            continue
        addresses.append(token)
    return addresses


@register.inclusion_tag("territories/includes/email_links.html")
def email_links(value):
    """One link per address of ``value``; the text as given if none is valid."""
    return {"addresses": email_addresses(value), "text": value}


@register.filter
def badge_class(outcome) -> str:
    """DSFR badge modifier for a criterion outcome or a verdict."""
    return BADGE_CLASSES.get(str(outcome), "fr-badge--info")
