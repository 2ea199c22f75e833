"""Which bank and account a statement or a ledger is of, as its title, sheet or file name says
it. A bank is known by its IFSC prefix (the first four letters of every branch's IFSC), so
that `HDFC BANK Ltd.` on a statement, `IFSC : HDFC0000123` in its heading and a ledger sheet
named `HDFC` or titled `HDFC Bank Current A/c` are one bank, and `State Bank of India` is never
`Bank of India`.

Where a workbook holds several banks' ledgers, a sheet each, and neither the statement nor the
sheets give an account number (or two give the same last digits), the bank tells them apart.
Account numbers are compared as printed, masked digits and all (`account_mask`,
`same_account`).

>>> bank_named("HDFC BANK Ltd."), bank_named("IFSC Code : SBIN0004567"), bank_named("ICICI A/c")
('HDFC', 'SBIN', 'ICIC')
>>> bank_named("State Bank of India"), bank_named("Bank of India - CC A/c"), bank_named("Rent")
('SBIN', 'BKID', '')
>>> bank_name("UTIB")
'Axis Bank'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from xlbo.ids import IdKind
from xlbo.ids.bulk import PATTERNS

BANKS: dict[str, tuple[str, str]] = {
    # IFSC prefix: (the bank's name as the Issues sheet writes it, what a title calls it)
    "HDFC": ("HDFC Bank", r"hdfc"),
    "ICIC": ("ICICI Bank", r"icici"),
    "SBIN": ("State Bank of India", r"state\s+bank\s+of\s+india|sbi"),
    "UTIB": ("Axis Bank", r"axis(?:\s+bank)?"),
    "KKBK": ("Kotak Mahindra Bank", r"kotak"),
    "PUNB": ("Punjab National Bank", r"punjab\s+national(?:\s+bank)?|pnb"),
    "BARB": ("Bank of Baroda", r"bank\s+of\s+baroda|bob"),
    "CNRB": ("Canara Bank", r"canara(?:\s+bank)?"),
    "UBIN": ("Union Bank of India", r"union\s+bank(?:\s+of\s+india)?|ubi"),
    "BKID": (
        "Bank of India",
        r"(?<!state\s)(?<!central\s)(?<!union\s)(?<!reserve\s)(?<!development\s)"
        r"bank\s+of\s+india|boi",
    ),
    "IBKL": ("IDBI Bank", r"idbi(?:\s+bank)?|industrial\s+development\s+bank\s+of\s+india"),
    "CBIN": ("Central Bank of India", r"central\s+bank(?:\s+of\s+india)?|cbi"),
    "IDIB": ("Indian Bank", r"(?<!south\s)indian\s+bank"),
    "IOBA": ("Indian Overseas Bank", r"indian\s+overseas(?:\s+bank)?|iob"),
    "UCBA": ("UCO Bank", r"uco(?:\s+bank)?"),
    "MAHB": ("Bank of Maharashtra", r"bank\s+of\s+maharashtra"),
    "PSIB": ("Punjab & Sind Bank", r"punjab\s+(?:&|and)\s+sind(?:\s+bank)?"),
    "INDB": ("IndusInd Bank", r"indusind"),
    "FDRL": ("Federal Bank", r"federal\s+bank"),
    "YESB": ("Yes Bank", r"yes\s+bank"),
    "IDFB": ("IDFC First Bank", r"idfc"),
    "RATN": ("RBL Bank", r"rbl(?:\s+bank)?|ratnakar"),
    "BDBL": ("Bandhan Bank", r"bandhan"),
    "SIBL": ("South Indian Bank", r"south\s+indian\s+bank"),
    "KVBL": ("Karur Vysya Bank", r"karur\s+vysya|kvb"),
    "CIUB": ("City Union Bank", r"city\s+union(?:\s+bank)?"),
    "KARB": ("Karnataka Bank", r"karnataka\s+bank"),
    "TMBL": ("Tamilnad Mercantile Bank", r"tamilnad\s+mercantile|tmb"),
    "JAKA": ("J&K Bank", r"j\s*&\s*k\s+bank|jammu\s+(?:&|and)\s+kashmir\s+bank"),
    "CSBK": ("CSB Bank", r"csb\s+bank|catholic\s+syrian"),
    "DLXB": ("Dhanlaxmi Bank", r"dhanlaxmi|dhanalakshmi"),
    "DCBL": ("DCB Bank", r"dcb(?:\s+bank)?"),
    "SRCB": ("Saraswat Bank", r"saraswat"),
    "AUBL": ("AU Small Finance Bank", r"au\s+small\s+finance|au\s+bank"),
    "UJVN": ("Ujjivan Small Finance Bank", r"ujjivan"),
    "ESFB": ("Equitas Small Finance Bank", r"equitas"),
    "HSBC": ("HSBC", r"hsbc"),
    "SCBL": ("Standard Chartered", r"standard\s+chartered|stanchart"),
    "CITI": ("Citibank", r"citi\s*bank|citi"),
    "DBSS": ("DBS Bank", r"dbs(?:\s+bank)?"),
}
"""The banks xlbo knows by name, by IFSC prefix. A bank not here is still known by an IFSC in
its statement's heading."""

