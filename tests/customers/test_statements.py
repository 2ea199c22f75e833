"""Statements of account from literal books: opening balance from the Opening Bills, invoices,
a receipt with TDS deducted by the customer, a credit note, the running balance; the closing
balance equals the customer's balance in the ledger; ageing, overdue reminders and the credit
limit."""

from __future__ import annotations

import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import write_xlsx
from xlbo.book import FileBook
from xlbo.cli import main
from xlbo.master.schema import BY_SHEET
from xlbo.master.template import records_frame

COMPANY = [
    ["Name", "State", "Books Begin"],
    ["Sahyadri Tradelinks Private Limited", "Maharashtra", "01-04-2026"],
]
CUSTOMERS = [
    ["Customer Code", "Name", "GSTIN", "State", "Email", "Credit Days", "Credit Limit"],
    ["KAV", "Kaveri Foods Pvt Ltd", "29AABCK1234L1ZI", "Karnataka", "ap@kaveri.example", 30, 500000],
    ["SAH", "Shivneri Agencies Pvt Ltd", None, "Maharashtra", "accounts@shivneri.example", 30, 50000],
    ["IDLE", "No Business Ltd", None, "Maharashtra", None, 30, None],
]  # fmt: skip
OPENING = [
    ["Account", "Party", "Bill No", "Bill Date", "Amount"],
    ["Trade Receivables", "Kaveri Foods Pvt Ltd", "OB/1", "15-02-2026", 118000],
]
J = ["Date", "Voucher No", "Voucher Type", "Account", "Debit", "Credit", "Party", "Cost Centre",
     "Narration"]  # fmt: skip
KAV, SAH = "Kaveri Foods Pvt Ltd", "Shivneri Agencies Pvt Ltd"
JOURNAL = [
    J,
    ["10-06-2026", "INV/26-27/0003", "Sales", "Trade Receivables", 118000, None, SAH, None, "Almirahs"],
    ["10-06-2026", "INV/26-27/0003", "Sales", "Sales - Goods", None, 100000, None, None, None],
    ["10-06-2026", "INV/26-27/0003", "Sales", "Output CGST", None, 9000, None, None, None],
    ["10-06-2026", "INV/26-27/0003", "Sales", "Output SGST", None, 9000, None, None, None],
    ["05-10-2026", "INV/26-27/0012", "Sales", "Trade Receivables", 59000, None, KAV, None, "Almirahs"],
    ["05-10-2026", "INV/26-27/0012", "Sales", "Sales - Goods", None, 50000, None, None, None],
    ["05-10-2026", "INV/26-27/0012", "Sales", "Output IGST", None, 9000, None, None, None],
    ["20-10-2026", "RCT/7", "Receipt", "HDFC Bank Current A/c", 116000, None, None, None, "OB/1"],
    ["20-10-2026", "RCT/7", "Receipt", "TDS Receivable", 2000, None, None, None, "OB/1"],
    ["20-10-2026", "RCT/7", "Receipt", "Trade Receivables", None, 118000, KAV, None, "OB/1"],
    ["25-10-2026", "CN/1", "Credit Note", "Trade Receivables", None, 5900, KAV, None, "Damaged"],
    ["25-10-2026", "CN/1", "Credit Note", "Sales - Goods", 5000, None, None, None, None],
    ["25-10-2026", "CN/1", "Credit Note", "Output IGST", 900, None, None, None, None],
]  # fmt: skip


def books(folder: Path) -> Path:
    accounts = BY_SHEET["Accounts"]
    chart = records_frame(accounts, accounts.shipped())
    return write_xlsx(
        folder / "books.xlsx",
        {
            "Company": COMPANY,
            "Customers": CUSTOMERS,
            "Accounts": [list(chart.columns), *chart.values.tolist()],
            "Opening Bills": OPENING,
            "Journal": JOURNAL,
        },
    )


def ledger_balance(party: str) -> Decimal:
    """The party's Trade Receivables balance, worked out here from the literal lines."""
    total = sum(Decimal(r[4] or 0) - Decimal(r[5] or 0) for r in JOURNAL[1:]
                if r[3] == "Trade Receivables" and r[6] == party)  # fmt: skip
    return total + sum(Decimal(r[4]) for r in OPENING[1:] if r[1] == party)


@pytest.fixture
def written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    books(tmp_path)
    out = tmp_path / "st"
    code = main(["statements", str(tmp_path / "books.xlsx"), "--as-on", "31-10-2026",
                 "--out", str(out), "--no-pdf"])  # fmt: skip
    said = capsys.readouterr().out
    assert code == 0, said
    assert (
        "2 statements 01-04-2026 to 31-10-2026: ₹1,71,100.00 receivable, 1 invoices overdue, 1 customers above their credit limit"
        in said
    )
    return out


def test_the_closing_balance_is_the_ledgers(written: Path) -> None:
    summary = (
        FileBook(written / "statements.xlsx")
        .read_table("Statements", ("Customer Code", "Closing"))
        .frame
    )
    closing = dict(zip(summary["Customer Code"], summary["Closing"], strict=True))
    assert Decimal(str(closing["KAV"])) == ledger_balance(KAV) == Decimal(53100)
    assert Decimal(str(closing["SAH"])) == ledger_balance(SAH) == Decimal(118000)
    assert "IDLE" not in closing


def test_the_statement_lines_and_running_balance(written: Path) -> None:
    table = (
        FileBook(written / "statements" / "KAV.xlsx")
        .read_table("Statement", ("Date", "Voucher", "Particulars", "Debit", "Credit", "Balance"))
        .frame
    )
    rows = [
        (r["Particulars"], r["Debit"], r["Credit"], r["Balance"]) for r in table.to_dict("records")
    ]
    assert rows[:6] == [
        ("Opening balance", None, None, 118000),
        ("Invoice: Almirahs", 59000, None, 177000),
        ("Receipt: OB/1", None, 116000, 61000),
        ("TDS deducted: OB/1", None, 2000, 59000),
        ("Credit Note: Damaged", None, 5900, 53100),
        ("Closing balance", 59000, 123900, 53100),
    ]
    ageing = {r["Particulars"]: r["Balance"] for r in table.to_dict("records")}
    assert ageing["0–30 days"] == 53100 and ageing["> 90 days"] == 0


def test_reminders_and_credit_limit(written: Path) -> None:
    book = FileBook(written / "statements.xlsx")
    due = book.read_table("Reminders", ("Days Overdue", "Customer Code", "Invoice")).frame
    assert due[["Days Overdue", "Customer Code", "Invoice", "Email"]].values.tolist() == [
        [113, "SAH", "INV/26-27/0003", "accounts@shivneri.example"]
    ]
    summary = book.read_table("Statements", ("Customer Code", "Credit Limit Breach")).frame
    breach = dict(zip(summary["Customer Code"], summary["Credit Limit Breach"], strict=True))
    assert "above the credit limit of ₹50,000.00" in str(breach["SAH"])
    assert not breach["KAV"]


def test_each_statement_is_also_a_pdf(tmp_path: Path) -> None:
    books(tmp_path)
    out = tmp_path / "st"
    assert (
        main(
            ["statements", str(tmp_path / "books.xlsx"), "--as-on", "31-10-2026", "--out", str(out)]
        )
        == 0
    )
    assert sorted(p.name for p in (out / "statements").iterdir()) == [
        "KAV.pdf",
        "KAV.xlsx",
        "SAH.pdf",
        "SAH.xlsx",
    ]
    text = subprocess.run(["pdftotext", "-layout", str(out / "statements" / "KAV.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert "Statement of account" in text and "53,100.00 Dr" in text and "TDS deducted" in text
