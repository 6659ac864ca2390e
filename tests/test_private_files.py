"""Every file field of the project, public or private: a file that is not for everyone
never lands under MEDIA_ROOT (which a web server may serve as it is), and a document of a
private collection is read only through Wagtail's view, which checks who asks."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

ROOT = Path(__file__).resolve().parent.parent

#: Files meant for everyone, and why.
PUBLIC = {
    "media_assets.CustomImage.file": "images are shown on public pages (Wagtail has no image privacy)",
    "media_assets.CustomRendition.file": "renditions of those images",
    "wagtailimages.Image.file": "Wagtail's default image model (swapped for CustomImage)",
    "wagtailimages.Rendition.file": "its renditions",
    "wagtailusers.UserProfile.avatar": "an editor's picture, chosen to be shown",
    "dsfr.DsfrConfig.operator_logo_file": "the operator's logo in the public header",
}
#: Private kinds of files that this project never stores, and why.
NEVER_STORED = {
    "wagtaildocs.Document.file": "Wagtail's default document model, swapped for CustomDocument",
    "wagtailcore.UploadedFile.file": (
        "kept by Wagtail's bulk upload only when a document cannot be created from its file "
        "alone; every extra field of CustomDocument is optional (checked below)"
    ),
}

FIELDS_SCRIPT = """
import json, django
django.setup()
from django.apps import apps
from django.conf import settings
from django.db import models
rows = {}
for model in apps.get_models():
    for field in model._meta.get_fields():
        if isinstance(field, models.FileField):
            rows[f"{model._meta.label}.{field.name}"] = str(getattr(field.storage, "location", ""))
print(json.dumps({"media_root": str(settings.MEDIA_ROOT), "fields": rows}))
"""


@pytest.mark.parametrize("module", ["config.settings.dev", "config.settings.production"])
def test_no_private_file_can_land_under_media_root(module):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": module,
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "example.org",
        "SITE_BASE_URL": "https://example.org",
    }
    result = subprocess.run(
        [sys.executable, "-c", FIELDS_SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    found = json.loads(result.stdout)
    media_root = Path(found["media_root"]).resolve()
    unknown = set(found["fields"]) - set(PUBLIC) - set(NEVER_STORED)
    assert unknown, "the project's own private fields are listed"
    under_media = {
        name
        for name in unknown
        if media_root
        in [Path(found["fields"][name]).resolve(), *Path(found["fields"][name]).resolve().parents]
    }
    assert under_media == set(), f"private files under MEDIA_ROOT: {sorted(under_media)}"
    assert {
        "media_assets.CustomDocument.file",
        "engineering.SupportConvention.file",
        "engineering.Attachment.file",
    } <= unknown


def test_wagtail_never_keeps_a_document_aside_in_the_public_folder():
    """Wagtail's bulk upload keeps a file in ``UploadedFile`` (public media) only when
    the document needs more than its file: every extra field must stay optional."""
    model = get_document_model()
    for field in model._meta.concrete_fields:
        if field.name in {"id", "title", "file", "collection", "uploaded_by_user", "created_at"}:
            continue
        assert field.blank or field.has_default() or field.null, field.name


@pytest.fixture
def private_document(db):
    root = Collection.get_first_root_node()
    internal = root.add_child(name="Documents internes")
    CollectionViewRestriction.objects.create(
        collection=internal, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model()(title="Note interne", collection=internal)
    document.file.save("note-interne.pdf", ContentFile(b"%PDF-1.7 note interne"), save=True)
    return document


def test_a_document_of_a_private_collection_is_served_only_to_who_may_read_it(
    client, private_document, django_user_model, settings
):
    """Issue 20: documents of a login-only collection were readable under /media/documents/."""
    response = client.get(private_document.url)
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not Path(private_document.file.path).resolve().is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert private_document.url.startswith("/documents/")  # Wagtail's view, never MEDIA_URL
    client.force_login(django_user_model.objects.create_user("lectrice", password="x"))
    response = client.get(private_document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 note interne"
