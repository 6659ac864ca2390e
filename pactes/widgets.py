"""Admin widgets of the pacte editor."""

from django import forms


class CodeListInput(forms.TextInput):
    """Edits a many-to-many of territorial rows (communes) as a comma-separated
    list of official codes. With ~35,000 communes a select box is unusable and
    editors know the INSEE codes; the model field still validates each code."""

    def format_value(self, value):
        if not value:
            return ""
        if isinstance(value, str):
            return value
        return ", ".join(str(getattr(item, "pk", item)) for item in value)

    def value_from_datadict(self, data, files, name):
        raw = data.get(name, "")
        return [code.strip() for code in raw.replace(";", ",").replace(" ", ",").split(",") if code.strip()]
