"""The bank ledger from Tally's XML exports (Export > XML), read without resolving entities.

Two exports carry a bank account's lines:

- **Day Book** (or any export of vouchers)::

      <ENVELOPE><BODY><IMPORTDATA><REQUESTDATA>
        <TALLYMESSAGE xmlns:UDF="TallyUDF">
          <VOUCHER VCHTYPE="Payment" ACTION="Create">
            <DATE>20261015</DATE>
            <VOUCHERTYPENAME>Payment</VOUCHERTYPENAME>
            <VOUCHERNUMBER>34</VOUCHERNUMBER>
            <PARTYLEDGERNAME>Balaji Traders</PARTYLEDGERNAME>
            <NARRATION>Being payment against bill 232</NARRATION>
            <ALLLEDGERENTRIES.LIST>
              <LEDGERNAME>Balaji Traders</LEDGERNAME>
              <ISDEEMEDPOSITIVE>Yes</ISDEEMEDPOSITIVE><AMOUNT>-118000.00</AMOUNT>
            </ALLLEDGERENTRIES.LIST>
            <ALLLEDGERENTRIES.LIST>
              <LEDGERNAME>HDFC Bank A/c</LEDGERNAME>
              <ISDEEMEDPOSITIVE>No</ISDEEMEDPOSITIVE><AMOUNT>118000.00</AMOUNT>
              <BANKALLOCATIONS.LIST>
                <TRANSACTIONTYPE>Cheque</TRANSACTIONTYPE>
                <INSTRUMENTNUMBER>000453</INSTRUMENTNUMBER> ...

  An AMOUNT below zero is a debit (ISDEEMEDPOSITIVE Yes); the entries of the bank ledger named
  by `--account` become its lines: a deposit is a debit to it, the other ledgers of the voucher
  are the particulars, the bank allocation's instrument number (else its UTR) the reference. A
  bank entry split into several bank allocations (two cheques on one voucher) gives a line for
  each, as the bank shows them. Cancelled and optional vouchers are not in the books.

- **Ledger Vouchers** (the bank ledger's report exported as XML): a flat run of
  `DSPVCHDATE`, `DSPVCHLEDACCOUNT` (the other ledger), `DSPVCHTYPE`, `DSPVCHDRAMT` (debits
  written negative), `DSPVCHCRAMT`, `DSPEXPLVCHNUMBER` (`(No. :34)`) and, with narrations shown,
  `VCHLEDNARREXPLOSION`/`DSPVCHNARR`, one run per voucher.

The Day Book is also read as the books (`day_book_xml`, for `xlbo import-tally DayBook.xml`):
every voucher's ledgers as Journal lines, as `xlbo.readers.tally_books` reads its Excel export.

Tally writes UTF-16 (with a byte-order mark) more often than UTF-8, and a character reference
`&#4;` (a control character XML does not allow) before its "Not Applicable" values; both are
handled. A file that declares a DOCTYPE or entities is refused, never expanded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree as SafeTree
import numpy as np
import pandas as pd

from xlbo.bank.lines import Lines
from xlbo.book.files import decode_text
from xlbo.columns import contains, date_column, has_date, paise_column, strings
from xlbo.dates import far_date_said
from xlbo.errors import FileProblem, SheetProblem
from xlbo.issues import Issue, Severity
from xlbo.money import format_inr, from_paise
from xlbo.readers.ledger import (
    _AS_PER_DETAILS,
    LAYOUT_LABELS,
    LEDGER_COLUMNS,
    bank_accounts,
    not_a_bank_account,
    unknown_account,
)
from xlbo.readers.ledger_sections import account_key
from xlbo.readers.line_issues import LEFT_OUT
from xlbo.readers.tally_books import accounts, exact_sums, voucher_label, voucher_numbers
from xlbo.readers.tally_marks import (
    ORDERS,
    cancelled_rows,
    outside_books,
    outside_books_hint,
    outside_books_problem,
)

DAY_BOOK = "Day Book"
LEDGER_VOUCHERS = "Ledger Vouchers"
_ENTRY_LISTS = ("ALLLEDGERENTRIES.LIST", "LEDGERENTRIES.LIST")
_NARRATION_TAGS = frozenset({"VCHLEDNARREXPLOSION", "DSPVCHNARR", "DSPVCHNARRATION"})
_NUMBER_TAGS = frozenset({"DSPEXPLVCHNUMBER", "DSPVCHNUMBER", "DSPVCHNO", "DSPVCHREF"})
_CHARACTER_REFERENCE = re.compile(r"&#(x[0-9A-Fa-f]+|[0-9]+);")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


MAX_XML_MB = 400
"""Megabytes of a Tally XML export read: the file is parsed whole, and its elements take some
five times its size in memory (UTF-16 text, half of it, as Python strings and elements)."""
_MB = 1 << 20


def read_tally_xml(path: str | Path, account: str | None = None) -> Lines:
    """The bank ledger's lines from a Tally XML export: a Day Book (with `account`, the bank
    ledger's name) or the bank ledger's Ledger Vouchers report."""
    source = Path(path)
    root = parse_tally_xml(source)
    if next(root.iter("VOUCHER"), None) is not None:
        return _day_book(root, source.name, account)
    if next(root.iter("DSPVCHDATE"), None) is not None:
        return _ledger_vouchers(root, source.name, account)
    raise FileProblem(
        f"{source.name} holds no Tally vouchers (no VOUCHER or DSPVCHDATE elements). Export the "
        "Day Book (Display > Day Book > Export > XML) or the bank ledger's Ledger Vouchers report."
    )


# -- reading the file safely -----------------------------------------------------------------


def _allowed(reference: re.Match[str]) -> str:
    """A character reference XML allows kept; one to a control character (Tally's `&#4;`)
    dropped."""
    digits = reference[1]
    code = int(digits[1:], 16) if digits[0] in "xX" else int(digits)
    if code in (9, 10, 13) or 32 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD:
        return reference[0]
    if 0x10000 <= code <= 0x10FFFF:
        return reference[0]
    return ""


def parse_tally_xml(path: Path) -> Element:
    """The root element of a Tally XML export; a DOCTYPE or entity declaration is refused, and
    a file that is not XML gets a plain message."""
    try:
        size = path.stat().st_size
        if size > MAX_XML_MB * _MB:  # read whole, its elements take several times its size
            raise FileProblem(
                f"{path.name} is {size / _MB:,.0f} MB, more than xlbo reads of Tally's XML "
                f"({MAX_XML_MB} MB). Export it from Tally a month or a quarter at a time."
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FileProblem(
            f"{path} was not found. Check the name and folder, then run again."
        ) from None
    except IsADirectoryError:
        raise FileProblem(
            f"{path} is a folder, not a Tally export. Give the file's name."
        ) from None
    except PermissionError:
        raise FileProblem(
            f"{path} is locked by another program or you may not read it. Close it and run again."
        ) from None
    except OSError as error:
        raise FileProblem(f"{path} could not be read ({error.strerror or error}).") from None
    if not raw.strip():
        raise FileProblem(f"{path.name} is empty. Export it from Tally again.")
    text = decode_text(raw)
    text = re.sub(
        r"^\ufeff?\s*<\?xml[^>]*\?>", "", text
    )  # the declaration names the bytes' encoding
    text = _CHARACTER_REFERENCE.sub(_allowed, _CONTROL.sub("", text))
    try:
        root: Element = SafeTree.fromstring(text, forbid_dtd=True)
    except defusedxml.DefusedXmlException:
        raise FileProblem(
            f"{path.name} declares a DOCTYPE or entities, which Tally's exports never do; xlbo "
            "does not expand them. Export the file from Tally again (Export > XML) and use it "
            "as it is."
        ) from None
    except ParseError as error:
        raise FileProblem(
            f"{path.name} is not well-formed XML ({error}). Export it from Tally again "
            "(Export > XML)."
        ) from None
    return root


def _text(element: Element | None, tag: str) -> str:
    """The text of `element`'s first child `tag`, spaces folded ('' where none)."""
    if element is None:
        return ""
    child = element.find(tag)
    return " ".join((child.text or "").split()) if child is not None else ""


def _own_text(element: Element) -> str:
    return " ".join((element.text or "").split())


def _first(root: Element, tags: Iterable[str]) -> str:
    for tag in tags:
        for element in root.iter(tag):
            if _own_text(element):
                return _own_text(element)
    return ""


_TALLY_DATE = r"^\s*(\d{4})(\d{2})(\d{2})\s*$"
"""A date as Tally's XML writes it, `20261015`; `_ISO_DATE` writes it `2026-10-15`."""
_ISO_DATE = r"\1-\2-\3"


def tally_dates(texts: pd.Series) -> list[date | None]:
    """The dates of a column of Tally's date texts, as Tally writes them in XML (20261015) or
    on screen (15-Oct-2026, 1/10/2026: day first unless the column proves otherwise); None
    where a text is no date. Each distinct text is read once (see `date_column`).

    >>> tally_dates(pd.Series(["20261015", "15-Oct-2026", "", "20261345"]))
    [datetime.date(2026, 10, 15), datetime.date(2026, 10, 15), None, None]
    """
    iso = strings(texts.astype(object)).str.replace(_TALLY_DATE, _ISO_DATE, regex=True)
    return date_column(iso.astype(object), working_years=True)[0]


def _not_a_date(text: Any) -> str:
    """Why a voucher's DATE is no date: `'00010101' is a date of the year 1, outside the years
    xlbo works with …` where it is one far off (Tally writes yyyymmdd), else that it is none."""
    iso = re.sub(_TALLY_DATE, _ISO_DATE, str(text))
    far = far_date_said(iso)
    return far.replace(f"'{iso}'", f"'{text}'", 1) if far else f"'{text}' is not a date"


def _issue(
    name: str,
    sheet: str,
    value: Any,
    problem: str,
    *,
    hint: str = LEFT_OUT,
    severity: Severity = Severity.ERROR,
) -> Issue:
    """What is said of a voucher of file `name` (an XML export has no cells to name)."""
    return Issue(
        severity=severity, sheet=sheet, cell="", value=value, problem=problem, hint=hint, file=name
    )


def _outside_books(
    name: str, report: str, frame: pd.DataFrame, aside: np.ndarray, net: np.ndarray
) -> list[Issue]:
    """A Warning for each voucher of `frame` Tally keeps out of the books (`aside`: optional,
    memorandum), as the Excel exports' readers say it: not read as a line (`net`: paise, Dr
    plus)."""
    issues = []
    for at in np.flatnonzero(aside & (net != 0)).tolist():
        amount = format_inr(from_paise(abs(int(net[at]))))
        day = frame["day"].iat[at]
        problem = outside_books_problem(
            str(frame["voucher_type"].iat[at]),
            str(frame["voucher_no"].iat[at]),
            f"{amount} {'Dr' if net[at] > 0 else 'Cr'}",
            day=day if isinstance(day, date) else None,
        )
        kind = str(frame["voucher_type"].iat[at])
        hint = outside_books_hint(f"the {report}")
        issues.append(_issue(name, report, kind, problem, hint=hint, severity=Severity.WARNING))
    return issues


# -- the Day Book ------------------------------------------------------------------------------


def _yes(element: Element, tag: str) -> bool:
    return _text(element, tag).casefold() == "yes"


def _entries(voucher: Element) -> list[Element]:
    """A voucher's ledger entries: the ALLLEDGERENTRIES list (the accounting view), else the
    LEDGERENTRIES list (an invoice's), never both (where both are written they repeat)."""
    for tag in _ENTRY_LISTS:
        found = [e for e in voucher.findall(tag) if _text(e, "LEDGERNAME")]
        if found:
            return found
    return []


def _allocations(entry: Element) -> list[Element]:
    return [
        a
        for a in entry.findall("BANKALLOCATIONS.LIST")
        if any(_text(a, t) for t in ("AMOUNT", "INSTRUMENTNUMBER", "UNIQUEREFERENCENUMBER"))
    ]


def _day_book(root: Element, name: str, account: str | None) -> Lines:
    vouchers = list(root.iter("VOUCHER"))
    names: list[str] = []
    banks: list[str] = []
    for voucher in vouchers:
        for entry in _entries(voucher):
            names.append(_text(entry, "LEDGERNAME"))
            if _allocations(entry):
                banks.append(names[-1])
    groups: dict[str, str] = {}  # ledger → its Tally group, where the export has its master
    for ledger in root.iter("LEDGER"):
        ledger_name = ledger.get("NAME") or _text(ledger, "NAME")
        if ledger_name and re.search(r"bank", _text(ledger, "PARENT"), re.IGNORECASE):
            banks.append(ledger_name)
        if ledger_name and _text(ledger, "PARENT"):
            groups[account_key(ledger_name)] = _text(ledger, "PARENT")
    if not account:
        raise SheetProblem(
            f"{name} is a Tally Day Book: name the bank ledger with --account (bank accounts "
            f"found: {', '.join(repr(a) for a in bank_accounts(names, banks)[:12]) or 'none'})."
        )
    wanted = account_key(account)
    spelled = next((n for n in names if account_key(n) == wanted), "")
    if not spelled:
        raise unknown_account(account, name, names, banks)
    group = groups.get(wanted, "")
    if group and not re.search(r"bank|cash", group, re.IGNORECASE):  # Sundry Debtors, Sales
        raise not_a_bank_account(
            account, name, f"Tally keeps it under {group}, not Bank Accounts", names, banks
        )

    records: list[dict[str, Any]] = []
    for number, voucher in enumerate(vouchers, start=1):
        if _yes(voucher, "ISCANCELLED") or _yes(voucher, "ISDELETED"):
            continue
        entries = _entries(voucher)
        mine = [e for e in entries if account_key(_text(e, "LEDGERNAME")) == wanted]
        if not mine:
            continue
        others = list(
            dict.fromkeys(
                _text(e, "LEDGERNAME")
                for e in entries
                if account_key(_text(e, "LEDGERNAME")) != wanted
            )
        )
        party = _text(voucher, "PARTYLEDGERNAME")
        particulars = (
            party if party and account_key(party) != wanted else ", ".join(others) or spelled
        )
        common = {
            "voucher": number,
            "date": _text(voucher, "DATE"),
            "particulars": particulars,
            "voucher_type": _text(voucher, "VOUCHERTYPENAME") or voucher.get("VCHTYPE", ""),
            "voucher_no": _text(voucher, "VOUCHERNUMBER"),
            "narration": _text(voucher, "NARRATION"),
            "optional": _yes(voucher, "ISOPTIONAL"),
        }
        for entry in mine:
            allocations = _allocations(entry)
            split = len(allocations) > 1 and all(_text(a, "AMOUNT") for a in allocations)
            for part in allocations if split else [entry]:
                allocation = part if split else (allocations[0] if allocations else None)
                instrument = _text(allocation, "INSTRUMENTNUMBER")
                utr = _text(allocation, "UNIQUEREFERENCENUMBER")
                narration = str(common["narration"])
                if instrument and utr and utr not in narration:
                    narration = f"{narration} UTR {utr}".strip()
                records.append(
                    {
                        **common,
                        "narration": narration,
                        "amount": _amount_written(part),
                        "reference": instrument or utr,
                    }
                )
    frame = pd.DataFrame(
        records,
        columns=[
            "voucher",
            "date",
            "particulars",
            "voucher_type",
            "voucher_no",
            "narration",
            "amount",
            "reference",
            "optional",
        ],
    )
    days = tally_dates(frame["date"])
    frame["day"] = pd.Series(days, dtype=object)
    amount, bad = paise_column(frame["amount"].astype(object))
    # an optional voucher (ISOPTIONAL) or a memorandum one posts to no ledger: said, not read
    aside = frame["optional"].to_numpy(dtype=bool) | outside_books(frame["voucher_type"])
    issues = [
        _issue(
            name,
            DAY_BOOK,
            frame["amount"].iat[p],
            f"Voucher {_voucher_label(frame, p)}: {message}",
        )
        for p, message in sorted(bad.items())
    ]
    dated = has_date(days)
    issues += [
        _issue(
            name,
            DAY_BOOK,
            frame["date"].iat[p],
            f"Voucher {_voucher_label(frame, p)}: {_not_a_date(frame['date'].iat[p])}",
        )
        for p in np.flatnonzero(~dated).tolist()
    ]
    unread = np.isin(np.arange(len(frame)), list(bad))
    issues += _outside_books(name, DAY_BOOK, frame, aside & ~unread, -amount)
    keep = dated & (amount != 0) & ~unread & ~aside
    lines = _lines(frame, days, np.where(amount < 0, -amount, 0), np.where(amount > 0, amount, 0))
    stated = tally_dates(pd.Series([_first(root, [t]) for t in ("SVFROMDATE", "SVTODATE")]))
    return Lines(
        lines[keep].reset_index(drop=True)[list(LEDGER_COLUMNS)],
        name,
        DAY_BOOK,
        {},
        issues,
        company=_first(root, ["SVCURRENTCOMPANY"]),
        account=spelled,
        period=(stated[0], stated[1]),
    )


def _voucher_label(frame: pd.DataFrame, position: int) -> str:
    """How a voucher is named in a message: `Contra 3 of 20-Oct-2026`."""
    row = frame.iloc[position]
    day = row["day"]
    when = f"of {day:%d-%b-%Y}" if day else str(row["date"])
    words = [str(v) for v in (row["voucher_type"], row["voucher_no"], when) if v]
    return " ".join(words) or f"number {position + 1} in the file"


def _lines(
    frame: pd.DataFrame, days: list[date | None], debit: np.ndarray, credit: np.ndarray
) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "row": np.arange(1, len(frame) + 1, dtype=np.int64),
            "date": pd.Series(days, dtype=object),
            "particulars": frame["particulars"].astype(object),
            "voucher_type": frame["voucher_type"].astype(object),
            "voucher_no": frame["voucher_no"].astype(object),
            "narration": frame["narration"].astype(object),
            "reference": frame["reference"].astype(object),
            "debit": np.asarray(debit, dtype=np.int64),
            "credit": np.asarray(credit, dtype=np.int64),
        }
    )


