"""A ledger's opening, closing and total lines as other books word them (helper-134: 6 of 10
wordings of one Tally-like export, Hindi's, and a hand-kept book's `Total Receipts`).

Before, `Opening Balance as on 01-11-2026` (dated, in Debit) and `Closing Balance as on
30-11-2026` (dated, in Credit) were read as two vouchers: eleven lines, no opening or closing
read, the statement's opening taken, and the BRS "tied" on a books balance of 1,25,000.00 where
the books closed at 1,85,014.40 Dr, with both rows listed as outstanding items."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from tests.bank.test_other_books import STATEMENT
from xlbo.cli import main
from xlbo.issues import Severity
from xlbo.readers.ledger import read_ledger
from xlbo.readers.statement import read_statement

TITLE = [
    ["Shree Ganesh Traders"],
    ["Ledger Account : HDFC Bank"],
    ["Period : 01-11-2026 to 30-11-2026"],
    [],
]
VOUCHERS = [
    ["02-11-2026", "Balaji Traders", "R-41", "5,000.00", None],
    ["04-11-2026", "Kaveri Home Needs", "P-17", None, "2,000.00"],
    ["28-11-2026", "Om Sai Logistics", "R-42", "12,50,000.50", None],
]


def ledger(opening: str, closing: str, *, dated: bool = True) -> list[list[object]]:
    return [
        *TITLE,
        ["Date", "Particulars", "Vch No.", "Debit", "Credit"],
        ["01-11-2026" if dated else None, opening, None, "1,00,000.00", None],
        *VOUCHERS,
        [None, "Total", None, "13,55,000.50", "2,000.00"],
        ["30-11-2026" if dated else None, closing, None, None, "13,53,000.50"],
    ]


@pytest.mark.parametrize(
    ("opening", "closing"),
    [
        ("Opening Balance as on 01-11-2026", "Closing Balance as on 30-11-2026"),
        ("Opening Balance (01-Nov-2026)", "Closing Balance (30-Nov-2026)"),
        ("Op. Bal.", "Cl. Bal."),
        ("Bal. b/d", "Bal. c/d"),
        ("Opening Balance Dr", "Closing Balance Dr"),
        ("Opening Bal. B/F", "Closing Bal. C/F"),
        ("Balance as on 01-11-2026", "Balance as on 30-11-2026"),
        ("प्रारंभिक शेष", "अंतिम शेष"),
    ],
)
@pytest.mark.parametrize("dated", [True, False])
def test_balance_lines_worded_otherwise_are_the_opening_and_closing(
    xlsx: Callable[..., Path], opening: str, closing: str, dated: bool
) -> None:
    path = xlsx({"Ledger": ledger(opening, closing, dated=dated)}, name="ledger.xlsx")
    lines = read_ledger(str(path))
    assert lines.frame["particulars"].tolist() == [
        "Balaji Traders",
        "Kaveri Home Needs",
        "Om Sai Logistics",
    ]
    assert (lines.opening, lines.closing) == (10000000, 135300050)
    assert not [i for i in lines.issues if i.severity.name == "ERROR"]


def test_a_voucher_that_begins_with_a_balances_words_stays_a_voucher(
    xlsx: Callable[..., Path],
) -> None:
    """`Opening Balance Adjustment` and `Closing Balance of FD transferred` are entries: only a
    date, a side, b/f or c/d and an amount may follow the words of a balance line."""
    rows = ledger("Opening Balance", "Closing Balance")
    rows[9:9] = [
        ["29-11-2026", "Opening Balance Adjustment", "J-3", "100.00", None],
        ["29-11-2026", "Closing Balance of FD transferred", "J-4", "50.00", None],
    ]
    rows[-2][3] = "13,55,150.50"
    rows[-1][4] = "13,53,150.50"
    lines = read_ledger(str(xlsx({"Ledger": rows}, name="ledger.xlsx")))
    assert lines.frame["particulars"].tolist()[-2:] == [
        "Opening Balance Adjustment",
        "Closing Balance of FD transferred",
    ]
    assert (lines.opening, lines.closing) == (10000000, 135315050)


def test_a_hand_kept_books_total_receipts_and_payments_are_no_entries(
    xlsx: Callable[..., Path],
) -> None:
    """One Amount column and a Dr/Cr column; the totals under the last day's entry carry its
    date down. `Total Receipts 12,55,000.50 Dr` was read as a receipt of the 28th."""
    rows = [
        *TITLE,
        ["Date", "Particulars", "Chq No", "Amount", "Dr/Cr"],
        ["01.11.2026", "Opening Balance", None, "1,00,000.00", "Dr"],
        ["02.11.2026", "Balaji Traders", None, "5,000.00", "Dr"],
        ["04.11.2026", "Kaveri Home Needs", "000452", "2,000.00", "Cr"],
        ["28.11.2026", "Om Sai Logistics", None, "12,50,000.50", "Dr"],
        [None, "Total Receipts", None, "12,55,000.50", "Dr"],
        [None, "Total Payments", None, "2,000.00", "Cr"],
        [None, "Closing Balance", None, "13,53,000.50", "Dr"],
    ]
    lines = read_ledger(str(xlsx({"Ledger": rows}, name="bank-book.xlsx")))
    assert len(lines.frame) == 3
    assert lines.frame["debit"].sum() == 125500050 and lines.frame["credit"].sum() == 200000
    assert (lines.opening, lines.closing) == (10000000, 135300050)


def test_the_brs_of_a_ledger_whose_balances_are_worded_so_shows_the_books_closing(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    books = xlsx(
        {"Ledger": ledger("Opening Balance as on 01-11-2026", "Closing Balance as on 30-11-2026")},
        name="ledger.xlsx",
    )
    bank = xlsx({"Statement": STATEMENT}, name="statement.xlsx")
    out = tmp_path / "brs.xlsx"
    main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    said = capsys.readouterr().out
    assert "2 matches, 1 bank and 1 ledger lines unmatched" in said
    brs = {r[1]: r[4] for r in openpyxl.load_workbook(out)["BRS"].iter_rows(values_only=True)}
    assert brs["Balance as per books (ledger)"] == 1353000.50


@pytest.mark.parametrize(
    ("said", "opening"),
    [
        ("Opening Balance: 1,00,000.00 Dr", 10000000),
        ("Opening Balance as on 01-11-2026 : Rs. 1,00,000.00 Cr", -10000000),
        ("Op. Bal. ₹ 1,00,000", 10000000),
        ("Opening Balance (1,00,000.00)", -10000000),
    ],
)
def test_an_opening_balance_stated_in_the_title_is_the_books_opening(
    xlsx: Callable[..., Path], said: str, opening: int
) -> None:
    """A bank book kept by hand states its opening in a title line, with no row for it; before,
    the statement's opening was taken as the books' and an October cheque presented in November
    made the BRS 'tie' on the wrong books balance."""
    rows = [
        ["Shree Ganesh Traders"],
        ["Bank Book - HDFC - November 2026"],
        [said],
        [],
        ["Date", "Type", "Particulars", "Chq No", "Amount (Rs.)"],
        ["2-Nov", "Receipt", "Balaji Traders", None, 5000],
        ["4-Nov", "Payment", "Kaveri Home Needs", "000452", 2000],
    ]
    lines = read_ledger(str(xlsx({"Nov-26": rows}, name="bank-book.xlsx")))
    assert lines.frame["debit"].tolist() == [500000, 0]
    assert lines.opening == opening


def test_a_title_that_states_no_opening_leaves_it_unstated(xlsx: Callable[..., Path]) -> None:
    rows = [
        ["Shree Ganesh Traders"],
        ["Opening balance to be confirmed with the bank"],
        ["Date", "Type", "Particulars", "Amount"],
        ["02-11-2026", "Receipt", "Balaji Traders", 5000],
    ]
    assert read_ledger(str(xlsx({"Book": rows}, name="book.xlsx"))).opening is None


def test_a_ledger_headed_in_hindi_is_read(xlsx: Callable[..., Path]) -> None:
    """तिथि, विवरण, नामे (debit), जमा (credit), शेष (balance): before, "no header row"."""
    rows = [
        ["श्री गणेश ट्रेडर्स"],
        ["खाता : एचडीएफसी बैंक"],
        ["तिथि", "विवरण", "प्रमाणक संख्या", "नामे", "जमा", "शेष"],
        ["01-11-2026", "प्रारंभिक शेष", None, "1,00,000.00", None, "1,00,000.00 Dr"],
        ["02-11-2026", "Balaji Traders", "R-41", "5,000.00", None, "1,05,000.00 Dr"],
        ["04-11-2026", "Kaveri Home Needs", "P-17", None, "2,000.00", "1,03,000.00 Dr"],
        [None, "अंतिम शेष", None, None, None, "1,03,000.00 Dr"],
    ]
    lines = read_ledger(str(xlsx({"खाता": rows}, name="hindi.xlsx")))
    assert lines.frame["particulars"].tolist() == ["Balaji Traders", "Kaveri Home Needs"]
    assert lines.frame["voucher_no"].tolist() == ["R-41", "P-17"]
    assert (lines.opening, lines.closing) == (10000000, 10300000)


@pytest.mark.parametrize(
    ("name", "money_in", "money_out"),
    [("Party / Details", "Receipt", "Payment"), ("Entry Details", "Cash In (₹)", "Cash Out (₹)")],
)
def test_a_hand_kept_books_and_khatabooks_header_words(
    xlsx: Callable[..., Path], name: str, money_in: str, money_out: str
) -> None:
    """`Party / Details` was not known, and Particulars took the Remarks column (the cheque
    number shown as the party); Khatabook's `Entry Details`, `Cash In (₹)` and `Cash Out (₹)`
    were refused."""
    rows = [
        ["Date", name, money_in, money_out, "Remarks"],
        ["02-11-2026", "Balaji Traders", 5000, None, "NEFT HDFCN26306123456"],
        ["04-11-2026", "Kaveri Home Needs", None, 2000, "Chq 000452"],
    ]
    lines = read_ledger(str(xlsx({"Book": rows}, name="book.xlsx")))
    assert lines.frame["particulars"].tolist() == ["Balaji Traders", "Kaveri Home Needs"]
    assert lines.frame["debit"].tolist() == [500000, 0]
    assert lines.frame["credit"].tolist() == [0, 200000]


def test_a_period_in_brackets_after_margs_ledger_name_is_no_account_number(
    xlsx: Callable[..., Path],
) -> None:
    """`HDFC BANK (01-11-2026 TO 30-11-2026)`: the period's digits were read as the ledger's
    account number, and a warning said it differed from the statement's."""
    rows = [
        ["SHREE GANESH TRADERS"],
        ["PUNE"],
        ["LEDGER"],
        ["HDFC BANK (01-11-2026 TO 30-11-2026)"],
        [],
        ["DATE", "VCH. TYPE", "VCH.NO.", "PARTICULARS", "DEBIT", "CREDIT", "BALANCE"],
        [None, None, None, "OPENING BALANCE", None, None, "1,00,000.00Dr"],
        ["02/11/26", "RECEIPT", "41", "BALAJI TRADERS", "5,000.00", None, "1,05,000.00Dr"],
    ]
    lines = read_ledger(str(xlsx({"Ledger": rows}, name="marg.xlsx")))
    assert lines.account == "HDFC BANK"
    assert lines.period == (date(2026, 11, 1), date(2026, 11, 30))


