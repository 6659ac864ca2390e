"""Small modules and short functions (the brief's quality bar): no module over
400 lines and no function over 60 lines, migrations and tests aside."""

import ast

from .project import modules, tree

MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def _checked():
    for module in modules().values():
        if not module.is_migration:
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
