"""Receipts for money received from customers: number, settle, refuse cash over the limit.

    >>> outcome = issue_receipts(payments, ReceiptSetting(customers, bank="HDFC Bank Current A/c"),
    ...                          open_documents=open_of(rows, settled), cells=cells)  # doctest: +SKIP
    >>> [(r.number, [(s.document, s.amount) for s in r.settles]) for r in outcome.receipts]  # doctest: +SKIP
    [('RCT/26-27/0001', [('INV/26-27/0001', 2950000), ('INV/26-27/0002', 1180000)])]

A payment receipt has no statutory form (an advance for a supply gets a Rule 50 receipt voucher
instead); xlbo prints what an accountant expects on one: its own series (`RCT`, numbered afresh
each financial year), the payer, the amount in figures and words, the mode with the UTR or
cheque number, the invoices it settles and by how much, and the TDS the payer deducted.

Settling: the money received and the TDS deducted together settle the customer's invoices —
those named in Against Invoices, in their order, or else the oldest open first (by date, then
number; none dated after the receipt). What is left over stays on account. An invoice named that xlbo did not issue, that is
another customer's, or that nothing is left open on, is an Issue at the Against Invoices cell,
and no receipt is issued for the row.

Cash (Income-tax Act s.269ST, penalty the same sum under s.271DA): no one may receive
₹2,00,000 or more in cash from one person in a day, in respect of one transaction, or for one
event. xlbo applies the first two: the cash of a customer's rows of one day (with that day's
cash receipts issued earlier) is summed, and the cash that settles one invoice (one
transaction), across days, is summed; a row that brings either to ₹2,00,000 is refused with the
cells it was summed with. One event (a wedding, say) is not something the sheet can tell.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from xlbo.documents.rules import document_number, sequence_of, year_code
from xlbo.issues import Issue, Severity
from xlbo.master.records import Customer, ReceiptLine, ReceiptMode
from xlbo.money import format_inr, from_paise, to_paise
from xlbo.words import LARGEST_IN_WORDS, amount_in_words

SERIES = "RCT"
"""The receipts' own series: RCT/26-27/0001, afresh each financial year."""
CASH_LIMIT = 20_000_000
"""Paise: ₹2,00,000 — cash of this much or more from one person is barred (s.269ST)."""
CASH_LEDGER = "Cash in Hand"
SHEET = "Receipts"
LARGEST = to_paise(LARGEST_IN_WORDS)
"""The largest receipt xlbo issues (paise): the largest amount it writes in words."""


@dataclass(frozen=True)
class OpenDocument:
    """An issued document a customer still owes on (paise)."""

    number: str
    date: date
    customer_code: str
    open: int


@dataclass(frozen=True)
class Settled:
    """What a receipt settles of one document (paise)."""

    document: str
    date: date
    amount: int


@dataclass(frozen=True)
class Payment:
    """A payment to issue a receipt for: a Receipts row, or a matched bank credit."""

    line: ReceiptLine
    row: int
    """The Receipts sheet's row (or the row of the reconciliation's Matches sheet)."""
    source: str = ""
    """Where it came from when not the Receipts sheet: 'Matches row 14 of brs.xlsx'."""
    file: str = ""
    """The reconciliation's file name, when it came from one."""


@dataclass(frozen=True)
class Receipt:
    """A receipt ready to issue (money in paise)."""

    number: str
    date: date
    customer: Customer
    amount: int
    tds: int
    tds_section: str
    mode: ReceiptMode
    reference: str
    bank: str
    """The ledger debited: a bank account, or Cash in Hand."""
    narration: str
    settles: tuple[Settled, ...]
    row: int
    source: str = ""

    @property
    def settled(self) -> int:
        return sum(s.amount for s in self.settles)

    @property
    def on_account(self) -> int:
        """What the money and the TDS leave over after the documents they settle."""
        return self.amount + self.tds - self.settled

    @property
    def words(self) -> str:
        return amount_in_words(from_paise(self.amount))

    @property
    def key(self) -> tuple[dt.date, str, int, str, str]:
        return _key(
            self.date, self.customer.customer_code, self.amount, self.mode.value, self.reference
        )


def _key(
    day: date, code: str, amount: int, mode: str, reference: str
) -> tuple[date, str, int, str, str]:
    return (day, code.casefold(), amount, mode.casefold(), reference.casefold())


