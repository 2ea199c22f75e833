"""Hostile vendors' files for `xlbo payables` and `xlbo contracts`: junk in the Purchases and
Vendors cells (amounts as text, formula errors, impossible dates, a bill twice, a vendor code
twice, a PAN of the wrong shape, an IFSC in lower case), files that are no workbook, outputs that
cannot be written, a run edited by hand before --confirm, and contracts whose figures run past
the calendar. Bad cells are Issues at their cells (exit 1); bad files and options exit 2 with a
sentence and nothing written."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.hostile.harness import MEMORY_LIMIT_MB, Folder, run_xlbo
from tests.hostile.test_reading import encrypted
from tests.vendors.books import PURCHASE_HEADERS, PURCHASES, VENDORS, books
from tests.vendors.test_contracts import CONTRACTS
from tests.vendors.test_payables_job import tick
from xlbo.book import FileBook
from xlbo.cli import main

AS_ON = "30-11-2026"


def bill(number: str, **cells: Any) -> list[Any]:
    """A bill of Shree Properties (V02, nothing paid yet) with `cells` typed over."""
    row = list(PURCHASES[2])
    row[PURCHASE_HEADERS.index("Bill No")] = number
    for header, value in cells.items():
        row[PURCHASE_HEADERS.index(header.replace("_", " "))] = value
    return row


def issue_cells(workbook: Path) -> dict[tuple[str, str], str]:
    """(sheet, cell) → problem of each error on the workbook's Issues sheet."""
    table = FileBook(workbook).read_table("Issues", ("Severity", "Sheet", "Cell", "Problem"))
    return {
        (r["Sheet"], r["Cell"]): r["Problem"]
        for r in table.frame.to_dict("records")
        if r["Severity"] == "Error"
    }


def propose(folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["payables", str(folder / "books.xlsx"), "--as-on", AS_ON,
                 "--out", str(folder / "run.xlsx")])  # fmt: skip
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "internal error" not in captured.err
    return code, captured.out + captured.err


def test_junk_in_the_purchases_cells_is_an_issue_at_each_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    books(
        tmp_path,
        purchases=[
            bill("R-1", Taxable_Value="Rs. 1,000/-"),  # row 2: read as 1,000
            bill("R-2", Taxable_Value="12,34,567"),  # row 3: Indian grouping
            bill("R-3", Taxable_Value="1.000,50"),  # row 4
            bill("R-4", Taxable_Value="NIL"),  # row 5
            bill("R-5", Taxable_Value="#REF!"),  # row 6
            bill("R-6", Taxable_Value=1e20),  # row 7
            bill("R-7", Taxable_Value=-5000),  # row 8
            bill("R-8", Bill_Date="31-02-2026"),  # row 9
            bill("R-9", Bill_Date=46296),  # row 10: an Excel serial, 01-10-2026
            bill("R-1", Taxable_Value=500),  # row 11: the bill number again
        ],
    )
    folder = Folder(tmp_path)
    code, said = propose(tmp_path, capsys)
    assert code == 1, said
    assert "3 open bills of 1 vendors" in said, said
    cells = issue_cells(tmp_path / "run.xlsx")
    assert set(cells) == {("Purchases", c) for c in ("G4", "G5", "G6", "G7", "G8", "C9", "B11")}
    assert "not an amount" in cells[("Purchases", "G4")]
    assert "#REF!" in cells[("Purchases", "G6")]
    assert "too large" in cells[("Purchases", "G7")]
    assert "not a real date" in cells[("Purchases", "C9")]
    assert "appears again" in cells[("Purchases", "B11")]
    assert {n for n in folder.inputs_unchanged() if not n.endswith((".jsonl", ".json"))} == {
        "run.xlsx"
    }


