"""One line that is several lines of *different* ledgers on the other side, on one day: what the
combination search, which groups lines by party, never looks at. Accountants book these every
month:

- an EMI: the bank's one debit (`ACH/BAJAJ FINANCE LTD/EMI 12 of 36`), the books' two payments
  of one day, to the loan's account and to `Interest on Loan`;
- an FD closed: the bank's one credit (`FD CLOSURE PROCEEDS …`), the books' principal back to
  `Fixed Deposit with HDFC Bank`, the `Interest on FD`, and sometimes the TDS the bank kept
  (`TDS on FD Interest`, money out of the bank ledger);
- a tax challan: one debit (`TAX PAYMENT-CBDT-ITNS281-…`, `GST PMT CPIN …`) for the books'
  payments to several payable ledgers (`TDS Payable - 194C`, `TDS Payable - 194J`; `CGST
  Payable`, `SGST Payable`), or the books' one payment for the bank's several challans;
- a day's UPI collections: the books' one receipt to `UPI Collections` (`Sales A/c`, `Counter
  Sales`) for that day's two to six UPI credits from as many payers;
- interest booked net of TDS: the books' one receipt to `Interest Received on FD` for the
  bank's interest credit less the TDS it debited that day (`INT.PD:…` 12,345.00 and `TDS ON INT
  FD …` 1,234.50 against 11,110.50).

A set is taken only where everything says so: the target's words say its kind (KINDS: the bank
narration's `EMI`, `FD CLOSURE`, `CBDT`, `CPIN`; a ledger line's `TDS Payable`, `UPI
Collections`), every line of the set is of a ledger (or a bank channel) of that kind, in the
direction its part takes (interest paid is money out; TDS kept on an FD's interest, out of the
credit), the parts the kind needs are there (principal *and* interest), the set's lines are of
one day and the target within the window of it, the target with no open line of its own
amount as far as a voucher booked late, and the amounts add up to the paisa. A day's
UPI credits count only all together — every open UPI credit of the day, or none: three of a
busy day's twelve adding up to the day's sales is chance, not evidence. Where a line is in two
sets that fit (two targets, or two sets of one target), none is taken: they are suggestions.

The book lines of a kind are few (a month's loans, deposits and taxes): they are grouped by day,
and only a day's group of at most SPLIT_LINES is searched, every set of 2–6 of it at once as a
matrix product; the sets' totals are joined to the targets on amount and window. No loop over
lines.

>>> from xlbo.bank.side import side
>>> bank = side([10], [-1_854_000], text=["ACH/BAJAJ FINANCE LTD/EMI 12 of 36"])
>>> books = side(
...     [10, 10], [-1_421_000, -433_000], text=["Bajaj Finance Ltd. (Loan A/c)", "Interest on Loan"]
... )
>>> found, _ = split_sets(bank, books, Window(), frozenset())
>>> [(s.bank, s.ledger) for s in found]
[([0], [0, 1])]
>>> found[0].why
'EMI: principal 14,210.00 + interest 4,330.00 on the same day; the bank says ACH'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from xlbo.bank.scoring import (
    BATCH_PARTS,
    LATE_BOOKING_DAYS,
    MAX_PARTS,
    MDR_SHARE,
    MIN_PARTS,
    SPLIT_LINES,
    SPREAD_LINES,
)
from xlbo.bank.side import Side, with_notes
from xlbo.bank.window import Window, band
from xlbo.columns import contains_distinct, extract
from xlbo.money import format_inr, from_paise

# --- the words, in one place (RE2 and Python alike: no lookarounds) ---------------------------
EMI_WORDS = r"(?i)\b(?:EMI|LOAN|N?ACH)\b"
"""A bank debit that pays an instalment: `ACH/BAJAJ FINANCE LTD/EMI 12 of 36`, `NACH DR-TATA
CAPITAL-…`, `LOAN EMI 1234567`."""
FD_WORDS = r"(?i)\b(?:FDR?|FIXED\s+DEPOSIT|TERM\s+DEPOSIT|PRE-?MAT\w*|MATURITY|CLOSURE)\b"
"""A bank credit that closes a deposit: `FD CLOSURE PROCEEDS 40123456789`, `TRF FROM FD A/C …`,
`FD PREMAT CLOSURE` (never a bare DEPOSIT: a cash deposit says it)."""
TDS_CHALLAN_WORDS = r"(?i)\b(?:TAX|CBDT|ITNS\s*\d*|OLTAS|CHALLAN|TDS|TCS)\b"
"""A bank debit that pays direct tax: `TAX PAYMENT-CBDT-ITNS281-…`, `OLTAS/CHALLAN 281/…`,
`e-TAX PAYMENT TDS 194C`."""
GST_CHALLAN_WORDS = r"(?i)\b(?:GST|CPIN|GSTN)\b"
"""A bank debit that pays GST: `GST PMT CPIN 26102900123456`."""
UPI_WORDS = r"(?i)\bUPI\b"
"""A bank line of the UPI channel (QR and app payments alike)."""
BANK_INTEREST_WORDS = r"(?i)\b(?:INT|INTEREST|INT\.?\s*PD|INT\.?\s*CR|INTT)\b"
"""A bank credit of interest: `INT.PD:01-09-2026 TO 30-11-2026`, `INTEREST CREDIT`, `SB INT`."""
BANK_TDS_WORDS = r"(?i)\bTDS\b"
"""A bank debit of the TDS it kept on interest: `TDS ON INT FD 5012345 FY 26-27`."""
TAX_PAID_WORDS = r"(?i)\b(?:CBDT|ITNS\s*\d*|OLTAS|CHALLAN)\b"
"""… and what a challan paying the company's own TDS says instead (`e-TAX PAYMENT CBDT TDS`)."""

