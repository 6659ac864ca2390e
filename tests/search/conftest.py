"""Search fixtures: the same tests run against the database backend and against a
real OpenSearch node.

``tests/run.sh`` starts OpenSearch (``tools/opensearch/start.sh 9201``) and exports
``OPENSEARCH_TEST_URL``. Without it the OpenSearch variants are skipped locally with
the reason, and fail when ``CI=true``: CI must never pass without the engine.
Every test gets its own index prefix, and its indices are deleted afterwards.
"""

import itertools
import os
from dataclasses import dataclass
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from modelsearch.backends import get_search_backend
from modelsearch.backends.base import get_model_root
from modelsearch.index import get_indexed_models
from wagtail.documents import get_document_model
from wagtail.models import Page

from config.search_backends import search_backends

OPENSEARCH_URL = os.environ.get("OPENSEARCH_TEST_URL", "")
RUN_PREFIX = f"test{os.getpid()}"
_counter = itertools.count()

BACKENDS = ["database", pytest.param("opensearch", marks=pytest.mark.opensearch)]


def require_opensearch():
    if OPENSEARCH_URL:
        return
    reason = (
        "OPENSEARCH_TEST_URL n'est pas défini : lancez la suite par tests/run.sh "
        "(qui démarre OpenSearch sur le port 9201)"
    )
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("CI sans moteur de recherche : " + reason, pytrace=False)
    pytest.skip(reason)


def backends_config(kind: str, prefix: str) -> dict:
    if kind == "database":
        return search_backends("")
    parts = urlsplit(OPENSEARCH_URL)
    return search_backends(f"opensearch://{parts.hostname}:{parts.port}", prefix)


@dataclass
class SearchEnv:
    """The backend under test and what a test needs to drive it."""

    kind: str
    prefix: str

    @property
    def backend(self):
        return get_search_backend("default")

    @property
    def is_engine(self) -> bool:
        return self.kind == "opensearch"

    def rebuild(self):
        call_command("update_index", stdout=StringIO(), stderr=StringIO())
        self.refresh()

    def create_indices(self):
        """Empty page and document indices with their mappings (what update_index
        creates, without the alias dance: faster for one test)."""
        backend = self.backend
        for root in (Page, get_document_model()):
            index = backend.get_index_for_model(root)
            index.put()
            for model in get_indexed_models():
                if get_model_root(model) is root:
                    index.add_model(model)

    def refresh(self):
        """Make what was just indexed searchable (the engine refreshes every second)."""
        if self.is_engine:
            self.backend.es.indices.refresh(index=f"{self.prefix}_*")

    def drop(self):
        if self.is_engine:
            es = self.backend.es
            for name in es.indices.get(index=f"{self.prefix}_*"):
                es.indices.delete(index=name)


def open_search_env(kind: str, settings_override) -> SearchEnv:
    if kind == "opensearch":
        require_opensearch()
    prefix = f"{RUN_PREFIX}_{next(_counter)}"
    settings_override(backends_config(kind, prefix))
    env = SearchEnv(kind, prefix)
    if env.is_engine:
        env.create_indices()
    return env


@pytest.fixture(params=BACKENDS)
def search_env(request, settings, db):
    def override(config):
        settings.WAGTAILSEARCH_BACKENDS = config

    env = open_search_env(request.param, override)
    yield env
    env.drop()


@pytest.fixture
def opensearch_env(settings, db):
    def override(config):
        settings.WAGTAILSEARCH_BACKENDS = config

    env = open_search_env("opensearch", override)
    yield env
    env.drop()
