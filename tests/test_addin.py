"""`xlbo addin install/uninstall`: what is handed to xlwings' installer, and the add-in built
for this machine. (Excel itself is not here: the installer's commands are recorded, not run.)"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from xlbo.errors import UserError
from xlbo.excel.addin import (
    ADDIN,
    build_addin,
    install_addin,
    uninstall_addin,
    xlwings_addin_template,
)

ROOT = Path(__file__).resolve().parents[1]
PYTHON = "/Users/asha/xlbo/.venv/bin/python"


class Installer:
    """Records each command; keeps a copy of the add-in handed over with --file."""

    def __init__(self, folder: Path, fail_on: int | None = None) -> None:
        self.commands: list[list[str]] = []
        self.folder = folder
        self.fail_on = fail_on

    def __call__(self, command: list[str]) -> int:
        self.commands.append(command)
        if "--file" in command and command[4] == "install":
            shutil.copy(command[-1], self.folder / Path(command[-1]).name)
        if "--file" in command and command[4] == "remove":
            (self.folder / command[-1]).unlink(missing_ok=True)
        return 1 if len(self.commands) == self.fail_on else 0

    def startup(self, python: str) -> Path:
        """Excel's start-up folder, as xlwings would answer: the folder it copies into."""
        return self.folder


@pytest.fixture
def needs_xlwings() -> None:
    if xlwings_addin_template() is None:
        pytest.skip("xlwings is not installed")


@pytest.mark.usefixtures("needs_xlwings")
@pytest.mark.parametrize(
    ("platform", "interpreter"), [("darwin", "Interpreter_Mac"), ("win32", "Interpreter_Win")]
)
def test_install_hands_xlwings_an_addin_set_up_for_this_machine(
    tmp_path: Path, platform: str, interpreter: str
) -> None:
    installer = Installer(tmp_path)
    message = install_addin(
        ROOT,
        python=PYTHON,
        platform=platform,
        run=installer,
        created=datetime(2026, 1, 1),
        startup=installer.startup,
    )
    assert installer.commands[0] == [PYTHON, "-m", "xlwings.cli", "addin", "install"]
    assert installer.commands[1][:6] == [PYTHON, "-m", "xlwings.cli", "addin", "install", "--file"]
    assert Path(installer.commands[1][6]).name == ADDIN
    book = CalamineWorkbook.from_path(str(tmp_path / ADDIN))
    conf = dict(book.get_sheet_by_name("xlwings.conf").to_python())
    assert conf == {
        interpreter: PYTHON,
        "PYTHONPATH": f"{ROOT / 'macros'};{ROOT / 'udfs'}",
        "UDF Modules": "xlbo_master;xlbo_validation;xlbo_payroll",
    }
    assert f"Installed {tmp_path / ADDIN}" in message and PYTHON in message


@pytest.mark.usefixtures("needs_xlwings")
def test_install_says_what_failed(tmp_path: Path) -> None:
    installer = Installer(tmp_path, fail_on=1)
    with pytest.raises(UserError, match="could not install its add-in"):
        install_addin(
            ROOT, python=PYTHON, platform="win32", run=installer, startup=installer.startup
        )


@pytest.mark.usefixtures("needs_xlwings")
def test_install_checks_the_startup_folder_not_just_xlwings_word(tmp_path: Path) -> None:
    """xlwings prints a failed copy (Excel holding the file) and still exits 0."""
    elsewhere = tmp_path / "XLSTART"
    elsewhere.mkdir()
    installer = Installer(tmp_path)
    with pytest.raises(UserError, match="did not reach Excel's start-up folder"):
        install_addin(
            ROOT, python=PYTHON, platform="win32", run=installer, startup=lambda _: elsewhere
        )


def test_uninstall_checks_the_file_is_gone(tmp_path: Path) -> None:
    (tmp_path / ADDIN).write_bytes(b"still here")
    with pytest.raises(UserError, match="still in Excel's start-up folder"):
        uninstall_addin(
            python=PYTHON, platform="win32", run=lambda command: 0, startup=lambda _: tmp_path
        )


def test_install_needs_a_checkout(tmp_path: Path) -> None:
    installer = Installer(tmp_path)
    with pytest.raises(UserError, match="macros/ folder"):
        install_addin(
            tmp_path, python=PYTHON, platform="win32", run=installer, startup=installer.startup
        )
    assert installer.commands == []


@pytest.mark.parametrize("action", [install_addin, uninstall_addin])
def test_excel_addins_are_for_windows_and_macos(tmp_path: Path, action: object) -> None:
    installer = Installer(tmp_path)
    with pytest.raises(UserError, match="Windows and macOS only"):
        action(platform="linux", run=installer)  # type: ignore[operator]
    assert installer.commands == []


def test_uninstall_removes_only_the_xlbo_addin(tmp_path: Path) -> None:
    installer = Installer(tmp_path)
    (tmp_path / ADDIN).write_bytes(b"installed earlier")
    message = uninstall_addin(
        python=PYTHON, platform="darwin", run=installer, startup=installer.startup
    )
    assert not (tmp_path / ADDIN).exists()
    assert installer.commands == [[PYTHON, "-m", "xlwings.cli", "addin", "remove", "--file", ADDIN]]
    assert "xlwings add-in stays" in message


RIBBON = """<customUI xmlns="http://schemas.microsoft.com/office/2009/07/customui"><ribbon><tabs>
<tab id="t" label="x"><group id="g" label="g">
<button id="b" label="b" onAction="{action}"/></group></tab></tabs></ribbon></customUI>"""
BAS = 'Attribute VB_Name = "XlboRibbon"\nSub Validate(control As IRibbonControl)\nEnd Sub\n'


@pytest.mark.usefixtures("needs_xlwings")
def test_build_refuses_a_ribbon_calling_a_missing_callback(tmp_path: Path) -> None:
    target = tmp_path / ADDIN
    options = {"callbacks_bas": BAS, "created": datetime(2026, 1, 1)}
    assert build_addin(target, ribbon_xml=RIBBON.format(action="XlboRibbon.Validate"), **options)
    with pytest.raises(ValueError, match="calls Reconcile, which the VBA callbacks lack"):
        build_addin(target, ribbon_xml=RIBBON.format(action="Reconcile"), **options)
    with pytest.raises(ValueError, match="customUI element"):
        build_addin(target, ribbon_xml="<customUI/>", **options)