CARD_WORDS = r"(?i)\b(?:POS|CARD|MID|EDC|MERCHANT|SETTLEMENT|SETL|SETTL)\b"
"""A bank credit of card sales settled by the acquirer: `POS SETTLEMENT MID 0012345678`,
`CARD SETL 11/11/26`, `EDC SETTLEMENT`."""
LOAN_LEDGER = r"(?i)\b(?:LOANS?|BORROWINGS?)\b"
"""A loan's own account: `Bajaj Finance Ltd. (Loan A/c)`, `Tata Capital - Term Loan`."""
INTEREST_LEDGER = r"(?i)\b(?:INTEREST|INT\.?\s+ON|FINANCE\s+(?:CHARGES?|COSTS?))\b"
"""Interest, paid or earned: `Interest on Loan`, `Interest on Term Loan`, `Finance Charges`,
`Interest on FD`. Weighed before the loan's words (`Interest on Term Loan` is interest)."""
FD_LEDGER = r"(?i)\b(?:FDR?S?|FIXED\s+DEPOSITS?|TERM\s+DEPOSITS?)\b"
"""A deposit's own account: `Fixed Deposit with HDFC Bank`, `FD No. 40123456789`."""
TDS_LEDGER = r"(?i)\b(?:TDS|TCS)\b"
"""TDS (or TCS) the company deducted and pays by challan: `TDS Payable - 194C`, `TDS Payable`
(but RECEIVABLE's)."""
FD_TDS_LEDGER = (
    r"(?i)\bTDS\b.*\b(?:FDR?|DEPOSITS?|INTEREST|RECEIVABLE)\b"
    r"|\b(?:FDR?|DEPOSITS?|INTEREST|RECEIVABLE)\b.*\bTDS\b"
)
"""The TDS a bank kept on an FD's interest: `TDS on FD Interest`, `TDS Receivable` (never `TDS
Payable - 194C`, the company's own, paid by challan)."""
RECEIVABLE = r"(?i)\b(?:RECEIVABLES?|FDR?|DEPOSITS?|ADVANCE)\b"
"""A TDS ledger of TDS deducted from the company (on an FD's interest): no challan pays it."""
GST_LEDGER = r"(?i)\b(?:[CSI]GST|UTGST|GST|CESS)\b"
"""A GST ledger a challan pays: `CGST Payable`, `Output SGST`, `IGST`, `Compensation Cess`."""
INPUT = r"(?i)\b(?:INPUT|ITC|RECEIVABLE|PURCHASES?|SALES?)\b"
"""A GST ledger of credit taken (`Input CGST`), or a purchase or sales ledger of a GST rate
(`Purchase @ 18% GST`): no challan pays it."""
COLLECTION_LEDGER = r"(?i)\b(?:SALES|COLLECTIONS?|UPI|QR|PAYTM|GPAY|PHONEPE|BHARATPE|RAZORPAY)\b"
"""A ledger that takes a day's counter or UPI collections as one receipt: `Sales A/c`, `UPI
Collections`, `Counter Sales`, `Paytm Collections`."""
SALES_LEDGER_WORDS = (
    r"SALES|COLLECTIONS?|PAYTM|RAZORPAY|A/?C|ACCOUNT|COUNTER|RETAIL|DAILY|LOCAL|INTERSTATE|"
    r"DOMESTIC|[CSI]?GST|TAXABLE|SHOP|STORE|POS|ONLINE|OF|THROUGH|VIA|SETTLEMENTS?|REVENUE|INCOME"
)
"""Words a ledger of the day's takings is named of, whatever came in (`Local Sales @ 18%`)."""


def _named_only(words: str) -> str:
    """A pattern of a ledger's whole name made of `words` (an alternation), with figures and
    punctuation between them: `Sales A/c`, `Local Sales @ 18%`, never `Balaji Sales Agencies`."""
    return rf"(?i)^(?:[\s\-/&.,:@%()0-9]|\b(?:{words})\b)+$"


COLLECTION_ONLY = _named_only(
    SALES_LEDGER_WORDS + r"|UPI|QR|GPAY|PHONEPE|BHARATPE|CASH|RECEIPTS?|INTER-STATE|BANK|HDFC|"
    r"ICICI|SBI|B2[BC]|WALK-?IN|CUSTOMERS?|AXIS|KOTAK|IDFC|INDUSIND"
)
"""A collections ledger's whole name is such words (`Sales A/c`, `Local Sales @ 18%`, `UPI
Collections`): `Balaji Sales Agencies`, `Sharma Sales Corporation` are customers, and a
customer's receipt (a cheque deposited, not yet credited) is no day's UPI collections."""

CARD_SALES_LEDGER = _named_only(
    SALES_LEDGER_WORDS
    + r"|CARDS?|EDC|SWIPE|PINE\s*LABS|MOSAMBEE|MERCHANT|RECEIVABLES?|DEBIT|CREDIT|B2C"
)
"""A ledger the books take card sales to, gross, its whole name such words: `Card Sales`, `Sales
A/c`, `POS Collections`, `Pine Labs Receivable` — never a customer's (`Sharma Sales
Corporation`)."""
CARD_NOT_TARGET = r"(?i)\b(?:NEFT|RTGS|IMPS|UPI|CHQ|CLG|CLEARING|TRF|TRANSFER|INB|ECS|NACH)\b"
"""A credit that came another way than an acquirer's settlement: a customer's `NEFT CR-…-SHARMA
SALES CORPORATION-SETTLEMENT INV 45` says SETTLEMENT and is a receipt."""
FINACLE_TRANSFER = r"(?i)^\s*(?:BY|TO)\s+TRANSFER\s*-\s*"
"""How Finacle begins a transfer's narration (`BY TRANSFER-POS SETTLEMENT MID 72728857`, Central
Bank of India): the acquirer's credit as much as a customer's."""
MDR_WORDS = (
    r"(?i)\b(?:MDR|CARD\s+(?:CHARGES?|COMMISSION|FEES?)|MERCHANT\s+(?:DISCOUNT|FEES?|CHARGES?)|"
    r"DISCOUNT\s+ON\s+CARDS?|POS\s+CHARGES?|EDC\s+(?:CHARGES?|RENT(?:AL)?))\b"
)
"""The acquirer's fee the books take out of the bank ledger by a journal, said by its ledger or
its narration: `MDR Charges`, `Card Commission`, `Merchant Discount`, `Bank Charges` over `Being
MDR for October` (a `Bank Charges` entry of locker rent, a cheque return or a DD is no MDR)."""
OTHER_CHANNEL = (
    r"(?i)\b(?:CH|CHQ|CHEQ|CHEQUE|CHECK|CHK|DD|DRAFT|NEFT|RTGS|IMPS|CLG|CLEARING|TRANSFER|TRF)\b"
)
"""A receipt's narration that names another way the money came (`Being chq 451 received`,
`Ch. No. 123456`, `NEFT from …`): a cheque banked to `Sales A/c` is no day's UPI collections,
however that day's UPI credits add up."""
# fmt: off
LENDER_WORDS = frozenset((
    "ACH", "NACH", "ECS", "SI", "DR", "CR", "EMI", "EMIS", "LOAN", "LOANS", "LTD", "LIMITED",
    "FIN", "FINANCE", "FINANCIAL", "FINSERV", "CAPITAL", "BANK", "HOUSING", "HOME", "CAR",
    "AUTO", "TERM", "VEHICLE", "BUSINESS", "PERSONAL", "AC", "OF", "THE", "PVT", "PRIVATE",
    "SERVICES", "MANDATE", "DEBIT", "INSTALMENT", "INSTALLMENT", "INST", "PAYMENT", "PAY",
    "FOR", "TO", "BY", "NBFC", "CO", "COMPANY", "INTEREST", "PRINCIPAL", "REPAYMENT", "AND",
    "WITH", "CHQ", "LAN", "RECOVERY", "RECOVERED", "DEBITED", "MONTHLY", "UMRN", "REF", "TXN",
    "CHARGES", "CHARGE", "COST", "COSTS", "ACCRUED", "ACCRUAL", "BEING", "PART", "PAID", "DUE",
    "BOOKED", "MONTH", "QUARTER", "YEAR", "JAN", "FEB", "MAR", "APR", "JUN", "JUL", "AUG",
    "SEP", "SEPT", "OCT", "NOV", "DEC", "JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE",
    "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER",
))
# fmt: on
"""Words of an EMI's narration or a loan's ledger that name no lender (`ACH`, `LOAN`, `LTD`,
`FINANCE`): what is left names one (`BAJAJ`, `TATA`, `HDFC`)."""


SEVERAL_SETS = "Several sets add up"
"""The kind of suggestion where two or more sets of lines add up to one line: the user chooses
(here and in `xlbo.bank.match`, which puts a set's lines together among the suggestions)."""


