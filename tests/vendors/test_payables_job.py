"""`xlbo payables`: the run proposed from literal books, ticked, confirmed into a bank file, a
payment journal that balances and an advice per vendor; a ticked run never silently replaced;
a user's own layout; what a user gets wrong."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.hostile.harness import Folder, run_xlbo
from tests.vendors.books import books
from xlbo.book import FileBook
from xlbo.cli import main
from xlbo.journal_layout import HEADERS

RUN = "Payment Run"


def tick(run: Path, marks: dict[str, object]) -> None:
    """Write `marks` (Bill No → what the user types) into the run's Pay column, as Excel would."""
    book = openpyxl.load_workbook(run)
    sheet = book[RUN]
    header = next(r for r in sheet.iter_rows() if r[0].value == "Pay")[0].row
    columns = {c.value: c.column for c in sheet[header]}
    for row in range(header + 1, sheet.max_row + 1):
        number = sheet.cell(row, columns["Bill No"]).value
        if number in marks:
            sheet.cell(row, columns["Pay"]).value = marks[number]
    book.save(run)


def run_rows(run: Path) -> dict[str, dict[str, object]]:
    table = FileBook(run).read_table(RUN, ("Pay", "Vendor Code", "Bill No"))
    return {str(r["Bill No"]): r for r in table.frame.to_dict("records") if r["Bill No"]}


@pytest.fixture
def proposed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    books(tmp_path)
    code = main(["payables", str(tmp_path / "books.xlsx"), "--as-on", "30-11-2026",
                 "--out", str(tmp_path / "run.xlsx")])  # fmt: skip
    said = capsys.readouterr().out
    assert code == 0, said
    assert "4 open bills of 4 vendors: ₹2,71,400.00 outstanding, TDS ₹23,800.00" in said
    return tmp_path / "run.xlsx"


def test_the_run_has_each_open_bill_with_due_date_tds_and_net(proposed: Path) -> None:
    rows = run_rows(proposed)
    assert list(rows) == ["AC/101", "R-11", "KC/7", "DC-55"]  # the MSME bill first; AC/99 paid
    caterer = rows["AC/101"]
    assert caterer["Days Overdue"] == 13 and "capped at 45 days" in str(caterer["Due Because"])
    assert caterer["MSME"] == "Micro" and "At risk" in str(caterer["43B(h)"])
    assert (caterer["TDS"], caterer["Net to Pay"]) == (1000, 58000)
    consultant = rows["KC/7"]
    assert consultant["TDS"] == 16000 and "no valid PAN" in str(consultant["TDS Because"])
    assert "no IFSC" in str(rows["DC-55"]["Bank Details"])
    journal = FileBook(proposed).read_table("Journal", HEADERS).frame
    assert journal["Debit"].sum() == journal["Credit"].sum() == 291400


