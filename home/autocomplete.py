"""The page editor's searchable selector: wagtail-autocomplete's panel, with a
widget that turns any posted value into something the form field can judge.

The library's widget reads the posted JSON with ``json.loads`` and nothing
around it: a value that is not JSON (a tampered or truncated form) raised an
error, hence a server error, and a bare number or word was dropped as if the
field had been left empty. Here a value that is not the widget's own format is
handed to the field as it came, and the field answers with its usual French
error ("Sélectionnez un choix valide…"). Used for every territorial choice of
the catalogue and of the pactes (régions, départements, arrondissements, EPCI,
communes) and for the taxonomies.
"""

import json

from wagtailautocomplete.edit_handlers import AutocompletePanel as LibraryAutocompletePanel
from wagtailautocomplete.widgets import Autocomplete


class CheckedAutocomplete(Autocomplete):
    def value_from_datadict(self, data, files, name):
        raw = data.get(name)
        if not raw:
            return None
        try:
            value = json.loads(raw)
        except ValueError:
            value = raw
        if value is None:  # the widget's own "null": nothing chosen
            return None
        if isinstance(value, dict):
            value = value.get("pk", raw)
        elif isinstance(value, list):
            value = [item.get("pk", item) if isinstance(item, dict) else item for item in value]
        if not self.is_single and not isinstance(value, list):
            value = [value]
        return value


class AutocompletePanel(LibraryAutocompletePanel):
    def widget_overrides(self):
        widgets = super().widget_overrides()
        library_widget = widgets[self.field_name]
        widgets[self.field_name] = CheckedAutocomplete(
            target_model=library_widget.target_model,
            can_create=library_widget.can_create,
            is_single=library_widget.is_single,
        )
        return widgets
