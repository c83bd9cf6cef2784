"""The engine stays readable: no module over 400 lines and no function over 60 (issue 13).
A newcomer should be able to read any one function on a screen. Generated files are not
Python here, so nothing is exempt."""

from __future__ import annotations

import ast

import pytest
from conftest import ROOT

ENGINE = ROOT / "coursebook"
MODULES = sorted(p for p in ENGINE.rglob("*.py") if "templates" not in p.parts)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ENGINE)))
def test_module_and_function_sizes(path):
    source = path.read_text(encoding="utf-8")
    assert source.count("\n") <= 400, f"{path.name} has {source.count(chr(10))} lines: split it by what each part does"
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines, line {node.lineno})"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > 60
    ]
    assert long == [], f"functions over 60 lines in {path.name}: {long}"
