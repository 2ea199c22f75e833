"""A month of the demo company's books: the journal, and the HDFC bank account seen from both
sides — the statement as HDFC's net banking exports it, and the bank ledger as Tally exports it.

Every bank transaction is made once and then written to each side the way that side shows it, so
the two reconcile to the rupee except for the differences a real month has: cheques issued but not
yet presented, a cheque deposited but not yet credited, bank charges not yet booked, dates a day
or three apart, and one customer paying two invoices in one transfer.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from xlbo.book.display import Column, Kind, ResultSheet
from xlbo.demo.parties import COMPANY_NAME, OPENING
from xlbo.master.records import Customer, Vendor
from xlbo.periods import financial_year
from xlbo.readers.opening_bills import OPENING_BILLS, OPENING_HEADERS

BANK_LEDGER = "HDFC Bank Current A/c"
MONTH_START = date(2026, 10, 1)
MONTH_END = date(2026, 10, 31)
BRANCHES = ("Pune", "Bengaluru", "Kolkata", "Chennai", "Ahmedabad", "New Delhi")


@dataclass
class JournalLine:
    day: date
    voucher: str
    kind: str
    account: str
    debit: Decimal = Decimal(0)
    credit: Decimal = Decimal(0)
    party: str = ""
    cost_centre: str = ""
    narration: str = ""

    def cells(self) -> list[object]:
        return [
            self.day,
            self.voucher,
            self.kind,
            self.account,
            self.debit or None,
            self.credit or None,
            self.party or None,
            self.cost_centre or None,
            self.narration,
        ]


@dataclass
class BankTxn:
    """One movement of money through the HDFC account."""

    amount: Decimal
    receipt: bool
    narration: str
    reference: str = ""
    bank_day: date | None = None
    """When the bank shows it; None if it has not reached the bank by month end."""
    voucher: str = ""
    """Books voucher number; empty if not yet in the books."""
    book_day: date | None = None
    kind: str = ""
    particulars: str = ""


@dataclass
class Books:
    journal: list[JournalLine] = field(default_factory=list)
    bank: list[BankTxn] = field(default_factory=list)
    opening_balance: Decimal = Decimal("4845230.50")
    counters: dict[str, int] = field(default_factory=dict)
    opening_bills: list[list[object]] = field(default_factory=list)
    """The parties' unpaid bills on the day the books begin (Account, Party, Bill No, Bill
    Date, Amount): their totals are the control accounts' opening balances."""

    def number(self, prefix: str) -> str:
        self.counters[prefix] = self.counters.get(prefix, 0) + 1
        start = {"SAL": 212, "PUR": 168, "RCT": 131, "PMT": 119, "JV": 41, "CTR": 9}[prefix]
        return f"{prefix}/26-27/{start + self.counters[prefix]:04d}"

    def voucher(
        self,
        day: date,
        prefix: str,
        kind: str,
        lines: list[tuple[str, Decimal, Decimal, str]],
        narration: str,
        cost_centre: str = "",
    ) -> str:
        number = self.number(prefix)
        debit = sum((d for _, d, _, _ in lines), Decimal(0))
        credit = sum((c for _, _, c, _ in lines), Decimal(0))
        if debit != credit:
            raise ValueError(f"demo voucher {number} does not balance: {debit} vs {credit}")
        for account, dr, cr, party in lines:
            self.journal.append(
                JournalLine(day, number, kind, account, dr, cr, party, cost_centre, narration)
            )
        return number


def _whole_amount(value: float) -> Decimal:
    """A drawn figure (a float from the random generator) as an amount in whole rupees."""
    return Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP)


