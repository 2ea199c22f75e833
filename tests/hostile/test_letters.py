"""Hostile templates and rows for `xlbo letters`: a filter xlbo does not know (was exit 70), a
tag that repeats text ten billion times (was killed by the kernel at 22 GB), cells a letter must
not print blank or wrong (an Excel error, an amount past reading, an impossible date: the row is
left out with an Issue at its cell; a date column's Excel serial prints as its date), a corrupt
template, Word's lock file given as the template, and the data workbook given as the template or
the output."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_xlsx
from tests.hostile.harness import MEMORY_LIMIT_MB, Folder, run_xlbo
from tests.letters.conftest import COMPANY, EMPLOYEES, write_docx
from xlbo.cli import main
from xlbo.letters.template import docx_text


def _master(folder: Path, employees: list[list[object]] = EMPLOYEES) -> Path:
    return write_xlsx(folder / "master.xlsx", {"Company": COMPANY, "Employees": employees})


def _letters(template: str | Path, *more: str) -> list[str]:
    return ["letters", str(template), "--data", "master.xlsx", "--sheet", "Employees",
            "--out", "letters", "--no-pdf", *more]  # fmt: skip


@pytest.mark.parametrize(
    ("tag", "said"),
    [
        # was exit 70: internal error (TemplateAssertionError: No filter named 'shout')
        ("{{ Name|shout }}", "uses the filter 'shout', which xlbo does not know"),
        # was killed by the kernel's OOM killer at 22 GB
        ("{{ '-' * 10**10 }}", "repeating text 10000000000 times makes more than a letter"),
    ],
)
def test_a_template_that_would_crash_or_eat_the_memory_stops_plainly(
    tmp_path: Path, tag: str, said: str
) -> None:
    _master(tmp_path)
    write_docx(tmp_path / "offer.docx", [f"Dear {{{{ Name }}}}, {tag}"])
    folder = Folder(tmp_path)
    outcome = run_xlbo(*_letters("offer.docx"), cwd=tmp_path)
    outcome.plain()
    assert "The template offer cannot be merged" in outcome.err and said in outcome.err
    assert "nothing was written" in outcome.err
    assert outcome.peak_mb < MEMORY_LIMIT_MB
    folder.unchanged()


def test_cells_no_letter_should_print_leave_their_row_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    employees = [list(r) for r in EMPLOYEES]
    employees.extend(list(EMPLOYEES[1]) for _ in range(3))
    for number, row in enumerate(employees[4:], start=4):
        row[0] = f"E00{number}"
    employees[1][11] = "Rs. 25,000/-"  # row 2: read as 25,000
    employees[1][4] = 45383  # row 2: Date of Joining as Excel's serial, 01-04-2024
    employees[2][11] = "#REF!"  # row 3: a broken formula
    employees[3][11] = 1e20  # row 4: past any amount
    employees[4][4] = "31-02-2026"  # row 5: no such day
    employees[5][4] = "1st April"  # row 6: no year
    _master(tmp_path, employees)
    write_docx(
        tmp_path / "offer.docx",
        ["Dear {{ Name }}, from {{ Date_of_Joining }} your basic is {{ Basic|inr }} "
         "({{ Basic|words }})."],
    )  # fmt: skip
    monkeypatch.chdir(tmp_path)
    code = main(_letters("offer.docx"))
    said = capsys.readouterr().out
    assert code == 1, said
    assert "Merged 2 letters" in said and "4 rows left out" in said
    assert "Employees!L3: Basic: the cell shows the Excel error #REF!" in said
    assert "Employees!L4: Basic: '1e+20' is too large to be an amount" in said
    assert "Employees!E5: Date of Joining: '31-02-2026' is not a real date" in said
    assert "Employees!E6" in said
    made = sorted(p.name for p in (tmp_path / "letters").glob("*.docx"))
    assert made == ["offer-E001.docx", "offer-E006.docx"]
    text = docx_text(tmp_path / "letters" / "offer-E001.docx")
    assert "from 01-04-2024 your basic is ₹25,000.00 (Rupees Twenty-Five Thousand Only)" in text


def test_templates_that_are_no_word_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _master(tmp_path)
    (tmp_path / "offer.docx").write_bytes(b"PK\x03\x04 half a zip")  # a download cut short
    (tmp_path / "~$offer.docx").write_bytes(b"\x00" * 162)  # Word's lock file
    monkeypatch.chdir(tmp_path)
    folder = Folder(tmp_path)
    for template, said in (
        ("offer.docx", "it is not a Word document (.docx) xlbo can open"),
        ("~$offer.docx", "is the lock file Word keeps while offer.docx is open"),
        ("master.xlsx", "is a workbook, not a Word template: give the template (.docx) first"),
    ):
        assert main(_letters(template)) == 2
        assert said in capsys.readouterr().err
    write_docx(tmp_path / "test.docx", ["{% if Name is shouty %}Dear {{ Name }}{% endif %}"])
    assert main(_letters("test.docx")) == 2
    assert "uses the test 'shouty', which xlbo does not know" in capsys.readouterr().err
    write_docx(tmp_path / "ok.docx", ["Dear {{ Name }}"])
    folder = Folder(tmp_path)
    assert main([*_letters("ok.docx")[:-3], "--out", "master.xlsx", "--no-pdf"]) == 2
    assert "which the job reads" in capsys.readouterr().err
    folder.unchanged()
