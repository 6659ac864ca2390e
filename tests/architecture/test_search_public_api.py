"""``search/`` extends Wagtail's search through its public extension points only
(issue 21): the backend module a setting names, query classes, index settings.
No private module of wagtail.search or modelsearch, no backend internal (query
compilers, mappings, indexes, results classes), no SQL on the library's tables:
what a minor upgrade of Wagtail or modelsearch may change stays out of the site.
"""

import ast

import pytest

from .project import modules, tree

# Public module → the names search/ may take from it (None: any public name).
PUBLIC = {
    "wagtail.search.query": None,  # PlainText, Phrase, And, Or, Fuzzy, MATCH_NONE…
    "wagtail.search.index": None,  # SearchField, AutocompleteField, FilterField…
    "wagtail.search.backends": {"get_search_backend", "get_search_backends"},
    "wagtail.search.backends.database": {"SearchBackend"},
    "wagtail.search.backends.opensearch3": {"SearchBackend"},
}
# The library's own tables, and the doors to raw SQL.
FORBIDDEN_NAMES = {"IndexEntry", "SQLiteFTSIndexEntry", "get_app_config", "RawSQL"}
RAW_SQL_METHODS = {"cursor", "raw", "extra"}


def violations(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [f"import {a.name}" for a in node.names if _library(a.name)]
        elif isinstance(node, ast.ImportFrom) and _library(node.module or ""):
            allowed = PUBLIC.get(node.module, set())
            for alias in node.names:
                if allowed is not None and alias.name not in allowed or alias.name.startswith("_"):
                    found.append(f"from {node.module} import {alias.name}")
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") in RAW_SQL_METHODS:
            found.append(f".{node.func.attr}()")
        elif isinstance(node, ast.Attribute) and node.attr in FORBIDDEN_NAMES:
            found.append(f".{node.attr}")
        elif isinstance(node, ast.Name) and node.id in FORBIDDEN_NAMES:
            found.append(node.id)
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and "indexentry" in node.value.lower()
        ):
            found.append(f"SQL on {node.value!r}")
    return found


def _library(module: str) -> bool:
    return module.split(".")[0] == "modelsearch" or module.startswith("wagtail.search")


def test_search_uses_only_the_public_api():
    found = {}
    for module in modules().values():
        if module.app == "search" and not module.is_migration:
            if bad := violations(module.path.read_text(encoding="utf-8")):
                found[module.relative_path] = bad
    assert found == {}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchQueryCompiler", 1),
        ("from wagtail.search.backends.opensearch3 import OpenSearch3Mapping", 1),
        ("from modelsearch.query import PlainText", 1),  # through wagtail.search.query
        ("import modelsearch.backends.database.postgres.postgres", 1),
        ("from wagtail.search.query import _private", 1),
        ("connection.cursor().execute('SELECT 1')", 1),
        ("Page.objects.raw('SELECT 1')", 1),
        ("raw = clean(raw)", 0),
        ("sql = 'SELECT * FROM modelsearch_indexentry'", 1),
        ("from wagtail.search.query import And, Or, PlainText", 0),
        ("from wagtail.search.backends.database import SearchBackend", 0),
    ],
)
def test_the_rule_catches_a_private_import(source, expected):
    """The checker itself fails on what it forbids (so an empty list means something)."""
    assert len(violations(source)) == expected


def test_the_walk_sees_the_search_package():
    assert {"search.catalogue", "search.database", "search.backends"} <= set(modules())
    assert all(module.startswith("wagtail.search") for module in PUBLIC)
    assert "search.views" in {m.name for m in modules().values() if m.app == "search"}
    assert tree(modules()["search.database"]).body