def test_confirm_writes_the_bank_file_journal_and_advices(
    proposed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tick(proposed, {"AC/101": "Yes", "R-11": "✓", "KC/7": "x", "DC-55": "Y"})
    code = main(["payables", "--confirm", str(proposed), "--date", "02-12-2026"])
    said = capsys.readouterr().out
    assert code == 1  # Deccan Couriers has no IFSC: not paid, and said
    assert "Deccan Couriers has no IFSC" in said and "3 payments, ₹2,01,200.00" in said
    out = proposed.parent / "payments-2026-12-02"
    assert (out / "NEFT-RTGS-20261202.csv").read_bytes() == (
        b"Payment Type,Beneficiary Name,Beneficiary Account,IFSC,Amount,Value Date,Reference,"
        b"Remarks,Beneficiary Email\r\n"
        b"NEFT,Annapurna Caterers,50100012345678,HDFC0001234,58000.00,02/12/2026,"
        b"PMT/20261202/001,AC/101,ac@annapurna.example\r\n"
        b"NEFT,Shree Properties,001234567890,SBIN0000456,64800.00,02/12/2026,"
        b"PMT/20261202/002,R-11,\r\n"
        b"NEFT,Kulkarni Consultants,9988776655,ICIC0000789,78400.00,02/12/2026,"
        b"PMT/20261202/003,KC/7,\r\n"
    )
    payments = FileBook(out / "payments.xlsx")
    journal = payments.read_table("Journal", HEADERS).frame
    for _, voucher in journal.groupby("Voucher No"):
        assert voucher["Debit"].sum() == voucher["Credit"].sum()
    tds = journal[journal["Account"].str.startswith("TDS Payable")]
    assert sorted(tds["Credit"]) == [1000, 6000, 16000]
    assert {"Advice V01", "Advice V02", "Advice V03"} <= set(payments.sheet_names())
    advice = payments.read_table("Advice V03", ("Bill No", "TDS Deducted", "Paid")).frame
    assert advice["Paid"].tolist()[0] == 78400


def test_a_ticked_run_is_never_silently_replaced(
    proposed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tick(proposed, {"AC/101": "Yes", "KC/7": "x"})
    ticked = proposed.read_bytes()
    assert main(["payables", str(proposed.parent / "books.xlsx"), "--as-on", "30-11-2026",
                 "--out", str(proposed)]) == 0  # fmt: skip
    said = capsys.readouterr()
    assert "Kept your ticks on 2 bills still open" in said.out
    assert "Kept your earlier run.xlsx as run (previous).xlsx" in said.out
    assert (proposed.parent / "run (previous).xlsx").read_bytes() == ticked
    rows = run_rows(proposed)
    assert [n for n, r in rows.items() if r["Pay"] == "Yes"] == ["AC/101", "KC/7"]


def test_a_tick_that_is_no_tick_is_reported_at_its_cell(
    proposed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tick(proposed, {"AC/101": "maybe", "R-11": "Yes"})
    assert main(["payables", "--confirm", str(proposed), "--out", str(proposed.parent / "p")]) == 1
    said = capsys.readouterr().out
    assert "1 payments, ₹64,800.00" in said
    assert "Payment Run A" in said and "neither a tick nor a blank" in said


USER_LAYOUT = [
    ["Layout", "Style", "Delimiter", "File Name", "Allowed Characters", "Line", "Field", "Text",
     "Width", "Align", "Pad", "Format"],
    ["Our Bank", "Fixed Width", None, "PAY-DDMMYYYY.txt", "A-Z a-z 0-9 space", "Header", "Text",
     "H", None, None, None, None],
    ["Our Bank", None, None, None, None, "Header", "Debit Account", None, 14, None, None, None],
    ["Our Bank", None, None, None, None, "Header", "Count", None, 3, None, "0", None],
    ["Our Bank", None, None, None, None, "Payment", "Text", "D", None, None, None, None],
    ["Our Bank", None, None, None, None, "Payment", "Beneficiary IFSC", None, 11, None, None, None],
    ["Our Bank", None, None, None, None, "Payment", "Amount", None, 12, None, "0", "paise"],
    ["Our Bank", None, None, None, None, "Payment", "Beneficiary Name", None, 12, None, None, None],
    ["Our Bank", None, None, None, None, "Footer", "Total", None, 12, None, "0", "0.00"],
]  # fmt: skip


def test_a_layout_of_the_users_own(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    books(tmp_path, extra={"Payment Layouts": USER_LAYOUT})
    run = tmp_path / "run.xlsx"
    assert (
        main(["payables", str(tmp_path / "books.xlsx"), "--as-on", "30-11-2026", "--out", str(run)])
        == 0
    )
    tick(run, {"AC/101": "Yes", "R-11": "Yes"})
    assert main(["payables", "--confirm", str(run), "--date", "01-12-2026"]) == 0
    said = capsys.readouterr()
    assert (tmp_path / "payments-2026-12-01" / "PAY-01122026.txt").read_bytes() == (
        b"H00012345678901002\r\n"
        b"DHDFC0001234000005800000Annapurna Ca\r\n"
        b"DSBIN0000456000006480000Shree Proper\r\n"
        b"000122800.00\r\n"
    )
    assert "cut to 12 characters" in said.err


def test_what_a_user_gets_wrong_is_said_plainly(tmp_path: Path) -> None:
    books(tmp_path)
    folder = Folder(tmp_path)
    no_date = run_xlbo("payables", "books.xlsx", "--out", "run.xlsx", cwd=tmp_path)
    no_date.plain()
    assert "--as-on" in no_date.said
    not_a_run = run_xlbo("payables", "--confirm", "books.xlsx", cwd=tmp_path)
    not_a_run.plain()
    assert "not a payment run made by xlbo" in not_a_run.said
    assert max(no_date.peak_mb, not_a_run.peak_mb) < 2048
    folder.unchanged()


def test_a_layout_with_a_bad_cell_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = [list(r) for r in USER_LAYOUT]
    broken[5][6] = "Beneficiary IBAN"  # no such field: the row would be lost from the file
    books(tmp_path, extra={"Payment Layouts": broken})
    run = tmp_path / "run.xlsx"
    assert (
        main(["payables", str(tmp_path / "books.xlsx"), "--as-on", "30-11-2026", "--out", str(run)])
        == 1
    )
    tick(run, {"AC/101": "Yes"})
    folder = Folder(tmp_path)
    assert main(["payables", "--confirm", str(run)]) == 2
    said = capsys.readouterr().err
    assert "Payment Layouts, cell G6" in said and "nothing was written" in said
    folder.unchanged()


def test_vendor_codes_alike_as_sheet_names_get_an_advice_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """V:01 and V/01 both read 'Advice V-01' as a sheet name: the second is numbered."""
    from tests.vendors.books import PURCHASES, VENDORS

    codes = {"V01": "V:01", "V02": "V/01"}

    def recode(rows: list[list[object]]) -> list[list[object]]:
        return [[codes.get(c, c) if isinstance(c, str) else c for c in r] for r in rows]

    book = books(
        tmp_path,
        purchases=recode([list(r) for r in PURCHASES]),
        extra={"Vendors": recode([list(r) for r in VENDORS])},
    )
    run = tmp_path / "run.xlsx"
    assert main(["payables", str(book), "--as-on", "30-11-2026", "--out", str(run)]) == 0
    tick(run, {"AC/101": "Yes", "R-11": "Yes"})
    code = main(["payables", "--confirm", str(run), "--date", "02-12-2026"])
    assert code == 0, capsys.readouterr().out
    names = FileBook(tmp_path / "payments-2026-12-02" / "payments.xlsx").sheet_names()
    assert {"Advice V-01", "Advice V-01 (2)"} <= set(names)


def test_the_payments_posted_back_settle_their_bills(
    proposed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The payment journal --confirm wrote, pasted under the books' Journal (a TDS line in each
    voucher, books without an Accounts sheet), is read as every job reads the Journal
    (`journal_lines`): the bills it paid are no longer open, and nothing in it is an issue."""
    tick(proposed, {"AC/101": "Yes", "KC/7": "x"})
    assert main(["payables", "--confirm", str(proposed), "--date", "02-12-2026"]) == 0
    posted = FileBook(proposed.parent / "payments-2026-12-02" / "payments.xlsx")
    lines = posted.read_table("Journal", HEADERS).frame
    book = openpyxl.load_workbook(proposed.parent / "books.xlsx")
    for line in lines[list(HEADERS)].itertuples(index=False):
        book["Journal"].append([None if v != v else v for v in line])
    book.save(proposed.parent / "books.xlsx")
    capsys.readouterr()
    code = main(["payables", str(proposed.parent / "books.xlsx"), "--as-on", "03-12-2026",
                 "--out", str(proposed.parent / "again.xlsx")])  # fmt: skip
    said = capsys.readouterr().out
    assert code == 0 and "2 open bills of 2 vendors" in said, said
    assert list(run_rows(proposed.parent / "again.xlsx")) == ["R-11", "DC-55"]


def test_confirm_opens_the_run_once(proposed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--confirm reads the run's Run sheet and its ticks from one opening of the file."""
    from datetime import date

    from xlbo.book import files
    from xlbo.jobs.payables import payables_job
    from xlbo.jobs.registry import PayablesSettings

    tick(proposed, {"AC/101": "Yes"})
    opened: list[str] = []
    real = files.FileBook.__init__

    def counting(self: files.FileBook, path: str | Path) -> None:
        opened.append(Path(path).name)
        real(self, path)

    monkeypatch.setattr(files.FileBook, "__init__", counting)
    result = payables_job({"run": proposed}, PayablesSettings(pay_date=date(2026, 12, 2)))
    assert result.exit_code == 0 and opened.count("run.xlsx") == 1, opened


def tick_in_a_copy(run: Path, bill: str, mark: str) -> str:
    """Copy the Pay column's header to the sheet's end, as a user copies the column, and write
    `mark` there on `bill`'s row; the copy's letter."""
    book = openpyxl.load_workbook(run)
    sheet = book[RUN]
    header = next(r for r in sheet.iter_rows() if r[0].value == "Pay")[0].row
    columns = {c.value: c.column for c in sheet[header]}
    copy = sheet.max_column + 1
    sheet.cell(header, copy).value = "Pay"
    for row in range(header + 1, sheet.max_row + 1):
        if sheet.cell(row, columns["Bill No"]).value == bill:
            sheet.cell(row, copy).value = mark
    book.save(run)
    return str(openpyxl.utils.get_column_letter(copy))


def test_a_tick_in_a_copied_pay_column_pays_the_bill_and_the_copy_is_said(
    proposed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A second column headed Pay (the first copied to the sheet's end) was read as `Pay (2)`:
    its ticks paid nothing, without a word."""
    tick(proposed, {"R-11": "Yes"})
    letter = tick_in_a_copy(proposed, "KC/7", "✓")
    assert main(["payables", "--confirm", str(proposed), "--out", str(proposed.parent / "p")]) == 0
    said = capsys.readouterr().out
    assert "2 payments, ₹1,43,200.00" in said
    assert f"the Payment Run sheet has 2 columns headed Pay (A and {letter})" in said


def test_a_tick_in_a_copied_pay_column_beside_a_word_in_pay_pays_the_bill(
    proposed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tick(proposed, {"KC/7": "maybe"})
    tick_in_a_copy(proposed, "KC/7", "Yes")
    assert main(["payables", "--confirm", str(proposed), "--out", str(proposed.parent / "p")]) == 0
    said = capsys.readouterr().out
    assert "1 payments, ₹78,400.00" in said and "neither a tick nor a blank" not in said
