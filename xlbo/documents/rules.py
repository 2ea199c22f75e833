"""The GST rules a sales document is held to, as data with the law that makes them.

- HSN digits (Notification 78/2020-CT, from 1-4-2021): 4 digits when the preceding year's
  aggregate turnover was up to ₹5 crore (optional on supplies to unregistered persons), 6 above.
- Numbers (Rule 46(b)): up to 16 characters of letters, digits, `-` and `/`, unique in the
  financial year; the IRP rejects a number starting with `0`, `/` or `-`.
- Units: the GST unit quantity codes (UQC) of the GSTR-1 and e-invoice schemas.
- Copies (Rule 48): goods in three, services in two.

    >>> hsn_digits(Decimal("60000000"), date(2026, 10, 1), registered=True)
    6
    >>> document_number("INV", date(2027, 4, 1), 1)
    'INV/27-28/0001'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from xlbo.periods import APRIL, financial_year


@dataclass(frozen=True)
class HSNRule:
    """How many HSN digits an invoice must show, from a date on."""

    effective_from: date
    turnover_limit: Decimal
    """Preceding year's aggregate turnover up to which `digits_up_to` applies."""
    digits_up_to: int
    digits_above: int
    optional_unregistered: bool
    """Below the limit, HSN may be left off supplies to unregistered persons (B2C)."""
    law: str


HSN_RULES: tuple[HSNRule, ...] = (
    HSNRule(date(2021, 4, 1), Decimal(50_000_000), 4, 6, True, "Notification 78/2020-CT"),
)
"""The HSN rules in force, latest last (the first one in force on a date applies)."""


def hsn_rule(day: date) -> HSNRule:
    """The HSN rule in force on `day` (the earliest rule before its date)."""
    in_force = [r for r in HSN_RULES if r.effective_from <= day]
    return in_force[-1] if in_force else HSN_RULES[0]


def hsn_digits(turnover: Decimal | None, day: date, *, registered: bool) -> int:
    """The fewest HSN digits a line must show (0: it may be left blank). A blank turnover is
    read as up to ₹5 crore."""
    rule = hsn_rule(day)
    if turnover is not None and turnover > rule.turnover_limit:
        return rule.digits_above
    if not registered and rule.optional_unregistered:
        return 0
    return rule.digits_up_to


UQC: frozenset[str] = frozenset(
    [
        "BAG",
        "BAL",
        "BDL",
        "BKL",
        "BOU",
        "BOX",
        "BTL",
        "BUN",
        "CAN",
        "CBM",
        "CCM",
        "CMS",
        "CTN",
        "DOZ",
        "DRM",
        "GGK",
        "GMS",
        "GRS",
        "GYD",
        "KGS",
        "KLR",
        "KME",
        "LTR",
        "MLT",
        "MTR",
        "MTS",
        "NOS",
        "OTH",
        "PAC",
        "PCS",
        "PRS",
        "QTL",
        "ROL",
        "SET",
        "SQF",
        "SQM",
        "SQY",
        "TBS",
        "TGM",
        "THD",
        "TON",
        "TUB",
        "UGS",
        "UNT",
        "YDS",
        "NA",
    ]
)
"""GST unit quantity codes (NA: a service)."""

UQC_ALIASES: dict[str, str] = {
    "KG": "KGS",
    "BAGS": "BAG",
    "BOTTLES": "BTL",
    "CARTONS": "CTN",
    "KGS.": "KGS",
    "PC": "PCS",
    "PIECES": "PCS",
    "NO": "NOS",
    "NUMBERS": "NOS",
    "LITRE": "LTR",
    "LTRS": "LTR",
    "MTRS": "MTR",
    "METRE": "MTR",
    "BOXES": "BOX",
    "SETS": "SET",
    "DOZEN": "DOZ",
}


def unit_code(text: str) -> str | None:
    """The UQC a unit cell means (`kg` → `KGS`), or None when it is none."""
    key = text.strip().upper()
    key = UQC_ALIASES.get(key, key)
    return key if key in UQC else None


SERIES = re.compile(r"[A-Za-z1-9][A-Za-z0-9/-]*")
"""A series: letters, digits, `-` and `/`, not starting with `0`, `/` or `-`."""
NUMBER = re.compile(r"[A-Za-z1-9][A-Za-z0-9/-]{0,15}")
"""A document number as Rule 46(b) and the IRP allow it."""
SEQUENCE_DIGITS = 4


def year_code(day: date) -> str:
    """The GST financial year (April to March, whatever year the books keep) as numbers show
    it: `26-27`."""
    return financial_year(day, APRIL).code[2:]


def document_number(series: str, day: date, sequence: int) -> str:
    """The `sequence`-th number of `series` in the financial year of `day`."""
    return f"{series}/{year_code(day)}/{sequence:0{SEQUENCE_DIGITS}d}"


def sequence_of(number: str, series: str, day: date) -> int | None:
    """The sequence a number of `series` in the year of `day` carries (None: another form)."""
    prefix = f"{series}/{year_code(day)}/"
    tail = number[len(prefix) :] if number.upper().startswith(prefix.upper()) else ""
    return int(tail) if tail.isdigit() else None


def longest_series(day: date) -> int:
    """The longest series whose numbers still fit in 16 characters."""
    return 16 - len(document_number("", day, 1))


GOODS_COPIES = ("ORIGINAL FOR RECIPIENT", "DUPLICATE FOR TRANSPORTER", "TRIPLICATE FOR SUPPLIER")
SERVICE_COPIES = ("ORIGINAL FOR RECIPIENT", "DUPLICATE FOR SUPPLIER")
"""The Rule 48 captions: goods in triplicate, services in duplicate."""
