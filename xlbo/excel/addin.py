"""The classic xlwings add-in `xlbo.xlam`, built from code: an `xlbo` ribbon tab (a group per
domain, a button per job) whose buttons call VBA callbacks that run the jobs through RunPython.

What goes in, and where it comes from:

- the ribbon: `macros/ribbon.xml` (customUI of Office 2010+), stored as `customUI/customUI14.xml`;
- the VBA project, written by `xlbo.excel.vba` from the installed xlwings' custom add-in
  template (`quickstart_addin_ribbon.xlam`): its references (the Office library, which defines
  `IRibbonControl`), its `ThisWorkbook` and sheet modules, its `Dictionary` class and its
  `xlwings` module (RunPython, tied to that xlwings version's DLL) kept; its demo callbacks
  (`RibbonMyAddin`) replaced by `macros/XlboRibbon.bas`. One line of the `xlwings` module is
  changed, the one xlwings' custom add-in guide says to change: `PROJECT_NAME`, from "myaddin"
  to "xlwings", so the add-in reads its settings where xlwings does — an `xlwings.conf` sheet
  in the open workbook, then the add-in's own `xlwings.conf` sheet, then the `xlwings.conf`
  file beside the workbook, then the user's `~/.xlwings/xlwings.conf` that the xlwings ribbon
  writes;
- the `xlwings.conf` sheet: only settings every user needs, because a row there hides the same
  setting from the user's own xlwings configuration (an empty `PYTHONPATH` row would hide the
  one set in the xlwings ribbon). `xlbo addin install` writes a copy for this machine that adds
  the Python interpreter running it and the checkout's `macros/` and `udfs/` folders.

The project carries no compiled p-code, so Excel compiles the VBA from source when it first
opens the add-in. Nothing here imports xlwings.
"""

from __future__ import annotations

import importlib.util
import io
import re
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from xml.etree import ElementTree

import xlsxwriter

from xlbo.book.atomic import atomic_path
from xlbo.errors import UserError
from xlbo.excel.vba.project import Module, ModuleKind, read_project, standard_module, write_project

ADDIN = "xlbo.xlam"
PROJECT = "xlbo"
"""The VBA project's name, as the VBA editor shows it."""
CONF_SHEET = "xlwings.conf"
UDF_MODULES = ("xlbo_master", "xlbo_validation", "xlbo_payroll")
"""The worksheet-function modules in `udfs/` (xlwings' "UDF Modules" setting)."""
ADDIN_CONF: tuple[tuple[str, str], ...] = (("UDF Modules", ";".join(UDF_MODULES)),)
"""The add-in's `xlwings.conf` sheet as built for everyone."""
TEMPLATE = "quickstart_addin_ribbon.xlam"
TEMPLATE_CALLBACKS = "RibbonMyAddin"
PROJECT_NAME_LINE = 'Public Const PROJECT_NAME As String = "{}"'
RIBBON_PART = "customUI/customUI14.xml"
RIBBON_RELATIONSHIP = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"
CUSTOM_UI = "http://schemas.microsoft.com/office/2009/07/customui"
MACRO_WORKBOOK = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
ADDIN_WORKBOOK = "application/vnd.ms-excel.addin.macroEnabled.main+xml"
_WORKBOOK_BASE = "0{00020819-0000-0000-C000-000000000046}"
_SHEET_BASE = "0{00020820-0000-0000-C000-000000000046}"
_CALLBACK = re.compile(r"^Sub (\w+)\(control As IRibbonControl\)", re.MULTILINE)
CHECKOUT = Path(__file__).resolve().parents[2]
"""The repository checkout this module runs from (its `macros/` and `udfs/` are not in the
wheel)."""


def xlwings_addin_template() -> Path | None:
    """The installed xlwings' custom add-in template, found without importing xlwings; None
    where xlwings is not installed."""
    spec = importlib.util.find_spec("xlwings")
    if spec is None or not spec.submodule_search_locations:
        return None
    template = Path(next(iter(spec.submodule_search_locations))) / TEMPLATE
    return template if template.exists() else None


