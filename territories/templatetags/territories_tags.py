"""Small presentation helpers for the territories templates."""

from django import template
from django.utils.formats import number_format

register = template.Library()

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
def badge_class(outcome) -> str:
    """DSFR badge modifier for a criterion outcome or a verdict."""
    return BADGE_CLASSES.get(str(outcome), "fr-badge--info")
