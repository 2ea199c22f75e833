"""The xlwings Lite workbooks `xlbo workbooks build` writes: the code each carries, its scripts
and their sheet buttons, how LibreOffice opens them, and xlbo running as Lite runs it — without
rapidfuzz and pyarrow, which Pyodide cannot install."""

from __future__ import annotations

import ast
import json
import random
import re
import subprocess
import sys
import tomllib
import types
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from tests.conftest import soffice
from tests.xlwings_double import Book
from xlbo import __version__, fuzzy
from xlbo.excel.buttons import BUTTONS
from xlbo.excel.functions import WORKSHEET_FUNCTIONS
from xlbo.excel.lite import LITE_REQUIRED, LITE_SHEET, lite_workbooks, run_script
from xlbo.excel.lite_parts import LITE_ADDIN, WEBEXTENSION, lite_properties
from xlbo.jobs.registry import JOBS
from xlbo.jobs.workbooks import build_lite

ROOT = Path(__file__).resolve().parents[1]
LITE_CAN_IMPORT = {"xlwings", "xlbo"} | set(sys.stdlib_module_names)
LITE_CAN_INSTALL = {
    # Pyodide's own builds, and pure-Python wheels from PyPI
    "pandas",
    "numpy",
    "pydantic",
    "python-calamine",
    "openpyxl",
    "xlsxwriter",
    "xlwings",
    "olefile",
    "tqdm",
    "defusedxml",
    # pure-Python wheels whose compiled needs (lxml) are Pyodide builds: letters, the QR, .ics
    "docxtpl",
    "segno",
    "icalendar",
    "python-dateutil",  # pandas needs it too
    # pure Python; its `cryptography` is a Pyodide build
    "msoffcrypto-tool",
}
RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("lite")
    build_lite(folder)
    return folder / "lite"


