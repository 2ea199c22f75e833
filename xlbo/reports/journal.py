"""The Journal sheet as accounting lines in exact paise, with the period a report covers.

Headers: `Date`, `Voucher No`, `Voucher Type`, `Account`, `Debit`, `Credit`, `Party`,
`Cost Centre`, `Narration`. Several lines share a Voucher No; each voucher must balance. Bad lines
become issues and are left out: an account not in the chart, text in an amount, a line with both
a debit and a credit; an unbalanced voucher is left out whole.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from xlbo.book import Reader
from xlbo.book.display import Column, Kind, ResultSheet
from xlbo.cells import clean_text
from xlbo.dates import YearOutOfRange, check_year, parse_date, parse_month
from xlbo.errors import UserError
from xlbo.issues import Issue, Severity
from xlbo.money import format_inr, from_paise, parse_amount, to_paise

HEADERS = (
    "Date",
    "Voucher No",
    "Voucher Type",
    "Account",
    "Debit",
    "Credit",
    "Party",
    "Cost Centre",
    "Narration",
)


LINE_COLUMNS = (
    "row",
    "date",
    "voucher",
    "type",
    "account",
    "debit",
    "credit",
    "party",
    "cost_centre",
    "narration",
)
"""The columns of a journal's lines as the reports take them (the sheet's row, money in paise)."""
TEXT_HEADERS = ("Voucher No", "Account", "Voucher Type", "Party", "Cost Centre", "Narration")
KEY_TEXT = frozenset({"Voucher No", "Account"})
"""Text cells a line cannot be used without (the rest are read as blank when they hold an
Excel error, and said)."""


@dataclass(frozen=True)
class Period:
    """A span of whole months: `2026-10`, `2026-04:2026-09` or `FY2026-27`."""

    start: date
    end: date
    label: str

    @property
    def months(self) -> int:
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    def previous(self) -> Period:
        """The same number of months just before."""
        months = self.months
        first_index = self.start.year * 12 + self.start.month - 1 - months
        start = date(first_index // 12, first_index % 12 + 1, 1)
        last_index = first_index + months - 1
        end_month = date(last_index // 12, last_index % 12 + 1, 1)
        end = end_month.replace(day=calendar.monthrange(end_month.year, end_month.month)[1])
        return Period(
            start, end, f"{start:%b %Y} – {end:%b %Y}" if months > 1 else f"{start:%b %Y}"
        )


PERIOD_FORMS = "write YYYY-MM, YYYY-MM:YYYY-MM or FY2026-27"


def _month(text: str, given: str) -> date:
    try:
        return parse_month(text)
    except YearOutOfRange as error:
        raise UserError(f"--period {given[:40]}: {error}.") from None
    except ValueError:
        raise UserError(f"--period '{given[:40]}' is not a period; {PERIOD_FORMS}.") from None


def parse_period(text: str) -> Period:
    """The period a report covers, from what the user typed; a UserError naming the fault when
    it is not one (a month that does not exist, a year outside 1900–2100, FY2026-29)."""
    given = str(text).strip()
    cleaned = given.upper().replace(" ", "")
    fy = re.fullmatch(r"FY(\d{4})-(\d{2})", cleaned)
    if fy:
        first = int(fy.group(1))
        try:
            check_year(first)
            check_year(first + 1)
        except YearOutOfRange as error:
            raise UserError(f"--period {given[:40]}: {error}.") from None
        if int(fy.group(2)) != (first + 1) % 100:
            raise UserError(
                f"--period {given}: a financial year runs from April of one year to March of the "
                f"next; write FY{first}-{(first + 1) % 100:02d}."
            )
        return Period(date(first, 4, 1), date(first + 1, 3, 31), f"FY {first}-{fy.group(2)}")
    if cleaned.startswith("FY"):
        raise UserError(f"--period {given[:40]}: not a financial year; write it as FY2026-27.")
    first_text, colon, last_text = cleaned.partition(":")
    start = _month(first_text, given)
    last = _month(last_text, given) if colon else start
    if last < start:
        raise UserError(f"--period {given}: it ends before it starts.")
    end = last.replace(day=calendar.monthrange(last.year, last.month)[1])
    label = f"{start:%b %Y}" if start == last else f"{start:%b %Y} – {end:%b %Y}"
    return Period(start, end, label)


def _texts(cells: Mapping[Any, Any]) -> tuple[dict[str, str], dict[str, str]]:
    """A journal row's text cells, cleaned, and the Excel errors (#REF!, #N/A) found where text
    should be (header → what is wrong); a cell with an error reads as blank."""
    texts: dict[str, str] = {}
    errors: dict[str, str] = {}
    for header in TEXT_HEADERS:
        try:
            texts[header] = clean_text(cells.get(header)) or ""
        except ValueError as error:
            texts[header], errors[header] = "", str(error)
    return texts, errors


def journal_lines(
    reader: Reader,
    accounts: set[str],
    *,
    begins: date | None = None,
    until: date | None = None,
) -> tuple[pd.DataFrame, list[Issue]]:
    """Lines (row, date, voucher, type, account, debit, credit, party, cost centre, narration)
    in paise, and issues for what was left out.

    Vouchers dated before `begins` (the day the books begin, on which the opening balances
    stand) would count twice: they are issues and left out. Lines after `until` (the end of the
    period reported) are kept for the caller and noted once."""
    if not reader.has("Journal"):
        raise UserError(
            f"{reader.name} has no Journal sheet; the reports are built from it "
            f"(headers: {', '.join(HEADERS)})."
        )
    table = reader.read_table("Journal", HEADERS)
    frame = table.frame
    issues: list[Issue] = []

    def issue(
        row: int,
        header: str,
        value: Any,
        problem: str,
        hint: str,
        severity: Severity = Severity.ERROR,
    ) -> None:
        issues.append(
            Issue(
                severity=severity,
                sheet=table.sheet,
                cell=table.cell(row, header),
                value=value,
                problem=problem,
                hint=hint,
                file=reader.name,
            )
        )

    known = {a.casefold(): a for a in accounts}
    out = []
    for row, cells in zip(frame.index.tolist(), frame.to_dict("records"), strict=True):
        number = int(row)
        try:
            day = parse_date(cells.get("Date"))
        except ValueError as error:
            issue(number, "Date", cells.get("Date"), f"Date: {error}", "The line was left out.")
            continue
        try:
            debit = parse_amount(cells.get("Debit"))
            credit = parse_amount(cells.get("Credit"))
        except ValueError as error:
            issue(number, "Debit", cells.get("Debit"), f"Amount: {error}", "The line was left out.")
            continue
        texts, errors = _texts(cells)
        fatal = next((h for h in errors if h in KEY_TEXT), None)
        if fatal:
            issue(
                number,
                fatal,
                cells.get(fatal),
                f"{fatal}: {errors[fatal]}",
                "The line was left out.",
            )
            continue
        for header, said in errors.items():
            issue(
                number,
                header,
                cells.get(header),
                f"{header}: {said}",
                "The line was used with the cell read as blank.",
                Severity.WARNING,
            )
        account_text = texts["Account"]
        if day is None and not account_text and not debit and not credit:
            continue
        if debit and credit:
            issue(
                number,
                "Credit",
                credit,
                "The line has both a debit and a credit",
                "Split it into two lines; it was left out.",
            )
            continue
        account = known.get(account_text.casefold())
        if account is None:
            issue(
                number,
                "Account",
                account_text,
                f"'{account_text}' is not in the chart of accounts",
                "Add the account to Accounts or correct the name; the line was left out.",
            )
            continue
        if day is None:
            issue(number, "Date", cells.get("Date"), "Date is blank", "The line was left out.")
            continue
        out.append(
            {
                "row": number,
                "date": day,
                "voucher": texts["Voucher No"] or f"row {number}",
                "type": texts["Voucher Type"],
                "account": account,
                "debit": to_paise(debit) if debit else 0,
                "credit": to_paise(credit) if credit else 0,
                "party": texts["Party"],
                "cost_centre": texts["Cost Centre"],
                "narration": texts["Narration"],
            }
        )
    lines = pd.DataFrame(out, columns=list(LINE_COLUMNS))
    if len(lines):
        sums = lines.groupby("voucher")[["debit", "credit"]].sum()
        unbalanced = sums[sums["debit"] != sums["credit"]]
        # each voucher's first row, found once for all (not by a scan of every line per voucher)
        first_rows = lines.groupby("voucher")["row"].min().to_dict()
        for voucher, debits, credits in zip(
            unbalanced.index.tolist(),
            unbalanced["debit"].tolist(),
            unbalanced["credit"].tolist(),
            strict=True,
        ):
            first = int(first_rows[voucher])
            gap = int(debits) - int(credits)
            issue(
                first,
                "Voucher No",
                voucher,
                f"Voucher {voucher} does not balance: debits exceed credits by {format_inr(from_paise(gap), symbol=True)}"
                if gap > 0
                else f"Voucher {voucher} does not balance: credits exceed debits by {format_inr(from_paise(-gap), symbol=True)}",
                "Correct the voucher; it was left out of the reports.",
            )
        lines = lines[~lines["voucher"].isin(unbalanced.index)]
    if begins is not None and len(lines):
        early = lines[lines["date"] < begins]
        for voucher, group in early.groupby("voucher", sort=False):
            issue(
                int(group["row"].iloc[0]),
                "Date",
                group["date"].iloc[0],
                f"Voucher {voucher!s} of {group['date'].iloc[0]:%d-%m-%Y} is dated before the books "
                f"begin ({begins:%d-%m-%Y}); the opening balances already hold it",
                "Correct the date, or the Company sheet's Books Begin; it was left out.",
            )
        lines = lines[lines["date"] >= begins]
    if until is not None and len(lines):
        late = lines[lines["date"] > until]
        if len(late):
            earliest = late.sort_values("date").iloc[0]
            issues.append(
                Issue(
                    severity=Severity.INFO,
                    sheet=table.sheet,
                    cell=table.cell(int(earliest["row"]), "Date"),
                    value=f"{earliest['date']:%d-%m-%Y}",
                    problem=f"{len(late):,} journal lines are dated after the period "
                    f"(from {earliest['date']:%d-%m-%Y}); they are not in these reports",
                    hint="Choose a later --period to include them.",
                    file=reader.name,
                )
            )
    return lines.reset_index(drop=True), issues


def monthly_movement(lines: pd.DataFrame, period: Period) -> dict[tuple[str, date], int]:
    """Debit-positive movement of each account in each month of the period, in paise, keyed by
    (account, first day of the month)."""
    mine = lines[(lines["date"] >= period.start) & (lines["date"] <= period.end)]
    if mine.empty:
        return {}
    month = pd.to_datetime(mine["date"]).dt.to_period("M").dt.start_time.dt.date
    net = (mine["debit"] - mine["credit"]).groupby([mine["account"], month]).sum()
    result: dict[tuple[str, date], int] = {}
    for key, value in net.items():
        pair: tuple[object, date] = key  # type: ignore[assignment]
        result[(str(pair[0]), pair[1])] = int(value)
    return result


def journal_sheet(frame: pd.DataFrame) -> ResultSheet:
    """The Journal sheet as users keep it: an Excel Table with room to add lines."""
    return ResultSheet(
        "Journal",
        frame,
        columns={
            "Date": Column(kind=Kind.DATE),
            "Debit": Column(kind=Kind.MONEY),
            "Credit": Column(kind=Kind.MONEY),
            "Voucher No": Column(kind=Kind.ID, width=16),
            "Account": Column(width=34),
            "Party": Column(width=34),
            "Narration": Column(kind=Kind.LONG_TEXT, width=60),
        },
        excel_table="Journal",
        spare_rows=50,
    )