def ribbon_actions(ribbon_xml: str) -> list[str]:
    """The `onAction` callbacks a customUI14 ribbon names, in order; ValueError when the text
    is not a ribbon of that schema. (ElementTree resolves no external entities.)"""
    root = ElementTree.fromstring(ribbon_xml)
    if root.tag != f"{{{CUSTOM_UI}}}customUI":
        raise ValueError(f"the ribbon XML must be a customUI element in the {CUSTOM_UI} namespace")
    return [e.attrib["onAction"] for e in root.iter() if "onAction" in e.attrib]


def callbacks(bas: str) -> list[str]:
    """The ribbon callbacks (`Sub Name(control As IRibbonControl)`) of a VBA module's text."""
    return _CALLBACK.findall(bas)


def _document_kind(module: Module) -> str:
    if _WORKBOOK_BASE in module.source:
        return "workbook"
    if _SHEET_BASE in module.source:
        return "sheet"
    return "other"


def addin_vba_project(template: bytes, callbacks_bas: str) -> bytes:
    """The add-in's `vbaProject.bin`: the template's project (bytes of its `vbaProject.bin`)
    with its demo callbacks replaced by `callbacks_bas`, named `xlbo`, and the `xlwings`
    module's PROJECT_NAME set to "xlwings"."""
    project = read_project(template)
    ours = standard_module(callbacks_bas)
    xlwings = project.module("xlwings")
    shipped, wanted = PROJECT_NAME_LINE.format("myaddin"), PROJECT_NAME_LINE.format("xlwings")
    if xlwings.source.count(shipped) != 1:
        raise ValueError(
            f"the installed xlwings' add-in module has no line {shipped!r}; this xlwings version "
            "is not one xlbo knows how to build its add-in from"
        )
    modules = []
    for module in project.modules:
        if module.name == TEMPLATE_CALLBACKS:
            modules.append(ours)
        elif module.name == "xlwings":
            modules.append(replace(module, source=module.source.replace(shipped, wanted)))
        else:
            modules.append(module)
    if ours not in modules:
        raise ValueError(f"the xlwings template has no {TEMPLATE_CALLBACKS} module to replace")
    return write_project(replace(project, name=PROJECT, modules=tuple(modules)))


def _code_names(vba: bytes) -> tuple[str, str]:
    """(workbook, sheet) code names: the document modules the sheets must be bound to."""
    documents = [m for m in read_project(vba).modules if m.kind is ModuleKind.DOCUMENT]
    workbooks = [m.name for m in documents if _document_kind(m) == "workbook"]
    sheets = [m.name for m in documents if _document_kind(m) == "sheet"]
    if len(workbooks) != 1 or len(sheets) != 1:
        raise ValueError("the add-in's VBA project must have one workbook and one sheet module")
    return workbooks[0], sheets[0]


def _xlsm(vba: bytes, conf: Sequence[tuple[str, str]], created: datetime) -> bytes:
    """A one-sheet macro workbook: the conf sheet, bound to the project's document modules."""
    workbook_name, sheet_name = _code_names(vba)
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    book.set_properties({"title": "xlbo add-in", "author": "xlbo", "created": created})
    book.set_vba_name(workbook_name)
    book.add_vba_project(io.BytesIO(vba), is_stream=True)
    sheet = book.add_worksheet(CONF_SHEET)
    sheet.set_vba_name(sheet_name)
    sheet.set_column(0, 0, 18)
    sheet.set_column(1, 1, 60)
    for row, (key, value) in enumerate(conf):
        sheet.write_string(row, 0, key)  # strings only: a path never becomes a formula
        sheet.write_string(row, 1, value)
    book.close()
    return out.getvalue()


