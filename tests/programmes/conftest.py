"""Fixtures of the programme tests: the roadmap taxonomies (loaded by the same
service as the demo loader), the programme index and a programme factory."""

import pytest
from django.test import Client

from home.demo import LoadReport
from programmes.demo import load_taxonomies
from programmes.models import ProgrammeIndexPage, ProgrammePage, PublicPolicy, Theme


@pytest.fixture
def taxonomies(db):
    load_taxonomies(LoadReport())


@pytest.fixture
def programme_index(home_page, taxonomies):
    index = ProgrammeIndexPage(title="Programmes", slug="programmes")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_programme(index, title, theme="numerique", policy="fracture-numerique", partners=(),
                   beneficiary_types=(), territory_types=(), **fields):
    """A published programme under ``index`` (taxonomies given by slug/objects)."""
    fields.setdefault("summary", f"Résumé de {title}.")
    page = ProgrammePage(
        title=title, theme=Theme.objects.get(slug=theme),
        public_policy=PublicPolicy.objects.get(slug=policy), **fields,
    )
    page.partners = list(partners)
    page.eligible_beneficiary_types = list(beneficiary_types)
    page.eligible_territory_types = list(territory_types)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def admin_client(db, django_user_model):
    user = django_user_model.objects.create_superuser("editrice", "editrice@example.org", "motdepasse")
    client = Client()
    client.force_login(user)
    return client
