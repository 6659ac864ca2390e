"""The project's own Python modules, read with ``ast`` (nothing is imported), for
the architecture tests: which module imports which, and how long things are."""

import ast
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Top-level packages of the project; tests, bench and tools are not part of the house.
PACKAGES = sorted(
    p.name
    for p in ROOT.iterdir()
    if (p / "__init__.py").exists() and p.name not in {"tests", "bench", "tools"}
)


@dataclass(frozen=True)
class Module:
    name: str  # dotted, e.g. "finder.eligibility"
    path: Path
    is_package: bool

    @property
    def app(self) -> str:
        return self.name.split(".")[0]

    @property
    def relative_path(self) -> str:
        return str(self.path.relative_to(ROOT))

    @property
    def is_migration(self) -> bool:
        return ".migrations." in f".{self.name}."


@cache
def modules() -> dict[str, Module]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            is_package = parts[-1] == "__init__"
            if is_package:
                parts = parts[:-1]
            name = ".".join(parts)
            found[name] = Module(name, path, is_package)
    return found


@cache
def tree(module: Module) -> ast.Module:
    return ast.parse(module.path.read_text(encoding="utf-8"), filename=str(module.path))


def _resolve(module: Module, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.name.split(".")
    if not module.is_package:
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _project_module(name: str) -> str | None:
    """The longest project module ``name`` designates (a module or a package)."""
    known = modules()
    while name:
        if name in known:
            return name
        name = name.rpartition(".")[0]
    return None


@cache
def imports(module: Module) -> frozenset[str]:
    """Project modules ``module`` imports, at module level or inside functions
    (a deferred import is still a dependency)."""
    targets = set()
    for node in ast.walk(tree(module)):
        if isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            source = _resolve(module, node)
            # ``from package import submodule`` depends on the submodule.
            candidates = [f"{source}.{alias.name}" for alias in node.names] + [source]
        else:
            continue
        for candidate in candidates:
            target = _project_module(candidate)
            if target and target != module.name:
                targets.add(target)
                break
    return frozenset(targets)


def import_graph() -> dict[str, set[str]]:
    return {name: set(imports(module)) for name, module in modules().items()}
