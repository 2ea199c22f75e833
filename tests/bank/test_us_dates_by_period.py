"""Text dates that no cell decides (every day 12 or less) are read in the order that puts them
in the period the title gives (helper-134: Odoo's General Ledger in English (US), `11/02/2026`
under `From: 11/01/2026 To: 11/30/2026`, was read day first, 11 February to 11 December; none
of November's lines matched and six were called stale)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd

from xlbo.columns import date_column
from xlbo.readers.ledger import read_ledger


def test_an_odoo_ledger_in_us_english_reads_its_days_month_first(
    xlsx: Callable[..., Path],
) -> None:
    rows = [
        ["Shree Ganesh Traders"],
        ["General Ledger"],
        ["From: 11/01/2026 To: 11/30/2026"],
        [],
        ["", "Date", "Communication", "Partner", "Currency", "Debit", "Credit", "Balance"],
        ["100101 HDFC Bank", None, None, None, None, 105000, 2000, 103000],
        ["Initial Balance", None, None, None, None, 100000, 0, 100000],
        ["BNK1/2026/00041", "11/02/2026", "NEFT", "Balaji Traders", None, 5000, 0, 105000],
        ["BNK1/2026/00117", "11/04/2026", "CHQ 000452", "Kaveri Home Needs", None, 0, 2000, 103000],
        ["BNK1/2026/00042", "11/12/2026", "NEFT", "Om Sai Logistics", None, 300, 0, 103300],
        ["Total 100101 HDFC Bank", None, None, None, None, 105300, 2000, 103300],
    ]
    lines = read_ledger(str(xlsx({"General Ledger": rows}, name="odoo.xlsx")))
    assert lines.frame["date"].tolist() == [
        date(2026, 11, 2),
        date(2026, 11, 4),
        date(2026, 11, 12),
    ]
    assert lines.opening == 10000000


def test_day_first_stands_where_the_period_does_not_prefer_month_first() -> None:
    cells = pd.Series(["05/11/2026", "07/11/2026"], dtype=object)
    november = (date(2026, 11, 1), date(2026, 11, 30))
    assert date_column(cells, period=november)[0] == [date(2026, 11, 5), date(2026, 11, 7)]
    assert date_column(cells)[0] == [date(2026, 11, 5), date(2026, 11, 7)]  # no period: day first
    may_to_july = (date(2026, 5, 1), date(2026, 7, 31))  # month first puts them in it
    assert date_column(cells, period=may_to_july)[0] == [date(2026, 5, 11), date(2026, 7, 11)]
