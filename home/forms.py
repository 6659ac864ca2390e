"""Which markup a form gets: the State design system on the public site, Django's
and Wagtail's own in the admin.

django-dsfr ships its own ``django/forms/widgets/*.html`` (checkbox and radio
options wrapped in DSFR markup). Rendered through the project's template
settings they win everywhere, the Wagtail admin included, where a checkbox list
then shows each box away from its label (the ticked APVF box looked like ANRU).
So the default renderer (``FORM_RENDERER``, used by the admin) takes Django's
built-in widget templates first, and only public forms (``PublicForm``) render
with django-dsfr's.
"""

from django.forms.renderers import DjangoTemplates, TemplatesSetting
from dsfr.forms import DsfrBaseForm

DJANGO_FORMS_PREFIX = "django/forms/"


class AdminFormRenderer(TemplatesSetting):
    """The project's templates, except Django's own form and widget templates,
    which come from Django itself rather than from django-dsfr's overrides."""

    builtin = DjangoTemplates()

    def get_template(self, template_name):
        if template_name.startswith(DJANGO_FORMS_PREFIX):
            return self.builtin.get_template(template_name)
        return super().get_template(template_name)


class PublicForm(DsfrBaseForm):
    """A form of the public site: DSFR field markup through the project's
    templates (django-dsfr's widget templates and ours, such as the upload field)."""

    default_renderer = TemplatesSetting
