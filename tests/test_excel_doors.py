"""The Excel doors without Excel: the xlwings adapter and the button handlers on a test double
of `xw.Book`, and the worksheet functions called as plain Python."""

from __future__ import annotations

import importlib
import inspect
import re
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from tests.xlwings_double import Book
from xlbo.book import Column, Kind, Link, ResultSheet
from xlbo.book.display import Colour, Highlight
from xlbo.book.excel import BLOCK_ROWS, ExcelBook
from xlbo.errors import SheetProblem
from xlbo.excel.functions import WORKSHEET_FUNCTIONS
from xlbo.money import INR_NUMBER_FORMAT

ROOT = Path(__file__).resolve().parents[1]
EMPLOYEES = [
    ["Staff list, October 2026"],
    [],
    [
        "Employee ID",
        "Name",
        "Gender",
        "Date of Birth",
        "Date of Joining",
        "Work State",
        "Basic",
        "PAN",
    ],
    [
        "E001",
        "Asha Rao",
        "Female",
        date(1990, 5, 14),
        date(2022, 4, 1),
        "Karnataka",
        20000.0,
        "ABCPR123",
    ],
    ["E002", "Ravi Iyer", "Male", "07-03-1991", "31/02/2024", "Goa", "15,000", "ABCPR1234K"],
]


def master_book() -> Book:
    return Book.from_tables(
        {
            "Company": [["Name", "State"], ["Sahyadri Tradelinks Private Limited", "Maharashtra"]],
            "Employees": EMPLOYEES,
            "Vendors": [["Vendor Code", "Name"]],
            "Customers": [["Customer Code", "Name"]],
            "Accounts": [["Account", "Group", "Sub-group", "Nature"]],
            "Bank Accounts": [["Account", "Bank", "Account Number", "IFSC"]],
        }
    )


def test_adapter_reads_a_table_like_the_file_side() -> None:
    table = ExcelBook(master_book()).read_table("employees", ["Employee ID", "Name"])
    assert table.header_row == 3
    assert table.frame.index.tolist() == [4, 5]
    assert table.cell(5, "Date of Joining") == "E5"
    assert table.frame.loc[4, "Date of Birth"] == date(1990, 5, 14)


def test_adapter_names_a_missing_sheet() -> None:
    with pytest.raises(
        SheetProblem, match="no sheet named 'Payroll' \\(it has: Company, Employees"
    ):
        ExcelBook(master_book()).read_table("Payroll")


def test_adapter_writes_a_result_sheet_with_its_display() -> None:
    book = master_book()
    frame = pd.DataFrame(
        {
            "Cell": [Link("E5", "Employees", "E5"), Link("H5", "Employees", "H5")],
            "Value": ["=cmd|' /C calc'!A0", "-12"],
            "Amount": [12500.5, None],
            "Severity": ["Error", "Warning"],
        }
    )
    sheet = ResultSheet(
        "Issues",
        frame,
        columns={"Amount": Column(kind=Kind.MONEY)},
        highlights=(Highlight("Severity", "Error", Colour.ERROR, whole_row=True),),
        title=("Validation of master.xlsx",),
        excel_table="Issues",
    )
    ExcelBook(book).write([sheet])
    out = book.sheets["Issues"]
    assert out.cell("A1") == "Validation of master.xlsx"
    assert [out.cell(f"{c}3") for c in "ABCD"] == ["Cell", "Value", "Amount", "Severity"]
    assert out.fonts[(3, 1)]["bold"] is True
    assert out.colours[(3, 1)] == Colour.HEADER.value
    assert out.cell("B4") == "=cmd|' /C calc'!A0"  # user text stays text
    assert out.formulas == {}
    assert out.cell("B5") == "-12"
    assert out.links[(4, 1)] == "#'Employees'!E5"
    assert out.formats[(4, 3)] == INR_NUMBER_FORMAT
    assert out.colours[(4, 4)] == Colour.ERROR.value
    assert (5, 4) not in out.colours
    assert out.tables.added == [("Issues", (3, 1), (5, 4))]
    assert out.autofitted


def test_writing_again_replaces_the_old_result() -> None:
    book = master_book()
    excel = ExcelBook(book)
    excel.write([ResultSheet("Issues", pd.DataFrame({"A": ["old", "rows", "here"]}))])
    excel.write([ResultSheet("Issues", pd.DataFrame({"A": ["new"]}))])
    assert book.sheets["Issues"].cell("A2") == "new"
    assert book.sheets["Issues"].cell("A3") is None
    assert [s.name for s in book.sheets].count("Issues") == 1


