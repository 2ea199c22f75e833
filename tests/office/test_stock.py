"""Office supplies: the register by moving weighted average, an issue that would take stock
below zero, the reorder decision with and without a request already open, request numbers never
given twice, and junk in the new sheets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import write_xlsx
from tests.vendors.books import COMPANY, VENDORS
from xlbo.book import FileBook
from xlbo.cli import main
from xlbo.master.load import load_sheet
from xlbo.master.schema import PURCHASE_REQUESTS, STOCK_ITEMS, STOCK_MOVES
from xlbo.office.stock import (
    PurchaseRequest,
    StockItem,
    StockMove,
    propose_requests,
    reorder,
    stock_register,
)

ITEMS = [
    ["Code", "Description", "Unit", "Location", "Reorder Level", "Reorder Quantity",
     "Lead Time (days)", "Preferred Vendor"],
    ["A4", "A4 paper, 500 sheets", "PKT", "Pune office", 5, 20, 3, "V01"],
    ["TONER", "Toner HP 88A", "NOS", "Pune office", 2, 4, 7, "V04"],
    ["TEA", "Tea leaves", "KGS", "Pantry", 1, 2.5, 2, "V01"],
]  # fmt: skip
MOVES = [
    ["Date", "Item", "Receipt or Issue", "Quantity", "Rate", "Reference", "Department or Person"],
    ["25-03-2026", "A4", "Receipt", 2, 240, "Opening", None],
    ["01-10-2026", "A4", "Receipt", 8, 252.50, "GRN/101", "Admin"],
    ["05-10-2026", "A4", "Issue", 4, None, "REQ/7", "Accounts"],
    ["10-10-2026", "A4", "Receipt", 10, 270, "GRN/115", "Admin"],
    ["15-10-2026", "A4", "Issue", 12, None, "REQ/9", "Sales"],
    ["01-10-2026", "TONER", "Receipt", 3, 3450, "GRN/102", "Admin"],
    ["20-10-2026", "TONER", "Issue", 5, None, "REQ/12", "Accounts"],
    ["02-11-2026", "TEA", "Receipt", 1.5, 480, "GRN/130", "Pantry"],
    ["25-10-2026", "TONER", "Issue", 2, None, "REQ/14", "Admin"],
]  # fmt: skip
REQUESTS = [
    ["Request No", "Date", "Vendor Code", "Item", "Quantity", "Status"],
    ["PR/26-27/0007", "20-11-2026", "V01", "TEA", 2.5, "Open"],
    ["PR/26-27/0004", "01-09-2026", "V01", "A4", 20, "Received"],
]  # fmt: skip


def books(folder: Path, **sheets: list[list[Any]]) -> Path:
    return write_xlsx(
        folder / "books.xlsx",
        {
            "Company": [list(r) for r in COMPANY],
            "Vendors": [list(r) for r in VENDORS],
            "Stock Items": ITEMS,
            "Stock Moves": MOVES,
            "Purchase Requests": REQUESTS,
            **sheets,
        },
    )


def item(code: str, **fields: Any) -> StockItem:
    return StockItem.model_validate({"code": code, "description": code, **fields})


def move(day: str, kind: str, quantity: Any, rate: Any = 0, code: str = "A4") -> StockMove:
    return StockMove.model_validate(
        {"date": day, "item": code, "kind": kind, "quantity": quantity, "rate": rate}
    )


def test_weighted_average_after_two_receipts_at_different_rates() -> None:
    moves = [
        move("01-10-2026", "Receipt", 10, 250),
        move("05-10-2026", "Issue", 4),
        move("10-10-2026", "Receipt", 10, 270),
        move("15-10-2026", "Issue", 12),
    ]
    [a4], problems = stock_register(
        [item("A4", unit="PKT")], list(enumerate(moves, 2)), date(2026, 4, 1), date(2026, 10, 31)
    )
    assert problems == []
    assert (a4.received, a4.received_value) == (20, 520000)
    # 6 left at 250 (1,500.00) + 10 at 270 (2,700.00) = 16 at 262.50; 12 out = 3,150.00
    assert [ln.average for ln in a4.lines] == [Decimal("250.00"), Decimal("250.00"),
                                                Decimal("262.50"), Decimal("262.50")]  # fmt: skip
    assert (a4.issued, a4.issued_value) == (16, 100000 + 315000)
    assert (a4.closing, a4.closing_value, a4.average) == (4, 105000, Decimal("262.50"))


def test_the_last_unit_out_takes_what_value_is_left() -> None:
    moves = [move("01-10-2026", "Receipt", 3, 100), move("02-10-2026", "Receipt", 3, 100.01),
             move("03-10-2026", "Issue", 1), move("04-10-2026", "Issue", 5)]  # fmt: skip
    [a4], _ = stock_register([item("A4")], list(enumerate(moves, 2)), date(2026, 4, 1),
                             date(2026, 10, 31))  # fmt: skip
    assert a4.received_value == 60003 and a4.issued_value == 60003
    assert (a4.closing, a4.closing_value) == (0, 0)


def test_an_issue_beyond_stock_names_its_row_and_is_left_out() -> None:
    moves = [move("01-10-2026", "Receipt", 3, 3450, "TONER"), move("20-10-2026", "Issue", 5,
             code="TONER"), move("21-10-2026", "Issue", 1, code="TONER")]  # fmt: skip
    [toner], problems = stock_register(
        [item("TONER", unit="NOS")], list(enumerate(moves, 2)), date(2026, 4, 1),
        date(2026, 10, 31),
    )  # fmt: skip
    assert [(p.row, p.header) for p in problems] == [(3, "Quantity")]
    assert "Issue of 5 NOS of TONER on 20-10-2026 is more than the 3 on hand" in problems[0].problem
    assert (toner.issued, toner.closing, toner.closing_value) == (1, 2, 690000)


def test_same_day_receipt_counts_before_the_issue() -> None:
    moves = [move("05-10-2026", "Issue", 2), move("05-10-2026", "Receipt", 2, 100)]
    [a4], problems = stock_register([item("A4")], list(enumerate(moves, 2)), date(2026, 4, 1),
                                    date(2026, 10, 31))  # fmt: skip
    assert problems == [] and a4.closing == 0


def request(number: str, code: str, quantity: Any, status: str = "Open") -> PurchaseRequest:
    return PurchaseRequest.model_validate(
        {"request_no": number, "date": "01-11-2026", "vendor_code": "V01", "item": code,
         "quantity": quantity, "status": status}
    )  # fmt: skip


def test_reorder_counts_an_open_request_and_never_requests_twice() -> None:
    tea = item("TEA", unit="KGS", reorder_level=1, reorder_quantity=2.5, lead_time=2,
                preferred_vendor="V01")  # fmt: skip
    moves = [move("02-11-2026", "Receipt", 1.5, 480, "TEA"), move("03-11-2026", "Issue", 1,
             code="TEA")]  # fmt: skip
    balances, _ = stock_register([tea], list(enumerate(moves, 2)), date(2026, 4, 1),
                                 date(2026, 11, 30))  # fmt: skip
    as_on = date(2026, 11, 30)
    [without] = reorder(balances, [], as_on)
    assert without.proposed and without.quantity == Decimal("2.5")
    assert without.needed_by == date(2026, 12, 2)
    assert "stock 0.5, at or below the reorder level 1; reorder quantity 2.5" in without.why
    [with_open] = reorder(balances, [request("PR/26-27/0007", "TEA", 2.5)], as_on)
    assert not with_open.proposed
    assert with_open.why == (
        "Not needed: stock 0.5 + 2.5 requested (PR/26-27/0007) = 3, above the reorder level 1"
    )
    [after_cancel] = reorder(balances, [request("PR/26-27/0007", "TEA", 2.5, "Cancelled")], as_on)
    assert after_cancel.proposed


def test_request_numbers_follow_the_highest_used_and_a_repeat_keeps_its_number() -> None:
    a4 = item("A4", reorder_level=5, reorder_quantity=20, preferred_vendor="V01")
    balances, _ = stock_register([a4], [], date(2026, 4, 1), date(2026, 11, 30))
    decisions = reorder(balances, [], date(2026, 11, 30))
    [first] = propose_requests(decisions, date(2026, 11, 30), ["PR/26-27/0007", "PR/25-26/0040"])
    assert first.number == "PR/26-27/0008"
    earlier = {("v01", frozenset({("a4", "20")})): "PR/26-27/0008"}
    [again] = propose_requests(decisions, date(2026, 11, 30), ["PR/26-27/0008"], earlier)
    assert again.number == "PR/26-27/0008"


def test_the_job_writes_register_reorder_and_requests(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = books(tmp_path)
    out = tmp_path / "stock.xlsx"
    code = main(["stock", str(book), "--as-on", "30-11-2026", "--out", str(out)])
    said = capsys.readouterr().out
    assert code == 1, said  # the toner issue beyond stock
    assert "3 stock items worth ₹5,220.00" in said  # 1,050 + 3,450 + 720
    assert "2 to reorder, 2 purchase requests (PR/26-27/0008, PR/26-27/0009)" in said
    written = FileBook(out)
    register = written.read_table("Stock Register", ("Code", "Opening Qty")).frame
    a4 = register[register["Code"] == "A4"].iloc[0]
    assert (a4["Opening Qty"], a4["Opening Value"], a4["Receipts Qty"]) == (2, 480, 18)
    # 2 @ 240 + 8 @ 252.50 = 10 @ 250; 4 out; + 10 @ 270 → 16 @ 262.50; 12 out → 4, 1,050.00
    assert (a4["Closing Qty"], a4["Closing Value"], a4["Average Rate"]) == (4, 1050, 262.5)
    assert register["Code"].tolist()[-1] == "Total"
    reorder_sheet = written.read_table("Reorder", ("Code", "Proposed", "Why")).frame
    assert reorder_sheet["Proposed"].tolist() == ["Yes", "Yes", "No"]
    assert "PR/26-27/0007" in reorder_sheet["Why"].tolist()[2]
    proposed = written.read_table("Proposed Requests", ("Request No", "Vendor Code", "Item")).frame
    assert proposed[["Request No", "Vendor Code", "Item", "Quantity"]].values.tolist() == [
        ["PR/26-27/0008", "V01", "A4", 20],
        ["PR/26-27/0009", "V04", "TONER", 4],
    ]
    issues = written.read_table("Issues", ("Sheet", "Cell", "Problem")).frame
    assert issues[["Sheet", "Cell"]].values.tolist() == [["Stock Moves", "D8"]]
    assert "stock would go below zero" in issues["Problem"].tolist()[0]
    # Run again: the same need keeps its numbers; nothing new is numbered.
    main(["stock", str(book), "--as-on", "30-11-2026", "--out", str(out)])
    again = FileBook(out).read_table("Proposed Requests", ("Request No",)).frame
    assert again["Request No"].tolist() == ["PR/26-27/0008", "PR/26-27/0009"]


def test_a_book_without_stock_items_is_told_what_to_add(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = write_xlsx(tmp_path / "books.xlsx", {"Company": [list(r) for r in COMPANY]})
    assert (
        main(["stock", str(book), "--as-on", "30-11-2026", "--out", str(tmp_path / "s.xlsx")]) == 2
    )
    err = capsys.readouterr().err
    assert "has no Stock Items sheet" in err and "Reorder Level" in err
    assert not (tmp_path / "s.xlsx").exists()


JUNK = ["#N/A", "", "   ", "=1+1", "-5", "abc", "1e400", "2.5.1", "\u00a0", "0", "१२", "12 kg"]


@pytest.mark.parametrize("junk", JUNK)
def test_junk_in_the_stock_sheets_becomes_issues(tmp_path: Path, junk: str) -> None:
    items = [ITEMS[0], ["J1", "Junk item", "NOS", None, junk, junk, junk, junk]]
    moves = [MOVES[0], [junk, "J1", junk, junk, junk, junk, junk]]
    requests = [REQUESTS[0], [junk, junk, junk, "J1", junk, junk]]
    path = books(tmp_path, **{"Stock Items": items, "Stock Moves": moves,
                              "Purchase Requests": requests})  # fmt: skip
    reader = FileBook(path)
    for table in (STOCK_ITEMS, STOCK_MOVES, PURCHASE_REQUESTS):
        records, _, _, issues = load_sheet(reader, table)
        assert len(records) + len(issues) >= 1
        assert all(i.cell and i.problem for i in issues)
    assert main(["stock", str(path), "--as-on", "30-11-2026", "--out",
                 str(tmp_path / "s.xlsx")]) in (0, 1)  # fmt: skip


@pytest.mark.parametrize("door", ["classic", "lite"])
def test_the_stock_button_writes_the_figures_the_command_line_writes(
    tmp_path: Path, door: str
) -> None:
    from tests.test_doors import _classic, _lite, book_of, book_table, file_table

    path = books(tmp_path)
    today = date.today()
    main(["stock", str(path), "--as-on", f"{today:%d-%m-%Y}", "--out", str(tmp_path / "s.xlsx")])
    book = book_of(path)
    outcome = (_classic if door == "classic" else _lite)("stock", book)
    assert outcome.startswith("3 stock items worth ₹5,220.00")
    for sheet, header in (("Stock Register", "Code"), ("Reorder", "Code"),
                          ("Proposed Requests", "Request No")):  # fmt: skip
        assert book_table(book, sheet, header) == file_table(tmp_path / "s.xlsx", sheet, header)
    # A second click keeps the numbers of the requests it proposed.
    first = book_table(book, "Proposed Requests", "Request No")
    (_classic if door == "classic" else _lite)("stock", book)
    assert book_table(book, "Proposed Requests", "Request No") == first


def test_hostile_stock_runs_say_what_to_do_and_leave_the_folder_as_it_was(tmp_path: Path) -> None:
    from tests.hostile.harness import Folder, run_xlbo

    books(tmp_path)
    (tmp_path / "fake.xlsx").write_bytes(b"PK\x03\x04 not a zip at all")
    folder = Folder(tmp_path)
    for args, words in (
        (("fake.xlsx", "--as-on", "30-11-2026", "--out", "s.xlsx"), "fake.xlsx"),
        (("books.xlsx", "--as-on", "30-11-2026", "--out", "books.xlsx"), "choose another --out"),
    ):
        outcome = run_xlbo("stock", *args, cwd=tmp_path)
        outcome.plain()
        assert words in outcome.err and outcome.peak_mb < 2048
        folder.unchanged()
    outcome = run_xlbo("stock", "books.xlsx", "--as-on", "30-11-2026", cwd=tmp_path)
    assert outcome.code == 1 and "Traceback" not in outcome.said  # the toner issue beyond stock
    assert folder.inputs_unchanged() == ["stock.xlsx"]


# -- request → bill → payment ---------------------------------------------------------------------


def test_a_request_goes_requested_billed_part_paid_paid() -> None:
    from xlbo.office.stock import RequestBill, Stage, follow_requests

    requests = [request("PR/26-27/0007", "TEA", 2.5), request("PR/26-27/0007", "A4", 10),
                request("PR/26-27/0008", "A4", 20)]  # fmt: skip

    def bill(number: str, no: str, paid: int) -> RequestBill:
        return RequestBill(number, "V01", no, date(2026, 11, 5), 590000, paid)

    [p7, p8], unknown = follow_requests(requests, [])
    assert (p7.stage, p8.stage, unknown) == (Stage.REQUESTED, Stage.REQUESTED, [])
    assert p7.items == (("TEA", Decimal("2.5")), ("A4", 10))  # one request, two item rows
    for paid, stage, said in (
        (0, Stage.BILLED, "Billed: AC/120 of 05-11-2026 5,900.00, unpaid"),
        (200000, Stage.PART_PAID, "Part paid: AC/120 of 05-11-2026 5,900.00, 2,000.00 paid"),
        (590000, Stage.PAID, "Paid: AC/120 of 05-11-2026 5,900.00, paid in full"),
    ):
        [p7, _], unknown = follow_requests(
            requests, [bill("pr/26-27/0007", "AC/120", paid), bill("PR/26-27/0099", "AC/9", 0)]
        )
        assert (p7.stage, p7.said(), unknown) == (stage, said, [1])


def test_the_job_follows_each_request_to_payment_and_flags_an_unknown_pr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.vendors.books import PURCHASE_HEADERS

    requests = [
        REQUESTS[0],
        ["PR/26-27/0007", "20-11-2026", "V01", "TEA", 2.5, "Open"],
        ["PR/26-27/0004", "01-09-2026", "V01", "A4", 20, "Received"],
        ["PR/26-27/0006", "21-11-2026", "V04", "TONER", 4, "Ordered"],
    ]
    purchases = [
        [*PURCHASE_HEADERS, "PR No"],  # PR No is column P
        ["V01", "AC/150", "05-09-2026", None, "Office Supplies", "A4 paper", 5000, None, 450,
         450, None, None, None, None, None, "PR/26-27/0004"],
        ["V01", "AC/160", "25-11-2026", None, "Staff Welfare", "Tea", 1200, None, None, None,
         None, None, None, None, None, "PR/26-27/0007"],
        ["V04", "DC-77", "26-11-2026", None, "Office Supplies", "Toner", 13800, None, None,
         None, None, None, None, None, None, "PR/26-27/0099"],
    ]  # fmt: skip
    journal = [
        ["Date", "Voucher No", "Voucher Type", "Account", "Debit", "Credit", "Party",
         "Cost Centre", "Narration"],
        ["28-09-2026", "PMT/9", "Payment", "Trade Payables", 5900, None, "Annapurna Caterers",
         None, "Bill AC/150"],
        ["28-09-2026", "PMT/9", "Payment", "HDFC Bank Current A/c", None, 5900, None, None,
         "Bill AC/150"],
    ]  # fmt: skip
    path = books(tmp_path, **{"Purchase Requests": requests, "Purchases": purchases,
                              "Journal": journal})  # fmt: skip
    out = tmp_path / "stock.xlsx"
    assert main(["stock", str(path), "--as-on", "30-11-2026", "--out", str(out)]) == 1
    written = FileBook(out)
    status = written.read_table("Request Status", ("Request No", "Stage")).frame
    assert status[["Request No", "Stage", "Bills", "Billed", "Paid"]].values.tolist() == [
        ["PR/26-27/0007", "Billed", "AC/160", 1200, 0],
        ["PR/26-27/0004", "Paid", "AC/150", 5900, 5900],
        ["PR/26-27/0006", "Requested", None, None, None],
    ]
    reorder_sheet = written.read_table("Reorder", ("Code", "Requests on the Way")).frame
    on_the_way = dict(zip(reorder_sheet["Code"], reorder_sheet["Requests on the Way"], strict=True))
    assert on_the_way["TEA"] == "PR/26-27/0007 Billed: AC/160 of 25-11-2026 1,200.00, unpaid"
    assert on_the_way["TONER"] == "PR/26-27/0006 Requested: no bill names it yet"
    issues = written.read_table("Issues", ("Sheet", "Cell", "Problem")).frame
    unknown = issues[issues["Sheet"] == "Purchases"]
    assert unknown[["Cell", "Value"]].values.tolist() == [["P4", "PR/26-27/0099"]]
    assert (
        "names purchase request PR/26-27/0099, which is not on the Purchase Requests"
        in (unknown["Problem"].tolist()[0])
    )


@pytest.mark.parametrize("junk", ["#N/A", "\u00a0", "PR/26-27/१२", "0"])
def test_junk_in_a_bills_pr_no_is_an_issue_at_its_cell_and_the_run_goes_on(
    tmp_path: Path, junk: str
) -> None:
    from tests.vendors.books import PURCHASE_HEADERS

    purchases = [
        [*PURCHASE_HEADERS, "PR No"],
        ["V01", "AC/160", "25-11-2026", None, "Staff Welfare", "Tea", 1200, None, None, None,
         None, None, None, None, None, junk],
    ]  # fmt: skip
    path = books(tmp_path, Purchases=purchases)
    out = tmp_path / "stock.xlsx"
    assert main(["stock", str(path), "--as-on", "30-11-2026", "--out", str(out)]) in (0, 1)
    issues = FileBook(out).read_table("Issues", ("Sheet", "Cell", "Problem")).frame
    on_bills = issues[issues["Sheet"] == "Purchases"]
    if junk.strip():
        assert on_bills["Cell"].tolist() == ["P2"], on_bills.values.tolist()
    else:  # a blank-looking cell names no request
        assert on_bills.empty
    status = FileBook(out).read_table("Request Status", ("Request No", "Stage")).frame
    assert status["Stage"].tolist() == ["Requested", "Requested"]  # no bill followed
