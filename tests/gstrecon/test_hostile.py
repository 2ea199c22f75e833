"""Hostile inputs of gst-recon and tds-recon (issue 12's rules): each refused with a plain
message naming the file and what to do, exit 2, inputs unchanged, nothing left behind. Two cases
run xlbo in its own process (memory, no traceback); the rest run in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.gstrecon.builders import GANESH, OURS, books, gstr2b, invoice, purchase
from tests.hostile.harness import MEMORY_LIMIT_MB, Folder, run_xlbo
from xlbo.cli import main


@pytest.fixture
def month(tmp_path: Path) -> tuple[Path, Path]:
    book = books(
        tmp_path / "books.xlsx", [purchase("V001", "A1", "01-10-2026", 100, cgst=9, sgst=9)]
    )
    portal = gstr2b(
        tmp_path / "2B.json",
        "102026",
        {"b2b": {GANESH: [invoice("A1", "01-10-2026", 100, cgst=9, sgst=9)]}},
    )
    return book, portal


def gst(tmp_path: Path, book: Path, *portals: Path, out: str = "recon.xlsx") -> list[str]:
    args = ["gst-recon", "--purchases", str(book)]
    for portal in portals:
        args += ["--gstr2b", str(portal)]
    return [*args, "--out", str(tmp_path / out)]


def test_an_excel_file_given_as_the_2b_is_refused_in_its_own_process(
    tmp_path: Path, month: tuple[Path, Path]
) -> None:
    book, portal = month
    portal.write_bytes(book.read_bytes())  # the 2B 'downloaded' as Excel, named .json
    folder = Folder(tmp_path)
    outcome = run_xlbo(*gst(tmp_path, book, portal), cwd=tmp_path)
    outcome.plain()
    assert "2B.json: is a zip or Excel file, not the JSON" in outcome.err
    assert "Returns → GSTR-2B → Download" in outcome.err
    assert outcome.peak_mb < MEMORY_LIMIT_MB
    folder.unchanged()


def test_a_26as_nested_a_million_deep_is_refused_in_its_own_process(tmp_path: Path) -> None:
    text = tmp_path / "26AS.txt"
    text.write_text("^" * 2_000_000 + "\n" + "PART-I\n" * 3, encoding="utf-8")
    book = books(tmp_path / "books.xlsx", [])
    folder = Folder(tmp_path)
    outcome = run_xlbo(
        "tds-recon", "--26as", text, "--books", book, "--out", tmp_path / "t.xlsx", cwd=tmp_path
    )
    outcome.plain()
    assert "neither a Receipts sheet" in outcome.err
    assert outcome.peak_mb < MEMORY_LIMIT_MB
    folder.unchanged()


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"", "2B.json: is not a JSON file"),
        (b"\xff\xfe garbage", "2B.json: is not a JSON file"),
        (b"[" * 100_000, "2B.json: is not a JSON file"),
        (b'{"data": {"gstin": "x"}}', "2B.json: is not a GSTR-2B (no data.docdata)"),
        (b'{"data": {"rtnprd": "132026", "docdata": {}}}', "rtnprd '132026' is not MMYYYY"),
        (b'{"data": {"rtnprd": "102026", "docdata": {"b2b": {}}}}', "docdata.b2b is not a list"),
        (
            b'{"data": {"rtnprd": "102026", "docdata": {"b2b": [{"ctin": "X", "inv": '
            b'[{"inum": "A1", "dt": "31-02-2026", "txval": 1}]}]}}}',
            "b2b X A1 has the date '31-02-2026', not DD-MM-YYYY",
        ),
        (
            b'{"data": {"rtnprd": "102026", "docdata": {"b2b": [{"ctin": "X", "inv": '
            b'[{"inum": "A1", "dt": "01-10-2026", "txval": 1e400}]}]}}}',
            "b2b X A1: txval holds a number too large, not an amount",
        ),
        (
            b'{"data": {"rtnprd": "102026", "docdata": {"b2b": [{"ctin": "X", "inv": '
            b'[{"inum": "A1", "dt": "01-10-2026", "txval": "ten"}]}]}}}',
            "b2b X A1: txval holds 'ten', not an amount",
        ),
        (
            b'{"data": {"rtnprd": "102026", "docdata": {"b2b": [{"ctin": "X", "inv": '
            b'[{"inum": "A1", "dt": "01-10-2026", "items": [{"itm_det": "x"}]}]}]}}}',
            "b2b X A1 has an item 'x', not its amounts",
        ),
        (
            b'{"data": {"rtnprd": "102026", "docdata": {"impg": [{"boenum": "2566282", '
            b'"portcode": "INNSA1", "boedt": "2026/10/18", "igst": 1}]}}}',
            "impg INNSA1 2566282 has the date '2026/10/18', not DD-MM-YYYY",
        ),
        (
            b'{"data": {"rtnprd": "102026", "docdata": {"impgsez": ["2566282"]}}}',
            "docdata.impgsez holds '2566282'",
        ),
        (
            b'{"data": {"rtnprd": "102026", "docdata": {"isd": [{"ctin": "X", "doclist": '
            b'[{"docnum": "D1", "docdt": "01-10-2026", "cgst": "lots"}]}]}}}',
            "isd X D1: cgst holds 'lots', not an amount",
        ),
    ],
)
def test_a_broken_2b_is_refused_plainly(
    tmp_path: Path,
    month: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
    content: bytes,
    said: str,
) -> None:
    book, portal = month
    portal.write_bytes(content)
    folder = Folder(tmp_path)
    assert main(gst(tmp_path, book, portal)) == 2
    err = capsys.readouterr().err
    assert said in err, err
    assert "Traceback" not in err
    folder.unchanged()


def test_two_2b_of_one_period_or_of_two_companies_are_refused(
    tmp_path: Path, month: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    book, portal = month
    again = tmp_path / "again.json"
    again.write_bytes(portal.read_bytes())
    assert main(gst(tmp_path, book, portal, again)) == 2
    assert "2B.json and again.json are both the GSTR-2B of 2026-10" in capsys.readouterr().err
    other = json.loads(portal.read_text())
    other["data"]["gstin"], other["data"]["rtnprd"] = GANESH, "112026"
    again.write_text(json.dumps(other))
    assert main(gst(tmp_path, book, portal, again)) == 2
    assert f"is the 2B of GSTIN {GANESH}, the other files of {OURS}" in capsys.readouterr().err


def test_books_without_a_register_and_outputs_that_would_hurt(
    tmp_path: Path, month: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.conftest import write_xlsx

    book, portal = month
    empty = write_xlsx(tmp_path / "empty.xlsx", {"Sheet1": [["Date", "Amount"], ["01-10-2026", 5]]})
    assert main(gst(tmp_path, empty, portal)) == 2
    assert (
        "empty.xlsx has no Purchases sheet and no Tally Purchase Register"
        in capsys.readouterr().err
    )
    assert main(gst(tmp_path, book, portal, out="books.xlsx")) == 2
    assert "would replace books.xlsx" in capsys.readouterr().err
    assert main(gst(tmp_path, book, portal, out="recon.csv")) == 2
    assert "name it with .xlsx" in capsys.readouterr().err
    assert main(gst(tmp_path, book, tmp_path / "missing.json")) == 2
    assert "missing.json was not found" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2B.json", "books.xlsx", "empty.xlsx"]