@pytest.mark.parametrize(
    ("opening", "closing"),
    [
        ("Opening Balance", "Closing Balance"),
        ("Op. Bal", "Cl. Bal"),  # helper-135's nobal1: the BRS said the statement gives none
        ("Opening Bal.", "Closing Bal."),
    ],
)
def test_a_statement_with_no_balance_column_gives_its_balances_in_its_footer(
    opening: str, closing: str, xlsx: Callable[..., Path]
) -> None:
    """A small bank's export (Date | Narration | Ref No | Debit | Credit) keeps no running
    balance: its footer under the lines states the opening and closing, the label in the Date
    column and the figure beside it."""
    path = xlsx(
        {
            "Statement": [
                ["Equitas Small Finance Bank"],
                ["Account No : 123456789012"],
                ["Statement of Account from 01/11/2026 to 30/11/2026"],
                ["Date", "Narration", "Ref No", "Debit", "Credit"],
                ["03/11/2026", "NEFT-HDFC000123-SHARMA TRADERS", "N30811", None, "1,25,000.00"],
                ["05/11/2026", "CHQ PAID 000456 RAJ SUPPLIERS", "000456", "48,250.00", None],
                ["28/11/2026", "SMS CHARGES INCL GST", None, "17.70", None],
                [opening, "2,45,678.50", None, None, None],
                ["Total Debits", "48,267.70", None, None, None],
                ["Total Credits", "1,25,000.00", None, None, None],
                [closing, "3,22,410.80", None, None, None],
            ]
        },
        name="equitas.xlsx",
    )
    lines = read_statement(str(path))
    assert len(lines.frame) == 3
    assert (lines.opening, lines.closing) == (24_567_850, 32_241_080)
    assert [i.message for i in lines.issues if i.severity != Severity.INFO] == []
