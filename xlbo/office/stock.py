"""Office supplies: the stock register by moving weighted average, and what to reorder.

Three sheets feed it: `Stock Items` (what is kept, its reorder level and quantity, lead time
and preferred vendor), `Stock Moves` (each receipt or issue) and `Purchase Requests` (requests
already raised). A worked example, item A4 (unit PKT):

    01-10-2026  Receipt  10 @ 250.00   on hand 10, value 2,500.00, average 250.00
    05-10-2026  Issue     4            value out 1,000.00; on hand 6, value 1,500.00
    10-10-2026  Receipt  10 @ 270.00   on hand 16, value 4,200.00, average 262.50
    15-10-2026  Issue    12            value out 3,150.00; on hand 4, value 1,050.00

Each receipt re-averages the rate (moving average); an issue goes out at the average of the
moment, rounded to the paisa, and the last unit out takes what value is left, so the register's
value never drifts from the sum of its moves. Receipts of a day count before its issues. An
issue of more than is on hand is set aside with an Issue naming its row: the register shows
what the moves before it support.

Reorder (never requested twice): projected = closing + quantity of requests still open or
ordered; at or below the reorder level the item is proposed for its reorder quantity (more
multiples when one would not lift it above the level), needed by as-on + lead time, grouped
into one purchase request per preferred vendor. Every item says why it is or is not proposed.

Purchase requests are numbered `PR/26-27/0001` in the GST financial year of the as-on day,
after the highest number already used (the book's sheet or an earlier output): a number is
never given twice.

A request is followed to payment through the vendor's bill: a bill on the Purchases sheet names
the request in its `PR No` column, and the payables engine says what of the bill is paid (the
Journal's payments to the vendor, `xlbo.vendors.settle`). So each request stands at one stage:

    PR/26-27/0008  no bill names it                        Requested
    PR/26-27/0008  bill AC/120 ₹5,900.00, nothing paid     Billed
    PR/26-27/0008  bill AC/120, ₹2,000.00 paid             Part paid
    PR/26-27/0008  bill AC/120 paid in full                Paid

A bill naming a number no request has is an Issue at its PR No cell. The three-way check of
quantity and rate against the request and the receipt is the next step.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Annotated, Any, get_args

from pydantic import BeforeValidator, Field

from xlbo.master.fields import (
    Count,
    Day,
    Id,
    Money,
    OptId,
    OptText,
    Shown,
    Text,
    choices_of,
    enum_reader,
)
from xlbo.master.fields import OptQuantity as MasterQuantity
from xlbo.master.records import Record
from xlbo.money import format_inr, from_paise, parse_amount, to_paise
from xlbo.periods import APRIL, financial_year

QUANTITY_PLACES = Decimal("0.001")
WHOLE_UNITS = frozenset(
    {"NOS", "PCS", "BOX", "SET", "PKT", "PAC", "BTL", "ROL", "PRS", "DOZ", "BAG", "CAN", "CTN",
     "BDL", "TUB", "UNT", "REM", "BUN", "TBS"}
)  # fmt: skip
"""GST unit codes (UQC) counted in whole units: a quantity of 2.5 NOS is a typing slip."""


def _quantity(value: Any) -> Decimal | None:
    """A quantity above zero, to three decimals (2.125 KGS); a float's binary noise dropped."""
    amount = parse_amount(value)
    if amount is None:
        return None
    rounded = amount.quantize(QUANTITY_PLACES, rounding=ROUND_HALF_UP)
    if rounded != amount and not (
        isinstance(value, float) and abs(rounded - amount) < Decimal("0.000001")
    ):
        raise ValueError(f"'{value}' has more than three decimal places; round the quantity")
    if rounded <= 0:
        raise ValueError(f"'{value}' is not a quantity above zero")
    return rounded.normalize() if rounded == rounded.to_integral() else rounded


_DECIMAL = next(m for m in get_args(MasterQuantity)[1:] if isinstance(m, Shown))
"""The master's quantity display (Kind.DECIMAL), taken from its type: no import of the port."""
Quantity = Annotated[Decimal, BeforeValidator(_quantity), _DECIMAL]
OptQuantity = Annotated[Decimal | None, BeforeValidator(_quantity), _DECIMAL]


