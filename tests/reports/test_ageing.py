"""The ageing starts from the parties' opening bills and ties to the trial balance, or says by how
much it does not; a balance the other way round is labelled an advance."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from xlbo.demo import build_demo
from xlbo.jobs.report import ReportKind, run_report

ACCOUNTS = [
    ["Account", "Group", "Sub-group", "Nature", "Opening Debit", "Opening Credit"],
    ["Share Capital", "Equity", "Share Capital", "Equity", None, 150000],
    ["HDFC Bank Current A/c", "Current Assets", "Cash and Cash Equivalents", "Asset", None, None],
    ["Trade Receivables", "Current Assets", "Trade Receivables", "Asset", 150000, None],
    ["Sales - Goods", "Income", "Revenue from Operations", "Income", None, None],
    ["Output IGST", "Current Liabilities", "Other Current Liabilities", "Liability", None, None],
]
COMPANY = [["Name", "State", "Books Begin"], ["Sahyadri Tradelinks", "Maharashtra", "01-10-2026"]]
HEAD = ["Date", "Voucher No", "Voucher Type", "Account", "Debit", "Credit", "Party"]
JOURNAL = [
    HEAD,
    [date(2026, 10, 5), "RCT/1", "Receipt", "HDFC Bank Current A/c", 40000, None, None],
    [date(2026, 10, 5), "RCT/1", "Receipt", "Trade Receivables", None, 40000, "Vardhaman"],
    [date(2026, 10, 10), "SAL/1", "Sales", "Trade Receivables", 11800, None, "Lotus"],
    [date(2026, 10, 10), "SAL/1", "Sales", "Sales - Goods", None, 10000, None],
    [date(2026, 10, 10), "SAL/1", "Sales", "Output IGST", None, 1800, None],
]
OPENING_BILLS = [
    ["Account", "Party", "Bill No", "Bill Date", "Amount"],
    ["Trade Receivables", "Vardhaman", "SAL/25-26/0090", date(2026, 8, 15), 100000],
    ["Trade Receivables", "Lotus", "SAL/25-26/0095", date(2026, 9, 20), 60000],
    ["Trade Receivables", "Skyline", "Advance", date(2026, 9, 10), -10000],
]


def ageing(xlsx: Callable[..., Path], **sheets: list[list[Any]]) -> tuple[pd.DataFrame, Any]:
    book = xlsx(
        {"Company": COMPANY, "Accounts": ACCOUNTS, "Journal": JOURNAL, **sheets},
        name="books.xlsx",
    )
    report = run_report(ReportKind.AGEING, book, "2026-10")
    frame = report.sheets[0].frame.set_index("Party")
    return frame, report


def test_opening_bills_start_the_ageing_and_it_ties(xlsx: Callable[..., Path]) -> None:
    frame, report = ageing(xlsx, **{"Opening Bills": OPENING_BILLS})
    assert not report.problems
    vardhaman, lotus = frame.loc["Vardhaman"], frame.loc["Lotus"]
    assert (str(vardhaman["Outstanding"]), str(vardhaman["61–90"])) == ("60000.00", "60000.00")
    assert (str(lotus["31–60"]), str(lotus["0–30"])) == ("60000.00", "11800.00")
    skyline = frame.loc["Skyline"]
    assert str(skyline["Outstanding"]) == "-10000.00"
    assert skyline["Note"].startswith("Advance from the customer")
    total, ledger = frame.loc["Total receivables"], frame.loc["Trade Receivables per trial balance"]
    assert str(total["Outstanding"]) == str(ledger["Outstanding"]) == "121800.00"
    assert total["Note"] == "Ties to the trial balance"


def test_without_opening_bills_it_says_by_how_much_it_does_not_tie(
    xlsx: Callable[..., Path],
) -> None:
    frame, _ = ageing(xlsx)
    assert str(frame.loc["Vardhaman", "Outstanding"]) == "-40000.00"  # paid a bill not shown
    assert frame.loc["Vardhaman", "Note"].startswith("Advance from the customer")
    total = frame.loc["Total receivables"]
    assert str(total["Outstanding"]) == "-28200.00"
    assert total["Note"] == (
        "Does not tie: the ageing is ₹1,50,000.00 less than Trade Receivables in the trial balance"
    )


def test_bad_opening_bills_are_issues_and_left_out(xlsx: Callable[..., Path]) -> None:
    bad = [
        *OPENING_BILLS,
        ["Sundry Debtors", "Kaveri", "SAL/1", date(2026, 9, 1), 5000],
        ["Trade Receivables", "Kaveri", "SAL/2", date(2026, 9, 1), "five thousand"],
        ["Trade Receivables", "Kaveri", "SAL/3", date(2026, 10, 2), 5000],
        ["Trade Receivables", None, "SAL/4", date(2026, 9, 1), 5000],
    ]
    frame, report = ageing(xlsx, **{"Opening Bills": bad})
    problems = {i.cell: i.problem for i in report.problems}
    assert "'Sundry Debtors' is not a control account the ageing follows" in problems["A5"]
    assert problems["E6"].startswith("Amount:")
    assert "is not before the books begin (01-10-2026)" in problems["D7"]
    assert problems["B8"] == "Party is blank"
    assert "Kaveri" not in frame.index
    assert frame.loc["Total receivables", "Note"] == "Ties to the trial balance"


@pytest.mark.parametrize("seed", [2026, 7])
def test_the_demo_ageing_ties_and_explains_every_negative(tmp_path: Path, seed: int) -> None:
    files = build_demo(tmp_path, seed=seed)
    report = run_report(ReportKind.AGEING, files.books, "2026-10", files.master)
    frame = report.sheets[0].frame
    checks = frame[frame["Party"].str.startswith("Total ")]
    assert checks["Note"].tolist() == ["Ties to the trial balance"] * 2
    parties = frame[
        ~frame["Party"].str.startswith("Total ") & ~frame["Party"].str.endswith("balance")
    ]
    assert len(parties) > 40
    negative = parties[parties["Outstanding"] < 0]
    assert len(negative) <= 4  # the planted advances, not a third of the parties
    assert all(note.startswith("Advance ") for note in negative["Note"])
    assert not report.problems