# -- the Ledger Vouchers report ------------------------------------------------------------------


def _voucher_number(text: str) -> str:
    """`(No. :34)` → `34`."""
    found = re.fullmatch(r"\(?\s*No\.?\s*:?\s*(.*?)\s*\)?", text, re.IGNORECASE)
    return found[1] if found else text


def _ledger_vouchers(root: Element, name: str, account: str | None) -> Lines:
    records: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    for element in root.iter():
        tag, text = element.tag, _own_text(element)
        if tag == "DSPVCHDATE":
            current = {
                "date": text,
                "particulars": "",
                "voucher_type": "",
                "voucher_no": "",
                "debit": "",
                "credit": "",
                "narration": [],
                "details": [],
            }
            records.append(current)
        elif current is None or not text:
            continue
        elif tag == "DSPVCHLEDACCOUNT" and not current["particulars"]:
            current["particulars"] = text
        elif tag == "DSPVCHTYPE":
            current["voucher_type"] = text
        elif tag == "DSPVCHDRAMT":
            current["debit"] = text
        elif tag == "DSPVCHCRAMT":
            current["credit"] = text
        elif tag in _NUMBER_TAGS and not current["voucher_no"]:
            current["voucher_no"] = _voucher_number(text)
        elif tag in _NARRATION_TAGS and text not in current["narration"]:
            current["narration"].append(text)
        elif tag == "DSPVCHEXPLACCOUNT":
            current["details"].append(text)
    frame = pd.DataFrame(records)
    label = frame["particulars"].str.casefold().str.replace(r"^(to|by)\s+", "", regex=True)
    layout = label.isin(LAYOUT_LABELS).to_numpy(dtype=bool)
    debit, bad_debit = paise_column(frame["debit"].astype(object))
    credit, bad_credit = paise_column(frame["credit"].astype(object))
    debit, credit = np.abs(debit), np.abs(credit)
    dates = tally_dates(frame["date"])
    frame["day"] = pd.Series(dates, dtype=object)
    dated = has_date(dates)
    carried = pd.Series(dates, dtype=object).where(pd.Series(dated)).ffill()
    written = (frame["date"] != "").to_numpy(dtype=bool)
    days = pd.Series(dates, dtype=object).where(pd.Series(dated | written), carried).tolist()
    frame["narration"] = frame["narration"].map(" ".join)
    split = (frame["particulars"].str.casefold() == _AS_PER_DETAILS) & frame["details"].map(bool)
    frame.loc[split, "particulars"] = frame.loc[split, "details"].map(", ".join)
    frame["reference"] = ""
    issues: list[Issue] = []
    for bad, column in ((bad_debit, "debit"), (bad_credit, "credit")):
        issues += [
            _issue(
                name,
                LEDGER_VOUCHERS,
                frame[column].iat[p],
                f"Voucher {_voucher_label(frame, p)}: {message}",
            )
            for p, message in sorted(bad.items())
            if not layout[p]
        ]
    moves = (debit != 0) | (credit != 0)
    undated = moves & ~layout & written & ~dated
    issues += [
        _issue(
            name,
            LEDGER_VOUCHERS,
            frame["date"].iat[p],
            f"Voucher {_voucher_label(frame, p)}: {_not_a_date(frame['date'].iat[p])}",
        )
        for p in np.flatnonzero(undated).tolist()
    ]
    cancelled = cancelled_rows(frame["voucher_type"], frame["particulars"])
    failed = np.isin(np.arange(len(frame)), [*bad_debit, *bad_credit])
    has_day = pd.notna(pd.Series(days, dtype=object)).to_numpy(dtype=bool)
    # an optional or memorandum voucher, where the report shows them: said, not read
    aside = outside_books(frame["voucher_type"], frame["particulars"]) & ~cancelled & ~layout
    issues += _outside_books(name, LEDGER_VOUCHERS, frame, aside & ~failed, debit - credit)
    keep = moves & ~layout & ~failed & ~cancelled & ~aside & has_day
    lines = _lines(frame, days, debit, credit)[keep].reset_index(drop=True)
    opening = closing = None
    at = np.flatnonzero(label.to_numpy(dtype=object) == "opening balance")
    if len(at):
        opening = int(debit[at[-1]] - credit[at[-1]])
    at = np.flatnonzero(label.to_numpy(dtype=object) == "closing balance")
    if len(at):
        closing = int(debit[at[-1]] - credit[at[-1]])
    return Lines(
        lines[list(LEDGER_COLUMNS)],
        name,
        LEDGER_VOUCHERS,
        {},
        issues,
        opening,
        closing,
        company=_first(root, ["SVCURRENTCOMPANY"]),
        account=_first(root, ["LEDGERNAME"]) or account or "",
    )