class MoveKind(StrEnum):
    RECEIPT = "Receipt"
    ISSUE = "Issue"


class RequestStatus(StrEnum):
    """Where a purchase request stands: open and ordered ones are still to arrive."""

    OPEN = "Open"
    ORDERED = "Ordered"
    RECEIVED = "Received"
    CANCELLED = "Cancelled"


MoveKindCell = Annotated[
    MoveKind,
    enum_reader(MoveKind, In=MoveKind.RECEIPT, R=MoveKind.RECEIPT, GRN=MoveKind.RECEIPT,
                Out=MoveKind.ISSUE, I=MoveKind.ISSUE),
    Shown(choices=choices_of(MoveKind), width=10),
]  # fmt: skip
StatusCell = Annotated[
    RequestStatus,
    enum_reader(RequestStatus, PO=RequestStatus.ORDERED, Done=RequestStatus.RECEIVED),
    Shown(choices=choices_of(RequestStatus), width=11),
]


class StockItem(Record):
    """Something the office keeps in stock (paper, toner, pantry goods), one row per item and
    location."""

    code: Id = Field(alias="Code", description="Your code for the item; unique, e.g. A4-PAPER.")
    description: Text = Field(alias="Description", description="What it is, as you order it.")
    unit: OptId = Field(
        None,
        alias="Unit",
        description="GST unit code: NOS, PKT, BOX, KGS, LTR…; whole units (NOS, PKT, BOX) take "
        "whole quantities.",
    )
    location: OptText = Field(None, alias="Location", description="Store or office it is kept in.")
    reorder_level: OptQuantity = Field(
        None,
        alias="Reorder Level",
        description="Request more when stock plus what is already requested falls to this; "
        "blank: never proposed.",
    )
    reorder_quantity: OptQuantity = Field(
        None,
        alias="Reorder Quantity",
        description="How much one request asks for; blank: the reorder level.",
    )
    lead_time: Count = Field(
        0, alias="Lead Time (days)", description="Days the vendor takes to deliver."
    )
    preferred_vendor: OptId = Field(
        None,
        alias="Preferred Vendor",
        description="Vendor Code (Vendors sheet) the request goes to; blank: listed, no request.",
    )


class StockMove(Record):
    """A receipt into stock or an issue out of it."""

    date: Day = Field(alias="Date", description="Day the goods came in or went out.")
    item: Id = Field(alias="Item", description="The item's Code on the Stock Items sheet.")
    kind: MoveKindCell = Field(alias="Receipt or Issue", description="Receipt or Issue.")
    quantity: Quantity = Field(alias="Quantity", description="How much, in the item's unit.")
    rate: Money = Field(
        Decimal(0),
        alias="Rate",
        description="Receipts: cost per unit before GST you can claim back; issues: leave blank "
        "(they go out at the weighted average).",
    )
    reference: OptText = Field(
        None,
        alias="Reference",
        description="GRN, bill or requisition number; a receipt before the year begins with "
        "reference Opening gives the opening stock.",
    )
    issued_to: OptText = Field(
        None, alias="Department or Person", description="Who took an issue (or who received)."
    )


class PurchaseRequest(Record):
    """A request to buy, raised by xlbo's proposal or by hand, and where it stands."""

    request_no: Id = Field(alias="Request No", description="PR/26-27/0001; never reused.")
    date: Day = Field(alias="Date", description="Day the request was raised.")
    vendor_code: OptId = Field(None, alias="Vendor Code", description="Vendor asked to supply.")
    item: Id = Field(alias="Item", description="The item's Code on the Stock Items sheet.")
    quantity: Quantity = Field(alias="Quantity", description="How much was requested.")
    status: StatusCell = Field(
        RequestStatus.OPEN,
        alias="Status",
        description="Open, Ordered, Received or Cancelled; open and ordered count as on the way.",
    )


# -- the register -------------------------------------------------------------------------------


@dataclass(frozen=True)
class StockProblem:
    """A row that could not be taken as it stands: which sheet and row, which column, why."""

    sheet: str
    row: int
    header: str
    value: object
    problem: str
    hint: str


