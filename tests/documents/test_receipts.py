"""Receipts from the Receipts sheet (and from a reconciliation's matched bank credits), issued
by `xlbo invoices` with the month's documents: numbers, what they settle, the journal, the
s.269ST refusal of cash, the PDF."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import soffice, write_xlsx
from tests.documents.books import COMPANY, CUSTOMERS, INVOICE_HEADERS, line
from tests.documents.test_invoices import rows_of
from xlbo.cli import main
from xlbo.jobs.receipt_sources import mode_of

RECEIPT_HEADERS = [
    "Receipt Date", "Customer Code", "Amount", "Mode", "UTR/Cheque No", "Bank Account",
    "Against Invoices", "TDS Deducted", "TDS Section", "Narration", "Receipt No",
]  # fmt: skip
INVOICES = [
    line("KAV", "01-10-2026", place="Karnataka"),  # INV/26-27/0001 29,500.00 (IGST)
    line("KAV", "02-10-2026", place="Karnataka"),  # INV/26-27/0002 29,500.00
    line("SAH", "03-10-2026"),  # INV/26-27/0003 29,500.00 (CGST + SGST)
    line("SAH", "04-10-2026", rate=100000),  # INV/26-27/0004 2,36,000.00
]


def receipt(
    customer: str, day: str, amount: Any, mode: str = "NEFT", reference: Any = None, *,
    against: Any = None, tds: Any = None, section: Any = None, number: Any = None,
) -> list[Any]:  # fmt: skip
    return [day, customer, amount, mode, reference, None, against, tds, section, None, number]


def books(folder: Path, receipts: list[list[Any]], name: str = "book.xlsx") -> Path:
    return write_xlsx(
        folder / name,
        {
            "Company": COMPANY,
            "Customers": CUSTOMERS,
            "Invoices": [INVOICE_HEADERS, *INVOICES],
            "Receipts": [RECEIPT_HEADERS, *receipts],
        },
    )


def run(folder: Path, source: Path, *more: str, pdf: bool = False) -> int:
    return main(
        ["invoices", str(source), "--out", str(folder / "out"), *more]
        + ([] if pdf else ["--no-pdf"])
    )


def sheet(folder: Path, name: str) -> list[dict[str, Any]]:
    return rows_of(folder / "out" / "invoice-register.xlsx", name)


RECEIPTS = [
    # row 2: one payment against two invoices, TDS deducted by the payer
    receipt("KAV", "10-10-2026", "56050", reference="N281026001234",
            against="INV/26-27/0001; INV/26-27/0002", tds=2950, section="194Q"),
    # rows 3-4: cash of 1,50,000 and 1,00,000 from SAH on one day: 2,50,000, refused
    receipt("SAH", "12-10-2026", 150000, "Cash"),
    receipt("SAH", "12-10-2026", 100000, "Cash"),
    # row 5: blank Against Invoices: SAH's oldest open invoice first, the rest on it next
    receipt("SAH", "13-10-2026", 40000, "Cheque", "004512"),
    # row 6: an invoice not issued; row 7: one settled already (by row 2)
    receipt("SAH", "14-10-2026", 1000, "UPI", "UPI-629314455123", against="INV/26-27/0099"),
    receipt("KAV", "14-10-2026", 1000, "IMPS", "629314455124", against="INV/26-27/0001"),
]  # fmt: skip


def test_receipts_settle_invoices_post_the_journal_and_refuse_cash_of_two_lakh(
    tmp_path: Path,
) -> None:
    assert run(tmp_path, books(tmp_path, RECEIPTS)) == 1
    register = {r["Receipt No"]: r for r in sheet(tmp_path, "Receipt Register")}
    assert sorted(register) == ["RCT/26-27/0001", "RCT/26-27/0002"]
    first, second = register["RCT/26-27/0001"], register["RCT/26-27/0002"]
    assert (first["Customer Code"], first["Amount"], first["TDS Deducted"]) == (
        "KAV", Decimal("56050.00"), Decimal("2950.00"),
    )  # fmt: skip
    assert first["Settles"] == "INV/26-27/0001 29,500.00; INV/26-27/0002 29,500.00"
    assert (first["Mode"], first["UTR/Cheque No"]) == ("NEFT", "N281026001234")
    # 40,000 by cheque: the oldest open invoice (29,500), then 10,500 of the next
    assert second["Settles"] == "INV/26-27/0003 29,500.00; INV/26-27/0004 10,500.00"
    assert second["On Account"] == Decimal("0.00")
    journal = [r for r in sheet(tmp_path, "Journal") if r["Voucher No"] == "RCT/26-27/0001"]

    def money(value: Any) -> Decimal | None:
        return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))

    assert [
        (r["Account"], money(r["Debit"]), money(r["Credit"]), r["Party"] or None) for r in journal
    ] == [
        ("Bank", Decimal("56050.00"), None, None),
        ("TDS Receivable", Decimal("2950.00"), None, None),
        ("Trade Receivables", None, Decimal("59000.00"), "Kaveri Foods Pvt Ltd"),
    ]
    problems = {
        r["Cell"]: r["Problem"] for r in sheet(tmp_path, "Issues") if r["Sheet"] == "Receipts"
    }
    assert "s.269ST" in problems["C3"] and "(with C4)" in problems["C3"]
    assert "Cash of 2,50,000.00 from SAH on 12-10-2026" in problems["C3"]
    assert "s.269ST" in problems["C4"]
    assert "INV/26-27/0099 is not a document xlbo issued" in problems["G6"]
    assert "INV/26-27/0001 is settled already" in problems["G7"]
    files = sorted(p.name for p in (tmp_path / "out" / "documents").iterdir())
    assert "RCT-26-27-0001.xlsx" in files and "RCT-26-27-0002.xlsx" in files
    # a second run issues no receipt twice, and numbers after the register
    more = [*RECEIPTS, receipt("KAV", "20-10-2026", 500, "UPI", "629314455999")]
    assert run(tmp_path, books(tmp_path, more, "again.xlsx")) == 1
    register = {r["Receipt No"]: r for r in sheet(tmp_path, "Receipt Register")}
    assert sorted(register) == ["RCT/26-27/0001", "RCT/26-27/0002", "RCT/26-27/0003"]
    assert register["RCT/26-27/0003"]["On Account"] == Decimal("500.00")  # nothing open


def test_cash_against_one_invoice_over_days_is_one_transaction(tmp_path: Path) -> None:
    rows = [
        receipt("SAH", "05-10-2026", 150000, "Cash", against="INV/26-27/0004"),
        receipt("SAH", "06-10-2026", 60000, "Cash", against="INV/26-27/0004"),
        receipt("SAH", "06-10-2026", 26000, "RTGS", "HDFCR52026100600012", against="INV/26-27/0004"),
    ]  # fmt: skip
    assert run(tmp_path, books(tmp_path, rows)) == 1
    register = [r["Settles"] for r in sheet(tmp_path, "Receipt Register")]
    assert register == ["INV/26-27/0004 1,50,000.00", "INV/26-27/0004 26,000.00"]
    problems = {
        r["Cell"]: r["Problem"] for r in sheet(tmp_path, "Issues") if r["Sheet"] == "Receipts"
    }
    assert "Cash against INV/26-27/0004 comes to 2,10,000.00" in problems["C3"]
    assert "one transaction" in problems["C3"]


def test_matched_bank_credits_from_customers_become_receipts(tmp_path: Path) -> None:
    """The Matches sheet as `xlbo reconcile` writes it: a customer's credit, a credit whose
    ledger side is no customer, a rejected match and a debit."""
    matches = write_xlsx(
        tmp_path / "brs.xlsx",
        {
            "Matches": [
                ["Match ID", "Bank Row", "Ledger Row", "Rule", "Score", "Why", "Bank Date",
                 "Narration", "Bank Amount", "Ledger Date", "Particulars", "Ledger Amount",
                 "Reject"],
                [1, 5, 9, "exact", 100, "same amount", "11-10-2026",
                 "NEFT/N284260012345/KAVERI FOODS PVT", 29500, "11-10-2026",
                 "Kaveri Foods Pvt Ltd", 29500, None],
                [2, 6, 10, "exact", 100, "same amount", "11-10-2026", "INT.PD:31-09-2026",
                 1200, "11-10-2026", "Interest Income", 1200, None],
                [3, 7, 11, "exact", 90, "same amount", "12-10-2026",
                 "UPI/629314455124/SHIVNERI", 1000, "12-10-2026", "Shivneri Agencies Pvt Ltd",
                 1000, "Reject"],
                [4, 8, 12, "exact", 100, "same amount", "12-10-2026", "NEFT/N28426/RENT",
                 -50000, "12-10-2026", "Shivneri Agencies Pvt Ltd", -50000, None],
                [5, 9, 13, "exact", 100, "same amount", "13-10-2026",
                 "CASH DEPOSIT BY SHIVNERI AGENCIES", 250000, "13-10-2026",
                 "Shivneri Agencies Pvt Ltd", 250000, None],
            ]
        },
    )  # fmt: skip
    assert run(tmp_path, books(tmp_path, []), "--from-reconciliation", str(matches)) == 1
    register = sheet(tmp_path, "Receipt Register")
    assert [(r["Customer Code"], r["Amount"], r["Mode"], r["UTR/Cheque No"]) for r in register] == [
        ("KAV", Decimal("29500.00"), "NEFT", "N284260012345")
    ]
    assert register[0]["Settles"] == "INV/26-27/0001 29,500.00"
    assert register[0]["From"] == "Matches row 2 of brs.xlsx"
    # cash of 2,50,000 paid into the bank by a customer is refused at its Matches row
    refused = [r for r in sheet(tmp_path, "Issues") if r["Sheet"] == "Matches"]
    assert [(r["Cell"], r["Value"]) for r in refused] == [("A6", "2,50,000.00")]
    assert "s.269ST" in refused[0]["Problem"] and "Matches row 6" in refused[0]["Problem"]


@pytest.mark.parametrize(
    ("narration", "mode", "reference"),
    [
        ("NEFT/N284260012345/KAVERI FOODS", "NEFT", "N284260012345"),
        ("RTGS-HDFCR52026100600012-SHIVNERI", "RTGS", "HDFCR52026100600012"),
        ("UPI/629314455124/PAYMENT FROM", "UPI", "629314455124"),
        ("CLG CHQ 004512 ICICI BANK", "Cheque", "004512"),
        ("BY TRANSFER FROM KAVERI", "NEFT", ""),
        # as HDFC writes them: the branch's IFSC is no reference
        ("NEFT CR-SBIN0004567-CHOLA AGENCIES-SAHYADRI TRADELINKS PRIV-SBINN26100394787973",
         "NEFT", "SBINN26100394787973"),
        ("UPI-SURYA TRADING CO-surya@okhdfcbank-HDFC0000240-657380635707-INVOICE PAYMENT",
         "UPI", "657380635707"),
    ],
)  # fmt: skip
def test_a_bank_narration_gives_the_mode_and_reference(
    narration: str, mode: str, reference: str
) -> None:
    found_mode, found_reference = mode_of(narration)
    assert (found_mode.value, found_reference) == (mode, reference)


def test_the_reference_a_match_was_made_on_is_the_receipts() -> None:
    """A cheque deposit's narration names no cheque; the match's Why names the one both sides
    carry."""
    found_mode, found_reference = mode_of(
        "CHQ DEP-MICR CLG-PUNE-BENGAL TRADERS SYNDICATE",
        "reference 445356 on both sides; same amount; +0 days",
    )
    assert (found_mode.value, found_reference) == ("Cheque", "445356")


def test_the_receipts_pdf_says_what_was_received_and_what_it_settles(tmp_path: Path) -> None:
    if soffice() is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is not installed; .ci/run should install it")
        pytest.skip("LibreOffice is not installed")
    from pypdf import PdfReader

    assert run(tmp_path, books(tmp_path, RECEIPTS[:1]), pdf=True) == 0
    pdf = PdfReader(tmp_path / "out" / "documents" / "RCT-26-27-0001.pdf")
    assert len(pdf.pages) == 1
    text = " ".join((pdf.pages[0].extract_text() or "").split())
    for field in (
        "RECEIPT",
        "Sahyadri Tradelinks Private Limited",
        "RCT/26-27/0001",
        "10-10-2026",
        "Received from: Kaveri Foods Pvt Ltd",
        "56,050.00",
        "Rupees Fifty-Six Thousand Fifty Only",
        "NEFT",
        "N281026001234",
        "TDS deducted by the payer: 2,950.00 under section 194Q",
        "INV/26-27/0001 01-10-2026 29,500.00",
        "INV/26-27/0002 02-10-2026 29,500.00",
        "59,000.00",
        "Authorised Signatory",
    ):
        assert field in text, field


def test_money_received_before_an_invoice_stays_on_account(tmp_path: Path) -> None:
    rows = [receipt("KAV", "30-09-2026", 1000, "UPI", "629314455125")]
    assert run(tmp_path, books(tmp_path, rows)) == 0
    register = sheet(tmp_path, "Receipt Register")
    assert [(r["Settles"] or "", Decimal(r["On Account"])) for r in register] == [("", 1000)]


def test_the_trial_balance_after_the_run_holds_the_receipts(tmp_path: Path) -> None:
    from tests.documents.test_invoices import trial_balance_rows
    from xlbo.master.template import write_master

    paid = receipt(
        "KAV",
        "10-10-2026",
        "56050",
        reference="N281026001234",
        against="INV/26-27/0001; INV/26-27/0002",
        tds=2950,
        section="194Q",
    )
    paid[5] = "HDFC Bank Current A/c"  # Bank Account
    assert run(tmp_path, books(tmp_path, [paid])) == 0
    chart = write_master(tmp_path / "master.xlsx")  # the shipped chart of accounts
    report = tmp_path / "tb.xlsx"
    code = main(
        [
            "report",
            "trial-balance",
            str(tmp_path / "out" / "invoice-register.xlsx"),
            "--master",
            str(chart),
            "--period",
            "2026-10",
            "--out",
            str(report),
        ]
    )
    assert code == 0
    closing = {
        r["Account"]: (r["Closing Debit"], r["Closing Credit"]) for r in trial_balance_rows(report)
    }
    invoiced = 29500 * 2 + 29500 + 236000
    assert closing["Trade Receivables"] == (invoiced - 59000, 0)
    assert closing["HDFC Bank Current A/c"] == (Decimal("56050.00"), 0)
    assert closing["TDS Receivable"] == (Decimal("2950.00"), 0)