def _pct(amount: Decimal, rate: str) -> Decimal:
    return (amount * Decimal(rate)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _utr(rng: random.Random, bank: str, rail: str, day: date) -> str:
    return f"{bank}{rail}{day:%y%m%d}{rng.randint(10**7, 10**8 - 1)}"


def _short(name: str, width: int = 24) -> str:
    return name.upper().replace(",", "")[:width]


def _weekday(day: date) -> date:
    while day.weekday() == 6:
        day += timedelta(days=1)
    return day


def make_books(
    rng: random.Random,
    customers: list[Customer],
    vendors: list[Vendor],
    company_state: str = "Maharashtra",
) -> Books:
    books = Books()
    days = [MONTH_START + timedelta(days=n) for n in range(31)]
    workdays = [d for d in days if d.weekday() != 6]

    # Sales invoices
    for _ in range(32):
        customer = rng.choice(customers)
        day = rng.choice(workdays)
        taxable = _whole_amount(rng.uniform(20000, 600000))
        rate = rng.choice(("0.18", "0.18", "0.18", "0.05"))
        tax = _pct(taxable, rate)
        intra = customer.state == company_state
        lines = [
            ("Trade Receivables", taxable + tax, Decimal(0), customer.name),
            ("Sales - Goods", Decimal(0), taxable, ""),
        ]
        if intra:
            half = (tax / 2).quantize(Decimal("0.01"))
            lines += [
                ("Output CGST", Decimal(0), half, ""),
                ("Output SGST", Decimal(0), tax - half, ""),
            ]
        else:
            lines += [("Output IGST", Decimal(0), tax, "")]
        books.voucher(
            day,
            "SAL",
            "Sales",
            lines,
            f"Tax invoice to {customer.name}, GST {Decimal(rate) * 100:.0f}%",
            cost_centre=rng.choice(BRANCHES),
        )

    # Purchases of goods and services
    goods_vendors = [v for v in vendors if v.tds_section in (None, "194Q")]
    service_vendors = [v for v in vendors if v.tds_section in ("194C", "194J", "194I", "194H")]
    expense_of = {
        "194C": "Freight Outward",
        "194J": "Professional Fees",
        "194I": "Rent",
        "194H": "Insurance",
    }
    tds_ledger = {
        "194C": "TDS Payable - Contractors (194C)",
        "194J": "TDS Payable - Professional Fees (194J)",
        "194I": "TDS Payable - Rent (194I)",
        "194H": "TDS Payable - Contractors (194C)",
    }
    tds_rate = {"194C": "0.02", "194J": "0.10", "194I": "0.10", "194H": "0.02"}
    for index in range(26):
        services = index % 3 == 0
        vendor = rng.choice(service_vendors if services else goods_vendors)
        day = rng.choice(workdays)
        taxable = _whole_amount(rng.uniform(15000, 250000 if services else 450000))
        tax = _pct(taxable, "0.18") if vendor.gstin else Decimal(0)
        account = expense_of[vendor.tds_section or "194C"] if services else "Purchases - Goods"
        lines = [(account, taxable, Decimal(0), "")]
        if tax and vendor.state == company_state:
            half = (tax / 2).quantize(Decimal("0.01"))
            lines += [
                ("Input CGST", half, Decimal(0), ""),
                ("Input SGST", tax - half, Decimal(0), ""),
            ]
        elif tax:
            lines += [("Input IGST", tax, Decimal(0), "")]
        tds = Decimal(0)
        if services and vendor.tds_section:
            tds = _pct(taxable, tds_rate[vendor.tds_section]).quantize(
                Decimal(1), rounding=ROUND_HALF_UP
            )
            lines += [(tds_ledger[vendor.tds_section], Decimal(0), tds, "")]
        lines += [("Trade Payables", Decimal(0), taxable + tax - tds, vendor.name)]
        books.voucher(
            day,
            "PUR",
            "Purchase",
            lines,
            f"Bill {rng.randint(100, 9999)} of {vendor.name}"
            + (f", TDS u/s {vendor.tds_section}" if tds else ""),
            cost_centre=rng.choice(BRANCHES),
        )

    _bank_movements(rng, books, customers, vendors, workdays)
    opening = random.Random(rng.random())  # its own stream: the month stays as it was
    for account, names, prefix in (
        ("Trade Receivables", [c.name for c in customers], "SAL"),
        ("Trade Payables", [v.name for v in vendors], "PUR"),
    ):
        debit, credit = OPENING[account]
        total = Decimal(debit) - Decimal(credit)
        books.opening_bills += _opening_bills(opening, books, account, names, abs(total), prefix)
    return books


def _opening_bills(
    rng: random.Random,
    books: Books,
    account: str,
    names: list[str],
    total: Decimal,
    prefix: str,
) -> list[list[object]]:
    """Bills by party that add up to `total`, the control account's opening balance: each
    party that pays more in the month than it is billed gets at least the difference (so no
    balance turns the wrong way unexplained), the rest spread over others; one party with
    nothing in the month has paid in advance."""
    receivable = account == "Trade Receivables"
    billed: dict[str, Decimal] = dict.fromkeys(names, Decimal(0))
    paid: dict[str, Decimal] = dict.fromkeys(names, Decimal(0))
    for line in books.journal:
        if line.account == account and line.party in billed:
            billed[line.party] += line.debit if receivable else line.credit
            paid[line.party] += line.credit if receivable else line.debit
    need = {name: max(Decimal(0), paid[name] - billed[name]) for name in names}
    quiet = [name for name in names if not billed[name] and not paid[name]]
    advance = {rng.choice(quiet): -_whole_amount(rng.uniform(15000, 60000))} if quiet else {}
    room = total - sum(advance.values(), Decimal(0))
    wanted = sum(need.values(), Decimal(0))
    if wanted > room:  # cover the smallest needs whole: the few left short show as advances
        amounts = dict.fromkeys(names, Decimal(0))
        left = room
        for name in sorted(names, key=lambda n: need[n]):
            amounts[name] = min(need[name], left)
            left -= amounts[name]
    else:
        amounts = dict(need)
        others = rng.sample([n for n in names if n not in advance], k=len(names) // 2)
        weights = [rng.uniform(1, 5) for _ in others]
        spare = room - wanted
        for name, weight in zip(others, weights, strict=True):
            amounts[name] += (spare * Decimal(weight) / Decimal(sum(weights))).quantize(
                Decimal(1), "ROUND_DOWN"
            )
    amounts.update(advance)
    largest = max(names, key=lambda n: amounts[n])
    amounts[largest] += total - sum(amounts.values(), Decimal(0))
    bills: list[tuple[date, str, Decimal]] = []
    for name in names:
        amount = amounts[name]
        if amount <= 0:
            if amount:
                bills.append((MONTH_START - timedelta(days=rng.randint(3, 20)), name, amount))
            continue
        parts = 1 if amount < 50000 else rng.choice((1, 2, 2, 3))
        cuts = sorted(
            _whole_amount(float(amount) * rng.uniform(0.2, 0.8)) for _ in range(parts - 1)
        )
        pieces = [b - a for a, b in zip([Decimal(0), *cuts], [*cuts, amount], strict=True)]
        for piece in pieces:
            age = rng.choice((rng.randint(1, 60), rng.randint(1, 60), rng.randint(61, 200)))
            bills.append((MONTH_START - timedelta(days=age), name, piece))
    bills.sort()
    rows: list[list[object]] = []
    for number, (day, name, amount) in enumerate(bills, start=1):
        label = f"{prefix}/{financial_year(day).code[2:]}/{number:04d}"
        rows.append([account, name, "Advance" if amount < 0 else label, day, amount])
    return rows


def opening_bills_sheet(books: Books) -> ResultSheet:
    """The Opening Bills sheet of the books workbook: what each party owed on the day the books
    begin, bill by bill (the ageing starts from it)."""
    frame = pd.DataFrame(books.opening_bills, columns=list(OPENING_HEADERS), dtype=object)
    return ResultSheet(
        OPENING_BILLS,
        frame,
        columns={
            "Party": Column(width=34),
            "Bill No": Column(kind=Kind.ID, width=16),
            "Bill Date": Column(kind=Kind.DATE),
            "Amount": Column(kind=Kind.MONEY),
        },
        excel_table="OpeningBills",
        spare_rows=20,
    )


def _receipt(
    books: Books,
    day: date,
    bank_day: date | None,
    party: str,
    amount: Decimal,
    narration: str,
    reference: str,
    note: str,
) -> None:
    number = books.voucher(
        day,
        "RCT",
        "Receipt",
        [(BANK_LEDGER, amount, Decimal(0), ""), ("Trade Receivables", Decimal(0), amount, party)],
        note,
    )
    books.bank.append(
        BankTxn(amount, True, narration, reference, bank_day, number, day, "Receipt", party)
    )


def _payment(
    books: Books,
    day: date,
    bank_day: date | None,
    lines: list[tuple[str, Decimal, Decimal, str]],
    particulars: str,
    narration: str,
    reference: str,
    note: str,
    kind: str = "Payment",
    prefix: str = "PMT",
) -> None:
    amount = sum((d - c for _, d, c, _ in lines), Decimal(0))
    number = books.voucher(day, prefix, kind, [*lines, (BANK_LEDGER, Decimal(0), amount, "")], note)
    books.bank.append(
        BankTxn(amount, False, narration, reference, bank_day, number, day, kind, particulars)
    )


def _bank_movements(
    rng: random.Random,
    books: Books,
    customers: list[Customer],
    vendors: list[Vendor],
    workdays: list[date],
) -> None:
    zero = Decimal(0)
    # Salary for September, paid on the first
    _payment(
        books,
        date(2026, 10, 1),
        date(2026, 10, 1),
        [("Salaries Payable", Decimal(2395860), zero, "")],
        "Salaries Payable",
        "BULK SALARY UPLOAD-SEP 2026-BATCH 1001",
        "000000000001001",
        "Salaries for September 2026 paid through HDFC bulk upload",
    )

    # Customer receipts by NEFT, RTGS, IMPS, UPI and cheque
    for index in range(24):
        customer = rng.choice(customers)
        amount = _whole_amount(rng.uniform(25000, 1200000))
        bank_day = rng.choice(workdays[1:-2])
        book_day = max(bank_day - timedelta(days=rng.choice((0, 0, 0, 1, 2))), MONTH_START)
        name = _short(customer.name)
        channel = ("NEFT", "NEFT", "RTGS", "IMPS", "UPI", "CHQ")[index % 6]
        if channel == "RTGS" and amount < 200000:
            channel = "NEFT"
        if channel == "NEFT":
            utr = _utr(rng, "SBIN", "N", bank_day)
            narration = f"NEFT CR-SBIN0004567-{name}-{COMPANY_NAME.upper()[:24]}-{utr}"
        elif channel == "RTGS":
            utr = _utr(rng, "UTIB", "R", bank_day)
            narration = f"RTGS CR-UTIB0000123-{name}-{COMPANY_NAME.upper()[:24]}-{utr}"
        elif channel == "IMPS":
            utr = f"{rng.randint(6 * 10**11, 7 * 10**11 - 1)}"
            narration = f"IMPS-{utr}-{name[:18]}-ICIC-XXXXXXXX{rng.randint(1000, 9999)}-PAYMENT"
        elif channel == "UPI":
            amount = _whole_amount(rng.uniform(5000, 95000))
            utr = f"{rng.randint(6 * 10**11, 7 * 10**11 - 1)}"
            handle = "".join(c for c in customer.name.lower() if c.isalpha())[:12]
            narration = f"UPI-{name[:16]}-{handle}@okhdfcbank-HDFC0000240-{utr}-INVOICE PAYMENT"
        else:
            utr = f"{rng.randint(100000, 999999)}"
            narration = f"CHQ DEP-MICR CLG-PUNE-{name}"
        if index == 5:  # one transfer settles two invoices: two receipts in the books
            first = _whole_amount(float(amount) * 0.45)
            for part in (first, amount - first):
                number = books.voucher(
                    book_day,
                    "RCT",
                    "Receipt",
                    [
                        (BANK_LEDGER, part, zero, ""),
                        ("Trade Receivables", zero, part, customer.name),
                    ],
                    f"Received from {customer.name} by {channel}, UTR {utr}",
                )
                books.bank.append(
                    BankTxn(part, True, "", "", None, number, book_day, "Receipt", customer.name)
                )
            books.bank.append(BankTxn(amount, True, narration, utr, bank_day))
            continue
        _receipt(
            books,
            book_day,
            bank_day,
            customer.name,
            amount,
            narration,
            utr,
            f"Received from {customer.name} by {channel}"
            + (f", cheque {utr}" if channel == "CHQ" else f", ref {utr}"),
        )

    # A cheque deposited on the last day, credited only in November
    late = rng.choice(customers)
    _receipt(
        books,
        MONTH_END,
        None,
        late.name,
        Decimal("186450.00"),
        "",
        "458120",
        f"Cheque 458120 from {late.name} deposited",
    )

    # Vendor payments
    cheque = 452
    for index in range(22):
        vendor = rng.choice(vendors)
        amount = _whole_amount(rng.uniform(10000, 800000))
        book_day = rng.choice(workdays[:-1])
        name = _short(vendor.name)
        if index in (4, 11, 19):
            cheque += 1
            presented = None if index == 19 else book_day + timedelta(days=rng.choice((2, 3, 4)))
            _payment(
                books,
                book_day,
                presented,
                [("Trade Payables", amount, zero, vendor.name)],
                vendor.name,
                f"CHQ PAID-MICR CTS-PUNE-{name}",
                f"{cheque:06d}",
                f"Paid {vendor.name} by cheque {cheque:06d}",
            )
            continue
        rail = "R" if amount >= 200000 else "N"
        utr = _utr(rng, "HDFC", rail, book_day)
        kind = "RTGS" if rail == "R" else "NEFT"
        _payment(
            books,
            book_day,
            book_day,
            [("Trade Payables", amount, zero, vendor.name)],
            vendor.name,
            f"{kind} DR-{vendor.ifsc}-{name}-NETBANK, MUM-{utr}-VENDOR PAYMENT",
            utr,
            f"Paid {vendor.name} by {kind}, UTR {utr}",
        )

    # Statutory dues of September, and the loan instalment
    _payment(
        books,
        date(2026, 10, 7),
        date(2026, 10, 7),
        [
            ("TDS Payable - Salary (192)", Decimal(412300), zero, ""),
            ("TDS Payable - Contractors (194C)", Decimal(18450), zero, ""),
            ("TDS Payable - Professional Fees (194J)", Decimal(22000), zero, ""),
        ],
        "TDS Payable",
        "CBDT TAX PAYMENT-ITNS 281-CIN 0510308071026",
        "0510308071026",
        "TDS of September 2026 deposited, challan ITNS 281",
    )
    _payment(
        books,
        date(2026, 10, 14),
        date(2026, 10, 15),
        [("PF Payable", Decimal(281340), zero, "")],
        "PF Payable",
        "EPFO ECR PAYMENT-TRRN 3012610014587",
        "3012610014587",
        "PF for September 2026, ECR TRRN 3012610014587",
    )
    _payment(
        books,
        date(2026, 10, 14),
        date(2026, 10, 15),
        [("ESI Payable", Decimal(9870), zero, "")],
        "ESI Payable",
        "ESIC CHALLAN PAYMENT-SEP 2026",
        "",
        "ESI contribution for September 2026",
    )
    _payment(
        books,
        date(2026, 10, 20),
        date(2026, 10, 20),
        [
            ("Output CGST", Decimal(312400), zero, ""),
            ("Output SGST", Decimal(312400), zero, ""),
            ("Output IGST", Decimal(298750), zero, ""),
            ("Input CGST", zero, Decimal(186300), ""),
            ("Input SGST", zero, Decimal(186300), ""),
            ("Input IGST", zero, Decimal(224650), ""),
        ],
        "GST Payable",
        "GST PAYMENT-CPIN 26102700123456",
        "26102700123456",
        "GSTR-3B September 2026: output tax less input credit paid in cash",
    )
    _payment(
        books,
        date(2026, 10, 5),
        date(2026, 10, 5),
        [
            ("Term Loan - HDFC Bank", Decimal(61250), zero, ""),
            ("Interest on Term Loan", Decimal(23750), zero, ""),
        ],
        "Term Loan - HDFC Bank",
        "ACH D- HDFC BANK LTD-TLEMI0457823",
        "0457823",
        "Term loan EMI for October 2026",
    )
    _payment(
        books,
        date(2026, 10, 29),
        date(2026, 10, 30),
        [("Professional Tax Payable", Decimal(9600), zero, "")],
        "Professional Tax Payable",
        "PTRC PAYMENT-MAHAGST-27PTRC1234567",
        "",
        "Maharashtra PT (PTRC) for September 2026",
    )
    _payment(
        books,
        date(2026, 10, 16),
        date(2026, 10, 16),
        [("ICICI Bank Current A/c", Decimal(200000), zero, "")],
        "ICICI Bank Current A/c",
        f"NEFT DR-ICIC0000012-{COMPANY_NAME.upper()[:24]}-NETBANK, MUM-HDFCN26101612345678-OWN A/C",
        "HDFCN26101612345678",
        "Funds moved to ICICI current account",
        kind="Contra",
        prefix="CTR",
    )

    # Charges the bank took that the books do not have yet
    for day, text, amount in (
        (date(2026, 10, 8), "NEFT CHGS INCL GST 1.80 FOR 3 TXNS", Decimal("17.70")),
        (date(2026, 10, 31), "SMS CHGS JUL-SEP 2026 INCL GST", Decimal("17.70")),
        (date(2026, 10, 31), "CASH MGMT SERVICE CHGS OCT26 INCL GST", Decimal("590.00")),
    ):
        books.bank.append(BankTxn(amount, False, text, "", day))
