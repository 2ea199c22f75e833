"""The sheets of `xlbo report`: the trial balance, the statements, the monthly and annual
profit and loss, the ageing, the budget against actual, project progress and the pack's
contents, each made from what its engine in `xlbo.reports` returns.

>>> import pandas as pd
>>> frame = pd.DataFrame([["Total", "", 0, 5, 5, 0, 0]], columns=[
...     "Account", "Group", "Opening", "Debit", "Credit", "Closing Debit", "Closing Credit"])
>>> trial_balance_sheet(frame).name
'Trial Balance'
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from xlbo.book.display import Chart, ChartKind, Colour, Column, Highlight, Kind, Link, ResultSheet
from xlbo.money import INR_DR_CR_FORMAT
from xlbo.reports.ageing import BUCKETS
from xlbo.reports.statements import Statement
from xlbo.reports.summary import PROFIT, TOTAL_EXPENSES, TOTAL_INCOME, ProfitByMonth

SIGNED_FORMAT = INR_DR_CR_FORMAT
"""Opening balances: debit or credit said in words, as ledgers print them (lakh and crore
grouping like every other figure)."""


def trial_balance_sheet(frame: pd.DataFrame) -> ResultSheet:
    """The Trial Balance sheet of `xlbo.reports.statements.trial_balance`'s lines."""
    money = Column(kind=Kind.MONEY)
    return ResultSheet(
        "Trial Balance",
        frame,
        columns={
            "Account": Column(width=36),
            "Group": Column(width=24),
            "Opening": Column(kind=Kind.MONEY, number_format=SIGNED_FORMAT, width=18),
            "Debit": money,
            "Credit": money,
            "Closing Debit": money,
            "Closing Credit": money,
        },
        highlights=(Highlight("Account", "Total", Colour.TOTAL, whole_row=True),),
    )


def statement_sheet(statement: Statement) -> ResultSheet:
    """The Profit and Loss or Balance Sheet sheet: Particulars, then this period's and the
    previous period's figures."""
    particulars, *periods = statement.frame.columns
    money = Column(kind=Kind.MONEY, width=18)
    return ResultSheet(
        statement.name,
        statement.frame,
        columns={particulars: Column(width=48)} | dict.fromkeys(periods, money),
        autofilter=False,
    )


def summary_sheet(summary: ProfitByMonth) -> ResultSheet:
    """The Monthly or Annual sheet, with a chart of income, expenses and profit by month (and
    in the annual summary a pie of the expenses by nature)."""
    frame = summary.frame
    first = str(frame.columns[0])
    labels = [str(label) for label in frame.columns[2:-1]]
    money = Column(kind=Kind.MONEY, width=14)
    return ResultSheet(
        "Annual" if summary.annual else "Monthly",
        frame,
        columns={first: Column(width=36), "Type": Column(width=9)}
        | dict.fromkeys([*labels, "Total"], money),
        highlights=(Highlight("Type", "Total", Colour.TOTAL, whole_row=True),),
        autofilter=False,
        landscape=True,
        one_page=True,
        charts=(
            Chart(
                ChartKind.COLUMN,
                f"Income, expenses and profit by month — {summary.span.label}",
                categories=first,
                values=(TOTAL_INCOME, TOTAL_EXPENSES, PROFIT),
                across=tuple(labels),
                y_title="₹",
            ),
            *(
                [
                    Chart(
                        ChartKind.PIE,
                        f"Expenses by nature — {summary.span.label}",
                        categories=first,
                        values=("Total",),
                        skip=summary.incomes + 1,
                        rows=summary.expenses,
                    )
                ]
                if summary.annual and summary.expenses
                else []
            ),
        ),
    )


def ageing_sheet(frame: pd.DataFrame, as_at: date) -> ResultSheet:
    """The Ageing sheet of `xlbo.reports.ageing.ageing`'s rows as at `as_at`."""
    money = Column(kind=Kind.MONEY)
    return ResultSheet(
        "Ageing",
        frame,
        columns={
            "Party": Column(width=34),
            "Outstanding": money,
            **{b[0]: money for b in BUCKETS},
            "Note": Column(kind=Kind.LONG_TEXT, width=48),
        },
        title=(f"Receivables and payables ageing as at {as_at:%d-%m-%Y}",),
        highlights=(Highlight(">180", 0, Colour.GOOD),),
    )


def budget_sheet(frame: pd.DataFrame) -> ResultSheet:
    """The Budget vs Actual sheet, an overrun's row highlighted."""
    money = Column(kind=Kind.MONEY)
    return ResultSheet(
        "Budget vs Actual",
        frame,
        columns={
            "Account": Column(width=32),
            "Budget": money,
            "Actual": money,
            "Variance": money,
            "Variance %": Column(kind=Kind.PERCENT),
            "Overrun": Column(width=9),
        },
        highlights=(Highlight("Overrun", "Yes", Colour.ERROR, whole_row=True),),
    )


def progress_sheets(
    summary: pd.DataFrame, overdue: pd.DataFrame, as_at: date
) -> tuple[ResultSheet, ResultSheet]:
    """The Progress sheet (with its chart) and the Overdue Tasks sheet, of
    `xlbo.reports.progress.progress`'s two frames."""
    whole = Column(kind=Kind.INTEGER, width=10)
    projects = ResultSheet(
        "Progress",
        summary,
        columns={
            "Project": Column(width=32),
            "Tasks": whole,
            "Done": whole,
            "Open": whole,
            "Due This Period": Column(kind=Kind.INTEGER, width=14),
            "Overdue": whole,
            "% Complete": Column(kind=Kind.PERCENT, width=12),
        },
        autofilter=False,
        charts=(
            Chart(
                ChartKind.BAR,
                f"Tasks by project as at {as_at:%d-%m-%Y}",
                categories="Project",
                values=("Done", "Open", "Overdue"),
            ),
        ),
    )
    late = ResultSheet(
        "Overdue Tasks",
        overdue,
        columns={
            "Project": Column(width=28),
            "Task": Column(width=40),
            "Owner": Column(width=18),
            "Due": Column(kind=Kind.DATE),
            "Days Overdue": Column(kind=Kind.INTEGER, width=13),
            "% Complete": Column(kind=Kind.PERCENT, width=12),
        },
    )
    return projects, late


def contents_sheet(title: Sequence[str], sheets: Sequence[ResultSheet]) -> ResultSheet:
    """The pack's Contents sheet: a link to each sheet and what it shows."""
    rows = [[Link(s.name, s.name, "A1"), s.title[0] if s.title else s.name] for s in sheets]
    frame = pd.DataFrame(rows, columns=["Sheet", "What it shows"], dtype=object)
    return ResultSheet(
        "Contents",
        frame,
        columns={"Sheet": Column(width=22), "What it shows": Column(width=60)},
        title=tuple(title),
        autofilter=False,
    )