def addin_workbook(
    vba: bytes, ribbon_xml: str, conf: Sequence[tuple[str, str]], created: datetime
) -> bytes:
    """The bytes of the `.xlam`: the macro workbook, typed as an add-in, with the ribbon."""
    ribbon_actions(ribbon_xml)  # refuse what is not a customUI14 ribbon
    zip_time = (created.year, created.month, created.day, 0, 0, 0)
    parts: dict[str, bytes] = {}
    with zipfile.ZipFile(io.BytesIO(_xlsm(vba, conf, created))) as xlsm:
        for name in xlsm.namelist():
            parts[name] = xlsm.read(name)
    types = parts["[Content_Types].xml"].decode()
    if types.count(MACRO_WORKBOOK) != 1:
        raise ValueError("xlsxwriter's content types no longer name a macro workbook")
    parts["[Content_Types].xml"] = types.replace(MACRO_WORKBOOK, ADDIN_WORKBOOK).encode()
    relationships = parts["_rels/.rels"].decode()
    ribbon = f'<Relationship Id="xlboRibbon" Type="{RIBBON_RELATIONSHIP}" Target="{RIBBON_PART}"/>'
    parts["_rels/.rels"] = relationships.replace(
        "</Relationships>", ribbon + "</Relationships>"
    ).encode()
    parts[RIBBON_PART] = ribbon_xml.encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as xlam:
        for name, data in parts.items():
            entry = zipfile.ZipInfo(name, zip_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            xlam.writestr(entry, data)
    return out.getvalue()


def build_addin(
    path: Path,
    *,
    ribbon_xml: str,
    callbacks_bas: str,
    created: datetime,
    conf: Sequence[tuple[str, str]] = ADDIN_CONF,
) -> Path | None:
    """Write the add-in to `path` (atomically); None, writing nothing, where xlwings (and so
    its template and RunPython module) is not installed."""
    template = xlwings_addin_template()
    if template is None:
        return None
    # an onAction may name the module too ("XlboRibbon.Validate")
    subs = callbacks(callbacks_bas)
    missing = [a for a in ribbon_actions(ribbon_xml) if a.rsplit(".", 1)[-1] not in subs]
    if missing:
        raise ValueError(f"the ribbon calls {', '.join(missing)}, which the VBA callbacks lack")
    with zipfile.ZipFile(template) as archive:
        vba = addin_vba_project(archive.read("xl/vbaProject.bin"), callbacks_bas)
    data = addin_workbook(vba, ribbon_xml, conf, created)
    with atomic_path(path) as temporary:
        temporary.write_bytes(data)
    return path


# ---------------------------------------------------------------------------- installing


def machine_conf(checkout: Path, python: str, platform: str) -> tuple[tuple[str, str], ...]:
    """The `xlwings.conf` rows of an add-in installed on this machine: the interpreter that runs
    xlbo here, and the checkout's handlers and worksheet functions on the PYTHONPATH."""
    interpreter = "Interpreter_Mac" if platform == "darwin" else "Interpreter_Win"
    pythonpath = ";".join(str(checkout / folder) for folder in ("macros", "udfs"))
    return ((interpreter, python), ("PYTHONPATH", pythonpath), *ADDIN_CONF)


def _checkout_sources(checkout: Path) -> tuple[str, str]:
    ribbon, bas = checkout / "macros" / "ribbon.xml", checkout / "macros" / "XlboRibbon.bas"
    if not ribbon.exists() or not bas.exists():
        raise UserError(
            f"The add-in's ribbon and buttons live in the xlbo repository's macros/ folder, "
            f"which {checkout} lacks: run `xlbo addin install` from a checkout of the repository "
            "(pip install . in it)."
        )
    return ribbon.read_text(encoding="utf-8-sig"), bas.read_text(encoding="utf-8-sig")


def _excel_platform(platform: str) -> None:
    if not platform.startswith(("win", "darwin")):
        raise UserError(
            "Excel add-ins install on Windows and macOS only. On this machine use the command "
            "line (`xlbo validate`, `xlbo demo`), or xlwings Lite in Excel on the web."
        )


STARTUP_FOLDER = "from xlwings.cli import get_addin_dir; print(get_addin_dir())"
"""Asks xlwings (and so Excel) where Excel's start-up folder is."""


def startup_folder(python: str) -> Path | None:
    """Excel's start-up folder as xlwings finds it, or None when it cannot be asked."""
    try:
        answer = subprocess.run(
            [python, "-c", STARTUP_FOLDER], capture_output=True, text=True, timeout=120
        )
    except (OSError, subprocess.SubprocessError):
        return None
    folder = answer.stdout.strip().splitlines()[-1] if answer.stdout.strip() else ""
    return Path(folder) if answer.returncode == 0 and folder else None


def install_addin(
    checkout: Path = CHECKOUT,
    *,
    python: str = sys.executable,
    platform: str | None = None,
    run: Callable[[list[str]], int] | None = None,
    created: datetime | None = None,
    startup: Callable[[str], Path | None] | None = None,
) -> str:
    """Install xlwings' own add-in (its ribbon imports worksheet functions) and `xlbo.xlam`,
    built for this machine, into Excel's start-up folder, both through xlwings' command line
    (which asks Excel where that folder is and, on macOS, enables RunPython). The add-in is
    built first, so nothing is installed when it cannot be; and since xlwings reports its own
    failures without saying so in its exit status, the start-up folder is checked afterwards.
    Returns what to tell the user. `platform`, `run` and `startup` default to this machine's."""
    platform = platform or sys.platform
    run = run or subprocess.call
    _excel_platform(platform)
    ribbon_xml, bas = _checkout_sources(checkout)
    with tempfile.TemporaryDirectory() as folder:
        try:
            addin = build_addin(
                Path(folder) / ADDIN,
                ribbon_xml=ribbon_xml,
                callbacks_bas=bas,
                created=created or datetime.now().replace(microsecond=0),
                conf=machine_conf(checkout, python, platform),
            )
        except ValueError as error:
            raise UserError(f"{ADDIN} could not be built for this xlwings: {error}") from None
        if addin is None:
            raise UserError("xlwings is not installed for this Python: pip install xlwings")
        if run([python, "-m", "xlwings.cli", "addin", "install"]) != 0:
            raise UserError("xlwings could not install its add-in; see its message above.")
        if run([python, "-m", "xlwings.cli", "addin", "install", "--file", str(addin)]) != 0:
            raise UserError(f"xlwings could not install {ADDIN}; see its message above.")
        built = addin.read_bytes()
    target = (startup or startup_folder)(python)
    if target is not None:
        installed = target / ADDIN
        if not installed.exists() or installed.read_bytes() != built:
            raise UserError(
                f"{ADDIN} did not reach Excel's start-up folder ({target}); see xlwings' message "
                "above (Excel holding the file open is the usual cause: quit Excel, run again)."
            )
        where = f"Installed {installed}"
    else:
        where = f"xlwings reported {ADDIN} installed (Excel's start-up folder could not be checked)"
    return "\n".join(
        [
            f"{where}: restart Excel and the xlbo ribbon tab's buttons (Validate, Reconcile,",
            f"Run Payroll, Reports, Payables, GST Recon, Audit Verify, …) run with {python}.",
            "For worksheet functions, on the xlwings ribbon tab set:",
            f"  PYTHONPATH:  {checkout / 'udfs'}",
            f"  UDF Modules: {';'.join(UDF_MODULES)}",
            'then click Import Functions once; =XLBO_VALIDATE(A2,"GSTIN") works in any cell.',
        ]
    )


def uninstall_addin(
    *,
    python: str = sys.executable,
    platform: str | None = None,
    run: Callable[[list[str]], int] | None = None,
    startup: Callable[[str], Path | None] | None = None,
) -> str:
    """Remove `xlbo.xlam` from Excel's start-up folder through xlwings' command line, and check
    that it is gone. The xlwings add-in stays: other workbooks may use it."""
    run = run or subprocess.call
    _excel_platform(platform or sys.platform)
    if run([python, "-m", "xlwings.cli", "addin", "remove", "--file", ADDIN]) != 0:
        raise UserError(f"xlwings could not remove {ADDIN}; see its message above.")
    target = (startup or startup_folder)(python)
    if target is not None and (target / ADDIN).exists():
        raise UserError(
            f"{ADDIN} is still in Excel's start-up folder ({target}); see xlwings' message above "
            "(quit Excel and run again)."
        )
    return f"Removed {ADDIN}. The xlwings add-in stays; `xlwings addin remove` removes it."
