"""Permission names in French.

Django names the permissions it creates for each model in English, from the
model's untranslated name ("Can add group", "Can change partenaire"), and
Wagtail declares its own in English ("Publish any page"); both are stored in
the database, and Wagtail's group editor reads them out to screen readers or
in tooltips. After each migration, the ones still in English are renamed in
French: Django's from the model's translated name ("Peut ajouter groupe"),
Wagtail's from the table below. Only the name changes: code and checks use
the codename.
"""

from django.contrib.auth.models import Permission
from django.db import DEFAULT_DB_ALIAS
from django.db.models import Q
from django.utils import translation

ACTIONS = {"add": "ajouter", "change": "modifier", "delete": "supprimer", "view": "consulter"}
ENGLISH_PREFIXES = ("Can add ", "Can change ", "Can delete ", "Can view ")

#: Wagtail's own permissions, by app label and codename, with their English name
#: as Wagtail declares it (renamed only while it still reads so).
WAGTAIL_PERMISSIONS = {
    ("wagtailadmin", "access_admin"): ("Can access Wagtail admin", "Peut accéder à l’administration"),
    ("wagtailcore", "bulk_delete_page"): (
        "Delete pages with children",
        "Peut supprimer des pages avec leurs sous-pages",
    ),
    ("wagtailcore", "lock_page"): (
        "Lock/unlock pages you've locked",
        "Peut verrouiller et déverrouiller ses pages",
    ),
    ("wagtailcore", "publish_page"): ("Publish any page", "Peut publier toute page"),
    ("wagtailcore", "unlock_page"): ("Unlock any page", "Peut déverrouiller toute page"),
    ("wagtaildocs", "choose_document"): ("Can choose document", "Peut choisir un document"),
    ("wagtailimages", "choose_image"): ("Can choose image", "Peut choisir une image"),
}


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

    in_english = Q()
    for prefix in ENGLISH_PREFIXES:
        in_english |= Q(name__startswith=prefix)
    for english, _french in WAGTAIL_PERMISSIONS.values():
        in_english |= Q(name=english)
    renamed = 0
    for permission in Permission.objects.using(using).filter(in_english).select_related("content_type"):
        english, french = WAGTAIL_PERMISSIONS.get(
            (permission.content_type.app_label, permission.codename), ("", "")
        )
        if permission.name == english:
            name = french
        else:
            name = french_name(permission.codename, permission.content_type.model_class())
        if name and name != permission.name:
            permission.name = name
            permission.save(update_fields=["name"])
            renamed += 1
    return renamed
