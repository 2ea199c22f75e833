"""SWIFT MT940 customer statements, as corporate banking portals deliver them (HSBCnet, Citi,
Deutsche Bank, Standard Chartered and the Indian banks' corporate portals: `.sta`, `.940`,
`.mt940`, or `.txt`), read as a bank statement's lines.

A message is tags at the start of a line: `:20:` its reference, `:25:` the account, `:28C:`
the statement and page number, `:60F:` (or a page's `:60M:`) the opening balance, `:61:` a
line, `:86:` the line's narration (over several lines of the file), `:62F:` (or `:62M:`) the
closing balance. A balance is `C` or `D`, the date `YYMMDD`, the currency and the amount
with a decimal comma: `C261031INR542310,25`. A line is its value date, its entry date `MMDD`
(optional), `C`/`D` (`RC`/`RD` a reversal: money the other way), the third letter of the
currency (optional), the amount, the transaction type (`NTRF`, `NCHK`…), the account owner's
reference (`NONREF` for none) and, after `//`, the bank's:
`:61:2611021102C118000,00NTRFSBINN26110212345//HS00000001`. A file may hold several messages
(pages of one statement, or several days'), each in SWIFT's `{1:…}{2:…}{4:` … `-}` blocks or
bare; their lines are read in turn, the first opening and the last closing kept.

Each line's balance is not in the file: the running balance from the opening is, and the
closing `:62F:` is checked against it (a Statement total finding where they disagree)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd

from xlbo.bank.integrity import Finding
from xlbo.bank.lines import Lines
from xlbo.errors import SheetProblem
from xlbo.issues import Issue, Severity
from xlbo.money import format_money, from_paise, to_paise

MT940_SUFFIXES = frozenset({".sta", ".940", ".mt940", ".txt", ".mt", ".swi", ".mta"})
"""The names MT940 files go by; a `.txt` is one only where its text is (`is_mt940`)."""

_TAG = re.compile(r"^:(\d\d[A-Z]?):(.*)$")
_BALANCE = re.compile(r"^([CD])(\d{6})([A-Z]{3})(\d[\d,]*)$")
_LINE = re.compile(
    r"^(?P<value>\d{6})(?P<entry>\d{4})?(?P<mark>[Rr]?[CDcd])(?P<funds>[A-Z])?"
    r"(?P<amount>\d[\d,]*(?:\.\d{1,2})?)(?P<type>(?!NONREF)[NFS][A-Z0-9 ]{0,3})?(?P<rest>.*)$"
)
"""A `:61:` line's first line. The transaction type is `N`, `F` or `S` and three letters as
SWIFT has it (`NTRF`), but banks write fewer (`NOV `, `NIT `, `S   `) or none
(`CN220000,00//19239782213`): the line's date, side and amount are read all the same."""
_SUBFIELD = re.compile(r"\?\d\d")  # a narration's structured subfields (`?20`, `?32`)
_END = re.compile(r"^-\}?(?:\{.*)?$")  # a message's end: `-}`, `-}{5:}`, `-` (ABN AMRO)
NO_REFERENCE = frozenset({"NONREF", "EREF", "KREF", "KREF+", "PREF", "MARF", "NOTPROVIDED"})
"""What banks write in a line's reference field for none (or for one given in `:86:`)."""
FULL_LINE = 65
"""The longest line of a SWIFT field: a narration cut there runs on within its word."""


class NotMt940(SheetProblem):
    """A file named as an MT940 statement whose text is none."""


def is_mt940(path: Path) -> bool:
    """Whether `path` is an MT940 statement: named as one, and its first lines hold the tags
    of one (`:20:` and a balance or a line)."""
    if path.suffix.lower() not in MT940_SUFFIXES or not path.is_file():
        return False
    with path.open("rb") as handle:
        head = handle.read(4096).decode("latin-1")
    tags = {match.group(1) for match in re.finditer(r"(?m)^:(\d\d[A-Z]?):", head)}
    return "20" in tags and bool(tags & {"60F", "60M", "61", "25"})


def _amount(text: str) -> int:
    """Paise of an MT940 amount: a decimal comma, no grouping (`118000,00`, `17,7`)."""
    if "," not in text:  # a decimal point where SWIFT has a comma (`5000.50`)
        text = text.replace(".", ",")
    whole, _, fraction = text.partition(",")
    if not whole or "," in fraction or len(fraction) > 2:
        raise ValueError(text)
    return to_paise(Decimal(f"{whole}.{fraction or '0'}"))


def _day(text: str) -> date:
    """A date written `YYMMDD` (this century)."""
    return date(2000 + int(text[:2]), int(text[2:4]), int(text[4:6]))


def _entry_day(value: date, text: str) -> date:
    """The entry date `MMDD` of a line valued on `value`: of the value date's year, or of the
    next or last where the two straddle a new year (valued 31 December, entered 2 January)."""
    month, day = int(text[:2]), int(text[2:])
    year = value.year + (1 if month < value.month - 6 else -1 if month > value.month + 6 else 0)
    return date(year, month, day)


