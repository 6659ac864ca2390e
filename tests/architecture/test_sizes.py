"""Small modules and short functions (the brief's quality bar): no module over
400 lines and no function over 60 lines, migrations and tests aside."""

import ast

from .project import modules, tree

MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60

# Files of engineering/ and search/ still too big on this branch: both apps are
# being split on other branches. The lead empties this set at merge.
PENDING_SPLIT = {
    "search/catalogue.py",  # 549 lines
}


def _checked():
    for module in modules().values():
        if not module.is_migration and module.relative_path not in PENDING_SPLIT:
            yield module


def test_no_module_is_over_the_limit():
    long = {
        m.relative_path: n
        for m in _checked()
        if (n := len(m.path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}


def test_no_function_is_over_the_limit():
    long = {}
    for module in _checked():
        for node in ast.walk(tree(module)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    long[f"{module.relative_path}:{node.lineno} {node.name}"] = length
    assert long == {}


def test_pending_split_lists_only_files_that_exist_and_are_still_too_big():
    """An entry that no longer needs the allowance must go (the lead empties the set)."""
    paths = {m.relative_path: m for m in modules().values()}
    for path in PENDING_SPLIT:
        assert path in paths, path
        module = paths[path]
        lines = len(module.path.read_text(encoding="utf-8").splitlines())
        functions = [
            n.end_lineno - n.lineno + 1
            for n in ast.walk(tree(module))
            if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
        ]
        assert lines > MAX_MODULE_LINES or max(functions, default=0) > MAX_FUNCTION_LINES, path
