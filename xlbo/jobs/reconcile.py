"""The Reconcile job: a bank statement against the bank ledger, matched, explained, and a BRS.

    $ xlbo reconcile --bank hdfc-statement.xlsx --ledger tally-hdfc-ledger.xlsx --out brs.xlsx

Sheets: Summary, Matches, Unmatched Bank, Unmatched Ledger, Suggestions, BRS, Integrity. Every
Bank Row and Ledger Row is the line's row in its file, and a link to it.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from xlbo.bank.banks import account_number, bank_name, bank_of, same_account
from xlbo.bank.brought_forward import carried_pairs
from xlbo.bank.brs import (
    BANK_BALANCE,
    BANK_EXPECTED,
    BANK_NOT_GIVEN,
    BOOKS_COMPUTED,
    BOOKS_LEDGER,
    BRS,
    DIFFERENCE,
    NIL,
    OVERDRAFT_BANK,
    OVERDRAFT_COMPUTED,
    OVERDRAFT_LEDGER,
    STALE_AFTER_MONTHS,
    Line,
    Section,
    no_items,
    reconcile,
    statement_lines,
)
from xlbo.bank.columns import CREDIT_MARK, DEBIT_MARK, balance_sides, narration_sides
from xlbo.bank.earlier_items import booked_since, still_outstanding
from xlbo.bank.integrity import Finding, check_statement, opening_and_closing
from xlbo.bank.lines import Lines
from xlbo.bank.match import (
    DEFAULT_WINDOW,
    Decisions,
    Rule,
    Window,
    match_lines,
    narration_names,
    prepare_bank,
    prepare_ledger,
)
from xlbo.bank.near_misses import TDS_DEDUCTED
from xlbo.bank.parties import CHEQUE_WORDS
from xlbo.bank.references import reference_frame
from xlbo.bank.reversals import reversed_pairs
from xlbo.bank.scoring import BROUGHT_FORWARD_SCORE
from xlbo.bank.side import NarrationsRead, Side, book_references, brought_forward
from xlbo.bank.wrong_way import wrong_way
from xlbo.book import FileBook, Reader, Table, write_workbook
from xlbo.book.atomic import as_written, check_output_file, result_set
from xlbo.book.display import Colour, Column, Figure, Highlight, Kind, Link, ResultSheet
from xlbo.book.flat import write_flat
from xlbo.book.limits import uncalculated_formulas, zip_sheet_names
from xlbo.book.table import EXCEL_ROWS, header_key
from xlbo.columns import contains, money_column, paise_column, strings, text_column
from xlbo.dates import month_end, parse_date
from xlbo.decisions import column_copied, decision_columns
from xlbo.decisions import marks as _decision
from xlbo.errors import SheetProblem, UserError
from xlbo.issues import Issue, Severity, display_value
from xlbo.jobs.registry import (
    EXIT_FINDINGS,
    EXIT_OK,
    JobResult,
    ReconcileSettings,
    Source,
    file_of,
    refuse_to_replace_inputs,
)
from xlbo.money import (
    INR_DR_CR_FORMAT,
    foreign,
    format_in,
    format_inr,
    format_money,
    from_paise,
    parse_amount,
    to_paise,
)
from xlbo.progress import shown
from xlbo.readers.last_brs import (
    BROUGHT_FORWARD,
    UNLINKED,
    UNMATCHED_BANK,
    UNMATCHED_LEDGER,
    LastBrs,
    last_brs_in,
    read_last_brs,
)
from xlbo.readers.ledger import (
    LedgerTitle,
    ledger_accounts,
    ledger_titles,
    looks_like_bank,
    not_a_bank_account,
    read_ledger,
    voucher_sheets,
)
from xlbo.readers.ledger_sections import (
    NAMED,
    THE_STATEMENTS,
    SeveralAccounts,
    account_key,
    statements_section,
)
from xlbo.readers.line_issues import CUT_OFF, cut_sentences
from xlbo.readers.mt940 import is_mt940
from xlbo.readers.roles import Role
from xlbo.readers.statement import BALANCE_NOT_CALCULATED, read_statement
from xlbo.sheets.issues import issues_sheet
from xlbo.together import at_once, forkable


class Detail(StrEnum):
    """Where the long tables (matches, unmatched lines, suggestions) go: sheets of the result
    workbook, or CSV/Parquet files beside it (for statements past Excel's size)."""

    XLSX = "xlsx"
    CSV = "csv"
    PARQUET = "parquet"


DETAIL_SHEETS = ("Matches", "Unmatched Bank", "Unmatched Ledger", "Suggestions")


def detail_for(*inputs: Path) -> Detail:
    """The default: sheets when every input is a workbook (or an MT940 statement, a month's
    lines as a bank's portal gives them); otherwise files of the inputs' kind (Parquet if any
    input is Parquet, else CSV)."""
    suffixes = {p.suffix.lower() for p in inputs if not is_mt940(p)}
    if suffixes & {".parquet", ".pq"}:
        return Detail.PARQUET
    if suffixes & {".csv", ".txt", ".tsv"}:
        return Detail.CSV
    return Detail.XLSX


def detail_path(out: Path, sheet: str, detail: Detail) -> Path:
    """`brs-unmatched-bank.csv` beside `brs.xlsx`."""
    return out.with_name(f"{out.stem}-{sheet.lower().replace(' ', '-')}.{detail.value}")


@dataclass(frozen=True)
class Reconciliation:
    matches: pd.DataFrame
    """One row per linked pair: match (its number), bank and ledger (positions), rule, score,
    why; the rows of a combination share its number."""
    suggestions: pd.DataFrame
    """bank, ledger, kind, why: pairs for the user to accept or leave."""
    findings: list[Finding]
    brs: BRS
    bank: pd.DataFrame
    ledger: pd.DataFrame
    bank_open: list[int]
    ledger_open: list[int]
    sheets: list[ResultSheet]
    notes: list[str]
    details: list[ResultSheet] = field(default_factory=list)
    """The long tables, when they go to files beside the workbook (`detail`)."""
    issues: list[Issue] = field(default_factory=list)
    """Cells of the statement or ledger that could not be read (their lines were left out)."""
    detail: Detail = Detail.XLSX
    decision_issues: list[Issue] = field(default_factory=list)
    """Cells of the Accept and Reject columns of the earlier result that held no decision xlbo
    understands (the pair was left as it was)."""
    unlikely: str = ""
    """The warning when almost nothing matched (this ledger may not be this bank account's)."""
    currency: str = ""
    """The statement's currency where not the rupee (an EEFC account's `USD`); "" for rupees."""
    carried_notes: str = ""
    """What of the user's own columns (and sheets) in the earlier result was carried into this
    one, and what was not (`_with_notes`); "" where there were none."""
    notes_held: int = 0
    """How many columns of the user's were carried onto this result's sheets."""

    @property
    def match_count(self) -> int:
        return int(self.matches["match"].nunique())


def _link(path: Path, report: Path | None) -> str:
    if report is None:
        return path.name
    try:
        return os.path.relpath(path.resolve(), report.resolve().parent)
    except ValueError:
        return str(path.resolve())


MAX_WINDOW_DAYS = 90
"""The most days a bank date may lie before or after the books' date (a quarter; clearing is
days, not months)."""


def window_of(
    days_before: Any,
    days_after: Any,
    names: tuple[str, str] = ("--days-before {}", "--days-after {}"),
) -> Window:
    """The matching window from day counts as the user gave them: each a whole number from 0 to
    MAX_WINDOW_DAYS, else a UserError saying where (`names`: how to name each value given, `{}`
    standing for it)."""
    counts = []
    for name, given in zip(names, (days_before, days_after), strict=True):
        try:
            days = int(str(given).strip())
        except ValueError:
            days = -1
        if not 0 <= days <= MAX_WINDOW_DAYS:
            raise UserError(
                f"{name.format(given)} is not a number of days from 0 to {MAX_WINDOW_DAYS}; "
                "give a whole number such as 3 (bank dates rarely lag the books by more)."
            )
        counts.append(days)
    return _window(-counts[0], counts[1])


def _window(before: int, after: int) -> Window:
    if not (-MAX_WINDOW_DAYS <= before <= 0 <= after <= MAX_WINDOW_DAYS):
        raise UserError(
            f"The matching window must be 0 to {MAX_WINDOW_DAYS} days before and after the "
            f"books' date (got {-before} before and {after} after)."
        )
    try:
        return Window(before, after)
    except ValueError as error:
        raise UserError(f"The matching window is out of bounds: {error}.") from None


def _said(message: str, started: float) -> None:
    """A line of progress on a terminal a person is watching (silent in pipes and tests)."""
    if shown():
        print(f"xlbo: {message} ({time.perf_counter() - started:.1f} s)", file=sys.stderr)
        sys.stderr.flush()


def company_in(path: Path | None) -> str:
    """The company's name from the Company sheet (Name column) of a books or master workbook;
    "" when there is none."""
    if path is None or not path.exists():
        return ""
    listed = zip_sheet_names(path, tables=True)
    if listed is not None and not any(header_key(n) == header_key("Company") for n in listed):
        return ""  # a Tally ledger or bank export: not surveyed again to find that out
    try:
        book = FileBook(path)
        if not book.has("Company"):
            return ""
        frame = book.read_table("Company", ["Name"]).frame
    except UserError:
        return ""
    if "Name" not in frame.columns:
        return ""
    names = [str(v).strip() for v in frame["Name"].tolist() if v is not None and str(v).strip()]
    return names[0] if names else ""


def master_company(master: Path) -> str:
    """The company's name from the master workbook `master` given with --master; refused
    (exit 2) when it cannot be read or has no Company sheet, so a BRS never silently lacks the
    company line the user asked for."""
    book = FileBook(master)  # an empty file, a CSV named .xlsx: FileProblem, naming it
    if not book.has("Company"):
        found = ", ".join(f"'{name}'" for name in book.sheet_names()[:8]) or "none"
        raise SheetProblem(
            f"--master {master.name} has no Company sheet (its sheets: {found}); give the "
            "master-data workbook (xlbo init makes one), or leave --master out."
        )
    company = company_in(master)
    if not company:
        raise SheetProblem(
            f"--master {master.name}: the Company sheet has no Name; type the company's name "
            "under Name, or leave --master out."
        )
    return company


_BANK_SUBGROUPS = ("cash and cash equivalents", "bank")
"""Sub-groups (or groups) of the master's Accounts sheet that hold bank and cash accounts."""


def master_banks(master: Path) -> list[str]:
    """The bank and cash accounts the master workbook names: its Bank Accounts sheet (Account
    column) and the accounts of its Accounts sheet under Cash and Cash Equivalents (or a group
    with Bank in its name, or a bank's cash credit among Short-term Borrowings). Empty when the
    master says nothing about them (then the books' names and lines decide)."""
    book = FileBook(master)
    names: list[str] = []
    if book.has("Bank Accounts"):
        frame = book.read_table("Bank Accounts", ["Account"]).frame
        if "Account" in frame.columns:
            names += [str(v).strip() for v in frame["Account"].tolist() if v is not None]
    if book.has("Accounts"):
        frame = book.read_table("Accounts", ["Account", "Group", "Sub-group"]).frame
        if "Account" in frame.columns:
            for row in frame.to_dict("records"):
                name = str(row.get("Account") or "").strip()
                groups = " ".join(str(row.get(k) or "") for k in ("Group", "Sub-group")).casefold()
                if any(word in groups for word in _BANK_SUBGROUPS) or (
                    "short-term borrowings" in groups and looks_like_bank(name)
                ):
                    names.append(name)
    return list(dict.fromkeys(n for n in names if n))


FEW_MATCHED = 0.05
"""A BRS where fewer than this share of the bank lines and of the ledger lines matched is
flagged: the ledger is most likely not this bank account's (a wrong --account, last year's
ledger), whatever its difference says."""


FEW_LINES = 10
"""Below this many lines on both sides, too few to judge by the share matched (a BRS of two
lines whose one pair the user rejected is not a wrong ledger)."""


NO_BALANCE = "No balance"
"""The Integrity check that says a statement gave no balance to check or reconcile to."""


def _wrong_way(
    sides: tuple[Side, Side],
    lines: tuple[pd.DataFrame, pd.DataFrame],
    window: Window,
    source: str,
    statement_source: str = "the statement",
) -> None:
    """Stop (UserError) before matching when the ledger's Debit and Credit look the wrong way
    round (xlbo.bank.wrong_way; scoring.WRONG_WAY_SHARE): every line would sit on the BRS twice
    and the BRS would still "tie". `sides`: the bank's and the ledger's as the matcher sees them;
    `lines`: the same lines as read (for their dates and texts). Where the statement's own
    running balance moves against its columns (`_against_sides`), its narrations' words decide:
    against the columns too, it is the statement (`statement_source`) that is said to be the
    wrong way round; with them, an overdraft written without Dr, and the ledger is; silent or
    mixed, both are named."""
    found = wrong_way(*sides, window)
    if not found.refused:
        return
    bank_lines, ledger_lines = lines
    bank_signed = sides[0].lines["signed"].to_numpy(dtype=np.int64)
    signed = sides[1].lines["signed"].to_numpy(dtype=np.int64)
    examples = []
    for g, b in found.examples:
        amount = format_inr(from_paise(abs(int(signed[g]))))
        examples.append(
            f"{_day_text(ledger_lines['date'].iat[g])} "
            f"{str(ledger_lines['particulars'].iat[g])[:40]!r} {amount} "
            f"{'Debit' if signed[g] > 0 else 'Credit'}, where the bank shows "
            f"{_day_text(bank_lines['date'].iat[b])} {str(bank_lines['narration'].iat[b])[:40]!r} "
            f"{amount} {'deposited' if bank_signed[b] > 0 else 'withdrawn'}"
        )
    balance_against, balance_told = _against_sides(bank_lines, by_words=False)
    if balance_against >= WRONG_WAY_LINES and balance_against >= AGAINST_SHARE * balance_told:
        # the statement's own balance runs against its columns: its columns are headed the other
        # way round, or it is an overdraft whose balance is written without Dr; its narrations'
        # words (NEFT DR, BY TRANSFER) tell which, where enough of them say a side
        words_against, words_told = _against_sides(bank_lines, by_words=True)
        evidence = (
            f"own running balance rises by its withdrawals and falls by its deposits "
            f"({balance_against:,} of the {balance_told:,} lines it tells)"
        )
        ledger_side = (
            f"{found.other_way:,} of the ledger's {found.lines:,} lines equal a bank line of the "
            f"same amount only on the other side; for example {'; '.join(examples)}"
        )
        words_say = words_told >= WRONG_WAY_LINES
        if words_say and words_against >= AGAINST_SHARE * words_told:
            raise UserError(
                f"{statement_source}: its withdrawal and deposit columns look headed the other "
                f"way round: its {evidence}, and so do the words of its narrations ({words_against:,} "
                f"of the {words_told:,} that say NEFT DR, BY TRANSFER and the like); "
                f"{ledger_side}. Check the statement's header row (money out must be under "
                "Withdrawal or Debit); then reconcile again."
            )
        words_agree = words_say and words_against <= (1 - AGAINST_SHARE) * words_told
        if not words_agree:
            raise UserError(
                f"{statement_source} and {source} disagree on which way the money went: "
                f"{ledger_side}. The statement's {evidence}, so either its withdrawal and "
                "deposit columns are headed the other way round, or it is an overdraft account "
                "whose balances it writes without Dr and the ledger's Debit and Credit are the "
                "wrong way round (in the books the bank ledger is debited with receipts, money "
                "in). Check the statement's header row and the ledger; then reconcile again."
            )
        # the words agree with the columns: an overdraft written without Dr, the ledger at fault
    raise UserError(
        f"{source}: its Debit and Credit look the wrong way round. {found.other_way:,} of its "
        f"{found.lines:,} lines equal a bank line of the same amount only on the other side "
        f"(by reference or date), and {found.as_they_stand:,} equal one as they stand; for "
        f"example {'; '.join(examples)}. In the books the bank ledger is debited with receipts "
        "(money in) and credited with payments (money out). Give the bank account's ledger "
        "exported from the books (Tally: Display > Account Books > Ledger, the bank's ledger), "
        "or, in a bank book kept by hand whose columns are headed the other way, exchange the "
        "Debit and Credit headings; then reconcile again."
    )


WRONG_WAY_LINES = 20
"""Lines that must say a side against the statement's columns, at the least, before the
statement is said to be the wrong way round (a few are any statement's odd lines)."""
AGAINST_SHARE = 0.9
"""The share of the lines that say a side that must say it against the columns."""


def _against_sides(bank: pd.DataFrame, *, by_words: bool) -> tuple[int, int]:
    """How many of the statement's lines say a side against their columns (a withdrawal the
    balance rises by, a deposit it falls by; with `by_words`, a withdrawal whose narration says
    money in, `NEFT CR`, or a deposit whose says money out), of the lines that say a side."""
    if bank.empty or (not by_words and "balance" not in bank.columns):
        return 0, 0
    debit = bank["debit"].to_numpy(dtype=np.int64)
    credit = bank["credit"].to_numpy(dtype=np.int64)
    if by_words:
        seen = narration_sides(bank["narration"])
    else:
        shown = bank["balance"].notna().to_numpy(dtype=bool)
        balance = pd.to_numeric(bank["balance"], errors="coerce").fillna(0)
        seen = balance_sides(debit + credit, balance.to_numpy(dtype=np.int64), shown)
    said = np.where(credit > 0, CREDIT_MARK, DEBIT_MARK)
    tells = ((debit == 0) != (credit == 0)) & (seen != "")
    return int(np.sum(tells & (seen != said))), int(np.sum(tells))


def _unbalanced_last_sheet(lines: pd.DataFrame) -> tuple[str, int] | None:
    """The last sheet joined (its name and first row) where it gives no balance on any line
    though an earlier sheet does (October with its balances, November with an empty Balance
    column): the last balance written is October's, no closing balance of the statement."""
    if "sheet" not in lines.columns or lines.empty or lines["balance"].isna().all():
        return None
    sheets = lines["sheet"].astype(object).fillna("").astype(str)
    last = str(sheets.iat[-1])
    on_last = (sheets == last).to_numpy()
    if lines.loc[on_last, "balance"].notna().any():
        return None
    return last, int(lines["row"].to_numpy(dtype=np.int64)[np.flatnonzero(on_last)[0]])


def _no_balance(bank: pd.DataFrame, unbalanced: tuple[str, int] | None) -> Finding:
    """The Integrity finding for a statement that gives no closing balance to reconcile to."""
    after = (
        "and the BRS runs from the books' balance to the balance the bank should show. Compare "
        "that with the bank's closing balance on its statement or passbook."
    )
    if unbalanced is not None:
        sheet, row = unbalanced
        return Finding(
            row,
            NO_BALANCE,
            f"Sheet '{sheet}', the statement's last, gives no balance (no Balance column, or an "
            "empty one, and no closing balance in a summary): its lines could not be checked "
            "against a running balance, the balance an earlier sheet ends with is no closing "
            f"balance of the statement, {after}",
        )
    return Finding(
        int(bank["row"].to_numpy(dtype=np.int64)[0]),
        NO_BALANCE,
        "The statement gives no balance (no Balance column, or an empty one, and no closing "
        f"balance in a summary): its lines could not be checked against a running balance, {after}",
    )


def _no_findings(balanced: bool, statement: Lines, closing: int | None) -> str:
    """What the Integrity sheet says when it has no finding: what was checked, and, for a
    statement whose lines give no running balance but whose summary gives the closing
    balance, that the lines could not be checked one by one and where the BRS's balance
    comes from."""
    if balanced or closing is None:
        return (
            "No integrity findings: the running balance follows from line to line, no line "
            "appears twice, and the statement's own totals, where it gives them, agree with its "
            "lines."
        )
    return (
        "No integrity findings, but the statement's lines give no running balance (its Balance "
        "column is empty or missing), so they could not be checked one by one. The balance as "
        f"per bank statement on the BRS, {format_inr(from_paise(closing))}, is the closing "
        "balance its summary gives"
        + (
            f"; the lines read add up to it from the summary's opening balance, "
            f"{format_inr(from_paise(statement.opening))}"
            if statement.opening is not None
            else "; the summary gives no opening balance, so the lines could not be checked "
            "against it: compare them with the bank's statement"
        )
        + ". No line appears twice."
    )


def _day_text(value: Any) -> str:
    """A line's date as the messages write it (dd-mm-yyyy)."""
    return display_value(value) if isinstance(value, date) else "(no date)"


def _check_account(
    account: str,
    ledger_path: Path,
    banks: Sequence[str],
    master: Path | None,
    ledger_lines: Lines,
    matched: int | None,
) -> None:
    """Refuse an `--account` that is no bank account: with a master that lists bank accounts,
    one it does not list; without, one whose name has no bank word (Bank, A/c, Cash, OD,
    Current) and whose lines match no line of the statement (`matched` 0)."""
    if banks and master is not None:
        if account_key(account) not in {account_key(b) for b in banks}:
            raise not_a_bank_account(
                account,
                ledger_path.name,
                f"{master.name} lists it under neither Bank Accounts nor Cash and Cash Equivalents",
                ledger_accounts(ledger_path),
                banks,
            )
        return
    if matched == 0 and not looks_like_bank(account) and len(ledger_lines.frame):
        raise not_a_bank_account(
            account,
            ledger_path.name,
            "its name has no bank word (Bank, A/c, Cash, OD, Current) and none of its "
            f"{len(ledger_lines.frame):,} lines matches a line of the statement. If it is the "
            "bank's ledger after all, give --master with the workbook whose Bank Accounts sheet "
            "lists it",
            ledger_accounts(ledger_path),
        )


def run_reconcile(
    bank_path: Path,
    ledger_path: Path,
    *,
    account: str | None = None,
    mapping: dict[Role, str] | None = None,
    window: Window = DEFAULT_WINDOW,
    report: Path | None = None,
    earlier: Path | None = None,
    rules_from: Path | None = None,
    detail: Detail | None = None,
    sheet: str | None = None,
    master: Path | None = None,
    last_brs: Path | None = None,
) -> Reconciliation:
    """Reconcile the statement file `bank_path` against the ledger file `ledger_path`. `last_brs`
    is last month's result, whose outstanding items this month's lines may clear. `earlier`
    is a result workbook whose Accept and Reject columns (and Rules) the user filled in: its
    decisions are applied. `rules_from` is an earlier month's result whose Rules are reused.
    `detail` says where the long tables go (by default: see `detail_for`). `sheet` names the
    statement's sheet (by default every statement sheet of the workbook); `master` is a master
    workbook whose Company sheet names the company when the files do not."""
    window = _window(window.before, window.after)
    chosen = detail or detail_for(bank_path, ledger_path)
    company_of_master = master_company(master) if master is not None else ""
    banks = master_banks(master) if master is not None else []
    carried = read_last_brs(last_brs) if last_brs is not None else None
    statement, ledger_lines = _read_both(bank_path, ledger_path, sheet, mapping, account)
    if carried is not None and last_brs is not None:
        _check_last_brs(carried, last_brs, statement)
    if account and not ledger_lines.account:
        ledger_lines = replace(ledger_lines, account=account)
    if account:  # at once, before matching, when the master says which accounts are banks
        _check_account(account, ledger_path, banks, master, ledger_lines, None)
    run = pd.DataFrame(
        [
            ["Bank", str(bank_path.resolve())],
            ["Ledger", str(ledger_path.resolve())],
            ["Account", account or ""],
            ["Days Before", -window.before],
            ["Days After", window.after],
            ["Detail", chosen.value],
            ["Sheet", sheet or ""],
            ["Master", str(master.resolve()) if master else ""],
            ["Last BRS", str(last_brs.resolve()) if last_brs else ""],
        ],
        columns=["Key", "Value"],
        dtype=object,
    )
    result = reconcile_lines(
        statement,
        ledger_lines,
        window=window,
        earlier=earlier,
        rules_from=rules_from,
        bank_file=_link(bank_path, report),
        ledger_file=_link(ledger_path, report),
        detail_files=[]
        if chosen is Detail.XLSX
        else [detail_path(report or Path("brs.xlsx"), n, chosen).name for n in DETAIL_SHEETS],
        company=company_in(ledger_path) or company_of_master,
        carried=carried,
        carried_file=_link(last_brs, report) if last_brs is not None else "",
        about_earlier=[
            issue
            for path, option in ((last_brs, "--last-brs"), (rules_from, "--rules"))
            if path is not None and (issue := marks_not_applied(path, option)) is not None
        ],
    )
    if account:
        _check_account(account, ledger_path, banks, master, ledger_lines, result.match_count)
    # how many decisions the result holds (matches confirmed, pairs rejected): a later run over
    # it, unchanged since, knows without reading its long sheets (`_may_hold_decisions`)
    held = pd.DataFrame(
        [["Decisions", _decisions_held(result)], ["Notes", result.notes_held]],
        columns=run.columns,
        dtype=object,
    )
    run = pd.concat([run, held], ignore_index=True)
    result.sheets.append(ResultSheet("Run", run, headerless=True, hidden=True))
    if chosen is Detail.XLSX:
        return result
    return replace(
        result,
        sheets=[s for s in result.sheets if s.name not in DETAIL_SHEETS],
        details=[s for s in result.sheets if s.name in DETAIL_SHEETS],
        detail=chosen,
    )


def marks_not_applied(result: Path, option: str) -> Issue | None:
    """A warning when an earlier month's result, given as `--last-brs` or `--rules`, holds
    Accept or Reject marks no --confirm has applied: its BRS (the items brought forward) and its
    Rules are those of before the marks, where the user took them as made. None for a result
    as xlbo wrote it, read no further (`as_written`)."""
    if _all_as_written(result):
        return None
    marked = 0
    book = _reader(result)
    for sheet, columns in (("Suggestions", ("Accept", "Reject")), ("Matches", ("Reject",))):
        try:
            frame = _decision_table(result, sheet, book).frame
        except UserError:  # no such sheet, nor the file beside: nothing marked there
            continue
        for column in (c for c in columns if c in frame.columns):
            cells = text_column(frame[column])  # one look at each distinct word typed
            words = {text: _decision(text, column.casefold()) is True for text in cells.unique()}
            said = cells.map(words).to_numpy(dtype=bool)
            if column == "Reject" and "Kind" in frame.columns:  # listed as rejected: applied
                said = said & (text_column(frame["Kind"]) != REJECTED_KIND).to_numpy(dtype=bool)
            marked += int(said.sum())
    if not marked:
        return None
    uses = "items brought forward" if option == "--last-brs" else "rules"
    return Issue(
        severity=Severity.WARNING,
        sheet="Suggestions",
        cell="",
        value=f"{marked} mark(s)",
        problem=(
            f"{option} {result.name} holds {marked} Accept or Reject mark(s) never applied to it "
            f"(no --confirm since they were typed), so the {uses} taken from it are those of "
            "before the marks"
        ),
        hint=(
            f"Run xlbo reconcile --confirm {shlex.quote(result.name)} first (it writes last "
            "month's result again with the marks applied), then reconcile this month again."
        ),
        file=result.name,
    )


def _check_last_brs(carried: LastBrs, path: Path, statement: Lines) -> None:
    """Refuse a --last-brs made up to this statement's last day or later (this month's own
    result, or a later one): its items would be counted twice."""
    ends = statement.period[1] or _last_date(statement.frame)
    if carried.as_on is not None and ends is not None and carried.as_on >= ends:
        raise UserError(
            f"--last-brs {path.name} is the BRS as on {carried.as_on:%d-%m-%Y}, but this "
            f"statement ends on {ends:%d-%m-%Y}: give the result of the month before (its BRS "
            "as on the day before this statement begins)."
        )


APART_FROM = 1_000_000
"""Bytes of a ledger file from which it is read in a second process beside the statement
(`xlbo.together.at_once`'s `apart`, where the system allows it): about 20,000 lines of an
`.xlsx`, read in half a second; forking costs a hundredth of that."""


PREPARED_APART_FROM = 20_000
"""Ledger lines from which the ledger is prepared for matching in a second process while the
statement is prepared here (`prepare_ledger`: references and parties read from texts, Python's
work; in a thread it shares the statement's lock)."""


def _read_both(
    bank_path: Path,
    ledger_path: Path,
    sheet: str | None,
    mapping: dict[Role, str] | None,
    account: str | None,
) -> tuple[Lines, Lines]:
    """The statement and the ledger, read at the same time (`at_once`): a file that cannot be
    read raises as it would alone, the statement's problem first; the statement read again
    where the ledger's period shows its dates month first (`_dated_by_the_books`)."""
    read, books = _read_both_once(bank_path, ledger_path, sheet, mapping, account)
    if bank_path.resolve() == ledger_path.resolve():
        return read, books
    return _dated_by_the_books(
        read,
        books,
        lambda period: read_statement(str(bank_path), sheet=sheet, mapping=mapping, period=period),
    ), books


def _dated_by_the_books(
    statement: Lines, ledger_lines: Lines, again: Callable[[tuple[date, date]], Lines]
) -> Lines:
    """The statement read `again` in the ledger's period where its title states none and its
    dates, read day first, fall in that period less often than read month first: a statement a
    US-set Excel saved as CSV (`11/02/2026` for 2 November), every day 12 or less, was read as
    11 February to 11 December, five lines said to be 'reconciled with the books of their own
    month' (helper-137's V2). Dates a cell decides (`11/13/2026`) are read as they were."""
    begins, ends = ledger_lines.period
    if begins is None or ends is None or None not in statement.period:
        return statement
    dates = pd.to_datetime(statement.frame["date"], errors="coerce").dropna()
    year, month, day = dates.dt.year.to_numpy(), dates.dt.month.to_numpy(), dates.dt.day.to_numpy()
    first = begins.year * 10_000 + begins.month * 100 + begins.day
    last = ends.year * 10_000 + ends.month * 100 + ends.day
    read_so = year * 10_000 + month * 100 + day
    turned_so = year * 10_000 + day * 100 + month  # 11 February as 2 November
    inside = int(((read_so >= first) & (read_so <= last)).sum())
    turned = int(((day <= 12) & (turned_so >= first) & (turned_so <= last)).sum())
    if turned <= inside:
        return statement
    read = again((begins, ends))
    said = Issue(
        severity=Severity.INFO,
        file=read.source,
        sheet=read.sheet,
        cell="",
        value="",
        problem=f"the statement's dates were read month first (11/02/2026 as 2 November), as "
        f"the ledger's period, {begins:%d-%m-%Y} to {ends:%d-%m-%Y}, shows: neither its title "
        "nor any of its dates (every day 12 or less) says which",
        hint="If the statement is day first, save it with its dates as dd/mm/yyyy and "
        "reconcile again.",
    )
    return replace(read, issues=[*read.issues, said])


def _read_both_once(
    bank_path: Path,
    ledger_path: Path,
    sheet: str | None,
    mapping: dict[Role, str] | None,
    account: str | None,
) -> tuple[Lines, Lines]:
    """`_read_both`, the statement read as its own title and dates say."""
    started = time.perf_counter()

    def statement(
        source: str | FileBook = str(bank_path), skip: Sequence[str] = (), ahead: bool = False
    ) -> Lines:
        lines = read_statement(source, sheet=sheet, mapping=mapping, skip=skip)
        _said(f"read {len(lines.frame):,} statement lines from {bank_path.name}", started)
        if ahead:  # the ledger still being read apart: what the narrations say, read meanwhile
            lines = replace(lines, narrations=NarrationsRead.of(lines.frame))
        return lines

    opened: list[FileBook] = []  # the ledger's workbook, kept to choose among its sheets
    several: list[SeveralAccounts] = []  # an export of several banks' ledgers, no --account

    def ledger(
        source: str | FileBook | None = None, skip: Sequence[str] = (), named: str | None = None
    ) -> Lines | None:
        if source is None:
            source = str(ledger_path)
            if ledger_path.suffix.lower() != ".xml":  # Tally's XML is read by its own reader
                source = FileBook(source)
                opened.append(source)
        try:
            lines = read_ledger(source, named or account, skip=skip)
        except SeveralAccounts as problem:  # the statement's, once it is read
            several.append(problem)
            return None
        _said(f"read {len(lines.frame):,} ledger lines from {ledger_path.name}", started)
        return lines

    if bank_path.resolve() == ledger_path.resolve():  # one workbook: the ledger is another sheet
        book = FileBook(str(bank_path))
        read = statement(book, voucher_sheets(book))
        sheets = read.frame["sheet"].astype(str).unique().tolist() if len(read.frame) else []
        if not set(book.sheet_names()) - set(sheets or [read.sheet]):
            raise UserError(
                f"{bank_path.name} was given as both --bank and --ledger, but its sheets hold "
                "the statement and no ledger: give the bank ledger's own file with --ledger (or "
                "add the ledger to this workbook on a sheet of its own)."
            )
        books = ledger(book, sheets or [read.sheet])
        if books is None:
            raise several[0]
        return read, books

    def ledger_alone() -> tuple[Lines | None, list[SeveralAccounts], int]:
        """`ledger()` as a process of its own runs it: what it read, the export of several
        accounts it found, and how many sheets the ledger's workbook has."""
        return ledger(), several, len(opened[0].sheet_names()) if opened else 0

    # a big ledger is read by a second process: reading cells into columns is Python's work,
    # which two threads share one lock for (a 100,000-line Tally ledger: 2.3 s alone, beside
    # a statement of 1.5 s, 3.2 s together in threads)
    big = ledger_path.stat().st_size >= APART_FROM if ledger_path.is_file() else False
    # reading the narrations beside a ledger at least half the statement's size (a Tally
    # ledger is read more slowly than a statement of its size) is then no one's wait
    ahead = big and forkable() and 2 * ledger_path.stat().st_size >= _size_of(bank_path)
    read, (books, found, ledger_sheets) = at_once(
        lambda: statement(ahead=ahead), ledger_alone, apart=big
    )
    if found is not several:  # read apart: what it found, here
        several.extend(found)
    if books is None:  # several banks' ledgers in one export: the statement's account's
        named = statements_section(several[0].names, read.account, read.bank)
        if not named:
            raise several[0]
        books = ledger(opened[0] if opened else None, named=named)
        if books is None:
            raise several[0]
        said = [
            issue.model_copy(update={"problem": issue.problem.replace(NAMED, THE_STATEMENTS)})
            for issue in books.issues
        ]
        return read, replace(books, issues=said)
    if account is None and ledger_sheets > 1:  # a workbook of several ledgers: the statement's
        books = _statements_own_ledger(
            opened[0] if opened else FileBook(str(ledger_path)), read, books
        )
    return read, books


def _size_of(path: Path) -> int:
    """The file's size in bytes (0 where it is no file)."""
    return path.stat().st_size if path.is_file() else 0


def _statements_own_ledger(book: FileBook, statement: Lines, first: Lines) -> Lines:
    """Where the ledger workbook `book` holds several ledgers, a sheet each, and the one read
    (`first`, its first) is not the statement's, the sheet that is: the one whose title (or
    name: `HDFC 50200012345678`) gives the statement's account number (`HDFC Bank A/c
    50200012345678` for 50200012345678, where the first names `ICICI Bank A/c 000405001234`,
    or no number), else one giving no number; then the one of the statement's bank (`HDFC Bank
    Current A/c`, a sheet `HDFC`, for a statement headed HDFC BANK Ltd.: also where two numbers
    end in the digits a masked statement shows), else one naming no bank; then one of the
    statement's period (November's sheet of Oct-26, Nov-26 and Dec-26), shown before hidden. An
    Info issue says which sheet was read and why, and which others were as good. `first` where
    it is as good as any (a workbook of one sheet, whose titles are not read again; a statement
    that names no number, bank or period)."""
    wanted = account_number(statement.account)
    begins, ends = statement.period
    if (
        not first.sheet
        or not (wanted or statement.bank or begins or ends)
        or len(book.sheet_names()) < 2
    ):
        return first
    try:
        titles = ledger_titles(book)
    except UserError:  # another sheet that cannot be read: the first stands
        return first

    def fit(title: LedgerTitle) -> tuple[int, int, int, int]:
        """(names the account: 2, names none: 1, another: 0; the same for the bank; not of
        another month; shown)."""
        number = title.number
        named = 1 if not number else 2 if same_account(wanted, number) else 0
        bank = 1 if not title.bank else 2 if title.bank == statement.bank else 0
        start, end = title.period
        apart = bool((start and ends and start > ends) or (end and begins and end < begins))
        return (
            named if wanted else 0,
            bank if statement.bank else 0,
            int(not apart),
            int(not title.hidden),
        )

    fits = {title.sheet: fit(title) for title in titles}
    ranked = sorted(titles, key=lambda t: fits[t.sheet], reverse=True)  # stable: sheet order
    best = ranked[0]
    if fits.get(first.sheet, fits[best.sheet]) == fits[best.sheet]:
        return first
    try:
        other = read_ledger(book, sheet=best.sheet)
    except UserError:
        return first
    gained = [b > a for b, a in zip(fits[best.sheet], fits[first.sheet], strict=True)]
    named_by = "its title" if account_number(best.account) else "its sheet's name"
    banked_by = (
        "its sheet's name" if not bank_of([best.account]) and bank_of([best.sheet]) else "its title"
    )
    chosen = fits[best.sheet]
    why = (  # a sheet that names the statement's own, or one that names none beside another's
        f"{named_by} names the statement's account, {statement.account}"
        if gained[0] and chosen[0] == 2
        else f"the first names another account than the statement's, {statement.account}"
        if gained[0]
        else f"{banked_by} names the statement's bank, {bank_name(statement.bank)}"
        if gained[1] and chosen[1] == 2
        else f"the first names another bank than the statement's, {bank_name(statement.bank)}"
        if gained[1]
        else "its dates are the statement's"
        if gained[2]
        else "the first is a hidden sheet"
    )
    alike = [t.sheet for t in ranked[1:] if fits[t.sheet] == fits[best.sheet]]
    said = Issue(
        severity=Severity.INFO,
        sheet=best.sheet,
        cell="A1",
        problem=f"the ledger workbook holds more than one ledger: sheet '{best.sheet}'"
        + (f" ({best.account})" if best.account else "")
        + (" (a hidden sheet)" if best.hidden else "")
        + f" was read, as {why}, not the first sheet '{first.sheet}'"
        + (f" ({first.account})" if first.account else "")
        + (f"; sheet(s) {', '.join(repr(a) for a in alike)} would do as well" if alike else ""),
        hint="To reconcile another sheet, give --account with its ledger's name, or put that "
        "sheet first in the workbook.",
        file=book.name,
    )
    return replace(other, issues=[*other.issues, said])


def detail_files(result: Reconciliation, out: Path) -> list[Path]:
    """The files the long tables of `result` go to, beside the workbook `out` (none when they
    are sheets of it)."""
    return [detail_path(out, sheet.name, result.detail) for sheet in result.details]


def write_result(result: Reconciliation, out: Path) -> list[Path]:
    """Write the result workbook (and the long tables beside it, when they go to files) as one
    set: all in place together or none (an earlier BRS kept as `NAME (previous).xlsx`, the long
    tables of an earlier run set aside with it); return every path written."""
    for sheet in result.sheets:
        if len(sheet.frame) >= EXCEL_ROWS:
            raise UserError(
                f"The {sheet.name} sheet would have {len(sheet.frame):,} rows, more than Excel "
                "holds; write the long tables as files with --detail csv (or parquet)."
            )
    started = time.perf_counter()
    earlier_details = [  # an earlier run's long tables, which do not belong beside this BRS
        detail_path(out, name, kind)
        for kind in Detail
        if kind is not Detail.XLSX
        for name in DETAIL_SHEETS
    ]
    with result_set(out.parent, retire=earlier_details):  # all of them, or none
        details = [
            write_flat(path, sheet.frame)
            for sheet, path in zip(result.details, detail_files(result, out), strict=True)
        ]
        written = [write_workbook(out, result.sheets, title="Bank reconciliation"), *details]
    _said(f"wrote {', '.join(p.name for p in written)}", started)
    return written


def reconcile_job(inputs: Mapping[str, Source], settings: ReconcileSettings) -> JobResult:
    """The Reconcile job of every door, given one of:

    - `bank` and `ledger` files (with `rules`, `master` when given): the result goes to
      `settings.out`;
    - `earlier` alone, a result file (`--confirm`): its Run sheet names the files and settings it
      was made from, its Accept, Reject and Rules are applied, and it is written again;
    - `bank` and `ledger` the workbook open in Excel (statement and ledger sheets named in the
      settings): its own Matches, Suggestions and Rules sheets, when a Reconcile left them there,
      are the earlier decisions, and the result comes back as sheets for it."""
    bank, ledger, earlier = inputs.get("bank"), inputs.get("ledger"), inputs.get("earlier")
    out: Path | None = None
    applied = 0  # decisions a plain run applied from the result it writes over
    first = ""  # said before the counts
    if isinstance(earlier, Path) and bank is None:  # --confirm RESULT
        # read, then written again (kept as previous); a result saved as .xls or .ods (Excel's
        # or LibreOffice's Save As) is read and left as it is, the new one an .xlsx beside it:
        # before, an .xlsx was written under the .ods name, which Excel then refuses to open
        out = earlier if earlier.suffix.lower() == ".xlsx" else earlier.with_suffix(".xlsx")
        check_output_file(out, option="--confirm")
        result, bank_file, ledger_file = _confirm(earlier, out, settings)
        if out != earlier:
            first = (
                f"Read your decisions from {earlier.name} and left it as it was; the result is "
                f"written as {out.name}, an Excel workbook."
            )
    elif isinstance(bank, Path) and isinstance(ledger, Path):
        out = settings.out or Path("brs.xlsx")
        bank_file, ledger_file = bank, ledger
        master, rules = file_of(inputs.get("master")), file_of(inputs.get("rules"))
        last_brs = file_of(inputs.get("last_brs"))
        for option, given in (("--master", master), ("--rules", rules), ("--last-brs", last_brs)):
            if given is not None and not given.is_file():
                raise UserError(
                    f"{option} {given}: no such file. Check the name and folder, or leave "
                    f"{option} out."
                )
        refuse_to_replace_inputs(out, bank, ledger, rules, master, last_brs)
        check_output_file(out, bank, ledger, rules, master, last_brs)
        marked = _may_hold_decisions(out, bank, ledger)
        result = run_reconcile(
            bank,
            ledger,
            account=settings.account,
            mapping=dict(settings.mapping),
            window=settings.window or DEFAULT_WINDOW,
            report=out,
            rules_from=rules,
            detail=settings.detail,
            sheet=settings.sheet,
            master=master,
            last_brs=last_brs,
            earlier=out if marked else None,
        )
        applied = _decisions_held(result) if marked else 0
    elif bank is not None and ledger is not None and not isinstance(bank, Path):
        result = _reconcile_open(bank, ledger, settings)
    else:
        raise UserError(
            "Give --bank and --ledger (or --confirm RESULT.xlsx to apply your decisions)."
        )
    files: list[Path] = []
    if out is not None:
        for path in detail_files(result, out):
            refuse_to_replace_inputs(path, bank_file, ledger_file)
        files = write_result(result, out)
    # said first: the user ran the same command over the result they had marked
    if applied and out:
        first = _applied_note(applied, out)
    first = " ".join(filter(None, (first, result.carried_notes)))
    return _outcome(result, files, first)


NOTE_SHEETS = {
    "Matches": ("Bank Row", "Ledger Row"),
    "Suggestions": ("Bank Row", "Ledger Row"),
    "Unmatched Bank": ("Bank Row",),
    "Unmatched Ledger": ("Ledger Row",),
}
"""The sheets whose rows a user's own columns (a Remarks column: "asked Ravi", "cheque
couriered on 3rd") are carried on from an earlier result to the one written over it, and the
row numbers that say which line (or pair) a row is: a note on a pair follows it from
Suggestions to Matches when it is accepted."""
NOTE_TEXTS = (
    "Narration",
    "Particulars",
    "Date",
    "Bank Date",
    "Ledger Date",
    "Withdrawal",
    "Deposit",
    "Debit",
    "Credit",
    "Bank Amount",
    "Ledger Amount",
)
"""What a line still reads as (its words, date and money), for its notes to follow it: a row
number alone is another line's on another sheet of the statement, or this month's where the
line was brought forward from last month's (see `_with_notes`)."""


def _as_read(value: Any) -> str:
    """A cell's value as `_with_notes` compares it: a day, money to the paisa, folded words."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float) and np.isnan(value):
        return ""
    if isinstance(value, date):
        return value.isoformat()[:10]
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return f"{Decimal(str(value)).quantize(Decimal('0.01'))}"
    return _folded(display_value(value))


@dataclass
class _Notes:
    """The notes of one kind of row (pairs; bank lines; ledger lines) on an earlier result."""

    keys: tuple[str, ...]
    frames: list[pd.DataFrame] = field(default_factory=list)
    """Each earlier sheet's rows that hold a note: their keys, texts and own columns."""
    sheets: list[str] = field(default_factory=list)
    """The sheet each frame is from."""
    texts: list[list[str]] = field(default_factory=list)
    """Each frame's columns of xlbo's that say what its lines read as (NOTE_TEXTS)."""
    owns: list[list[str]] = field(default_factory=list)
    """Each frame's columns of the user's."""
    carried: list[np.ndarray] = field(default_factory=list)
    """Which of each frame's rows found their line again."""


def _with_notes(
    sheets: list[ResultSheet],
    earlier: Path | Reader,
    read: dict[str, Table],
    book: Reader | None = None,
) -> tuple[list[ResultSheet], str]:
    """`result` with the columns the user added to the earlier result's line sheets carried to
    the rows of the same lines (their Bank Row and Ledger Row, and their narration and
    particulars reading as they did: a statement exported again holds other lines on those
    rows), and a sentence saying what was carried, what was not (a line now on another kind of
    sheet, or gone), and which sheets of the user's own the new result does not have. `read`:
    the earlier result's sheets read already (`read_decisions`), not read again."""
    families: dict[tuple[str, ...], _Notes] = {}
    own_columns: list[str] = []
    for name, keys in NOTE_SHEETS.items():
        try:
            if name not in read:
                book = book or _reader(earlier)
                read[name] = _decision_table(earlier, name, book)
            old = read[name].frame
        except UserError:  # no such sheet (nor file beside): nothing noted there
            continue
        written = next((s for s in sheets if s.name == name), None)
        ours = set(DECISION_HEADERS.get(name, ())) | set(keys)
        ours |= set(written.frame.columns) if written is not None else set(NOTE_TEXTS)
        # a copy of the sheet's own decision column was read as decisions (`read_decisions`),
        # not kept as notes (a user's own `Accept` column on Matches is a note)
        ours |= {
            c
            for word in ("Accept", "Reject")
            if word in DECISION_COLUMNS.get(name, ())
            for c in decision_columns(read[name], word)
        }
        own = [c for c in old.columns if isinstance(c, str) and c.strip() and c not in ours]
        if not own or not set(keys) <= set(old.columns):
            continue
        noted = old[own].notna().to_numpy() & (_texts_of(old[own]) != "")
        rows = noted.any(axis=1)
        if not rows.any():
            continue
        own = [c for c, used in zip(own, noted.any(axis=0), strict=True) if used]
        family = families.setdefault(keys, _Notes(keys))
        texts = [t for t in NOTE_TEXTS if t in old.columns and t in ours]
        family.frames.append(old.loc[rows, [*keys, *texts, *own]])
        family.carried.append(np.zeros(int(rows.sum()), dtype=bool))
        family.sheets.append(name)
        family.texts.append(texts)
        family.owns.append(own)
        own_columns += [c for c in own if c not in own_columns]
    if not families:
        return sheets, _own_sheets_note(sheets, earlier, book)

    def carried(sheet: ResultSheet) -> ResultSheet:
        """The sheet with the notes of its own kind of row, and those of the lines its rows
        hold (a bank line's note on the pair it is matched in now; a match's note on its lines
        when it is undone), two notes of one cell joined; a note never goes into a column xlbo
        writes on the sheet (a user's `Date` on Matches is `Date (yours)` on the unmatched)."""
        keys = NOTE_SHEETS.get(sheet.name, ())
        if not keys or sheet.frame.empty:
            return sheet
        new = sheet.frame.copy()
        ours = set(sheet.frame.columns)
        for family in sorted(families.values(), key=lambda f: f.keys != keys):
            shared = [k for k in family.keys if k in keys]
            if not shared or (len(shared) < len(keys) and sheet.name != "Matches"):
                continue  # a line's note goes to the match it is in, not to a suggestion
            places: dict[tuple[int | None, ...], list[int]] = {}
            for place, key in enumerate(_note_keys(new, shared)):
                places.setdefault(key, []).append(place)
            for old, found, of, written, own in zip(
                family.frames,
                family.carried,
                family.sheets,
                family.texts,
                family.owns,
                strict=True,
            ):
                if len(shared) < len(family.keys) and of != "Matches":  # a suggestion's note
                    continue  # stays with the pair, not copied onto both its lines
                texts = [t for t in written if t in ours]
                at = np.full(len(old), -1, dtype=np.int64)
                for row, key in enumerate(_note_keys(old, shared)):
                    said = [_as_read(old[t].iat[row]) for t in texts]
                    at[row] = next(
                        (
                            place
                            for place in places.get(key, [])
                            if [_as_read(new[t].iat[place]) for t in texts] == said
                        ),
                        -1,
                    )
                same = at >= 0
                for column in own:
                    target = f"{column} (yours)" if column in ours else column
                    values = (
                        new[target].to_numpy(dtype=object).copy()
                        if target in new.columns
                        else np.full(len(new), None, dtype=object)
                    )
                    notes = old[column].to_numpy(dtype=object)
                    placed = False
                    for place, note in zip(at[same].tolist(), notes[same].tolist(), strict=True):
                        if pd.isna(note) or not display_value(note).strip():
                            continue  # the row's note is in another of the user's columns
                        there = "" if pd.isna(values[place]) else display_value(values[place])
                        if not there.strip():
                            values[place] = note
                        elif display_value(note).strip() not in there:
                            values[place] = f"{there.strip()}; {display_value(note).strip()}"
                        placed = True
                    if placed:  # a column of the user's only where a note of it lands
                        new[target] = values
                    found |= same
        return replace(sheet, frame=new)

    done = [carried(sheet) for sheet in sheets]
    notes = sum(len(f) for family in families.values() for f in family.frames)
    kept = sum(int(c.sum()) for family in families.values() for c in family.carried)
    columns = ", ".join(map(repr, own_columns[:4]))
    said = f"From your earlier {earlier.name}: carried your column(s) {columns} to the same lines"
    said += f" ({kept:,} of {notes:,} noted row(s))"
    if kept < notes:
        said += (
            f"; {notes - kept:,} noted row(s) are not carried: their lines are not in this "
            "statement and ledger as they read then"
        )
    own_sheets = _own_sheets_note(sheets, earlier, book)
    return done, said + "." + (" " + own_sheets if own_sheets else "")


def _texts_of(frame: pd.DataFrame) -> np.ndarray:
    """`text_column` of each column of `frame`, as one array of rows × columns."""
    return np.column_stack([text_column(frame[c]).to_numpy(dtype=object) for c in frame.columns])


def _own_sheets_note(
    sheets: list[ResultSheet], earlier: Path | Reader, book: Reader | None = None
) -> str:
    """The sentence naming the sheets the user added to the earlier result file, which the new
    one does not have (they stay in the earlier file, kept as `(previous)`), or "" (for the
    open workbook too: its sheets stay where they are)."""
    if not isinstance(earlier, Path):
        return ""
    written = {s.name for s in sheets} | {"Issues", "Run", LAST_BRS_BANK, LAST_BRS_LEDGER}
    names = (book or FileBook(earlier)).sheet_names()
    mine = [n for n in names if n not in written | set(DETAIL_SHEETS)]
    if not mine:
        return ""
    return (
        f"Your own sheet(s) {', '.join(repr(n) for n in mine[:6])} of the earlier "
        f"{earlier.name} are not in the new result: they stay in the earlier file."
    )


def _note_keys(frame: pd.DataFrame, keys: Sequence[str]) -> list[tuple[int | None, ...]]:
    """Each row's line numbers (`keys`: its Bank Row, Ledger Row), as numbers; a link's shown."""
    columns = [
        [_row_number(v.text if isinstance(v, Link) else v) for v in frame[key].tolist()]
        for key in keys
    ]
    return list(zip(*columns, strict=True))


def _may_hold_decisions(out: Path, bank: Path, ledger: Path) -> bool:
    """Whether `out`, a result of these same statement and ledger files (its Run sheet names
    them), may hold the user's decisions: changed since xlbo wrote it (marks typed), or written
    with decisions in it (its Run sheet's Decisions: matches confirmed, pairs rejected). A plain
    run over such a result applies them, as --confirm does (`read_decisions` reads them once):
    before, it wrote a fresh result without a word, the marked one kept only as `OUT
    (previous).xlsx` (helper-138). False where `out` is no such result."""
    try:
        if not out.is_file():
            return False
        run = run_settings(out)  # refused where it has no Run sheet: no result of ours
        same = Path(run["Bank"]).resolve() == bank.resolve()
        if not same or Path(run["Ledger"]).resolve() != ledger.resolve():
            return False
        held = _run_days(run.get("Decisions"), -1)  # "0", or "0.0" as a spreadsheet keeps it
        notes = _run_days(run.get("Notes"), 0)  # the user's columns it carries
        return not (_all_as_written(out) and held == "0" and notes == "0")  # none since
    except (UserError, OSError, KeyError, ValueError):  # no result of ours: written afresh
        return False


def _all_as_written(result: Path) -> bool:
    """Whether the result file and the files of its long tables beside it (`--detail csv`:
    marks may be typed there) are as xlbo wrote them (`as_written`)."""
    beside = [
        detail_path(result, sheet, detail)
        for sheet in DETAIL_SHEETS
        for detail in (Detail.CSV, Detail.PARQUET)
    ]
    return as_written(result) and all(as_written(p) for p in beside if p.is_file())


def _decisions_held(result: Reconciliation) -> int:
    """The matches a result confirmed and the pairs it lists as rejected (Suggestions)."""
    confirmed = int((result.matches["rule"] == "Confirmed").sum()) if len(result.matches) else 0
    suggestions = next((s.frame for s in result.sheets if s.name == "Suggestions"), None)
    rejected = 0
    if suggestions is not None and "Kind" in suggestions.columns:
        rejected = int((suggestions["Kind"] == REJECTED_KIND).sum())
    return confirmed + rejected


def _applied_note(count: int, out: Path) -> str:
    return (
        f"Applied the {count:,} decision(s) marked in your earlier {out.name} (its Accept, "
        f"Reject and confirmed matches), as --confirm would; to start afresh, delete it or "
        "give another --out."
    )


def _confirm(
    earlier: Path, out: Path, settings: ReconcileSettings
) -> tuple[Reconciliation, Path, Path]:
    """--confirm: the result `earlier` made again (as `out`) from the files and settings its Run
    sheet names, with the decisions the user marked in it applied."""
    run = run_settings(earlier)
    bank, ledger = Path(run["Bank"]), Path(run["Ledger"])
    where = f"{earlier.name}, sheet Run: '{{}}' under"
    result = run_reconcile(
        bank,
        ledger,
        account=run.get("Account") or None,
        mapping=dict(settings.mapping),
        window=window_of(
            _run_days(run.get("Days Before"), 3),
            _run_days(run.get("Days After"), 7),
            (f"{where} Days Before", f"{where} Days After"),
        ),
        report=out,
        earlier=earlier,
        detail=Detail(run["Detail"]) if run.get("Detail") in set(Detail) else None,
        sheet=run.get("Sheet") or None,
        master=Path(run["Master"]) if run.get("Master") else None,
        last_brs=Path(run["Last BRS"]) if run.get("Last BRS") else None,
    )
    return result, bank, ledger


def _run_days(value: str | None, default: int) -> str:
    """A day count as the Run sheet holds it ("3", or "3.0" as a spreadsheet may keep it)."""
    text = (value or "").strip() or str(default)
    try:
        number = float(text)
    except ValueError:
        return text
    return str(int(number)) if number.is_integer() and abs(number) < 1e6 else text[:40]


def _reconcile_open(bank: Reader, ledger: Source, settings: ReconcileSettings) -> Reconciliation:
    """The reconciliation of a statement and a ledger pasted into the workbook open in Excel; the
    decisions marked on the result sheets its last Reconcile wrote (Reject on Matches, Accept on
    Suggestions, the Rules) are applied, as --confirm applies them to a result file."""
    workbook: Any = bank  # the xlwings adapter: it hands over a sheet's cells like a file
    statement = read_statement(workbook, settings.sheet, dict(settings.mapping))
    ledger_book: Any = ledger
    ledger_lines = read_ledger(ledger_book, settings.account, sheet=settings.ledger_sheet)
    if settings.account and not ledger_lines.account:
        ledger_lines = replace(ledger_lines, account=settings.account)
    carried, last_month = _last_brs_kept(workbook, statement, ledger_lines)
    decided = not last_month and any(bank.has(sheet) for sheet in ("Matches", "Suggestions"))
    result = reconcile_lines(
        statement,
        ledger_lines,
        window=settings.window or DEFAULT_WINDOW,
        earlier=bank if decided else None,
        rules_from=bank if not decided and bank.has("Rules") else None,
        company=settings.company,
        carried=carried,
    )
    if carried is not None:  # kept for the next click this month, which writes over the rest
        result.sheets.extend(_kept_last_brs(carried))
    return result


LAST_BRS_BANK = "Last BRS Bank"
LAST_BRS_LEDGER = "Last BRS Ledger"
"""The hidden sheets in which the workbook open in Excel keeps last month's outstanding items
(see `_last_brs_kept`)."""


def _last_brs_kept(
    workbook: Any, statement: Lines, ledger_lines: Lines
) -> tuple[LastBrs | None, bool]:
    """Last month's BRS in a workbook reconciled month after month, and whether its result
    sheets are last month's. Where the BRS sheet a Reconcile left is made up to a day before
    this statement begins, the statement is next month's, pasted over: that result's Unmatched
    sheets are the items it left outstanding, carried in as `--last-brs` carries them, and its
    Matches and Suggestions are no decisions about this month's lines. A later click this month
    finds the items on the hidden sheets LAST_BRS_BANK and LAST_BRS_LEDGER the first one kept.
    The statement begins where the BRS will take it from (`_within_the_books`): a statement
    downloaded from 15 October against November's books begins, for this BRS, on 1 November."""
    begins = statement.period[0] or _first_date(statement.frame)
    if begins is None:
        return None, False
    books_begin = ledger_lines.period[0]
    if books_begin is not None and books_begin > begins:
        begins = books_begin
    places = (
        (UNMATCHED_BANK, UNMATCHED_LEDGER, "BRS", True),
        (LAST_BRS_BANK, LAST_BRS_LEDGER, LAST_BRS_BANK, False),
    )
    for bank_sheet, ledger_sheet, as_on_sheet, result_sheets in places:
        if not all(workbook.has(s) for s in (bank_sheet, ledger_sheet, as_on_sheet)):
            continue
        try:
            kept = last_brs_in(workbook, bank_sheet, ledger_sheet, as_on_sheet, begins)
        except (SheetProblem, UserError) as problem:
            raise UserError(
                f"This workbook's {bank_sheet} and {ledger_sheet} sheets, which hold the items "
                f"of an earlier BRS, could not be read: {problem} Put back what xlbo wrote, or "
                "delete those sheets to reconcile without last month's items."
            ) from None
        if kept.as_on is not None and kept.as_on < begins:
            return kept, result_sheets
    return None, False


def _first_date(lines: pd.DataFrame) -> Any:
    if lines.empty:
        return None
    days = pd.to_datetime(lines["date"], errors="coerce").dropna()
    return None if days.empty else days.min().date()


def _kept_last_brs(carried: LastBrs) -> list[ResultSheet]:
    """Last month's items on the hidden sheets `_last_brs_kept` reads them from again, in the
    Unmatched sheets' layouts under a title that says the day of that BRS."""
    title = (f"Items of the Bank Reconciliation Statement as on {carried.as_on:%d %B %Y}",)
    bank, ledger = carried.bank, carried.ledger
    rows_b, rows_g = bank["row"].to_numpy(dtype=np.int64), ledger["row"].to_numpy(dtype=np.int64)
    return [
        ResultSheet(
            LAST_BRS_BANK,
            _bank_items(bank, rows_b),
            columns=BANK_ITEM_COLUMNS,
            title=title,
            hidden=True,
        ),
        ResultSheet(
            LAST_BRS_LEDGER,
            _ledger_items(ledger, rows_g),
            columns=LEDGER_ITEM_COLUMNS,
            title=title,
            hidden=True,
        ),
    ]


def _cut_and_unread(issues: Sequence[Issue]) -> tuple[list[Issue], int]:
    """The errors saying an export was cut off at its sheet's last row (`cut_off`: no cell to
    fix, the lines after it were never in the file), and how many other errors left a line out
    (an unreadable cell the user can mend)."""
    cut = [issue for issue in issues if CUT_OFF in issue.problem]
    return cut, sum(issue.severity is Severity.ERROR for issue in issues) - len(cut)


def _not_applied(decision_issues: Sequence[Issue]) -> int:
    """How many of the user's marks were not applied (an error each): a decision applied with
    a word about it (a whole combination undone, a rule kept) is a note, not counted."""
    return sum(issue.severity is Severity.ERROR for issue in decision_issues)


def _outcome(result: Reconciliation, files: Sequence[Path], first: str = "") -> JobResult:
    """What the Reconcile job tells the user, and its exit code: 0 only when the BRS ties with
    nothing left to look at (a note on the Issues sheet is no more than that)."""
    difference = result.brs.difference
    brs_difference = (
        format_money(from_paise(difference), result.currency)
        if difference is not None
        else "unknown"
    )
    # an export cut off at its sheet's last row is said first: the BRS lacks what came after
    cut, unreadable = _cut_and_unread(result.issues)
    not_applied = _not_applied(result.decision_issues)
    notes = len(result.issues) - unreadable - len(cut)  # a hidden sheet left unread, a cell cleaned
    # of those, a warning (rows below a summary not read, a balance not checked) says so
    warnings = sum(issue.severity is Severity.WARNING for issue in result.issues)
    said = " and ".join(
        f"{count} {kind}"
        for count, kind in ((warnings, "warning(s)"), (notes - warnings, "reading note(s)"))
        if count
    )
    summary = (
        (first + " " if first else "")
        + cut_sentences(cut)
        + f"{result.match_count} matches, {len(result.bank_open)} bank and "
        f"{len(result.ledger_open)} ledger lines unmatched, {len(result.suggestions)} "
        f"suggestions, {len(result.findings)} integrity findings, {unreadable} "
        "unreadable cells"
        + (f", {said} on the Issues sheet" if said else "")
        + (f", {not_applied} decisions not applied" if not_applied else "")
        + f"; BRS difference {brs_difference}."
        + (" Report: " + ", ".join(str(path) for path in files) if files else "")
    )
    headline = (
        f"{result.match_count} matches; {len(result.bank_open)} bank and "
        f"{len(result.ledger_open)} ledger lines for the BRS; difference {brs_difference}."
        + (f" {not_applied} decisions not applied: see the Issues sheet." if not_applied else "")
        + (f" {result.unlikely}" if result.unlikely else "")  # a 0.00 that proves nothing
    )
    clean = (  # a note (which ledger sheet was read, and why) asks nothing of the user
        difference == 0
        and not result.findings
        and all(issue.severity is Severity.INFO for issue in result.issues)
        and all(issue.severity is Severity.INFO for issue in result.decision_issues)
        and not result.unlikely
    )
    return JobResult(
        EXIT_OK if clean else EXIT_FINDINGS,
        (summary,),
        tuple(
            [*(str(issue) for issue in result.decision_issues)]
            + ([result.unlikely] if result.unlikely else [])
        ),
        sheets=tuple(result.sheets),
        issues=tuple(result.issues),
        files=tuple(files),
        headline=headline,
        value=result,
    )


def reconcile_lines(
    statement: Lines,
    ledger_lines: Lines,
    *,
    window: Window = DEFAULT_WINDOW,
    earlier: Path | Reader | None = None,
    rules_from: Path | Reader | None = None,
    bank_file: str = "",
    ledger_file: str = "",
    detail_files: Sequence[str] = (),
    company: str = "",
    carried: LastBrs | None = None,
    carried_file: str = "",
    about_earlier: Sequence[Issue] = (),
) -> Reconciliation:
    """The reconciliation of lines already read (from files, or from the workbook open in Excel);
    `bank_file`/`ledger_file` are what row links point into ("" for this workbook);
    `detail_files` name the files the long tables will go to, when not sheets; `company` names
    the company on the BRS when neither file does. `carried` holds the items last month's BRS
    left outstanding (`carried_file`: its link from this result): they join their sides (after
    this month's lines, see `_carry`) before the one matching run, so that a bank line cleared by
    reference by last month's cheque pairs with it rather than with a weaker guess of this month,
    and what is left of them is swept by amount (`_cleared`). `about_earlier`: what the job
    found about the earlier results it was given (marks last month's never had applied), for
    the Issues sheet with the decisions'."""
    # what the narrations say, read while the ledger was read: taken, and let go of once the
    # lines are prepared (at a million lines, some 300 MB)
    read_ahead, statement.narrations = statement.narrations, None
    statement, period_notes = _within_the_books(statement, ledger_lines)
    findings, unique = check_statement(statement.frame, statement.findings, statement.currency)
    bank = unique.reset_index(drop=True)
    folded = ""
    if carried is not None:  # last month's items stand for the earlier months' entries
        ledger_lines, folded = _into_the_opening(ledger_lines, statement)
    ledger = ledger_lines.frame.reset_index(drop=True)
    bank["signed"] = bank["credit"] - bank["debit"]
    ledger["signed"] = ledger["debit"] - ledger["credit"]
    _stacked_account(statement, ledger_lines)
    in_currency = _other_currency(statement, ledger_lines, bank, ledger)  # refused, if not met
    read: dict[str, Table] = {}  # the earlier result's sheets, for its notes
    earlier_book = _reader(earlier) if earlier is not None else None  # opened once
    decisions, decision_issues = read_decisions(
        earlier, bank, ledger, rules_from, read, earlier_book
    )
    decision_issues = [*about_earlier, *decision_issues]
    started = time.perf_counter()
    holders = (statement.company, ledger_lines.company, company)  # whose account it is
    if carried is not None:  # after this month's lines: the decisions' positions still hold
        bank = _carry(bank, carried.bank, carried_file)
        ledger = _carry(ledger, carried.ledger, carried_file)
    # which lines are last month's: their `brought_forward` column, the one record of it (the
    # " (brought forward)" after their texts is for the sheets, added by `_marked` at the end)
    bank_carried, ledger_carried = brought_forward(bank), brought_forward(ledger)
    bank_side, ledger_side = at_once(  # a big ledger's in a process of its own (`APART_FROM`)
        lambda: prepare_bank(bank, holders, read_ahead),
        lambda: prepare_ledger(ledger),
        apart=len(ledger) >= PREPARED_APART_FROM,
    )
    read_ahead = None
    _wrong_way(  # before matching: a ledger the wrong way round is refused at once
        (bank_side, ledger_side),
        (bank, ledger),
        window,
        ledger_lines.source or ledger_file,
        statement.source or bank_file or "the statement",
    )
    matches, suggestions = match_lines(bank_side, ledger_side, window, decisions)
    if decisions.rejected and len(suggestions):  # listed once, as rejected, its Reject kept
        # (a TDS pair rejected came back as a suggestion with Reject empty, and the next
        # --confirm forgot the rejection)
        suggested = pd.MultiIndex.from_arrays([suggestions["bank"], suggestions["ledger"]])
        kept_apart = pd.MultiIndex.from_tuples(sorted(decisions.rejected))
        suggestions = suggestions[~suggested.isin(kept_apart)].reset_index(drop=True)
    if carried is not None:
        matches = _cleared(matches, bank, ledger, bank_carried, ledger_carried, carried.as_on_text)
        suggestions = _still_open(suggestions, matches)
    matched_bank = np.zeros(len(bank), dtype=bool)
    matched_bank[matches["bank"].to_numpy(dtype=np.int64)] = True
    matched_ledger = np.zeros(len(ledger), dtype=bool)
    matched_ledger[matches["ledger"].to_numpy(dtype=np.int64)] = True
    bank_open = np.flatnonzero(~matched_bank).tolist()
    # a ledger for the year to date against a month's statement: its earlier months' entries
    # that nothing in this statement clears are in earlier statements (or last month's BRS)
    opening, closing = opening_and_closing(unique)
    earlier_months, earlier_note = _earlier_months(
        ledger,
        statement,
        ~matched_ledger & ~ledger_carried,
        _books_at_start(ledger_lines, ledger, statement),
        opening,
    )
    ledger_open = np.flatnonzero(~matched_ledger & ~earlier_months).tolist()
    open_tokens = _tokens_of(ledger, ledger_open)  # the open book lines' cheque numbers, UTRs
    ledger = _cheques_shown(ledger, open_tokens)
    cancelled, cancelled_note = _cancelled_in_the_books(ledger, open_tokens)
    ledger_open = [p for p in ledger_open if not cancelled[p]]
    _said(
        f"matched {int(matches['match'].nunique()):,} pairs; {len(bank_open):,} bank and "
        f"{len(ledger_open):,} ledger lines left for the BRS",
        started,
    )
    unlikely = _few_matched(
        int(matched_bank.sum()), len(bank), int(matched_ledger.sum()), len(ledger)
    )
    unbalanced = _unbalanced_last_sheet(unique)
    if statement.closing is not None:  # the statement's own: its summary, or its last balance
        closing = statement.closing
    elif unbalanced is not None:  # an earlier sheet's balance is no closing balance
        closing = None
    if closing is None and len(bank) and all(f.check != BALANCE_NOT_CALCULATED for f in findings):
        findings.append(_no_balance(bank, unbalanced))
    notes = [unlikely] if unlikely else []
    notes += period_notes
    if in_currency:
        notes.append(in_currency)
    if folded:
        notes.append(folded)
    other_account = _another_account(statement, ledger_lines)
    if other_account:
        notes.append(other_account)
    if earlier_note:
        notes.append(earlier_note)
    if cancelled_note:
        notes.append(cancelled_note)
    cut, left_out = _cut_and_unread([*statement.issues, *ledger_lines.issues])
    if cut:  # no cell to fix: the lines after the sheet's last row were never in the file
        notes += [f"{issue.file} was cut off: {issue.hint}" for issue in cut]
    if left_out:
        notes.append(
            f"{left_out} line(s) could not be read and were left out: see the Issues sheet, fix "
            "the cells and reconcile again (the BRS cannot tie while they are out)."
        )
    if not_applied := _not_applied(decision_issues):
        notes.append(
            f"{not_applied} Accept or Reject cell(s) held no decision xlbo could apply "
            "and were left as they were: see the Issues sheet."
        )
    if detail_files:
        notes.append(
            "Matches, unmatched lines and suggestions are in the files beside this workbook: "
            + ", ".join(detail_files)
            + "."
        )
    if carried is not None:
        notes.append(_carried_note(carried, bank_carried, ledger_carried, bank_open, ledger_open))
        # shown as brought forward wherever they are listed (the BRS, the Unmatched sheets)
        bank, ledger = (
            _marked(bank, "narration", bank_carried),
            _marked(ledger, "particulars", ledger_carried),
        )
    books_opening = ledger_lines.opening
    if books_opening is None:
        books_opening = opening
        notes.append(
            "The ledger states no opening balance; the statement's opening balance was taken as the "
            "books' (as when last month reconciled with nothing outstanding)."
        )
        if carried is None and opening is not None:
            # SAP's line items, Business Central's entries, Sage's nominal activity: the BRS
            # ties whatever the books' balance, and last month's items show as this month's
            ledger_lines = replace(
                ledger_lines,
                issues=[*ledger_lines.issues, _no_books_opening(ledger_lines, opening)],
            )
    # the BRS is as on the statement's last day: book entries after it belong to the next one
    as_on = statement.period[1] or _last_date(bank)
    late, in_brs = _after(ledger, as_on), matches
    if late.any():
        # a match with a book entry after that day is, on that day, in the bank alone
        late_match = matches["match"][late[matches["ledger"].to_numpy(dtype=np.int64)]].unique()
        in_brs = matches[~matches["match"].isin(late_match)]
        count, matched = int(late.sum()), int((late & matched_ledger).sum())
        net = format_inr(from_paise(int(ledger["signed"][late].sum())))
        notes.append(
            f"{count:,} book entr{'y' if count == 1 else 'ies'} dated after {as_on:%d-%m-%Y} "
            f"(net {net}) {'belongs' if count == 1 else 'belong'} to the next BRS and "
            f"{'is' if count == 1 else 'are'} left out of this one"
            + (
                f"; {matched:,} of them matched a bank line of that day or before, which this "
                "BRS lists as in the bank alone."
                if matched
                else "."
            )
        )
    brs_bank = np.zeros(len(bank), dtype=bool)
    brs_bank[in_brs["bank"].to_numpy(dtype=np.int64)] = True
    brs_ledger = np.zeros(len(ledger), dtype=bool)
    brs_ledger[in_brs["ledger"].to_numpy(dtype=np.int64)] = True
    # the bank's own reversals cancel: no items of the BRS (they stay on Unmatched Bank)
    reversed_lines = reversed_pairs(bank_side, ~brs_bank & ~bank_carried)
    if reversed_lines:
        brs_bank[[at for pair in reversed_lines for at in pair]] = True
        notes.append(_reversals_note(bank, reversed_lines))
    counted = ledger[~late & ~ledger_carried]  # last month's items are in the opening balance
    books_balance = (
        None
        if books_opening is None
        else books_opening + int(counted["debit"].sum()) - int(counted["credit"].sum())
    )
    stated = _stated_closing(ledger_lines, ledger, late, books_balance)
    if stated is not None:
        books_balance, said = stated
        notes.append(said)
    brs = reconcile(
        closing,
        books_balance,
        bank,
        ledger,
        np.flatnonzero(~brs_bank).tolist(),
        np.flatnonzero(~brs_ledger & ~late & ~earlier_months & ~cancelled).tolist(),
        _difference_items(in_brs, bank, ledger),
        as_on,
        np.flatnonzero(brs_ledger).tolist(),
    )
    if brs.stale_count:
        notes.append(_stale_note(brs, as_on))
    if brs.twice_count:
        notes.append(
            f"{brs.twice_count:,} book entr{'y' if brs.twice_count == 1 else 'ies'} on the BRS "
            "match another entry of the same day, party and amount that the bank cleared: "
            "entered twice? The BRS marks each; if so, reverse the second in the books."
        )
    gap = (
        _openings_gap(brs.difference, opening, _books_at_start(ledger_lines, ledger, statement))
        if carried is None
        else _carried_gap(
            carried,
            opening,
            ledger_lines.opening,
            int(ledger["signed"].to_numpy()[ledger_carried].sum())
            - int(bank["signed"].to_numpy()[bank_carried].sum()),
        )
    )
    if gap:
        notes.append(gap)
    rules = pd.DataFrame(
        [[r.pattern, r.party] for r in decisions.rules], columns=list(RULE_HEADERS), dtype=object
    )
    sheets = _sheets(
        statement,
        ledger_lines,
        bank,
        ledger,
        matches,
        suggestions,
        findings,
        brs,
        bank_open,
        ledger_open,
        None if detail_files else bank_file,
        None if detail_files else ledger_file,
        notes,
        unlikely,
        company,
        sorted(decisions.rejected),
    )
    # the BRS second, after the Summary: the statement an accountant prints and files comes
    # before the working lists (was last of them, pages 51 to 57 of a month of 2,000 lines)
    sheets.insert(
        1,
        brs_sheet(
            brs,
            brs_heading(statement, ledger_lines, bank, ledger, company),
            f"BRS of {statement.source} against {ledger_lines.source}",
        ),
    )
    sheets.append(
        ResultSheet(
            "Integrity",
            pd.DataFrame(
                [[f.row, f.check, f.detail] for f in findings],
                columns=["Bank Row", "Check", "Finding"],
                dtype=object,
            ),
            columns={"Finding": Column(kind=Kind.LONG_TEXT, width=100)},
            when_empty=_no_findings(bool(unique["balance"].notna().any()), statement, closing),
        )
    )
    sheets.append(
        ResultSheet(
            "Rules",
            rules,
            # no line above the header: the user types rules under it, from row 2
            columns={"Narration Contains": Column(width=40), "Party": Column(width=40)},
        )
    )
    if foreign(statement.currency):  # an EEFC account's: its money as dollars are written
        sheets = [_in_currency(sheet, statement.currency) for sheet in sheets]
    carried_notes, notes_held = "", 0  # the user's own columns, carried to the lines
    if earlier is not None:  # (a result xlbo wrote may hold the notes it carried last time)
        before = {sheet.name: len(sheet.frame.columns) for sheet in sheets}
        sheets, carried_notes = _with_notes(sheets, earlier, read, earlier_book)
        notes_held = sum(len(sheet.frame.columns) - before[sheet.name] for sheet in sheets)
    read_issues = [*statement.issues, *ledger_lines.issues]
    if read_issues or decision_issues:
        files = {statement.source: bank_file, ledger_lines.source: ledger_file}
        files.update(
            (i.file, "" if i.file == (earlier.name if earlier else "") else i.file)
            for i in decision_issues
        )
        sheets.append(issues_sheet([*read_issues, *decision_issues], files=files))
    return Reconciliation(
        matches,
        suggestions,
        findings,
        brs,
        bank,
        ledger,
        bank_open,
        ledger_open,
        sheets,
        notes,
        issues=read_issues,
        decision_issues=decision_issues,
        unlikely=unlikely,
        currency=statement.currency if foreign(statement.currency) else "",
        carried_notes=carried_notes,
        notes_held=notes_held,
    )


NO_BOOKS_OPENING = "The ledger states no opening balance"
"""How the Warning that the books' opening was taken as the bank's begins (the Summary's
verdict looks for it)."""


def _no_books_opening(ledger_lines: Lines, opening: int) -> Issue:
    """The Warning that the books' opening was taken as the bank's: the BRS cannot show a
    difference, and an item outstanding last month (October's cheque presented in November)
    is listed as one to book, which would book it twice."""
    return Issue(
        severity=Severity.WARNING,
        file=ledger_lines.source,
        sheet=ledger_lines.sheet,
        cell="",
        value="",
        problem=f"{NO_BOOKS_OPENING}: the books were taken to open at the "
        f"statement's, {format_inr(from_paise(opening))}, so this BRS ties whatever the books' "
        "balance is, and last month's outstanding items (a cheque issued last month and "
        "presented this month) are listed as items to book now",
        hint="Export the ledger with its opening balance (its first line, or the period from "
        "the start of the year), or give last month's BRS with --last-brs, and reconcile again; "
        "do not book an item listed here before checking it against last month's BRS.",
    )


STALE_LABEL = f"Stale book entries (over {STALE_AFTER_MONTHS} months): write back"
"""The Summary's line counting the BRS's stale book entries (`xlbo.bank.brs.STALE_AFTER_MONTHS`)."""


def _stacked_account(statement: Lines, ledger_lines: Lines) -> None:
    """Refuse a ledger whose name gives the number of an account whose statement is below the
    statement read, on its sheet, not read (`Lines.accounts_below`): its BRS would be drawn
    against another account's lines, nothing matched."""
    ours, read = account_number(ledger_lines.account), account_number(statement.account)
    if not ours or (read and same_account(ours, read)):
        return
    for number in statement.accounts_below:
        theirs = account_number(number)
        if theirs and same_account(ours, theirs):
            if statement.sheet == statement.source:
                raise UserError(  # an MT940 file (or a CSV): no sheets to copy rows to
                    f"{ledger_lines.source or 'The ledger'} is of A/c {number}, whose "
                    f"statement is in {statement.source} after A/c {statement.account}'s, and "
                    "was not read: a file is read as one account's statement. Download A/c "
                    f"{number}'s statement alone and reconcile it with this ledger."
                )
            raise UserError(
                f"{ledger_lines.source or 'The ledger'} is of A/c {number}, whose statement is "
                f"below A/c {statement.account}'s on sheet {statement.sheet} of "
                f"{statement.source}, and was not read: a sheet is read as one account's "
                "statement. Copy that account's rows to a sheet of their own, give --sheet with "
                "its name, and reconcile again."
            )


def _in_currency(sheet: ResultSheet, currency: str) -> ResultSheet:
    """`sheet` with its money, and the BRS's balances with their sides, in `currency`'s number
    formats (`xlbo.money.format_in`)."""
    columns = {
        name: replace(column, number_format=format_in(currency, column.excel_format))
        if column.kind is Kind.MONEY
        else column
        for name, column in sheet.columns.items()
    }
    frame = sheet.frame.copy()
    for name, column in columns.items():  # a balance with its side is a Figure of its own
        if column.kind is Kind.MONEY and name in frame and frame[name].dtype == object:
            frame[name] = pd.Series(
                [
                    Figure(v.value, format_in(currency, v.number_format))
                    if isinstance(v, Figure)
                    else v
                    for v in frame[name].tolist()
                ],
                index=frame.index,
                dtype=object,
            )
    return replace(sheet, frame=frame, columns=columns)


CURRENCY_MET = 0.5
"""The share of a foreign-currency statement's lines whose amount the ledger must hold for its
figures to be taken as kept in that currency (an EEFC account's ledger kept in USD): below it, and
with openings that differ, the books are in rupees and no BRS can be drawn between the two."""


def _other_currency(
    statement: Lines, ledger_lines: Lines, bank: pd.DataFrame, ledger: pd.DataFrame
) -> str:
    """What the Summary says of a statement in a currency other than the rupee (an EEFC
    account's, `Currency : USD`), where the ledger's figures meet its own; a UserError where
    they do not: a USD statement against books in rupees matches nothing, and its BRS would
    blame the whole gap on last month's items."""
    code = statement.currency
    if not foreign(code) or bank.empty or ledger.empty:
        return ""
    ours = bank["signed"].value_counts()
    theirs = ledger["signed"].value_counts()
    met = int(np.minimum(ours, theirs.reindex(ours.index, fill_value=0)).sum())
    lines = min(len(bank), len(ledger))
    # two accounts opened this month both open at nothing: that proves no currency
    same_opening = bool(statement.opening) and statement.opening == ledger_lines.opening
    if met >= CURRENCY_MET * lines or same_opening:
        return (
            f"The statement is in {code}: the BRS's amounts are in {code}, as the ledger's are "
            f"taken to be ({met:,} of {lines:,} lines' amounts are the same on both sides)."
        )
    raise UserError(
        f"{statement.source or 'The statement'} is in {code} (as its heading or its amount "
        "columns say), and "
        f"{ledger_lines.source or 'the ledger'}'s amounts are not: only {met:,} of its "
        f"{len(bank):,} lines' amounts are in the ledger. A BRS compares one currency: give "
        f"the ledger of this {code} account with its amounts in {code} (in Tally, the "
        "account's forex amounts), or the statement of the rupee account these books keep."
    )


def _reversals_note(bank: pd.DataFrame, pairs: list[tuple[int, int]]) -> str:
    """What the Summary says of the bank's lines that cancel each other (`reversed_pairs`)."""
    shown = [
        f"{_bank_line_text(bank, reversal)} against {_bank_line_text(bank, reversed_)}"
        for reversal, reversed_ in pairs[:5]
    ]
    more = f" and {len(pairs) - 5:,} more" if len(pairs) > 5 else ""
    return (
        f"{len(pairs) * 2:,} bank lines are reversals of one another and cancel, so they are "
        "left off the BRS (they stay on Unmatched Bank): " + "; ".join(shown) + more + "."
    )


def _bank_line_text(bank: pd.DataFrame, at: int) -> str:
    """A bank line as a sentence names it: its date, narration and amount with its side."""
    debit = int(bank["debit"].to_numpy(dtype=np.int64)[at])
    credit = int(bank["credit"].to_numpy(dtype=np.int64)[at])
    when = pd.Timestamp(bank["date"].to_numpy(dtype=object)[at])
    amount = (
        f"{format_inr(from_paise(debit))} Dr" if debit else f"{format_inr(from_paise(credit))} Cr"
    )
    return f"{when:%d-%m-%Y} {str(bank['narration'].iat[at]).strip()} {amount}"


def _stale_note(brs: BRS, as_on: date | None) -> str:
    """What the Summary says of the book entries outstanding past a cheque's validity."""
    count = brs.stale_count
    money = " and ".join(
        part
        for part in (
            f"{format_inr(from_paise(brs.stale_issued))} issued" if brs.stale_issued else "",
            f"{format_inr(from_paise(brs.stale_deposited))} deposited"
            if brs.stale_deposited
            else "",
        )
        if part
    )
    day = f"{as_on:%d-%m-%Y}" if as_on is not None else "the BRS's day"
    return (
        f"{count:,} book entr{'y' if count == 1 else 'ies'} on the BRS ({money}) "
        f"{'is' if count == 1 else 'are'} dated more than {STALE_AFTER_MONTHS} months before "
        f"{day}: a cheque is valid for {STALE_AFTER_MONTHS} months from its date, so "
        f"{'it' if count == 1 else 'they'} will not clear. Write "
        f"{'it' if count == 1 else 'them'} back in the books (marked stale on the BRS)."
    )


def _another_account(statement: Lines, ledger_lines: Lines) -> str:
    """What the Summary says where the statement's title and the ledger's name give account
    numbers that cannot be one (`50200012345678` and `ICICI Bank A/c 001205001234`): another
    bank's ledger, whose BRS cannot tie. Nothing where either gives none (`HDFC Bank Current
    A/c`, `HDFC OD 2026-27`)."""
    numbers = [account_number(statement.account), account_number(ledger_lines.account)]
    if not all(numbers) or same_account(*numbers):
        return ""
    return (
        f"The statement is of account {statement.account}, the ledger {ledger_lines.account}: "
        "their numbers differ. Check that the ledger is this bank account's; another account's "
        "cannot reconcile with this statement."
    )


def _stated_closing(
    ledger_lines: Lines, ledger: pd.DataFrame, late: np.ndarray, books_balance: int | None
) -> tuple[int, str] | None:
    """The ledger's own closing balance (less the entries after the BRS's day), where it states
    one and it is not its opening balance and the lines read: a line lost or misread (a bank
    book that writes the day once, a cell left out for its date). The BRS then stands on the
    ledger's word, so that it cannot tie on the lines alone, and the Summary says so."""
    closing, opening = ledger_lines.closing, ledger_lines.opening
    if not closing or opening is None or books_balance is None:
        return None  # a Closing Balance line of 0.00 beside lines that say otherwise is a blank
    signed = ledger["signed"].to_numpy(dtype=np.int64)
    stated = closing - int(signed[late].sum())
    if stated == books_balance:
        return None
    where = (
        "see the Issues sheet"
        if ledger_lines.issues
        else "compare the Matches and Unmatched Ledger sheets' lines with the ledger"
    )
    return stated, (
        f"The ledger's own closing balance, {format_inr(from_paise(closing))}, is not its "
        f"opening balance and the lines read ({format_inr(from_paise(books_balance))} on the "
        f"BRS's day, before the entries after it): a line was left out or misread ({where}). "
        "The BRS stands on the ledger's closing balance."
    )


REFERENCE_SHAPE = r"[0-9]{3,22}|(?=[A-Za-z0-9]*[0-9])[A-Za-z0-9]{12,22}"
"""A reference column's value that is a cheque number, an RRN or a UTR (digits; or 12 to 22
letters and digits, some of them digits), not a word like `NEFT`."""


def _tokens_of(ledger: pd.DataFrame, positions: list[int]) -> pd.DataFrame:
    """(`line`, `token`, `written`): the cheque numbers and UTRs the book lines at `positions`
    carry in their particulars, narration row or reference, each as the line wrote it
    (`000452`) in `written`."""
    at = np.asarray(positions, dtype=np.int64)
    texts = ledger["particulars"].iloc[at].fillna("").astype(str)
    if "narration" in ledger.columns:
        texts = texts + " " + ledger["narration"].iloc[at].fillna("").astype(str)
    # the reference column's number is one whole (a carried item's `000118`, no `Ch. No.`);
    # a word there (`NEFT`, `CASH`) is no reference
    # (and ERPNext's remark `Transaction reference no 000453 dated …`: `book_references`)
    given = None
    if "reference" in ledger or "narration" in ledger:
        blank = pd.Series([""] * len(at), dtype=object)
        narration = ledger["narration"].iloc[at] if "narration" in ledger else blank
        column = ledger["reference"].iloc[at] if "reference" in ledger else blank
        given = book_references(
            narration.fillna("").astype(str).reset_index(drop=True),
            column.fillna("").astype(str).reset_index(drop=True),
        ).str.strip()
        given = given.where(given.str.fullmatch(REFERENCE_SHAPE), "")
    found = reference_frame(texts.reset_index(drop=True), given)
    return pd.DataFrame(
        {
            "line": at[found["position"].to_numpy(dtype=np.int64)],
            "token": found["token"].to_numpy(dtype=object),
            "written": found["written"]
            .where(found["written"] != "", found["token"])
            .to_numpy(dtype=object),
        }
    )


def _cheques_shown(ledger: pd.DataFrame, tokens: pd.DataFrame) -> pd.DataFrame:
    """The ledger with the cheque number or UTR its particulars or narration row carry (Tally's
    `Ch. No. : 000452` under the voucher; `tokens`, see `_tokens_of`) in the reference of each
    line that has none of its own: the BRS and the Unmatched sheet show it beside the voucher
    number, as an accountant chases an unpresented cheque by it (and next month's --last-brs
    reads it)."""
    if tokens.empty or "reference" not in ledger.columns:
        return ledger
    blank = (ledger["reference"].fillna("").astype(str).str.strip() == "").to_numpy(dtype=bool)
    first = tokens[blank[tokens["line"].to_numpy(dtype=np.int64)]].drop_duplicates("line")
    if first.empty:
        return ledger
    ledger = ledger.copy()
    column = ledger["reference"].astype(object).to_numpy(copy=True)
    column[first["line"].to_numpy(dtype=np.int64)] = first["written"].to_numpy(dtype=object)
    ledger["reference"] = column
    return ledger


def _statement_begins(statement: Lines) -> date | None:
    """The day the statement begins: its title's period, else the first of the month of its
    first line."""
    if statement.period[0] is not None:
        return statement.period[0]
    first = _first_date(statement.frame)
    return first.replace(day=1) if first is not None else None


def _books_at_start(ledger_lines: Lines, ledger: pd.DataFrame, statement: Lines) -> int | None:
    """The books' balance the day before the statement begins: the ledger's opening and its
    entries before that day (a ledger for the year to date), to set against the bank's
    opening."""
    opening = ledger_lines.opening
    begins = _statement_begins(statement)
    if opening is None or begins is None or ledger.empty:
        return opening
    early = _before(ledger, begins) & ~brought_forward(ledger)
    return opening + int(ledger["signed"].to_numpy(dtype=np.int64)[early].sum())


def _into_the_opening(ledger_lines: Lines, statement: Lines) -> tuple[Lines, str]:
    """With last month's BRS given: a ledger's entries dated before the statement begins (a
    ledger for the year to date) left out of this run and taken into the books' opening
    balance, as a ledger of this month alone would open. Last month's items stand for those
    still outstanding; the same cheque as a carried item and as a September line was two
    candidates for one bank line, and the BRS tied on an item listed twice."""
    begins = _statement_begins(statement)
    frame = ledger_lines.frame
    if begins is None or frame.empty:
        return ledger_lines, ""
    early = _before(frame, begins)
    if not early.any():
        return ledger_lines, ""
    net = int((frame["debit"] - frame["credit"]).to_numpy(dtype=np.int64)[early].sum())
    opening = ledger_lines.opening
    kept = replace(
        ledger_lines,
        frame=frame[~early].reset_index(drop=True),
        opening=None if opening is None else opening + net,
    )
    before = begins - timedelta(days=1)
    return kept, (
        f"The ledger runs from before the statement ({begins:%d-%m-%Y}): its "
        f"{int(early.sum()):,} entries to {before:%d-%m-%Y} (net {format_inr(from_paise(net))}) "
        "are in the books' opening balance"
        + (f", {format_inr(from_paise(opening + net))}," if opening is not None else "")
        + " and last month's BRS items stand for those still outstanding then."
    )


def _cancelled_in_the_books(ledger: pd.DataFrame, found: pd.DataFrame) -> tuple[np.ndarray, str]:
    """Pairs of open book entries of one party that cancel each other and name one cheque or
    UTR (`found`, see `_tokens_of`): a cheque issued and, lost or stale, reversed by a journal
    (`Being cheque no. 000452 cancelled`); neither reaches the bank. They are no items of the
    BRS (they were listed under both headings, cancelling in the total), nor unmatched lines
    for next month; the Summary names them. Last month's items too: June's cheque 000118,
    carried month after month, written back by October's journal."""
    cancelled = np.zeros(len(ledger), dtype=bool)
    tokens = found
    if tokens["line"].nunique() < 2:
        return cancelled, ""
    line = tokens["line"].to_numpy(dtype=np.int64)
    signed = ledger["signed"].to_numpy(dtype=np.int64)[line]
    party = ledger["particulars"].fillna("").astype(str).str.strip().str.casefold()
    tokens = tokens.assign(
        party=party.to_numpy(dtype=object)[line], amount=np.abs(signed), money_in=signed > 0
    )
    money_in = tokens["money_in"].to_numpy(dtype=bool)
    pairs = (
        tokens[money_in]
        .merge(tokens[~money_in], on=["token", "party", "amount"], suffixes=("_in", "_out"))
        .drop_duplicates("line_in")
        .drop_duplicates("line_out")
    )
    if pairs.empty:
        return cancelled, ""
    cancelled[pairs["line_in"].to_numpy(dtype=np.int64)] = True
    cancelled[pairs["line_out"].to_numpy(dtype=np.int64)] = True
    first = pairs.iloc[0]
    out, back = int(first["line_out"]), int(first["line_in"])
    dates = ledger["date"].to_numpy(dtype=object)
    return cancelled, (
        f"{len(pairs):,} pair(s) of book entries cancel each other, each naming one cheque or "
        f"UTR (a cheque issued and reversed, never presented): left out of this BRS. For "
        f"example {ledger['particulars'].iat[out]}, {format_inr(from_paise(int(first['amount'])))}, "
        f"{first['written_out']}, of {dates[out]:%d-%m-%Y} and {dates[back]:%d-%m-%Y}."
    )


def _earlier_months(
    ledger: pd.DataFrame,
    statement: Lines,
    unmatched: np.ndarray,
    books_at_start: int | None = None,
    bank_opening: int | None = None,
) -> tuple[np.ndarray, str]:
    """Which unmatched book entries are dated before the statement begins (its title's period,
    else the first of the month of its first line), and what the Summary says of them. Tally's
    Ledger Vouchers for the year to date (from 1 April) against October's statement: April to
    September are in statements this run does not have, and were listed as outstanding, 2,40,000
    off. They are in the books' balance, as they are in the bank's; no item of this BRS, nor an
    unmatched line for next month's --last-brs. A cheque of 28 September presented on 3 October
    still matches; one still outstanding on 31 October is an item of this BRS where the books'
    balance before the statement (`books_at_start`) less its opening balance (`bank_opening`)
    says so (`still_outstanding`), else last month's BRS item (--last-brs)."""
    none = np.zeros(len(ledger), dtype=bool)
    begins = _statement_begins(statement)
    if begins is None or ledger.empty:
        return none, ""
    days = pd.to_datetime(ledger["date"], errors="coerce")  # read once for every question below
    before_start = (days < pd.Timestamp(begins)).to_numpy(dtype=bool)  # as `_before` says
    earlier = unmatched & before_start
    if not earlier.any():
        return none, ""
    signed = ledger["signed"].to_numpy(dtype=np.int64)
    still = np.zeros(len(ledger), dtype=bool)
    late = np.zeros(len(ledger), dtype=bool)
    if books_at_start is not None and bank_opening is not None:
        at = np.flatnonzero(earlier)
        at = at[np.argsort(days.iloc[at].to_numpy(), kind="stable")]
        cleared_now = int(signed[before_start & ~unmatched].sum())
        outstanding_amount = books_at_start - bank_opening - cleared_now
        still[at] = still_outstanding(signed[at], outstanding_amount)
        if not still.any():
            # no earlier entry says why the balances differ: the books' entries of the bank's
            # own charges and interest in the statement's first days may (their bank lines
            # are on the earlier statement)
            since = _booked_since(ledger, days, unmatched & ~before_start, begins)
            since = since[np.argsort(days.iloc[since].to_numpy(), kind="stable")]
            late[since[booked_since(signed[since], -outstanding_amount)]] = True
    before = begins - timedelta(days=1)
    outstanding = ""
    if still.any():
        outstanding = (
            f" Still outstanding on {before:%d-%m-%Y}, and listed on this BRS: "
            f"{_entries(int(still.sum()))} (net {format_inr(from_paise(int(signed[still].sum())))})"
            ", exactly the books' balance that day less the statement's opening balance."
        )
    elif late.any():
        first = int(np.flatnonzero(late)[0])
        outstanding = (
            f" Booked since for the bank's lines of an earlier statement, and left out of this "
            f"BRS: {_entries(int(late.sum()))} (net {format_inr(from_paise(int(signed[late].sum())))}"
            f"; {ledger['particulars'].iat[first]} of "
            f"{_first_date(ledger.iloc[[first]]):%d-%m-%Y}), exactly the statement's "
            f"opening balance less the books' balance of {before:%d-%m-%Y}."
        )
    earlier &= ~still
    if not earlier.any():
        return earlier | late, outstanding.strip()
    net = int(signed[earlier].sum())
    start = _first_date(ledger[earlier])
    return earlier | late, (
        f"The ledger runs from before the statement ({begins:%d-%m-%Y}): "
        f"{_entries(int(earlier.sum()))} from {start:%d-%m-%Y} to "
        f"{before:%d-%m-%Y} (net {format_inr(from_paise(net))}) that nothing in this statement "
        "clears are taken as cleared by earlier statements and left out of this BRS."
        + (
            outstanding
            or " Any still outstanding on "
            f"{before:%d-%m-%Y} is last month's BRS item: give last month's result with --last-brs."
        )
    )


def _booked_since(
    ledger: pd.DataFrame, days: pd.Series, unmatched: np.ndarray, begins: date
) -> np.ndarray:
    """The positions of the unmatched book entries of the bank's own charges and interest
    (BANK_OWN_BOOKED) dated (`days`, the ledger's dates read) in the statement's first
    BOOKED_SINCE_DAYS."""
    soon = (days < pd.Timestamp(begins + timedelta(days=BOOKED_SINCE_DAYS))).to_numpy(bool)
    said = contains(ledger["particulars"].fillna("").astype(str), BANK_OWN_BOOKED)
    return np.flatnonzero(unmatched & soon & np.asarray(said, dtype=bool))


BANK_OWN_BOOKED = (
    r"(?i)\b(?:CHGS?|CHRGS?|CHARGES?|COMMISSION|INTEREST|INT|SMS|AMC|PENALTY|[CSI]GST|GST|"
    r"UTGST|TDS|CESS|FOLIO|MAINTENANCE|LOCKER)\b"
)
"""A book entry of the bank's own doing (`Bank Charges`, `Interest on OD`, `CGST on Bank
Charges`, `TDS on FD Interest`): what the books take only when the statement shows it."""
BOOKED_SINCE_DAYS = 10
"""The days of a statement in which the books take the bank's charges and interest of the
month before, when its statement comes: the books' entries of those days that may make up the
difference of the two opening balances (`_booked_since`)."""


def _entries(count: int) -> str:
    return f"{count:,} book entr{'y' if count == 1 else 'ies'}"


def _carry(lines: pd.DataFrame, items: pd.DataFrame, file: str) -> pd.DataFrame:
    """This month's `lines` and, after them, last month's outstanding `items` of that side
    (rows and sheet of last month's BRS, `file` its link), those items True in the column
    `brought_forward` (`xlbo.bank.side.brought_forward`)."""
    items = items.assign(signed=items["credit"] - items["debit"])
    if "particulars" in lines.columns:  # the books: money in is a debit
        items = items.assign(signed=items["debit"] - items["credit"])
    items = items.assign(file=_carried_links(items["file"], file))
    this_month = lines.assign(file="")
    this_month["sheet"] = (
        this_month["sheet"].astype(object).fillna("") if "sheet" in lines.columns else ""
    )
    joined = pd.concat(
        [this_month, items[[c for c in items.columns if c in this_month.columns]]],
        ignore_index=True,
    )
    for column in ("narration", "reference", "voucher_type", "voucher_no", "particulars"):
        if column in joined.columns:
            joined[column] = joined[column].fillna("").astype(str)
    if "balance" in joined.columns:
        joined["balance"] = joined["balance"].astype("Int64")
    joined["brought_forward"] = np.r_[
        np.zeros(len(lines), dtype=bool), np.ones(len(items), dtype=bool)
    ]
    return joined


def _carried_links(held_in: pd.Series, workbook: str) -> pd.Series:
    """Where each item brought forward lives, as a link from this result: last month's
    `workbook` (its link), or the detail file beside it that `held_in` names (`--detail csv`:
    a CSV opens in Excel as one sheet named after the file, the sheet its rows are linked
    into); UNLINKED for a Parquet file, which no spreadsheet opens (its row numbers stay
    plain)."""
    if not workbook:
        return held_in
    folder = os.path.dirname(workbook)
    name = os.path.basename(workbook)
    return pd.Series(
        [
            workbook
            if held == name
            else UNLINKED
            if str(held).lower().endswith(".parquet")
            else os.path.join(folder, str(held))
            for held in held_in.tolist()
        ],
        index=held_in.index,
        dtype=object,
    )


def _cleared(
    matches: pd.DataFrame,
    bank: pd.DataFrame,
    ledger: pd.DataFrame,
    bank_carried: np.ndarray,
    ledger_carried: np.ndarray,
    as_on: str,
) -> pd.DataFrame:
    """The `matches` of the one matching run, which the items brought forward joined as lines
    of their sides (`_carry`), with added the pairs of an item still open and this month's line
    of its amount that nothing else claims (`carried_pairs`: a cheque presented weeks later,
    outside the window). Every match that holds such an item says so in Why.

    The items take part in every pass, combinations and batches too: three receipts of 28
    October deposited together are one credit on 2 November, and a salary run whose cheques
    were written in October is paid out in November. Their October dates keep them out of
    anything but the first days of the month (the window), save by reference, which is what
    clears them."""
    bank_open = np.ones(len(bank), dtype=bool)
    bank_open[matches["bank"].to_numpy(dtype=np.int64)] = False
    ledger_open = np.ones(len(ledger), dtype=bool)
    ledger_open[matches["ledger"].to_numpy(dtype=np.int64)] = False
    pairs = carried_pairs(bank, ledger, bank_carried, ledger_carried, bank_open, ledger_open)
    first = int(matches["match"].max()) + 1 if len(matches) else 1
    added = pd.DataFrame(
        {
            "match": np.arange(first, first + len(pairs), dtype=np.int64),
            "bank": pairs["bank"].to_numpy(dtype=np.int64),
            "ledger": pairs["ledger"].to_numpy(dtype=np.int64),
            "rule": BROUGHT_FORWARD_RULE,
            "score": BROUGHT_FORWARD_SCORE,
            "why": pairs["why"].to_numpy(dtype=object),
        }
    )
    joined = pd.concat([matches, added], ignore_index=True) if len(added) else matches
    joined = joined.reset_index(drop=True)
    carried = (
        bank_carried[joined["bank"].to_numpy(dtype=np.int64)]
        | ledger_carried[joined["ledger"].to_numpy(dtype=np.int64)]
    )
    if carried.any():
        why = joined["why"].astype(object).to_numpy(copy=True)
        why[carried] = [
            f"{w}; brought forward from the BRS as on {as_on}" for w in why[carried].tolist()
        ]
        joined["why"] = why
    return joined


def _still_open(suggestions: pd.DataFrame, matches: pd.DataFrame) -> pd.DataFrame:
    """The `suggestions` whose bank and ledger lines are both still open after `matches` (the
    amount pass of the items brought forward runs after the matcher suggested)."""
    taken_bank = suggestions["bank"].isin(matches["bank"])
    taken_ledger = suggestions["ledger"].isin(matches["ledger"])
    return suggestions[~taken_bank & ~taken_ledger].reset_index(drop=True)


def _marked(lines: pd.DataFrame, text: str, carried: np.ndarray) -> pd.DataFrame:
    """`lines` with the `text` of the items brought forward marked so."""
    if not carried.any():
        return lines
    marked = lines.copy()
    values = marked[text].astype(object).to_numpy(copy=True)
    values[carried] = [f"{v}{BROUGHT_FORWARD}" for v in values[carried].tolist()]
    marked[text] = values
    return marked


def _carried_note(
    carried: LastBrs,
    bank_carried: np.ndarray,
    ledger_carried: np.ndarray,
    bank_open: list[int],
    ledger_open: list[int],
) -> str:
    """What became of last month's outstanding items: how many cleared, how many are still
    outstanding (listed again on this BRS, marked brought forward)."""
    total = int(bank_carried.sum() + ledger_carried.sum())
    still = int(bank_carried[bank_open].sum() + ledger_carried[ledger_open].sum())
    return (
        f"{total} item(s) brought forward from the BRS as on {carried.as_on_text} "
        f"({carried.source}): {total - still} cleared this month (on Matches), {still} still "
        "outstanding (listed again on this BRS, marked brought forward)."
    )


def _carried_gap(
    carried: LastBrs, bank_opening: int | None, books_opening: int | None, explained: int
) -> str:
    """A note when last month's outstanding items do not make up the difference between the
    books' opening balance and the statement's ("" when they do, or an opening is unknown)."""
    if bank_opening is None or books_opening is None:
        return ""
    gap = books_opening - bank_opening
    if gap == explained:
        return ""
    return (
        f"The books' opening balance differs from the statement's by "
        f"{format_inr(from_paise(gap))}; the items of the BRS as on {carried.as_on_text} "
        f"({carried.source}) make up {format_inr(from_paise(explained))} of it, and "
        f"{format_inr(from_paise(gap - explained))} is unexplained: an entry booked for last "
        "month after that BRS was made, or an item missing from it"
        + _as_much_as_an_item(carried, abs(gap - explained))
        + ". Compare that BRS with the books' opening."
    )


def _as_much_as_an_item(carried: LastBrs, unexplained: int) -> str:
    """Where one book item of last month's BRS is of the amount left unexplained, the words
    naming it: an item the books deleted or changed after that BRS was made (a duplicate
    receipt, R-121, taken out in October)."""
    items = carried.ledger
    amount = (items["debit"] - items["credit"]).abs().to_numpy(dtype=np.int64)
    same = np.flatnonzero(amount == unexplained)
    if len(same) != 1:
        return ""
    item = items.iloc[int(same[0])]
    return (
        f"; it is the amount of that BRS's item {item['voucher_no'] or item['particulars']} "
        f"({item['particulars']}, {item['date']:%d-%m-%Y}): was it deleted or changed in the "
        "books since?"
    )


def _openings_gap(
    difference: int | None, bank_opening: int | None, books_opening: int | None
) -> str:
    """A note when the BRS is off by exactly the difference between the statement's opening
    balance and the books': last month's outstanding items, which this month's lines cannot
    explain ("" otherwise)."""
    if not difference or bank_opening is None or books_opening is None:
        return ""
    if abs(difference) != abs(bank_opening - books_opening):
        return ""
    return (
        f"The difference, {format_inr(from_paise(abs(difference)))}, is exactly the difference "
        "between the statement's opening balance and the books': the items last month's BRS "
        "left outstanding (cheques issued but not yet presented, deposits not yet credited). "
        "Those that cleared this month are among this BRS's lines in the bank alone: tick them "
        "off against last month's BRS."
    )


def _few_matched(bank_matched: int, bank_lines: int, ledger_matched: int, ledger_lines: int) -> str:
    """The warning for a BRS where almost nothing matched (under FEW_MATCHED of both sides); ""
    when enough did."""
    if not bank_lines or not ledger_lines or max(bank_lines, ledger_lines) < FEW_LINES:
        return ""
    if bank_matched >= FEW_MATCHED * bank_lines or ledger_matched >= FEW_MATCHED * ledger_lines:
        return ""
    return (
        f"Hardly any line matched ({bank_matched:,} of {bank_lines:,} bank lines, "
        f"{ledger_matched:,} of {ledger_lines:,} ledger lines): this ledger may not be this bank "
        "account's. Check the --account (or the ledger file) and the statement's period before "
        "trusting the BRS."
    )


def _difference_items(
    matches: pd.DataFrame, bank: pd.DataFrame, ledger: pd.DataFrame
) -> pd.DataFrame:
    """The matches whose two sides differ (the user confirmed them despite TDS or charges): the
    bank line's date, narration and reference, and books minus bank in paise."""
    if matches.empty:
        return no_items()
    # the numbers only: the reasons' texts are not copied to drop a repeat
    ledger_side = matches[["match", "ledger"]].drop_duplicates()
    bank_side = matches[["match", "bank"]].drop_duplicates()
    books = (
        pd.Series(
            ledger["signed"].to_numpy()[ledger_side["ledger"].to_numpy(dtype=np.int64)],
            index=ledger_side["match"].to_numpy(),
        )
        .groupby(level=0)
        .sum()
    )
    banked = (
        pd.Series(
            bank["signed"].to_numpy()[bank_side["bank"].to_numpy(dtype=np.int64)],
            index=bank_side["match"].to_numpy(),
        )
        .groupby(level=0)
        .sum()
    )
    gap = books.sub(banked, fill_value=0)
    gap = gap[gap != 0]
    first = bank_side.drop_duplicates("match").set_index("match")["bank"].reindex(gap.index)
    positions = first.to_numpy(dtype=np.int64)
    return pd.DataFrame(
        {
            "date": bank["date"].to_numpy(dtype=object)[positions],
            "particulars": bank["narration"].astype(str).to_numpy(dtype=object)[positions],
            "reference": bank["reference"].astype(str).to_numpy(dtype=object)[positions],
            "amount": gap.to_numpy(dtype=np.int64),
        }
    )


RULE_HEADERS = ("Narration Contains", "Party")
BROUGHT_FORWARD_RULE = "Brought forward"
"""The rule of a pair of an item of last month's BRS and a line of this month that only its
amount backs (`xlbo.bank.brought_forward`)."""


ACCEPT_CHOICES = ("Accept", "Yes", "Y", "x", "✓")
REJECT_CHOICES = ("Reject", "Yes", "Y", "x", "✓")


def _not_the_lines_decided(decided: pd.Series, bank_line: pd.Series, ledger_line: pd.Series) -> str:
    """Why the lines at a decision's rows are not the lines it was made on (their date or
    amount differ from what its row shows), or "" when they are; a result without those columns
    is taken at its rows' word."""
    for side, line, amount in (("bank", bank_line, "Bank"), ("ledger", ledger_line, "Ledger")):
        shown_day, shown_amount = decided.get(f"{amount} Date"), decided.get(f"{amount} Amount")
        try:
            day = parse_date(shown_day) if shown_day is not None else None
            amount_read = parse_amount(shown_amount) if shown_amount is not None else None
            paise = to_paise(amount_read) if amount_read is not None else None
        except ValueError:
            day = paise = None
        row = display_value(decided.get(f"{amount} Row"))
        if day is not None and day != line["date"]:
            return (
                f"{side} row {row} is dated {line['date']:%d-%m-%Y} now, not {day:%d-%m-%Y} as "
                "when it was decided"
            )
        if paise is not None and paise != int(line["signed"]):
            return (
                f"{side} row {row} is {format_inr(from_paise(int(line['signed'])))} now, not "
                f"{format_inr(from_paise(paise))} as when it was decided"
            )
        # and its words: a ledger exported again with a late voucher above it holds another
        # party's entry of that day and amount on the row (Deshmukh's, where Patil's was)
        heading, column = (
            ("Narration", "narration") if side == "bank" else ("Particulars", "particulars")
        )
        shown_text = decided.get(heading)
        if shown_text is not None and _folded(display_value(shown_text)) not in (
            "",
            _folded(str(line[column])),
        ):
            return f"{side} row {row} reads '{line[column]}' now, not '{display_value(shown_text)}'"
    return ""


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def _positions(rows: dict[int, list[int]], value: Any) -> list[int]:
    """The lines read from sheet row `value` (a Bank Row or Ledger Row cell): one, or two where
    a two-sided bank book holds a receipt on the left and a payment on the right of one row;
    none for a cell that is no row number."""
    number = _row_number(value)
    return [] if number is None else rows.get(number, [])


def _row_number(value: Any) -> int | None:
    """The row number a Bank Row or Ledger Row cell holds (`12`, `12.0`), or None."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return int(number) if number.is_integer() else None


def _lines_by_row(lines: pd.DataFrame) -> dict[int, list[int]]:
    """Each sheet row's lines (positions in `lines`)."""
    by_row: dict[int, list[int]] = {}
    for position, row in enumerate(lines["row"].tolist()):
        by_row.setdefault(int(row), []).append(position)
    return by_row


def read_decisions(
    earlier: Path | Reader | None,
    bank: pd.DataFrame,
    ledger: pd.DataFrame,
    rules_from: Path | Reader | None = None,
    read: dict[str, Table] | None = None,
    book: Reader | None = None,
) -> tuple[Decisions, list[Issue]]:
    """The user's decisions in an earlier result: Reject on Matches, Accept on Suggestions (each
    accepted pair also teaches a rule: this narration is this party), and the Rules sheet; and
    an Issue for each Accept or Reject cell that holds something else (the pair is left as it
    was, and the user is told which cell), and for each Accept whose bank or ledger line an
    Accept above it pairs already (the first is applied), or whose lines go opposite ways (see
    `_one_accept_a_line`). `earlier` and `rules_from` are result files, or the workbook open in
    Excel that holds the result sheets of its last Reconcile, each opened once (`book`: the
    earlier one, opened already). `read` keeps the earlier result's sheets read here, for the
    caller (`_with_notes`)."""
    rules: list[Rule] = []
    earlier_book = (book or _reader(earlier)) if earlier is not None else None
    rules_book = _reader(rules_from) if rules_from is not None else None
    if rules_from is not None and rules_book is not None and not rules_book.has("Rules"):
        raise UserError(
            f"{rules_from.name} has no Rules sheet: --rules takes an earlier result of xlbo "
            "reconcile (its Rules sheet holds what you taught it)."
        )
    for source in (rules_book, earlier_book):
        if source is not None and source.has("Rules"):
            for _, row in source.read_table("Rules", RULE_HEADERS).frame.iterrows():
                pattern, party = row.get("Narration Contains"), row.get("Party")
                if pattern and party:
                    rules.append(Rule(str(pattern), str(party)))
    if earlier is None:
        return Decisions(rules=tuple(dict.fromkeys(rules))), []
    bank_rows, ledger_rows = _lines_by_row(bank), _lines_by_row(ledger)
    issues: list[Issue] = []
    tables: dict[str, Table] = {} if read is None else read
    book = earlier_book or _reader(earlier)  # opened above

    def table_of(sheet: str) -> Table:
        """The earlier result's sheet, read once (Matches may hold a million rows); a column
        its decisions need that is gone (deleted, or renamed past case and spacing) is said
        once: every mark on the sheet would be dropped without a word."""
        if sheet not in tables:
            tables[sheet] = _decision_table(earlier, sheet, book)
            needed: tuple[str, ...] = DECISION_COLUMNS[sheet]
            frame = tables[sheet].frame
            if sheet == "Suggestions" and not (
                "Kind" in frame.columns and (text_column(frame["Kind"]) == REJECTED_KIND).any()
            ):  # no pair listed as rejected: a result made before it had Reject, or none lost
                needed = tuple(c for c in needed if c != "Reject")
            if (missing := _columns_gone(tables[sheet], needed)) is not None:
                issues.append(missing)
        return tables[sheet]

    def decided(
        sheet: str, column: str, choices: tuple[str, ...]
    ) -> list[tuple[int, int, Table, Any]]:
        """(bank, ledger) positions of the rows of `sheet` marked in `column`, each with the
        table and its row label (for the cell a message names). A copy of the column (a second
        `Reject` header, read as `Reject (2)`) is read as well, and said: its marks were
        dropped without a word. A pair marked in a copy comes with the table as seen through
        that copy (`_seen_through`), so that what is said of it names the copy's cell."""
        table = table_of(sheet)
        copies = decision_columns(table, column)
        if not copies or not {"Bank Row", "Ledger Row"} <= set(table.frame.columns):
            return []
        if len(copies) > 1:
            issues.append(column_copied(table, column, copies))
        said = [marks_in(sheet, copy, column) for copy in copies]
        marked_any = np.logical_or.reduce([marks.eq(True).to_numpy(dtype=bool) for marks in said])
        pairs: list[tuple[int, int, Table, Any]] = []
        marked_before = np.zeros(len(table.frame), dtype=bool)
        for copy, marks in zip(copies, said, strict=True):
            not_understood(sheet, copy, column, choices, marks, marked_any)
            mine = marks.eq(True).to_numpy(dtype=bool)
            pairs += marked_pairs(_seen_through(table, column, copy), mine & ~marked_before, column)
            marked_before |= mine
        return pairs

    def marks_in(sheet: str, copy: str, column: str) -> pd.Series:
        """What each row of `sheet`'s column `copy` (`column` or a copy of it) says: True for a
        mark, False for none, NaN for something else; an Issue for each cell of it that holds
        a formula without a value."""
        table = table_of(sheet)
        if isinstance(earlier, Path) and table.source == earlier.name and copy in table.letters:
            for cell, formula in uncalculated_formulas(earlier, table.sheet, table.letters[copy]):
                issues.append(
                    Issue(
                        severity=Severity.ERROR,
                        sheet=table.sheet,
                        cell=cell,
                        value=formula,
                        problem=(
                            f"{column} holds a formula Excel has not calculated (no value was "
                            "saved with it), so xlbo reads no decision there; the pair was left "
                            "as it was"
                        ),
                        hint=(
                            "Open and save the file in Excel (or LibreOffice), which stores each "
                            "formula's value, or type the word; then run --confirm again."
                        ),
                        file=table.source,
                    )
                )
        cells = table.frame[copy]
        # one decision per distinct value typed, not per row (a million rows of Matches)
        codes, typed = pd.factorize(cells.astype(object), use_na_sentinel=False)
        decided = np.array([_decision(value, column.casefold()) for value in typed], dtype=object)
        return pd.Series(decided[codes], index=cells.index, dtype=object)

    def not_understood(
        sheet: str,
        copy: str,
        column: str,
        choices: tuple[str, ...],
        said: pd.Series,
        marked: np.ndarray,
    ) -> None:
        """An Issue for each cell of `copy` that holds something else than a decision, on a
        row no copy of the column marks (where one does, its mark was taken)."""
        table = table_of(sheet)
        frame = table.frame
        cells = frame[copy]
        for row, value in cells[said.isna().to_numpy(dtype=bool) & ~marked].items():
            bank_row = display_value(frame.at[row, "Bank Row"]).strip()
            ledger_row = display_value(frame.at[row, "Ledger Row"]).strip()
            other = "reject" if column == "Accept" else "accept"
            hint = f"Type {', '.join(choices[:-1])} or {choices[-1]} (any case) to {column.lower()}"
            hint += " the pair, or leave the cell empty; then run --confirm again."
            if display_value(value).strip().casefold() == other:
                hint = (
                    "To keep a suggested pair apart, type Reject in its Reject column; to undo a "
                    "match, mark Reject on the Matches sheet."
                    if column == "Accept"
                    else "To take a suggested pair, type Accept in its Accept column."
                    if sheet == "Suggestions"
                    else "A match you keep is left with Reject empty; to take a suggestion, "
                    "mark Accept on the Suggestions sheet."
                )
            issues.append(
                Issue(
                    severity=Severity.ERROR,
                    sheet=table.sheet,
                    cell=table.cell(int(str(row)), copy),
                    value=value,
                    problem=(
                        f"'{display_value(value)}' under {column} is not a decision xlbo "
                        + (
                            f"understands; the pair (bank row {bank_row}, ledger row "
                            f"{ledger_row}) was left as it was"
                            if bank_row or ledger_row
                            else "understands, on a row that holds no pair"
                        )
                    ),
                    hint=hint,
                    file=table.source,
                )
            )

    def marked_pairs(
        table: Table, said: np.ndarray, column: str
    ) -> list[tuple[int, int, Table, Any]]:
        """(bank, ledger) positions of the rows of `table` that `said` marks (see `decided`)."""
        frame = table.frame
        what = "The match you confirmed" if column == "Rule" else column  # Confirmed

        def not_applied(row: Any, problem: str, hint: str) -> None:
            issues.append(
                Issue(
                    severity=Severity.ERROR,
                    sheet=table.sheet,
                    cell=table.cell(int(str(row)), column),
                    value=display_value(frame.at[row, column]),
                    problem=problem,
                    hint=hint,
                    file=table.source,
                )
            )

        carried = said & _carried_rows(frame)
        for row in frame.index[carried]:
            not_applied(
                row,
                f"{what} on a pair of an item brought forward from last month's BRS is not "
                "applied: its row number is on that BRS, not in this month's files",
                "Leave the item to this BRS (it is listed again when nothing clears it), or "
                "correct last month's result and reconcile again with --last-brs.",
            )
        marked = frame[said & ~carried]
        pairs = []
        for label, bank_row, ledger_row in zip(
            marked.index, marked["Bank Row"], marked["Ledger Row"], strict=True
        ):
            bank_lines, on_row = (
                _positions(bank_rows, bank_row),
                _positions(ledger_rows, ledger_row),
            )
            if not bank_lines or not on_row:
                side, value = ("Bank", bank_row) if not bank_lines else ("Ledger", ledger_row)
                shown = display_value(value).strip()
                not_applied(
                    label,
                    f"{what} is not applied: its {side} Row "
                    + (
                        "is empty"
                        if not shown
                        else f"('{shown[:40]}') is not a row number"
                        if _row_number(value) is None
                        else f"({shown}) holds no line of the "
                        + ("statement" if side == "Bank" else "ledger")
                    )
                    + ", so xlbo cannot tell which lines the decision is about",
                    f"Put back the {side} Row this result gave the pair (or reconcile again "
                    "with --bank and --ledger for fresh rows), mark it again, and run "
                    "--confirm again.",
                )
                continue
            b = bank_lines[-1]  # a statement's row holds one line
            # of the lines of that row, the one decided about (its date and amount)
            ledger_lines = [
                (g, _not_the_lines_decided(marked.loc[label], bank.iloc[b], ledger.iloc[g]))
                for g in on_row
            ]
            g, changed = next(((g, c) for g, c in ledger_lines if not c), ledger_lines[0])
            if changed:
                not_applied(
                    label,
                    f"{what} is not applied: {changed}. The statement or the ledger changed "
                    "since this result was written (a new month pasted in, rows added or "
                    "sorted), so the decision may be about other lines",
                    "Look at the pair again in this result and mark it again if it still holds.",
                )
                continue
            pairs.append((b, g, table, label))
        return pairs

    # a Reject on Matches undoes a match; one on Suggestions (where every pair rejected before
    # is listed again, its Reject kept) keeps the pair apart, run after run
    undone = decided("Matches", "Reject", REJECT_CHOICES)  # Matches first: its sheet is the
    turned_down = decided("Suggestions", "Reject", REJECT_CHOICES)  # one named when missing
    undone_at = {label: seen for *_, seen, label in undone}  # each Reject's row, and its copy
    issues += _matches_deleted(book, table_of("Matches"), undone_at)
    issues += _whole_matches_undone(table_of("Matches"), undone_at)
    rejected = frozenset((b, g) for b, g, _, _ in [*undone, *turned_down])
    accepted = decided("Suggestions", "Accept", ACCEPT_CHOICES)
    both = {(b, g, label) for b, g, _, label in turned_down}
    for b, g, table, label in accepted:
        if (b, g, label) in both:
            issues.append(_accepted_and_rejected(table, label, b, g))
    confirmed, refused = _one_accept_a_line(
        _confirmed_before(table_of("Matches"), rejected, marked_pairs)
        + [pair for pair in accepted if pair[:2] not in rejected],
        bank,
        ledger,
    )
    issues += [refusal.issue(bank, ledger) for refusal in refused]
    rules += [rule for rule in _rules_of(bank, ledger, confirmed) if rule]
    # a rule the Rules sheet keeps (typed, or learnt before) is the user's to delete: a pair
    # rejected may be the wrong day's or amount's of the right party; said, never dropped
    kept = set(rules)
    for rule in _rules_of(bank, ledger, sorted(rejected)):
        if rule in kept:
            issues.append(_rule_of_rejected(rule, earlier, rules_from))
            kept.discard(rule)
    return Decisions(tuple(confirmed), rejected, tuple(dict.fromkeys(rules))), issues


def _rules_of(
    bank: pd.DataFrame, ledger: pd.DataFrame, pairs: Sequence[tuple[int, int]]
) -> list[Rule | None]:
    """What each confirmed pair (bank, ledger position) teaches: the bank line's name is the
    ledger line's party, the names read at once. None where the name is no payer's: a cash
    deposit's or withdrawal's (`CASH DEPOSIT-BRANCH PUNE CAMP` taught 'BRANCH PUNE CAMP' is
    Patil Brothers, and next month Deshmukh's cash went to Patil, helper-138), a cheque
    deposited (its words the drawee's bank or city), a branch."""
    if not pairs:
        return []
    at = [b for b, _ in pairs]
    narrations = bank["narration"].iloc[at].fillna("").astype(str)
    names = narration_names(narrations).astype(str).str.strip().tolist()
    no_payer = contains(narrations, _NO_PAYER) | (
        contains(narrations, CHEQUE_WORDS) & (bank["signed"].iloc[at].to_numpy() > 0)
    )
    found: list[Rule | None] = []
    for (_, g), name, skip in zip(pairs, names, no_payer.tolist(), strict=True):
        party = str(ledger.at[g, "particulars"])
        found.append(Rule(name, party) if name and party and not skip else None)
    return found


_NO_PAYER = r"(?i)\b(?:CASH|CDM|ATM|BRANCH|BR)\b"
"""Words of a bank line whose name is no payer's: a rule is not learnt from it."""


def _rule_of_rejected(
    rule: Rule, earlier: Path | Reader, rules_from: Path | Reader | None
) -> Issue:
    """The note that a rule on the Rules sheet says the party of a pair the user rejected."""
    source = rules_from if rules_from is not None else earlier
    return Issue(
        severity=Severity.INFO,
        sheet="Rules",
        cell="",
        value=rule.pattern,
        problem=f"the Rules sheet says narrations with '{rule.pattern}' are {rule.party}, the "
        "party of a pair you rejected; the rule is kept",
        hint="If the rule is wrong (the name is no payer's, or another party's), delete its row "
        "on the Rules sheet and run --confirm again.",
        file=source.name if isinstance(source, Path) else "",
    )


def _seen_through(table: Table, column: str, copy: str) -> Table:
    """`table` with `column` read from its copy `copy` (values and letter): what is said of a
    mark made in the copy names the copy's cell."""
    if copy == column:
        return table
    frame = table.frame.copy(deep=False)  # the columns shared, one of them named anew
    frame[column] = frame[copy]
    letter = table.letters.get(copy, table.letters.get(column, "A"))
    return replace(table, frame=frame, letters={**table.letters, column: letter})


def _match_ids(frame: pd.DataFrame) -> pd.Series:
    """The Match ID of each row of a Matches sheet (NaN where the cell holds none)."""
    return pd.to_numeric(frame["Match ID"].astype(object), errors="coerce")


def _matches_deleted(book: Reader, table: Table, rejected: Mapping[Any, Table]) -> list[Issue]:
    """A warning when the Matches sheet lists fewer of xlbo's own matches than its result's
    Summary counts: rows deleted, as one strikes out a tick, where deleting undoes nothing
    (the lines are matched again); a Reject does. Names the deleted Match IDs where the sheet's
    are 1 to the count, as xlbo numbers them. A confirmed match's row deleted does undo it (it
    is read from its row, `_confirmed_before`): a note says so."""
    if "Match ID" not in table.frame.columns or not book.has("Summary"):
        return []
    summary = book.read_table("Summary", SUMMARY_COLUMNS).frame
    if not {"Item", "Count"} <= set(summary.columns):
        return []
    rules = {label: rule for rule, label in MATCHED_BY}
    items = text_column(summary["Item"])
    counts = pd.to_numeric(summary["Count"].astype(object), errors="coerce")
    written = {rules[i]: c for i, c in zip(items, counts, strict=True) if i in rules}
    if not written or any(pd.isna(c) for c in written.values()):
        return []
    ids = _match_ids(table.frame)
    present = set(ids.dropna().astype(np.int64).tolist())
    confirmed_now = (
        ids[(text_column(table.frame["Rule"]) == "Confirmed").to_numpy(dtype=bool)].nunique()
        if "Rule" in table.frame.columns
        else written.get("Confirmed", 0)
    )
    total = int(sum(written.values()))
    unconfirmed = max(int(written.get("Confirmed", 0)) - int(confirmed_now), 0)
    gone = total - len(present) - unconfirmed
    issues: list[Issue] = []
    if unconfirmed:
        issues.append(
            _at_the_header(
                table,
                Severity.INFO,
                value=f"{unconfirmed:,}",
                problem=(
                    f"{unconfirmed:,} match(es) you confirmed are no longer on the {table.sheet} "
                    "sheet: deleting a confirmed match's row undoes it, and its pair is a "
                    "suggestion again"
                ),
                hint="To confirm it again, type Accept on its row of Suggestions.",
            )
        )
    issues += _matches_cut(table, rejected)
    if gone <= 0:
        return issues
    numbered = set(range(1, total + 1))
    missing = sorted(numbered - present) if present <= numbered else []
    which = (
        f" (Match ID {', '.join(map(str, missing[:12]))}{', …' if len(missing) > 12 else ''})"
        if missing and len(missing) == gone
        else ""
    )
    issues.append(
        _at_the_header(
            table,
            Severity.WARNING,
            value=f"{len(present):,} of {total:,}",
            problem=(
                f"{gone:,} of the {total:,} matches this result's Summary counts are no longer "
                f"on its {table.sheet} sheet{which}: deleting a row is not how a match is "
                "undone, and xlbo matched their lines again where its rules found them"
            ),
            hint=(
                "To undo a match, type Reject in its Reject column (on the new result's "
                "Matches), and run --confirm again."
            ),
        )
    )
    return issues


def _at_the_header(
    table: Table, severity: Severity, *, value: str, problem: str, hint: str
) -> Issue:
    """An Issue about the whole of a result's sheet, at its header row's first cell."""
    return Issue(
        severity=severity,
        sheet=table.sheet,
        cell=f"A{table.header_row}",
        value=value,
        problem=problem,
        hint=hint,
        file=table.source,
    )


def _matches_cut(table: Table, rejected: Mapping[Any, Table]) -> list[Issue]:
    """A warning naming each match of several rows (a combination, a batch) that lost some of
    them: its bank lines' amounts no longer add up to its ledger lines'. Deleting a row of it,
    as one takes a line out of a set, took nothing out (the lines are matched again); a Reject
    does, and undoes the whole match (a match with a row `rejected` is said of apart,
    `_whole_matches_undone`). A confirmed pair's amounts may differ (TDS), and it is said of
    apart (`_matches_deleted`); a match with an item of last month's BRS is left (that item is
    on last month's BRS). A line is known by its row and what the row shows of it (a statement
    of several sheets has a row 6 on each)."""
    frame = table.frame
    needed = {"Match ID", "Bank Row", "Ledger Row", "Bank Amount", "Ledger Amount"}
    if not needed <= set(frame.columns):
        return []
    ids = _match_ids(frame)
    left = ids.to_numpy(dtype=float)[_carried_rows(frame) | frame.index.isin(list(rejected))]
    kept = ids.notna().to_numpy(dtype=bool) & ~ids.isin(left).to_numpy(dtype=bool)
    if "Rule" in frame.columns:
        kept &= (text_column(frame["Rule"]) != "Confirmed").to_numpy(dtype=bool)

    rows = pd.DataFrame(
        {
            "id": ids.to_numpy(dtype=float),
            "bank_paise": paise_column(frame["Bank Amount"].astype(object))[0],
            "ledger_paise": paise_column(frame["Ledger Amount"].astype(object))[0],
        },
        index=frame.index,
    )[kept]
    several = rows["id"].duplicated(keep=False).to_numpy(dtype=bool)
    rows = rows[several | (rows["bank_paise"] != rows["ledger_paise"]).to_numpy(dtype=bool)]
    if rows.empty:
        return []

    def line(side: str, text: str) -> np.ndarray:
        """Each row's line of `side`, as its row and what the row shows of it."""
        shown = [
            c for c in (f"{side} Row", f"{side} Date", text, f"{side} Amount") if c in frame.columns
        ]
        texts = _texts_of(frame.loc[rows.index, shown])
        key = texts[:, 0]
        for column in range(1, texts.shape[1]):
            key = key + "\x1f" + texts[:, column]
        return np.asarray(key, dtype=object)

    rows = rows.assign(bank=line("Bank", "Narration"), ledger=line("Ledger", "Particulars"))
    bank = rows.drop_duplicates(["id", "bank"]).groupby("id")["bank_paise"].sum()
    ledger = rows.drop_duplicates(["id", "ledger"]).groupby("id")["ledger_paise"].sum()
    short = (bank != ledger.reindex(bank.index)).to_numpy(dtype=bool)
    cut = [int(i) for i in bank.index.to_numpy(dtype=float)[short]]
    if not cut:
        return []
    shown = ", ".join(map(str, cut[:12])) + (", …" if len(cut) > 12 else "")
    return [
        _at_the_header(
            table,
            Severity.WARNING,
            value=f"{len(cut):,}",
            problem=(
                f"{len(cut):,} match{'es' if len(cut) > 1 else ''} of several lines "
                f"({'Match ID' if len(cut) == 1 else 'Match IDs'} {shown}) lost rows on the "
                f"{table.sheet} sheet: their bank lines no longer add up to their ledger lines. "
                "Deleting a row does not take a line out of a match; xlbo matched the lines "
                "again where its rules found them"
            ),
            hint=(
                "To take a match apart, type Reject on one of its rows (in the new result's "
                "Matches): the whole match is undone, and a pair that does belong together can "
                "then be accepted from Suggestions."
            ),
        )
    ]


def _whole_matches_undone(table: Table, rejected: Mapping[Any, Table]) -> list[Issue]:
    """A note for each Reject on one line of a match of several (a combination, a batch): the
    whole match is undone, its other lines matched afresh or left, where the user may have
    meant to take one line out of it. `rejected`: the rows marked, each with the table as its
    Reject was read (through a copy of the column, `_seen_through`)."""
    frame = table.frame
    if not rejected or "Match ID" not in frame.columns:
        return []
    ids = _match_ids(frame).to_numpy(dtype=float)
    id_of = dict(zip(frame.index.tolist(), ids.tolist(), strict=True))
    issues: list[Issue] = []
    said: set[float] = set()
    marked = set(rejected)
    for label in rejected:
        match = id_of[label]
        if np.isnan(match) or match in said:
            continue
        said.add(match)
        rows = frame.index[ids == match]
        others = [row for row in rows if row not in marked]
        if not others:
            continue
        listed = "; ".join(
            f"bank row {display_value(frame.at[row, 'Bank Row'])}, ledger row "
            f"{display_value(frame.at[row, 'Ledger Row'])}"
            for row in others[:6]
        )
        issues.append(
            Issue(
                severity=Severity.INFO,
                sheet=table.sheet,
                cell=rejected[label].cell(int(str(label)), "Reject"),
                value=display_value(rejected[label].frame.at[label, "Reject"]),
                problem=(
                    f"Reject undid the whole of match {int(match)}, whose {len(rows)} rows pair "
                    f"its lines together; the rows not marked ({listed}"
                    f"{'; …' if len(others) > 6 else ''}) were matched afresh, or left unmatched"
                ),
                hint=(
                    "Look at those lines in this result: where some of them do belong together, "
                    "accept that pair from Suggestions."
                ),
                file=table.source,
            )
        )
    return issues


def _accepted_and_rejected(table: Table, label: Any, b: int, g: int) -> Issue:
    """The Issue for a suggestion marked both Accept and Reject: it stays apart."""
    return Issue(
        severity=Severity.ERROR,
        sheet=table.sheet,
        cell=table.cell(int(str(label)), "Accept"),
        value=display_value(table.frame.at[label, "Accept"]),
        problem="this pair is marked both Accept and Reject; it was kept apart (the Reject holds)",
        hint="Clear the one you do not mean; then run --confirm again.",
        file=table.source,
    )


def _confirmed_before(
    table: Table,
    rejected: frozenset[tuple[int, int]],
    marked_pairs: Callable[[Table, np.ndarray, str], list[tuple[int, int, Table, Any]]],
) -> list[tuple[int, int, Table, Any]]:
    """The pairs an earlier run confirmed (its Matches `table`, rule Confirmed) and the user
    has not rejected since: an Accept holds on every later run, as an accountant's tick does.
    Before, the next --confirm or Reconcile click (to apply another decision) dropped it: the
    pair was a suggestion again and its difference (TDS) left the BRS."""
    if not {"Rule", "Bank Row", "Ledger Row"} <= set(table.frame.columns):
        return []
    said = (text_column(table.frame["Rule"]) == "Confirmed").to_numpy(dtype=bool)
    if not said.any():
        return []
    return [pair for pair in marked_pairs(table, said, "Rule") if pair[:2] not in rejected]


def _carried_rows(frame: pd.DataFrame) -> np.ndarray:
    """Rows of Matches or Suggestions that hold an item of last month's BRS (its row number is
    on that BRS, not in this month's files): a mark there cannot be applied to this month's
    lines, and is left."""
    marked = np.zeros(len(frame), dtype=bool)
    for column in ("Narration", "Particulars"):
        if column in frame.columns:
            text = frame[column].astype(object).fillna("").astype(str)
            marked |= text.str.endswith(BROUGHT_FORWARD).to_numpy(dtype=bool)
    return marked


@dataclass(frozen=True)
class _SecondAccept:
    """An Accept that pairs a bank or ledger line another Accept above it took already."""

    table: Table
    label: Any
    """The row of the Suggestions table the second Accept is on."""
    first_label: Any
    """The row of the Accept that was applied."""
    pair: tuple[int, int]
    first: tuple[int, int]
    """(bank, ledger) positions of this Accept's pair and of the one applied."""
    first_table: Table | None = None
    """The table the applied Accept was read from, where not `table` (a copy of the column)."""

    def issue(self, bank: pd.DataFrame, ledger: pd.DataFrame) -> Issue:
        """The Issue a user reads: both rows of the Suggestions sheet and the line they share."""
        b, g = self.pair
        shared = (
            f"bank row {_row(bank, b)}" if b == self.first[0] else f"ledger row {_row(ledger, g)}"
        )
        here = self.table.cell(int(str(self.label)), "Accept")
        there = (self.first_table or self.table).cell(int(str(self.first_label)), "Accept")
        return Issue(
            severity=Severity.ERROR,
            sheet=self.table.sheet,
            cell=here,
            value=display_value(self.table.frame.at[self.label, "Accept"]),
            problem=(
                f"Accept in {here} pairs bank row {_row(bank, b)} with ledger row "
                f"{_row(ledger, g)}, but {shared} is paired already by the Accept in "
                f"{there} (bank row {_row(bank, self.first[0])}, ledger row "
                f"{_row(ledger, self.first[1])}); a line is matched once, so the "
                f"Accept in {there} was applied and this one was not"
            ),
            hint=(
                f"Keep one Accept for each bank line and each ledger line: if {there} is the "
                f"wrong pair, clear it, leave the Accept in {here}, and run --confirm again."
            ),
            file=self.table.source,
        )


def _row(lines: pd.DataFrame, position: int) -> int:
    """The file's row number of the line at `position`."""
    return int(lines["row"].to_numpy()[position])


@dataclass(frozen=True)
class _OtherWay:
    """An Accept that pairs money into the account with money out of it (a Suggestions row
    edited, or an input changed since the result was made)."""

    table: Table
    label: Any
    pair: tuple[int, int]

    def issue(self, bank: pd.DataFrame, ledger: pd.DataFrame) -> Issue:
        """The Issue a user reads: the cell, both lines and which way each went."""
        b, g = self.pair
        here = self.table.cell(int(str(self.label)), "Accept")
        bank_way = "money in" if _bank_in(bank)[b] else "money out"
        books_way = "money in" if _books_in(ledger)[g] else "money out"
        return Issue(
            severity=Severity.ERROR,
            sheet=self.table.sheet,
            cell=here,
            value=display_value(self.table.frame.at[self.label, "Accept"]),
            problem=(
                f"Accept in {here} pairs bank row {_row(bank, b)} ({bank_way}) with ledger row "
                f"{_row(ledger, g)} ({books_way}): a line is never matched with one that goes "
                "the other way, so this Accept was not applied"
            ),
            hint=(
                "Check the Bank Row and Ledger Row of that suggestion; if the statement or the "
                "ledger changed since this result was made, reconcile again with --bank and "
                "--ledger for fresh suggestions."
            ),
            file=self.table.source,
        )


def _bank_in(bank: pd.DataFrame) -> np.ndarray:
    """Which statement lines bring money into the account."""
    return np.asarray(bank["credit"].to_numpy() > bank["debit"].to_numpy(), dtype=bool)


def _books_in(ledger: pd.DataFrame) -> np.ndarray:
    """Which ledger lines bring money into the account (a debit to the bank ledger)."""
    return np.asarray(ledger["debit"].to_numpy() > ledger["credit"].to_numpy(), dtype=bool)


def _one_accept_a_line(
    accepted: list[tuple[int, int, Table, Any]], bank: pd.DataFrame, ledger: pd.DataFrame
) -> tuple[list[tuple[int, int]], list[_SecondAccept | _OtherWay]]:
    """The Accepts to apply, in the sheet's order, and those refused: an Accept whose bank line
    or ledger line an Accept above it pairs already (two suggestions for one bank line, both
    accepted) is not applied, and is reported naming both rows, as an accountant ticks one
    entry against one line; so is an Accept of two lines that go opposite ways. The same pair
    accepted twice is applied once, quietly."""
    applied: list[tuple[int, int]] = []
    by_bank: dict[int, tuple[tuple[int, int], Any, Table]] = {}
    by_ledger: dict[int, tuple[tuple[int, int], Any, Table]] = {}
    refused: list[_SecondAccept | _OtherWay] = []
    bank_in, books_in = _bank_in(bank), _books_in(ledger)
    for b, g, table, label in accepted:
        earlier = by_bank.get(b) or by_ledger.get(g)
        if earlier is not None:
            if earlier[0] != (b, g):
                refused.append(
                    _SecondAccept(table, label, earlier[1], (b, g), earlier[0], earlier[2])
                )
            continue
        if bank_in[b] != books_in[g]:
            refused.append(_OtherWay(table, label, (b, g)))
            continue
        applied.append((b, g))
        by_bank[b] = by_ledger[g] = ((b, g), label, table)
    return applied, refused


def _reader(source: Path | Reader) -> Reader:
    """A result file, or the open workbook, as the port reads it."""
    return FileBook(source) if isinstance(source, Path) else source


DECISION_COLUMNS = {
    "Matches": ("Bank Row", "Ledger Row", "Rule", "Reject"),
    "Suggestions": ("Bank Row", "Ledger Row", "Accept", "Reject"),
}
"""The columns a result's decisions are read from, on each sheet: a mark (Reject, Accept; a
Rule of Confirmed) is read with its row's Bank Row and Ledger Row."""
DECISION_HEADERS = {
    "Matches": ("Match ID", *DECISION_COLUMNS["Matches"]),
    "Suggestions": (*DECISION_COLUMNS["Suggestions"], "Kind"),
}
"""The headers looked for when a decisions sheet is read (header row found by them, and each
matched past case and spacing)."""


def _columns_gone(table: Table, needed: Sequence[str]) -> Issue | None:
    """The Issue for a decisions sheet that lost a column its marks are read from (deleted, or
    its header renamed past case and spacing), or None; a sheet with no rows has no marks."""
    gone = [h for h in needed if h not in table.frame.columns]
    if not gone or table.rows == 0:
        return None
    found = ", ".join(f"'{display_value(h)}'" for h in list(table.frame.columns)[:16])
    lost = (
        "no Accept, Reject or confirmed match on it"
        if {"Bank Row", "Ledger Row"} & set(gone)
        else "no " + " or ".join("confirmed match" if h == "Rule" else h for h in gone) + " on it"
    )
    return _at_the_header(
        table,
        Severity.ERROR,
        value=", ".join(gone),
        problem=(
            f"the {table.sheet} sheet has no {' or '.join(gone)} column (its headers: {found}), "
            f"so {lost} could be read: those pairs were left as xlbo makes them"
        ),
        hint=(
            f"Put the column back as this result wrote it (Undo, or type its header {gone[0]} in "
            f"row {table.header_row}), mark the pairs again, and run --confirm again."
        ),
    )


def _decision_table(result: Path | Reader, sheet: str, book: Reader | None = None) -> Table:
    """The sheet `sheet` of an earlier result workbook (`book`, where it is open already), or
    the file beside it that holds it; refused when neither is there (a renamed sheet, a
    workbook moved without its CSV files): the user's marks would be dropped without a word."""
    book = book or _reader(result)
    headers = DECISION_HEADERS.get(sheet)
    if book.has(sheet):
        return _squashed_headers(book.read_table(sheet, headers), headers)
    if not isinstance(result, Path):  # the open workbook: its last result lost a sheet
        raise SheetProblem(
            f"This workbook has no {sheet} sheet, so the marks you made there cannot be read. "
            f"If you renamed it, name it {sheet} again; then click Reconcile again."
        )
    for detail in (Detail.CSV, Detail.PARQUET):
        path = detail_path(result, sheet, detail)
        if path.exists():
            beside = FileBook(path)
            return _squashed_headers(beside.read_table(beside.sheet_names()[0], headers), headers)
    found = ", ".join(f"'{name}'" for name in book.sheet_names()[:12])
    csv = detail_path(result, sheet, Detail.CSV).name
    raise SheetProblem(
        f"{result.name} has no {sheet} sheet (its sheets: {found}), and no {csv} (or .parquet) "
        f"lies beside it in {result.parent.absolute()}, so the marks you made there cannot be "
        f"read. If you renamed the sheet, name it {sheet} again; if the workbook keeps its "
        f"{sheet.lower()} in {csv}, put that file back beside it; then run --confirm again."
    )


def _squashed(text: Any) -> str:
    return re.sub(r"[^0-9a-z]+", "", str(text).casefold())


def _squashed_headers(table: Table, headers: Sequence[str] | None) -> Table:
    """`table` with a decisions header written without its spaces or with a mark after it
    (`BankRow`, `Accept ?`) named as xlbo wrote it: read past case and outer spaces only, the
    column was missing and its marks dropped (helper-140)."""
    if not headers:
        return table
    wanted = {_squashed(h): h for h in headers}
    names = {
        column: wanted[_squashed(column)]
        for column in table.frame.columns
        if column not in headers
        and _squashed(column) in wanted
        and wanted[_squashed(column)] not in table.frame.columns
    }
    if not names or len(set(names.values())) < len(names):  # two columns for one: left as is
        return table
    letters = {names.get(c, c): letter for c, letter in table.letters.items()}
    return replace(table, frame=table.frame.rename(columns=names), letters=letters)


def run_settings(result: Path) -> dict[str, str]:
    """The inputs a result workbook was made from (its hidden Run sheet), checked: Bank and
    Ledger name files other than the result itself, Detail is one xlbo writes, Master (when
    given) is a file, and so is Last BRS. A Run sheet edited out of shape is a UserError naming
    the cell to fix; the day counts are checked by `window_of`."""
    book = FileBook(result)
    if not book.has("Run"):
        raise UserError(
            f"{result.name} is not a reconciliation made by xlbo (it has no Run sheet); "
            "reconcile again with --bank and --ledger."
        )
    settings: dict[str, str] = {}
    rows: dict[str, int] = {}
    for number, row in enumerate(book.sheet_rows(book.resolve("Run")), start=1):
        if not row or row[0] is None:
            continue
        key = str(row[0]).strip()
        value = row[1] if len(row) > 1 else None
        settings[key] = "" if value is None else str(value).strip()
        rows[key] = number
    where = f"{result.name}, sheet Run"
    redo = "reconcile again with --bank and --ledger"
    for key in ("Bank", "Ledger"):
        if not settings.get(key):
            raise UserError(
                f"{where}: the {key} row is missing or blank, so xlbo cannot tell which "
                f"{'statement' if key == 'Bank' else 'ledger'} this result was made from; {redo}."
            )
        named = Path(settings[key])
        if named.exists() and named.resolve() == result.resolve():
            raise UserError(
                f"{where}: B{rows[key]} names {result.name} itself as the {key.lower()} file; "
                f"{redo}."
            )
        if not named.is_file():
            raise UserError(
                f"{where}: the {key.lower()} file in B{rows[key]} ('{settings[key][:120]}') "
                f"{'is a folder' if named.is_dir() else 'is not there'}; put the file back or "
                f"{redo}."
            )
    detail = settings.get("Detail", "")
    if detail and detail not in set(Detail):
        raise UserError(
            f"{where}: '{detail[:40]}' in B{rows['Detail']} is not a place for the long tables; "
            f"write {', '.join(d.value for d in Detail)}, or leave it blank."
        )
    master = settings.get("Master", "")
    if master and not Path(master).is_file():
        raise UserError(
            f"{where}: the master workbook in B{rows['Master']} ('{master[:120]}') is not there; "
            "put it back, or blank the cell."
        )
    last = settings.get("Last BRS", "")
    if last and not Path(last).is_file():
        raise UserError(
            f"{where}: last month's BRS in B{rows['Last BRS']} ('{last[:120]}') "
            f"{'is a folder' if Path(last).is_dir() else 'is not there'}; put it back there, "
            "or reconcile again with --bank, --ledger and --last-brs naming where it is now."
        )
    return settings


LINKS_PER_COLUMN = 32_000
"""Row numbers made links, per column (Excel keeps at most 65,530 links a sheet)."""


def _pick(column: pd.Series, positions: Any = None) -> pd.Series:
    """The text at `positions` (all when None), renumbered from 0, as pandas' string type."""
    chosen = column if positions is None else column.iloc[positions]
    return strings(chosen.reset_index(drop=True))


def _row_links(
    rows: pd.Series, sheet: str | pd.Series, file: str | None, files: pd.Series | None = None
) -> pd.Series:
    """Row numbers as links to the line in its source sheet (`sheet`, or each line's own when a
    column of names; the first LINKS_PER_COLUMN of them; the rest as plain numbers); plain
    numbers throughout where `file` is None (flat files). `files` names, line by line, another
    file a line came from (last month's BRS, for an item brought forward; "" for `file`)."""
    if file is None:
        return pd.Series(rows.to_numpy(dtype=np.int64))
    numbers = rows.astype("int64").tolist()
    sheets = [sheet] * len(numbers) if isinstance(sheet, str) else sheet.tolist()
    owners = [file] * len(numbers) if files is None else [f or file for f in files.tolist()]
    return pd.Series(
        [
            Link(n, name, f"A{n}", file=owner) if i < LINKS_PER_COLUMN and owner != UNLINKED else n
            for i, (n, name, owner) in enumerate(zip(numbers, sheets, owners, strict=True))
        ],
        dtype=object,
    )


def _line_files(lines: pd.DataFrame, positions: Any) -> pd.Series | None:
    """The file each line at `positions` came from, where some came from last month's BRS."""
    if "file" not in lines.columns:
        return None
    return strings(lines["file"].iloc[positions].reset_index(drop=True)).fillna("")


def _line_sheets(lines: pd.DataFrame, default: str, positions: Any = None) -> str | pd.Series:
    """The sheet each line was read from: the frame's `sheet` column where the reader kept one
    (a statement spread over several sheets), else `default`."""
    if "sheet" not in lines.columns:
        return default
    chosen = lines["sheet"] if positions is None else lines["sheet"].iloc[positions]
    names = strings(chosen.reset_index(drop=True))
    return names.where(names != "", default)


@dataclass(frozen=True)
class _Lines:
    """Both sides' lines as the result sheets show them: each line's row number, a link to it in
    the file it came from (`bank_file`/`ledger_file`: "" for this workbook, None for no links)."""

    statement: Lines
    ledger_lines: Lines
    bank: pd.DataFrame
    ledger: pd.DataFrame
    bank_file: str | None
    ledger_file: str | None

    def bank_rows(self, positions: Any) -> pd.Series:
        sheets = _line_sheets(self.bank, self.statement.sheet, positions)
        return _row_links(
            self.bank["row"].iloc[positions],
            sheets,
            self.bank_file,
            _line_files(self.bank, positions),
        )

    def ledger_rows(self, positions: Any) -> pd.Series:
        sheets = _line_sheets(self.ledger, self.ledger_lines.sheet, positions)
        return _row_links(
            self.ledger["row"].iloc[positions],
            sheets,
            self.ledger_file,
            _line_files(self.ledger, positions),
        )

    def pairs(self, b: np.ndarray, g: np.ndarray) -> dict[str, Any]:
        """Both lines of each pair side by side: dates, narration and particulars, amounts."""
        bank, ledger = self.bank, self.ledger
        return {
            "Bank Date": bank["date"].to_numpy(dtype=object)[b],
            "Narration": _pick(bank["narration"], b),
            "Bank Amount": money_column(bank["signed"].to_numpy()[b]),
            "Ledger Date": ledger["date"].to_numpy(dtype=object)[g],
            "Particulars": _pick(ledger["particulars"], g),
            "Ledger Amount": money_column(ledger["signed"].to_numpy()[g]),
        }


MONEY = Column(kind=Kind.MONEY)
"""Money, out with a minus sign, as on every sheet."""
PAIR_COLUMNS = {
    "Bank Amount": MONEY,
    "Ledger Amount": MONEY,
    "Why": Column(kind=Kind.LONG_TEXT, width=45),
    "Bank Date": Column(kind=Kind.DATE),
    "Ledger Date": Column(kind=Kind.DATE),
}
"""The columns Matches and Suggestions share: both lines' amounts and dates, and why."""


def _sheets(
    statement: Lines,
    ledger_lines: Lines,
    bank: pd.DataFrame,
    ledger: pd.DataFrame,
    matches: pd.DataFrame,
    suggestions: pd.DataFrame,
    findings: list[Finding],
    brs: BRS,
    bank_open: list[int],
    ledger_open: list[int],
    bank_file: str | None,
    ledger_file: str | None,
    notes: list[str],
    unlikely: str = "",
    company: str = "",
    rejected: Sequence[tuple[int, int]] = (),
) -> list[ResultSheet]:
    """The Summary and the long tables; row numbers link into `bank_file`/`ledger_file` (""
    for this workbook, None for no links: the tables go to flat files). `company` heads the
    Summary where the statement and the ledger do not name it (a master's, a books').
    `rejected`: the pairs the user rejected, listed on Suggestions again."""
    lines = _Lines(statement, ledger_lines, bank, ledger, bank_file, ledger_file)
    listed = _pairs_of(suggestions)
    rejected = [pair for pair in rejected if pair not in listed]
    return [
        _summary_sheet(
            lines,
            matches,
            suggestions,
            findings,
            brs,
            bank_open,
            ledger_open,
            notes,
            unlikely,
            company,
            len(rejected),
        ),
        _matches_sheet(lines, matches),
        *_unmatched_sheets(lines, bank_open, ledger_open),
        _suggestions_sheet(lines, suggestions, rejected),
    ]


def _matches_sheet(lines: _Lines, matches: pd.DataFrame) -> ResultSheet:
    """Every match, both lines side by side, with its rule and why; a Reject column to undo it."""
    b = matches["bank"].to_numpy(dtype=np.int64)
    g = matches["ledger"].to_numpy(dtype=np.int64)
    frame = pd.DataFrame(
        {
            "Match ID": matches["match"].to_numpy(dtype=np.int64),
            "Bank Row": lines.bank_rows(b),
            "Ledger Row": lines.ledger_rows(g),
            "Rule": _pick(matches["rule"]),
            "Score": matches["score"].to_numpy(dtype=np.int64),
            "Why": _pick(matches["why"]),
            **lines.pairs(b, g),
            "Reject": None,
        }
    )
    return ResultSheet(
        "Matches",
        frame,
        columns={
            **PAIR_COLUMNS,
            "Narration": Column(kind=Kind.LONG_TEXT, width=50),
            "Reject": Column(
                choices=REJECT_CHOICES,
                width=9,
                comment="Reject, Yes, Y, x or ✓ undoes the match on --confirm.",
            ),
        },
    )


def _unmatched_sheets(
    lines: _Lines, bank_open: list[int], ledger_open: list[int]
) -> tuple[ResultSheet, ResultSheet]:
    """The lines left on each side, as the statement and the ledger wrote them."""
    return (
        ResultSheet(
            UNMATCHED_BANK,
            _bank_items(lines.bank.iloc[bank_open], lines.bank_rows(bank_open)),
            columns=BANK_ITEM_COLUMNS,
        ),
        ResultSheet(
            UNMATCHED_LEDGER,
            _ledger_items(lines.ledger.iloc[ledger_open], lines.ledger_rows(ledger_open)),
            columns=LEDGER_ITEM_COLUMNS,
        ),
    )


BANK_ITEM_COLUMNS = {
    "Withdrawal": MONEY,
    "Deposit": MONEY,
    "Narration": Column(kind=Kind.LONG_TEXT, width=60),
    "Date": Column(kind=Kind.DATE),
}
LEDGER_ITEM_COLUMNS = {"Debit": MONEY, "Credit": MONEY, "Date": Column(kind=Kind.DATE)}


def _bank_items(lines: pd.DataFrame, rows: Any) -> pd.DataFrame:
    """Bank lines as the Unmatched Bank sheet lists them (`rows`: their Bank Row cells), in the
    layout `xlbo.readers.last_brs` reads back."""
    return pd.DataFrame(
        {
            "Bank Row": rows,
            "Date": lines["date"].to_numpy(dtype=object),
            "Narration": _pick(lines["narration"]),
            "Reference": _pick(lines["reference"]),
            "Withdrawal": money_column(lines["debit"], blank_zero=True),
            "Deposit": money_column(lines["credit"], blank_zero=True),
        }
    )


def _ledger_items(lines: pd.DataFrame, rows: Any) -> pd.DataFrame:
    """Ledger lines as the Unmatched Ledger sheet lists them (see `_bank_items`)."""
    return pd.DataFrame(
        {
            "Ledger Row": rows,
            "Date": lines["date"].to_numpy(dtype=object),
            "Particulars": _pick(lines["particulars"]),
            "Vch Type": _pick(lines["voucher_type"]),
            "Vch No.": _pick(lines["voucher_no"]),
            "Reference": _pick(lines["reference"]),
            "Debit": money_column(lines["debit"], blank_zero=True),
            "Credit": money_column(lines["credit"], blank_zero=True),
        }
    )


REJECTED_KIND = "Rejected by you"
"""The Kind of a Suggestions row that lists a pair the user rejected, its Reject kept: the next
--confirm reads it again, and clearing it lets the pair be matched again."""


REJECTED_ITEM = "Pairs you rejected (listed under the suggestions)"
"""The Summary's line counting the pairs listed on Suggestions as Rejected by you: before, a
Summary of "Suggestions to review 0" sat above a sheet listing them."""


def _suggestions_sheet(
    lines: _Lines, suggestions: pd.DataFrame, rejected: Sequence[tuple[int, int]] = ()
) -> ResultSheet:
    """Pairs the matcher would not take on its own, with why; an Accept column to take them,
    and a Reject column to keep them apart. The pairs the user rejected (on Matches, or here)
    are listed below them, Reject marked: a rejection holds on every later --confirm, as an
    Accept does, where before the next --confirm matched the pair again without a word. No pair
    of `rejected` is among `suggestions` (`_sheets`)."""
    b = np.array([*suggestions["bank"], *(pair[0] for pair in rejected)], dtype=np.int64)
    g = np.array([*suggestions["ledger"], *(pair[1] for pair in rejected)], dtype=np.int64)
    kept = [REJECTED_KIND] * len(rejected)
    frame = pd.DataFrame(
        {
            "Bank Row": lines.bank_rows(b),
            "Ledger Row": lines.ledger_rows(g),
            "Kind": [*_pick(suggestions["kind"]), *kept],
            "Why": [
                *_pick(suggestions["why"]),
                *[
                    "you rejected this pair: it is not matched again while Reject stays marked "
                    "(clear it to let xlbo match the pair)"
                ]
                * len(rejected),
            ],
            **lines.pairs(b, g),
            "Accept": None,
            "Reject": [*[None] * len(suggestions), *["Reject"] * len(rejected)],
        }
    )
    return ResultSheet(
        "Suggestions",
        frame,
        columns={
            **PAIR_COLUMNS,
            "Narration": Column(kind=Kind.LONG_TEXT, width=45),
            "Particulars": Column(width=28),
            "Accept": Column(
                choices=ACCEPT_CHOICES,
                width=9,
                comment="Accept, Yes, Y, x or ✓ makes the pair a match on --confirm.",
            ),
            "Reject": Column(
                choices=REJECT_CHOICES,
                width=9,
                comment="Reject, Yes, Y, x or ✓ keeps the pair apart on every --confirm.",
            ),
        },
    )


def _pairs_of(frame: pd.DataFrame) -> set[tuple[int, int]]:
    return set(zip(frame["bank"].tolist(), frame["ledger"].tolist(), strict=True))


MATCHED_BY = (
    ("Reference", "Matched by reference"),
    ("Rule", "Matched by your rules"),
    ("Amount and date", "Matched by amount and date"),
    ("Repeated amount", "Matched in turn (repeated amounts)"),
    ("Identical lines", "Matched among identical book lines"),
    ("Combination", "Matched by combination"),
    ("Batch", "Matched as a batch"),
    ("Split", "Matched as one payment split across ledgers"),
    (BROUGHT_FORWARD_RULE, "Cleared from last month's BRS by amount"),
    (TDS_DEDUCTED, "Matched as receipts less TDS (the TDS to book on the BRS)"),
    ("Confirmed", "Confirmed by you"),
)
"""The Summary's line for each rule a match can be made by."""


def _summary_sheet(
    lines: _Lines,
    matches: pd.DataFrame,
    suggestions: pd.DataFrame,
    findings: list[Finding],
    brs: BRS,
    bank_open: list[int],
    ledger_open: list[int],
    notes: list[str],
    unlikely: str,
    company: str = "",
    rejected: int = 0,
) -> ResultSheet:
    """Counts and money: lines on each side, matched by each rule (cleared from last month's BRS
    only when it was given), left, to review (and the pairs the user rejected, listed below the
    suggestions, when there are any). Money out
    and money in stand in columns of their own, as a cash book keeps them (withdrawals and
    payments out, deposits and receipts in), never added together. Headed as the BRS is (the
    company, 'as on' the date, the bank account), then the files it was made from and the
    verdict (ties, or not yet, or not complete)."""
    bank, ledger = lines.bank, lines.ledger
    numbers = matches[["match", "bank", "rule"]]  # not the reasons' texts, copied for nothing
    per_rule = numbers.drop_duplicates("match")["rule"].value_counts()
    matched_bank = numbers.drop_duplicates("bank")
    bank_out, bank_in = bank["debit"].to_numpy(), bank["credit"].to_numpy()

    def money(out: Any, into: Any) -> list[Any]:
        """Money out and money in, each summed exactly in paise."""
        return [from_paise(int(np.sum(out))), from_paise(int(np.sum(into)))]

    def ledger_money(positions: Any) -> list[Any]:  # a bank ledger's credit is money out
        chosen = ledger.iloc[positions]
        return money(chosen["credit"].to_numpy(), chosen["debit"].to_numpy())

    statement_file, ledger_file = lines.statement.source, lines.ledger_lines.source
    bank_carried, ledger_carried = brought_forward(bank), brought_forward(ledger)
    rows: list[list[Any]] = [
        [
            "Bank lines",
            int((~bank_carried).sum()),
            *money(bank_out[~bank_carried], bank_in[~bank_carried]),
        ],
        ["Ledger lines", int((~ledger_carried).sum()), *ledger_money(~ledger_carried)],
    ]
    if bank_carried.any() or ledger_carried.any():  # from last month's BRS (--last-brs)
        rows += [
            [
                "Bank lines brought forward",
                int(bank_carried.sum()),
                *money(bank_out[bank_carried], bank_in[bank_carried]),
            ],
            [
                "Ledger lines brought forward",
                int(ledger_carried.sum()),
                *ledger_money(ledger_carried),
            ],
        ]
    given = "brought_forward" in bank.columns  # last month's BRS was given (`_carry`)
    for rule, label in MATCHED_BY:
        if rule == BROUGHT_FORWARD_RULE and not given:
            continue
        positions = matched_bank.loc[matched_bank["rule"] == rule, "bank"].to_numpy(dtype=np.int64)
        rows.append(
            [label, int(per_rule.get(rule, 0)), *money(bank_out[positions], bank_in[positions])]
        )
    rows += [
        [
            "Unmatched bank lines",
            len(bank_open),
            *money(bank_out[bank_open], bank_in[bank_open]),
        ],
        ["Unmatched ledger lines", len(ledger_open), *ledger_money(ledger_open)],
        [
            STALE_LABEL,
            brs.stale_count,
            from_paise(brs.stale_issued),
            from_paise(brs.stale_deposited),
        ],
        ["Suggestions to review", len(suggestions), None, None],
        *([[REJECTED_ITEM, rejected, None, None]] if rejected else []),
        ["Integrity findings", len(findings), None, None],
    ]
    summary = pd.DataFrame(rows, columns=SUMMARY_COLUMNS, dtype=object)
    cut, unread = _cut_and_unread([*lines.statement.issues, *lines.ledger_lines.issues])
    verdict = (
        "The BRS is not complete: "
        + cut_sentences(cut)
        + (f"{unread} line(s) could not be read and were left out. " if unread else "")
        + (
            f"Difference {format_money(from_paise(brs.difference), lines.statement.currency)}."
            if brs.difference is not None
            else "The statement gives no closing balance, so the difference is not known."
        )
        if cut or unread
        else "Do not trust this BRS: hardly any line matched (see below)."
        if unlikely
        else _no_bank_balance(brs)
        if brs.bank_balance is None
        else "The BRS ties: difference 0.00."
        + (
            " It ties on an opening balance taken from the statement, the ledger stating none: "
            "see the warning on the Issues sheet before booking any item below."
            if any(i.problem.startswith(NO_BOOKS_OPENING) for i in lines.ledger_lines.issues)
            else ""
        )
        + (
            f" Look at the {len(findings)} integrity finding(s) first: the statement does not "
            "agree with itself."
            if findings
            else ""
        )
        if brs.difference == 0
        else "The BRS does not tie yet: difference "
        f"{format_money(from_paise(brs.difference or 0), lines.statement.currency)}."
    )
    heading = brs_heading(
        lines.statement, lines.ledger_lines, bank, ledger, company, what="Bank reconciliation"
    )
    return ResultSheet(
        "Summary",
        summary,
        columns={
            # as wide as its longest label (`Stale book entries (over 3 months): write back`)
            "Item": Column(width=max(36, int(summary["Item"].astype(str).str.len().max()) + 1)),
            "Count": Column(kind=Kind.INTEGER, width=9),
            "Money out": MONEY,
            "Money in": MONEY,
        },
        title=(
            *heading,
            f"From the statement {statement_file} and the ledger {ledger_file}",
            verdict,
            *notes,
        ),
        autofilter=False,
        footer=f"Bank reconciliation of {statement_file} against {ledger_file}",
    )


SUMMARY_COLUMNS = ["Item", "Count", "Money out", "Money in"]
"""The Summary's columns: money out (withdrawals; the ledger's credits) and money in (deposits;
the ledger's debits) apart, as the statement and the ledger keep them."""


# -- the BRS sheet ---------------------------------------------------------------------------

BRS_ITEMS = 20_000
"""Lines listed under one heading of the BRS; the rest are counted in one line (they are on the
Unmatched sheets or files, and in the subtotal)."""
BRS_TEXT = 44
"""Characters of particulars on one printed line of the BRS; longer text goes on to the next."""
BRS_INDENT = "    "
BRS_REFERENCE = 22
"""Characters of a voucher number or reference on one printed line of the BRS (its column is
23 wide: an RTGS UTR, `HDFCR52026103098765432`, fits whole); a longer one (SBI's `TRANSFER FROM 10664826461 /…`) goes on to the next, beside the
particulars carried on."""


def brs_heading(
    statement: Lines,
    ledger_lines: Lines,
    bank: pd.DataFrame,
    ledger: pd.DataFrame,
    company: str = "",
    what: str = "Bank Reconciliation Statement",
) -> tuple[str, ...]:
    """The lines above the BRS (and, with `what` 'Bank reconciliation', the Summary): the
    company, '<what> as on <date>', and the bank account (the ledger's name in the books, the
    account number on the statement; its currency where not the rupee). The date is the end of
    the statement's period, else its last line's."""
    name = ledger_lines.company or statement.company or company
    as_on = statement.period[1] or _last_date(bank) or ledger_lines.period[1] or _last_date(ledger)
    heading = what
    if as_on is not None:
        heading += f" as on {as_on.day} {as_on:%B %Y}"
    number = statement.account.strip()
    if number and number in ledger_lines.account:  # "HDFC Bank A/c 50200087543792" says it
        number = ""
    if number and not any(c.isalpha() for c in number):
        number = f"A/c No. {number}"
    account = ", ".join(p for p in (ledger_lines.account.strip(), number) if p)
    if foreign(statement.currency):  # an EEFC account's, its books kept in USD
        account = ", ".join(p for p in (account, f"amounts in {statement.currency}") if p)
    return tuple(line for line in (name.strip(), heading, account) if line)


def _within_the_books(statement: Lines, ledger_lines: Lines) -> tuple[Lines, list[str]]:
    """The statement as the BRS takes it, within the period the ledger states (its title's
    `1-Nov-2026 to 30-Nov-2026`, `For the month of November 2026`), and what the Summary says
    of it:
    - a statement downloaded to date (1 November to 6 December) against November's books: its
      lines after the books' last day are the next BRS's, and this one is as on that day (the
      bank's balance then, its last line's of that day or before);
    - a statement of October and November against November's books: its lines before the
      books' first day were reconciled last month (the bank's opening is its balance then);
    - a statement that states no period, its last line of the 25th, against books to the
      30th of that month: the BRS is as on the 30th (the bank's balance of the 25th, with no
      line since), not as on the 25th with the books' last five days left out;
    - a statement of no day of the books' period (October's against November's books) is
      refused, naming both: nothing in it can reconcile those books.
    The ledger's period runs as far as its entries do where they run past its title's (a bank
    book of October and November on one sheet, titled October). A ledger that states no period
    (or a year's: `1-Apr-2026 to 31-Mar-2027`) changes nothing: its entries after the
    statement's end are the next BRS's (`_after`)."""
    begins, ends = ledger_lines.period
    dates = pd.to_datetime(statement.frame["date"], errors="coerce")
    if dates.isna().all() or (begins is None and ends is None):
        return statement, []
    # the period as its entries run, where they run past what the title says (a bank book of
    # October and November on one sheet, its title October's)
    # (to the end of the month of its last entry: books are kept by the month)
    booked = pd.to_datetime(ledger_lines.frame["date"], errors="coerce").dropna()
    if len(booked):
        first_entry, last_entry = booked.min().date(), booked.max().date()
        if begins and first_entry < begins:
            begins = first_entry.replace(day=1)
        if ends and last_entry > ends:
            ends = month_end(last_entry)
    first, last = dates.min().date(), dates.max().date()
    stated_begin, stated_end = statement.period

    def apart(start: date | None, end: date | None) -> bool:
        return bool((ends and start and start > ends) or (begins and end and end < begins))

    # neither its lines nor its title's period share a day with the books (a title misread as a
    # month refuses nothing its lines disprove)
    if apart(first, last) and (None in (stated_begin, stated_end) or apart(*statement.period)):
        books = f"{begins:%d-%m-%Y}" if begins else "their start"
        books += f" to {ends:%d-%m-%Y}" if ends else " on"
        raise UserError(
            f"{statement.source or 'The statement'}'s lines are of {first:%d-%m-%Y} to "
            f"{last:%d-%m-%Y}, {ledger_lines.source or 'the ledger'}'s period {books}: "
            "they have no day in common, so nothing in the one can reconcile the other. Give the "
            "statement of the ledger's period, or export the ledger for the statement's."
        )
    notes, period = [], (stated_begin, stated_end)
    # only the run of lines before the books' first day, and the run after their last, are cut:
    # a back-dated line among the month's (interest of the 31st) is the month's
    early = np.zeros(len(dates), dtype=bool)
    late = np.zeros(len(dates), dtype=bool)
    if begins:
        early = np.logical_and.accumulate((dates < pd.Timestamp(begins)).to_numpy(dtype=bool))
        if (stated_begin or first) < begins:
            period = (begins, period[1])
    if ends:
        after = (dates > pd.Timestamp(ends)).to_numpy(dtype=bool)
        late = np.logical_and.accumulate(after[::-1])[::-1]
        if (stated_end or last) > ends:
            period = (period[0], ends)
    if early.any():
        notes.append(
            f"The statement begins on {_stated_day(stated_begin, first, 'first')}, before the "
            f"ledger's period ({begins:%d-%m-%Y}): its {int(early.sum()):,} line(s) before that day were "
            "reconciled with the books of their own month and are left out of this BRS; the "
            "bank's opening balance is its balance before the first line kept."
        )
    if late.any():
        notes.append(
            f"The statement runs to {_stated_day(stated_end, last, 'last')}, past the ledger's "
            f"period ({ends:%d-%m-%Y}): the BRS is as on {ends:%d-%m-%Y}, and the statement's {int(late.sum()):,} line(s) "
            "after that day belong to the next BRS and are left out of this one."
        )
    elif ends and stated_end is None and last < ends and last.replace(day=1) == ends.replace(day=1):
        period = (period[0], ends)
        notes.append(
            f"The statement states no period and its last line is of {last:%d-%m-%Y}: the BRS is "
            f"as on {ends:%d-%m-%Y}, the end of the ledger's period, the bank's balance of "
            f"{last:%d-%m-%Y} taken as its balance then. If the bank has lines after "
            f"{last:%d-%m-%Y}, download the statement to {ends:%d-%m-%Y} and reconcile again."
        )
    if period == statement.period and not early.any() and not late.any():
        return statement, notes
    frame = statement.frame
    moved = (frame["credit"] - frame["debit"]).to_numpy(dtype=np.int64)  # paise, into the bank
    # a summary's opening and closing moved to the days kept
    opening = statement.opening
    if opening is not None:
        opening += int(moved[early].sum())
    closing = statement.closing
    if closing is not None:
        closing -= int(moved[late].sum())
    kept = frame[~early & ~late].reset_index(drop=True)
    return replace(statement, frame=kept, period=period, opening=opening, closing=closing), notes


def _stated_day(stated: date | None, line: date, which: str) -> str:
    """A day of the statement's period as the Summary writes it: its title's (`01-11-2026`),
    with its `which` line's day where that differs (`06-12-2026 (its last line dated
    04-12-2026)`), else its line's."""
    if stated is None or stated == line:
        return f"{line:%d-%m-%Y}"
    return f"{stated:%d-%m-%Y} (its {which} line dated {line:%d-%m-%Y})"


def _after(lines: pd.DataFrame, day: Any) -> np.ndarray:
    """Which lines are dated after `day` (none when there is no day)."""
    if day is None or lines.empty:
        return np.zeros(len(lines), dtype=bool)
    days = pd.to_datetime(lines["date"], errors="coerce")
    return (days > pd.Timestamp(day)).to_numpy(dtype=bool)


def _before(lines: pd.DataFrame, day: date) -> np.ndarray:
    """Which lines are dated before `day` (the mirror of `_after`)."""
    days = pd.to_datetime(lines["date"], errors="coerce")
    return (days < pd.Timestamp(day)).to_numpy(dtype=bool)


def _last_date(lines: pd.DataFrame) -> Any:
    if lines.empty:
        return None
    days = pd.to_datetime(lines["date"], errors="coerce").dropna()
    return None if days.empty else days.max().date()


def brs_sheet(brs: BRS, heading: Sequence[str], footer: str = "") -> ResultSheet:
    """The BRS as an auditor reads it: each heading, its lines (date, particulars, voucher
    number or reference, amount) and its subtotal; the balances and the difference. Labels in
    Particulars and figures in Total (subtotals, balances) stay fixed, so they can be read back.

    A balance is shown with its side, as the statement and the ledger print it (`_balances`):
    the bank's `2,11,506.83 Cr` (an overdraft `1,23,456.00 Dr`), the books' `2,19,024.83 Dr`
    (an overdraft `1,23,456.00 Cr`); the cell keeps the signed figure."""
    lines = statement_lines(brs, most=BRS_ITEMS)
    listed = lines["line"].isin([Line.ITEM.value, Line.MORE.value]).to_numpy(dtype=bool)
    text = strings(lines["particulars"]).str.strip()
    text = text.where(~listed, BRS_INDENT + text)
    long = listed & (text.str.len() > BRS_TEXT + len(BRS_INDENT)).to_numpy(dtype=bool)
    texts: list[str] = [str(t) for t in text.tolist()]
    pieces: list[list[str | None]] = [[t] for t in texts]
    for position in np.flatnonzero(long).tolist():  # only the long lines, broken at spaces
        pieces[position] = [
            BRS_INDENT + part for part in printed_lines(texts[position].strip(), BRS_TEXT)
        ]
    references = strings(lines["reference"])
    refs: list[list[str | None]] = [[r] for r in references.tolist()]
    long_reference = (references.str.len() > BRS_REFERENCE).to_numpy(dtype=bool)
    for position in np.flatnonzero(long_reference).tolist():
        refs[position] = list(
            printed_lines(str(refs[position][0]).strip(), BRS_REFERENCE, whole=True)
        )
    for position in np.flatnonzero(long | long_reference).tolist():  # side by side, row for row
        rows = max(len(pieces[position]), len(refs[position]))
        pieces[position] += [None] * (rows - len(pieces[position]))
        refs[position] += [None] * (rows - len(refs[position]))
    frame = pd.DataFrame(
        {
            "Date": lines["date"].to_numpy(dtype=object),
            "Particulars": pd.Series(pieces, dtype=object),
            "Vch No. / Ref.": pd.Series(refs, dtype=object),
            "Amount": _amounts(lines["amount"]),
            "Total": _balances(_amounts(lines["total"]), lines["particulars"]),
        }
    ).explode(["Particulars", "Vch No. / Ref."])
    continued = frame.index.duplicated()  # text carried on to the next line: no figures there
    frame.loc[continued, ["Date", "Amount", "Total"]] = None
    nil = (lines["line"] == Line.NIL.value).to_numpy(dtype=bool)
    frame.loc[nil[frame.index.to_numpy()] & ~continued, "Total"] = NIL
    frame = frame.reset_index(drop=True)
    money = Column(kind=Kind.MONEY, width=16)  # a difference: -1,23,456.78; 1,23,456.78 Dr
    totals = [
        BANK_BALANCE,
        BANK_NOT_GIVEN,
        BOOKS_COMPUTED,
        BOOKS_LEDGER,
        BANK_EXPECTED,
        OVERDRAFT_BANK,
        OVERDRAFT_COMPUTED,
        OVERDRAFT_LEDGER,
        *(s.subtotal for s in Section),
    ]
    return ResultSheet(
        "BRS",
        frame,
        columns={
            "Date": Column(kind=Kind.DATE, width=11),
            "Particulars": Column(width=BRS_TEXT + len(BRS_INDENT) + 2),
            "Vch No. / Ref.": Column(kind=Kind.ID, width=23),
            "Amount": money,
            "Total": money,
        },
        title=tuple(heading),
        highlights=(
            *(
                Highlight("Particulars", s.heading(overdrawn), Colour.INFO, whole_row=True)
                for s in Section
                for overdrawn in (False, True)
            ),
            *(Highlight("Particulars", label, Colour.TOTAL, whole_row=True) for label in totals),
            Highlight(
                "Particulars",
                DIFFERENCE,
                Colour.GOOD if brs.difference == 0 else Colour.ERROR,
                whole_row=True,
            ),
        ),
        autofilter=False,
        footer=footer,
        title_on_every_page=True,
    )


def _no_bank_balance(brs: BRS) -> str:
    """The Summary's verdict where the statement gives no balance to reconcile to."""
    expected = brs.expected_bank_balance
    return "The statement gives no balance, so the BRS cannot tie: " + (
        f"the bank should show {format_inr(from_paise(abs(expected)))} "
        f"{'Cr' if expected >= 0 else 'Dr'} (the books' balance less the items on the "
        "BRS). Compare it with the bank's closing balance (its statement or passbook)."
        if expected is not None
        else "nor does the ledger. Give files that state their balances."
    )


_BREAK_AFTER = re.compile(r"/|-(?!\d)|(?<!\d)-")
"""Where a printed line may end: after a `/`, or a `-` that is not inside a date or number
(`dt 28-10-2026` stays whole)."""


def printed_lines(text: str, width: int, *, whole: bool = False) -> list[str]:
    """`text` in lines of at most `width` characters, broken after a `/` or `-` or at a space
    (whichever comes last), so a narration reads on: `UPI/629000012037/VIVAAN NAIR/` then
    `okaxis/SBIN`. A run with no break in the last two thirds is cut at the width; with
    `whole` (references: a voucher number and a UTR) at any break there is, however early, so
    that `752 / MAHBR408403023715` is `752 /` over the whole UTR, not its last digit alone on
    the next line (a UTR cut in two is one an accountant cannot search for). A run wider than
    the line with no break at all is cut at the width."""
    lines = []
    shortest = 0 if whole else width // 3
    while len(text) > width:
        head = text[: width + 1]
        space = head.rfind(" ")
        after = max((m.start() for m in _BREAK_AFTER.finditer(head, 0, width)), default=-1) + 1
        if max(space, after) <= shortest:
            cut, resume = width, width
        elif after > space:
            cut, resume = after, after
        else:
            cut, resume = space, space + 1
        lines.append(text[:cut].rstrip())
        text = text[resume:].lstrip()
    return [*lines, text]


def _balances(totals: pd.Series, labels: pd.Series) -> pd.Series:
    """`totals` with each balance shown with its side: the bank's as a statement prints it
    (credit, Cr, is money in the account; Dr an overdraft), the books' as a ledger does (Dr
    money in the bank; Cr an overdraft). Both formats are money.py's INR_DR_CR_FORMAT: the
    bank's with its words the other way round, as the bank keeps the account from its side."""
    bank_side = (
        INR_DR_CR_FORMAT.replace('" Dr"', '" =="')
        .replace('" Cr"', '" Dr"')
        .replace('" =="', '" Cr"')
    )
    sides = {
        BANK_BALANCE: bank_side,
        BANK_EXPECTED: bank_side,
        OVERDRAFT_BANK: bank_side,
        BOOKS_COMPUTED: INR_DR_CR_FORMAT,
        BOOKS_LEDGER: INR_DR_CR_FORMAT,
        OVERDRAFT_COMPUTED: INR_DR_CR_FORMAT,
        OVERDRAFT_LEDGER: INR_DR_CR_FORMAT,
    }
    return pd.Series(
        [
            Figure(total, sides[label]) if total is not None and label in sides else total
            for total, label in zip(totals.tolist(), labels.tolist(), strict=True)
        ],
        dtype=object,
    )


def _amounts(paise: pd.Series) -> pd.Series:
    """Paise (missing where a line has no figure) as exact rupees, None for the missing."""
    return pd.Series(
        [None if pd.isna(v) else from_paise(int(v)) for v in paise.tolist()], dtype=object
    )
