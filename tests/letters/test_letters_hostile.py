"""Hostile and broken inputs to `xlbo letters`: each stops with a sentence (exit 2), writes
nothing, and never runs the template's code outside Jinja's sandbox."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.hostile.harness import Folder
from tests.letters.conftest import write_docx
from xlbo.cli import main


def _letters(tmp_path: Path, template: str, *more: str) -> list[str]:
    return [
        "letters",
        template,
        "--data",
        str(tmp_path / "master.xlsx"),
        "--sheet",
        "Employees",
        "--out",
        str(tmp_path / "letters"),
        "--no-pdf",
        *more,
    ]


@pytest.mark.parametrize(
    ("tag", "said"),
    [
        ("{{ Name.__class__.__mro__ }}", "its tags fail (SecurityError"),
        ("{{ Basic + 1 }}", "its tags fail (TypeError"),
    ],
)
def test_a_template_whose_tags_fail_writes_nothing(
    master: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], tag: str, said: str
) -> None:
    template = write_docx(tmp_path / "bad.docx", [f"Dear {tag}"])
    before = Folder(tmp_path)
    assert main(_letters(tmp_path, str(template))) == 2
    err = capsys.readouterr().err
    assert "cannot be merged with Employees row 2 (E001)" in err and said in err
    assert "Traceback" not in err
    before.unchanged()


def test_a_workbook_renamed_docx_is_no_template(
    master: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "letter.docx"
    template.write_bytes(master.read_bytes())  # a zip, but a workbook's
    before = Folder(tmp_path)
    assert main(_letters(tmp_path, str(template))) == 2
    assert "it has no document text (word/document.xml)" in capsys.readouterr().err
    before.unchanged()
    template.write_bytes(b"\x00" * 100)
    assert main(_letters(tmp_path, str(template))) == 2
    assert "it is not a Word document (.docx) xlbo can open" in capsys.readouterr().err


def test_missing_template_and_out_that_is_a_file(
    master: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(_letters(tmp_path, str(tmp_path / "nowhere.docx"))) == 2
    assert "nowhere.docx: no such Word template" in capsys.readouterr().err
    template = write_docx(tmp_path / "ok.docx", ["Dear {{ Name }}"])
    (tmp_path / "letters").write_text("a file where the folder should go")
    assert main(_letters(tmp_path, str(template))) == 2
    assert "is a file; xlbo writes a folder of files there" in capsys.readouterr().err


def test_no_word_library_in_the_browser(
    master: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "docxtpl", None)  # import docxtpl fails, as in Pyodide
    template = write_docx(tmp_path / "ok.docx", ["Dear {{ Name }}"])
    assert main(_letters(tmp_path, str(template))) == 2
    assert "xlwings Lite cannot install it" in capsys.readouterr().err
