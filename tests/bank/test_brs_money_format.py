"""One BRS workbook shows money one way on every sheet: the Summary, the matches, the unmatched
lines and the BRS itself carry one number format (Indian grouping, a minus sign), and money
written in text (the Summary's sentence, the Why column) reads as format_inr writes it. The BRS's
three balances alone carry their side instead of a sign (Cr, Dr), as a statement and a ledger
print a balance."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from xlbo.cli import main
from xlbo.demo import build_demo
from xlbo.money import INDIAN_LOCALE, INR_DR_CR_FORMAT, INR_NUMBER_FORMAT

AMOUNT_TEXT = re.compile(r"(?<![\d,.])-?\d[\d,]*\.\d\d(?![\d,])")
"""A figure with paise inside text (12,34,567.50; 0.00; -1,23,456.78)."""
INDIAN = re.compile(r"^-?(?:\d{1,2},(?:\d{2},)*\d{3}|\d{1,3})\.\d\d$")


def test_every_sheet_of_the_demo_brs_shows_money_one_way(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo = build_demo(tmp_path / "demo", seed=2026)
    out = tmp_path / "brs.xlsx"
    code = main(
        [
            "reconcile",
            "--bank",
            str(demo.statement),
            "--ledger",
            str(demo.ledger),
            "--out",
            str(out),
        ]
    )
    assert code == 0, capsys.readouterr().err
    book = openpyxl.load_workbook(out)
    formats: dict[str, set[str]] = {}
    negatives = 0
    texts: list[str] = []
    sides: set[str] = set()
    for sheet in book:
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                balance = sheet.title == "BRS" and cell.column == 5 and cell.offset(0, -3).value
                if isinstance(value, int | float) and str(balance).startswith("Balance as per"):
                    sides.add(cell.number_format)
                elif isinstance(value, int | float) and "#,##0" in cell.number_format:
                    formats.setdefault(sheet.title, set()).add(cell.number_format)
                    negatives += value < 0
                elif isinstance(value, str):
                    texts += AMOUNT_TEXT.findall(value)
    money_sheets = {"Summary", "Matches", "Unmatched Bank", "Unmatched Ledger", "BRS"}
    assert money_sheets <= set(formats), formats
    assert {f for found in formats.values() for f in found} == {INR_NUMBER_FORMAT}, formats
    assert sides == {  # the bank's balance as its statement prints it, the books' as a ledger
        f'{INDIAN_LOCALE}#,##0.00" Cr";{INDIAN_LOCALE}#,##0.00" Dr";"–"',
        INR_DR_CR_FORMAT,
    }
    assert negatives  # money out, shown with the same format's minus sign
    assert texts  # the Summary's 'difference 0.00' at least
    assert [t for t in texts if not INDIAN.match(t)] == []