def test_a_hidden_result_sheet_is_hidden_in_the_open_workbook() -> None:
    """The audit log and a run's settings: hidden as in the files xlbo writes (xlwings' Sheet
    has `visible`, which takes a bool in classic xlwings and Lite alike: xlbo writes no very
    hidden, no protection)."""
    book = master_book()
    excel = ExcelBook(book)
    excel.write(
        [
            ResultSheet("xlbo log", pd.DataFrame({"Seq": [1]}), hidden=True),
            ResultSheet("Run", pd.DataFrame({"A": ["As On"]}), headerless=True, hidden=True),
            ResultSheet("Shown", pd.DataFrame({"A": [1]})),
        ]
    )
    assert book.sheets["xlbo log"].visible is False
    assert book.sheets["Run"].visible is False
    assert book.sheets["Shown"].visible is True
    excel.write([ResultSheet("xlbo log", pd.DataFrame({"Seq": [1, 2]}), hidden=True)])
    assert book.sheets["xlbo log"].visible is False  # written again: still hidden


def test_hidden_sheets_as_windows_excel_gives_their_visibility() -> None:
    """On Windows xlwings' `Sheet.visible` is Excel's XlSheetVisibility: -1 shown, 0 hidden,
    2 very hidden. A very hidden sheet (2, which Python takes as true) is not shown: a statement
    on it is no more read than one on a hidden sheet; Mac and Lite give True/False."""
    book = master_book()
    visibility = {
        "Company": -1,
        "Employees": 0,
        "Vendors": 2,
        "Customers": True,
        "Accounts": False,
        "Bank Accounts": 1,
    }
    for name, visible in visibility.items():
        book.sheets[name].visible = visible
    assert ExcelBook(book).hidden_sheets() == ["Employees", "Vendors", "Accounts"]


def test_large_results_are_written_in_blocks() -> None:
    book = master_book()
    rows = BLOCK_ROWS * 2 + 10
    ExcelBook(book).write([ResultSheet("Big", pd.DataFrame({"N": range(rows)}))])
    sheet = book.sheets["Big"]
    assert sheet.cell(f"A{rows + 1}") == rows - 1
    assert sheet.writes == 1 + 3  # the header, then three blocks


def test_validate_button_end_to_end() -> None:
    book = master_book()
    handlers = importlib.import_module("macros.xlbo_buttons")
    outcome = handlers.validate(book)
    assert outcome == "2 errors, 0 warnings, 14 notes: 2 cells marked; see the Issues sheet."
    issues = book.sheets["Issues"]
    problems = [issues.cell(f"E{r}") for r in range(2, 10) if issues.cell(f"E{r}")]
    assert "Date of Joining: '31/02/2024' is not a real date" in problems
    employees = book.sheets["Employees"]
    assert employees.cell("E5") == "31/02/2024"  # the value is never changed
    assert employees.colours[(5, 5)] == Colour.ERROR.value
    assert employees.notes[(5, 5)].startswith(
        "xlbo: Date of Joining: '31/02/2024' is not a real date"
    )
    assert "PAN has 10 characters" in employees.notes[(4, 8)]
    assert book.sheets["Summary"].cell("A1") == "Validation of master.xlsx"


def test_validate_button_twice_keeps_the_first_notes() -> None:
    book = master_book()
    handlers = importlib.import_module("macros.xlbo_buttons")
    handlers.validate(book)
    assert handlers.validate(book).startswith("2 errors")


@pytest.mark.parametrize(
    "junk",
    [
        None,
        "",
        0,
        False,
        1e15,
        "#N/A",
        [["x", "y"]],
        date(2025, 4, 1),
        "x" * 10_000,
        "कर्मचारी",
        "😀",
    ],
)
def test_validate_button_on_junk_workbooks_never_raises(junk: Any) -> None:
    rows = junk if isinstance(junk, list) else [[junk], [junk]]
    book = Book.from_tables({"Employees": rows} if junk not in (None, "") else {"Sheet1": [["a"]]})
    handlers = importlib.import_module("macros.xlbo_buttons")
    assert "errors" in handlers.validate(book)


# -- worksheet functions ---------------------------------------------------------------------

UDF_MODULES = ["udfs.xlbo_master", "udfs.xlbo_validation", "udfs.xlbo_payroll"]


