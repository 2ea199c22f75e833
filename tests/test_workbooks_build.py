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
        if path.suffix == ".xlam" and _xlwings_version(committed) != _xlwings_version(path):
            # built with another xlwings: its xlwings module differs; all else must not
            assert _addin_without_xlwings(committed) == _addin_without_xlwings(path), (
                f"{committed} is stale: run `xlbo workbooks build`"
            )
            continue
        assert committed.read_bytes() == path.read_bytes(), (
            f"{committed} is stale: run `xlbo workbooks build`"
        )


def _vba_modules(workbook: Path) -> dict[str, str]:
    """Module file name (`XlboRibbon.bas`) → source, as oletools' olevba extracts them."""
    from oletools.olevba import VBA_Parser

    parser = VBA_Parser(str(workbook))
    try:
        return {name: code for _, _, name, code in parser.extract_macros()}
    finally:
        parser.close()


def _xlwings_version(addin: Path) -> str:
    found = re.search(r"^'Version: (\S+)", _vba_modules(addin)["xlwings.bas"], re.MULTILINE)
    return found.group(1) if found else ""


def _addin_without_xlwings(addin: Path) -> tuple[dict[str, str], dict[str, bytes]]:
    modules = {n: c for n, c in _vba_modules(addin).items() if n != "xlwings.bas"}
    with zipfile.ZipFile(addin) as archive:
        parts = {n: archive.read(n) for n in archive.namelist() if n != "xl/vbaProject.bin"}
    return modules, parts


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
    requirements = (built / "lite" / "requirements.txt").read_text().splitlines()
    assert any(line.startswith("xlbo==") for line in requirements)


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


ADDIN_MODULES = {
    "ThisWorkbook.cls",
    "Sheet2.cls",
    "Dictionary.cls",
    "xlwings.bas",
    "XlboRibbon.bas",
}


def test_addin_vba_is_ours_and_xlwings(built: Path) -> None:
    modules = _vba_modules(built / "classic" / "xlbo.xlam")
    assert set(modules) == ADDIN_MODULES
    bas = (ROOT / "macros" / "XlboRibbon.bas").read_text()
    assert modules["XlboRibbon.bas"].replace("\r\n", "\n").strip() == bas.strip()
    # the installed xlwings' custom add-in module, with the add-in named as xlwings names it
    spec = importlib.util.find_spec("xlwings")
    assert spec is not None and spec.origin is not None
    shipped = (Path(spec.origin).parent / "xlwings_custom_addin.bas").read_text(encoding="cp1252")
    expected = shipped.replace(
        'PROJECT_NAME As String = "myaddin"', 'PROJECT_NAME As String = "xlwings"'
    )
    assert (
        modules["xlwings.bas"].replace("\r\n", "\n").strip()
        == expected.replace("\r\n", "\n").strip()
    )
    assert "Function RunPython(" in modules["xlwings.bas"]


def test_addin_ribbon_calls_subs_of_its_own_vba(built: Path) -> None:
    addin = built / "classic" / "xlbo.xlam"
    modules = _vba_modules(addin)
    with zipfile.ZipFile(addin) as archive:
        ribbon = archive.read("customUI/customUI14.xml").decode()
        relationships = archive.read("_rels/.rels").decode()
        types = archive.read("[Content_Types].xml").decode()
    assert ribbon == (ROOT / "macros" / "ribbon.xml").read_text()
    assert (
        'Type="http://schemas.microsoft.com/office/2007/relationships/ui/extensibility" '
        'Target="customUI/customUI14.xml"'
    ) in relationships
    assert (
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.ms-excel.addin.macroEnabled.main+xml"/>'
    ) in types
    subs = {
        sub
        for code in modules.values()
        for sub in re.findall(r"^(?:Public )?Sub (\w+)\(", code, flags=re.MULTILINE)
    }
    actions = re.findall(r'onAction="(\w+)"', ribbon)
    assert len(actions) == len(BUTTONS)
    assert set(actions) <= subs
    # a callback name the xlwings module also used would be ambiguous
    xlwings_procedures = set(
        re.findall(r"^(?:Public |Private )?(?:Sub|Function) (\w+)", modules["xlwings.bas"], re.M)
    )
    assert not set(actions) & xlwings_procedures
    calls = re.findall(r'RunPython "import (\w+); \1\.(\w+)\(\)"', modules["XlboRibbon.bas"])
    assert len(calls) == len(actions)
    for module, function in calls:
        handlers = importlib.import_module(f"macros.{module}")
        assert callable(getattr(handlers, function)), f"{module}.{function}"
        assert (built / "classic" / f"{module}.py").exists()  # beside the add-in, on its path


def test_addin_sheets_are_bound_to_its_document_modules(built: Path) -> None:
    from python_calamine import CalamineWorkbook

    addin = built / "classic" / "xlbo.xlam"
    book = CalamineWorkbook.from_path(str(addin))
    assert book.sheet_names == ["xlwings.conf"]
    conf = dict(book.get_sheet_by_name("xlwings.conf").to_python())
    assert set(conf) == {"UDF Modules"}  # every row would hide the user's own xlwings setting
    udf_modules = conf["UDF Modules"].split(";")
    assert sorted(udf_modules) == sorted(p.stem for p in (ROOT / "udfs").glob("xlbo_*.py"))
    with zipfile.ZipFile(addin) as archive:
        assert '<workbookPr codeName="ThisWorkbook"' in archive.read("xl/workbook.xml").decode()
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert '<sheetPr codeName="Sheet2"/>' in sheet


@pytest.mark.libreoffice
def test_addin_opens_in_libreoffice_with_its_vba(
    built: Path, libreoffice: Callable[[Path, str], Path], tmp_path: Path
) -> None:
    """LibreOffice reads the VBA project with its own MS-OVBA reader and keeps each module as
    a Basic module of a library named after the project. (It takes an .xlam only when told
    its filter.)"""
    import subprocess

    from tests.conftest import soffice

    program = soffice()
    assert program is not None  # the fixture skipped otherwise
    result = subprocess.run(
        [
            program,
            f"-env:UserInstallation=file://{(tmp_path / 'profile').resolve()}",
            "--headless",
            "--norestore",
            "--infilter=Calc MS Excel 2007 VBA XML",
            "--convert-to",
            "ods",
            "--outdir",
            str(tmp_path),
            str(built / "classic" / "xlbo.xlam"),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "xlbo.ods") as ods:
        library = ods.read("Basic/xlbo/script-lb.xml").decode()
        ribbon_module = ods.read("Basic/xlbo/XlboRibbon.xml").decode()
        xlwings_module = ods.read("Basic/xlbo/xlwings.xml").decode()
        content = ods.read("content.xml").decode()
    for module in ("ThisWorkbook", "Sheet2", "Dictionary", "xlwings", "XlboRibbon"):
        assert f'library:name="{module}"' in library
    # the module's text as LibreOffice keeps it: its VBA-mode header, then our source
    # without the Attribute line (which became the module's name)
    from xml.etree import ElementTree

    kept = ElementTree.fromstring(ribbon_module).text or ""
    bas = (ROOT / "macros" / "XlboRibbon.bas").read_text()
    assert kept.splitlines()[:2] == [
        "Rem Attribute VBA_ModuleType=VBAModule",
        "Option VBASupport 1",
    ]
    assert kept.splitlines()[2:] == [*bas.splitlines()[1:], ""]
    assert "Function RunPython(" in xlwings_module
    assert 'table:name="xlwings.conf"' in content
    assert "xlbo_master;xlbo_validation;xlbo_payroll" in content


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