@dataclass(frozen=True)
class Earlier:
    """A receipt an earlier run issued (a row of the Receipt Register)."""

    number: str
    date: date
    customer_code: str
    amount: int
    mode: str
    reference: str
    cash_settles: tuple[tuple[str, int], ...] = ()
    """Cash only: (document, paise) it settled — the one transaction of s.269ST."""

    @property
    def key(self) -> tuple[dt.date, str, int, str, str]:
        return _key(self.date, self.customer_code, self.amount, self.mode, self.reference)


@dataclass(frozen=True)
class ReceiptSetting:
    customers: Mapping[str, Customer]
    """By Customer Code, case-folded."""
    bank: str
    """The first of the master's Bank Accounts (a row that names none is banked there)."""
    banks: frozenset[str] = frozenset()
    """Every bank ledger of the master, case-folded ('' when the master lists none)."""


@dataclass(frozen=True)
class ReceiptOutcome:
    receipts: tuple[Receipt, ...]
    already: tuple[str, ...]
    held: int
    issues: tuple[Issue, ...]


@dataclass
class _Faults:
    cell: Callable[[int, str], str]
    file: str
    payment: Payment
    found: list[Issue] = field(default_factory=list)

    def add(self, header: str, value: Any, problem: str, hint: str) -> None:
        matched = bool(self.payment.source)  # a bank credit: its Matches row (Match ID)
        self.found.append(
            Issue(
                severity=Severity.ERROR,
                sheet="Matches" if matched else SHEET,
                cell=f"A{self.payment.row}" if matched else self.cell(self.payment.row, header),
                value=value,
                problem=problem + (f" ({self.payment.source})" if matched else ""),
                hint=hint,
                file=self.payment.file if matched else self.file,
            )
        )


def open_of(
    documents: Iterable[Mapping[str, Any]], settled: Iterable[tuple[str, int]]
) -> dict[str, OpenDocument]:
    """What each issued document still has open (by number, case-folded): its total, less the
    credit notes against it and what receipts settled (`settled`: (number, paise)); a revised
    invoice sets its original's total; an invoice that adjusts an advance is open for the rest.
    Receipt and refund vouchers are advances, not dues: none is open."""
    found: dict[str, OpenDocument] = {}
    credits: list[tuple[str, int]] = []
    revisions: list[tuple[str, int]] = []
    advances: dict[str, int] = {}
    adjusting: list[tuple[str, str]] = []
    for row in documents:
        kind = str(row.get("Document Type"))
        total = to_paise(row["Total"])
        if kind == "Credit Note":
            credits.append((str(row.get("Original Invoice") or ""), total))
        elif kind == "Revised Invoice":  # the invoice is now due at its revised total
            revisions.append((str(row.get("Original Invoice") or ""), total))
        elif kind == "Receipt Voucher":
            advances[str(row["Document No"]).casefold()] = total
        elif kind in ("Tax Invoice", "Bill of Supply", "Debit Note"):
            number = str(row["Document No"])
            if kind == "Tax Invoice" and row.get("Original Invoice"):
                adjusting.append((number, str(row["Original Invoice"])))
            found[number.casefold()] = OpenDocument(
                number, row["Date"], str(row.get("Customer Code") or ""), total
            )
    for number, total in revisions:
        document = found.get(number.casefold())
        if document is not None:
            found[number.casefold()] = OpenDocument(
                document.number, document.date, document.customer_code, total
            )
    credits += [(n, advances[v.casefold()]) for n, v in adjusting if v.casefold() in advances]
    for number, paise in [*credits, *settled]:
        document = found.get(number.casefold())
        if document is not None:
            found[number.casefold()] = OpenDocument(
                document.number,
                document.date,
                document.customer_code,
                document.open - paise,
            )
    return found


def _named(text: str) -> list[str]:
    """The document numbers named, each once (a number typed twice would settle it twice)."""
    named = [n.strip() for n in text.replace(",", ";").split(";") if n.strip()]
    once: dict[str, str] = {}
    for number in named:
        once.setdefault(number.casefold(), number)
    return list(once.values())


