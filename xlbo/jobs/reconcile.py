"""The Reconcile job: a bank statement against the bank ledger, matched, explained, and a BRS.

    $ xlbo reconcile --bank hdfc-statement.xlsx --ledger tally-hdfc-ledger.xlsx --out brs.xlsx

Sheets: Summary, Matches, Unmatched Bank, Unmatched Ledger, Suggestions, BRS, Integrity. Every
Bank Row and Ledger Row is the line's row in its file, and a link to it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from xlbo.bank.brs import BRS, reconcile
from xlbo.bank.integrity import Finding, check_statement, opening_and_closing
from xlbo.bank.ledger import read_ledger
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
from xlbo.bank.roles import Role
from xlbo.bank.statement import read_statement
from xlbo.book import FileBook, write_workbook
from xlbo.book.display import Colour, Column, Highlight, Kind, Link, ResultSheet
from xlbo.book.flat import write_flat
from xlbo.columns import money_column, strings
from xlbo.errors import UserError
from xlbo.issues import Issue, Severity, issues_sheet
from xlbo.money import from_paise


class Detail(StrEnum):
    """Where the long tables (matches, unmatched lines, suggestions) go: sheets of the result
    workbook, or CSV/Parquet files beside it (for statements past Excel's size)."""

    XLSX = "xlsx"
    CSV = "csv"
    PARQUET = "parquet"


DETAIL_SHEETS = ("Matches", "Unmatched Bank", "Unmatched Ledger", "Suggestions")


def detail_for(*inputs: Path) -> Detail:
    """The default: sheets when every input is a workbook; otherwise files of the inputs' kind
    (Parquet if any input is Parquet, else CSV)."""
    suffixes = {p.suffix.lower() for p in inputs}
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
) -> Reconciliation:
    """Reconcile the statement file `bank_path` against the ledger file `ledger_path`. `earlier`
    is a result workbook whose Accept and Reject columns (and Rules) the user filled in: its
    decisions are applied. `rules_from` is an earlier month's result whose Rules are reused.
    `detail` says where the long tables go (by default: see `detail_for`)."""
    chosen = detail or detail_for(bank_path, ledger_path)
    statement = read_statement(str(bank_path), mapping=mapping)
    ledger_lines = read_ledger(str(ledger_path), account)
    run = pd.DataFrame(
        [
            ["Bank", str(bank_path.resolve())],
            ["Ledger", str(ledger_path.resolve())],
            ["Account", account or ""],
            ["Days Before", -window.before],
            ["Days After", window.after],
            ["Detail", chosen.value],
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
    )
    result.sheets.append(ResultSheet("Run", run, headerless=True, hidden=True))
    if chosen is Detail.XLSX:
        return result
    return replace(
        result,
        sheets=[s for s in result.sheets if s.name not in DETAIL_SHEETS],
        details=[s for s in result.sheets if s.name in DETAIL_SHEETS],
        detail=chosen,
    )


def detail_files(result: Reconciliation, out: Path) -> list[Path]:
    """The files the long tables of `result` go to, beside the workbook `out` (none when they
    are sheets of it)."""
    return [detail_path(out, sheet.name, result.detail) for sheet in result.details]


def write_result(result: Reconciliation, out: Path) -> list[Path]:
    """Write the result workbook (and the long tables beside it, when they go to files), each
    atomically; return every path written."""
    for sheet in result.sheets:
        if len(sheet.frame) >= EXCEL_ROWS:
            raise UserError(
                f"The {sheet.name} sheet would have {len(sheet.frame):,} rows, more than Excel "
                "holds; write the long tables as files with --detail csv (or parquet)."
            )
    details = [  # first, so a detail file open in Excel stops the run before the workbook changes
        write_flat(path, sheet.frame)
        for sheet, path in zip(result.details, detail_files(result, out), strict=True)
    ]
    return [write_workbook(out, result.sheets, title="Bank reconciliation"), *details]


def reconcile_lines(
    statement: Lines,
    ledger_lines: Lines,
    *,
    window: Window = DEFAULT_WINDOW,
    earlier: Path | None = None,
    rules_from: Path | None = None,
    bank_file: str = "",
    ledger_file: str = "",
    detail_files: Sequence[str] = (),
) -> Reconciliation:
    """The reconciliation of lines already read (from files, or from the workbook open in Excel);
    `bank_file`/`ledger_file` are what row links point into ("" for this workbook);
    `detail_files` name the files the long tables will go to, when not sheets."""
    findings, unique = check_statement(statement.frame)
    bank = unique.reset_index(drop=True)
    ledger = ledger_lines.frame.reset_index(drop=True)
    bank["signed"] = bank["credit"] - bank["debit"]
    ledger["signed"] = ledger["debit"] - ledger["credit"]
    decisions = read_decisions(earlier, bank, ledger, rules_from)
    matches, suggestions = match_lines(
        prepare_bank(bank), prepare_ledger(ledger), window, decisions
    )
    matched_bank = np.zeros(len(bank), dtype=bool)
    matched_bank[matches["bank"].to_numpy(dtype=np.int64)] = True
    matched_ledger = np.zeros(len(ledger), dtype=bool)
    matched_ledger[matches["ledger"].to_numpy(dtype=np.int64)] = True
    bank_open = np.flatnonzero(~matched_bank).tolist()
    ledger_open = np.flatnonzero(~matched_ledger).tolist()
    opening, closing = opening_and_closing(unique)
    notes = []
    left_out = sum(i.severity is Severity.ERROR for i in [*statement.issues, *ledger_lines.issues])
    if left_out:
        notes.append(
            f"{left_out} line(s) could not be read and were left out: see the Issues sheet, fix "
            "the cells and reconcile again (the BRS cannot tie while they are out)."
        )
    if detail_files:
        notes.append(
            "Matches, unmatched lines and suggestions are in the files beside this workbook: "
            + ", ".join(detail_files)
            + "."
        )
    books_opening = ledger_lines.opening
    if books_opening is None:
        books_opening = opening
        notes.append(
            "The ledger states no opening balance; the statement's opening balance was taken as the "
            "books' (as when last month reconciled with nothing outstanding)."
        )
    books_balance = (
        None
        if books_opening is None
        else books_opening + int(ledger["debit"].sum()) - int(ledger["credit"].sum())
    )
    differences = int(ledger["signed"].to_numpy()[matched_ledger].sum()) - int(
        bank["signed"].to_numpy()[matched_bank].sum()
    )
    brs = reconcile(closing or 0, books_balance, bank, ledger, bank_open, ledger_open, differences)
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
    )
    sheets.append(
        ResultSheet(
            "Rules",
            rules,
            columns={"Narration Contains": Column(width=40), "Party": Column(width=40)},
        )
    )
    read_issues = [*statement.issues, *ledger_lines.issues]
    if read_issues:
        sheets.append(
            issues_sheet(
                read_issues, files={statement.source: bank_file, ledger_lines.source: ledger_file}
            )
        )
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
    )