def classic_udfs() -> dict[str, Any]:
    found: dict[str, Any] = {}
    for name in UDF_MODULES:
        module = importlib.import_module(name)
        found.update(
            {
                n: f
                for n, f in inspect.getmembers(module, inspect.isfunction)
                if n.startswith("XLBO_")
            }
        )
    return found


def test_every_worksheet_function_has_its_classic_binding() -> None:
    udfs = classic_udfs()
    assert sorted(udfs) == sorted(f.classic_name for f in WORKSHEET_FUNCTIONS)
    for function in udfs.values():
        assert function.__doc__ and len(function.__doc__) < 255  # Excel's help text limit


JUNK: list[Any] = [
    None,
    "",
    "   ",
    0,
    False,
    1e15,
    "#N/A",
    ["a", "b", "c"],
    [["a", "b"]],
    date(2025, 4, 1),
    "x" * 10_000,
    "महाराष्ट्र",
    "😀",
]


@pytest.mark.parametrize("junk", JUNK, ids=[repr(j)[:15] for j in JUNK])
@pytest.mark.parametrize("name", sorted(f.classic_name for f in WORKSHEET_FUNCTIONS))
def test_worksheet_functions_answer_junk_readably(name: str, junk: Any) -> None:
    function = classic_udfs()[name]
    arguments = [junk] * len(inspect.signature(function).parameters)
    result = function(*arguments)
    flat = [c for row in result for c in row] if isinstance(result, list) else [result]
    for cell in flat:
        assert "Traceback" not in str(cell)
        assert isinstance(cell, str | bool | int | float) or cell is None


def test_validation_functions_on_a_column() -> None:
    udfs = classic_udfs()
    column = [["27AAPFU0939F1ZV"], ["27AAPFU0939F1ZF"], ["#N/A"]]
    assert udfs["XLBO_VALIDATE"](column, "gstin") == [
        [""],
        ["GSTIN check character should be V, not F"],
        ["the cell shows the Excel error #N/A, not a GSTIN"],
    ]
    assert udfs["XLBO_IS_VALID"](column, "GSTIN") == [[True], [False], [False]]
    assert udfs["XLBO_GSTIN_STATE"]([["27AAPFU0939F1ZV"]]) == [["Maharashtra"]]
    assert udfs["XLBO_GSTIN_PAN"]("27AAPFU0939F1ZV") == "AAPFU0939F"
    assert udfs["XLBO_NORMALIZE"]([["2341 2341 2346"]], "aadhaar") == [["2341 2341 2346"]]
    assert udfs["XLBO_AMOUNT_IN_WORDS"]([[125000.5]]) == [
        ["Rupees One Lakh Twenty-Five Thousand and Fifty Paise Only"]
    ]
    assert udfs["XLBO_INR"]([[1234567.5], [None]]) == [
        ["12,34,567.50"],
        ["#XLBO! the amount is blank"],
    ]
    assert udfs["XLBO_VALIDATE"]("x", "voter id").startswith(
        "#XLBO! 'voter id' is not a kind xlbo checks"
    )


def test_gst_split_as_a_row_and_a_block() -> None:
    split = classic_udfs()["XLBO_GST_SPLIT"]
    assert split([[10000]], [[0.18]], [["Maharashtra"]], [["Karnataka"]]) == [[0.0, 0.0, 1800.0]]
    assert split([[10000], [500]], [[0.18]], [["27"]], [["KA"], ["MH"]]) == [
        [0.0, 0.0, 1800.0],
        [45.0, 45.0, 0.0],
    ]


def test_lookup_from_a_master_table() -> None:
    lookup = classic_udfs()["XLBO_LOOKUP"]
    vendors = [
        ["Vendor Code", "Name", "GSTIN"],
        ["V001", "Shree Balaji Traders", "27AAPFU0939F1ZV"],
        ["V002\u00a0", "Om Sai Logistics", None],
    ]
    assert lookup(vendors, "v001", "gstin") == "27AAPFU0939F1ZV"
    assert lookup(vendors, [["V002"], ["V009"]], "Name") == [
        ["Om Sai Logistics"],
        ["#XLBO! V009 is not in the table's first column (Vendor Code)"],
    ]
    assert lookup(vendors, "V001", "Email").startswith("#XLBO! the table has no column 'Email'")
    assert classic_udfs()["XLBO_VERSION"]().startswith("xlbo ")