# -- the Day Book as the books (import-tally) --------------------------------------------------

_INVENTORY_LISTS = ("ALLINVENTORYENTRIES.LIST", "INVENTORYENTRIES.LIST")
DAY_BOOK_XML_HINT = (
    "Tally's XML holds every ledger of a voucher: export the Day Book again (Display > Day Book > "
    "Export > XML) and use the file as it is; the voucher is left out."
)


def _amount_written(entry: Element) -> str:
    """An entry's AMOUNT in rupees as written: of a foreign-currency entry (`-$1,000.00 @ ₹
    83.00/$ = -₹ 83,000.00`) the rupees after its `=`.

    >>> from xml.etree.ElementTree import fromstring
    >>> dollars = "-$1000.00 @ \u20b9 83.00/$ = -\u20b9 83000.00"
    >>> _amount_written(fromstring(f"<E><AMOUNT>{dollars}</AMOUNT></E>"))
    '-₹ 83000.00'
    """
    written = _text(entry, "AMOUNT")
    return written.rpartition("=")[2].strip() if "=" in written else written


def _allocated(voucher: Element) -> list[Element]:
    """An item invoice's sales or purchase ledgers: the accounting allocations under its stock
    items (the first list of items that has any)."""
    for tag in _INVENTORY_LISTS:
        found = [
            allocation
            for item in voucher.findall(tag)
            for allocation in item.findall("ACCOUNTINGALLOCATIONS.LIST")
            if _text(allocation, "LEDGERNAME")
        ]
        if found:
            return found
    return []