_NAMES = re.compile(
    "|".join(rf"(?P<{code}>\b(?:{words})\b)" for code, (_, words) in BANKS.items()),
    re.IGNORECASE,
)
_IFSC = re.compile(rf"\b{PATTERNS[IdKind.IFSC]}\b")
"""A branch's IFSC (`xlbo.ids`' shape: four letters of the bank, a nought, six of the branch,
`HDFC0000123`); the bank is its first four letters."""


_OWN_WORDS = frozenset({"HDFC", "ICIC", "IDFB", "INDB", "IBKL"})
"""Banks whose short name is no word of anything else (HDFC, ICICI, IDFC, IndusInd, IDBI):
named so in a statement's heading they are its bank, where `SBI` may be an address's `OPP. SBI`
and `AXIS` a holder's firm."""


def bank_named(text: str, strict: bool = False) -> str:
    """The IFSC prefix of the bank `text` names (an IFSC in it first, then the first bank's
    name), or "" where it names none. `strict` (a statement's heading, whose address and
    holder's lines hold other words): only a name with the word Bank in it, or one of
    `_OWN_WORDS`."""
    if not text:
        return ""
    if code := ifsc_bank([text]):
        return code
    for found in _NAMES.finditer(text):
        code = found.lastgroup or ""
        if not strict or code in _OWN_WORDS or "bank" in found.group(0).lower():
            return code
    return ""


def ifsc_bank(texts: Sequence[str]) -> str:
    """The bank of the first IFSC in `texts`, or ""."""
    return next(
        (found.group(0)[:4] for text in texts if text and (found := _IFSC.search(text.upper()))),
        "",
    )


def bank_of(texts: Sequence[str], strict: bool = False) -> str:
    """The bank `texts` name, in order: an IFSC in any of them first (a heading's `IFSC :
    HDFC0000123` outranks a branch address that names another bank's ATM), else the first that
    names a bank by its name (`strict`: see `bank_named`); "" where none does."""
    return ifsc_bank(texts) or next(
        (code for text in texts if (code := bank_named(text, strict))), ""
    )


def bank_name(code: str) -> str:
    """The bank's name for its IFSC prefix (the prefix itself where it is not in BANKS)."""
    return BANKS.get(code, (code, ""))[0]


def account_mask(account: str) -> str:
    """An account number as printed, its digits kept and each masked digit (X, *) as `?`
    (`5020-0012-345678` → `50200012345678`, `5010XXXXXX8901` → `5010??????8901`)."""
    return "".join(ch if ch.isdigit() else "?" for ch in account if ch.isdigit() or ch in "Xx*")


def same_account(a: str, b: str) -> bool:
    """Whether two account numbers (`account_mask`) can be one: aligned on their last digit,
    no place where both show a digit holds two different digits (`XXXXXX8901` and
    `50100012348901` can; `5010??????8901` and `50100012348902` cannot)."""
    return all(x == y or "?" in (x, y) for x, y in zip(reversed(a), reversed(b), strict=False))


def account_number(account: str) -> str:
    """The account number a title or ledger's name gives (`account_mask`): eight places or
    more, four of its digits showing at least (`2026-27` in a ledger's name is a year); ""
    where it gives none."""
    runs = re.findall(r"[0-9Xx*][0-9Xx* -]{5,}[0-9Xx*]", account or "")
    mask = account_mask(max(runs, key=len)) if runs else ""
    return mask if len(mask) >= 8 and sum(c.isdigit() for c in mask) >= 4 else ""
