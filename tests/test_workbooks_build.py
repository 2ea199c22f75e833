"""`xlbo workbooks build`: deterministic, and every piece of Excel code points at real code."""

from __future__ import annotations

import ast
import importlib
import re
import sys
from pathlib import Path

import pytest

from xlbo.excel.buttons import BUTTONS
from xlbo.excel.functions import WORKSHEET_FUNCTIONS
from xlbo.jobs.workbooks import build

ROOT = Path(__file__).resolve().parents[1]
ALLOWED_IMPORTS = {"xlwings", "xlbo", "pandas"} | set(sys.stdlib_module_names)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("workbooks")
    build(folder)
    return folder


def test_rebuilding_gives_the_committed_files(built: Path) -> None:
    for path in sorted(p for p in built.rglob("*") if p.is_file()):
        committed = ROOT / "workbooks" / path.relative_to(built)
        assert committed.exists(), f"{committed} is missing: run `xlbo workbooks build`"
        assert committed.read_bytes() == path.read_bytes(), (
            f"{committed} is stale: run `xlbo workbooks build`"
        )


def test_lite_main_imports_only_what_lite_has(built: Path) -> None:
    tree = ast.parse((built / "lite" / "main.py").read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        else:
            continue
        for name in names:
            assert name.split(".")[0] in ALLOWED_IMPORTS, name


def test_lite_declares_every_function_and_button(built: Path) -> None:
    tree = ast.parse((built / "lite" / "main.py").read_text())
    declared: dict[str, list[str]] = {"func": [], "script": []}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            for decorator in node.decorator_list:
                target = decorator.func if isinstance(decorator, ast.Call) else decorator
                if isinstance(target, ast.Name) and target.id in declared:
                    declared[target.id].append(node.name)
    assert declared["func"] == [f.name for f in WORKSHEET_FUNCTIONS]
    assert declared["script"] == [b.name for b in BUTTONS]
    assert (built / "lite" / "requirements.txt").read_text().startswith("xlbo==")


def test_lite_code_runs_the_same_functions(built: Path) -> None:
    namespace: dict[str, object] = {}
    exec(compile((built / "lite" / "main.py").read_text(), "main.py", "exec"), namespace)
    assert namespace["VERSION"]().startswith("xlbo ")  # type: ignore[operator]
    assert namespace["VALIDATE"]([["27AAPFU0939F1ZF"]], "GSTIN") == [
        ["GSTIN check character should be V, not F"]
    ]  # type: ignore[operator]
    assert namespace["GST_SPLIT"]([[100]], [[0.18]], [["27"]], [["27"]]) == [[9.0, 9.0, 0.0]]  # type: ignore[operator]


def test_classic_ribbon_calls_existing_vba_and_python() -> None:
    ribbon = (ROOT / "macros" / "ribbon.xml").read_text()
    vba = (ROOT / "macros" / "XlboRibbon.bas").read_text()
    subs = set(re.findall(r"^Sub (\w+)\(control As IRibbonControl\)", vba, flags=re.MULTILINE))
    actions = re.findall(r'onAction="(\w+)"', ribbon)
    assert actions and set(actions) <= subs
    assert len(actions) == len(BUTTONS)
    for module, function in re.findall(r'RunPython "import (\w+); \1\.(\w+)\(\)"', vba):
        handlers = importlib.import_module(f"macros.{module}")
        assert callable(getattr(handlers, function)), f"{module}.{function}"
    assert len(re.findall(r"^\s+RunPython ", vba, flags=re.MULTILINE)) == len(subs)
