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

Tally writes UTF-16 (with a byte-order mark) more often than UTF-8, and a character reference
`&#4;` (a control character XML does not allow) before its "Not Applicable" values; both are
handled. A file that declares a DOCTYPE or entities is refused, never expanded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
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
from xlbo.columns import date_column, has_date, paise_column, strings
from xlbo.errors import FileProblem, SheetProblem
from xlbo.issues import Issue, Severity
from xlbo.money import format_inr, from_paise
from xlbo.readers.ledger import (
    _AS_PER_DETAILS,
    LAYOUT_LABELS,
    LEDGER_COLUMNS,
    account_key,
    bank_accounts,
    not_a_bank_account,
    unknown_account,
)
from xlbo.readers.line_issues import LEFT_OUT
from xlbo.readers.tally_marks import (
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


def tally_dates(texts: pd.Series) -> list[date | None]:
    """The dates of a column of Tally's date texts, as Tally writes them in XML (20261015) or
    on screen (15-Oct-2026, 1/10/2026: day first unless the column proves otherwise); None
    where a text is no date. Each distinct text is read once (see `date_column`).

    >>> tally_dates(pd.Series(["20261015", "15-Oct-2026", "", "20261345"]))
    [datetime.date(2026, 10, 15), datetime.date(2026, 10, 15), None, None]
    """
    iso = strings(texts.astype(object)).str.replace(
        r"^\s*(\d{4})(\d{2})(\d{2})\s*$", r"\1-\2-\3", regex=True
    )
    return date_column(iso.astype(object))[0]


def _issue(name: str, sheet: str, value: Any, problem: str) -> Issue:
    return Issue(
        severity=Severity.ERROR,
        sheet=sheet,
        cell="",
        value=value,
        problem=problem,
        hint=LEFT_OUT,
        file=name,
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
        issues.append(
            Issue(
                severity=Severity.WARNING,
                sheet=report,
                cell="",
                value=frame["voucher_type"].iat[at],
                problem=problem,
                hint=outside_books_hint(f"the {report}"),
                file=name,
            )
        )
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
                        "amount": _text(part, "AMOUNT"),
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
    aside = frame["optional"].to_numpy(dtype=bool) | outside_books(
        frame["voucher_type"], pd.Series([""] * len(frame), dtype=object)
    )
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
            f"Voucher {_voucher_label(frame, p)}: '{frame['date'].iat[p]}' is not a date",
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
            f"Voucher {_voucher_label(frame, p)}: '{frame['date'].iat[p]}' is not a date",
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
