"""`xlbo workbooks build`: deterministic, and every piece of Excel code points at real code."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import re
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
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
    for path in sorted(p for p in built.rglob("*") if p.is_file() and p.suffix != ".xlsm"):
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


def test_macro_master_has_the_xlwings_vba_and_a_validate_button(built: Path) -> None:
    from oletools.olevba import VBA_Parser

    workbook = built / "classic" / "xlbo_master.xlsm"
    parser = VBA_Parser(str(workbook))
    try:
        modules = {name: code for _, _, name, code in parser.extract_macros()}
    finally:
        parser.close()
    assert "Sub SampleCall()" in modules["Module1.bas"]
    assert 'RunPython "import " & mymodule & ";" & mymodule & ".main()"' in modules["Module1.bas"]
    assert "Function RunPython(" in modules["xlwings.bas"]
    with zipfile.ZipFile(workbook) as archive:
        buttons = [
            archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/drawings/vml")
        ]
    assert any("<x:FmlaMacro>[0]!SampleCall</x:FmlaMacro>" in vml for vml in buttons)
    companion = importlib.util.spec_from_file_location(
        "xlbo_master", built / "classic" / "xlbo_master.py"
    )
    assert companion is not None and companion.loader is not None
    module = importlib.util.module_from_spec(companion)
    companion.loader.exec_module(module)
    assert callable(module.main)  # RunPython's "import xlbo_master; xlbo_master.main()" finds it


def test_macro_master_conf_sheet(built: Path) -> None:
    book = openpyxl.load_workbook(built / "classic" / "xlbo_master.xlsm", keep_vba=True)
    conf = book["xlwings.conf"]
    assert [(r[0], r[1]) for r in conf.iter_rows(values_only=True)][:2] == [
        ("Interpreter_Win", "python"),
        ("Interpreter_Mac", "python"),
    ]
    assert book.sheetnames[0] == "About"


@pytest.mark.libreoffice
def test_macro_master_opens_in_libreoffice(
    built: Path, libreoffice: Callable[[Path, str], Path]
) -> None:
    outdir = libreoffice(
        built / "classic" / "xlbo_master.xlsm",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
    )
    header = (outdir / "xlbo_master-Employees.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("Employee ID,Name,Gender")


def test_the_wheel_is_pure_python(tmp_path: Path) -> None:
    """xlwings Lite installs xlbo with micropip, which takes pure-Python wheels only."""
    import subprocess

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    [wheel] = list(tmp_path.glob("xlbo-*.whl"))
    assert wheel.name.endswith("-py3-none-any.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert not [n for n in names if n.endswith((".so", ".pyd", ".dll"))]
    assert "xlbo/excel/functions.py" in names
    assert not [n for n in names if n.startswith(("tests/", "udfs/", "macros/"))]