def test_macros_and_udfs_hold_no_business_rules() -> None:
    for folder in ("udfs", "macros"):
        for path in (ROOT / folder).glob("*.py"):
            body = [
                line
                for line in path.read_text().splitlines()
                if line.strip()
                and not line.strip().startswith(("#", '"""', "@", "def ", "from ", "import "))
            ]
            code = [line for line in body if line.startswith("    ") and "return" in line]
            if path.name == "xlbo_buttons.py":  # each handler hands the book to its button
                handed = [c for c in code if re.fullmatch(r"    return buttons\.\w+\(book\)", c)]
                assert handed == code, f"{path.name} should only hand the book to xlbo"
            else:
                assert len(code) <= 12, f"{path.name} should only bind cells to xlbo calls"


def test_run_payroll_button_end_to_end() -> None:
    book = Book.from_tables(
        {
            "Company": [["Name", "State"], ["Sahyadri Tradelinks Private Limited", "Maharashtra"]],
            "Employees": [
                [
                    "Employee ID",
                    "Name",
                    "Gender",
                    "Date of Birth",
                    "Date of Joining",
                    "Work State",
                    "Basic",
                    "HRA",
                    "PAN",
                    "UAN",
                    "Bank Account",
                    "IFSC",
                ],
                [
                    "E001",
                    "Ravi Patil",
                    "Male",
                    date(1990, 1, 1),
                    date(2020, 4, 1),
                    "Maharashtra",
                    12000.0,
                    4800.0,
                    "ABCPP1234K",
                    "100123456789",
                    "50100012345678",
                    "HDFC0001234",
                ],
            ],
            "Attendance": [["Employee ID", "Month", "LOP Days"], ["E001", "2026-10", 1]],
        }
    )
    handlers = importlib.import_module("macros.xlbo_buttons")
    outcome = handlers.run_payroll(book)
    assert outcome.startswith("Payroll October 2026: 1 employees;")
    register = book.sheets["Register"]
    assert register.cell("A1").endswith("payroll register, October 2026")
    assert [register.cell(f"{c}3") for c in "ABCD"] == ["Employee ID", "Name", "Paid Days", "Gross"]
    assert register.cell("A4") == "E001"
    assert register.cell("A5") == "Total"
    assert register.cell("C4") == 30.0
    names = {s.name for s in book.sheets}
    assert {"Working", "Issues", "Salary Journal", "ESI Contribution"} <= names
    assert "Journal" not in names  # a workbook's own Journal is the books: never written
    assert book.sheets["Employees"].cell("G2") == 12000.0  # inputs untouched


def test_payroll_month_defaults_to_last_month() -> None:
    from xlbo.book.excel import ExcelBook
    from xlbo.excel.buttons import payroll_month

    assert (
        payroll_month(
            ExcelBook(Book.from_tables({"Employees": [["Employee ID"]]})), date(2026, 11, 22)
        )
        == "2026-10"
    )


def test_reconcile_button_end_to_end() -> None:
    statement = [
        ["HDFC BANK Ltd."],
        [],
        [
            "Date",
            "Narration",
            "Chq./Ref.No.",
            "Value Dt",
            "Withdrawal Amt.",
            "Deposit Amt.",
            "Closing Balance",
        ],
        [
            "05/10/26",
            "NEFT CR-SBIN0004567-OM SAI LOGISTICS-SBINN26100512345678",
            "SBINN26100512345678",
            "05/10/26",
            None,
            25000.0,
            125000.0,
        ],
        ["31/10/26", "SMS CHGS", None, "31/10/26", 17.7, None, 124982.3],
    ]
    ledger = [
        ["HDFC Bank Current A/c"],
        ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
        [date(2026, 10, 1), "Opening Balance", None, None, 100000.0, None],
        [date(2026, 10, 4), "Om Sai Logistics", "Receipt", "RCT/1", 25000.0, None],
    ]
    book = Book.from_tables({"Bank Statement": statement, "Ledger": ledger})
    handlers = importlib.import_module("macros.xlbo_buttons")
    outcome = handlers.reconcile(book)
    assert outcome == "1 matches; 1 bank and 0 ledger lines for the BRS; difference 0.00."
    brs = book.sheets["BRS"]
    items = {brs.cell(f"B{r}"): brs.cell(f"E{r}") for r in range(1, 40) if brs.cell(f"B{r}")}
    assert items["Difference"] == 0.0
    assert items["    SMS CHGS"] is None  # listed under its heading, the figure in Amount
    assert brs.cell("A2") == "Bank Reconciliation Statement as on 31 October 2026"
    matches = book.sheets["Matches"]
    assert matches.links[(2, 2)] == "#'Bank Statement'!A4"