def _balance(text: str) -> tuple[int, date, str]:
    """(paise, date, currency) of a balance field (`C261031INR542310,25`), signed: `D` is an
    overdrawn balance."""
    found = _BALANCE.match(text.strip())
    if found is None:
        raise ValueError(text)
    sign = -1 if found.group(1) == "D" else 1
    return sign * _amount(found.group(4)), _day(found.group(2)), found.group(3)


def _fields(text: str) -> list[tuple[str, str, int]]:
    """(tag, value, line number) of each field of the file's messages, a field's lines after
    its first joined to it (a `:86:` narration over several lines: with a space, but where a
    line was cut at SWIFT's 65 characters). A message's end (`-}`, `-}{5:}`, ABN AMRO's `-`
    and the headers of the next message under it, `ABNANL2A`, `940`) and an end-of-file mark
    (Ctrl-Z) are no field's text."""
    fields: list[tuple[str, str, int]] = []
    ended = True  # lines outside a message's fields (before its first tag, after its end)
    last = 0  # the length of the field's last line so far
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.replace("\x1a", "").rstrip()
        if line.startswith("{"):  # SWIFT's headers: `{1:F01…}{2:O940…}{4:`; the text follows
            line = line.rpartition("{4:")[2] if "{4:" in line else ""
        if _END.match(line.strip()) and line.strip():
            ended = True
            continue
        found = _TAG.match(line)
        if found:
            fields.append((found.group(1), found.group(2).rstrip(), number))
            ended, last = False, len(found.group(2).rstrip())
        elif fields and line.strip() and not ended:
            tag, value, at = fields[-1]
            joiner = "\n" if tag == "61" else "" if last >= FULL_LINE else " "
            fields[-1] = (tag, value + joiner + line.strip(), at)
            last = len(line.rstrip())
    return fields


@dataclass
class _Statement:
    """One statement (or page) of the file: its opening (paise, date), where its lines start
    among the lines read, and its closing (paise, date, line of the file) where it has one."""

    opening: tuple[int, date]
    start: int
    closing: tuple[int, date, int] | None = None


def _in_turn(
    rows: list[dict[str, object]], statements: list[_Statement], issues: list[Issue], name: str
) -> tuple[
    list[dict[str, object]], tuple[int | None, date | None], tuple[int | None, date | None, int]
]:
    """The lines of the file's statements in their dates' order (a file of several days'
    statements, newest first), each statement given twice read once (and said so); the first
    one's opening and the last one's closing."""
    if not statements:
        return rows, (None, None), (None, None, 0)
    ends = [*(s.start for s in statements[1:]), len(rows)]
    parts = [rows[: statements[0].start]]
    kept: list[tuple[_Statement, list[dict[str, object]]]] = []
    seen: set[tuple[object, ...]] = set()
    for statement, end in zip(statements, ends, strict=True):
        lines = rows[statement.start : end]
        key = (
            statement.opening,
            statement.closing[:2] if statement.closing else None,
            tuple((r["date"], r["debit"], r["credit"], r["reference"]) for r in lines),
        )
        if key in seen:
            issues.append(
                Issue(
                    severity=Severity.WARNING,
                    sheet=name,
                    cell=f"line {statement.closing[2]}" if statement.closing else "",
                    problem=f"the statement of {statement.opening[1]:%d-%m-%Y} with "
                    f"{len(lines):,} line(s) is in the file twice: read once",
                    hint="Nothing to do if the download repeated it.",
                    file=name,
                )
            )
            continue
        seen.add(key)
        kept.append((statement, lines))
    kept.sort(key=lambda part: part[0].opening[1])  # stable: pages of one day keep their turn
    for _, lines in kept:
        parts.append(lines)
    first, last = kept[0][0], kept[-1][0]
    closing = last.closing if last.closing else (None, None, 0)
    return [r for part in parts for r in part], first.opening, closing


