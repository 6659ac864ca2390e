"""Permission names in French.

Django names the permissions it creates for each model in English, from the
model's untranslated name ("Can add group", "Can change partenaire"), and
stores them in the database; Wagtail's group editor reads them out to screen
readers, one per checkbox. After each migration, the ones still in Django's
English form are renamed in French from the model's translated name ("Peut
ajouter groupe"). Only the name changes: code and checks use the codename.
"""

from django.db import DEFAULT_DB_ALIAS
from django.db.models import Q
from django.utils import translation

ACTIONS = {"add": "ajouter", "change": "modifier", "delete": "supprimer", "view": "consulter"}
ENGLISH_PREFIXES = ("Can add ", "Can change ", "Can delete ", "Can view ")


def french_name(codename: str, model) -> str | None:
    """ "Peut ajouter groupe" for ``add_group``, or None when the codename is
    not one of Django's four default permissions of ``model``."""
    action, _sep, model_name = codename.partition("_")
    if action not in ACTIONS or model is None or model_name != model._meta.model_name:
        return None
    with translation.override("fr"):
        return f"Peut {ACTIONS[action]} {model._meta.verbose_name}"[:255]


def name_permissions_in_french(using=DEFAULT_DB_ALIAS, **kwargs) -> int:
    """Rename Django's English default permissions; return how many changed.
    A ``post_migrate`` receiver (its other arguments are ignored)."""
    from django.contrib.auth.models import Permission

    in_english = Q()
    for prefix in ENGLISH_PREFIXES:
        in_english |= Q(name__startswith=prefix)
    renamed = 0
    for permission in Permission.objects.using(using).filter(in_english).select_related("content_type"):
        name = french_name(permission.codename, permission.content_type.model_class())
        if name and name != permission.name:
            permission.name = name
            permission.save(update_fields=["name"])
            renamed += 1
    return renamed
