"""The TDS receivable of the books, a row a receipt the customer deducted TDS from, with the
customer's TAN from the Customers sheet.

Read from the Receipts sheet (`Receipt Date, Customer Code, Amount, TDS Deducted, TDS Section`:
the amount is the money received, so the amount credited is Amount + TDS Deducted), or, in books
without one (a Tally import), from the Journal: each debit to TDS Receivable, with the credits of
its voucher to the same party as the amount credited.

A customer without a TAN on the Customers sheet is still matched when the 26AS deductor's name is
its name (folded, `xlbo.names.party_key`); the job says to add the TAN.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from xlbo.book import Reader, Table
from xlbo.columns import date_column, paise_column, text_column
from xlbo.errors import SheetProblem
from xlbo.gstrecon.tds import BOOK_COLUMNS
from xlbo.issues import Issue, Severity
from xlbo.journal_layout import HEADERS as JOURNAL_HEADERS

RECEIPTS = "Receipts"
RECEIPT_HEADERS = ("Receipt Date", "Customer Code", "Amount", "TDS Deducted", "TDS Section")
TDS_RECEIVABLE = "tds receivable"


@dataclass(frozen=True)
class Customer:
    code: str
    name: str
    tan: str


@dataclass(frozen=True)
class Receivable:
    rows: pd.DataFrame
    issues: list[Issue]
    source: str
    """'Receipts sheet' or 'Journal'."""


def _issue(table: Table, row: int, header: str, value: Any, problem: str) -> Issue:
    return Issue(
        severity=Severity.ERROR,
        sheet=table.sheet,
        cell=table.cell(row, header),
        value=value,
        problem=problem,
        hint="The row was left out of the TDS reconciliation.",
        file=table.source,
    )


def read_receivable(reader: Reader, customers: list[Customer]) -> Receivable:
    """The receipts with TDS of the books (Receipts sheet, else Journal)."""
    if reader.has(RECEIPTS):
        return _from_receipts(reader.read_table(RECEIPTS, RECEIPT_HEADERS), customers)
    if reader.has("Journal"):
        return _from_journal(reader.read_table("Journal", JOURNAL_HEADERS), customers)
    raise SheetProblem(
        f"{reader.name} has neither a Receipts sheet ({', '.join(RECEIPT_HEADERS)}) nor a "
        "Journal with TDS Receivable lines; give the books that hold the customers' receipts."
    )


def _money(table: Table, header: str, issues: list[Issue], bad: np.ndarray) -> np.ndarray:
    values = table.frame[header].reset_index(drop=True)
    paise, problems = paise_column(values)
    for at, said in problems.items():
        bad[at] = True
        issues.append(
            _issue(table, int(table.frame.index[at]), header, values.iat[at], f"{header}: {said}")
        )
    return paise


def _days(table: Table, header: str, issues: list[Issue], bad: np.ndarray) -> list[Any]:
    values = table.frame[header].reset_index(drop=True)
    days, _ = date_column(values)
    for at, day in enumerate(days):
        if day is None:
            bad[at] = True
            issues.append(
                _issue(
                    table,
                    int(table.frame.index[at]),
                    header,
                    values.iat[at],
                    f"{header} '{values.iat[at]}' is not a date",
                )
            )
    return days


def _from_receipts(table: Table, customers: list[Customer]) -> Receivable:
    missing = [h for h in RECEIPT_HEADERS[:4] if h not in table.frame.columns]
    if missing:
        raise SheetProblem(
            f"{table.source}: the Receipts sheet has no column {', '.join(missing)}; its "
            f"headers are {', '.join(RECEIPT_HEADERS)}."
        )
    issues: list[Issue] = []
    frame = table.frame
    bad = np.zeros(len(frame), dtype=bool)
    tds = _money(table, "TDS Deducted", issues, bad)
    with_tds = tds != 0
    amount = _money(table, "Amount", issues, bad)
    days = _days(table, "Receipt Date", issues, bad)
    codes = text_column(frame["Customer Code"].reset_index(drop=True))
    section = (
        text_column(frame["TDS Section"].reset_index(drop=True))
        if "TDS Section" in frame.columns
        else pd.Series([""] * len(frame))
    )
    folded = codes.str.casefold()
    names = folded.map({c.code.casefold(): c.name for c in customers}).fillna(codes)
    tans = folded.map({c.code.casefold(): c.tan for c in customers}).fillna("")
    unknown = ~folded.isin({c.code.casefold() for c in customers}).to_numpy(dtype=bool)
    for at in np.flatnonzero(unknown & with_tds).tolist():
        bad[at] = True
        code = codes.iat[at]
        issues.append(
            _issue(
                table,
                int(frame.index[at]),
                "Customer Code",
                code,
                f"Customer Code '{code}' is not on the Customers sheet",
            )
        )
    keep = with_tds & ~bad
    rows = pd.DataFrame(
        {
            "ref": [f"{table.sheet}!{table.cell(int(r), 'TDS Deducted')}" for r in frame.index],
            "customer": names.to_numpy(dtype=object),
            "tan": tans.to_numpy(dtype=object),
            "section": section.to_numpy(dtype=object),
            "date": days,
            "amount": amount + tds,
            "tds": tds,
        }
    )[keep].reset_index(drop=True)
    return Receivable(rows[list(BOOK_COLUMNS)], issues, "Receipts sheet")


def _from_journal(table: Table, customers: list[Customer]) -> Receivable:
    frame = table.frame
    missing = [
        h
        for h in ("Date", "Voucher No", "Account", "Debit", "Credit", "Party")
        if h not in frame.columns
    ]
    if missing:
        raise SheetProblem(
            f"{table.source}: the Journal sheet has no column {', '.join(missing)}; its headers "
            f"are {', '.join(JOURNAL_HEADERS)}."
        )
    issues: list[Issue] = []
    bad = np.zeros(len(frame), dtype=bool)
    debit = _money(table, "Debit", issues, bad)
    credit = _money(table, "Credit", issues, bad)
    account = text_column(frame["Account"].reset_index(drop=True)).str.casefold()
    voucher = text_column(frame["Voucher No"].reset_index(drop=True))
    party = text_column(frame["Party"].reset_index(drop=True))
    lines = pd.DataFrame(
        {"voucher": voucher, "party": party, "credit": credit, "at": np.arange(len(frame))}
    )
    is_tds = account.str.contains(TDS_RECEIVABLE, regex=False).to_numpy() & (debit > 0)
    credits = lines[lines["credit"] > 0].groupby("voucher")
    party_of = credits["party"].agg(lambda p: next((x for x in p if x), ""))
    credited = credits["credit"].sum()
    tds_lines = lines[is_tds & ~bad].copy()
    tds_lines["party"] = tds_lines["party"].where(
        tds_lines["party"] != "", tds_lines["voucher"].map(party_of).fillna("")
    )
    tds_lines["amount"] = tds_lines["voucher"].map(credited).fillna(0).astype(np.int64)
    day_cells = frame["Date"].reset_index(drop=True)
    days, _ = date_column(day_cells)
    by_name = {c.name.casefold(): c for c in customers} | {c.code.casefold(): c for c in customers}
    found = [by_name.get(p.casefold()) for p in tds_lines["party"]]
    rows = pd.DataFrame(
        {
            "ref": [
                f"{table.sheet}!{table.cell(int(frame.index[a]), 'Debit')}" for a in tds_lines["at"]
            ],
            "customer": [
                c.name if c else p for c, p in zip(found, tds_lines["party"], strict=True)
            ],
            "tan": [c.tan if c else "" for c in found],
            "section": "",
            "date": [days[a] for a in tds_lines["at"]],
            "amount": tds_lines["amount"].to_numpy(),
            "tds": debit[tds_lines["at"].to_numpy(dtype=np.int64)],
        }
    )
    return Receivable(rows[list(BOOK_COLUMNS)], issues, "Journal")
