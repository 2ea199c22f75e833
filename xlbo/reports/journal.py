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
from datetime import date
from typing import Any

import pandas as pd

from xlbo.book import Reader
from xlbo.cells import clean_text
from xlbo.dates import YearOutOfRange, check_year, parse_date, parse_month
from xlbo.errors import UserError
from xlbo.issues import Issue, Severity
from xlbo.journal_layout import (
    HEADERS as HEADERS,  # for demo/month.py and benchmarks/, until they import it from xlbo.journal_layout
)
from xlbo.journal_layout import KEY_TEXT, LINE_COLUMNS, TEXT_HEADERS
from xlbo.money import format_inr, from_paise, parse_amount, to_paise
from xlbo.periods import APRIL, Period, financial_year

PERIOD_FORMS = "write YYYY-MM, YYYY-MM:YYYY-MM or FY2026-27"


def _month(text: str, given: str) -> date:
    try:
        return parse_month(text)
    except YearOutOfRange as error:
        raise UserError(f"--period {given[:40]}: {error}.") from None
    except ValueError:
        raise UserError(f"--period '{given[:40]}' is not a period; {PERIOD_FORMS}.") from None


def parse_period(text: str, fy_start: int = APRIL) -> Period:
    """The period a report covers, from what the user typed; a UserError naming the fault when
    it is not one (a month that does not exist, a year outside 1900–2100, FY2026-29). A
    financial year (`FY2026-27`) starts in month `fy_start`: the Company sheet's Financial Year
    Starts, April unless it says otherwise."""
    given = str(text).strip()
    cleaned = given.upper().replace(" ", "")
    fy = re.fullmatch(r"FY(\d{4})(?:-(\d{2}))?", cleaned)
    if fy:
        first = int(fy.group(1))
        try:
            check_year(first)
            check_year(first + 1)
        except YearOutOfRange as error:
            raise UserError(f"--period {given[:40]}: {error}.") from None
        year = financial_year(date(first, fy_start, 1), fy_start)
        if cleaned != year.label.replace(" ", ""):
            raise UserError(
                f"--period {given}: a financial year runs from {year.start:%B}"
                + (
                    f" of one year to {year.end:%B} of the next"
                    if year.start.year != year.end.year
                    else f" to {year.end:%B}"
                )
                + f"; write {year.label.replace(' ', '')}."
            )
        return year
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


def check_period(text: str) -> None:
    """Refuse a period that is malformed whatever month the company's year starts in (at the
    door, before the master says the month): `FY2026` is checked as a year from January,
    `FY2026-27` as one from April; `parse_period` with the company's month decides the rest."""
    fy = re.fullmatch(r"FY(\d{4})(-\d{2})?", str(text).strip().upper().replace(" ", ""))
    parse_period(text, 1 if fy and not fy.group(2) else APRIL)


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
