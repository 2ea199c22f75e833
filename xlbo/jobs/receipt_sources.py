"""Where receipts come from: the Receipts sheet, or the matched bank credits of a reconciliation.

`--from-reconciliation RESULT.xlsx` reads the Matches sheet `xlbo reconcile` wrote: each bank
credit (a positive Bank Amount) not marked Reject whose ledger side (Particulars) names a
customer — by name or code, as on the Customers sheet — becomes a payment of that customer, on
the bank's date. The mode and the UTR or cheque number are read from the bank's narration
(`NEFT/N123456789012/KAVERI FOODS` → NEFT, N123456789012; the reference the match was made on,
when its Why names one); a credit whose narration names no mode is taken as NEFT. A cheque
credit whose number neither names is receipted all the same (the bank's credit shows it was
paid). Matches whose ledger side names no customer (interest, a loan) are left out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

from xlbo.book import FileBook, Reader
from xlbo.dates import parse_date
from xlbo.documents.receipts import Payment
from xlbo.errors import FileProblem
from xlbo.issues import Issue
from xlbo.master.load import load_sheet
from xlbo.master.records import Customer, ReceiptLine, ReceiptMode
from xlbo.master.schema import RECEIPTS
from xlbo.money import parse_money

MATCHES = "Matches"
MATCH_HEADERS = (
    "Bank Row", "Bank Date", "Narration", "Bank Amount", "Particulars", "Why", "Reject",
)  # fmt: skip
_MODES = (
    (ReceiptMode.RTGS, ("RTGS",)),
    (ReceiptMode.IMPS, ("IMPS", "MMT")),
    (ReceiptMode.UPI, ("UPI",)),
    (ReceiptMode.NEFT, ("NEFT",)),
    (ReceiptMode.CHEQUE, ("CHQ", "CHEQUE", "CLG", "CLEARING")),
    (ReceiptMode.CASH, ("CASH",)),
)
_TOKEN = re.compile(r"[A-Z0-9]{6,22}")
_IFSC = re.compile(r"[A-Z]{4}0[A-Z0-9]{6}")
"""A branch's IFSC, which narrations carry beside the UTR (`NEFT CR-SBIN0004567-…`)."""
_MATCHED = re.compile(r"reference (\S+) on both sides")
"""How the Matches sheet's Why names the reference both sides carry."""


def payments_from_sheet(
    reader: Reader,
) -> tuple[list[Payment], dict[str, str], list[Issue]]:
    """The Receipts sheet's rows (none when the workbook has no such sheet), its header letters
    and the issues of its cells."""
    if not reader.has(RECEIPTS.sheet):
        return [], {}, []
    records, rows, letters, issues = load_sheet(reader, RECEIPTS)
    payments = [
        Payment(r, row) for r, row in zip(records, rows, strict=True) if isinstance(r, ReceiptLine)
    ]
    return payments, letters, issues


def mode_of(narration: str, why: str = "") -> tuple[ReceiptMode, str]:
    """The mode and the UTR or cheque number a bank narration names: the reference the match
    was made on (its Why), else the first long token with six digits that is not an IFSC."""
    text = narration.upper()
    words = re.split(r"[^A-Z0-9]+", text)
    mode = next(
        (m for m, keys in _MODES if any(k in words or text.startswith(k) for k in keys)),
        ReceiptMode.NEFT,
    )
    matched = _MATCHED.search(why)
    if matched:
        return mode, matched.group(1)
    wanted = 6 if mode is ReceiptMode.CHEQUE else 10
    reference = next(
        (
            t
            for t in _TOKEN.findall(text)
            if len(t) >= wanted and sum(c.isdigit() for c in t) >= 6 and not _IFSC.fullmatch(t)
        ),
        "",
    )
    return mode, reference


def payments_from_reconciliation(path: Path, customers: Mapping[str, Customer]) -> list[Payment]:
    """The customers' bank credits a reconciliation matched (see the module's docstring)."""
    if not path.exists():
        raise FileProblem(f"{path} does not exist; give the result workbook xlbo reconcile wrote.")
    book = FileBook(path)
    if not book.has(MATCHES):
        raise FileProblem(
            f"{path} has no Matches sheet; give the result workbook xlbo reconcile wrote "
            "(its Matches sheet lists the bank lines matched to the books)."
        )
    frame = book.read_table(MATCHES, MATCH_HEADERS).frame
    missing = [h for h in MATCH_HEADERS[:5] if h not in frame.columns]
    if missing:
        raise FileProblem(
            f"{path}: the Matches sheet has no {', '.join(missing)} column; it is not as xlbo "
            "reconcile wrote it."
        )
    by_name = {c.name.casefold().strip(): c for c in customers.values()}
    by_name |= {c.customer_code.casefold(): c for c in customers.values()}
    payments: list[Payment] = []
    seen: set[object] = set()
    for excel_row, values in zip(frame.index, frame.to_dict("records"), strict=True):
        if values.get("Reject") not in (None, ""):
            continue
        try:
            amount = parse_money(values.get("Bank Amount"))
            day = parse_date(values.get("Bank Date"))
        except ValueError:
            continue
        particulars = str(values.get("Particulars") or "").casefold().strip()
        customer = by_name.get(particulars)
        bank_row = values.get("Bank Row")
        if customer is None or amount is None or amount <= Decimal(0) or day is None:
            continue
        if bank_row in seen:  # one bank credit matched to several ledger lines: one receipt
            continue
        seen.add(bank_row)
        narration = str(values.get("Narration") or "")
        mode, reference = mode_of(narration, str(values.get("Why") or ""))
        payments.append(
            Payment(
                ReceiptLine.model_validate(
                    {
                        "Receipt Date": day,
                        "Customer Code": customer.customer_code,
                        "Amount": amount,
                        "Mode": mode.value,
                        "UTR/Cheque No": reference or None,
                        "Narration": narration[:120] or None,
                    }
                ),
                int(excel_row),
                source=f"{MATCHES} row {excel_row} of {path.name}",
                file=path.name,
            )
        )
    return payments
