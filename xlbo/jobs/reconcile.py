"""The Reconcile job: a bank statement against the bank ledger, matched, explained, and a BRS.

    $ xlbo reconcile --bank hdfc-statement.xlsx --ledger tally-hdfc-ledger.xlsx --out brs.xlsx

Sheets: Summary, Matches, Unmatched Bank, Unmatched Ledger, Suggestions, BRS, Integrity. Every
Bank Row and Ledger Row is the line's row in its file, and a link to it.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import pandas as pd

from xlbo.bank.brs import BRS, reconcile
from xlbo.bank.integrity import Finding, check_statement, opening_and_closing
from xlbo.bank.lines import Lines, read_ledger, read_statement
from xlbo.bank.match import (
    DEFAULT_WINDOW,
    Decisions,
    Match,
    Rule,
    Suggestion,
    Window,
    _narration_name,
    match_lines,
    prepare_bank,
    prepare_ledger,
)
from xlbo.bank.roles import Role
from xlbo.book import FileBook
from xlbo.book.display import Colour, Column, Highlight, Kind, Link, ResultSheet
from xlbo.errors import UserError
from xlbo.money import from_paise


@dataclass(frozen=True)
class Reconciliation:
    matches: list[Match]
    suggestions: list[Suggestion]
    findings: list[Finding]
    brs: BRS
    bank: pd.DataFrame
    ledger: pd.DataFrame
    bank_open: list[int]
    ledger_open: list[int]
    sheets: list[ResultSheet]
    notes: list[str]


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
) -> Reconciliation:
    """Reconcile the statement file `bank_path` against the ledger file `ledger_path`. `earlier`
    is a result workbook whose Accept and Reject columns (and Rules) the user filled in: its
    decisions are applied. `rules_from` is an earlier month's result whose Rules are reused."""
    statement = read_statement(str(bank_path), mapping=mapping)
    ledger_lines = read_ledger(str(ledger_path), account)
    run = pd.DataFrame(
        [
            ["Bank", str(bank_path.resolve())],
            ["Ledger", str(ledger_path.resolve())],
            ["Account", account or ""],
            ["Days Before", -window.before],
            ["Days After", window.after],
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
    )
    result.sheets.append(ResultSheet("Run", run, headerless=True, hidden=True))
    return result


def reconcile_lines(
    statement: Lines,
    ledger_lines: Lines,
    *,
    window: Window = DEFAULT_WINDOW,
    earlier: Path | None = None,
    rules_from: Path | None = None,
    bank_file: str = "",
    ledger_file: str = "",
) -> Reconciliation:
    """The reconciliation of lines already read (from files, or from the workbook open in Excel);
    `bank_file`/`ledger_file` are what row links point into ("" for this workbook)."""
    findings, unique = check_statement(statement.frame)
    bank = unique.reset_index(drop=True)
    ledger = ledger_lines.frame.reset_index(drop=True)
    bank["signed"] = bank["credit"] - bank["debit"]
    ledger["signed"] = ledger["debit"] - ledger["credit"]
    bank_lines, ledger_lines_ = prepare_bank(bank), prepare_ledger(ledger)
    decisions = read_decisions(earlier, bank, ledger, rules_from)
    matches, suggestions = match_lines(bank_lines, ledger_lines_, window, decisions)
    matched_bank = {p for m in matches for p in m.bank}
    matched_ledger = {p for m in matches for p in m.ledger}
    bank_open = [p for p in range(len(bank)) if p not in matched_bank]
    ledger_open = [p for p in range(len(ledger)) if p not in matched_ledger]
    opening, closing = opening_and_closing(unique)
    notes = []
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
    differences = sum(
        sum(ledger_lines_[g].signed for g in m.ledger) - sum(bank_lines[b].signed for b in m.bank)
        for m in matches
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
        bank_file,
        ledger_file,
        notes,
    )
    sheets.append(
        ResultSheet(
            "Rules",
            rules,
            columns={"Narration Contains": Column(width=40), "Party": Column(width=40)},
        )
    )
    return Reconciliation(
        matches, suggestions, findings, brs, bank, ledger, bank_open, ledger_open, sheets, notes
    )


RULE_HEADERS = ("Narration Contains", "Party")


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
    book = FileBook(earlier)
    bank_rows = {int(r): p for p, r in enumerate(bank["row"].tolist())}
    ledger_rows = {int(r): p for p, r in enumerate(ledger["row"].tolist())}
    rejected: set[tuple[int, int]] = set()
    confirmed: list[tuple[int, int]] = []
    if book.has("Matches"):
        for _, row in book.read_table("Matches").frame.iterrows():
            b, g = (
                _position(bank_rows, row.get("Bank Row")),
                _position(ledger_rows, row.get("Ledger Row")),
            )
            if b is not None and g is not None and _yes(row.get("Reject")):
                rejected.add((b, g))
    if book.has("Suggestions"):
        for _, row in book.read_table("Suggestions").frame.iterrows():
            b, g = (
                _position(bank_rows, row.get("Bank Row")),
                _position(ledger_rows, row.get("Ledger Row")),
            )
            if b is not None and g is not None and _yes(row.get("Accept")):
                confirmed.append((b, g))
                name = _narration_name(str(bank.at[b, "narration"])).strip()
                if name and str(ledger.at[g, "particulars"]):
                    rules.append(Rule(name, str(ledger.at[g, "particulars"])))
    return Decisions(tuple(confirmed), frozenset(rejected), tuple(dict.fromkeys(rules)))


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


def _rupees(paise: int) -> object:
    return from_paise(paise)


def _sheets(
    statement: Lines,
    ledger_lines: Lines,
    bank: pd.DataFrame,
    ledger: pd.DataFrame,
    matches: list[Match],
    suggestions: list[Suggestion],
    findings: list[Finding],
    brs: BRS,
    bank_open: list[int],
    ledger_open: list[int],
    bank_file: str,
    ledger_file: str,
    notes: list[str],
) -> list[ResultSheet]:
    B = cast(list[dict[str, Any]], bank.to_dict("records"))
    G = cast(list[dict[str, Any]], ledger.to_dict("records"))

    def bank_row(position: int) -> Link:
        row = int(B[position]["row"])
        return Link(row, statement.sheet, f"A{row}", file=bank_file)

    def ledger_row(position: int) -> Link:
        row = int(G[position]["row"])
        return Link(row, ledger_lines.sheet, f"A{row}", file=ledger_file)

    money = Column(kind=Kind.MONEY)
    match_rows = []
    for number, match in enumerate(matches, start=1):
        pairs = itertools_product(match.bank, match.ledger)
        for b, g in pairs:
            match_rows.append(
                [
                    number,
                    bank_row(b),
                    ledger_row(g),
                    match.rule,
                    match.score,
                    match.why,
                    B[b]["date"],
                    B[b]["narration"],
                    _rupees(int(B[b]["signed"])),
                    G[g]["date"],
                    G[g]["particulars"],
                    _rupees(int(G[g]["signed"])),
                    None,
                ]
            )
    matches_frame = pd.DataFrame(
        match_rows,
        columns=[
            "Match ID",
            "Bank Row",
            "Ledger Row",
            "Rule",
            "Score",
            "Why",
            "Bank Date",
            "Narration",
            "Bank Amount",
            "Ledger Date",
            "Particulars",
            "Ledger Amount",
            "Reject",
        ],
        dtype=object,
    )
    unmatched_bank = pd.DataFrame(
        [
            [
                bank_row(p),
                B[p]["date"],
                B[p]["narration"],
                B[p]["reference"],
                _rupees(int(B[p]["debit"])),
                _rupees(int(B[p]["credit"])),
            ]
            for p in bank_open
        ],
        columns=["Bank Row", "Date", "Narration", "Reference", "Withdrawal", "Deposit"],
        dtype=object,
    )
    unmatched_ledger = pd.DataFrame(
        [
            [
                ledger_row(p),
                G[p]["date"],
                G[p]["particulars"],
                G[p]["voucher_type"],
                G[p]["voucher_no"],
                _rupees(int(G[p]["debit"])),
                _rupees(int(G[p]["credit"])),
            ]
            for p in ledger_open
        ],
        columns=["Ledger Row", "Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
        dtype=object,
    )
    suggestion_frame = pd.DataFrame(
        [
            [
                bank_row(s.bank),
                ledger_row(s.ledger),
                s.kind,
                s.why,
                _rupees(int(B[s.bank]["signed"])),
                _rupees(int(G[s.ledger]["signed"])),
                None,
            ]
            for s in suggestions
        ],
        columns=["Bank Row", "Ledger Row", "Kind", "Why", "Bank Amount", "Ledger Amount", "Accept"],
        dtype=object,
    )
    brs_rows = [
        ["Balance as per bank statement", _rupees(brs.bank_balance)],
        ["Add: cheques deposited but not yet credited", _rupees(brs.deposits_not_credited)],
        ["Less: cheques issued but not yet presented", _rupees(-brs.cheques_not_presented)],
        [
            "Add: debits in the bank not yet in the books (charges, NACH, returns)",
            _rupees(brs.bank_debits_not_in_books),
        ],
        [
            "Less: credits in the bank not yet in the books (interest, receipts)",
            _rupees(-brs.bank_credits_not_in_books),
        ],
        [
            "Add: differences on confirmed matches, to be booked (TDS, charges)",
            _rupees(brs.matched_differences),
        ],
        ["Balance as per books (computed)", _rupees(brs.computed_books_balance)],
        [
            "Balance as per books (ledger)",
            _rupees(brs.books_balance) if brs.books_balance is not None else None,
        ],
        ["Difference", _rupees(brs.difference) if brs.difference is not None else None],
    ]
    brs_frame = pd.DataFrame(brs_rows, columns=["Item", "Amount"], dtype=object)
    integrity = pd.DataFrame(
        [[f.row, f.check, f.detail] for f in findings],
        columns=["Bank Row", "Check", "Finding"],
        dtype=object,
    )
    rules = Counter(m.rule for m in matches)
    summary_rows = [
        ["Bank lines", len(bank), _rupees(int(bank["signed"].abs().sum()))],
        ["Ledger lines", len(ledger), _rupees(int(ledger["signed"].abs().sum()))],
    ]
    for rule in ("Reference", "Amount and date", "Combination"):
        lines_in = [m for m in matches if m.rule == rule]
        summary_rows.append(
            [
                f"Matched by {rule.lower()}",
                rules.get(rule, 0),
                _rupees(sum(abs(int(B[p]["signed"])) for m in lines_in for p in m.bank)),
            ]
        )
    summary_rows += [
        [
            "Unmatched bank lines",
            len(bank_open),
            _rupees(int(bank.iloc[bank_open]["signed"].abs().sum()) if bank_open else 0),
        ],
        [
            "Unmatched ledger lines",
            len(ledger_open),
            _rupees(int(ledger.iloc[ledger_open]["signed"].abs().sum()) if ledger_open else 0),
        ],
        ["Suggestions to review", len(suggestions), None],
        ["Integrity findings", len(findings), None],
        ["BRS difference", None, _rupees(brs.difference) if brs.difference is not None else None],
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


def itertools_product(left: tuple[int, ...], right: tuple[int, ...]) -> list[tuple[int, int]]:
    """Rows of the Matches sheet for a match: a 1:3 match is three rows sharing its Match ID."""
    if len(left) == 1:
        return [(left[0], r) for r in right]
    return [(b, right[0]) for b in left]