@dataclass(frozen=True)
class LedgerLine:
    """One move as the register took it, with the balance after it."""

    move: StockMove
    row: int
    value: int
    """Paise in (receipt) or out (issue) at the rate used."""
    balance: Decimal
    balance_value: int
    average: Decimal
    """Rupees a unit after the move (weighted average)."""


@dataclass
class ItemBalance:
    """One item's figures over the period: opening, receipts, issues, closing (value in paise)."""

    item: StockItem
    opening: Decimal = Decimal(0)
    opening_value: int = 0
    received: Decimal = Decimal(0)
    received_value: int = 0
    issued: Decimal = Decimal(0)
    issued_value: int = 0
    closing: Decimal = Decimal(0)
    closing_value: int = 0
    lines: list[LedgerLine] = field(default_factory=list)

    @property
    def average(self) -> Decimal:
        """Closing rate a unit in rupees (0 with nothing on hand)."""
        if not self.closing:
            return Decimal(0)
        return (Decimal(self.closing_value) / 100 / self.closing).quantize(Decimal("0.01"))


def _paise(amount: Decimal) -> int:
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def stock_register(
    items: Sequence[StockItem],
    moves: Sequence[tuple[int, StockMove]],
    start: date,
    as_on: date,
) -> tuple[list[ItemBalance], list[StockProblem]]:
    """Each item's opening (moves before `start`), receipts, issues and closing as on `as_on`,
    valued by moving weighted average; `moves` are (sheet row, move). Moves after `as_on` wait."""
    balances = {i.code.casefold(): ItemBalance(i) for i in items}
    problems: list[StockProblem] = []
    order = {MoveKind.RECEIPT: 0, MoveKind.ISSUE: 1}
    for row, move in sorted(moves, key=lambda m: (m[1].date, order[m[1].kind], m[0])):
        balance = balances.get(move.item.casefold())
        if balance is None:
            problems.append(
                StockProblem("Stock Moves", row, "Item", move.item,
                              f"Item {move.item} is not on the Stock Items sheet; the move was "
                              "left out", "Add the item to Stock Items, or correct the code.")
            )  # fmt: skip
            continue
        unit = (balance.item.unit or "").upper()
        if unit in WHOLE_UNITS and move.quantity != move.quantity.to_integral():
            problems.append(
                StockProblem("Stock Moves", row, "Quantity", move.quantity,
                              f"{move.quantity} {unit} of {move.item}: {unit} is counted in "
                              "whole units; the move was left out",
                              "Correct the quantity, or the item's Unit.")
            )  # fmt: skip
            continue
        if move.date > as_on:
            continue
        before = move.date < start
        on_hand, value = balance.closing, balance.closing_value
        if move.kind is MoveKind.RECEIPT:
            moved = to_paise(move.quantity * move.rate)
            on_hand, value = on_hand + move.quantity, value + moved
            if before:
                balance.opening += move.quantity
                balance.opening_value += moved
            else:
                balance.received += move.quantity
                balance.received_value += moved
        else:
            if move.quantity > on_hand:
                problems.append(
                    StockProblem(
                        "Stock Moves",
                        row,
                        "Quantity",
                        move.quantity,
                        f"Issue of {quantity_text(move.quantity)}{f' {unit}' if unit else ''} of "
                        f"{move.item} on {move.date:%d-%m-%Y} is more than the "
                        f"{quantity_text(on_hand)} on hand: stock would go below zero; the issue was "
                        "left out of the register",
                        "Enter the receipt that came before it, or correct the quantity or date.",
                    )
                )
                continue
            if move.quantity == on_hand:
                moved = value
            else:
                moved = _paise(Decimal(value) * move.quantity / on_hand)
            on_hand, value = on_hand - move.quantity, value - moved
            if before:
                balance.opening -= move.quantity
                balance.opening_value -= moved
            else:
                balance.issued += move.quantity
                balance.issued_value += moved
        balance.closing, balance.closing_value = on_hand, value
        average = (
            (Decimal(value) / 100 / on_hand).quantize(Decimal("0.01")) if on_hand else Decimal(0)
        )
        balance.lines.append(LedgerLine(move, row, moved, on_hand, value, average))
    return list(balances.values()), problems