RULE_HEADERS = ("Narration Contains", "Party")
EXCEL_ROWS = 1_048_576
"""Rows in an Excel sheet, header included."""


def _yes(value: Any) -> bool:
    return str(value or "").strip().casefold() in {"yes", "y", "true", "1", "x", "✓"}


def _position(rows: dict[int, int], value: Any) -> int | None:
    try:
        return rows.get(int(float(value)))
    except (TypeError, ValueError):
        return None


def read_decisions(
    earlier: Path | None, bank: pd.DataFrame, ledger: pd.DataFrame, rules_from: Path | None = None
) -> Decisions:
    """The user's decisions in an earlier result: Reject on Matches, Accept on Suggestions (each
    accepted pair also teaches a rule: this narration is this party), and the Rules sheet."""
    rules: list[Rule] = []
    for source in (rules_from, earlier):
        if source is not None and FileBook(source).has("Rules"):
            for _, row in FileBook(source).read_table("Rules", RULE_HEADERS).frame.iterrows():
                pattern, party = row.get("Narration Contains"), row.get("Party")
                if pattern and party:
                    rules.append(Rule(str(pattern), str(party)))
    if earlier is None:
        return Decisions(rules=tuple(dict.fromkeys(rules)))
    bank_rows = {int(r): p for p, r in enumerate(bank["row"].tolist())}
    ledger_rows = {int(r): p for p, r in enumerate(ledger["row"].tolist())}

    def decided(sheet: str, column: str) -> list[tuple[int, int]]:
        """(bank, ledger) positions of the rows of `sheet` marked in `column`."""
        frame = _decision_table(earlier, sheet)
        wanted = {column, "Bank Row", "Ledger Row"}
        if frame is None or not wanted <= set(frame.columns):
            return []
        marked = frame[frame[column].map(_yes).to_numpy(dtype=bool)]
        pairs = []
        for bank_row, ledger_row in zip(marked["Bank Row"], marked["Ledger Row"], strict=True):
            b, g = _position(bank_rows, bank_row), _position(ledger_rows, ledger_row)
            if b is not None and g is not None:
                pairs.append((b, g))
        return pairs

    rejected = frozenset(decided("Matches", "Reject"))
    confirmed = decided("Suggestions", "Accept")
    for b, g in confirmed:
        name = str(narration_names(bank["narration"].iloc[[b]]).iloc[0]).strip()
        if name and str(ledger.at[g, "particulars"]):
            rules.append(Rule(name, str(ledger.at[g, "particulars"])))
    return Decisions(tuple(confirmed), rejected, tuple(dict.fromkeys(rules)))


