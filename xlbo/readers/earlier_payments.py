"""Payments confirmed earlier, as the payables job left them (`xlbo.vendors.confirmed`):

- beside a run file, every `payments-*` folder (xlbo's default outputs of `--confirm`, and their
  `(previous)` copies) and the output folder of this confirmation: each `payments*.xlsx` in
  them (`payments.xlsx`, and `payments (previous).xlsx` kept when a folder was confirmed into
  again);
- in an open workbook (the Payables and Pay Ticked buttons), its own `Payments` sheet.

A row of a Payments sheet is one vendor's payment: Voucher No, Vendor Code and the Bills it
paid; its day is the Date of that voucher on the journal sheet beside it (`Journal` in
payments.xlsx, `Payment Journal` in the open workbook), else the day in the voucher number
(PMT/20261130/001). A file that cannot be read is a warning (its bills cannot be held back),
never a stop.

`hold_ticked` turns the ticked bills that such a payment covers into Issues at their Pay cells.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from xlbo.book import FileBook, Reader
from xlbo.cells import clean_text
from xlbo.dates import parse_date
from xlbo.errors import UserError
from xlbo.issues import Issue
from xlbo.readers.payment_run import run_issue
from xlbo.vendors.confirmed import ConfirmedPayment, not_paid_again
from xlbo.vendors.run import OpenBill

PAYMENTS_SHEET = "Payments"
HEADERS = ("Voucher No", "Vendor Code", "Bills")
IN_WORKBOOK = "this workbook's Payments sheet"

_VOUCHER_DAY = re.compile(r"/(\d{8})/")


def _voucher_day(voucher: str) -> date | None:
    found = _VOUCHER_DAY.search(voucher)
    if found is None:
        return None
    try:
        return date(int(found[1][:4]), int(found[1][4:6]), int(found[1][6:]))
    except ValueError:
        return None


def _journal_days(book: Reader, sheet: str) -> dict[str, date]:
    """Each voucher's day on the journal sheet `sheet` (folded voucher numbers)."""
    if not book.has(sheet):
        return {}
    frame = book.read_table(sheet, ("Date", "Voucher No")).frame
    if not {"Date", "Voucher No"} <= set(frame.columns):
        return {}
    days: dict[str, date] = {}
    for day, voucher in zip(frame["Date"], frame["Voucher No"], strict=True):
        try:
            parsed = parse_date(day)
        except ValueError:
            continue
        number = clean_text(voucher)
        if parsed is not None and number:
            days.setdefault(number.casefold(), parsed)
    return days


def confirmed_in(
    book: Reader, where: str, journal: str, *, folder: bool = True
) -> list[ConfirmedPayment]:
    """The payments on `book`'s Payments sheet (none when it has no such sheet, or one of
    another kind), labelled `where`; their days from the journal sheet `journal`."""
    if not book.has(PAYMENTS_SHEET):
        return []
    frame = book.read_table(PAYMENTS_SHEET, HEADERS).frame
    if not set(HEADERS) <= set(frame.columns):
        return []
    days = _journal_days(book, journal)
    found: list[ConfirmedPayment] = []
    for voucher, code, bills in zip(
        frame["Voucher No"], frame["Vendor Code"], frame["Bills"], strict=True
    ):
        number, vendor, listed = clean_text(voucher), clean_text(code), clean_text(bills)
        if not (number and vendor and listed):
            continue
        day = days.get(number.casefold()) or _voucher_day(number)
        found.append(ConfirmedPayment(where, number, day, vendor, listed, folder))
    return found


def _files(beside: Path, out: Path | None) -> list[tuple[Path, str]]:
    """The payments workbooks of the `payments-*` folders in `beside` and of `out`, each with
    how the user finds it."""
    folders = sorted(p for p in beside.glob("payments-*") if p.is_dir())
    if out is not None and out.is_dir() and all(not out.samefile(f) for f in folders):
        folders.append(out)
    files: list[tuple[Path, str]] = []
    for folder in folders:
        label = folder.name if folder.parent.resolve() == beside.resolve() else str(folder)
        for file in sorted(folder.glob("payments*.xlsx")):
            if file.is_file() and not file.name.startswith("~$"):
                files.append(
                    (file, label if file.name == "payments.xlsx" else f"{label}/{file.name}")
                )
    return files


def earlier_confirmed(
    run: Path | Reader | None, out: Path | None = None
) -> tuple[list[ConfirmedPayment], list[str]]:
    """The payments confirmed earlier for the run `run` (its file, or the open workbook that
    holds it) and the output folder `out`, and a warning for each payments workbook that could
    not be read."""
    if run is None:
        return [], []
    if not isinstance(run, Path):
        return confirmed_in(run, IN_WORKBOOK, "Payment Journal", folder=False), []
    found: list[ConfirmedPayment] = []
    unread: list[str] = []
    for file, where in _files(run.absolute().parent, out):
        try:
            found.extend(confirmed_in(FileBook(file), where, "Journal"))
        except UserError as error:
            unread.append(
                f"{where}: its payments cannot be read ({error}); make sure none of the bills "
                "it paid is paid again."
            )
    return found, unread


def hold_ticked(
    ticks: Sequence[tuple[tuple[str, str], str]],
    open_bills: Mapping[tuple[str, str], OpenBill],
    awaiting: Mapping[tuple[str, str], ConfirmedPayment],
    file: str,
    *,
    in_workbook: bool = False,
) -> tuple[set[tuple[str, str]], list[Issue]]:
    """The ticked bills not to pay, and an Issue at each one's Pay cell: those a payment
    confirmed earlier covers (`awaiting`, from `xlbo.vendors.confirmed.awaiting_posting`).
    In an open workbook (`in_workbook`) every ticked bill waits while any bill there awaits
    posting: paying now would replace the Payments and Payment Journal sheets not yet posted."""
    held: set[tuple[str, str]] = set()
    issues: list[Issue] = []
    blocking = next(iter(awaiting.values()), None) if in_workbook else None
    for key, cell in ticks:
        bill = open_bills.get(key)
        if bill is None:
            continue
        earlier = awaiting.get(key)
        if earlier is not None:
            problem, hint = not_paid_again(earlier, bill.bill.bill_no)
        elif blocking is not None:
            problem = (
                f"Bill {bill.bill.bill_no} was not paid: {IN_WORKBOOK} holds payments confirmed "
                f"{blocking.when} ({blocking.voucher}) not yet in the Journal, and paying now "
                "would replace it and its Payment Journal"
            )
            hint = (
                "Post the Payment Journal sheet into the Journal (or delete the Payments and "
                "Bank File sheets if that bank file was never uploaded), then click Pay Ticked "
                "again."
            )
        else:
            continue
        held.add(key)
        issues.append(
            run_issue(
                file,
                cell,
                value=f"{bill.vendor.vendor_code} {bill.bill.bill_no}",
                problem=problem,
                hint=hint,
            )
        )
    return held, issues
