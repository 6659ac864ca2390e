"""The import graph follows the floors of the house (``conventions.md``, "Where
things go"): the ground floor (site shell and setup) imports no content app,
nothing imports the demo content, reference data imports no content, the catalogue sits under the
page families, page families ignore each other, no app leans on the project
package, and no two modules import each other, even through others."""

import pytest

from .project import import_graph, modules

CONTENT_APPS = {
    "catalogue",
    "programmes",
    "pactes",
    "training",
    "news",
    "finder",
    "search",
    "api",
    "engineering",
    "alerts",
}
PAGE_FAMILIES = {"programmes", "pactes", "training", "news"}
PROJECT_PACKAGE = "config"
GROUND_FLOOR = {"core", "accounts", "media_assets", "home"}
DEMO = "demo"

# Allowances the lead removes at merge, once the concurrent splits have landed.
PENDING: set[tuple[str, str]] = set()
# Import cycles still being untangled on another branch (engineering wings).
PENDING_CYCLES: list[set[str]] = []


def forbidden(source_app: str, target_app: str) -> str | None:
    """Why ``source_app`` may not import ``target_app``, or None when it may."""
    if source_app == target_app:
        return None
    if target_app == DEMO:
        return "the demo content is the top floor: nothing imports it"
    if source_app in GROUND_FLOOR and target_app in CONTENT_APPS | {"territories"}:
        return "the ground floor (site shell, setup) stands under every content app"
    if source_app == "territories" and target_app in CONTENT_APPS:
        return "reference data imports no content app"
    if source_app == "catalogue" and target_app in CONTENT_APPS:
        return "the catalogue is the floor under the page families and services"
    if source_app in PAGE_FAMILIES and target_app in PAGE_FAMILIES:
        return "a page family builds on the catalogue, never on another family"
    if target_app == PROJECT_PACKAGE:
        return "apps do not import the project package; shared helpers live on the ground floor"
    return None


def violations(graph: dict[str, set[str]]) -> list[str]:
    found = []
    for source, targets in sorted(graph.items()):
        source_app = source.split(".")[0]
        if source_app == PROJECT_PACKAGE or ".migrations." in f"{source}.":
            continue
        for target in sorted(targets):
            reason = forbidden(source_app, target.split(".")[0])
            if reason and (source, target) not in PENDING:
                found.append(f"{source} -> {target}: {reason}")
    return found


def cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index, low, on_stack, stack, found = {}, {}, set(), [], []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph.get(root, ()))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(component)
    return found


def test_the_walk_sees_the_whole_project():
    names = set(modules())
    assert {"catalogue.models.taxonomy", "finder.eligibility", "territories.lookup", "config.urls"} <= names
    assert "finder.models" in import_graph()["finder.eligibility"]


def test_no_import_goes_down_the_wrong_way():
    assert violations(import_graph()) == []


def test_no_two_modules_import_each_other():
    remaining = [c for c in cycles(import_graph()) if c not in PENDING_CYCLES]
    assert remaining == [], "import cycles: " + "; ".join(" <-> ".join(sorted(c)) for c in remaining)


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        ({"territories.lookup": {"finder.eligibility"}, "finder.eligibility": set()}, 1),
        ({"pactes.display": {"programmes.models"}, "programmes.models": set()}, 1),
        ({"search.views": {"config.env"}, "config.env": set()}, 1),
        ({"home.setup": {"programmes.models"}, "programmes.models": set()}, 1),
        ({"finder.views": {"demo.pactes"}, "demo.pactes": set()}, 1),
        ({"demo.pactes": {"pactes.models", "programmes.models", "core.upsert"}}, 0),
        ({"finder.views": {"territories.models", "catalogue.models"}}, 0),
    ],
)
def test_the_rules_catch_a_wrong_direction(edges, expected):
    """The checker itself fails on a forbidden edge (so an empty list means something)."""
    assert len(violations(edges)) == expected


def test_the_cycle_finder_finds_a_cycle_through_a_third_module():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [{"a", "b", "c"}]
