"""Reports on literal journals: the trial balance agrees, profit is the change in equity, assets
equal equity and liabilities, and bad lines are named."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from xlbo.errors import UserError
from xlbo.jobs.report import ReportKind, run_report
from xlbo.reports.journal import parse_period

ACCOUNTS = [
    ["Account", "Group", "Sub-group", "Nature", "Opening Debit", "Opening Credit"],
    ["Share Capital", "Equity", "Share Capital", "Equity", None, 500000],
    ["HDFC Bank Current A/c", "Current Assets", "Cash and Cash Equivalents", "Asset", 500000, None],
    ["Trade Receivables", "Current Assets", "Trade Receivables", "Asset", None, None],
    ["Sales - Goods", "Income", "Revenue from Operations", "Income", None, None],
    ["Output IGST", "Current Liabilities", "Other Current Liabilities", "Liability", None, None],
    ["Rent", "Expenses", "Other Expenses", "Expense", None, None],
    ["Interest Income", "Income", "Other Income", "Income", None, None],
]
HEAD = [
    "Date",
    "Voucher No",
    "Voucher Type",
    "Account",
    "Debit",
    "Credit",
    "Party",
    "Cost Centre",
    "Narration",
]
GOOD = [
    [
        date(2026, 9, 10),
        "SAL/1",
        "Sales",
        "Trade Receivables",
        118000,
        None,
        "Vardhaman",
        None,
        "Invoice 1",
    ],
    [date(2026, 9, 10), "SAL/1", "Sales", "Sales - Goods", None, 100000, None, None, "Invoice 1"],
    [date(2026, 9, 10), "SAL/1", "Sales", "Output IGST", None, 18000, None, None, "Invoice 1"],
    [
        date(2026, 10, 5),
        "RCT/1",
        "Receipt",
        "HDFC Bank Current A/c",
        118000,
        None,
        None,
        None,
        "Received",
    ],
    [
        date(2026, 10, 5),
        "RCT/1",
        "Receipt",
        "Trade Receivables",
        None,
        118000,
        "Vardhaman",
        None,
        "Received",
    ],
    [date(2026, 10, 7), "PMT/1", "Payment", "Rent", 30000, None, None, None, "October rent"],
    [
        date(2026, 10, 7),
        "PMT/1",
        "Payment",
        "HDFC Bank Current A/c",
        None,
        30000,
        None,
        None,
        "October rent",
    ],
    [
        date(2026, 10, 31),
        "JV/1",
        "Journal",
        "HDFC Bank Current A/c",
        1500,
        None,
        None,
        None,
        "Interest",
    ],
    [date(2026, 10, 31), "JV/1", "Journal", "Interest Income", None, 1500, None, None, "Interest"],
]


@pytest.fixture
def report(xlsx: Callable[..., Path]) -> Callable[..., Any]:
    def run(
        lines: list[list[Any]], kind: ReportKind = ReportKind.PACK, period: str = "2026-10"
    ) -> Any:
        book = xlsx(
            {
                "Company": [["Name", "State"], ["Sahyadri Tradelinks", "Maharashtra"]],
                "Accounts": ACCOUNTS,
                "Journal": [HEAD, *lines],
            },
            name="books.xlsx",
        )
        return run_report(kind, book, period)

    return run


def test_trial_balance_agrees(report: Callable[..., Any]) -> None:
    result = report(GOOD, ReportKind.TRIAL_BALANCE)
    assert result.totals[0] == result.totals[1]
    assert result.issues == []
    tb = result.sheets[0].frame.set_index("Account")
    assert tb.loc["Total", "Debit"] == tb.loc["Total", "Credit"]
    assert str(tb.loc["HDFC Bank Current A/c", "Opening"]) == "500000.00"
    assert str(tb.loc["Trade Receivables", "Opening"]) == "118000.00"  # September's sale carried in
    assert list(result.sheets[0].frame.columns) == [
        "Account",
        "Group",
        "Opening",
        "Debit",
        "Credit",
        "Closing Debit",
        "Closing Credit",
    ]


def test_profit_is_the_change_in_equity_and_the_balance_sheet_balances(
    report: Callable[..., Any],
) -> None:
    result = report(GOOD)
    profit_now, profit_before = result.figures["profit"]
    assert (profit_now, profit_before) == (-30000 * 100 + 1500 * 100, 100000 * 100)
    to_date_now, to_date_before = result.figures["profit_to_date"]
    assert to_date_now - to_date_before == profit_now
    assert result.figures["assets"] == result.figures["equity_and_liabilities"]
    names = [s.name for s in result.sheets]
    assert names == [
        "Contents",
        "Trial Balance",
        "Profit and Loss",
        "Balance Sheet",
        "Monthly",
        "Annual",
        "Ageing",
        "Issues",
    ]


@pytest.mark.parametrize(
    ("bad", "problem"),
    [
        (
            [date(2026, 10, 9), "JV/9", "Journal", "Rent", 500, None, None, None, "half a voucher"],
            "Voucher JV/9 does not balance: debits exceed credits by ₹500.00",
        ),
        (
            [date(2026, 10, 9), "JV/8", "Journal", "Petty Cash", 500, None, None, None, "unknown"],
            "'Petty Cash' is not in the chart of accounts",
        ),
        (
            [date(2026, 10, 9), "JV/7", "Journal", "Rent", 500, 500, None, None, "both"],
            "The line has both a debit and a credit",
        ),
        (
            [
                date(2026, 10, 9),
                "JV/6",
                "Journal",
                "Rent",
                "five hundred",
                None,
                None,
                None,
                "text",
            ],
            "Amount: 'five hundred' is not an amount",
        ),
    ],
)
def test_bad_lines_are_named_and_left_out(
    report: Callable[..., Any], bad: list[Any], problem: str
) -> None:
    result = report([*GOOD, bad])
    assert any(i.problem.startswith(problem) for i in result.issues)
    assert result.totals[0] == result.totals[1]  # the good lines still agree
    assert "left out: see the Issues sheet" in " ".join(result.sheets[0].title)


@pytest.mark.parametrize(
    ("text", "start", "end", "previous"),
    [
        ("2026-10", date(2026, 10, 1), date(2026, 10, 31), "Sep 2026"),
        ("2026-04:2026-09", date(2026, 4, 1), date(2026, 9, 30), "Oct 2025 – Mar 2026"),
        ("FY2026-27", date(2026, 4, 1), date(2027, 3, 31), "Apr 2025 – Mar 2026"),
    ],
)
def test_periods(text: str, start: date, end: date, previous: str) -> None:
    period = parse_period(text)
    assert (period.start, period.end, period.previous().label) == (start, end, previous)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("2026-13", "'2026-13' is not a period; write YYYY-MM"),
        ("", "'' is not a period"),
        ("2026-10:", "'2026-10:' is not a period"),
        ("9999-12", "the year 9999 is outside the years xlbo works with (1900 to 2100)"),
        ("0000-01", "the year 0 is outside"),
        ("FY9999-00", "the year 9999 is outside"),
        ("FY2100-01", "the year 2101 is outside"),
        ("FY2026-99", "write FY2026-27"),
        ("FY26-27", "not a financial year; write it as FY2026-27"),
        ("2026-10:2026-01", "it ends before it starts"),
    ],
)
def test_bad_period(text: str, said: str) -> None:
    with pytest.raises(UserError, match=re.escape(said)):
        parse_period(text)


def test_periods_at_the_edges_of_the_years() -> None:
    assert parse_period("1900-01").start == date(1900, 1, 1)
    assert parse_period("2100-12").end == date(2100, 12, 31)
    assert parse_period("FY2099-00").end == date(2100, 3, 31)


def test_ageing_with_part_payments_fifo_and_named_invoices() -> None:
    import pandas as pd

    from xlbo.reports.ageing import ageing, outstanding

    def line(
        day: date, voucher: str, debit: int, credit: int, narration: str = ""
    ) -> dict[str, Any]:
        return {
            "row": 0,
            "date": day,
            "voucher": voucher,
            "type": "",
            "account": "Trade Receivables",
            "debit": debit * 100,
            "credit": credit * 100,
            "party": "Vardhaman",
            "cost_centre": "",
            "narration": narration,
        }

    lines = pd.DataFrame(
        [
            line(date(2026, 5, 1), "SAL/1", 10000, 0),
            line(date(2026, 8, 1), "SAL/2", 20000, 0),
            line(date(2026, 10, 1), "SAL/3", 5000, 0),
            line(date(2026, 10, 10), "RCT/1", 0, 6000),  # first in, first out: 6,000 off SAL/1
            line(date(2026, 10, 20), "RCT/2", 0, 5000, "against SAL/3"),  # names its invoice
        ]
    )
    open_invoices = {
        i.voucher: i.open
        for i in outstanding(lines, "Trade Receivables", date(2026, 10, 31))["Vardhaman"]
    }
    assert open_invoices == {"SAL/1": 400000, "SAL/2": 2000000, "SAL/3": 0}
    row = ageing(lines, date(2026, 10, 31)).iloc[0]
    assert str(row["Outstanding"]) == "24000.00"
    assert str(row["91–180"]) == "20000.00"  # SAL/2: 91 days
    assert str(row[">180"]) == "4000.00"  # SAL/1: 183 days


def test_budget_variance_signs(xlsx: Callable[..., Path]) -> None:
    budget = [
        ["Account", "Month", "Amount"],
        ["Rent", "2026-10", 25000],
        ["Interest Income", "2026-10", 2000],
        ["Rent", "2026-11", 25000],
        ["Travel", "2026-10", 100],
    ]
    book = xlsx(
        {"Accounts": ACCOUNTS, "Journal": [HEAD, *GOOD], "Budget": budget}, name="books.xlsx"
    )
    result = run_report(ReportKind.BUDGET, book, "2026-10")
    frame = result.sheets[0].frame.set_index("Account")
    rent, interest = frame.loc["Rent"], frame.loc["Interest Income"]
    assert (str(rent["Actual"]), str(rent["Variance"]), rent["Overrun"]) == (
        "30000.00",
        "5000.00",
        "Yes",
    )
    assert str(rent["Variance %"]) == "0.2000"
    assert (str(interest["Actual"]), str(interest["Variance"]), interest["Overrun"]) == (
        "1500.00",
        "-500.00",
        "Yes",
    )
    assert any("'Travel' is not in the chart of accounts" in i.problem for i in result.issues)


def test_monthly_and_annual_summaries_total_to_the_profit(
    report: Callable[..., Any], tmp_path: Path
) -> None:
    monthly = report(GOOD, ReportKind.MONTHLY, "2026-09:2026-10").sheets[0]
    frame = monthly.frame.set_index("Account")
    assert list(monthly.frame.columns) == ["Account", "Type", "Sep 2026", "Oct 2026", "Total"]
    assert str(frame.loc["Sales - Goods", "Sep 2026"]) == "100000.00"
    assert str(frame.loc["Rent", "Oct 2026"]) == "30000.00"
    assert str(frame.loc["Total income", "Total"]) == "101500.00"
    assert str(frame.loc["Profit", "Oct 2026"]) == "-28500.00"
    assert str(frame.loc["Profit", "Total"]) == "71500.00"
    assert monthly.charts and monthly.charts[0].across == ("Sep 2026", "Oct 2026")

    annual = report(GOOD, ReportKind.ANNUAL, "2026-10").sheets[0]
    lines = annual.frame.set_index("Line")
    months = [c for c in annual.frame.columns if c not in ("Line", "Type", "Total")]
    assert months[0] == "Apr 2026" and months[-1] == "Oct 2026" and len(months) == 7  # year to date
    assert list(lines.index) == [
        "Revenue from Operations",
        "Other Income",
        "Total income",
        "Other Expenses",
        "Total expenses",
        "Profit",
    ]
    assert str(lines.loc["Profit", "Total"]) == "71500.00"
    assert str(lines.loc["Other Income", "Oct 2026"]) == "1500.00"

    from openpyxl import load_workbook

    from xlbo.book.xlsx import write_workbook

    path = write_workbook(tmp_path / "annual.xlsx", [annual])
    charts = load_workbook(path)["Annual"]._charts
    assert len(charts) == 2
    pie = charts[1].series[0]  # expenses by nature: the expense lines' totals only
    assert pie.val.numRef.f == "Annual!$J$10"  # title lines, header on row 6
    assert pie.cat.strRef.f == "Annual!$A$10"  # Other Expenses


TASKS = [
    ["Project", "Task", "Owner", "Start", "Due", "% Complete", "Status"],
    ["GST audit", "Collect invoices", "Asha", date(2026, 9, 1), date(2026, 9, 30), 1, "Done"],
    ["GST audit", "Reconcile 2B", "Ravi", date(2026, 10, 1), date(2026, 10, 10), 0.5, "Open"],
    ["GST audit", "File reply", "Asha", date(2026, 10, 20), date(2026, 11, 15), "0%", "Open"],
    ["Office move", "Sign lease", "Meena", date(2026, 10, 1), date(2026, 10, 31), "100%", ""],
    ["Office move", "Shift servers", "Ravi", date(2026, 10, 1), "31/02/2026", 0, "Open"],
]


def test_progress_counts_done_due_and_overdue(xlsx: Callable[..., Path]) -> None:
    book = xlsx({"Accounts": ACCOUNTS, "Journal": [HEAD, *GOOD], "Tasks": TASKS}, name="books.xlsx")
    result = run_report(ReportKind.PROGRESS, book, "2026-10")
    summary = result.sheets[0].frame.set_index("Project")
    assert summary.loc[
        "GST audit", ["Tasks", "Done", "Open", "Due This Period", "Overdue"]
    ].tolist() == [
        3,
        1,
        2,
        1,
        1,
    ]
    assert summary.loc["GST audit", "% Complete"] == pytest.approx(0.5)
    assert summary.loc["Office move", ["Tasks", "Done"]].tolist() == [1, 1]
    overdue = result.sheets[1].frame
    assert overdue[["Task", "Owner", "Days Overdue"]].values.tolist() == [
        ["Reconcile 2B", "Ravi", 21]
    ]
    assert any(i.cell == "E6" and "31/02/2026" in i.problem for i in result.issues)
    assert "see the Issues sheet" in result.sheets[0].title[-1]


def test_progress_without_tasks_sheet_says_so(xlsx: Callable[..., Path]) -> None:
    book = xlsx({"Accounts": ACCOUNTS, "Journal": [HEAD, *GOOD]}, name="books.xlsx")
    with pytest.raises(UserError, match="no Tasks sheet"):
        run_report(ReportKind.PROGRESS, book, "2026-10")


def test_ageing_names_invoices_exactly_and_keeps_advances_apart() -> None:
    import pandas as pd

    from xlbo.reports.ageing import outstanding

    def line(
        day: date, voucher: str, debit: int, credit: int, narration: str = ""
    ) -> dict[str, Any]:
        return {
            "row": 0,
            "date": day,
            "voucher": voucher,
            "type": "",
            "account": "Trade Receivables",
            "debit": debit * 100,
            "credit": credit * 100,
            "party": "Vardhaman",
            "cost_centre": "",
            "narration": narration,
        }

    lines = pd.DataFrame(
        [
            line(date(2026, 10, 1), "SAL/3", 1000, 0),
            line(date(2026, 10, 2), "SAL/31", 2000, 0),
            line(date(2026, 10, 5), "RCT/1", 0, 2000, "Against SAL/31."),  # not SAL/3
            line(date(2026, 10, 6), "RCT/2", 0, 1500, "on account"),  # 1,000 to SAL/3, 500 ahead
            line(date(2026, 10, 7), "RCT/3", 0, 300, "on account"),  # all of it ahead
        ]
    )
    found = outstanding(lines, "Trade Receivables", date(2026, 10, 31))["Vardhaman"]
    assert [(i.voucher, i.open) for i in found] == [
        ("SAL/3", 0),
        ("SAL/31", 0),
        ("advance", -50000),
        ("advance", -30000),
    ]


def test_dates_before_the_books_begin_and_after_the_period(xlsx: Callable[..., Path]) -> None:
    early = [
        [date(2026, 3, 31), "JV/0", "Journal", "Rent", 700, None, None, None, "last year"],
        [date(2026, 3, 31), "JV/0", "Journal", "HDFC Bank Current A/c", None, 700, None, None, ""],
    ]
    late = [
        [date(2026, 11, 2), "JV/11", "Journal", "Rent", 900, None, None, None, "November"],
        [date(2026, 11, 2), "JV/11", "Journal", "HDFC Bank Current A/c", None, 900, None, None, ""],
    ]
    book = xlsx(
        {
            "Company": [
                ["Name", "State", "Books Begin"],
                ["Sahyadri", "Maharashtra", "01-04-2026"],
            ],
            "Accounts": ACCOUNTS,
            "Journal": [HEAD, *early, *GOOD, *late],
        },
        name="books.xlsx",
    )
    result = run_report(ReportKind.PACK, book, "2026-10")
    by_cell = {i.cell: i for i in result.issues}
    assert by_cell["A2"].problem == (
        "Voucher JV/0 of 31-03-2026 is dated before the books begin (01-04-2026); "
        "the opening balances already hold it"
    )
    assert by_cell["A13"].severity == "Info"
    assert "2 journal lines are dated after the period (from 02-11-2026)" in by_cell["A13"].problem
    assert [i.cell for i in result.problems] == ["A2"]
    assert result.totals[0] == result.totals[1]
    tb = result.sheets[1].frame.set_index("Account")
    assert str(tb.loc["Rent", "Debit"]) == "30000.00"  # neither March's nor November's rent
    assert "1 problems were found" in result.sheets[0].title[2]


def test_budget_rows_for_one_account_and_month_add_up(xlsx: Callable[..., Path]) -> None:
    budget = [
        ["Account", "Month", "Amount"],
        ["Rent", "2026-10", 20000],
        ["Rent", "2026-10", 15000],  # split by line item: 35,000 in all
        ["Rent", "2026-10", "lots"],
    ]
    book = xlsx(
        {"Accounts": ACCOUNTS, "Journal": [HEAD, *GOOD], "Budget": budget}, name="books.xlsx"
    )
    result = run_report(ReportKind.BUDGET, book, "2026-10")
    frame = result.sheets[0].frame
    assert frame[["Account", "Budget", "Actual", "Variance", "Overrun"]].astype(
        str
    ).values.tolist() == [["Rent", "35000.00", "30000.00", "-5000.00", ""]]
    assert [i.cell for i in result.problems] == ["C4"]


def test_ageing_does_not_take_bare_numbers_as_invoice_names() -> None:
    import pandas as pd

    from xlbo.reports.ageing import outstanding

    def line(
        day: date, voucher: str, debit: int, credit: int, narration: str = ""
    ) -> dict[str, Any]:
        return {
            "row": 0,
            "date": day,
            "voucher": voucher,
            "type": "",
            "account": "Trade Receivables",
            "debit": debit * 100,
            "credit": credit * 100,
            "party": "D",
            "cost_centre": "",
            "narration": narration,
        }

    lines = pd.DataFrame(
        [
            line(date(2026, 8, 1), "1", 1000, 0),
            line(date(2026, 9, 1), "2", 1000, 0),
            line(date(2026, 10, 5), "R1", 0, 1000, "received 2 cheques"),
        ]
    )
    found = outstanding(lines, "Trade Receivables", date(2026, 10, 31))["D"]
    assert [(i.voucher, i.open) for i in found] == [("1", 0), ("2", 100000)]


@pytest.mark.parametrize("junk", [None, "", "#N/A", 0, date(2026, 1, 1), "x" * 5000])
def test_progress_with_a_tasks_sheet_of_junk_says_what_it_needs(
    xlsx: Callable[..., Path], junk: Any
) -> None:
    book = xlsx(
        {"Accounts": ACCOUNTS, "Journal": [HEAD, *GOOD], "Tasks": [["Notes"], [junk]]},
        name="books.xlsx",
    )
    with pytest.raises(UserError, match="no 'Project', 'Task', 'Due' column"):
        run_report(ReportKind.PROGRESS, book, "2026-10")


def test_pack_with_a_tasks_sheet_of_junk_builds_the_rest(xlsx: Callable[..., Path]) -> None:
    book = xlsx(
        {"Accounts": ACCOUNTS, "Journal": [HEAD, *GOOD], "Tasks": [["Notes"], ["call CA"]]},
        name="books.xlsx",
    )
    result = run_report(ReportKind.PACK, book, "2026-10")
    assert "Progress" not in [s.name for s in result.sheets]
    assert [(i.sheet, i.hint) for i in result.problems] == [
        ("Tasks", "Project progress was left out of the pack.")
    ]


def test_ageing_shows_lines_without_a_party_so_it_ties_to_the_ledger() -> None:
    import pandas as pd

    from xlbo.reports.ageing import ageing

    lines = pd.DataFrame(
        [
            {
                "row": 2,
                "date": date(2026, 10, 1),
                "voucher": "SAL/9",
                "type": "",
                "account": "Trade Receivables",
                "debit": 70000,
                "credit": 0,
                "party": "",
                "cost_centre": "",
                "narration": "",
            }
        ]
    )
    frame = ageing(lines, date(2026, 10, 31))
    assert frame[["Party", "Outstanding"]].astype(str).values.tolist() == [["(no party)", "700.00"]]


def test_progress_over_100_percent_is_done_and_text_is_named(xlsx: Callable[..., Path]) -> None:
    tasks = [
        TASKS[0],
        ["Audit", "Vouching", "Asha", date(2026, 10, 1), date(2026, 10, 5), "150%", "Open"],
        ["Audit", "Sampling", "Ravi", date(2026, 10, 1), date(2026, 10, 5), "half", "Open"],
    ]
    book = xlsx({"Accounts": ACCOUNTS, "Journal": [HEAD, *GOOD], "Tasks": tasks}, name="books.xlsx")
    result = run_report(ReportKind.PROGRESS, book, "2026-10")
    summary = result.sheets[0].frame.set_index("Project")
    assert summary.loc["Audit", ["Tasks", "Done", "Overdue"]].tolist() == [1, 1, 0]
    assert [(i.cell, "'half' is not a" in i.problem) for i in result.problems] == [("F3", True)]


def test_a_period_outside_the_books_names_their_dates(report: Callable[..., Any]) -> None:
    with pytest.raises(UserError, match=r"--period 2027-10: the books in books.xlsx run from "):
        report(GOOD, ReportKind.PACK, "2027-10")
    first = report(GOOD, ReportKind.TRIAL_BALANCE, "2026-09:2027-03")  # overlaps: fine
    assert first.totals[0] == first.totals[1]


def test_an_empty_journal_is_refused_and_an_all_bad_one_is_listed(
    report: Callable[..., Any],
) -> None:
    with pytest.raises(UserError, match="has no journal lines to report"):
        report([], ReportKind.TRIAL_BALANCE)
    unbalanced = [
        [date(2026, 10, 1), "JV/1", "Journal", "Rent", 1001, None, None, None, ""],
        [date(2026, 10, 1), "JV/1", "Journal", "HDFC Bank Current A/c", None, 1000, None, None, ""],
    ]
    listed = report(unbalanced, ReportKind.TRIAL_BALANCE)
    assert [i.problem for i in listed.problems] == [
        "Voucher JV/1 does not balance: debits exceed credits by ₹1.00"
    ]
    assert listed.sheets[0].title[-1].startswith("1 problems were found")


@pytest.mark.parametrize(
    ("starts", "period", "first_month", "months", "year"),
    [
        (None, "2026-10", "Apr 2026", 7, "FY 2026-27"),  # no Financial Year Starts: April
        ("April", "2026-10", "Apr 2026", 7, "FY 2026-27"),
        ("Jan", "2026-10", "Jan 2026", 10, "FY 2026"),  # a calendar-year company
        ("Jan", "FY2026", "Jan 2026", 12, "FY 2026"),
    ],
)
def test_the_annual_summary_follows_the_companys_financial_year(
    xlsx: Callable[..., Path],
    starts: str | None,
    period: str,
    first_month: str,
    months: int,
    year: str,
) -> None:
    company = [["Name", "State", "Financial Year Starts"], ["Sahyadri", "Maharashtra", starts]]
    book = xlsx(
        {"Company": company, "Accounts": ACCOUNTS, "Journal": [HEAD, *GOOD]}, name="books.xlsx"
    )
    annual = run_report(ReportKind.ANNUAL, book, period).sheets[0]
    shown = [c for c in annual.frame.columns if c not in ("Line", "Type", "Total")]
    assert (shown[0], len(shown)) == (first_month, months)
    assert str(annual.frame.set_index("Line").loc["Profit", "Total"]) == "71500.00"
    assert any(year in chart.title for chart in annual.charts), [c.title for c in annual.charts]


def test_a_financial_year_period_is_read_in_the_companys_year(xlsx: Callable[..., Path]) -> None:
    company = [["Name", "State", "Financial Year Starts"], ["Sahyadri", "Maharashtra", "January"]]
    book = xlsx(
        {"Company": company, "Accounts": ACCOUNTS, "Journal": [HEAD, *GOOD]}, name="books.xlsx"
    )
    with pytest.raises(UserError, match="runs from January to December; write FY2026"):
        run_report(ReportKind.ANNUAL, book, "FY2026-27")