def day_book_xml(
    path: Path, parties: Mapping[str, str] | None = None
) -> tuple[pd.DataFrame, list[Issue]]:
    """Every voucher of a Tally XML export of the Day Book as ledger lines, the columns
    `xlbo.readers.tally_books.journal_of` takes (`row`: the voucher's place in the file), and
    the issues.

    A voucher's ledgers are its ledger entries (ALLLEDGERENTRIES, else LEDGERENTRIES) and, for
    an item invoice whose entries alone do not balance, the sales or purchase ledgers allocated
    under its stock items. An AMOUNT below zero is a debit. A voucher that does not balance, or
    has an amount or a date that cannot be read, is an Error and left out; an optional or a
    memorandum one, which Tally posts to no ledger, a Warning and left out; a cancelled or
    deleted one is no voucher. `parties` as for the Excel Day Book (`accounts`)."""
    root = parse_tally_xml(path)
    vouchers = list(root.iter("VOUCHER"))
    if not vouchers:
        raise FileProblem(
            f"{path.name} holds no Tally vouchers (no VOUCHER elements). Export the Day Book "
            "from Tally (Display > Day Book > Export > XML)."
        )
    frame, parts = _vouchers_and_ledgers(vouchers)
    days = tally_dates(frame["date"].astype(object))
    frame["day"] = pd.Series(days, dtype=object)
    count = len(frame)
    frame["voucher_no"] = voucher_numbers(
        frame["voucher_no"].to_numpy(dtype=object),
        frame["voucher_type"].to_numpy(dtype=object),
        frame["row"].to_numpy(dtype=np.int64),
    )
    paise, bad = paise_column(parts["amount"])
    voucher_of = parts["voucher"].to_numpy(dtype=np.int64)
    allocated_part = parts["allocated"].to_numpy(dtype=bool)
    problems: list[tuple[int, Issue | None]] = []  # by voucher, said in the file's order
    unreadable = np.zeros(count, dtype=bool)
    for place, message in sorted(bad.items()):
        v = int(voucher_of[place])
        if not unreadable[v]:
            problems.append(
                (
                    v,
                    _book_issue(
                        path.name,
                        parts["amount"].iat[place],
                        f"Voucher {_book_label(frame, v)}, ledger "
                        f"{parts['ledger'].iat[place]}: {message}",
                    ),
                )
            )
        unreadable[v] = True
    # the entries alone where they balance, else with the stock items' allocations
    alone = exact_sums(voucher_of[~allocated_part], paise[~allocated_part], count)
    whole = exact_sums(voucher_of, paise, count)
    use_allocated = (alone != 0) & (whole == 0)
    taken = ~allocated_part | use_allocated[voucher_of]
    net = np.where(use_allocated, whole, alone)
    dated = has_date(days)
    # a voucher of no ledger at all (a Stock Journal, a Delivery Note) is no accounting voucher
    moves = exact_sums(voucher_of[taken], np.abs(paise[taken]), count) > 0
    order = contains(frame["voucher_type"].astype(str).str.lower(), ORDERS)
    optional = frame["optional"].to_numpy(dtype=bool) | outside_books(frame["voucher_type"])
    debits = exact_sums(voucher_of[taken], np.where(paise[taken] < 0, -paise[taken], 0), count)
    credits = exact_sums(voucher_of[taken], np.where(paise[taken] > 0, paise[taken], 0), count)
    void = frame["void"].to_numpy(dtype=bool)
    said = ~unreadable & (~moves | order | void | optional | ~dated | (net != 0) | (debits == 0))
    for v in np.flatnonzero(said).tolist():  # the vouchers to leave out: few, one by one
        label = _book_label(frame, v)
        if not moves[v]:
            problems.append((v, None))  # left out without a word
        elif void[v]:
            warning = (
                str(frame["voucher_no"].iat[v]),
                f"Voucher {label} ({format_inr(from_paise(int(debits[v])))}) is marked void in "
                "the export (ISVOID), so its lines were not read",
                "Open the voucher in Tally: if it stands in the books, make it regular and "
                "export the Day Book again.",
            )
            problems.append((v, _book_warning(path.name, *warning)))
        elif order[v]:
            warning = (
                str(frame["voucher_type"].iat[v]),
                f"Voucher {label}, a {frame['voucher_type'].iat[v]} of "
                f"{format_inr(from_paise(int(debits[v])))}: Tally posts orders and notes of "
                "goods to no ledger, so its lines were not read",
                "Nothing to do: the invoice that follows it is in the books.",
            )
            problems.append((v, _book_warning(path.name, *warning)))
        elif optional[v]:
            problem = outside_books_problem(
                str(frame["voucher_type"].iat[v]),
                str(frame["voucher_no"].iat[v]),
                format_inr(from_paise(int(debits[v]))),
                day=days[v] if dated[v] else None,
                left_out="leaves it out of every ledger's balance, so its lines were not read",
            )
            warning = (
                str(frame["voucher_type"].iat[v]),
                problem,
                outside_books_hint("the Day Book"),
            )
            problems.append((v, _book_warning(path.name, *warning)))
        elif not dated[v]:
            problems.append(
                (
                    v,
                    _book_issue(
                        path.name,
                        frame["date"].iat[v],
                        f"Voucher {label}: {_not_a_date(frame['date'].iat[v])}",
                    ),
                )
            )
        elif net[v] != 0 or debits[v] == 0:
            problems.append(
                (
                    v,
                    _book_issue(
                        path.name,
                        str(frame["voucher_no"].iat[v]),
                        f"Voucher {label} does not balance: debits "
                        f"{format_inr(from_paise(int(debits[v])))}, credits "
                        f"{format_inr(from_paise(int(credits[v])))} (difference "
                        f"{format_inr(from_paise(abs(int(net[v]))))})",
                    ),
                )
            )
    issues = [issue for _, issue in sorted(problems, key=lambda found: found[0]) if issue]
    left_out = np.zeros(count, dtype=bool)
    left_out[[v for v, _ in problems]] = True
    read = np.flatnonzero(taken & (paise != 0) & ~left_out[voucher_of])
    # each voucher's lines together: its entries, then the ledgers allocated under its items
    keep = read[np.argsort(voucher_of[read], kind="stable")]
    ledger = parts["ledger"].to_numpy(dtype=object)[keep]
    account, party = accounts(ledger, parties)
    of = voucher_of[keep]
    amount = paise[keep]
    lines = pd.DataFrame(
        {
            "row": frame["row"].to_numpy(dtype=np.int64)[of],
            "date": pd.Series(days, dtype=object).to_numpy()[of],
            "voucher_no": frame["voucher_no"].to_numpy(dtype=object)[of],
            "voucher_type": frame["voucher_type"].to_numpy(dtype=object)[of],
            "account": account,
            "party": party,
            "debit": np.where(amount < 0, -amount, 0).astype(np.int64),
            "credit": np.where(amount > 0, amount, 0).astype(np.int64),
            "narration": frame["narration"].to_numpy(dtype=object)[of],
        }
    )
    return lines, issues


