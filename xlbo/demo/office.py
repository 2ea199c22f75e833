"""The demo company's office: stationery and pantry supplies with a month of moves (a request
already open for one item), and its regular meetings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time
from decimal import Decimal

from xlbo.master.records import Vendor
from xlbo.office.calendar import Meeting
from xlbo.office.stock import PurchaseRequest, StockItem, StockMove

_ITEMS = (
    # code, description, unit, reorder level, reorder quantity, lead time, vendor index
    ("A4-PAPER", "A4 copier paper, 75 gsm, ream of 500", "REM", 20, 50, 3, 0),
    ("TONER-HP", "Toner cartridge, HP 88A", "NOS", 3, 6, 7, 0),
    ("PEN-BLUE", "Ball pen, blue (box of 10)", "BOX", 10, 20, 3, 0),
    ("TEA-1KG", "Tea, 1 kg pack", "PAC", 4, 10, 2, 1),
    ("FILE-BOX", "Box file, foolscap", "NOS", 15, 40, 5, 0),
)


def make_stock(
    vendors: Sequence[Vendor],
) -> tuple[list[StockItem], list[StockMove], list[PurchaseRequest]]:
    """Five items kept at the Pune office, October's and November's receipts and issues (two
    items fall below their reorder level; one of them already has a request open)."""
    suppliers = [v.vendor_code for v in vendors[:2]]
    items = [
        StockItem.model_validate(
            {
                "Code": code,
                "Description": text,
                "Unit": unit,
                "Location": "Pune office",
                "Reorder Level": level,
                "Reorder Quantity": quantity,
                "Lead Time (days)": lead,
                "Preferred Vendor": suppliers[vendor],
            }
        )
        for code, text, unit, level, quantity, lead, vendor in _ITEMS
    ]
    moves = [
        # day, item, kind, quantity, rate, reference, who
        (date(2026, 10, 1), "A4-PAPER", "Receipt", 60, "265.00", "KPI/1101", None),
        (date(2026, 10, 1), "TONER-HP", "Receipt", 6, "3450.00", "KPI/1101", None),
        (date(2026, 10, 1), "PEN-BLUE", "Receipt", 30, "95.00", "KPI/1101", None),
        (date(2026, 10, 1), "TEA-1KG", "Receipt", 12, "520.00", "SBT/540", None),
        (date(2026, 10, 1), "FILE-BOX", "Receipt", 40, "78.00", "KPI/1101", None),
        (date(2026, 10, 9), "A4-PAPER", "Issue", 18, "0", "IS/101", "Accounts"),
        (date(2026, 10, 14), "TONER-HP", "Issue", 2, "0", "IS/102", "Accounts"),
        (date(2026, 10, 20), "TEA-1KG", "Issue", 5, "0", "IS/103", "Pantry"),
        (date(2026, 10, 28), "A4-PAPER", "Issue", 15, "0", "IS/104", "Sales"),
        (date(2026, 11, 3), "A4-PAPER", "Receipt", 30, "275.00", "KPI/1190", None),
        (date(2026, 11, 6), "PEN-BLUE", "Issue", 24, "0", "IS/105", "Front office"),
        (date(2026, 11, 12), "TONER-HP", "Issue", 3, "0", "IS/106", "Accounts"),
        (date(2026, 11, 18), "A4-PAPER", "Issue", 22, "0", "IS/107", "Accounts"),
        (date(2026, 11, 21), "TEA-1KG", "Issue", 4, "0", "IS/108", "Pantry"),
        (date(2026, 11, 25), "FILE-BOX", "Issue", 12, "0", "IS/109", "Audit"),
    ]
    stock_moves = [
        StockMove.model_validate(
            {
                "Date": day,
                "Item": item,
                "Receipt or Issue": kind,
                "Quantity": quantity,
                "Rate": Decimal(rate),
                "Reference": reference,
                "Department or Person": who,
            }
        )
        for day, item, kind, quantity, rate, reference, who in moves
    ]
    requests = [
        PurchaseRequest.model_validate(
            {
                "Request No": "PR/26-27/0001",
                "Date": date(2026, 11, 20),
                "Vendor Code": suppliers[0],
                "Item": "TONER-HP",
                "Quantity": 6,
                "Status": "Ordered",
            }
        )
    ]
    return items, stock_moves, requests


def make_meetings() -> list[Meeting]:
    """The weekly accounts review, the monthly close, and the board meeting that adopts the
    accounts before the AGM."""
    rows = [
        ("Accounts review", date(2026, 10, 5), time(10, 0), time(11, 0), "Conference room",
         "accounts@sahyadritradelinks.in", "weekly", 15),
        ("Month-end close", date(2026, 10, 30), time(15, 0), time(17, 0), "Conference room",
         "accounts@sahyadritradelinks.in; cfo@sahyadritradelinks.in", "monthly", 60),
        ("Board meeting", date(2026, 12, 14), time(11, 0), time(13, 0), "Registered office",
         "directors@sahyadritradelinks.in", None, 1440),
    ]  # fmt: skip
    return [
        Meeting.model_validate(
            {
                "Title": title,
                "Date": day,
                "Start": start,
                "End": end,
                "Place": place,
                "Attendees": attendees,
                "Repeat": repeat,
                "Reminder": reminder,
            }
        )
        for title, day, start, end, place, attendees, repeat, reminder in rows
    ]