def _decision_table(result: Path, sheet: str) -> pd.DataFrame | None:
    """The sheet `sheet` of an earlier result workbook, or the file beside it that holds it."""
    book = FileBook(result)
    if book.has(sheet):
        return book.read_table(sheet).frame
    for detail in (Detail.CSV, Detail.PARQUET):
        path = detail_path(result, sheet, detail)
        if path.exists():
            beside = FileBook(path)
            return beside.read_table(beside.sheet_names()[0]).frame
    return None


def run_settings(result: Path) -> dict[str, str]:
    """The inputs a result workbook was made from (its hidden Run sheet)."""
    book = FileBook(result)
    if not book.has("Run"):
        raise UserError(
            f"{result.name} is not a reconciliation made by xlbo (it has no Run sheet); "
            "reconcile again with --bank and --ledger."
        )
    rows = book.sheet_rows(book.resolve("Run"))
    return {
        str(r[0]): str(r[1]) if len(r) > 1 and r[1] is not None else "" for r in rows if r and r[0]
    }


LINKS_PER_COLUMN = 32_000
"""Row numbers made links, per column (Excel keeps at most 65,530 links a sheet)."""


def _pick(column: pd.Series, positions: Any = None) -> pd.Series:
    """The text at `positions` (all when None), renumbered from 0, as pandas' string type."""
    chosen = column if positions is None else column.iloc[positions]
    return strings(chosen.reset_index(drop=True))


