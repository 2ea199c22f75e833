"""One BRS workbook shows money one way on every sheet: the Summary, the matches, the unmatched
lines and the BRS itself carry one number format (Indian grouping, a minus sign), and money
written in text (the Summary's sentence, the Why column) reads as format_inr writes it."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from xlbo.cli import main
from xlbo.demo import build_demo
from xlbo.money import INR_NUMBER_FORMAT

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
    for sheet in book:
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, int | float) and "#,##0" in cell.number_format:
                    formats.setdefault(sheet.title, set()).add(cell.number_format)
                    negatives += value < 0
                elif isinstance(value, str):
                    texts += AMOUNT_TEXT.findall(value)
    money_sheets = {"Summary", "Matches", "Unmatched Bank", "Unmatched Ledger", "BRS"}
    assert money_sheets <= set(formats), formats
    assert {f for found in formats.values() for f in found} == {INR_NUMBER_FORMAT}, formats
    assert negatives  # money out, shown with the same format's minus sign
    assert texts  # the Summary's 'difference 0.00' at least
    assert [t for t in texts if not INDIAN.match(t)] == []
