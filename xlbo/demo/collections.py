"""The demo's high-volume account: a year of UPI collections into Sahyadri's ICICI current
account, as ICICI's net banking exports it to CSV, and the same account's Tally ledger exported
to CSV. Twenty thousand lines a side by default: more than anyone reconciles by hand, and the
kind of file that, at a few more years' volume, no longer fits a sheet.

What is planted, so the reconciliation has work to do:
- most receipts are for a handful of plan prices (₹499, ₹999, ₹1,499, ₹2,999), so many lines
  share an amount and only the date and the customer's name tell them apart;
- UPI narrations carry the RRN and the payer's name cut short, as UPI does; the ledger has the
  customer's full name and no RRN;
- the bank credits a receipt 0–2 days after the books record it;
- a few receipts are not yet in the books (they are on the BRS as credits to book), a few booked
  receipts reach the bank only after the year end (deposits not yet credited), and the bank's
  monthly charges are not in the books.

Generated with numpy's seeded generator, so a seed always gives the same files.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from xlbo.book.flat import write_flat
from xlbo.periods import financial_year

YEAR = financial_year(date(2026, 10, 1))
"""The demo's year of collections: FY 2026-27 (its file names say 2026-27)."""
YEAR_START = YEAR.start
DAYS = (YEAR.end - YEAR.start).days + 1
PLANS = np.array([49900, 99900, 149900, 299900], dtype=np.int64)
SURNAMES = (
    "SHARMA", "PATIL", "IYER", "REDDY", "NAIR", "DESAI", "KULKARNI", "BANERJEE", "GUPTA",
    "JOSHI", "MEHTA", "RAO", "PILLAI", "CHATTERJEE", "SINGH", "KHAN", "FERNANDES", "SHAH",
)  # fmt: skip
GIVEN = (
    "AARAV", "ANANYA", "VIVAAN", "DIYA", "ARJUN", "ISHA", "KABIR", "MEERA", "ROHAN", "SANA",
    "VIHAAN", "TARA", "ADITYA", "NEHA", "KARAN", "POOJA", "SIDDHARTH", "RIYA",
)  # fmt: skip
BANKS = ("HDFC", "SBIN", "ICIC", "UTIB", "KKBK", "PUNB", "BARB", "YESB")


@dataclass(frozen=True)
class Collections:
    statement: Path
    ledger: Path
    lines: int


def build_collections(folder: Path, lines: int = 20_000, seed: int = 2026) -> Collections:
    """Write the statement and ledger CSVs of a year of UPI collections into `folder`."""
    rng = np.random.default_rng(seed)
    customers = 3_000
    given = np.array(GIVEN, dtype=object)[rng.integers(0, len(GIVEN), customers)]
    middle = np.array(list("ABCDEGHKLMNPRSTV"), dtype=object)[rng.integers(0, 16, customers)]
    surname = np.array(SURNAMES, dtype=object)[rng.integers(0, len(SURNAMES), customers)]
    names = given + " " + middle + " " + surname
    who = rng.integers(0, customers, lines)
    plan = rng.random(lines) < 0.7
    amount = np.where(
        plan, PLANS[rng.integers(0, len(PLANS), lines)], rng.integers(10_000, 2_500_000, lines)
    )
    booked = np.sort(rng.integers(0, DAYS, lines))
    credited = booked + rng.choice([0, 0, 1, 2], lines)
    rrn = 629_000_000_000 + rng.permutation(lines).astype(np.int64)
    not_in_books = rng.random(lines) < 0.004
    after_year = credited >= DAYS  # booked on 31 March, credited in April: deposits in transit

    day0 = np.datetime64(YEAR_START.isoformat())
    bank_days = (day0 + credited[~after_year]).astype("datetime64[D]")
    short = pd.Series(names[who[~after_year]]).str.slice(0, 16)  # UPI cuts the payer's name
    bank = pd.DataFrame(
        {
            "day": bank_days,
            "Transaction Remarks": "UPI/"
            + pd.Series(rrn[~after_year]).astype(str)
            + "/"
            + short
            + "/"
            + pd.Series(np.array(BANKS)[rng.integers(0, len(BANKS), len(short))]),
            "Withdrawal Amount (INR )": 0,
            "Deposit Amount (INR )": amount[~after_year],
        }
    )
    month_ends = pd.date_range(YEAR_START, periods=12, freq="ME").to_numpy(dtype="datetime64[D]")
    charges = pd.DataFrame(
        {
            "day": month_ends,
            "Transaction Remarks": "UPI COLLECTION CHGS INCL GST",
            "Withdrawal Amount (INR )": 11800,
            "Deposit Amount (INR )": 0,
        }
    )
    bank = pd.concat([bank, charges]).sort_values("day", kind="stable").reset_index(drop=True)
    movement = bank["Deposit Amount (INR )"] - bank["Withdrawal Amount (INR )"]
    balance = 25_00_000_00 + movement.cumsum()
    statement = pd.DataFrame(
        {
            "S No.": np.arange(1, len(bank) + 1),
            "Value Date": pd.to_datetime(bank["day"]).dt.strftime("%d/%m/%Y"),
            "Transaction Date": pd.to_datetime(bank["day"]).dt.strftime("%d/%m/%Y"),
            "Cheque Number": "",
            "Transaction Remarks": bank["Transaction Remarks"],
            "Withdrawal Amount (INR )": bank["Withdrawal Amount (INR )"] / 100,
            "Deposit Amount (INR )": bank["Deposit Amount (INR )"] / 100,
            "Balance (INR )": balance / 100,
        }
    )
    in_books = ~not_in_books
    ledger = pd.DataFrame(
        {
            "Date": pd.to_datetime(day0 + booked[in_books]).strftime("%d-%m-%Y"),
            "Particulars": pd.Series(names[who[in_books]]).str.title(),
            "Vch Type": "Receipt",
            "Vch No.": [f"UPI/{n}" for n in range(1, int(in_books.sum()) + 1)],
            "Debit": amount[in_books] / 100,
            "Credit": None,
        }
    )
    opening = pd.DataFrame(
        [[YEAR_START.strftime("%d-%m-%Y"), "Opening Balance", None, None, 25_00_000.0, None]],
        columns=ledger.columns,
    )
    ledger = pd.concat([opening, ledger], ignore_index=True)
    folder.mkdir(parents=True, exist_ok=True)
    statement_path = write_flat(folder / "icici-upi-collections-2026-27.csv", statement)
    ledger_path = write_flat(folder / "tally-icici-upi-ledger-2026-27.csv", ledger)
    return Collections(statement_path, ledger_path, lines)
