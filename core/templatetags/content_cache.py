"""``{% content_version %}``: the key part that expires cached fragments on publish."""

from django import template

from core import content_version as versions

register = template.Library()


@register.simple_tag
def content_version():
    return versions.current()
