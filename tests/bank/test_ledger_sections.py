"""Books exports that hold several accounts' ledgers on one sheet (helper-125, round 36's F1):
Zoho's Account Transactions for all accounts, QuickBooks' Transaction Detail by Account, Odoo's
General Ledger, ERPNext's General Ledger grouped by account, BUSY's ledger of an account group.
Every account's lines were read as the bank's: Accounts Receivable's receipts and petty-cash
vouchers stood on the BRS as outstanding items, and one BRS tied (exit 0) on them. Each fixture
is the month of tests/bank/test_other_books.py (Balaji's 5,000.00, Kaveri's 2,000.00, Om Sai's
12,50,000.50) beside another account's lines."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.bank.test_other_books import (
    ERPNEXT_GL,
    ODOO,
    QUICKBOOKS,
    STATEMENT,
    ZOHO,
    write_csv,
)
from xlbo.cli import main
from xlbo.errors import SheetProblem
from xlbo.issues import Severity
from xlbo.readers.ledger import read_ledger
from xlbo.readers.ledger_sections import is_bank_account, statements_section

PETTY_CASH = [
    ["Petty Cash", None, None, None, None, None, None, None, None],
    [None, "03/11/2026", "Expense", "PC1", "Tea Stall", "staff tea", "Staff Welfare", "-450.00", None],
    [None, "18/11/2026", "Expense", "PC2", "Courier", None, "Postage", "-4,500.00", None],
    ["Total for Petty Cash", None, None, None, None, None, None, "-4,950.00", None],
]  # fmt: skip


def _read(path: Path, account: str | None = None) -> Any:
    lines = read_ledger(str(path), account)
    [note] = lines.issues
    assert note.severity is Severity.INFO
    return lines, note


def test_quickbooks_detail_by_account_reads_the_accounts_own_section(
    xlsx: Callable[..., Path],
) -> None:
    rows = [*QUICKBOOKS[:-1], *PETTY_CASH, QUICKBOOKS[-1]]
    path = xlsx({"Sheet1": rows}, name="Transaction Detail by Account.xlsx")
    lines, note = _read(path, "HDFC Bank")
    assert len(lines.frame) == 3 and lines.opening == 10000000
    assert lines.frame["particulars"].tolist()[0] == "Balaji Traders"
    assert note.problem == (
        "the ledger export holds the ledgers of 2 accounts ('HDFC Bank', 'Petty Cash'): only the "
        "4 rows of 'HDFC Bank' were read, as --account names it"
    )
    # without --account: Petty Cash is no bank account, so HDFC Bank is the one
    lines, note = _read(path)
    assert len(lines.frame) == 3
    assert note.problem.endswith("as it is the only bank account among them")
    with pytest.raises(SheetProblem) as refused:
        read_ledger(str(path), "Axis Bank")
    assert str(refused.value) == (
        "--account 'Axis Bank' names none of the accounts whose ledgers Transaction Detail by "
        "Account.xlsx, sheet Sheet1 holds ('HDFC Bank', 'Petty Cash'). Give the bank ledger's "
        "name as the export writes it."
    )


def test_zoho_account_transactions_for_all_accounts_keeps_the_banks_lines(
    xlsx: Callable[..., Path],
) -> None:
    """Zoho's report run without an Account filter: each receipt's Accounts Receivable line under
    the bank's, and no opening or closing balance rows (they are one account's)."""
    rows = [list(row) for row in ZOHO[:-1] if row[1:2] != ["Opening Balance"]]
    for at in (8, 7, 6):  # after each of the bank's lines, its other side
        line = list(rows[at])
        line[1] = "Accounts Receivable" if line[6] else "Accounts Payable"
        line[6], line[7] = line[7], line[6]
        rows.insert(at + 1, line)
    path = xlsx({"Account Transactions": rows}, name="Account Transactions.xlsx")
    lines, note = _read(path, "HDFC Bank")
    assert len(lines.frame) == 3
    assert (lines.opening, lines.closing) == (None, None)
    assert lines.frame["debit"].tolist() == [500000, 0, 125000050]
    assert "('HDFC Bank', 'Accounts Receivable', 'Accounts Payable')" in note.problem


def test_erpnext_general_ledger_grouped_by_account_keeps_the_banks_block(tmp_path: Path) -> None:
    """Each account's block between its `'Opening'` and `'Closing (Opening + Total)'` rows, the
    Account column naming it on every line (and holding those rows' labels)."""
    cash = [
        ["", "'Opening'", "15,000.00", "0.00", "15,000.00", *[""] * 9],
        ["05-11-2026", "Cash - STPL", "0.00", "2,500.00", "", "Journal Entry", "ACC-JV-2026-00901",
         "Office Expenses - STPL", "", "", "Main - STPL", "", "", "tea and courier"],
        ["", "'Total'", "0.00", "2,500.00", "-2,500.00", *[""] * 9],
        ["", "'Closing (Opening + Total)'", "15,000.00", "2,500.00", "12,500.00", *[""] * 9],
    ]  # fmt: skip
    rows = [ERPNEXT_GL[0], *cash, *ERPNEXT_GL[1:]]
    lines, note = _read(write_csv(tmp_path / "General Ledger.csv", rows), "HDFC Bank - STPL")
    assert (lines.opening, lines.closing) == (10000000, 135300050)
    assert len(lines.frame) == 3
    assert "('Cash - STPL', 'HDFC Bank - STPL')" in note.problem


def test_odoo_general_ledger_of_every_account_keeps_the_banks(xlsx: Callable[..., Path]) -> None:
    """Odoo: each account's name over its lines (with its totals), `Total <name>` under them."""
    receivable = [
        ["121000 Account Receivable", None, None, None, "0.00", "5,000.00", "-5,000.00"],
        [None, "Initial Balance", None, None, "0.00", None, "0.00"],
        ["02/11/2026", "BNK1/2026/00041", "Balaji Traders", None, "0.00", "5,000.00", "-5,000.00"],
        ["Total 121000 Account Receivable", None, None, None, "0.00", "5,000.00", "-5,000.00"],
    ]
    total = ["Total 101401 HDFC Bank", None, None, None, "12,55,000.50", "2,000.00", "12,53,000.50"]
    rows = [*ODOO, total, *receivable]
    lines, _ = _read(xlsx({"General Ledger": rows}, name="General Ledger.xlsx"), "101401 HDFC Bank")
    assert len(lines.frame) == 3 and lines.opening == 10000000
    assert lines.frame["particulars"].tolist() == [
        "Balaji Traders",
        "Kaveri Home Needs",
        "Om Sai Logistics",
    ]


BUSY_GROUP = [
    ["SAHYADRI TRADELINKS PVT LTD"],
    ["Account Ledger"],
    ["Group : Bank Accounts   From 01-11-2026 to 30-11-2026"],
    ["Account : ICICI Bank OD A/c"],
    ["Date", "Vch/Bill No", "Particulars", "Debit(Rs.)", "Credit(Rs.)", "Balance(Rs.)"],
    ["01-11-2026", None, "Opening Bal.", None, None, "80,000.00 Dr"],
    ["07-11-2026", "R-901", "Kapoor Textiles", "64,000.00", None, "1,44,000.00 Dr"],
    [None, None, "Closing Bal.", None, None, "1,44,000.00 Dr"],
    [],
    ["Account : HDFC Bank A/c 50200012345678"],
    ["Date", "Vch/Bill No", "Particulars", "Debit(Rs.)", "Credit(Rs.)", "Balance(Rs.)"],
    ["01-11-2026", None, "Opening Bal.", None, None, "1,00,000.00 Dr"],
    ["02-11-2026", "Rcpt/41", "Balaji Traders", "5,000.00", None, "1,05,000.00 Dr"],
    ["04-11-2026", "Pymt/17", "Kaveri Home Needs", None, "2,000.00", "1,03,000.00 Dr"],
    ["28-11-2026", "Rcpt/42", "Om Sai Logistics", "12,50,000.50", None, "13,53,000.50 Dr"],
    [None, None, "Closing Bal.", None, None, "13,53,000.50 Dr"],
]


def test_busy_ledger_of_a_group_is_refused_without_account_listing_its_banks(
    xlsx: Callable[..., Path],
) -> None:
    path = xlsx({"Ledger": BUSY_GROUP}, name="busy.xlsx")
    with pytest.raises(SheetProblem) as refused:
        read_ledger(str(path))
    assert str(refused.value).startswith(
        "busy.xlsx, sheet Ledger holds the ledgers of 2 accounts ('ICICI Bank OD A/c', "
        "'HDFC Bank A/c 50200012345678'), and more than one of them is a bank's: give the bank "
        "ledger's name with --account"
    )
    lines, _ = _read(path, "HDFC Bank A/c")
    assert lines.account == "HDFC Bank A/c 50200012345678"
    assert len(lines.frame) == 3 and (lines.opening, lines.closing) == (10000000, 135300050)


def test_the_reconcile_job_reads_the_statements_own_account_of_a_group_ledger(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """No --account: the section whose name gives the statement's account number is read, and
    the Issues sheet says so; ICICI's Kapoor Textiles is on no BRS."""
    titled = [["HDFC BANK Ltd."], ["Account No : 50200012345678"], *STATEMENT[1:]]
    bank = xlsx({"Statement": titled}, name="statement.xlsx")
    books = xlsx({"Ledger": BUSY_GROUP}, name="busy.xlsx")
    out = tmp_path / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    said = capsys.readouterr().out
    assert code == 0, said
    assert "2 matches, 1 bank and 1 ledger lines unmatched" in said
    book = openpyxl.load_workbook(out)
    notes = [r[4] for r in book["Issues"].iter_rows(values_only=True) if r[0] == "Info"]
    assert any(
        "only the 6 rows of 'HDFC Bank A/c 50200012345678' were read, as its name gives the "
        "statement's account number or bank" in note
        for note in notes
    )
    particulars = [r[2] for r in book["BRS"].iter_rows(values_only=True)]
    assert "Kapoor Textiles" not in particulars


@pytest.mark.parametrize(
    ("names", "account", "bank", "chosen"),
    [
        (["ICICI Bank OD A/c", "HDFC Bank A/c 50200012345678"], "XXXXXXXXXX5678", "", "HDFC Bank A/c 50200012345678"),
        (["ICICI Bank OD A/c", "HDFC Bank Current A/c"], "", "HDFC", "HDFC Bank Current A/c"),
        (["HDFC Bank OD A/c", "HDFC Bank Current A/c"], "", "HDFC", ""),  # two of one bank
        (["ICICI Bank OD A/c", "Axis Bank"], "", "HDFC", ""),
    ],
)  # fmt: skip
def test_the_statements_section_is_chosen_by_its_number_then_its_bank(
    names: list[str], account: str, bank: str, chosen: str
) -> None:
    assert statements_section(names, account, bank) == chosen


def test_a_ledger_without_an_opening_row_takes_it_from_its_running_balance(
    xlsx: Callable[..., Path],
) -> None:
    """helper-125's F2: QuickBooks' Transaction Detail by Account without a Beginning Balance
    row; its Balance column was passed over, the statement's opening taken as the books' (a
    false tie, and a receipt the books held listed to be booked again)."""
    rows = [
        row for row in QUICKBOOKS if "Beginning Balance" not in row and "Ending Balance" not in row
    ]
    lines = read_ledger(str(xlsx({"Sheet1": rows}, name="Transaction Detail by Account.xlsx")))
    assert (lines.opening, lines.closing) == (10000000, 135300050)
    [note] = lines.issues
    assert note.problem.startswith(
        "the ledger states no opening balance; its running balance gives 1,00,000.00 (the first "
        "line's balance less its amount)"
    )


def test_a_sheet_of_a_total_alone_is_no_ledger_said_plainly(xlsx: Callable[..., Path]) -> None:
    """A QuickBooks-shaped sheet whose only row is `Total for HDFC` raised an IndexError (an
    'internal error' at the CLI); it holds no ledger lines, and says so."""
    rows = [["", "Date", "Name", "Amount", "Balance"], ["Total for HDFC", None, None, None, None]]
    with pytest.raises(SheetProblem) as refused:
        read_ledger(str(xlsx({"Sheet1": rows}, name="total.xlsx")))
    assert "no ledger lines were read" in str(refused.value)


TALLY_SPLIT = [
    ["Sahyadri Tradelinks Private Limited"],
    ["HDFC Bank A/c 50200012345678"],
    ["Ledger Account"],
    ["1-Nov-2026 to 30-Nov-2026"],
    ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
    ["01-11-2026", "Opening Balance", None, None, 100000, None],
    ["02-11-2026", "To Balaji Traders", "Receipt", "R41", 5000, None],
    [None, "Chq 123456"],
    ["04-11-2026", "By (as per details)", "Payment", "P17", None, 2000],
    [None, "Kaveri Home Needs", None, None, "1,800.00 Dr"],
    [None, "TDS Payable", None, None, "200.00 Dr"],
    [None, "A/c : FD transfer to ICICI Bank"],
    ["28-11-2026", "To (as per details)", "Receipt", "R42", 1250000.50, None],
    [None, "Om Sai Logistics", None, None, "12,50,000.50 Cr"],
    [None, "Ledger - Om Sai advance received"],
    [None, None, None, None, 1255000.50, 2000],
    [None, "Closing Balance", None, None, None, 1353000.50],
]


def test_a_narration_that_says_a_c_is_no_account_of_its_own(xlsx: Callable[..., Path]) -> None:
    """Hostile 37's t01/t02: a one-account Tally ledger whose narrations begin `A/c :` and
    `Ledger -` was split at them — 1 of 3 vouchers read as the account 'FD transfer to ICICI
    Bank' (a tie, exit 0), or refused as two accounts' ledgers."""
    lines = read_ledger(str(xlsx({"Ledger": TALLY_SPLIT}, name="hdfc.xlsx")))
    assert lines.account == "HDFC Bank A/c 50200012345678"
    assert lines.frame["particulars"].tolist() == [
        "Balaji Traders",
        "Kaveri Home Needs, TDS Payable",
        "Om Sai Logistics",
    ]
    assert (lines.opening, lines.closing) == (10000000, 135300050)
    assert "A/c : FD transfer to ICICI Bank" in lines.frame["narration"].iat[1]
    assert not [issue for issue in lines.issues if "accounts" in issue.problem]


def test_a_bank_books_account_column_of_contra_ledgers_is_one_accounts_ledger(
    xlsx: Callable[..., Path],
) -> None:
    """Hostile 37's a01: a bank book's Account column names each voucher's other ledger, and
    payment P17 is split into Kaveri's 1,800.00 and TDS Payable's 200.00, both paid out. It was
    refused as 'the ledgers of 4 accounts … none of them is a bank's'; a voucher under two
    accounts is a general ledger's only as a double entry (one side debited, the other
    credited, adding up to nil)."""
    rows = [
        ["Sahyadri Tradelinks Pvt Ltd"],
        ["HDFC Bank A/c 50200012345678 - Bank Book"],
        ["01-11-2026 to 30-11-2026"],
        ["Date", "Voucher No.", "Account", "Particulars", "Debit", "Credit"],
        [None, None, None, "Opening Balance", "1,00,000.00", None],
        ["02-11-2026", "R41", "Balaji Traders", "Chq 123456 received", "5,000.00", None],
        ["04-11-2026", "P17", "Kaveri Home Needs", "NEFT paid", "", "1,800.00"],
        ["04-11-2026", "P17", "TDS Payable", "TDS 194C on Kaveri", "", "200.00"],
        ["28-11-2026", "R42", "Om Sai Logistics", "NEFT recd", "12,50,000.50", None],
        [None, None, None, "Closing Balance", None, "13,53,000.50"],
    ]
    lines = read_ledger(str(xlsx({"Bank Book": rows}, name="bank book.xlsx")))
    assert lines.frame["credit"].tolist() == [0, 180000, 20000, 0]
    assert (lines.opening, lines.closing) == (10000000, 135300050)
    assert not [issue for issue in lines.issues if "accounts" in issue.problem]


ZOHO_ALL = [
    ["Sahyadri Tradelinks Pvt Ltd"],
    ["Account Transactions"],
    ["From 01/11/2026 To 30/11/2026"],
    [],
    ["Date", "Account", "Transaction Details", "Transaction Type", "Transaction#", "Debit", "Credit"],
    ["02/11/2026", "HDFC Bank", "Balaji Traders", "Customer Payment", "41", "Rs.5,000.00", None],
    ["02/11/2026", "Accounts Receivable", "Balaji Traders", "Customer Payment", "41", None, "Rs.5,000.00"],
    ["04/11/2026", "HDFC  bank", "Kaveri Home Needs", "Vendor Payment", "17", None, "Rs.2,000.00"],
    ["04/11/2026", "Accounts Payable", "Kaveri Home Needs", "Vendor Payment", "17", "Rs.2,000.00", None],
    ["28/11/2026", "HDFC Bank", "Om Sai Logistics", "Customer Payment", "42", "Rs.12,50,000.50", None],
    ["28/11/2026", "Accounts Receivable", "Om Sai Logistics", "Customer Payment", "42", None, "Rs.12,50,000.50"],
]  # fmt: skip


def test_an_accounts_name_spaced_or_cased_otherwise_is_that_account(
    xlsx: Callable[..., Path],
) -> None:
    """Hostile 37's z01: Zoho's `HDFC  bank` (two spaces, small b) on Kaveri's payment was an
    account of its own, which --account "HDFC Bank" left out without a word (exit 0)."""
    path = xlsx({"Account Transactions": ZOHO_ALL}, name="Account Transactions.xlsx")
    for account in ("HDFC Bank", None):
        lines, note = _read(path, account)
        assert lines.frame["particulars"].tolist() == [
            "Balaji Traders",
            "Kaveri Home Needs",
            "Om Sai Logistics",
        ]
        assert lines.frame["credit"].tolist() == [0, 200000, 0]
        assert "3 accounts ('HDFC Bank', 'Accounts Receivable', 'Accounts Payable')" in note.problem


def test_an_erpnext_account_without_lines_keeps_its_closing_rows(tmp_path: Path) -> None:
    """Hostile 37's e01: ICICI's block of no transactions (`'Opening'`, `'Total'`,
    `'Closing (Opening + Total)'`) after the bank's; its Total and Closing rows were taken as
    HDFC's, and HDFC's closing balance read as -50,000.00."""

    def label(text: str, debit: str, credit: str, balance: str) -> list[str]:
        return ["", text, debit, credit, balance, "", "", "", ""]

    def line(day: str, account: str, debit: str, credit: str, no: str, party: str) -> list[str]:
        return [day, account, debit, credit, "", "Payment Entry", no, "Debtors - STPL", party]

    bank = "HDFC Bank - STPL"
    rows = [
        ["Posting Date", "Account", "Debit (INR)", "Credit (INR)", "Balance (INR)",
         "Voucher Type", "Voucher No", "Against Account", "Party"],
        label("'Opening'", "1,00,000.00", "0.00", "1,00,000.00"),
        line("02-11-2026", bank, "5,000.00", "0.00", "ACC-PAY-41", "Balaji Traders"),
        line("04-11-2026", bank, "0.00", "2,000.00", "ACC-JV-17", "Kaveri Home Needs"),
        line("28-11-2026", bank, "12,50,000.50", "0.00", "ACC-PAY-42", "Om Sai Logistics"),
        label("'Total'", "12,55,000.50", "2,000.00", "12,53,000.50"),
        label("'Closing (Opening + Total)'", "13,55,000.50", "2,000.00", "13,53,000.50"),
        label("'Opening'", "50,000.00", "0.00", "50,000.00"),
        label("'Total'", "0.00", "0.00", "0.00"),
        label("'Closing (Opening + Total)'", "50,000.00", "0.00", "50,000.00"),
        label("'Opening'", "15,000.00", "0.00", "15,000.00"),
        line("05-11-2026", "Cash - STPL", "0.00", "2,500.00", "ACC-JV-901", ""),
        label("'Total'", "0.00", "2,500.00", "-2,500.00"),
        label("'Closing (Opening + Total)'", "15,000.00", "2,500.00", "12,500.00"),
    ]  # fmt: skip
    path = write_csv(tmp_path / "General Ledger.csv", rows)
    lines, note = _read(path, bank)
    assert (lines.opening, lines.closing) == (10000000, 135300050)
    assert len(lines.frame) == 3
    assert "only the 6 rows of 'HDFC Bank - STPL' were read" in note.problem
    lines, _ = _read(path, "Cash - STPL")
    assert (lines.opening, lines.closing) == (1500000, 1250000)


QB_TOP = QUICKBOOKS[:5]
HDFC_LINES = QUICKBOOKS[7:10]  # Balaji's 5,000.00, Kaveri's (2,000.00), Om Sai's 12,50,000.50
RENT_AND_SALES = [
    [None, "05/11/2026", "Cheque", "88", "Sharma Rent", None, "Rent", "(30,000.00)", "4,70,000.00"],
    [None, "20/11/2026", "Deposit", "89", "Gupta Stores", None, "Sales", "75,000.00", "5,45,000.00"],
]  # fmt: skip


def _qb_section(name: str, opening: str | None, lines: list[list[Any]]) -> list[list[Any]]:
    """One account's part of QuickBooks' Transaction Detail by Account: its name, its
    Beginning Balance (where `opening`), its lines and `Total for <name>`."""
    beginning = [[None, None, "Beginning Balance", *[None] * 5, opening]] if opening else []
    return [[name], *beginning, *lines, [f"Total for {name}"]]


def test_the_account_of_the_very_name_given_is_read_before_one_it_begins(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Hostile 37's q01/q02: 'HDFC Bank' above 'HDFC Bank A/c 50200012345678', and 'HDFC Bank
    Charges' above 'HDFC Bank'. The first whose name began or was begun by --account's was
    read: --account "HDFC Bank A/c 50200012345678" read 'HDFC Bank', and so did the reconcile
    job choosing the statement's number, its note saying that name gave the number."""
    rows = [
        *QB_TOP,
        *_qb_section("HDFC Bank", "5,00,000.00", RENT_AND_SALES),
        *_qb_section("HDFC Bank A/c 50200012345678", "1,00,000.00", HDFC_LINES),
    ]
    path = xlsx({"Sheet1": rows}, name="detail.xlsx")
    lines, _ = _read(path, "HDFC Bank A/c 50200012345678")
    assert lines.account == "HDFC Bank A/c 50200012345678" and lines.opening == 10000000
    assert lines.frame["particulars"].tolist()[0] == "Balaji Traders"
    lines, _ = _read(path, "hdfc  bank")
    assert lines.frame["particulars"].tolist() == ["Sharma Rent", "Gupta Stores"]
    with pytest.raises(SheetProblem) as refused:
        read_ledger(str(path), "HDFC")
    assert str(refused.value) == (
        "--account 'HDFC' could be any of 2 accounts whose ledgers detail.xlsx, sheet Sheet1 "
        "holds ('HDFC Bank', 'HDFC Bank A/c 50200012345678'). Give the bank ledger's whole name "
        "as the export writes it."
    )
    charges = [
        [None, "30/11/2026", "Expense", "90", "HDFC Bank", None, "HDFC Bank", "354.00", None]
    ]
    rows = [*QB_TOP, *_qb_section("HDFC Bank Charges", None, charges), *QUICKBOOKS[5:-2]]
    rows.append(["Total for HDFC Bank"])
    lines, note = _read(xlsx({"Sheet1": rows}, name="charges.xlsx"), "HDFC Bank")
    assert len(lines.frame) == 3 and lines.opening == 10000000
    assert "only the 4 rows of 'HDFC Bank' were read, as --account names it" in note.problem
    # the reconcile job, no --account: the section whose name gives the statement's number
    titled = [["HDFC BANK Ltd."], ["Account No : 50200012345678"], *STATEMENT[1:]]
    bank = xlsx({"Statement": titled}, name="statement.xlsx")
    out = tmp_path / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(path), "--out", str(out)])
    said = capsys.readouterr().out
    assert code == 0, said
    assert "2 matches, 1 bank and 1 ledger lines unmatched" in said
    notes = [r[4] for r in openpyxl.load_workbook(out)["Issues"].iter_rows(values_only=True)]
    assert any(
        "only the 4 rows of 'HDFC Bank A/c 50200012345678' were read, as its name gives the "
        "statement's account number" in str(note)
        for note in notes
    )


@pytest.mark.parametrize(
    ("name", "bank"),
    [
        ("HDFC Current Account", True),
        ("ICICI Current A/c", True),
        ("Kotak Savings Account", True),
        ("Axis CA 4521", True),
        ("SBI OD A/c", True),
        ("Canara CC A/c", True),
        ("Union Bank Cash Credit", True),
        ("Bank Charges", False),
        ("HDFC Bank Charges", False),
        ("Bank Interest", False),
        ("Interest on Bank OD", False),
        ("Bank Commission", False),
        ("Bank Guarantee Commission", False),
        ("CA Fees", False),
        ("Petty Cash", False),
    ],
)
def test_a_bank_account_by_its_name(name: str, bank: bool) -> None:
    assert is_bank_account(name) is bank


def test_bank_charges_is_no_bank_account_beside_a_current_account(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Hostile 37's q06: 'HDFC Current Account' and 'Bank Charges', no --account: 'Bank
    Charges' was read as the only bank account (its 354.00 and 118.00 the books' lines)."""
    charges = [
        [None, "30/11/2026", "Expense", "90", "HDFC", None, "HDFC Current Account", "354.00", None],
        [None, "15/11/2026", "Expense", "91", "ICICI", None, "ICICI Current Account", "118.00", None],
    ]  # fmt: skip
    rows = [
        *QB_TOP,
        *_qb_section("HDFC Current Account", "1,00,000.00", HDFC_LINES),
        *_qb_section("Bank Charges", None, charges),
    ]
    lines, note = _read(xlsx({"Sheet1": rows}, name="detail.xlsx"))
    assert lines.account == "HDFC Current Account"
    assert lines.frame["particulars"].tolist()[0] == "Balaji Traders"
    assert note.problem.endswith("as it is the only bank account among them")
    # no name says bank: the reconcile job reads the one that gives the statement's number
    rows = [
        *QB_TOP,
        *_qb_section("Sundry Expenses", None, charges),
        *_qb_section("HDFC 50200012345678", "1,00,000.00", HDFC_LINES),
    ]
    books = xlsx({"Sheet1": rows}, name="numbered.xlsx")
    titled = [["HDFC BANK Ltd."], ["Account No : 50200012345678"], *STATEMENT[1:]]
    bank = xlsx({"Statement": titled}, name="statement.xlsx")
    out = tmp_path / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    said = capsys.readouterr().out
    assert code == 0, said
    assert "2 matches, 1 bank and 1 ledger lines unmatched" in said


def test_two_exports_of_one_account_pasted_one_under_another_are_one_ledger(
    xlsx: Callable[..., Path],
) -> None:
    """Hostile 37's q07: October's Transaction Detail of HDFC Bank, and under it November's
    with its own titles. With --account "HDFC Bank" only October's was read (the books'
    balance 1,00,000.00 instead of 13,53,000.50, a tie, exit 0); without it the refusal
    listed ('HDFC Bank', 'HDFC Bank')."""
    october = [[None, "20/10/2026", "Deposit", "30", "Ravi & Sons", None, "Sales", "20,000.00", "1,00,000.00"]]  # fmt: skip

    def sheet(november_opens_at: str) -> list[list[Any]]:
        return [
            *QB_TOP,
            *_qb_section("HDFC Bank", "80,000.00", october),
            *QB_TOP,
            *_qb_section("HDFC Bank", november_opens_at, HDFC_LINES),
        ]

    path = xlsx({"Sheet1": sheet("1,00,000.00")}, name="detail.xlsx")
    for account in ("HDFC Bank", None):
        lines, note = _read(path, account)
        assert lines.frame["particulars"].tolist() == [
            "Ravi & Sons",
            "Balaji Traders",
            "Kaveri Home Needs",
            "Om Sai Logistics",
        ]
        assert lines.opening == 8000000
        assert note.problem == (
            "the ledger export holds the ledger of 'HDFC Bank' in 2 parts (one export pasted "
            "under another): its 6 rows were read as one ledger, in order"
        )
    # November's opening is not where October's lines left the account: said, at its cell
    lines = read_ledger(str(xlsx({"Sheet1": sheet("1,10,000.00")}, name="gap.xlsx")))
    assert lines.opening == 8000000 and len(lines.frame) == 4
    [warning] = [issue for issue in lines.issues if issue.severity is Severity.WARNING]
    assert warning.cell == "I16"  # November's Beginning Balance
    assert warning.problem == (
        "a later export of the account pasted under the first opens at 1,10,000.00, but the "
        "opening balance and lines above it run to 1,00,000.00: a voucher is missing between "
        "the exports, or is in both"
    )