def test_vendor_cells_of_the_wrong_shape_and_a_code_twice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vendors = [list(r) for r in VENDORS]
    vendors[1][5] = 50100012345678  # the account stored as a number
    vendors[1][6] = "hdfc0001234"  # the IFSC in lower case
    vendors[3][2] = "ABCDE"  # a PAN of the wrong shape
    vendors.append(list(VENDORS[2]))  # V02 again, row 6
    books(tmp_path, extra={"Vendors": vendors})
    code, said = propose(tmp_path, capsys)
    assert code == 1, said
    cells = issue_cells(tmp_path / "run.xlsx")
    assert set(cells) == {("Vendors", "C4"), ("Vendors", "A6")}
    assert "PAN" in cells[("Vendors", "C4")] and "appears again" in cells[("Vendors", "A6")]
    tick(tmp_path / "run.xlsx", {"AC/101": "Yes", "DC-55": "Yes"})
    code = main(["payables", "--confirm", str(tmp_path / "run.xlsx")])
    said = capsys.readouterr()
    assert code == 1  # DC-55's vendor has no IFSC: not paid, said at its cell
    assert "Vendors G5: Deccan Couriers has no IFSC" in said.out
    bank_file = next((tmp_path / "payments-2026-11-30").glob("*.csv")).read_text()
    assert "Annapurna Caterers,50100012345678,HDFC0001234,58000.00" in bank_file
    assert "Deccan" not in bank_file


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"Vendor Code,Bill No\nV01,AC/1\n", "is not an Excel workbook: it is a text file"),
        (b"encrypted", "is password-protected"),
        (b"", "is empty (0 bytes)"),
    ],
)
def test_a_books_file_that_is_no_workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, said: str
) -> None:
    if content == b"encrypted":
        (tmp_path / "plain").mkdir()
        encrypted(books(tmp_path / "plain"), tmp_path / "books.xlsx")
        shutil.rmtree(tmp_path / "plain")
    else:
        (tmp_path / "books.xlsx").write_bytes(content)
    folder = Folder(tmp_path)
    code, told = propose(tmp_path, capsys)
    assert code == 2 and said in told, told
    folder.unchanged()


