"""The sheets and files of `xlbo payroll`, made from what `xlbo.payroll` returns: the Summary
(who was paid, who was not and why), the Register, the Working, the ESI Contribution upload, the
salary journal, and the bank transfer CSV (no field a spreadsheet would run as a formula)."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date

import pandas as pd

from xlbo.book.display import Colour, Column, Highlight, Kind, ResultSheet
from xlbo.book.flat import safe_csv_text
from xlbo.payroll.not_paid import RollCall
from xlbo.payroll.outputs import BANK_HEADERS, REGISTER_HEADERS
from xlbo.sheets.journal import journal_sheet


def register_sheet(frame: pd.DataFrame, title: str) -> ResultSheet:
    """The Register sheet of `xlbo.payroll.outputs.payroll_register`'s rows, its Total row shaded."""
    money = {h: Column(kind=Kind.MONEY) for h in REGISTER_HEADERS[3:]}
    return ResultSheet(
        "Register",
        frame,
        columns={
            **money,
            "Paid Days": Column(kind=Kind.DECIMAL, width=9),
            "Name": Column(width=24),
        },
        title=(title,),
        highlights=(Highlight("Employee ID", "Total", Colour.TOTAL, whole_row=True),),
        landscape=True,
    )


def working_sheet(frame: pd.DataFrame) -> ResultSheet:
    """The Working sheet: how each figure was worked out."""
    return ResultSheet(
        "Working",
        frame,
        columns={
            "How it was worked out": Column(kind=Kind.LONG_TEXT, width=110),
            "Figure": Column(width=12),
        },
    )


def esi_sheet(frame: pd.DataFrame) -> ResultSheet:
    """The ESI Contribution sheet, as ESIC's monthly upload takes it."""
    return ResultSheet(
        "ESI Contribution",
        frame,
        columns={
            "IP Number": Column(kind=Kind.ID, width=14),
            "Total Monthly Wages": Column(kind=Kind.INTEGER),
        },
    )


def salary_journal_sheet(frame: pd.DataFrame) -> ResultSheet:
    """The salary journal as the books' Journal shows it, but no Excel Table: the Run Payroll
    button writes this sheet into a master workbook whose own Journal table must keep its
    name."""
    return replace(journal_sheet(frame), excel_table=None, spare_rows=0)


def bank_csv(rows: list[list[str]]) -> str:
    """The salary transfer file (`xlbo.payroll.outputs.bank_transfers`' rows under
    `BANK_HEADERS`) as CSV text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(BANK_HEADERS)
    for row in rows:
        writer.writerow([safe_csv_text(value) for value in row])
    return buffer.getvalue()


NOT_PAID_HEADERS = ("Employee ID", "Name", "Employees Row", "Why not paid", "What to do")


def summary_sheet(roll: RollCall, company: str, month: date) -> ResultSheet:
    """The register's Summary: who is on the master, who was paid, and every one not paid."""
    frame = pd.DataFrame(
        [[p.employee_id, p.name, p.row, p.reason, p.hint] for p in roll.not_paid],
        columns=list(NOT_PAID_HEADERS),
        dtype=object,
    )
    held = roll.on_register - roll.paid
    title = (
        f"{company} — payroll summary, {month:%B %Y}".strip(" —"),
        f"{roll.headline}.",
        f"{roll.on_register} on the register"
        + (
            f", of whom {held} {'is' if held == 1 else 'are'} not in the bank file"
            if held
            else ", all in the bank file"
        )
        + f"; {roll.on_master - roll.on_register} on the master are not on the register.",
        f"Not paid: {len(roll.not_paid)}" + (" (listed below)." if roll.not_paid else "."),
    )
    return ResultSheet(
        "Summary",
        frame,
        columns={
            "Employees Row": Column(kind=Kind.INTEGER, width=10),
            "Name": Column(width=24),
            "Why not paid": Column(kind=Kind.LONG_TEXT, width=80),
            "What to do": Column(kind=Kind.LONG_TEXT, width=50),
        },
        title=title,
    )