def several_sets(doubted: Sequence[tuple[int, int]], why: str) -> pd.DataFrame:
    """The suggestions (b, l, kind, why) of SEVERAL_SETS for the (bank, ledger) pairs `doubted`,
    each once, in the order given; line numbers whole numbers however few."""
    pairs = list(dict.fromkeys(doubted))
    return pd.DataFrame(
        {
            "b": np.array([b for b, _ in pairs], dtype=np.int64),
            "l": np.array([g for _, g in pairs], dtype=np.int64),
            "kind": SEVERAL_SETS,
            "why": why,
        }
    )


@dataclass(frozen=True)
class Part:
    """A part a set of a kind may hold: the lines whose ledger (or narration) says `words`, and
    not `unless`, in the direction `into` (money into the account)."""

    name: str
    """How the reason names it (`principal`); "" names the line by its ledger."""
    words: str
    into: bool
    needed: bool = True
    """Whether every set of the kind holds one (principal and interest both); a kind of one
    part needs it, and at least two lines of it."""
    unless: str = ""
    with_note: bool = False
    """Whether `words` may be said by the line's narration row as well as its ledger (`Bank
    Charges` over `Being MDR for October`)."""


@dataclass(frozen=True)
class Kind:
    """One kind of split: its target's side, words and direction, and the parts that make it up
    (a line is the first part whose words it says)."""

    name: str
    target_is_bank: bool
    target_words: str
    into: bool
    parts: tuple[Part, ...]
    whole_day: bool = False
    """Every open part of the day, or nothing (a day's UPI credits): no subset is searched."""
    target_unless: str = ""
    target_wholly: str = ""
    """What the target's whole text must be, where it is more than its words (COLLECTION_ONLY)."""
    note_unless: str = ""
    """What a ledger target's narration must not say (OTHER_CHANNEL)."""
    lender: str = ""
    """The part whose ledger names the lender (the loan's principal); where the bank's line names
    one, no part's ledger may name another (`_lender_differs`)."""
    later: str = ""
    """The part the books may book on another day of the target's month, one line of it beside
    one line of the other part (`_spread`): an EMI's interest booked at the month's end, a card
    settlement's MDR by a journal when the acquirer's statement came."""
    later_share: int = 0
    """The most the later part may be of the other, in basis points (MDR_SHARE); 0: no bound."""


_DEBIT, _CREDIT = False, True
_TDS_PAYABLE = Part("", TDS_LEDGER, _DEBIT, unless=RECEIVABLE)
_GST_PAYABLE = Part("", GST_LEDGER, _DEBIT, unless=INPUT)
KINDS = (
    Kind(
        "EMI",
        True,
        EMI_WORDS,
        _DEBIT,
        (Part("interest", INTEREST_LEDGER, _DEBIT), Part("principal", LOAN_LEDGER, _DEBIT)),
        lender="principal",
        later="interest",
    ),
    Kind(
        "Card settlement",
        True,
        CARD_WORDS,
        _CREDIT,
        (
            Part("MDR", MDR_WORDS, _DEBIT, with_note=True),
            Part("card sales", CARD_SALES_LEDGER, _CREDIT),
        ),
        target_unless=CARD_NOT_TARGET,
        later="MDR",
        later_share=MDR_SHARE,
    ),
    Kind(
        "FD closure",
        True,
        FD_WORDS,
        _CREDIT,
        (
            Part("TDS", FD_TDS_LEDGER, _DEBIT, needed=False),
            Part("interest", INTEREST_LEDGER, _CREDIT),
            Part("principal", FD_LEDGER, _CREDIT),
        ),
    ),
    Kind("TDS challan", True, TDS_CHALLAN_WORDS, _DEBIT, (_TDS_PAYABLE,)),
    Kind("GST challan", True, GST_CHALLAN_WORDS, _DEBIT, (_GST_PAYABLE,)),
    Kind(
        "TDS paid in challans",
        False,
        TDS_LEDGER,
        _DEBIT,
        (Part("challan", TDS_CHALLAN_WORDS, _DEBIT),),
        target_unless=RECEIVABLE,
    ),
    Kind(
        "GST paid in challans",
        False,
        GST_LEDGER,
        _DEBIT,
        (Part("challan", GST_CHALLAN_WORDS, _DEBIT),),
        target_unless=INPUT,
    ),
    Kind(
        "Interest net of TDS",
        False,
        INTEREST_LEDGER,
        _CREDIT,
        (
            Part("TDS", BANK_TDS_WORDS, _DEBIT, unless=TAX_PAID_WORDS),
            Part("interest", BANK_INTEREST_WORDS, _CREDIT),
        ),
    ),
    Kind(
        "UPI collections",
        False,
        COLLECTION_LEDGER,
        _CREDIT,
        (Part("UPI credit", UPI_WORDS, _CREDIT),),
        whole_day=True,
        target_wholly=COLLECTION_ONLY,
        note_unless=OTHER_CHANNEL,
    ),
)
"""Every kind of split, each with its words (see above)."""


@dataclass(frozen=True)
class Split:
    """A set found: the bank lines and the ledger lines (one side's is a single line) and why."""

    bank: list[int]
    ledger: list[int]
    why: str
    rows: list[tuple[int, int]] | None = None
    """The (bank, ledger) rows of the Matches sheet, where not every line with every other."""


def _choices(size: int, whole: bool) -> np.ndarray:
    """Every set of MIN_PARTS–MAX_PARTS of `size` lines (only all of them, `whole`), a row of
    bits each."""
    if whole:
        return np.ones((1, size), dtype=np.int64)
    rows = (np.arange(1, 1 << size)[:, None] >> np.arange(size)) & 1
    count = rows.sum(axis=1)
    return np.asarray(rows[(count >= MIN_PARTS) & (count <= MAX_PARTS)], dtype=np.int64)


@dataclass(frozen=True)
class _Candidate:
    kind: Kind
    target: int
    parts: list[int]
    roles: list[int]


def _targets(
    kind: Kind, one: Side, other: Side, one_open: np.ndarray, other_open: np.ndarray, seen: Window
) -> np.ndarray:
    """The open lines of `one` that may be a set of `kind`'s target: its direction and words,
    and no open line of its own amount on the other side (`other_open`) in its window `seen`,
    or as far as a voucher booked late (LATE_BOOKING_DAYS): that is its line, or a doubt —
    Tata Capital's EMI of the 5th booked on the 12th, not Bajaj Finance's principal and interest
    of the 5th that add up."""
    one_signed = one.lines["signed"].to_numpy(dtype=np.int64)
    targets = np.flatnonzero(one_open & (one_signed != 0) & ((one_signed > 0) == kind.into))
    text = one.lines["text"].iloc[targets]
    says = contains_distinct(text, kind.target_words)
    if kind.target_unless:  # Finacle's `BY TRANSFER-` before every credit says no channel
        bare = text.fillna("").astype(str).str.replace(FINACLE_TRANSFER, "", regex=True)
        says &= ~contains_distinct(bare, kind.target_unless)
    if kind.target_wholly:
        says &= contains_distinct(text, kind.target_wholly)
    if kind.note_unless and "note" in one.lines.columns:
        # `Being UPI/IMPS collections of the day` names UPI too: still the day's collections
        note = one.lines["note"].iloc[targets]
        says &= ~(contains_distinct(note, kind.note_unless) & ~contains_distinct(note, UPI_WORDS))
    targets = targets[says]
    other_signed = other.lines["signed"].to_numpy(dtype=np.int64)
    lines = np.flatnonzero(other_open & (other_signed != 0))
    if not len(targets) or not len(lines):
        return np.zeros(0, dtype=np.int64)
    one_day = one.lines["day"].to_numpy(dtype=np.int64)
    other_day = other.lines["day"].to_numpy(dtype=np.int64)
    late = Window(min(seen.before, -LATE_BOOKING_DAYS), max(seen.after, LATE_BOOKING_DAYS))
    twins = band(
        one_signed[targets], one_day[targets], other_signed[lines], other_day[lines], late
    ).counts
    return np.asarray(targets[twins == 0], dtype=np.int64)