def _vouchers_and_ledgers(vouchers: list[Element]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The vouchers but the cancelled and deleted ones, a row each (`row`: the place in the
    file), and their ledgers, a row each: `voucher` (its row in the first frame), `ledger`,
    `amount` as written, `allocated` (under a stock item)."""
    heads: list[dict[str, Any]] = []
    entries: list[tuple[int, str, str]] = []  # voucher (place in heads), ledger, amount
    allocated: list[tuple[int, str, str]] = []
    for number, voucher in enumerate(vouchers, start=1):
        if _yes(voucher, "ISCANCELLED") or _yes(voucher, "ISDELETED"):
            continue
        at = len(heads)
        heads.append(
            {
                "row": number,
                "date": _text(voucher, "DATE"),
                "voucher_type": _text(voucher, "VOUCHERTYPENAME") or voucher.get("VCHTYPE", ""),
                "voucher_no": _text(voucher, "VOUCHERNUMBER"),
                "narration": _text(voucher, "NARRATION"),
                "optional": _yes(voucher, "ISOPTIONAL"),
                "void": _yes(voucher, "ISVOID"),
            }
        )
        entries += [(at, _text(e, "LEDGERNAME"), _amount_written(e)) for e in _entries(voucher)]
        allocated += [(at, _text(a, "LEDGERNAME"), _amount_written(a)) for a in _allocated(voucher)]
    frame = pd.DataFrame(
        heads,
        columns=["row", "date", "voucher_type", "voucher_no", "narration", "optional", "void"],
    )
    parts = pd.DataFrame(
        entries + allocated, columns=["voucher", "ledger", "amount"], dtype=object
    ).astype({"voucher": np.int64})
    parts["allocated"] = np.r_[
        np.zeros(len(entries), dtype=bool), np.ones(len(allocated), dtype=bool)
    ]
    return frame, parts


def _book_label(frame: pd.DataFrame, position: int) -> str:
    """How a voucher of the XML Day Book read as the books is named, as the Excel Day Book's
    are: `P/55 of 07-10-2026` (its number alone where its date is none)."""
    return voucher_label(frame["voucher_no"].iat[position], frame["day"].iat[position])


def _book_warning(name: str, value: str, problem: str, hint: str) -> Issue:
    """A Warning on a voucher of the XML Day Book read as the books that Tally keeps out of
    them (optional, void, an order): it is left out."""
    return _issue(name, DAY_BOOK, value, problem, hint=hint, severity=Severity.WARNING)


def _book_issue(name: str, value: Any, problem: str) -> Issue:
    """An Error on a voucher of the XML Day Book read as the books: it is left out."""
    return _issue(name, DAY_BOOK, value, problem, hint=DAY_BOOK_XML_HINT)