def test_reconcile_button_says_what_it_needs() -> None:
    handlers = importlib.import_module("macros.xlbo_buttons")
    from xlbo.errors import UserError

    with pytest.raises(
        UserError, match="Paste the bank statement into a sheet named 'Bank Statement'"
    ):
        handlers.reconcile(Book.from_tables({"Sheet1": [["a"]]}))


def test_reports_button_writes_the_pack_into_the_book_and_beside_it(tmp_path: Path) -> None:
    from tests.reports.test_statements import ACCOUNTS, GOOD, HEAD

    bad = [date(2026, 10, 9), "JV/9", "Journal", "Rent", 500, None, None, None, "half a voucher"]
    book = Book.from_tables(
        {"Accounts": ACCOUNTS, "Journal": [HEAD, *GOOD, bad]}, name="books.xlsx"
    )
    book.fullname = str(tmp_path / "books.xlsx")
    handlers = importlib.import_module("macros.xlbo_buttons")
    outcome = handlers.reports(book)
    assert outcome == (
        "Reports for 2026-10: trial balance agrees; 1 problems. "
        "Saved reports-2026-10.xlsx beside this workbook."
    )
    names = [s.name for s in book.sheets]
    for sheet in ("Journal", "Accounts", "Trial Balance", "Profit and Loss", "Monthly", "Issues"):
        assert sheet in names
    tb = book.sheets["Trial Balance"]
    assert tb.cell("A1") == "Trial Balance — Oct 2026"
    assert (tmp_path / "reports-2026-10.xlsx").exists()
    assert book.sheets["Journal"].notes  # the unbalanced voucher's cell is marked


def test_reports_button_without_a_folder_only_writes_sheets() -> None:
    from tests.reports.test_statements import ACCOUNTS, GOOD, HEAD

    book = Book.from_tables({"Accounts": ACCOUNTS, "Journal": [HEAD, *GOOD]}, name="books.xlsx")
    outcome = importlib.import_module("macros.xlbo_buttons").reports(book)
    assert outcome == "Reports for 2026-10: trial balance agrees; 0 problems."
    assert "Balance Sheet" in [s.name for s in book.sheets]


def test_reports_button_ignores_a_date_typed_decades_ahead() -> None:
    from tests.reports.test_statements import ACCOUNTS, GOOD, HEAD
    from xlbo.book.excel import ExcelBook
    from xlbo.excel.buttons import latest_journal_month

    typo = [date(2062, 10, 9), "JV/9", "Journal", "Rent", 5, None, None, None, "typo"]
    book = Book.from_tables({"Accounts": ACCOUNTS, "Journal": [HEAD, *GOOD, typo]})
    assert latest_journal_month(ExcelBook(book), today=date(2026, 11, 22)) == "2026-10"


# -- the new buttons on what a user may leave in a workbook -----------------------------------


@pytest.mark.parametrize(
    ("sheets", "button", "said"),
    [
        (
            {"xlbo log": [["Seq", "Part", "Entry"], ["abc", 1, "{}"]]},
            "audit_verify",
            "The xlbo log sheet has a row that is not xlbo's (Seq 'abc'",
        ),
        (
            {"xlbo log": [["Seq", "Part", "Entry"], [1, 1, "not json"]]},
            "audit_verify",
            "The xlbo log sheet is broken at entry 1: entry 1 cannot be read",
        ),
        ({"Notes": [["x"]]}, "audit_verify", "This workbook has no 'xlbo log' sheet"),
        (
            {"Purchases": [["Vendor Code"]], "GSTR-2B": [["#N/A"], [12.0]]},
            "gst_recon",
            "GSTR-2B (pasted).json: is not a JSON file",
        ),
        (
            {"Payment Run": [["Pay", "Vendor Code", "Bill No"]], "Run": [["As On", "31-02-2026"]]},
            "pay_ticked",
            "master.xlsx, sheet Run: the As On date cannot be read",
        ),
        ({"Journal": [["Date"]]}, "pay_ticked", "master.xlsx holds no payment run yet"),
        ({"Sheet1": [["a"]]}, "payables", "master.xlsx has no Purchases sheet; add one"),
        ({"Sheet1": [["a"]]}, "statements", "master.xlsx has no customers (a Customers sheet)"),
        (
            {"Customers": [["Customer Code", "Name"], ["K", "Kaveri"]]},
            "statements",
            "master.xlsx has no Journal sheet",
        ),
    ],
    ids=["log junk seq", "log junk entry", "no log", "2B junk", "run junk date", "no run",
         "no purchases", "no customers", "no journal"],
)  # fmt: skip
def test_the_new_buttons_say_what_is_wrong_plainly(
    sheets: dict[str, list[list[Any]]], button: str, said: str
) -> None:
    from xlbo.excel.lite import run_script

    outcome = run_script(button, Book.from_tables(sheets))
    assert outcome.startswith(said), outcome
    assert "Traceback" not in outcome and "internal error" not in outcome


