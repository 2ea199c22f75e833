"""A sales document and its lines, with every figure in paise.

Tax is worked out per line, each head rounded half up to the paisa; the document's total is
rounded to the rupee, 50 paise up (CGST Act s.170), and the difference printed as a round-off
line:

    >>> line = priced_line(row=2, description="Steel almirah", hsn="9403", quantity=Decimal(3),
    ...     unit="NOS", rate=Decimal("3333.50"), discount=Decimal(0), gst_rate=Decimal("0.18"),
    ...     cess_rate=Decimal(0), intra_state=True)
    >>> line.taxable, line.cgst, line.sgst
    (1000050, 90005, 90005)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from xlbo.documents.rules import GOODS_COPIES, SERVICE_COPIES
from xlbo.master.records import DocumentType
from xlbo.money import PAISE, from_paise, to_paise
from xlbo.states import State
from xlbo.words import Language, amount_in_words


def _paise_of(paise: Decimal) -> int:
    return int(paise.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class DocumentLine:
    """One line item: what was sold, its taxable value and the tax on it (paise)."""

    row: int
    """The Invoices sheet's row."""
    description: str
    hsn: str
    quantity: Decimal | None
    unit: str
    rate: Decimal
    discount: Decimal
    gst_rate: Decimal
    cess_rate: Decimal
    taxable: int
    """Quantity × rate, less the discount, in paise."""
    cgst: int
    sgst: int
    """SGST, or UTGST in a Union Territory without a legislature."""
    igst: int
    cess: int

    @property
    def service(self) -> bool:
        """A service (SAC codes start with 99)."""
        return self.hsn.startswith("99")

    @property
    def tax(self) -> int:
        return self.cgst + self.sgst + self.igst + self.cess


def priced_line(
    *,
    row: int,
    description: str,
    hsn: str,
    quantity: Decimal | None,
    unit: str,
    rate: Decimal,
    discount: Decimal,
    gst_rate: Decimal,
    cess_rate: Decimal,
    intra_state: bool,
) -> DocumentLine:
    """A line with its taxable value and tax: CGST and SGST/UTGST at half the rate each within
    a state, IGST at the full rate across states; each rounded half up to the paisa."""
    gross = ((quantity if quantity is not None else Decimal(1)) * rate).quantize(
        PAISE, rounding=ROUND_HALF_UP
    )
    taxable = to_paise(gross) - to_paise(discount)
    base = Decimal(taxable)
    half = _paise_of(base * gst_rate / 2) if intra_state else 0
    igst = 0 if intra_state else _paise_of(base * gst_rate)
    return DocumentLine(
        row=row,
        description=description,
        hsn=hsn,
        quantity=quantity,
        unit=unit,
        rate=rate,
        discount=discount,
        gst_rate=gst_rate,
        cess_rate=cess_rate,
        taxable=taxable,
        cgst=half,
        sgst=half,
        igst=igst,
        cess=_paise_of(base * cess_rate),
    )


ADVANCE_RATE = Decimal("0.18")
"""Rule 50 proviso (i): an advance whose rate of tax cannot be told pays 18%."""


def advance_line(
    *,
    row: int,
    description: str,
    hsn: str,
    received: Decimal,
    gst_rate: Decimal,
    intra_state: bool,
    taxed: bool,
) -> DocumentLine:
    """A receipt or refund voucher's line: `received` is the money, tax in it (s.31(3)(d),
    Rule 50). The taxable value is received × 100 / (100 + rate), half up to the paisa, and the
    tax what is left, so the two always make the money exactly; within a state CGST takes the
    half rounded down and SGST/UTGST the rest. An advance for goods (`taxed` False) carries no
    tax (Notification 66/2017-CT): its whole amount is the value.

        >>> line = advance_line(row=2, description="Annual maintenance", hsn="998719",
        ...     received=Decimal("11800"), gst_rate=Decimal("0.18"), intra_state=False, taxed=True)
        >>> line.taxable, line.igst
        (1000000, 180000)
    """
    money = to_paise(received)
    taxable = _paise_of(Decimal(money) / (1 + gst_rate)) if taxed else money
    tax = money - taxable
    cgst = tax // 2 if intra_state else 0
    return DocumentLine(
        row=row,
        description=description,
        hsn=hsn,
        quantity=None,
        unit="NA" if hsn.startswith("99") or not hsn else "OTH",
        rate=received,
        discount=Decimal(0),
        gst_rate=gst_rate if taxed else Decimal(0),
        cess_rate=Decimal(0),
        taxable=taxable,
        cgst=cgst,
        sgst=tax - cgst if intra_state else 0,
        igst=0 if intra_state else tax,
        cess=0,
    )


VOUCHERS = (DocumentType.RECEIPT_VOUCHER, DocumentType.REFUND_VOUCHER)
"""Rule 50 and 51 vouchers: money received or returned before a supply, not a supply."""


@dataclass(frozen=True)
class Party:
    """The supplier or the recipient as the document prints them."""

    code: str
    name: str
    address: str
    gstin: str
    """Blank for an unregistered recipient."""
    state: State


def rupee_rounded(paise: int) -> int:
    """Paise rounded to the rupee, 50 paise up (s.170): 1234550 → 1234600."""
    return (paise + 50) // 100 * 100 if paise >= 0 else -((-paise + 50) // 100 * 100)


