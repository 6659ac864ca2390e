"""The admin in French, in one place: the texts that wagtail-autocomplete (the
page editor's searchable selector) writes in English, and its chosen values
drawn in the admin's own colours rather than as red chips."""

import json

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks


def autocomplete_texts() -> dict[str, str]:
    """The widget's English texts (its text nodes, exactly) and their French.
    The announcement of suggestions is three nodes: the count, the noun and the rest."""
    return {
        "Nothing selected.": _("Aucune valeur choisie."),
        "Remove": _("Retirer"),
        "suggestion": _(" suggestion trouvée"),
        "suggestions": _(" suggestions trouvées"),
        " found, use up and down arrows to review.": _(" : parcourez-les avec les flèches haut et bas."),
        "Create new “": _("Créer « "),
    }


@hooks.register("insert_global_admin_js")
def autocomplete_in_french():
    return format_html(
        '<script src="{}" data-texts="{}"></script>',
        static("admin/autocomplete-fr.js"),
        json.dumps(autocomplete_texts(), ensure_ascii=False),
    )


@hooks.register("insert_global_admin_css")
def autocomplete_chips():
    return format_html('<link rel="stylesheet" href="{}">', static("admin/autocomplete.css"))