def _paste(book: Book, name: str, rows: list[list[Any]]) -> None:
    """Rows pasted over a sheet, as a user pastes next month's export."""
    sheet = book.sheets[name]
    sheet.clear()
    sheet["A1"].value = rows


HDFC_COLUMNS = [
    "Date",
    "Narration",
    "Chq./Ref.No.",
    "Value Dt",
    "Withdrawal Amt.",
    "Deposit Amt.",
    "Closing Balance",
]
TALLY_COLUMNS = ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"]


def test_reconcile_button_carries_last_months_items_into_a_workbook_used_again() -> None:
    """October reconciled in the workbook leaves cheque 000452 unpresented and the bank's SMS
    charges unbooked. November pasted over it: the Reconcile button carries those two in as
    --last-brs would — the cheque clears against November's CHQ PAID, the charges against the
    books' November journal — and the BRS ties; October's marks are no decisions about
    November's lines. A second click in November carries them again."""
    october = Book.from_tables(
        {
            "Bank Statement": [
                ["HDFC BANK Ltd."],
                ["Statement From : 01/10/2026 To : 31/10/2026"],
                HDFC_COLUMNS,
                [
                    "05/10/26",
                    "NEFT CR-SBIN-OM SAI LOGISTICS-N2610",
                    "N2610",
                    "05/10/26",
                    None,
                    25000.0,
                    125000.0,
                ],
                ["31/10/26", "SMS CHGS", None, "31/10/26", 17.7, None, 124982.3],
            ],
            "Ledger": [
                ["HDFC Bank Current A/c"],
                TALLY_COLUMNS,
                [date(2026, 10, 1), "Opening Balance", None, None, 100000.0, None],
                [date(2026, 10, 4), "Om Sai Logistics", "Receipt", "RCT/1", 25000.0, None],
                [date(2026, 10, 29), "Shree Balaji Enterprises", "Payment", "000452", None, 4500.0],
            ],
        }
    )
    handlers = importlib.import_module("macros.xlbo_buttons")
    handlers.reconcile(october)
    assert october.sheets["Suggestions"] is not None
    matches = october.sheets["Matches"]
    headers = {matches.cell(f"{c}1"): c for c in "ABCDEFGHIJKLMNOP"}
    matches[f"{headers['Reject']}2"].value = "Reject"  # an October mark, on a row November fills
    _paste(
        october,
        "Bank Statement",
        [
            ["HDFC BANK Ltd."],
            ["Statement From : 01/11/2026 To : 30/11/2026"],
            HDFC_COLUMNS,
            [
                "03/11/26",
                "CHQ PAID-000452-SHREE BALAJI",
                "000452",
                "03/11/26",
                4500.0,
                None,
                120482.3,
            ],
            [
                "06/11/26",
                "NEFT CR-SBIN-OM SAI LOGISTICS-N2611",
                "N2611",
                "06/11/26",
                None,
                10000.0,
                130482.3,
            ],
        ],
    )
    _paste(
        october,
        "Ledger",
        [
            ["HDFC Bank Current A/c"],
            TALLY_COLUMNS,
            [date(2026, 11, 1), "Opening Balance", None, None, 120500.0, None],
            [date(2026, 11, 2), "Bank Charges", "Journal", "JV/7", None, 17.7],
            [date(2026, 11, 6), "Om Sai Logistics", "Receipt", "RCT/9", 10000.0, None],
        ],
    )
    for click in (1, 2):
        outcome = handlers.reconcile(october)
        assert outcome.endswith("difference 0.00."), (click, outcome)
        assert outcome.startswith("3 matches; 0 bank and 0 ledger lines"), (click, outcome)
        brs = october.sheets["BRS"]
        assert brs.cell("A2") == "Bank Reconciliation Statement as on 30 November 2026"
        matches = october.sheets["Matches"]
        whys = [matches.cell(f"F{r}") for r in range(2, 8)]
        assert sum("brought forward from the BRS as on 31-10-2026" in str(w) for w in whys) == 2
        names = [s.name for s in october.sheets]
        assert "Last BRS Bank" in names and "Last BRS Ledger" in names
        assert not october.sheets["Last BRS Bank"].visible
        issues = october.sheets["Issues"] if "Issues" in names else None
        assert issues is None or "Reject" not in str(issues.used_range.value)