def issue_receipts(
    payments: Sequence[Payment],
    setting: ReceiptSetting,
    *,
    open_documents: Mapping[str, OpenDocument],
    earlier: Sequence[Earlier] = (),
    cell: Callable[[int, str], str],
    file: str = "",
) -> ReceiptOutcome:
    """A receipt for each payment not receipted yet, numbered after the `earlier` ones, each
    settling `open_documents`; a payment with a problem gets none, and its Issue says why."""
    open_now = {k: v.open for k, v in open_documents.items()}
    by_key = {e.key: e for e in earlier}
    numbers = {e.number.casefold() for e in earlier}
    last: dict[str, int] = {}
    for done in earlier:
        slot = year_code(done.date)
        last[slot] = max(last.get(slot, 0), sequence_of(done.number, SERIES, done.date) or 0)
    cash_day: dict[tuple[str, date], list[str]] = {}
    cash_day_paise: dict[tuple[str, date], int] = {}
    cash_document: dict[str, int] = {}
    for done in earlier:
        if done.mode.casefold() == ReceiptMode.CASH.value.casefold():
            day = (done.customer_code.casefold(), done.date)
            cash_day_paise[day] = cash_day_paise.get(day, 0) + done.amount
            cash_day.setdefault(day, []).append(f"receipt {done.number}")
            for number, paise in done.cash_settles:
                cash_document[number.casefold()] = cash_document.get(number.casefold(), 0) + paise
    for payment in payments:  # each day's cash of a customer, this run's rows with the earlier
        line = payment.line
        if line.mode is ReceiptMode.CASH and not line.receipt_no:
            if _key(line.receipt_date, line.customer_code, to_paise(line.amount), "Cash",
                    line.reference or "") in by_key:  # fmt: skip
                continue
            day = (line.customer_code.casefold(), line.receipt_date)
            cash_day_paise[day] = cash_day_paise.get(day, 0) + to_paise(line.amount)
            cash_day.setdefault(day, []).append(cell(payment.row, "Amount"))
    receipts: list[Receipt] = []
    already: list[str] = []
    issues: list[Issue] = []
    held = 0
    # numbers run in date order (the sheet's order within a day), as the money came in
    for payment in sorted(payments, key=lambda p: p.line.receipt_date):
        line = payment.line
        faults = _Faults(cell, file, payment)
        amount = to_paise(line.amount)
        if line.receipt_no:
            if line.receipt_no.casefold() in numbers:
                already.append(line.receipt_no)
            else:
                faults.add(
                    "Receipt No",
                    line.receipt_no,
                    f"Receipt No {line.receipt_no} was not issued by xlbo (it is not in the "
                    "Receipt Register)",
                    "Leave Receipt No blank: xlbo numbers each receipt in the register.",
                )
                issues += faults.found
            continue
        reference = line.reference or ""
        earlier_one = by_key.get(
            _key(line.receipt_date, line.customer_code, amount, line.mode.value, reference)
        )
        if earlier_one is not None:
            already.append(earlier_one.number)
            continue
        customer = setting.customers.get(line.customer_code.casefold())
        if customer is None:
            faults.add(
                "Customer Code",
                line.customer_code,
                f"Customer Code {line.customer_code} is not on the Customers sheet",
                "Add the customer, or correct the code.",
            )
        if amount <= 0:
            faults.add("Amount", line.amount, "Amount is zero", "Give the money received.")
        elif amount + to_paise(line.tds) > LARGEST:
            faults.add(
                "Amount",
                format_inr(line.amount),
                f"Amount {format_inr(line.amount)} is more than xlbo writes on a receipt",
                "Check the amount (a figure typed twice, or in paise).",
            )
        if line.mode is ReceiptMode.CHEQUE and not reference and not payment.source:
            faults.add(
                "UTR/Cheque No",
                "",
                "A cheque's receipt names the cheque: its number is blank",
                "Give the cheque number (and the bank in the Narration).",
            )
        bank = line.bank_account or ""
        if line.mode is ReceiptMode.CASH:
            bank = CASH_LEDGER
        elif not bank:
            bank = setting.bank
        elif setting.banks and bank.casefold() not in setting.banks:
            faults.add(
                "Bank Account",
                bank,
                f"Bank Account {bank} is not on the Bank Accounts sheet",
                "Give the ledger name of the bank account the money came into.",
            )
        if line.mode is ReceiptMode.CASH:
            day = (line.customer_code.casefold(), line.receipt_date)
            if cash_day_paise.get(day, 0) >= CASH_LIMIT:
                others = [c for c in cash_day[day] if c != cell(payment.row, "Amount")]
                faults.add(
                    "Amount",
                    format_inr(line.amount),
                    f"Cash of {format_inr(from_paise(cash_day_paise[day]))} from "
                    f"{line.customer_code} on {line.receipt_date:%d-%m-%Y}"
                    + (f" (with {', '.join(others)})" if others else "")
                    + ": no one may receive Rs 2,00,000 or more in cash from one person in a "
                    "day (Income-tax Act s.269ST; the penalty is the same sum, s.271DA)",
                    "No receipt is issued: have it paid by cheque or bank transfer, or correct "
                    "the Mode if it was not cash.",
                )
        settles: list[Settled] = []
        if customer is not None and amount > 0:
            settles = _settle(
                payment, amount + to_paise(line.tds), open_documents, open_now, faults
            )
        if line.mode is ReceiptMode.CASH and not faults.found:
            for settled in settles:
                total = cash_document.get(settled.document.casefold(), 0) + settled.amount
                if total >= CASH_LIMIT:
                    faults.add(
                        "Amount",
                        format_inr(line.amount),
                        f"Cash against {settled.document} comes to "
                        f"{format_inr(from_paise(total))}: no one may receive Rs 2,00,000 or "
                        "more in cash in respect of one transaction (Income-tax Act s.269ST)",
                        "No receipt is issued: have the rest paid by cheque or bank transfer.",
                    )
                    break
        if faults.found or customer is None:
            issues += faults.found
            held += 1
            continue
        for settled in settles:
            open_now[settled.document.casefold()] -= settled.amount
            if line.mode is ReceiptMode.CASH:
                key = settled.document.casefold()
                cash_document[key] = cash_document.get(key, 0) + settled.amount
        slot = year_code(line.receipt_date)
        last[slot] = last.get(slot, 0) + 1
        receipts.append(
            Receipt(
                number=document_number(SERIES, line.receipt_date, last[slot]),
                date=line.receipt_date,
                customer=customer,
                amount=amount,
                tds=to_paise(line.tds),
                tds_section=line.tds_section or "",
                mode=line.mode,
                reference=reference,
                bank=bank,
                narration=line.narration or "",
                settles=tuple(settles),
                row=payment.row,
                source=payment.source,
            )
        )
    return ReceiptOutcome(tuple(receipts), tuple(already), held, tuple(issues))


