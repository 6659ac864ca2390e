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
from django.forms.widgets import RadioSelect
from dsfr.forms import DsfrBaseForm, DsfrBoundField

DJANGO_FORMS_PREFIX = "django/forms/"


class AdminFormRenderer(TemplatesSetting):
    """The project's templates, except Django's own form and widget templates,
    which come from Django itself rather than from django-dsfr's overrides."""

    builtin = DjangoTemplates()

    def get_template(self, template_name):
        if template_name.startswith(DJANGO_FORMS_PREFIX):
            return self.builtin.get_template(template_name)
        return super().get_template(template_name)


class PublicBoundField(DsfrBoundField):
    """A field whose input is described by its hint *and* its error.

    django-dsfr replaces the hint with the error in ``aria-describedby`` once the
    form has errors (the hint is then no longer read), and Django describes no
    radio button at all (``use_fieldset``): a radio button reached in a group in
    error was read without the error. Here every input, each radio button
    included, is described by the hint and then the error. The ``dsfr``
    attribute django-dsfr puts on radio buttons is not HTML (its radio template
    never reads it), so it is dropped."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        ids = []
        if self.field.help_text and self.auto_id:
            ids.append(f"{self.auto_id}_helptext")
        if self.form._errors is not None and self.errors:
            ids.append(f"{self.auto_id}-desc-error")
        if ids:
            attrs["aria-describedby"] = " ".join(ids)
        if isinstance(widget, RadioSelect):
            widget.attrs.pop("dsfr", None)
        return attrs


class PublicForm(DsfrBaseForm):
    """A form of the public site: DSFR field markup through the project's
    templates (django-dsfr's widget templates and ours, such as the upload field)."""

    default_renderer = TemplatesSetting
    bound_field_class = PublicBoundField