def test_reconcile_button_carries_last_months_items_past_a_statement_that_begins_earlier() -> None:
    """November's statement downloaded from 15 October (its October lines last month's) against
    November's books: before, the statement was taken to begin on 15 October, October's BRS as
    on the 31st was no earlier month's, its items were not carried in and its marks were read as
    decisions about November's lines."""
    book = Book.from_tables(
        {
            "Bank Statement": [
                ["HDFC BANK Ltd."],
                ["Statement From : 01/10/2026 To : 31/10/2026"],
                HDFC_COLUMNS,
                ["05/10/26", "NEFT CR-SBIN-OM SAI LOGISTICS-N2610", "N2610", "05/10/26", None,
                 25000.0, 125000.0],
                ["31/10/26", "SMS CHGS", None, "31/10/26", 17.7, None, 124982.3],
            ],
            "Ledger": [
                ["HDFC Bank Current A/c"],
                ["1-Oct-2026 to 31-Oct-2026"],
                TALLY_COLUMNS,
                [date(2026, 10, 1), "Opening Balance", None, None, 100000.0, None],
                [date(2026, 10, 4), "Om Sai Logistics", "Receipt", "RCT/1", 25000.0, None],
                [date(2026, 10, 29), "Shree Balaji Enterprises", "Payment", "000452", None, 4500.0],
            ],
        }
    )  # fmt: skip
    handlers = importlib.import_module("macros.xlbo_buttons")
    handlers.reconcile(book)
    _paste(
        book,
        "Bank Statement",
        [
            ["HDFC BANK Ltd."],
            ["Statement From : 15/10/2026 To : 30/11/2026"],
            HDFC_COLUMNS,
            ["31/10/26", "SMS CHGS", None, "31/10/26", 17.7, None, 124982.3],
            ["03/11/26", "CHQ PAID-000452-SHREE BALAJI", "000452", "03/11/26", 4500.0, None,
             120482.3],
            ["06/11/26", "NEFT CR-SBIN-OM SAI LOGISTICS-N2611", "N2611", "06/11/26", None,
             10000.0, 130482.3],
        ],
    )  # fmt: skip
    _paste(
        book,
        "Ledger",
        [
            ["HDFC Bank Current A/c"],
            ["1-Nov-2026 to 30-Nov-2026"],
            TALLY_COLUMNS,
            [date(2026, 11, 1), "Opening Balance", None, None, 120500.0, None],
            [date(2026, 11, 2), "Bank Charges", "Journal", "JV/7", None, 17.7],
            [date(2026, 11, 6), "Om Sai Logistics", "Receipt", "RCT/9", 10000.0, None],
        ],
    )
    outcome = handlers.reconcile(book)
    assert outcome.startswith("3 matches; 0 bank and 0 ledger lines"), outcome
    assert outcome.endswith("difference 0.00."), outcome
    whys = [book.sheets["Matches"].cell(f"F{r}") for r in range(2, 8)]
    assert sum("brought forward from the BRS as on 31-10-2026" in str(w) for w in whys) == 2