def _row_links(rows: pd.Series, sheet: str, file: str | None) -> pd.Series:
    """Row numbers as links to the line in its source (the first LINKS_PER_COLUMN of them; the
    rest as plain numbers); plain numbers throughout where `file` is None (flat files)."""
    if file is None:
        return pd.Series(rows.to_numpy(dtype=np.int64))
    numbers = rows.astype("int64").tolist()
    return pd.Series(
        [
            Link(n, sheet, f"A{n}", file=file) if i < LINKS_PER_COLUMN else n
            for i, n in enumerate(numbers)
        ],
        dtype=object,
    )


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
) -> list[ResultSheet]:
    """The result sheets; row numbers link into `bank_file`/`ledger_file` ("" for this
    workbook, None for no links: the tables go to flat files)."""
    money = Column(kind=Kind.MONEY)
    b = matches["bank"].to_numpy(dtype=np.int64)
    g = matches["ledger"].to_numpy(dtype=np.int64)
    matches_frame = pd.DataFrame(
        {
            "Match ID": matches["match"].to_numpy(dtype=np.int64),
            "Bank Row": _row_links(bank["row"].iloc[b], statement.sheet, bank_file),
            "Ledger Row": _row_links(ledger["row"].iloc[g], ledger_lines.sheet, ledger_file),
            "Rule": _pick(matches["rule"]),
            "Score": matches["score"].to_numpy(dtype=np.int64),
            "Why": _pick(matches["why"]),
            "Bank Date": bank["date"].to_numpy(dtype=object)[b],
            "Narration": _pick(bank["narration"], b),
            "Bank Amount": money_column(bank["signed"].to_numpy()[b]),
            "Ledger Date": ledger["date"].to_numpy(dtype=object)[g],
            "Particulars": _pick(ledger["particulars"], g),
            "Ledger Amount": money_column(ledger["signed"].to_numpy()[g]),
            "Reject": None,
        }
    )
    left_bank = bank.iloc[bank_open]
    unmatched_bank = pd.DataFrame(
        {
            "Bank Row": _row_links(left_bank["row"], statement.sheet, bank_file),
            "Date": left_bank["date"].to_numpy(dtype=object),
            "Narration": _pick(left_bank["narration"]),
            "Reference": _pick(left_bank["reference"]),
            "Withdrawal": money_column(left_bank["debit"]),
            "Deposit": money_column(left_bank["credit"]),
        }
    )
    left_ledger = ledger.iloc[ledger_open]
    unmatched_ledger = pd.DataFrame(
        {
            "Ledger Row": _row_links(left_ledger["row"], ledger_lines.sheet, ledger_file),
            "Date": left_ledger["date"].to_numpy(dtype=object),
            "Particulars": _pick(left_ledger["particulars"]),
            "Vch Type": _pick(left_ledger["voucher_type"]),
            "Vch No.": _pick(left_ledger["voucher_no"]),
            "Debit": money_column(left_ledger["debit"]),
            "Credit": money_column(left_ledger["credit"]),
        }
    )
    sb = suggestions["bank"].to_numpy(dtype=np.int64)
    sg = suggestions["ledger"].to_numpy(dtype=np.int64)
    suggestion_frame = pd.DataFrame(
        {
            "Bank Row": _row_links(bank["row"].iloc[sb], statement.sheet, bank_file),
            "Ledger Row": _row_links(ledger["row"].iloc[sg], ledger_lines.sheet, ledger_file),
            "Kind": _pick(suggestions["kind"]),
            "Why": _pick(suggestions["why"]),
            "Bank Amount": money_column(bank["signed"].to_numpy()[sb]),
            "Ledger Amount": money_column(ledger["signed"].to_numpy()[sg]),
            "Accept": None,
        }
    )
    brs_rows = [
        ["Balance as per bank statement", from_paise(brs.bank_balance)],
        ["Add: cheques deposited but not yet credited", from_paise(brs.deposits_not_credited)],
        ["Less: cheques issued but not yet presented", from_paise(-brs.cheques_not_presented)],
        [
            "Add: debits in the bank not yet in the books (charges, NACH, returns)",
            from_paise(brs.bank_debits_not_in_books),
        ],
        [
            "Less: credits in the bank not yet in the books (interest, receipts)",
            from_paise(-brs.bank_credits_not_in_books),
        ],
        [
            "Add: differences on confirmed matches, to be booked (TDS, charges)",
            from_paise(brs.matched_differences),
        ],
        ["Balance as per books (computed)", from_paise(brs.computed_books_balance)],
        [
            "Balance as per books (ledger)",
            from_paise(brs.books_balance) if brs.books_balance is not None else None,
        ],
        ["Difference", from_paise(brs.difference) if brs.difference is not None else None],
    ]
    brs_frame = pd.DataFrame(brs_rows, columns=["Item", "Amount"], dtype=object)
    integrity = pd.DataFrame(
        [[f.row, f.check, f.detail] for f in findings],
        columns=["Bank Row", "Check", "Finding"],
        dtype=object,
    )
    per_rule = matches.drop_duplicates("match")["rule"].value_counts()
    matched_bank = matches.drop_duplicates("bank")
    summary_rows = [
        ["Bank lines", len(bank), from_paise(int(bank["signed"].abs().sum()))],
        ["Ledger lines", len(ledger), from_paise(int(ledger["signed"].abs().sum()))],
    ]
    for rule, label in (
        ("Reference", "Matched by reference"),
        ("Rule", "Matched by your rules"),
        ("Amount and date", "Matched by amount and date"),
        ("Combination", "Matched by combination"),
        ("Confirmed", "Confirmed by you"),
    ):
        positions = matched_bank.loc[matched_bank["rule"] == rule, "bank"].to_numpy(dtype=np.int64)
        summary_rows.append(
            [
                label,
                int(per_rule.get(rule, 0)),
                from_paise(int(np.abs(bank["signed"].to_numpy()[positions]).sum())),
            ]
        )
    summary_rows += [
        [
            "Unmatched bank lines",
            len(bank_open),
            from_paise(int(bank.iloc[bank_open]["signed"].abs().sum()) if bank_open else 0),
        ],
        [
            "Unmatched ledger lines",
            len(ledger_open),
            from_paise(int(ledger.iloc[ledger_open]["signed"].abs().sum()) if ledger_open else 0),
        ],
        ["Suggestions to review", len(suggestions), None],
        ["Integrity findings", len(findings), None],
        [
            "BRS difference",
            None,
            from_paise(brs.difference) if brs.difference is not None else None,
        ],
    ]
    summary = pd.DataFrame(summary_rows, columns=["Item", "Count", "Amount"], dtype=object)
    verdict = (
        "The BRS ties: difference 0.00."
        if brs.difference == 0
        else f"The BRS does not tie yet: difference {from_paise(brs.difference or 0)}."
    )
    title = (
        f"Bank reconciliation: {statement.source} against {ledger_lines.source}",
        verdict,
        *notes,
    )
    return [
        ResultSheet(
            "Summary",
            summary,
            columns={"Item": Column(width=36), "Amount": money},
            title=title,
            autofilter=False,
        ),
        ResultSheet(
            "Matches",
            matches_frame,
            columns={
                "Bank Amount": money,
                "Ledger Amount": money,
                "Narration": Column(kind=Kind.LONG_TEXT, width=50),
                "Why": Column(kind=Kind.LONG_TEXT, width=45),
                "Bank Date": Column(kind=Kind.DATE),
                "Ledger Date": Column(kind=Kind.DATE),
                "Reject": Column(choices=("Yes",), width=8),
            },
        ),
        ResultSheet(
            "Unmatched Bank",
            unmatched_bank,
            columns={
                "Withdrawal": money,
                "Deposit": money,
                "Narration": Column(kind=Kind.LONG_TEXT, width=60),
                "Date": Column(kind=Kind.DATE),
            },
        ),
        ResultSheet(
            "Unmatched Ledger",
            unmatched_ledger,
            columns={"Debit": money, "Credit": money, "Date": Column(kind=Kind.DATE)},
        ),
        ResultSheet(
            "Suggestions",
            suggestion_frame,
            columns={
                "Bank Amount": money,
                "Ledger Amount": money,
                "Why": Column(kind=Kind.LONG_TEXT, width=60),
                "Accept": Column(choices=("Yes",), width=8),
            },
        ),
        ResultSheet(
            "BRS",
            brs_frame,
            columns={"Item": Column(width=70), "Amount": money},
            highlights=(Highlight("Item", "Difference", Colour.TOTAL, whole_row=True),),
            autofilter=False,
        ),
        ResultSheet(
            "Integrity", integrity, columns={"Finding": Column(kind=Kind.LONG_TEXT, width=100)}
        ),
    ]
