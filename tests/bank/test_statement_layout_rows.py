"""A statement's balance, carry and total rows worded otherwise are layout, never lines
(helper-135, 73 layouts of Indian banks' exports).

The silent case: a page's carry written dated, its balance as a withdrawal (`Carried Forward
to next page`) and brought forward as a deposit of the same figure on the next page (`Brought
Forward from previous page`), with no running balance on either row. Read as two lines, they
cancelled: 11 lines, the BRS 'tied' at 0.00 with both listed on it as items in the bank only,
and Integrity said the running balance followed. Likewise an opening balance written in the
Credit column under `Op. Bal`, `OPG. BAL.`, `Previous Balance` or Hindi's `अथ शेष` was read as
a deposit of the first day."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from xlbo.bank.integrity import opening_and_closing
from xlbo.readers.statement import read_statement

HEAD = ["Date", "Narration", "Chq./Ref.No.", "Withdrawal Amt.", "Deposit Amt.", "Balance"]
TITLE = [["PUNJAB NATIONAL BANK"], ["Statement of Account from 01/11/2026 to 30/11/2026"], []]


def _statement(carry: str, brought: str) -> list[list[object]]:
    return [
        *TITLE,
        HEAD,
        ["01/11/2026", "Opening Balance", None, None, None, "1,00,000.00"],
        ["03/11/2026", "NEFT CR-BALAJI TRADERS", "N306123", None, "5,000.00", "1,05,000.00"],
        ["12/11/2026", carry, None, "1,05,000.00", None, None],
        [],
        ["PUNJAB NATIONAL BANK", None, None, None, None, "Page 2"],
        HEAD,
        ["12/11/2026", brought, None, None, "1,05,000.00", None],
        [
            "14/11/2026",
            "CHQ PAID 000452 KAVERI HOME NEEDS",
            "000452",
            "2,000.00",
            None,
            "1,03,000.00",
        ],
        ["28/11/2026", "NEFT CR-OM SAI LOGISTICS", "N332999", None, "300.00", "1,03,300.00"],
    ]


@pytest.mark.parametrize(
    ("carry", "brought"),
    [
        ("Carried Forward to next page", "Brought Forward from previous page"),
        ("Balance Carried Over", "Balance Brought Over"),
        ("Transferred to next page", "Transferred from previous page"),
        ("To Balance c/d", "By Balance b/d"),
        ("Total C/F", "Total B/F"),
        ("Balance C/F to Page 2", "Balance B/F from Page 1"),
        ("Closing Balance of Page 1", "Opening Balance of Page 2"),
        ("Bal. C/Fwd.", "Bal. B/Fwd."),
        ("Balance C/F to next page 1,05,000.00 (Dr)", "Balance B/F from previous page 1,05,000.00 (Cr)"),
    ],
)  # fmt: skip
def test_a_pages_carry_worded_otherwise_is_no_pair_of_lines(
    xlsx: Callable[..., Path], carry: str, brought: str
) -> None:
    lines = read_statement(str(xlsx({"Statement": _statement(carry, brought)}, name="pnb.xlsx")))
    assert lines.frame["narration"].tolist() == [
        "NEFT CR-BALAJI TRADERS",
        "CHQ PAID 000452 KAVERI HOME NEEDS",
        "NEFT CR-OM SAI LOGISTICS",
    ]
    assert int(lines.frame["credit"].sum()) == 530000 and int(lines.frame["debit"].sum()) == 200000


@pytest.mark.parametrize(
    ("opening", "closing"),
    [
        ("Op. Bal", "Cl. Bal"),
        ("OPG. BAL.", "CLG BAL"),
        ("B/Fwd", "Balance C/Fwd"),
        ("Opening Balance (INR)", "Closing Balance (INR)"),
        ("Opening Balance as of 01-Nov-2026", "Balance as of 30-Nov-2026"),
        ("OB", "Available Balance"),
        ("Previous Balance", "Ledger Balance"),
        ("अथ शेष / Opening Balance", "अंतिम शेष / Closing Balance"),
        ("प्रारंभिक शेष", "अंतिम शेष"),
    ],
)
def test_an_opening_written_as_a_deposit_and_a_closing_row_are_no_lines(
    xlsx: Callable[..., Path], opening: str, closing: str
) -> None:
    rows = [
        *TITLE,
        HEAD,
        ["01/11/2026", opening, None, None, "1,00,000.00", "1,00,000.00"],
        ["03/11/2026", "NEFT CR-BALAJI TRADERS", "N306123", None, "5,000.00", "1,05,000.00"],
        [
            "14/11/2026",
            "CHQ PAID 000452 KAVERI HOME NEEDS",
            "000452",
            "2,000.00",
            None,
            "1,03,000.00",
        ],
        ["30/11/2026", closing, None, None, "1,03,000.00", "1,03,000.00"],
        [None, "कुल / Total", None, "2,000.00", "5,000.00", None],
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, name="bob.xlsx")))
    assert len(lines.frame) == 2
    assert opening_and_closing(lines.frame) == (10000000, 10300000)
    assert not [i for i in lines.issues if i.severity.name == "ERROR"]


@pytest.mark.parametrize(
    "narration",
    ["OB ENTERPRISES", "NET BALANCE TRANSFER", "TOTAL ENERGIES LTD", "BALANCE FORWARD LOGISTICS",
     "AVAILABLE BALANCE TRANSFER TO FD", "UPI/TOTAL/629812345678"],
)  # fmt: skip
def test_a_line_whose_narration_begins_with_those_words_stays_a_line(
    xlsx: Callable[..., Path], narration: str
) -> None:
    rows = [
        *TITLE,
        HEAD,
        ["01/11/2026", "Opening Balance", None, None, None, "1,00,000.00"],
        ["03/11/2026", narration, "N306123", None, "5,000.00", "1,05,000.00"],
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, name="bank.xlsx")))
    assert lines.frame["narration"].tolist() == [narration]


@pytest.mark.parametrize(("extra", "finding"), [(0, False), (10000, True)])
def test_a_grand_total_that_counts_the_brought_forward_figure_adds_up(
    xlsx: Callable[..., Path], extra: int, finding: bool
) -> None:
    """Indian Bank writes the opening in Deposits on its `Brought Forward` row and counts it in
    the Grand Total; that total was a false 'Statement total' finding of 2,45,678.50, the
    opening. A Grand Total that is wrong even so is still one."""
    rows = [
        *TITLE,
        ["Date", "Particulars", "Chq.No", "Withdrawals", "Deposits", "Balance"],
        [None, "Brought Forward", None, None, "1,00,000.00", "1,00,000.00Cr"],
        ["03/11/26", "NEFT CR-BALAJI TRADERS", None, None, "5,000.00", "1,05,000.00Cr"],
        ["14/11/26", "CHQ PAID 000452 KAVERI", "000452", "2,000.00", None, "1,03,000.00Cr"],
        [None, "Carried Forward", None, None, "1,03,000.00", "1,03,000.00Cr"],
        [None, "Grand Total", None, "2,000.00", 105000 + extra / 100, None],
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, name="indian.xlsx")))
    assert len(lines.frame) == 2
    said = [f for f in lines.findings if "total credits" in f.detail]
    assert bool(said) is finding


ICICI_GRID = ["S No.", "Value Date", "Transaction Date", "Cheque Number", "Transaction Remarks",
              "Withdrawal Amount (INR )", "Deposit Amount (INR )", "Balance (INR )"]  # fmt: skip


def test_a_days_lines_under_its_date_written_once_are_that_days(xlsx: Callable[..., Path]) -> None:
    """The day's date on its first line only, the balance on its last: the lines under it were
    dropped, each an 'amount with no date' Error and a balance break (helper-135)."""
    rows = [
        *TITLE,
        ICICI_GRID,
        [None, None, None, None, "Opening Balance", None, None, "1,00,000.00"],
        [1, "05/11/2026", "05/11/2026", None, "ATM WDL 5555 FORT", "10,000.00", None, None],
        [2, None, None, "000456", "CHQ PAID 000456 RAJ SUPPLIERS", "8,250.00", None, None],
        [3, None, None, "632999", "UPI/632999/RAO", None, "2,500.00", "84,250.00"],
        [4, "09/11/2026", "09/11/2026", "R91121", "RTGS-MEHTA EXPORTS", None, "50,000.00", "1,34,250.00"],
    ]  # fmt: skip
    lines = read_statement(str(xlsx({"Statement": rows}, name="icici.xlsx")))
    assert [d.day for d in lines.frame["date"]] == [5, 5, 5, 9]
    assert lines.frame["debit"].tolist() == [1000000, 825000, 0, 0]
    assert not [i for i in lines.issues if i.severity.name == "ERROR"]


def test_an_undated_amount_the_balance_does_not_confirm_stays_an_error(
    xlsx: Callable[..., Path],
) -> None:
    rows = [
        *TITLE,
        ICICI_GRID,
        [None, None, None, None, "Opening Balance", None, None, "1,00,000.00"],
        [1, "05/11/2026", "05/11/2026", None, "ATM WDL 5555 FORT", "10,000.00", None, None],
        [2, None, None, "000456", "CHQ PAID 000456 RAJ SUPPLIERS", "8,250.00", None, "90,000.00"],
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, name="icici.xlsx")))
    assert len(lines.frame) == 1
    assert any("an amount with no date" in i.problem for i in lines.issues)


def test_a_type_column_of_w_and_d_is_withdrawal_and_deposit(xlsx: Callable[..., Path]) -> None:
    """Bank of Baroda's `Date | Description | Amount | Type` with `W` and `D`: the D was read as
    a debit, every deposit a withdrawal, and the job refused the ledger as the wrong way round
    (helper-135). Where a C stands in the column, D stays a debit."""
    rows = [
        ["BANK OF BARODA"],
        ["Statement of Account from 01/11/2026 to 30/11/2026"],
        ["Date", "Description", "Amount", "Type"],
        ["03/11/2026", "NEFT CR-BALAJI TRADERS", "5,000.00", "D"],
        ["14/11/2026", "CHQ PAID 000452 KAVERI", "2,000.00", "W"],
        ["28/11/2026", "NEFT CR-OM SAI LOGISTICS", "300.00", "D"],
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, name="bob.xlsx")))
    assert lines.frame["credit"].tolist() == [500000, 0, 30000]
    assert lines.frame["debit"].tolist() == [0, 200000, 0]
    rows[3][3], rows[4][3], rows[5][3] = "C", "D", "C"
    lines = read_statement(str(xlsx({"Statement": rows}, name="bob-dc.xlsx")))
    assert lines.frame["debit"].tolist() == [0, 200000, 0]