def read_mt940(path: Path) -> Lines:
    """The lines of MT940 statement `path` (see the module): the frame a statement reader gives
    (`xlbo.bank.lines`), `row` each line's `:61:` line in the file, the balance the running one
    from the opening. A field that cannot be read is an Error naming its line of the file; a
    file with no line and no balance is refused."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError:  # a European bank's Latin-1: its accented letters as written
        text = raw.decode("latin-1")
    issues: list[Issue] = []
    rows: list[dict[str, object]] = []
    statements: list[_Statement] = []  # each :60F: (or a page's :60M:) to its :62F:
    account = ""  # the first account's: a file of several is read for its first
    others: dict[str, int] = {}  # the other accounts' numbers and their lines, not read
    current = ""
    currency = ""
    previous = ""

    def problem(number: int, tag: str, value: str, what: str) -> None:
        issues.append(
            Issue(
                severity=Severity.ERROR,
                sheet=path.name,
                cell=f"line {number}",
                value=value[:60],
                problem=f"the :{tag}: field {what}: it was not read",
                hint="Download the MT940 statement again, or the statement as Excel or CSV.",
                file=path.name,
            )
        )

    for tag, value, number in _fields(text):
        tag_before, previous = previous, tag
        if tag == "25":
            current = value.strip().rpartition("/")[2]
            account = account or current
            continue
        if current != account:  # another account's statement
            others[current] = others.get(current, 0) + (tag == "61")
            continue
        if tag in ("60F", "60M", "62F", "62M"):  # a page's opening or closing balance
            try:
                paise, day, written_in = _balance(value)
            except ValueError:
                problem(number, tag, value, "is no balance (C or D, YYMMDD, currency, amount)")
                continue
            if tag.startswith("62"):
                if statements:
                    statements[-1].closing = (paise, day, number)
            else:
                statements.append(_Statement((paise, day), len(rows)))
                currency = currency or written_in
        elif tag == "61":
            head, _, more = value.partition("\n")
            found = _LINE.match(head.strip())
            try:
                if found is None:
                    raise ValueError(head)
                valued = _day(found.group("value"))
                entry = found.group("entry")
                booked = _entry_day(valued, entry) if entry else valued
                amount = _amount(found.group("amount"))
            except ValueError:
                problem(number, tag, value, "is no statement line (date, C or D, amount)")
                continue
            # RC (a credit reversed) takes money out, RD (a debit reversed) puts it back
            into = found.group("mark").upper() in ("C", "RD")
            owner, _, bank_ref = found.group("rest").partition("//")
            owner, bank_ref = owner.strip(), bank_ref.strip()
            reference = owner if owner.upper() not in NO_REFERENCE else ""
            rows.append(
                {
                    "row": number,
                    "date": booked,
                    "value_date": valued,
                    "narration": " ".join(more.split()),
                    "reference": reference
                    or (bank_ref if bank_ref.upper() not in NO_REFERENCE else ""),
                    "debit": 0 if into else amount,
                    "credit": amount if into else 0,
                }
            )
        elif tag == "86" and rows and tag_before == "61":  # the line's narration, not the
            # statement's own information after its closing balance (HSBC's `/OSDR/…`)
            said = " ".join(_SUBFIELD.sub(" ", value).split())
            rows[-1]["narration"] = " ".join(t for t in (str(rows[-1]["narration"]), said) if t)
    if others:
        issues.append(
            Issue(
                severity=Severity.WARNING,
                sheet=path.name,
                cell="",
                problem=f"the file holds the statements of {len(others) + 1} accounts: this "
                f"BRS is of A/c {account}; "
                + "; ".join(f"A/c {number}, {count:,} line(s)" for number, count in others.items())
                + " were not read",
                hint="To reconcile another account, download its statement alone and give it "
                "with its own ledger.",
                file=path.name,
            )
        )
    rows, (opening, first_day), (closing, last_day, closing_at) = _in_turn(
        rows, statements, issues, path.name
    )
    if not rows and opening is None:
        raise NotMt940(
            f"{path.name}: no statement line or balance could be read from it as an MT940 "
            "statement (:61: lines, :60F: and :62F: balances). Check the file, or download the "
            "statement as Excel or CSV."
        )
    frame = pd.DataFrame(
        rows,
        columns=["row", "date", "value_date", "narration", "reference", "debit", "credit"],
    )
    frame["debit"] = frame["debit"].astype(np.int64)
    frame["credit"] = frame["credit"].astype(np.int64)
    frame["row"] = frame["row"].astype(np.int64)
    start = opening or 0
    running = start + np.cumsum(frame["credit"].to_numpy() - frame["debit"].to_numpy())
    frame["balance"] = pd.array(running, dtype="Int64") if opening is not None else pd.NA
    frame["balance"] = frame["balance"].astype("Int64")
    frame["sheet"] = pd.Categorical.from_codes(
        np.zeros(len(frame), dtype=np.int8), pd.Index([path.name])
    )
    findings: list[Finding] = []
    read_to = int(running[-1]) if len(running) else start
    if opening is not None and closing is not None and read_to != closing:
        findings.append(
            Finding(
                closing_at,
                "Statement total",
                f"Line {closing_at}: the statement's closing balance (:62F:) is "
                f"{format_money(from_paise(closing), currency)}, but its opening balance "
                f"{format_money(from_paise(opening), currency)} and the lines read come to "
                f"{format_money(from_paise(read_to), currency)} (difference "
                f"{format_money(from_paise(closing - read_to), currency)}). A line may be "
                "missing from the download: compare the lines with the bank's statement.",
            )
        )
    if closing is None and opening is not None:
        issues.append(
            Issue(
                severity=Severity.WARNING,
                sheet=path.name,
                cell="",
                problem="the file states no closing balance (:62F:) that could be read: the "
                "closing balance on the BRS is the opening balance moved by the lines read, "
                "and nothing checks that no line is missing",
                hint="Download the MT940 statement again, whole, or the statement as Excel.",
                file=path.name,
            )
        )
    if first_day is not None and len(frame) and min(frame["date"]) > first_day:
        first_day += timedelta(days=1)  # the balance of the day before the first
    return Lines(
        frame,
        path.name,
        path.name,
        {},
        issues,
        opening=opening,
        closing=closing if closing is not None else (read_to if opening is not None else None),
        accounts_below=list(others),
        account=account,
        period=(first_day, last_day),
        currency="" if currency == "INR" else currency,
        findings=findings,
    )