def test_an_empty_workbook_or_a_missing_sheet_names_what_to_add(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    openpyxl.Workbook().save(tmp_path / "books.xlsx")
    folder = Folder(tmp_path)
    code, said = propose(tmp_path, capsys)
    assert code == 2 and "has no Purchases sheet" in said and "xlbo init" in said, said
    folder.unchanged()


def test_outputs_that_cannot_be_written_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    books(tmp_path)
    (tmp_path / "run.xlsx").mkdir()
    (tmp_path / "~$books.xlsx").write_bytes(b"\0" * 165)  # the books are open in Excel
    folder = Folder(tmp_path)
    for out, said in (
        ("run.xlsx", "is a folder"),
        ("books.xlsx", "which the job reads"),
        ("run.csv", "name it with .xlsx"),
    ):
        code = main(["payables", str(tmp_path / "books.xlsx"), "--as-on", AS_ON,
                     "--out", str(tmp_path / out)])  # fmt: skip
        told = capsys.readouterr().err
        assert code == 2 and said in told, told
    folder.unchanged()


@pytest.fixture
def proposed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    books(tmp_path)
    code, said = propose(tmp_path, capsys)
    assert code == 0, said
    return tmp_path / "run.xlsx"


def _edit(run: Path, sheet: str, change: Any) -> None:
    book = openpyxl.load_workbook(run)
    change(book[sheet])
    book.save(run)


def _row_of(sheet: Any, bill_no: str) -> int:
    return next(c.row for c in sheet["D"] if c.value == bill_no)


def test_confirm_a_run_whose_day_was_typed_over(proposed: Path) -> None:
    def impossible(sheet: Any) -> None:
        next(r for r in sheet.iter_rows() if r[0].value == "As On")[1].value = "31-02-2026"

    _edit(proposed, "Run", impossible)
    folder = Folder(proposed.parent)
    outcome = run_xlbo("payables", "--confirm", proposed.name, cwd=proposed.parent)
    outcome.plain()  # was exit 70, "internal error (ValueError …)"
    assert "run.xlsx, sheet Run: the As On date cannot be read" in outcome.err
    assert "not a real date" in outcome.err and "make the run again" in outcome.err
    assert outcome.peak_mb < MEMORY_LIMIT_MB
    assert {n for n in folder.inputs_unchanged() if not n.endswith((".jsonl", ".json"))} == set()


def test_confirm_a_run_ticked_in_the_wrong_column(
    proposed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def beside(sheet: Any) -> None:
        sheet.cell(_row_of(sheet, "R-11"), 19).value = "Yes"  # in Net to Pay, not in Pay

    _edit(proposed, "Payment Run", beside)
    code = main(["payables", "--confirm", str(proposed)])
    said = capsys.readouterr().out
    assert code == 1, said  # was exit 0, "Nothing ticked to pay"
    assert "A tick in the Net to Pay column, not in Pay: bill R-11 was not paid" in said
    assert not (proposed.parent / "payments-2026-11-30").exists()


def test_confirm_a_run_with_rows_deleted_and_added(
    proposed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def edited(sheet: Any) -> None:
        sheet["A" + str(_row_of(sheet, "KC/7"))] = "✓"
        sheet.delete_rows(_row_of(sheet, "AC/101"))  # a ticked row deleted: not paid
        added = _row_of(sheet, "R-11")
        sheet.insert_rows(added)  # a bill typed in by hand: not in the books
        for column, value in enumerate(("Y", "V09", "Someone", "X/1"), start=1):
            sheet.cell(added, column).value = value

    tick(proposed, {"AC/101": "Yes"})
    _edit(proposed, "Payment Run", edited)
    code = main(["payables", "--confirm", str(proposed)])
    said = capsys.readouterr().out
    assert code == 1, said
    assert "1 payments, ₹78,400.00 (1 bills)" in said  # KC/7 only
    assert "no longer open in the books" in said
    paid = (proposed.parent / "payments-2026-11-30" / "NEFT-RTGS-20261130.csv").read_text()
    assert "Kulkarni Consultants" in paid and "Annapurna" not in paid and "X/1" not in paid


def _contract(**cells: Any) -> list[Any]:
    row = list(CONTRACTS[1])
    for header, value in cells.items():
        row[CONTRACTS[0].index(header)] = value
    return row


def test_contracts_whose_figures_run_past_the_calendar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    books(
        tmp_path,
        extra={
            "Contracts": [
                CONTRACTS[0],
                _contract(**{"Contract ID": "C-1", "Notice Period (days)": 10**7}),  # row 2
                _contract(**{"Contract ID": "C-2", "Notice Period (days)": 1e20}),  # row 3
                _contract(
                    **{"Contract ID": "C-3", "Auto Renew": "Yes", "Renewal Term (months)": 10**7}
                ),
                _contract(**{"Contract ID": "C-4", "End": "01-01-2020"}),  # before its start
                _contract(**{"Contract ID": "C-5", "Value": "Rs. 7,20,000/-"}),  # read
                _contract(**{"Contract ID": "C-6", "Guarantee Expiry": 46371}),  # a serial
            ]
        },
    )
    out = tmp_path / "alerts.xlsx"
    code = main(["contracts", str(tmp_path / "books.xlsx"), "--as-on", "15-10-2026",
                 "--out", str(out)])  # fmt: skip
    said = capsys.readouterr()
    assert code == 1, said  # was exit 70, OverflowError
    assert "2 contracts" in said.out
    cells = issue_cells(out)
    assert set(cells) == {("Contracts", "I2"), ("Contracts", "I3"), ("Contracts", "H4"),
                          ("Contracts", "F5")}  # fmt: skip
    assert "ends (01-01-2020) before it starts (01-01-2024)" in cells[("Contracts", "F5")]
    alerts = FileBook(out).read_table("Alerts", ("Date", "Alert", "Contract ID")).frame
    assert set(alerts["Contract ID"]) == {"C-5", "C-6"}
    code = main(["contracts", str(tmp_path / "books.xlsx"), "--as-on", "15-10-2026",
                 "--days", "99999999", "--out", str(out)])  # fmt: skip
    assert code == 2 and "look at most 36500 days" in capsys.readouterr().err


def test_headers_as_users_type_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = books(tmp_path)
    book = openpyxl.load_workbook(path)
    sheet = book["Purchases"]
    sheet["B1"], sheet["G1"] = "  bill no ", "TAXABLE VALUE"  # other case, extra spaces
    sheet.insert_rows(1, 2)  # a title block, merged, above the header
    sheet["A1"] = "Purchase register 2026-27"
    sheet.merge_cells("A1:F1")
    book.save(path)
    code, said = propose(tmp_path, capsys)
    assert code == 0 and "4 open bills of 4 vendors: ₹2,71,400.00 outstanding" in said, said
    sheet["I3"] = "C.GST"  # an optional tax column misspelt (the header is on row 3 now)
    book.save(path)
    code, said = propose(tmp_path, capsys)
    assert code == 0 and "₹2,50,700.00 outstanding" in said, said  # 20,700 of CGST less
    assert "0 errors, 1 warning" in said  # was a note, "read as blank"
    problems = FileBook(tmp_path / "run.xlsx").read_table("Issues", ("Severity", "Problem"))
    said_more = problems.frame[problems.frame["Severity"] != "Info"]  # notes: columns added later
    assert said_more[["Severity", "Cell", "Problem"]].values.tolist() == [
        ["Warning", "I3", "The Purchases sheet has no 'CGST' column: every bill's CGST is read "
         "as 0, and what is owed is short by it"]
    ]  # fmt: skip
    sheet["G3"] = "Taxabel Value"  # a required column misspelt
    book.save(path)
    code, said = propose(tmp_path, capsys)
    assert code == 1, said
    assert "Purchases G3: The Purchases sheet has no required 'Taxable Value' column" in said
