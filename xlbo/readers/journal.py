"""The Journal sheet as accounting lines in exact paise, as `xlbo.reports` takes them.

Headers: `Date`, `Voucher No`, `Voucher Type`, `Account`, `Debit`, `Credit`, `Party`,
`Cost Centre`, `Narration`. Several lines share a Voucher No; each voucher must balance. Bad lines
become issues and are left out: an account not in the chart, text in an amount, a line with both
a debit and a credit; an unbalanced voucher is left out whole.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import pandas as pd

from xlbo.book import Reader
from xlbo.cells import clean_text
from xlbo.dates import parse_date
from xlbo.errors import UserError
from xlbo.issues import Issue, Severity
from xlbo.journal_layout import HEADERS, KEY_TEXT, LINE_COLUMNS, TEXT_HEADERS
from xlbo.money import format_inr, from_paise, parse_amount, to_paise


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
    accounts: set[str] | None,
    *,
    begins: date | None = None,
    until: date | None = None,
) -> tuple[pd.DataFrame, list[Issue]]:
    """Lines (row, date, voucher, type, account, debit, credit, party, cost centre, narration)
    in paise, and issues for what was left out.

    Vouchers dated before `begins` (the day the books begin, on which the opening balances
    stand) would count twice: they are issues and left out. Lines after `until` (the end of the
    period reported) are kept for the caller and noted once. `accounts` is the chart each line's
    account must be in; None takes every account as written (a job that reads one account)."""
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

    known = None if accounts is None else {a.casefold(): a for a in accounts}
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
        account = known.get(account_text.casefold()) if known is not None else account_text or None
        if account is None:
            issue(
                number,
                "Account",
                account_text,
                f"'{account_text}' is not in the chart of accounts"
                if known is not None
                else "Account is blank",
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