# -- reorder ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReorderLine:
    """One item's reorder decision and why."""

    balance: ItemBalance
    on_order: Decimal
    """Quantity of requests still open or ordered."""
    requests: tuple[str, ...]
    """Their numbers."""
    projected: Decimal
    quantity: Decimal
    """To request now (0: not proposed)."""
    needed_by: date | None
    why: str

    @property
    def proposed(self) -> bool:
        return self.quantity > 0


def quantity_text(quantity: Decimal) -> str:
    return f"{quantity.normalize():f}"


def reorder(
    balances: Sequence[ItemBalance], requests: Iterable[PurchaseRequest], as_on: date
) -> list[ReorderLine]:
    """The reorder decision of every item as on `as_on`, counting requests still on the way."""
    waiting: dict[str, list[PurchaseRequest]] = defaultdict(list)
    for request in requests:
        if request.status in (RequestStatus.OPEN, RequestStatus.ORDERED) and request.date <= as_on:
            waiting[request.item.casefold()].append(request)
    lines = []
    for balance in balances:
        item = balance.item
        mine = waiting.get(item.code.casefold(), [])
        on_order = sum((r.quantity for r in mine), Decimal(0))
        projected = balance.closing + on_order
        stock = f"stock {quantity_text(balance.closing)}"
        if mine:
            stock += (
                f" + {quantity_text(on_order)} requested ({', '.join(r.request_no for r in mine)})"
            )
            stock += f" = {quantity_text(projected)}"
        level = item.reorder_level
        quantity = Decimal(0)
        needed_by = None
        if level is None:
            why = f"No reorder level set ({stock}): add one to have it proposed"
        elif projected > level:
            why = f"Not needed: {stock}, above the reorder level {quantity_text(level)}"
        else:
            step = item.reorder_quantity or level
            times = max(1, int(((level - projected) / step).to_integral_value(ROUND_CEILING)))
            if projected + times * step <= level:
                times += 1
            quantity = step * times
            needed_by = as_on + timedelta(days=item.lead_time)
            why = f"Proposed: {stock}, at or below the reorder level {quantity_text(level)}"
            why += (
                f"; {times} × reorder quantity {quantity_text(step)}"
                if times > 1
                else f"; reorder quantity {quantity_text(step)}"
            )
            if not item.reorder_quantity:
                why += " (no Reorder Quantity: the reorder level)"
            if item.lead_time:
                why += f"; lead time {item.lead_time} days"
            if not item.preferred_vendor:
                why += "; no preferred vendor, so no request: name one"
        lines.append(
            ReorderLine(balance, on_order, tuple(r.request_no for r in mine), projected,
                        quantity, needed_by, why)
        )  # fmt: skip
    return lines


# -- purchase requests --------------------------------------------------------------------------

PR_SERIES = "PR"
_NUMBER = re.compile(r"PR/(\d{2}-\d{2})/(\d+)", re.IGNORECASE)


def year_code(day: date) -> str:
    """The GST financial year of `day` as request numbers show it: `26-27`."""
    return financial_year(day, APRIL).code[2:]


def request_number(day: date, sequence: int) -> str:
    return f"{PR_SERIES}/{year_code(day)}/{sequence:04d}"


def last_sequence(numbers: Iterable[str], day: date) -> int:
    """The highest sequence already used in the year of `day` among `numbers`."""
    code = year_code(day)
    used = [
        int(m.group(2))
        for n in numbers
        if (m := _NUMBER.fullmatch(n.strip())) and m.group(1) == code
    ]
    return max(used, default=0)


@dataclass(frozen=True)
class ProposedRequest:
    """A purchase request to raise: one vendor, its items."""

    number: str
    day: date
    vendor_code: str
    lines: tuple[ReorderLine, ...]