def _settle(
    payment: Payment,
    paise: int,
    documents: Mapping[str, OpenDocument],
    open_now: Mapping[str, int],
    faults: _Faults,
) -> list[Settled]:
    """What `paise` settles: the documents named, in order, or the customer's oldest open."""
    line = payment.line
    code = line.customer_code.casefold()
    named = _named(line.against or "")
    candidates: list[OpenDocument] = []
    if named:
        for number in named:
            document = documents.get(number.casefold())
            if document is None:
                faults.add(
                    "Against Invoices",
                    line.against,
                    f"{number} is not a document xlbo issued (it is not in the Invoice Register)",
                    "Name invoices of the Invoice Register, separated by ;, or leave the cell "
                    "blank to settle the oldest open ones.",
                )
            elif document.customer_code.casefold() != code:
                faults.add(
                    "Against Invoices",
                    line.against,
                    f"{document.number} was issued to {document.customer_code}, not "
                    f"{line.customer_code}",
                    "A receipt settles the payer's own invoices.",
                )
            elif open_now.get(number.casefold(), 0) <= 0:
                faults.add(
                    "Against Invoices",
                    line.against,
                    f"{document.number} is settled already: nothing is open on it",
                    "Name an invoice still open, or leave the cell blank (the oldest open "
                    "first); money paid twice stays on account without naming one.",
                )
            else:
                candidates.append(document)
    else:
        candidates = sorted(
            (
                d
                for d in documents.values()
                if d.customer_code.casefold() == code
                and open_now.get(d.number.casefold(), 0) > 0
                and d.date <= line.receipt_date  # a later invoice is not settled unasked
            ),
            key=lambda d: (d.date, d.number),
        )
    settles: list[Settled] = []
    left = paise
    for document in candidates:
        if left <= 0:
            break
        part = min(left, open_now[document.number.casefold()])
        settles.append(Settled(document.number, document.date, part))
        left -= part
    return settles
