from django import template

from pactes.display import format_date, format_euros, progress_text

register = template.Library()

register.filter("euros", format_euros)
register.filter("date_or_unknown", format_date)
register.simple_tag(progress_text, name="progress_text")