@dataclass(frozen=True)
class Advance:
    """A receipt voucher's advance that a tax invoice adjusts (Rule 50; GSTR-1 `txpd`): its
    value and the tax paid on it when it came in (paise), now set against the invoice."""

    number: str
    date: dt.date
    taxable: int
    cgst: int
    sgst: int
    """SGST, or UTGST (`utgst`)."""
    igst: int
    cess: int
    utgst: bool = False

    @property
    def tax(self) -> int:
        return self.cgst + self.sgst + self.igst + self.cess

    @property
    def total(self) -> int:
        """The money received."""
        return self.taxable + self.tax


@dataclass(frozen=True)
class Document:
    """A sales document ready to issue."""

    kind: DocumentType
    number: str
    series: str
    date: dt.date
    supplier: Party
    customer: Party
    place_of_supply: State
    reverse_charge: bool
    shipping_address: str
    original: str
    """For a credit or debit note: the invoice it corrects."""
    original_date: dt.date | None
    lines: tuple[DocumentLine, ...]
    bank: str = ""
    """A voucher's bank ledger: where the advance came in or went out."""
    irn: str = ""
    """The IRP's invoice reference number, once typed back (then printed with the QR)."""
    ack_no: str = ""
    ack_date: str = ""
    signed_qr: str = ""
    """The IRP's SignedQRCode (a signed JWT), printed unchanged as the QR."""
    advance: Advance | None = None
    """For a tax invoice after a receipt voucher (named as its Original Invoice): the advance
    it adjusts, whose tax was paid when it came in; for a revised invoice, the advance its
    original adjusted, carried as it stands."""
    language: Language = Language.EN
    """Hindi (`hi`): Hindi captions beside the English ones, the amount in words in both."""

    @property
    def balance(self) -> int:
        """What the recipient still owes: the total less the advance it adjusts (paise)."""
        return self.total - (self.advance.total if self.advance else 0)

    @property
    def voucher(self) -> bool:
        """A receipt or refund voucher (Rules 50, 51)."""
        return self.kind in VOUCHERS

    @property
    def intra_state(self) -> bool:
        return self.supplier.state.code == self.place_of_supply.code

    @property
    def utgst(self) -> bool:
        """SGST is UTGST: an intra-state supply in a Union Territory without a legislature."""
        return self.intra_state and self.place_of_supply.utgst

    @property
    def registered(self) -> bool:
        """A B2B document: the recipient has a GSTIN."""
        return bool(self.customer.gstin)

    @property
    def rows(self) -> tuple[int, ...]:
        return tuple(line.row for line in self.lines)

    def _sum(self, head: str) -> int:
        return sum(int(getattr(line, head)) for line in self.lines)

    @cached_property
    def taxable(self) -> int:
        return self._sum("taxable")

    @cached_property
    def cgst(self) -> int:
        return self._sum("cgst")

    @cached_property
    def sgst(self) -> int:
        """SGST or UTGST (see `utgst`)."""
        return self._sum("sgst")

    @cached_property
    def igst(self) -> int:
        return self._sum("igst")

    @cached_property
    def cess(self) -> int:
        return self._sum("cess")

    @property
    def tax(self) -> int:
        """Every head of tax on the lines (paise), whoever pays it."""
        return self.cgst + self.sgst + self.igst + self.cess

    @property
    def charged_tax(self) -> int:
        """The tax the document charges the recipient: none on reverse charge, where the
        recipient pays it to the government itself (s.9(3), 9(4); Rule 46(p))."""
        return 0 if self.reverse_charge else self.tax

    @property
    def before_rounding(self) -> int:
        return self.taxable + self.charged_tax

    @property
    def value_with_tax(self) -> int:
        """The value with every head of tax, rounded to the rupee: the e-invoice's TotInvVal,
        which the IRP sums from the values and taxes even on reverse charge."""
        return rupee_rounded(self.taxable + self.tax)

    @property
    def total(self) -> int:
        """The document's value, rounded to the rupee (s.170)."""
        return rupee_rounded(self.before_rounding)

    @property
    def round_off(self) -> int:
        return self.total - self.before_rounding

    @property
    def words(self) -> str:
        return amount_in_words(from_paise(self.total))

    @property
    def hindi_words(self) -> str:
        """The amount in words in Hindi (रुपये … मात्र)."""
        return amount_in_words(from_paise(self.total), Language.HI)

    @property
    def copies(self) -> tuple[str, ...]:
        """The Rule 48 captions, one copy each."""
        if self.voucher or all(line.service for line in self.lines):
            return SERVICE_COPIES
        return GOODS_COPIES

    def taxable_by_rate(self) -> dict[Decimal, int]:
        """Taxable value (paise) by GST rate, rates in ascending order."""
        by_rate: dict[Decimal, int] = {}
        for line in sorted(self.lines, key=lambda item: item.gst_rate):
            by_rate[line.gst_rate] = by_rate.get(line.gst_rate, 0) + line.taxable
        return by_rate


@dataclass(frozen=True)
class Issued:
    """A document issued by an earlier run (a row of the Invoice Register)."""

    number: str
    kind: DocumentType
    series: str
    date: dt.date
    customer_code: str
    place_code: str
    total: int
    """Paise."""
    irn: str = ""
    original: str = ""
    """The document it corrects, refunds or adjusts (the register's Original Invoice)."""
    taxable: int = 0
    """The register's Taxable Value and tax heads (paise): a receipt voucher's advance."""
    cgst: int = 0
    sgst: int = 0
    utgst: int = 0
    igst: int = 0
    cess: int = 0

    @property
    def key(self) -> tuple[str, str, dt.date, str, str]:
        return (
            self.kind.value,
            self.series.casefold(),
            self.date,
            self.customer_code.casefold(),
            self.place_code,
        )