def _roles(kind: Kind, other: Side, other_open: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The open lines of `other` that are a part of `kind`, and each one's part: the first
    whose words it says, if it goes the part's way."""
    other_signed = other.lines["signed"].to_numpy(dtype=np.int64)
    lines = np.flatnonzero(other_open & (other_signed != 0))
    role = np.full(len(lines), -1, dtype=np.int64)
    claimed = np.zeros(len(lines), dtype=bool)
    text = other.lines["text"].iloc[lines]
    noted = with_notes(other).iloc[lines]
    for at, part in enumerate(kind.parts):
        says = ~claimed & contains_distinct(noted if part.with_note else text, part.words)
        if part.unless:
            says &= ~contains_distinct(text, part.unless)
        role[says & ((other_signed[lines] > 0) == part.into)] = at
        claimed |= says
    keep = role >= 0
    return np.asarray(lines[keep], dtype=np.int64), np.asarray(role[keep], dtype=np.int64)


def facing(
    target_is_bank: bool,
    bank: Side,
    ledger: Side,
    bank_open: np.ndarray,
    ledger_open: np.ndarray,
    window: Window,
) -> tuple[Side, Side, np.ndarray, np.ndarray, Window]:
    """The target's side and the parts' side (here and in `xlbo.bank.slips`), each with its open
    lines, and the window seen from the target (the target's day − a part's day)."""
    if target_is_bank:
        return bank, ledger, bank_open, ledger_open, window
    return ledger, bank, ledger_open, bank_open, window.mirrored


_Faced = tuple[Side, Side, Window, np.ndarray, np.ndarray, np.ndarray]
"""`_facing`'s answer, worked out once a kind for every search of it (`split_sets`)."""


def _facing(
    kind: Kind,
    bank: Side,
    ledger: Side,
    bank_open: np.ndarray,
    ledger_open: np.ndarray,
    window: Window,
) -> tuple[Side, Side, Window, np.ndarray, np.ndarray, np.ndarray]:
    """`facing`'s sides and window for `kind`, its targets (`_targets`), and the open lines of
    the other side that are parts of it with each one's part (`_roles`)."""
    one, other, one_open, other_open, seen = facing(
        kind.target_is_bank, bank, ledger, bank_open, ledger_open, window
    )
    lines, role = _roles(kind, other, other_open)
    return one, other, seen, _targets(kind, one, other, one_open, other_open, seen), lines, role


def _candidates(kind: Kind, faced: _Faced) -> list[_Candidate]:
    """Every (target, set) of `kind` that adds up, its set of one day, in the window."""
    one, other, seen, targets, lines, role = faced
    if not len(targets) or len(lines) < MIN_PARTS:
        return []
    one_signed = one.lines["signed"].to_numpy(dtype=np.int64)
    other_signed = other.lines["signed"].to_numpy(dtype=np.int64)
    one_day = one.lines["day"].to_numpy(dtype=np.int64)
    other_day = other.lines["day"].to_numpy(dtype=np.int64)
    # the parts' days, each a group
    order = np.lexsort((lines, other_day[lines]))
    lines, role = lines[order], role[order]
    day = other_day[lines]
    starts = np.flatnonzero(np.r_[True, day[1:] != day[:-1]])
    sizes = np.diff(np.r_[starts, len(day)])
    most = BATCH_PARTS - 1 if kind.whole_day else SPLIT_LINES
    needed = [at for at, part in enumerate(kind.parts) if part.needed]
    wanted = pd.DataFrame({"total": one_signed[targets], "target": targets})
    found = []
    for size in np.unique(sizes[(sizes >= MIN_PARTS) & (sizes <= most)]).tolist():
        groups = starts[sizes == size]
        places = groups[:, None] + np.arange(size)  # a group a row
        chosen = _choices(size, kind.whole_day)
        total = other_signed[lines[places]] @ chosen.T  # a group a row, a set a column
        fits = np.ones(total.shape, dtype=bool)
        for at in needed:
            fits &= ((role[places] == at).astype(np.int64) @ chosen.T) > 0
        group, pick = np.nonzero(fits)
        sets = pd.DataFrame({"total": total[group, pick], "group": group, "pick": pick})
        joined = sets.merge(wanted, on="total")
        at_group = joined["group"].to_numpy(dtype=np.int64)
        target = joined["target"].to_numpy(dtype=np.int64)
        gap = one_day[target] - day[groups[at_group]]
        close = seen.holds(gap)
        for line, row, bits in zip(
            target[close].tolist(),
            at_group[close].tolist(),
            joined["pick"].to_numpy(dtype=np.int64)[close].tolist(),
            strict=True,
        ):
            mine = places[row][chosen[bits].astype(bool)]
            found.append(_Candidate(kind, line, lines[mine].tolist(), role[mine].tolist()))
    return found


def _month(days: np.ndarray) -> np.ndarray:
    """The month of each day number (days since 1970), as months since January 1970."""
    return np.asarray(days.astype("datetime64[D]").astype("datetime64[M]"), dtype=np.int64)


def _spread(kind: Kind, faced: _Faced) -> list[_Candidate]:
    """Every (target, set) of `kind` whose `later` part the books booked on another day of the
    target's month than its other part: one line of each, that one in the target's window (the
    EMI's principal paid on the 5th, its interest booked on the 30th; card sales received on
    the 3rd, the acquirer's MDR journalled on the 28th). Joined on amount: for each target and
    each later line of its month, the other part's amount, looked up in the window. A month of
    more than SPREAD_LINES later lines (a journal a day) is not searched."""
    one, other, seen, targets, lines, role = faced
    later = next(at for at, part in enumerate(kind.parts) if part.name == kind.later)
    laters, mains = lines[role == later], lines[role != later]
    if not len(targets) or not len(laters) or not len(mains):
        return []
    one_signed = one.lines["signed"].to_numpy(dtype=np.int64)
    other_signed = other.lines["signed"].to_numpy(dtype=np.int64)
    one_day = one.lines["day"].to_numpy(dtype=np.int64)
    other_day = other.lines["day"].to_numpy(dtype=np.int64)
    month = pd.DataFrame({"later": laters, "month": _month(other_day[laters])})
    crowded = month["month"].map(month["month"].value_counts()) > SPREAD_LINES
    pairs = pd.DataFrame({"target": targets, "month": _month(one_day[targets])}).merge(
        month[~crowded], on="month"
    )
    target = pairs["target"].to_numpy(dtype=np.int64)
    later_line = pairs["later"].to_numpy(dtype=np.int64)
    wanted = pd.DataFrame(
        {
            "amount": one_signed[target] - other_signed[later_line],
            "target": target,
            "later": later_line,
        }
    )
    joined = wanted.merge(
        pd.DataFrame({"amount": other_signed[mains], "main": mains, "role": role[role != later]}),
        on="amount",
    )
    target = joined["target"].to_numpy(dtype=np.int64)
    main = joined["main"].to_numpy(dtype=np.int64)
    later_line = joined["later"].to_numpy(dtype=np.int64)
    keep = seen.holds(one_day[target] - other_day[main]) & (
        other_day[later_line] != other_day[main]  # one day's set is `_candidates`'
    )
    return _two_parts(kind, later, target[keep], main[keep], later_line[keep], joined["role"][keep])


def _two_parts(
    kind: Kind,
    later: int,
    target: np.ndarray,
    main: np.ndarray,
    later_line: np.ndarray,
    role: pd.Series,
) -> list[_Candidate]:
    """A set of two lines for each target: its `main` part's line, of `role`, and its `later`
    part's."""
    return [
        _Candidate(kind, t, [m, lt], [r, later])
        for t, m, lt, r in zip(
            target.tolist(),
            main.tolist(),
            later_line.tolist(),
            role.to_numpy(dtype=np.int64).tolist(),
            strict=True,
        )
    ]


def _crowded(kind: Kind, faced: _Faced) -> list[_Candidate]:
    """Every (target, set) of `kind` of two lines, one of its `later` part and one of the
    other, of a day with more lines of it than `_candidates` searches (SPLIT_LINES): six
    terminals' card sales and six MDR journals of one day, each settlement its own terminal's
    pair. Joined on amount: every pair of the day that adds up to a target in its window (at
    most CROWDED_PAIRS pairs, else none)."""
    if not kind.later or kind.whole_day:
        return []
    one, other, seen, targets, lines, role = faced
    if not len(targets) or not len(lines):
        return []
    other_day = other.lines["day"].to_numpy(dtype=np.int64)
    days, counts = np.unique(other_day[lines], return_counts=True)
    busy = np.isin(other_day[lines], days[counts > SPLIT_LINES])
    lines, role = lines[busy], role[busy]
    later = next(at for at, part in enumerate(kind.parts) if part.name == kind.later)
    laters, mains = lines[role == later], lines[role != later]
    if not len(laters) or not len(mains):
        return []
    other_signed = other.lines["signed"].to_numpy(dtype=np.int64)
    one_signed = one.lines["signed"].to_numpy(dtype=np.int64)
    mains_of = pd.DataFrame({"main": mains, "day": other_day[mains], "role": role[role != later]})
    laters_of = pd.DataFrame(
        {"later": laters, "day": other_day[laters], "amount": other_signed[laters]}
    )
    # a terminal's number on both sides (`POS SETTLEMENT MID 72728857`, `Card sales … MID
    # 72728857`) pairs a settlement with its own card sales: the MDR is then the difference
    mid_one = extract(with_notes(one).iloc[targets], TERMINAL)
    mid_other = extract(with_notes(other).iloc[mains], TERMINAL)
    by_terminal = pd.DataFrame({"target": targets, "mid": mid_one.to_numpy(dtype=object)}).merge(
        mains_of.assign(mid=mid_other.to_numpy(dtype=object)), on="mid"
    )
    by_terminal = by_terminal[by_terminal["mid"] != ""]
    found = []
    if len(by_terminal):
        by_terminal["amount"] = (
            one_signed[by_terminal["target"].to_numpy(dtype=np.int64)]
            - other_signed[by_terminal["main"].to_numpy(dtype=np.int64)]
        )
        found.append(by_terminal.merge(laters_of, on=["day", "amount"]))
    # the settlements and sales no terminal's number joined: every pair of the day, by totals
    targets = targets[~np.isin(targets, by_terminal["target"].to_numpy(dtype=np.int64))]
    mains_of = mains_of[~mains_of["main"].isin(by_terminal["main"])]
    pairs = mains_of.merge(laters_of[["later", "day"]], on="day")
    if len(targets) and len(pairs) <= CROWDED_PAIRS:
        main = pairs["main"].to_numpy(dtype=np.int64)
        later_line = pairs["later"].to_numpy(dtype=np.int64)
        pairs["amount"] = other_signed[main] + other_signed[later_line]
        found.append(pairs.merge(pd.DataFrame({"amount": one_signed[targets], "target": targets})))
    if not found:
        return []
    joined = pd.concat(found, ignore_index=True)
    target = joined["target"].to_numpy(dtype=np.int64)
    one_day = one.lines["day"].to_numpy(dtype=np.int64)
    keep = seen.holds(one_day[target] - joined["day"].to_numpy(dtype=np.int64))
    return _two_parts(
        kind,
        later,
        target[keep],
        joined["main"].to_numpy(dtype=np.int64)[keep],
        joined["later"].to_numpy(dtype=np.int64)[keep],
        joined["role"][keep],
    )


def card_month(
    bank: Side,
    ledger: Side,
    window: Window,
    rejected: frozenset[tuple[int, int]],
    bank_open: np.ndarray,
    ledger_open: np.ndarray,
) -> list[Split]:
    """A month's card settlements against the month's one MDR journal: each open settlement
    paired with the open card sales of its own terminal (the MID on both sides, TERMINAL) in its
    window, short of them by no more than MDR_SHARE; where those shortfalls add up, to the
    paisa, to one open MDR journal of the month (the books took the acquirer's fees by one
    journal when its statement came), the settlements, their sales and the journal are one
    set. Each settlement and sale in one pair only; else the month is left."""
    bank_signed = bank.lines["signed"].to_numpy(dtype=np.int64)
    ledger_signed = ledger.lines["signed"].to_numpy(dtype=np.int64)
    # the books' side first, its particulars and narrations a few texts repeated
    sales = np.flatnonzero(ledger_open & (ledger_signed > 0))
    sales = sales[contains_distinct(ledger.lines["text"].iloc[sales], CARD_SALES_LEDGER)]
    journals = np.flatnonzero(ledger_open & (ledger_signed < 0))
    said = contains_distinct(ledger.lines["text"].iloc[journals], MDR_WORDS)
    if "note" in ledger.lines:
        said |= contains_distinct(ledger.lines["note"].iloc[journals], MDR_WORDS)
    journals = journals[said]
    if not len(sales) or not len(journals):
        return []
    targets = np.flatnonzero(bank_open & (bank_signed > 0))
    texts = bank.lines["text"].iloc[targets].fillna("").astype(str)
    targets = targets[
        contains_distinct(texts, CARD_WORDS)
        & ~contains_distinct(texts.str.replace(FINACLE_TRANSFER, "", regex=True), CARD_NOT_TARGET)
    ]
    if not len(targets):
        return []
    bank_text, ledger_text = with_notes(bank), with_notes(ledger)
    bank_day = bank.lines["day"].to_numpy(dtype=np.int64)
    ledger_day = ledger.lines["day"].to_numpy(dtype=np.int64)
    pairs = pd.DataFrame(
        {"target": targets, "mid": extract(bank_text.iloc[targets], TERMINAL).to_numpy()}
    ).merge(
        pd.DataFrame({"sale": sales, "mid": extract(ledger_text.iloc[sales], TERMINAL).to_numpy()}),
        on="mid",
    )
    pairs = pairs[pairs["mid"] != ""]
    target = pairs["target"].to_numpy(dtype=np.int64)
    sale = pairs["sale"].to_numpy(dtype=np.int64)
    fee = ledger_signed[sale] - bank_signed[target]
    fits = (
        window.holds(bank_day[target] - ledger_day[sale])
        & (fee > 0)
        & (fee * 10_000 <= MDR_SHARE * ledger_signed[sale])
    )
    pairs = pairs[fits].assign(
        fee=fee[fits],
        lag=(bank_day[target] - ledger_day[sale])[fits],
        month=_month(bank_day[target[fits]]),
    )
    if pairs.empty:
        return []
    # the day of the sales, where both sides write it (`EDC/SETTL/MID88384634/221026` and `Card
    # sales 22-10-2026 MID 88384634`), says which of a terminal's daily settlements is which
    bank_sold = _sales_day(bank_text.iloc[pairs["target"].to_numpy(dtype=np.int64)])
    books_sold = _sales_day(ledger_text.iloc[pairs["sale"].to_numpy(dtype=np.int64)])
    pairs = pairs.assign(dated=(bank_sold >= 0) & (bank_sold == books_sold))
    # a settlement whose fee the books took by a journal of its own, that day: no part of the
    # month's journal
    found, pairs, journals = _own_journals(pairs, journals, ledger_signed, ledger_day, rejected)
    journal_month = _month(ledger_day[journals])
    for month, of_month in pairs.groupby("month"):
        totals = Counter((-ledger_signed[journals[journal_month == month]]).tolist())
        group = _card_pairs(
            of_month, window, {total for total, count in totals.items() if count == 1}
        )
        if len(group) < MIN_PARTS:
            continue
        total = int(group["fee"].sum())
        mine = journals[(journal_month == month) & (-ledger_signed[journals] == total)]
        settled = group["target"].tolist()
        books = [*group["sale"].tolist(), int(mine[0])]
        rows = [
            row
            for b, g in zip(settled, group["sale"].tolist(), strict=True)
            for row in ((b, g), (b, int(mine[0])))
        ]
        if any((b, g) in rejected for b in settled for g in books):
            continue
        found.append(
            Split(
                settled,
                books,
                f"Card settlements of the month: {len(settled)} settlements, each its own "
                f"terminal's card sales (the MID on both sides), "
                f"{format_inr(from_paise(int(ledger_signed[group['sale']].sum())))} less the "
                f"month's MDR journal of {format_inr(from_paise(total))}, to the paisa",
                rows,
            )
        )
    return found


def _own_journals(
    pairs: pd.DataFrame,
    journals: np.ndarray,
    ledger_signed: np.ndarray,
    ledger_day: np.ndarray,
    rejected: frozenset[tuple[int, int]],
) -> tuple[list[Split], pd.DataFrame, np.ndarray]:
    """The settlements each with its own terminal's sales (`pairs`: target, sale, fee, dated)
    whose fee an open MDR journal of the sales' day holds to the paisa (the books took a
    journal for each settlement): where the settlement's sales are its own by the day both
    sides write (`dated`) or are its one pair, each is a set of its own: a day's settlements of
    one fee and its journals of that fee first with first, in the order of the settlements (two
    fees of 89.21 on the 5th and one journal of 89.21 that day: the first takes it, the other's
    fee is left for the month's journal; which is which nothing tells, and the month's total is
    the same either way). Returns the sets, the pairs left and the journals left."""
    sure = _one_each(pairs[pairs["dated"] | ~pairs["target"].duplicated(keep=False)])
    if sure.empty or not len(journals):
        return [], pairs, journals
    wanted = sure.assign(day=ledger_day[sure["sale"].to_numpy(dtype=np.int64)])
    own = pd.DataFrame(
        {"journal": journals, "fee": -ledger_signed[journals], "day": ledger_day[journals]}
    )
    keys = ["fee", "day"]
    wanted = wanted.assign(rank=wanted.sort_values("target").groupby(keys).cumcount())
    own = own.assign(rank=own.groupby(keys).cumcount())
    joined = wanted.merge(own, on=[*keys, "rank"])
    found = []
    for target, sale, journal in joined[["target", "sale", "journal"]].itertuples(index=False):
        if (target, sale) in rejected or (target, journal) in rejected:
            continue
        found.append(
            Split(
                [int(target)],
                [int(sale), int(journal)],
                "Card settlement: its own terminal's card sales (the MID on both sides) less the "
                "MDR journal of that day for its fee, to the paisa",
            )
        )
    taken = [split.bank[0] for split in found]
    sold = [split.ledger[0] for split in found]
    used = [split.ledger[1] for split in found]
    return (
        found,
        pairs[~pairs["target"].isin(taken) & ~pairs["sale"].isin(sold)],
        journals[~np.isin(journals, used)],
    )


def _one_each(pairs: pd.DataFrame) -> pd.DataFrame:
    """The pairs whose settlement and sales are in no other pair."""
    return pairs[~pairs["target"].duplicated(keep=False) & ~pairs["sale"].duplicated(keep=False)]


def _card_pairs(pairs: pd.DataFrame, window: Window, journals_total: set[int]) -> pd.DataFrame:
    """A month's settlements each with its one card sale, their fees adding up to one of
    `journals_total` (an open MDR journal of the month; an empty frame where none ties). The
    pairs whose sales day both sides write (`dated`) are taken first; a settlement left is its
    sale's by the window where that is the only one of its terminal, else by one lag for all
    (the books took each day's card sales the day it was sold, or the day it was settled): the
    first lag, the nearest first, whose fees tie, or tie but for one pair's fee alone (Central
    Bank seed 2 at 10,000 lines: 120 pairs, one of them 339.00 over the journal)."""
    sure = _one_each(pairs[pairs["dated"]])
    rest = pairs[~pairs["target"].isin(sure["target"]) & ~pairs["sale"].isin(sure["sale"])]
    lags = sorted(range(window.before, window.after + 1), key=abs)
    for each in [rest, *(rest[rest["lag"] == lag] for lag in lags)]:
        group = pd.concat([sure, _one_each(each)])
        total = int(group["fee"].sum())
        if total in journals_total:
            return group
        # all but one: a settlement whose fee the journal does not hold (its MDR booked by
        # a journal of its own, or not yet), its fee alone the difference
        fees = group["fee"].to_numpy(dtype=np.int64)
        for journal in journals_total:
            over = np.flatnonzero(fees == total - journal)
            if len(over) == 1:
                return group.iloc[np.flatnonzero(np.arange(len(group)) != over[0])]
    return pairs.iloc[:0]


def _sales_day(texts: pd.Series) -> np.ndarray:
    """The day (days since 1970) of the card sales a text writes, -1 where none: a settlement's
    after its terminal's number (`EDC/SETTL/MID88384634/221026`, `POS SETTLEMENT MID 72728857
    201026`, `POS SETTL:24388350:06102026`), the books' wherever (`Card sales 22-10-2026 MID
    88384634`, `Card sales 22/10/26`)."""
    settled = pd.Series(extract(texts, SALES_DAY_SETTLED).to_numpy(dtype=object), dtype=str)
    written = pd.Series(extract(texts, SALES_DAY_WRITTEN).to_numpy(dtype=object), dtype=str)
    parts = written.str.extract(r"^(\d+)\D(\d+)\D(\d+)$")
    by_digits = settled != ""
    parts[0] = parts[0].mask(by_digits, settled.str[:2])
    parts[1] = parts[1].mask(by_digits, settled.str[2:4])
    parts[2] = parts[2].mask(by_digits, settled.str[4:])
    year = pd.to_numeric(parts[2], errors="coerce")
    dates = pd.to_datetime(
        pd.DataFrame(
            {
                "year": year.where(year >= 100, year + 2000),
                "month": pd.to_numeric(parts[1], errors="coerce"),
                "day": pd.to_numeric(parts[0], errors="coerce"),
            }
        ),
        errors="coerce",  # `32-13-26`: no day
    )
    days = dates.to_numpy(dtype="datetime64[D]").astype(np.int64)
    return np.where(dates.isna().to_numpy(), -1, days)


SALES_DAY_SETTLED = (
    r"(?i)(?:\bMID|\bPOS\s+SETTL(?:EMENT)?)\s*[:/#-]?\s*(?:MID\s*[:/#-]?\s*)?[0-9]{6,15}"
    r"(?:\s+|\s*[/:-]\s*)(?P<found>[0-9]{6}(?:[0-9]{2})?)\b"
)
"""The day of the sales an acquirer's settlement writes after the terminal's number, DDMMYY or
DDMMYYYY (TERMINAL)."""
SALES_DAY_WRITTEN = r"(?P<found>\b[0-9]{1,2}[-/.][0-9]{1,2}[-/.](?:[0-9]{4}|[0-9]{2})\b)"
"""A day written in the books' card sales, day first (`Card sales 22-10-2026`)."""


CROWDED_PAIRS = 100_000
"""Pairs of a crowded day's lines (`_crowded`) at most that are joined on their totals."""
TERMINAL = (
    r"(?i)(?:\bMID|\bPOS\s+SETTL(?:EMENT)?)\s*[:/#-]?\s*(?:MID\s*[:/#-]?\s*)?"
    r"(?P<found>[0-9]{6,15})\b"
)
"""A card terminal's merchant ID as the acquirer's settlement and the books' card sales write it
(`POS SETTLEMENT MID 72728857 201026`, `EDC/SETTL/MID88384634/221026`, Central Bank's `BY
TRANSFER-POS SETTLEMENT 79663253`, PNB's `POS SETTL:24388350:06102026`, `Card sales 20-10-2026
MID 72728857`)."""


def _words(text: str) -> list[str]:
    """A text's words of letters only, three or more, upper case (`ACH/BAJAJ FINANCE LTD/EMI 12
    of 36`: ACH, BAJAJ, FINANCE, LTD, EMI)."""
    return [w for w in re.split(r"[^A-Z0-9]+", text.upper()) if len(w) >= 3 and w.isalpha()]


def _initials(text: str, skipping: frozenset[str] = frozenset()) -> str:
    """The first letters of a text's words, upper case, but of the words `skipping` (`State
    Bank of India`: SBI, skipping OF)."""
    return "".join(w[0] for w in re.split(r"[^A-Z]+", text.upper()) if w and w not in skipping)


def _another_lender(bank_text: str, loan: str) -> bool:
    """Whether an EMI's narration names a lender and the loan's ledger is not it: no word of the
    ledger's that names a lender is in the narration (`BAJAJ` in `ACH/BAJAJFIN/EMI`), nor is
    a word of the narration the ledger's initials (`BFL`, Bajaj Finance Ltd). `NACH DR-TATA
    CAPITAL-…` is not `Bajaj Finance Ltd. (Loan A/c)`'s EMI; `LOAN EMI 1234567` names no one."""
    named = [w for w in _words(bank_text) if w not in LENDER_WORDS]
    if not named:
        return False
    squashed = re.sub(r"[^A-Z]", "", bank_text.upper())
    words = _words(loan)
    own = [w for w in words if w not in LENDER_WORDS]
    if not own:  # `Term Loan A/c`, `Car Loan`: the ledger names no lender to differ
        return False
    initials = _initials(loan, skipping=frozenset({"OF", "THE", "AND"}))
    # the narration's own initials (`ADITYA BIRLA FINANCE` → …ABF…) may be the ledger's word
    # (`ABFL Business Loan`), a closing L (Ltd) aside
    spelt = _initials(bank_text)
    return (
        not any(w in squashed for w in own)
        and not any(len(w) >= 3 and initials.startswith(w) for w in named)
        and not any(
            w in spelt or (len(w) >= 4 and w.endswith("L") and w[:-1] in spelt) for w in own
        )
    )


def _why(found: _Candidate, bank: Side, ledger: Side) -> str:
    """What the set is, in an accountant's words: `EMI: principal 14,210.00 + interest 4,330.00
    on the same day; the bank says EMI`."""
    kind = found.kind
    one, other = (bank, ledger) if kind.target_is_bank else (ledger, bank)
    into = bool(one.lines["signed"].to_numpy(dtype=np.int64)[found.target] > 0)
    other_signed = other.lines["signed"].to_numpy(dtype=np.int64)
    # the parts that go the target's way first, the largest first (principal, then interest,
    # then the TDS kept)
    parts = sorted(
        zip(found.parts, found.roles, strict=True),
        key=lambda part: ((other_signed[part[0]] > 0) != into, -abs(int(other_signed[part[0]]))),
    )
    terms = []
    for number, (line, at) in enumerate(parts):
        amount = int(other_signed[line])
        name = "" if kind.whole_day else kind.parts[at].name or str(other.lines["text"].iat[line])
        sign = ("" if number == 0 else " + ") if (amount > 0) == into else " − "
        terms.append(f"{sign}{name} {format_inr(from_paise(abs(amount)))}".replace("  ", " "))
    said = re.search(kind.target_words, str(one.lines["text"].iat[found.target]))
    word = said.group(0) if said else kind.name
    if kind.whole_day:
        return (
            f"{kind.name}: every open UPI credit of one day, {len(found.parts)} of them, "
            f"adds up to this receipt to the paisa ({''.join(terms).strip()}); the ledger is `{word}`"
        )
    whose = "the bank says" if kind.target_is_bank else "the ledger says"
    days = other.lines["day"].to_numpy(dtype=np.int64)[found.parts]
    when = " on the same day"
    if days.min() != days.max():  # `_spread`'s: the later part booked on a day of its own
        at = next(i for i, r in enumerate(found.roles) if kind.parts[r].name == kind.later)
        booked = np.datetime64(int(days[at]), "D").astype(object)
        when = f", the {kind.later} booked on {booked:%d-%m-%Y}"
    return f"{kind.name}: {''.join(terms)}{when}; {whose} {word}"


def _lender_differs(candidate: _Candidate, bank: Side, ledger: Side) -> bool:
    """Whether the bank's EMI names another lender than the loan ledger of the set, or than its
    interest ledger (`Interest on Tata Capital Loan` is no part of Bajaj Finance's EMI): see
    `_another_lender`."""
    kind = candidate.kind
    if not kind.lender or not kind.target_is_bank:
        return False
    narration = str(bank.lines["text"].iat[candidate.target])
    named = [str(ledger.lines["text"].iat[line]) for line in candidate.parts]
    return any(_another_lender(narration, text) for text in named)


def _later_doubtful(candidate: _Candidate, bank: Side, ledger: Side) -> bool:
    """Whether a set's later part says it is something else: of more than the kind's share of
    the other part (a 9,000.00 charge is no MDR on 50,000.00 of sales), or, booked on another
    day (`_spread`), a narration that names a cheque, a draft or a transfer (`Ch. No. 000456
    interest on unsecured loan from Ramesh Shah`) or another lender than the bank's line
    (`interest on Tata Capital term loan` beside Bajaj Finance's EMI)."""
    kind = candidate.kind
    if not kind.later:
        return False
    other = ledger if kind.target_is_bank else bank
    signed = other.lines["signed"].to_numpy(dtype=np.int64)
    later = [
        line
        for line, role in zip(candidate.parts, candidate.roles, strict=True)
        if kind.parts[role].name == kind.later
    ]
    rest = [line for line in candidate.parts if line not in later]
    if (
        kind.later_share
        and np.abs(signed[later]).sum() * 10_000 > kind.later_share * np.abs(signed[rest]).sum()
    ):
        return True
    days = other.lines["day"].to_numpy(dtype=np.int64)[candidate.parts]
    if days.min() == days.max() or "note" not in other.lines:
        return False
    notes = other.lines["note"].iloc[later].fillna("").astype(str)
    if contains_distinct(notes, OTHER_CHANNEL).any():
        return True
    narration = str((bank if kind.target_is_bank else ledger).lines["text"].iat[candidate.target])
    return bool(kind.lender) and any(_another_lender(narration, note) for note in notes)


class _Twins:
    """Each line's class among the candidates' lines: lines that cannot be told apart — the
    parts' side, the same day, amount, ledger and narration (`Interest on Loan` 3,432 on the
    30th, twice) — are one class; every other line (each target) is a class of its own."""

    def __init__(self, found: list[_Candidate], bank: Side, ledger: Side) -> None:
        sides = {True: bank.lines, False: ledger.lines}
        targets = {(c.kind.target_is_bank, c.target) for c in found}
        alike: dict[tuple[bool, int, int, str], list[int]] = {}
        for candidate in found:
            is_bank = not candidate.kind.target_is_bank
            side = sides[is_bank]
            signed = side["signed"].to_numpy(dtype=np.int64)
            day = side["day"].to_numpy(dtype=np.int64)
            for line in candidate.parts:
                if (is_bank, line) in targets:
                    continue
                note = str(side["note"].iat[line]) if "note" in side.columns else ""
                key = (
                    is_bank,
                    int(signed[line]),
                    int(day[line]),
                    f"{side['text'].iat[line]}\n{note}",
                )
                if line not in alike.setdefault(key, []):
                    alike[key].append(line)
        self._class: dict[tuple[bool, int], int] = {}
        self.members: dict[int, list[int]] = {}
        for (is_bank, *_), rows in alike.items():
            if len(rows) > 1:
                number = len(self.members)
                self.members[number] = sorted(rows)
                self._class.update({(is_bank, line): number for line in rows})

    def of(self, is_bank: bool, line: int) -> int:
        """The line's class: a number, the same for twins."""
        if (is_bank, line) not in self._class:
            number = len(self.members)
            self.members[number] = [line]
            self._class[(is_bank, line)] = number
        return self._class[(is_bank, line)]


def _deal(
    twins: list[int], target: int, target_is_bank: bool, rejected: frozenset[tuple[int, int]]
) -> int:
    """The first of `twins` (a class's lines left) that the user did not reject with `target`,
    taken from them; the first where the user rejected all."""
    pairs = [(target, line) if target_is_bank else (line, target) for line in twins]
    at = next((n for n, pair in enumerate(pairs) if pair not in rejected), 0)
    return twins.pop(at)


def split_sets(
    bank: Side,
    ledger: Side,
    window: Window,
    rejected: frozenset[tuple[int, int]],
    bank_open: np.ndarray | None = None,
    ledger_open: np.ndarray | None = None,
) -> tuple[list[Split], pd.DataFrame]:
    """The splits to take (each line in one set only) and the suggestions (b, l, kind, why) for
    the lines in two sets or more."""
    bank_open = np.ones(len(bank), dtype=bool) if bank_open is None else bank_open
    ledger_open = np.ones(len(ledger), dtype=bool) if ledger_open is None else ledger_open
    found: list[_Candidate] = []
    for kind in KINDS:
        faced = _facing(kind, bank, ledger, bank_open, ledger_open, window)
        found += _candidates(kind, faced)
        if kind.later:
            found += _spread(kind, faced) + _crowded(kind, faced)
    sides, seen = [], set()
    twins = _Twins(found, bank, ledger)
    for candidate in found:
        # one set of two kinds (`GST TDS Payable`) is one set, and so are two sets that differ
        # only by lines that cannot be told apart (two `Interest on Loan` journals of 3,432 on
        # the 30th): either line serves, as among identical book lines
        parts_side = not candidate.kind.target_is_bank
        one_set = (
            candidate.kind.target_is_bank,
            candidate.target,
            tuple(sorted(twins.of(parts_side, line) for line in candidate.parts)),
        )
        b, g = (
            ([candidate.target], candidate.parts)
            if candidate.kind.target_is_bank
            else (candidate.parts, [candidate.target])
        )
        if any((x, y) in rejected for x in b for y in g):  # before its twin's set is one
            continue
        if one_set in seen:
            continue
        seen.add(one_set)
        if _lender_differs(candidate, bank, ledger) or _later_doubtful(candidate, bank, ledger):
            continue
        sides.append((candidate, b, g))
    # a line in two sets belongs to neither (two sets of one target, two targets of one set),
    # unless it has a twin for each: two EMIs each with an interest journal of 3,432 that day
    classes = [
        [
            twins.of(candidate.kind.target_is_bank, candidate.target),
            *(twins.of(not candidate.kind.target_is_bank, line) for line in candidate.parts),
        ]
        for candidate, _, _ in sides
    ]
    uses = Counter(number for numbers in classes for number in numbers)
    left = {number: list(lines) for number, lines in twins.members.items()}
    taken, doubted = [], []
    for (candidate, b, g), numbers in zip(sides, classes, strict=True):
        if all(uses[number] <= len(twins.members[number]) for number in numbers):
            parts = [  # twins in row order, none the user rejected with this target
                _deal(left[number], candidate.target, candidate.kind.target_is_bank, rejected)
                for number in numbers[1:]
            ]
            found_set = replace(candidate, parts=parts)
            b, g = (b, parts) if candidate.kind.target_is_bank else (parts, g)
            taken.append(Split(b, g, _why(found_set, bank, ledger)))
        else:
            doubted += [(x, y) for x in b for y in g]
    suggestions = several_sets(
        doubted,
        "more than one split across ledgers (an EMI, a challan, a day's collections) adds up to "
        "the other line, or shares a line with another (this is one of them): choose",
    )
    return taken, suggestions