def propose_requests(
    decisions: Sequence[ReorderLine],
    as_on: date,
    used: Iterable[str],
    earlier: Mapping[tuple[str, frozenset[tuple[str, str]]], str] | None = None,
) -> list[ProposedRequest]:
    """One request per preferred vendor for the items proposed, numbered after the highest of
    `used`. A request identical to one an earlier output proposed (same vendor, items and
    quantities: `earlier`) keeps that number, so running twice does not raise a second
    request for the same need."""
    by_vendor: dict[str, list[ReorderLine]] = defaultdict(list)
    for line in decisions:
        vendor = line.balance.item.preferred_vendor
        if line.proposed and vendor:
            by_vendor[vendor].append(line)
    sequence = last_sequence(used, as_on)
    requests = []
    for vendor in sorted(by_vendor):
        lines = tuple(by_vendor[vendor])
        key = (vendor.casefold(), request_key(lines))
        number = (earlier or {}).get(key)
        if number is None:
            sequence += 1
            number = request_number(as_on, sequence)
        requests.append(ProposedRequest(number, as_on, vendor, lines))
    return requests


def request_key(lines: Iterable[ReorderLine]) -> frozenset[tuple[str, str]]:
    """What a request asks for, to know it again: (item, quantity) pairs."""
    return frozenset((ln.balance.item.code.casefold(), quantity_text(ln.quantity)) for ln in lines)


def value_of(quantity: Decimal, rate: Decimal) -> int:
    """Paise of `quantity` at `rate` rupees a unit."""
    return to_paise(quantity * rate) if quantity and rate else 0


# -- request → bill → payment -------------------------------------------------------------------


class Stage(StrEnum):
    """How far a purchase request has gone: requested, billed by the vendor, paid."""

    REQUESTED = "Requested"
    BILLED = "Billed"
    PART_PAID = "Part paid"
    PAID = "Paid"


@dataclass(frozen=True)
class RequestBill:
    """A vendor's bill that names a purchase request, with what of it is paid (paise)."""

    request_no: str
    vendor_code: str
    bill_no: str
    bill_date: date
    owed: int
    paid: int


@dataclass(frozen=True)
class RequestProgress:
    """One purchase request (all its item rows) and the bills that name it."""

    request_no: str
    day: date
    vendor_code: str | None
    items: tuple[tuple[str, Decimal], ...]
    status: RequestStatus
    """As typed on the Purchase Requests sheet (its first row)."""
    bills: tuple[RequestBill, ...]

    @property
    def billed(self) -> int:
        return sum(b.owed for b in self.bills)

    @property
    def paid(self) -> int:
        return sum(min(b.paid, b.owed) for b in self.bills)

    @property
    def stage(self) -> Stage:
        if not self.bills:
            return Stage.REQUESTED
        if self.paid >= self.billed:
            return Stage.PAID
        return Stage.PART_PAID if self.paid else Stage.BILLED

    def said(self) -> str:
        """The stage in words: `Billed: AC/120 of 05-11-2026, 5,900.00, unpaid`."""
        if not self.bills:
            return f"{Stage.REQUESTED.value}: no bill names it yet"
        bills = "; ".join(
            f"{b.bill_no} of {b.bill_date:%d-%m-%Y} {format_inr(from_paise(b.owed))}"
            + (
                ", paid in full"
                if b.paid >= b.owed
                else f", {format_inr(from_paise(b.paid))} paid"
                if b.paid
                else ", unpaid"
            )
            for b in self.bills
        )
        return f"{self.stage.value}: {bills}"


def follow_requests(
    requests: Sequence[PurchaseRequest], bills: Sequence[RequestBill]
) -> tuple[list[RequestProgress], list[int]]:
    """Each request (its rows grouped by number, in sheet order) with the bills naming it, and
    the positions in `bills` of those naming no request."""
    rows: dict[str, list[PurchaseRequest]] = {}
    for request in requests:
        rows.setdefault(request.request_no.strip().casefold(), []).append(request)
    named: dict[str, list[RequestBill]] = defaultdict(list)
    unknown: list[int] = []
    for index, bill in enumerate(bills):
        key = bill.request_no.strip().casefold()
        if key in rows:
            named[key].append(bill)
        else:
            unknown.append(index)
    progress = [
        RequestProgress(
            mine[0].request_no,
            mine[0].date,
            mine[0].vendor_code,
            tuple((r.item, r.quantity) for r in mine),
            mine[0].status,
            tuple(sorted(named.get(key, []), key=lambda b: (b.bill_date, b.bill_no))),
        )
        for key, mine in rows.items()
    ]
    return progress, unknown
