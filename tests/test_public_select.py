"""The public forms' select template (``templates/django/forms/widgets/select.html``)
writes its options itself instead of including a template per option: the markup must
stay exactly Django's, whatever the choices, groups and selection."""

from django import forms
from django.forms.renderers import DjangoTemplates, TemplatesSetting
from hypothesis import given
from hypothesis import strategies as st

labels = st.text(st.characters(blacklist_categories=["Cs"]), max_size=20)
choices = st.lists(
    st.tuples(st.text("abc0123456789-", min_size=1, max_size=6), labels), max_size=8, unique_by=lambda c: c[0]
)
groups = st.lists(st.tuples(labels.filter(bool), choices), max_size=3)


def both(widget: forms.Select, value) -> tuple[str, str]:
    context = widget.get_context("champ", value, {"id": "id_champ", "aria-describedby": "aide"})
    template = widget.template_name
    return TemplatesSetting().render(template, context), DjangoTemplates().render(template, context)


@given(flat=choices, grouped=groups, data=st.data())
def test_a_select_renders_as_djangos_own_template(flat, grouped, data):
    all_values = [value for value, _label in flat] + [
        value for _name, items in grouped for value, _label in items
    ]
    selected = data.draw(st.sampled_from(all_values)) if all_values else ""
    for widget, value in (
        (forms.Select(choices=[("", "---"), *flat, *grouped]), selected),
        (forms.SelectMultiple(choices=[*flat, *grouped]), [selected]),
        (forms.NullBooleanSelect(), data.draw(st.sampled_from(["true", "false", "unknown", None]))),
    ):
        ours, djangos = both(widget, value)
        assert ours == djangos
    if selected:
        assert " selected>" in both(forms.Select(choices=[*flat, *grouped]), selected)[0]
