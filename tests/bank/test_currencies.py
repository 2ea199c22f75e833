"""A statement in a currency other than the rupee (round 34's EEFC account): its currency read
from the heading (`Currency : USD`, ICICI's `( USD )`) or the amount columns (`Withdrawal Amt
(USD)`). Against books in rupees it was reconciled as if both were rupees: nothing matched and
the Summary blamed the whole gap, 16,50,000.00, on last month's BRS. Now that is refused, exit 2,
naming the currency and what to give instead; against books kept in that currency the BRS is
drawn and its heading says the currency."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.bank.test_reconcile import HDFC_HEAD
from xlbo.bank.integrity import check_statement
from xlbo.cli import main
from xlbo.readers.statement import read_statement
from xlbo.readers.statement_summary import currency_in

HEAD = HDFC_HEAD[3]
"""HDFC's header row."""
EEFC_ROWS = [
    ["03/11/26", "INWARD REMITTANCE-ACME INC USA-INV 301", "FIRC0001", None, 12000.00],
    ["10/11/26", "TRF TO INR CA 50200011112222", "", 5000.00, None],
    ["18/11/26", "OUTWARD REMIT-CLOUDHOST LLC", "ORM0098", 850.50, None],
    ["25/11/26", "INWARD REMITTANCE-GLOBEX GMBH-INV 305", "FIRC0002", None, 4300.00],
]


def eefc_statement(
    titles: list[list[Any]], head: list[str] = HEAD, rows: list[list[Any]] = EEFC_ROWS
) -> list[list[Any]]:
    """HDFC's layout of an EEFC account from USD 20,000.00, under `titles`."""
    balance, body = 20000.0, []
    for day, narration, ref, withdrawal, deposit in rows:
        balance += (deposit or 0) - (withdrawal or 0)
        body.append([day, narration, ref, day, withdrawal, deposit, round(balance, 2)])
    return [*titles, [], head, ["********"], *body]


HDFC_TITLES = [
    ["HDFC BANK Ltd."],
    ["Account No : 50200012345678   EEFC"],
    ["Currency : USD"],
    ["Statement From : 01/11/2026 To : 30/11/2026"],
]


def books(rows: list[list[Any]], opening: float) -> list[list[Any]]:
    return [
        ["Nilgiri Exports Pvt Ltd"],
        ["HDFC EEFC A/c"],
        ["Ledger Account"],
        ["1-Nov-2026 to 30-Nov-2026"],
        ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
        [date(2026, 11, 1), "Opening Balance", None, None, opening, None],
        *rows,
    ]


IN_RUPEES = books(
    [
        [date(2026, 11, 3), "Acme Inc", "Receipt", "1", 1002000.00, None],
        [date(2026, 11, 10), "HDFC Current A/c", "Contra", "2", None, 417500.00],
        [date(2026, 11, 18), "Cloudhost LLC", "Payment", "3", None, 71017.00],
        [date(2026, 11, 25), "Globex GmbH", "Receipt", "4", 359480.00, None],
    ],
    1670000.00,
)
IN_DOLLARS = books(
    [
        [date(2026, 11, 3), "Acme Inc", "Receipt", "1", 12000.00, None],
        [date(2026, 11, 10), "HDFC Current A/c", "Contra", "2", None, 5000.00],
        [date(2026, 11, 18), "Cloudhost LLC", "Payment", "3", None, 850.50],
        [date(2026, 11, 27), "Globex GmbH", "Receipt", "4", 4300.00, None],
        [date(2026, 11, 28), "Initech Ltd", "Payment", "5", None, 640.00],
    ],
    20000.00,
)


def run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bank: Path, ledger: Path
) -> tuple[int, str]:
    out = tmp_path / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(ledger), "--out", str(out)])
    said = capsys.readouterr()
    return code, said.out + said.err