def test_reconcile_button_carries_a_confirmed_difference_into_next_month() -> None:
    """October in the workbook: Patil Engineering paid 1,18,000.00 less 2,000.00 TDS; the user
    accepts the suggestion and clicks again, and October's BRS lists 2,000.00 to be booked.
    November pasted over it: the books' November journal to TDS Receivable books it, and the
    Reconcile button carries the difference in as --last-brs does: November ties, on both
    clicks. Before, only the Unmatched items came across and November was 2,000.00 out."""
    october = Book.from_tables(
        {
            "Bank Statement": [
                ["HDFC BANK Ltd."],
                ["Statement From : 01/10/2026 To : 31/10/2026"],
                HDFC_COLUMNS,
                [
                    "15/10/26",
                    "NEFT CR-SBIN0004567-PATIL ENGINEERING WORKS-N2615",
                    "N2615",
                    "15/10/26",
                    None,
                    116000.0,
                    216000.0,
                ],
            ],
            "Ledger": [
                ["HDFC Bank Current A/c"],
                TALLY_COLUMNS,
                [date(2026, 10, 1), "Opening Balance", None, None, 100000.0, None],
                [date(2026, 10, 15), "Patil Engineering Works", "Receipt", "R-1", 118000.0, None],
            ],
        }
    )
    handlers = importlib.import_module("macros.xlbo_buttons")
    handlers.reconcile(october)
    suggestions = october.sheets["Suggestions"]
    headers = {suggestions.cell(f"{c}1"): c for c in "ABCDEFGHIJKLMNOP"}
    suggestions[f"{headers['Accept']}2"].value = "Accept"
    outcome = handlers.reconcile(october)
    assert outcome.startswith("1 matches"), outcome
    brs = october.sheets["BRS"].used_range.value
    assert [None, "Total differences on matches", None, None, 2000.0] in brs
    _paste(
        october,
        "Bank Statement",
        [
            ["HDFC BANK Ltd."],
            ["Statement From : 01/11/2026 To : 30/11/2026"],
            HDFC_COLUMNS,
            ["05/11/26", "NEFT CR-SBIN-ACME INDUSTRIES-N2705", "N2705", "05/11/26", None,
             3000.0, 219000.0],
        ],
    )  # fmt: skip
    _paste(
        october,
        "Ledger",
        [
            ["HDFC Bank Current A/c"],
            TALLY_COLUMNS,
            [date(2026, 11, 1), "Opening Balance", None, None, 218000.0, None],
            [date(2026, 11, 5), "Acme Industries", "Receipt", "RCT/12", 3000.0, None],
            [date(2026, 11, 6), "TDS Receivable", "Journal", "JV/4", None, 2000.0],
        ],
    )
    for click in (1, 2):
        outcome = handlers.reconcile(october)
        assert outcome.endswith("difference 0.00."), (click, outcome)
        matches = october.sheets["Matches"]
        rows = [[matches.cell(f"{c}{r}") for c in "ABCDEFGHIJKLMN"] for r in range(2, 5)]
        carried = [row for row in rows if "brought forward from the BRS" in str(row)]
        assert len(carried) == 1 and "TDS Receivable" in str(carried[0]), (click, rows)


def test_reconcile_button_clicked_again_reads_no_matches_of_this_months_own_result(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """October in the workbook, a TDS difference on a match the user confirmed, so October's
    BRS lists 2,000.00 to be booked. Each later click in October read the whole Matches sheet
    (a hundred thousand rows, through Excel) for those differences, as if October's own result
    were last month's, only to set them aside: and where a Matches cell could not be read the
    click stopped, saying the earlier BRS's items could not be read."""
    october = Book.from_tables(
        {
            "Bank Statement": [
                ["HDFC BANK Ltd."],
                ["Statement From : 01/10/2026 To : 31/10/2026"],
                HDFC_COLUMNS,
                ["15/10/26", "NEFT CR-SBIN0004567-PATIL ENGINEERING WORKS-N2615", "N2615",
                 "15/10/26", None, 116000.0, 216000.0],
            ],
            "Ledger": [
                ["HDFC Bank Current A/c"],
                TALLY_COLUMNS,
                [date(2026, 10, 1), "Opening Balance", None, None, 100000.0, None],
                [date(2026, 10, 15), "Patil Engineering Works", "Receipt", "R-1", 118000.0, None],
            ],
        }
    )  # fmt: skip
    handlers = importlib.import_module("macros.xlbo_buttons")
    handlers.reconcile(october)
    suggestions = october.sheets["Suggestions"]
    headers = {suggestions.cell(f"{c}1"): c for c in "ABCDEFGHIJKLMNOP"}
    suggestions[f"{headers['Accept']}2"].value = "Accept"
    handlers.reconcile(october)
    brs = october.sheets["BRS"].used_range.value
    assert [None, "Total differences on matches", None, None, 2000.0] in brs

    def read(*_: Any, **__: Any) -> Any:
        raise AssertionError("October's own Matches read as last month's")

    monkeypatch.setattr("xlbo.readers.last_brs._with_differences", read)
    outcome = handlers.reconcile(october)
    assert outcome.startswith("1 matches"), outcome