def _parts(workbook: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(workbook) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _targets(rels: bytes) -> dict[str, tuple[str, str]]:
    """Relationship id → (type's last word, target)."""
    root = ElementTree.fromstring(rels)
    return {
        r.get("Id", ""): (r.get("Type", "").rsplit("/", 1)[-1], r.get("Target", ""))
        for r in root.iter(f"{RELATIONSHIPS}Relationship")
    }


class Recorder:
    """A stand-in for `xlwings` while main.py runs: `func`, `arg` and `script` record what
    they decorate (as Lite's decorators do, through `inspect.getmembers`), `Book` is a type."""

    def __init__(self) -> None:
        self.functions: dict[str, dict[str, Any]] = {}
        self.scripts: dict[str, dict[str, Any]] = {}
        self.module = types.ModuleType("xlwings")
        self.module.Book = Book  # type: ignore[attr-defined]
        self.module.func = self._decorator(self.functions)  # type: ignore[attr-defined]
        self.module.script = self._decorator(self.scripts)  # type: ignore[attr-defined]
        self.module.arg = lambda *_, **__: lambda f: f  # type: ignore[attr-defined]

    @staticmethod
    def _decorator(into: dict[str, dict[str, Any]]) -> Callable[..., Any]:
        def decorator(f: Any = None, **options: Any) -> Any:
            def mark(function: Any) -> Any:
                into[function.__name__] = {**options, "function": function}
                return function

            return mark(f) if callable(f) else mark

        return decorator

    def run(self, code: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
        monkeypatch.setitem(sys.modules, "xlwings", self.module)
        namespace: dict[str, Any] = {"__name__": "main"}
        exec(compile(code, "main.py", "exec"), namespace)
        return namespace


def test_every_workbook_carries_its_code_in_the_web_extension(built: Path) -> None:
    files = sorted(p.name for p in built.glob("*.xlsx"))
    assert files == sorted(w.file for w in lite_workbooks())
    assert len(files) == len({b.job for b in BUTTONS}) + 1  # the master template, one per job
    for workbook in lite_workbooks():
        parts = _parts(built / workbook.file)
        types_xml = parts["[Content_Types].xml"].decode()
        assert (
            '<Override PartName="/xl/webextensions/taskpanes.xml" '
            'ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/>'
        ) in types_xml
        assert (
            '<Override PartName="/xl/webextensions/webextension1.xml" '
            'ContentType="application/vnd.ms-office.webextension+xml"/>'
        ) in types_xml
        assert ("webextensiontaskpanes", "xl/webextensions/taskpanes.xml") in _targets(
            parts["_rels/.rels"]
        ).values()
        taskpanes = ElementTree.fromstring(parts["xl/webextensions/taskpanes.xml"])
        [reference] = [e for e in taskpanes.iter() if e.tag.endswith("webextensionref")]
        link = _targets(parts["xl/webextensions/_rels/taskpanes.xml.rels"])[reference.get(R_ID, "")]
        assert link == ("webextension", "webextension1.xml")
        extension = parts[WEBEXTENSION].decode()
        assert f'<we:reference id="{LITE_ADDIN.lower()}" version="1.0.0.0"' in extension
        assert f'store="{LITE_ADDIN}" storeType="OMEX"' in extension
        # each value a JSON string inside an XML attribute: never a raw newline
        for value in re.findall(r'<we:property name="[^"]+" value="([^"]*)"', extension):
            assert "\n" not in value and "\r" not in value
        code = lite_properties(built / workbook.file)
        assert code["main.py"].startswith('"""xlbo in xlwings Lite')
        assert code["main.py"].count("\n") > 20  # a text, decoded from one line


def test_requirements_keep_lites_lines_and_pin_xlbo(built: Path) -> None:
    for workbook in lite_workbooks():
        lines = lite_properties(built / workbook.file)["requirements.txt"].splitlines()
        assert tuple(lines[: len(LITE_REQUIRED)]) == LITE_REQUIRED
        assert all(line.endswith("# required") for line in LITE_REQUIRED)
        assert f"xlbo=={__version__}" in lines
        wheel = [line for line in lines if line.endswith("-py3-none-any.whl")]
        assert len(wheel) == 1 and wheel[0].startswith("# https://")
        assert f"xlbo-{__version__}-" in wheel[0]
    committed = (ROOT / "workbooks" / "lite" / "requirements.txt").read_text()
    assert lite_properties(built / "xlbo-master.xlsx")["requirements.txt"] == committed


def test_main_py_imports_only_what_lite_can_install(built: Path) -> None:
    for workbook in lite_workbooks():
        tree = ast.parse(lite_properties(built / workbook.file)["main.py"])
        imported = {
            (alias.name if isinstance(node, ast.Import) else node.module or "").split(".")[0]
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in node.names
        }
        assert imported <= LITE_CAN_IMPORT, imported - LITE_CAN_IMPORT


def test_xlbo_requires_in_the_browser_only_what_lite_can_install() -> None:
    from packaging.requirements import Requirement

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    browser = {"sys_platform": "emscripten", "platform_system": "Emscripten"}
    needed = set()
    for line in project["dependencies"]:
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate(browser):
            needed.add(requirement.name.lower())
    assert needed <= LITE_CAN_INSTALL, needed - LITE_CAN_INSTALL
    assert {"rapidfuzz", "pyarrow"} & {Requirement(d).name for d in project["dependencies"]}


def _shapes(parts: dict[str, bytes], sheet: str) -> dict[str, str]:
    """Shape name → the cell its hyperlink selects, for the shapes on `sheet`."""
    workbook = ElementTree.fromstring(parts["xl/workbook.xml"])
    sheets = {
        s.get("name"): s.get(R_ID)
        for s in workbook.iter("{http://schemas.openxmlformats.org/spreadsheetml/2006/main}sheet")
    }
    _, target = _targets(parts["xl/_rels/workbook.xml.rels"])[sheets[sheet] or ""]
    sheet_part = f"xl/{target}"
    folder, name = sheet_part.rsplit("/", 1)
    drawing = ElementTree.fromstring(parts[sheet_part]).find(
        "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}drawing"
    )
    assert drawing is not None, f"{sheet} has no drawing"
    kind, drawing_target = _targets(parts[f"{folder}/_rels/{name}.rels"])[drawing.get(R_ID, "")]
    assert kind == "drawing"
    drawing_part = f"xl/drawings/{drawing_target.rsplit('/', 1)[-1]}"
    links = _targets(parts[drawing_part.replace("drawings/", "drawings/_rels/") + ".rels"])
    found = {}
    for properties in ElementTree.fromstring(parts[drawing_part]).iter(f"{DRAWING}cNvPr"):
        click = properties.find(f"{A}hlinkClick")
        assert click is not None
        found[properties.get("name", "")] = links[click.get(R_ID, "")][1]
    return found


def test_every_job_has_a_script_and_its_button_on_its_sheet(
    built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: set[str] = set()
    for workbook in lite_workbooks():
        recorder = Recorder()
        namespace = recorder.run(lite_properties(built / workbook.file)["main.py"], monkeypatch)
        assert list(recorder.functions) == [f.name for f in WORKSHEET_FUNCTIONS]
        assert all(f["namespace"] == "XLBO" for f in recorder.functions.values())
        assert namespace["__xlwings_func_namespace__"] == "XLBO"
        assert list(recorder.scripts) == [b.name for b in workbook.buttons]
        parts = _parts(built / workbook.file)
        for name, script in recorder.scripts.items():
            found = re.fullmatch(r"\[(\w+)\](\w+)!([A-Z]+[0-9]+)", script["button"])
            assert found, script["button"]
            shape, sheet, cell = found.groups()
            assert sheet == LITE_SHEET
            assert _shapes(parts, sheet)[shape] == f"#{sheet}!{cell}", (workbook.file, name)
            assert script["show_taskpane"] is True
        offered |= set(recorder.scripts)
    assert offered == {b.name for b in BUTTONS}
    # every job of the registry that belongs in a workbook has its button there
    in_excel = {name for name, job in JOBS.items() if not job.outside_excel}
    assert (
        {b.job for b in BUTTONS}
        == in_excel
        == {
            "validate",
            "reconcile",
            "payroll",
            "report",
            "letters",
            "invoices",
            "final-settlement",
            "stock",
            "calendar",
            "audit",
            "payables",
            "gst-recon",
            "statements",
        }
    )
    master = lite_workbooks()[0]
    assert [b.name for b in master.buttons] == [b.name for b in BUTTONS]
    assert (ROOT / "workbooks" / "lite" / "main.py").read_text() == lite_properties(
        built / master.file
    )["main.py"]


def test_the_command_line_reads_a_lite_workbook(built: Path, tmp_path: Path) -> None:
    from xlbo.cli import main

    master = tmp_path / "xlbo-master.xlsx"
    master.write_bytes((built / "xlbo-master.xlsx").read_bytes())
    assert main(["validate", str(master)]) == 0  # the xlbo sheet and the Lite parts pass by
    assert (tmp_path / "xlbo-master-issues.xlsx").exists()


def test_a_script_shows_its_outcome_or_what_to_fix_beside_its_button(
    built: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = next(w for w in lite_workbooks() if w.buttons[0].name == "reconcile")
    recorder = Recorder()
    recorder.run(lite_properties(built / workbook.file)["main.py"], monkeypatch)
    book = Book.from_tables({LITE_SHEET: [["xlbo — Reconcile"]], "Notes": [["nothing here"]]})
    recorder.scripts["reconcile"]["function"](book)  # no statement pasted: a plain message
    said = book.sheets[LITE_SHEET].cell(workbook.outcome_cell(workbook.buttons[0]))
    assert said.startswith("Paste the bank statement into a sheet named 'Bank Statement'")
    assert said in capsys.readouterr().out
    # a workbook without the xlbo sheet still hears the outcome in the output pane
    assert run_script("reconcile", Book.from_tables({"Notes": [["x"]]}), "C6").startswith(
        "Paste the bank statement"
    )


@pytest.mark.libreoffice
def test_libreoffice_opens_every_lite_workbook_with_its_buttons(
    built: Path, tmp_path: Path
) -> None:
    program = soffice()
    if program is None:
        pytest.skip("LibreOffice is not installed")
    files = [built / w.file for w in lite_workbooks()]
    result = subprocess.run(
        [
            program,
            f"-env:UserInstallation=file://{(tmp_path / 'profile').resolve()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for workbook in lite_workbooks():
        pdf = tmp_path / workbook.file.replace(".xlsx", ".pdf")
        first_page = subprocess.run(
            ["pdftotext", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert f"xlbo — {workbook.title}" in first_page
        for button in workbook.buttons:  # the shapes were read and drawn
            assert button.label in first_page, (workbook.file, button.label)


NAME_WORDS = [
    "sri",
    "shri",
    "balaji",
    "traders",
    "enterprises",
    "patel",
    "ketan",
    "h",
    "j",
    "m/s",
    "pvt",
    "ltd",
    "private",
    "limited",
    "infra",
    "om",
    "sai",
    "logistics",
    "kumar",
    "sharma",
    "v",
    "amritsar",
    "pharma",
    "textiles",
    "meenakshi",
    "&",
    "co",
    "llp",
    "gupta",
    "sons",
    "steel",
    "rolling",
    "mills",
    "neft",
    "imps",
    "upi",
    "ramesh",
    "s.k.",
    "agarwal",
    "jain",
    "brothers",
]


def _names(count: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)

    def name() -> str:
        text = " ".join(rng.choice(NAME_WORDS) for _ in range(rng.randint(1, 5)))
        if rng.random() < 0.3:  # a typing slip
            at = rng.randrange(len(text))
            text = text[:at] + rng.choice("aeiou rst") + text[at + 1 :]
        if rng.random() < 0.2:  # cut short, as UPI narrations are
            text = text[: rng.randint(1, len(text))]
        return text

    pairs = [(name(), name()) for _ in range(count)]
    pairs += [(a, a.replace(" ", "")) for a, _ in pairs[: count // 4]]  # run together
    return [*pairs, ("", ""), ("", "patel"), ("patel", "")]


@pytest.mark.parametrize(
    "scorer", ["ratio", "partial_ratio", "token_sort_ratio", "token_set_ratio"]
)
def test_plain_scorers_give_rapidfuzzs_scores(scorer: str) -> None:
    rapid = pytest.importorskip("rapidfuzz.fuzz")
    ours = getattr(fuzzy, f"plain_{scorer}")
    theirs = getattr(rapid, scorer)
    pairs = _names(400, seed=13)
    differences = [abs(ours(a, b) - theirs(a, b)) for a, b in pairs]
    assert max(differences) <= 1, [p for p, d in zip(pairs, differences, strict=True) if d > 1]
    exact = sum(d < 1e-9 for d in differences)
    assert exact >= 0.99 * len(pairs)


def test_plain_cdist_and_cpdist_answer_like_rapidfuzz() -> None:
    import numpy as np

    process = pytest.importorskip("rapidfuzz.process")
    rapid = pytest.importorskip("rapidfuzz.fuzz")
    pairs = _names(60, seed=5)
    left, right = [a for a, _ in pairs], [b for _, b in pairs]
    ours = fuzzy.plain_cpdist(left, right, scorer=fuzzy.plain_token_set_ratio, dtype=np.float64)
    theirs = process.cpdist(left, right, scorer=rapid.token_set_ratio, dtype=np.float64)
    assert np.array_equal(ours.astype(np.int64), theirs.astype(np.int64))
    ours_matrix = fuzzy.plain_cdist(
        left, left, scorer=fuzzy.plain_token_sort_ratio, score_cutoff=85
    )
    theirs_matrix = process.cdist(left, left, scorer=rapid.token_sort_ratio, score_cutoff=85)
    assert ours_matrix.shape == theirs_matrix.shape == (len(left), len(left))
    assert np.array_equal(ours_matrix, theirs_matrix)  # pairs passed over by length too
    assert np.count_nonzero(ours_matrix) > len(left)  # more alike than each with itself
    with pytest.raises(ValueError, match="same length"):
        fuzzy.plain_cpdist(["a"], [])


LITE_RUN = """
import json, sys
where, statement, ledger, master, books, lite = sys.argv[1:7]
if where == "browser":
    for blocked in ("rapidfuzz", "pyarrow"):
        sys.modules[blocked] = None  # as in Pyodide: importing them fails
from pathlib import Path

import openpyxl

from xlbo import fuzzy, columns
import xlbo.bank.parties
from xlbo.excel.lite import lite_workbooks
from xlbo.excel.lite_parts import lite_properties
from xlbo.jobs.reconcile import run_reconcile
from tests.xlwings_double import Book
from tests.test_lite_workbooks import Recorder

result = run_reconcile(Path(statement), Path(ledger))

def tables(path):
    book = openpyxl.load_workbook(path, read_only=True)
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
            for sheet in book.worksheets}

class Patch:  # what pytest's monkeypatch does, for Recorder.run
    def setitem(self, mapping, key, value):
        mapping[key] = value

def scripts(file):
    recorder = Recorder()
    recorder.run(lite_properties(Path(lite) / file)["main.py"], Patch())
    return recorder.scripts

pasted = Book.from_tables({"xlbo": [["xlbo"]], "Bank Statement": tables(statement)["Statement"],
                           "Ledger": tables(ledger)["Ledger"]})
scripts("xlbo-reconcile.xlsx")["reconcile"]["function"](pasted)
outcomes = {"reconcile (pasted)": pasted.sheets["xlbo"].cell("C6")}
master_workbook = lite_workbooks()[0]
master_scripts = scripts(master_workbook.file)
for button in master_workbook.buttons:
    book = Book.from_tables({"xlbo": [["xlbo"]], **tables(master), **tables(books)})
    master_scripts[button.name]["function"](book)
    outcomes[button.name] = book.sheets["xlbo"].cell(master_workbook.outcome_cell(button))
print(json.dumps({
    "rapidfuzz": fuzzy.RAPIDFUZZ,
    "pyarrow": columns.pa is not None,
    "loaded": sorted(m for m, v in sys.modules.items()
                     if m.split(".")[0] in ("rapidfuzz", "pyarrow") and v is not None),
    "matches": int(result.match_count),
    "rules": result.matches["rule"].value_counts().to_dict(),
    "difference": int(result.brs.difference),
    "outcomes": outcomes,
}))
"""


def _lite_run(where: str, files: Any, lite: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", LITE_RUN, where]
        + [str(p) for p in (files.statement, files.ledger, files.master, files.books, lite)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_lite_scripts_run_without_rapidfuzz_and_pyarrow_as_with_them(
    built: Path, tmp_path: Path
) -> None:
    from xlbo.demo import build_demo

    files = build_demo(tmp_path / "demo")
    browser = _lite_run("browser", files, built)
    desktop = _lite_run("desktop", files, built)
    assert (browser["rapidfuzz"], browser["pyarrow"], browser["loaded"]) == (False, False, [])
    assert (desktop["rapidfuzz"], desktop["pyarrow"]) == (True, True)
    assert browser["matches"] == desktop["matches"] > 0
    assert browser["rules"] == desktop["rules"]
    assert browser["difference"] == desktop["difference"] == 0
    assert browser["outcomes"] == desktop["outcomes"]
    assert set(browser["outcomes"]) == {"reconcile (pasted)"} | {b.name for b in BUTTONS}
    assert browser["outcomes"]["reconcile (pasted)"].startswith(f"{desktop['matches']} matches; ")


def test_the_gst_recon_workbook_has_its_gstr2b_sheet_to_paste_into(built: Path) -> None:
    """The GSTR-2B sheet says what to paste where (column C); empty column A: nothing pasted."""
    import openpyxl

    workbook = next(w for w in lite_workbooks() if w.buttons[0].name == "gst_recon")
    book = openpyxl.load_workbook(built / workbook.file, read_only=True)
    assert "GSTR-2B" in book.sheetnames
    rows = [list(r) for r in book["GSTR-2B"].iter_rows(values_only=True)]
    book.close()
    assert all(r[0] is None for r in rows)
    assert rows[0][2].startswith("Paste the month's GSTR-2B JSON into A1")
    double = Book.from_tables({"Purchases": [["Vendor Code"]], "GSTR-2B": rows})
    assert run_script("gst_recon", double).startswith("Download each month's GSTR-2B")