def test_a_dollar_statement_against_rupee_books_is_refused_naming_the_currency(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    bank = xlsx({"Statement": eefc_statement(HDFC_TITLES)}, name="eefc.xlsx")
    ledger = xlsx({"Ledger": IN_RUPEES}, name="books.xlsx")
    code, said = run(tmp_path, capsys, bank, ledger)
    assert code == 2, said
    assert (
        "eefc.xlsx is in USD (as its heading or its amount columns say), and books.xlsx's "
        "amounts are not"
    ) in said
    assert "only 0 of its 4 lines' amounts are in the ledger" in said
    assert "give the ledger of this USD account with its amounts in USD" in said
    assert "Traceback" not in said and not (tmp_path / "brs.xlsx").exists()


def test_a_dollar_statement_against_books_kept_in_dollars_is_reconciled_in_dollars(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    bank = xlsx({"Statement": eefc_statement(HDFC_TITLES)}, name="eefc.xlsx")
    ledger = xlsx({"Ledger": IN_DOLLARS}, name="books.xlsx")
    code, said = run(tmp_path, capsys, bank, ledger)
    assert "BRS difference 0.00" in said and code == 0, said
    book = openpyxl.load_workbook(tmp_path / "brs.xlsx")
    brs = [[v for v in r if v not in (None, "")] for r in book["BRS"].iter_rows(values_only=True)]
    assert brs[:3] == [
        ["Nilgiri Exports Pvt Ltd"],
        ["Bank Reconciliation Statement as on 30 November 2026"],
        ["HDFC EEFC A/c, A/c No. 50200012345678, amounts in USD"],
    ]
    # USD 20,000 + 12,000 - 5,000 - 850.50 + 4,300 = 30,449.50; Globex's 4,300 booked on the
    # 27th against the bank's 25th still matches; Initech's 640 is not yet debited
    assert ["Balance as per bank statement", 30449.5] in brs
    assert ["Total payments in the books not yet debited", 640] in brs
    summary = [str(r[0]) for r in book["Summary"].iter_rows(values_only=True) if r[0]]
    assert "HDFC EEFC A/c, A/c No. 50200012345678, amounts in USD" in summary
    assert any(
        s.startswith("The statement is in USD: the BRS's amounts are in USD") for s in summary
    )
    # dollars grouped by thousands, as they are written (1,234,567.00), not in lakhs
    rows = list(book["BRS"].iter_rows())
    balance = next(r for r in rows if r[1].value == "Balance as per bank statement")
    assert balance[4].number_format == '[$-409]#,##0.00" Cr";[$-409]#,##0.00" Dr";"–"'
    headers = [c.value for c in book["Matches"][1]]
    assert book["Matches"].cell(2, headers.index("Bank Amount") + 1).number_format == (
        "[$-409]#,##0.00"
    )


def test_a_dollar_brs_that_does_not_tie_says_its_difference_grouped_by_thousands(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Round 35's leftover: the one-line answer and the Summary gave a USD difference in lakhs
    (12,34,567.00)."""
    bank = xlsx({"Statement": eefc_statement(HDFC_TITLES)}, name="eefc.xlsx")
    off = [list(row) for row in IN_DOLLARS]
    off[5][4] = 20000.00 + 1234567.00  # the books' opening, wrong by 1,234,567.00
    ledger = xlsx({"Ledger": off}, name="books.xlsx")
    code, said = run(tmp_path, capsys, bank, ledger)
    assert code == 1, said
    assert "BRS difference -1,234,567.00." in said and "12,34,567" not in said
    book = openpyxl.load_workbook(tmp_path / "brs.xlsx")
    summary = [str(r[0]) for r in book["Summary"].iter_rows(values_only=True) if r[0]]
    assert "The BRS does not tie yet: difference -1,234,567.00." in summary


@pytest.mark.parametrize(
    ("titles", "head"),
    [
        # ICICI's OpTransactionHistory: the currency in brackets after the account number
        ([["Account Number", None, "000405012345 ( USD )  - NILGIRI EXPORTS PVT LTD"]], HEAD),
        # no word of it in the heading: the amount columns say it
        (
            [["Statement From : 01/11/2026 To : 30/11/2026"]],
            [*HEAD[:4], "Withdrawal Amt (USD)", "Deposit Amt (USD)", "Closing Balance (USD)"],
        ),
        ([["Account Currency - US Dollar"]], HEAD),
        # SBI's (hostile tester helper-121, c04/f): `Currency : US$` and the account's name
        ([["EEFC CURRENT ACCOUNT-USD"], ["Currency : US$"]], HEAD),
        ([["Account Type : EEFC CURRENT ACCOUNT-USD"]], HEAD),
        ([["Curr. : U.S. Dollar"]], HEAD),
        # a branch in brackets above, the labelled currency below: the label's
        ([["Branch : RAJIV GANDHI SALAI (SAR)"], ["Currency : USD"]], HEAD),
    ],
)
def test_the_currency_is_read_where_each_bank_prints_it(
    xlsx: Callable[..., Path], titles: list[list[Any]], head: list[str]
) -> None:
    statement = read_statement(str(xlsx({"Statement": eefc_statement(titles, head)})))
    assert statement.currency == "USD"
    assert len(statement.frame) == 4
    assert int(statement.frame["credit"].sum()) == 1630000  # USD 16,300.00 in cents


def test_a_rupee_statement_that_says_so_is_reconciled_as_before(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    titles = [*HDFC_TITLES[:2], ["Currency : INR"], HDFC_TITLES[3]]
    bank = xlsx({"Statement": eefc_statement(titles)}, name="current.xlsx")
    ledger = xlsx({"Ledger": IN_DOLLARS}, name="books.xlsx")  # its figures the statement's
    code, said = run(tmp_path, capsys, bank, ledger)
    assert "BRS difference 0.00" in said and code == 0, said
    book = openpyxl.load_workbook(tmp_path / "brs.xlsx")
    assert book["BRS"]["A3"].value == "HDFC EEFC A/c, A/c No. 50200012345678"


def test_an_address_in_brackets_is_no_currency(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """helper-121's c02/c03: a Chennai branch on Old Mahabalipuram Road, `THORAIPAKKAM (OMR)`,
    was read as Omani rials and a rupee statement refused; with `Currency : INR` below it, the
    BRS was headed 'amounts in OMR'."""
    for titles in (
        [["HDFC BANK Ltd."], ["Branch : THORAIPAKKAM (OMR), CHENNAI"]],
        [["HDFC BANK Ltd."], ["RAJIV GANDHI SALAI (OMR)"], ["Currency : INR"]],
    ):
        bank = xlsx({"Statement": eefc_statement(titles)}, name="bank.xlsx")
        ledger = xlsx({"Ledger": IN_DOLLARS}, name="books.xlsx")
        assert read_statement(str(bank)).currency in ("", "INR")
        code, said = run(tmp_path, capsys, bank, ledger)
        assert "BRS difference 0.00" in said and code == 0, said
        book = openpyxl.load_workbook(tmp_path / "brs.xlsx")
        assert "amounts in" not in str(book["BRS"]["A3"].value)


def test_a_new_dollar_account_opening_at_nothing_against_rupee_books_is_refused(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """helper-121's c04: both open at 0.00, which proves no currency; before, the BRS was drawn
    'in USD' with the rupee receipts outstanding, exit 0."""
    rows = [[*row[:4], row[4]] for row in EEFC_ROWS]
    statement = eefc_statement(HDFC_TITLES, rows=rows)
    for line in statement[7:]:  # the balance from 0.00: 20,000.00 less
        line[6] = round(line[6] - 20000, 2)
    bank = xlsx({"Statement": statement}, name="eefc.xlsx")
    rupees = [*IN_RUPEES[:5], [date(2026, 11, 1), "Opening Balance", None, None, 0, None]]
    ledger = xlsx({"Ledger": [*rupees, *IN_RUPEES[6:]]}, name="books.xlsx")
    code, said = run(tmp_path, capsys, bank, ledger)
    assert code == 2 and "eefc.xlsx is in USD" in said, said


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Currency : USD", "USD"),
        ("CCY: EUR", "EUR"),
        ("Currency Code - GBP  Branch : FORT", "GBP"),
        ("Currency : Indian Rupee", "INR"),
        ("Foreign Currency Account", ""),
        ("Currency Chest Branch", ""),
        ("Currency : XYZ", ""),
        ("Branch Code (SOL) 0042", ""),
        ("", ""),
        ("Currency :", ""),
        ("Currency : US", ""),
        ("((USD", ""),
        (
            "₹ (INR)",
            "",
        ),
        ("THORAIPAKKAM (OMR), CHENNAI", ""),
        ("Account Number 000405012345 ( USD ) - NILGIRI", "USD"),
        ("Curr. : USD", "USD"),
        ("Currency : US$", "USD"),
        ("EEFC CURRENT ACCOUNT-USD", "USD"),
        ("EEFC A/c (INR equivalent shown)", ""),
    ],
)
def test_a_currency_is_only_a_currency_where_it_is_named_as_one(text: str, code: str) -> None:
    assert currency_in(text) == code


def test_a_dollar_statements_own_findings_say_its_money_grouped_by_thousands(
    xlsx: Callable[..., Path],
) -> None:
    """A summary that disagrees with the lines, and a balance that breaks, on an EEFC account:
    its figures were said grouped in lakhs (`1,23,456.00` dollars), as rupees are."""
    body = eefc_statement(HDFC_TITLES)
    body[-1] = [*body[-1][:6], 1230449.5]  # the last balance written 1,200,000.00 too high
    summary = [
        ["STATEMENT SUMMARY :-"],
        ["Opening Balance", "Dr Count", "Cr Count", "Debits", "Credits", "Closing Bal"],
        [20000, 2, 2, 1105850.5, 16300, 1230449.5],
    ]
    statement = read_statement(str(xlsx({"Statement": [*body, *summary]}, name="eefc.xlsx")))
    said = " ".join(finding.detail for finding in statement.findings)
    assert "total debits of 1,105,850.50, but the lines read add up to 5,850.50" in said
    findings, _ = check_statement(statement.frame, (), statement.currency)
    [broken] = [f for f in findings if f.check == "Balance break"]
    assert "the statement shows 1,230,449.50 (difference 1,200,000.00)" in broken.detail
