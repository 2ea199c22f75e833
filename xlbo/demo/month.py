"""A month of a bank account as the bank and the books each record it, with the truth of which
lines belong together: for testing and benchmarking the reconciliation against books shaped
unlike our demo.

    month = make_month(2_000, seed=7, bank="icici")
    rows = write_statement(month, Path("icici.xlsx"), "icici")      # Excel row of every line
    books = write_ledger(month, Path("tally.xlsx"), "tally-ledger-vouchers")
    true_rows = {(rows[b], books[g]) for b, g in month.truth}

What a month holds (proportions vary with the seed, and so does which kinds appear at all):
NEFT/RTGS/IMPS/UPI receipts and payments in the bank's own narration formats, with the UTR or
RRN in the bank's narration and only sometimes in the books (a Tally narration `Ch. No. : 453123`,
a UTR, or nothing); the books name the party as the accountant named its ledger (`Shree Balaji
Traders Pvt. Ltd.`, `M/s Om Sai Logistics`), the bank as the account is held and cut short
(`SHREE BALAJI TRA`, `OMSAILOG`, `R V PAWAR`, `KARTHIK S`); salary batches (one NEFT per employee,
or one bulk debit against `Salary Payable`); cheques written and presented 10–25 days later;
cheques deposited and cleared in 1–3 days; electronic lines 0–3 days after the books; one receipt
against 2–5 invoice receipts in the books (N:1) and part payments against one book entry (1:N);
payments returned (the reversal booked, or not yet); mandates (ACH/NACH); tax payments; charges and
interest only in the bank; deposits in transit and unpresented cheques only in the books at month
end; equal amounts the same day to different parties (rent to two landlords, retainers); the same
party paid the same amount twice.

Money is integer paise throughout. Everything is deterministic per seed.
"""

from __future__ import annotations

import calendar
import csv
import random
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from xlbo.columns import day_numbers
from xlbo.demo.exports import HDFC_HEADERS

STATEMENT_COLUMNS = (
    "row",
    "date",
    "value_date",
    "narration",
    "reference",
    "debit",
    "credit",
    "balance",
)


class Kind(StrEnum):
    """What a generated line is, so a miss or a false match can be explained."""

    NEFT = "neft"
    RTGS = "rtgs"
    UPI = "upi"
    IMPS = "imps"
    CHEQUE_ISSUED = "cheque issued"
    CHEQUE_DEPOSITED = "cheque deposited"
    MANDATE = "mandate"
    SALARY_BATCH = "salary batch"
    SALARY_BULK = "salary bulk"
    TAX = "tax"
    EQUAL = "equal amounts"
    REPEAT = "same party twice"
    N_TO_1 = "N:1"
    """One bank line against several ledger lines (a receipt for 2–5 invoices)."""
    ONE_TO_N = "1:N"
    """Several bank lines against one ledger line (part payments booked once)."""
    REVERSAL = "reversal"
    CHARGES = "charges (bank only)"
    INTEREST = "interest (bank only)"
    UNBOOKED = "not yet booked (bank only)"
    IN_TRANSIT = "in transit (books only)"
    UNPRESENTED = "unpresented cheque (books only)"


BANKS = ("hdfc", "icici", "sbi", "axis", "kotak", "central")
STATEMENT_LAYOUTS = ("hdfc", "icici", "sbi", "axis", "kotak", "central", "semicolon")
"""`axis` and `semicolon` are CSV; the others are workbooks."""
LEDGER_LAYOUTS = ("tally-ledger-vouchers", "tally-ledger-vouchers-csv", "journal")


@dataclass(frozen=True)
class Month:
    """A month of one bank account: the statement's lines and the bank ledger's lines (frames in
    the contracts of `xlbo.bank.lines`, `row` numbering lines from 1), and the truth."""

    statement: pd.DataFrame
    ledger: pd.DataFrame
    links: pd.DataFrame
    """One row per true (bank, ledger) pair, by position in `statement` and `ledger`, with its
    `kind`; a 1:N or N:1 group gives one row per pair."""
    statement_kind: pd.Series
    ledger_kind: pd.Series
    bank_opening: int
    books_opening: int
    bank: str
    company: str
    account_name: str
    """The bank account's ledger name in the books (`HDFC Bank A/c 50200012345678`)."""
    account_number: str
    start: date
    end: date

    @property
    def truth(self) -> frozenset[tuple[int, int]]:
        """The true (statement position, ledger position) links."""
        return frozenset(
            zip(self.links["bank"].tolist(), self.links["ledger"].tolist(), strict=True)
        )

    @property
    def bank_closing(self) -> int:
        return self.bank_opening + int(
            self.statement["credit"].sum() - self.statement["debit"].sum()
        )

    @property
    def books_closing(self) -> int:
        return self.books_opening + int(self.ledger["debit"].sum() - self.ledger["credit"].sum())


# ---------------------------------------------------------------------------------------------
# Names: parties as the accountant named their ledgers, and as their banks hold the accounts.

_FIRM_WORDS = {
    "marathi": "Shree Ganesh|Sahyadri|Mauli|Vitthal|Shivneri|Gajanan|Sai Samarth|Konkan|Deshmukh|Jadhav",
    "tamil": "Murugan|Sri Venkateswara|Kaveri|Thangam|Annamalai|Chettinad|Sri Lakshmi|Meenakshi|Kumaran|Arul",
    "bengali": "Maa Tara|Sonar Bangla|Loknath|Durga|Hooghly|Banerjee|Mukherjee|Sen|Bhattacharya|Ganguly",
    "punjabi": "Gurkirpa|Waheguru|Sandhu|Dhillon|Grewal|Khalsa|Sidhu|Bajwa|Malhotra|Amritsar",
    "gujarati": "Jay Ambe|Mahavir|Sardar|Navkar|Jalaram|Umiya|Khodiyar|Patel|Shah|Parekh",
    "south": "Sri Sai Ram|Tirumala|Chamundi|Malabar|Godavari|Udupi|Nair|Hegde|Reddy|Krishna",
    "corporate": "Deccan|Vardhaman|Om Sai|Balaji|Pioneer|Apex|Zenith|Sunrise|Trident|Bharat|"
    "Pinnacle|Indus|Everest|Orient|Horizon|Crystal|Galaxy|Shree Balaji|Kaveri Home|Om Sai Freight",
}
_TRADES = [
    "Traders",
    "Enterprises",
    "Logistics",
    "Electricals",
    "Home Appliances",
    "Textiles",
    "Agencies",
    "Steel Industries",
    "Pharma",
    "Infotech",
    "Constructions",
    "Motors",
    "Foods",
    "Packaging",
    "Chemicals",
    "Hardware",
    "Printers",
    "Engineering Works",
    "Distributors",
    "Transport Co",
    "Polymers",
    "Auto Parts",
    "Fabricators",
    "Marketing",
    "Solutions",
    "Exports",
    "Builders",
    "Medicals",
    "Stores",
    "Tours and Travels",
    "Office Supplies",
    "Plastics",
]
_FIRST = {
    "marathi": "Ramesh|Sunita|Prakash|Snehal|Vaibhav|Ashwini|Sachin|Madhuri|Vasant|Nilesh",
    "tamil": "Karthik|Lakshmi|Senthil|Priya|Murali|Kavitha|Arun|Deepa|Saravanan|Revathi",
    "bengali": "Sourav|Moumita|Arnab|Rituparna|Debashis|Sayantani|Anirban|Piyali|Subhajit|Tanushree",
    "punjabi": "Gurpreet|Harjeet|Manpreet|Jaspreet|Amandeep|Navjot|Simran|Kuldeep|Harpreet|Balwinder",
    "gujarati": "Hitesh|Jignesh|Krupa|Nirav|Bhavna|Ketan|Hetal|Mitesh|Dhaval|Falguni",
    "south": "Venkatesh|Srinivas|Anitha|Raghavendra|Shruti|Naveen|Lavanya|Prasad|Sowmya|Manjunath",
    "north": "Amit|Neha|Rahul|Pooja|Vikas|Anjali|Sanjay|Rekha|Deepak|Kavita",
}
_SURNAMES = {
    "marathi": "Kulkarni|Deshpande|Pawar|Jadhav|Patil|Joshi|Gokhale|Shinde|Bhosale|Kale",
    "tamil": "Subramanian|Raghavan|Krishnan|Natarajan|Iyer|Pillai|Murugesan|Sundaram|Rajan|Velu",
    "bengali": "Banerjee|Chatterjee|Ganguly|Mukherjee|Das|Bose|Sengupta|Ghosh|Dutta|Saha",
    "punjabi": "Singh|Kaur|Sandhu|Gill|Dhillon|Sidhu|Grewal|Bajwa|Brar|Chahal",
    "gujarati": "Patel|Shah|Mehta|Desai|Parikh|Trivedi|Modi|Vora|Panchal|Thakkar",
    "south": "Reddy|Rao|Naidu|Hegde|Shetty|Nair|Menon|Gowda|Kamath|Pai",
    "north": "Sharma|Verma|Gupta|Agarwal|Mishra|Yadav|Srivastava|Chauhan|Tiwari|Saxena",
}
_BANK_CODES = [
    "SBIN",
    "HDFC",
    "ICIC",
    "UTIB",
    "KKBK",
    "PUNB",
    "BARB",
    "CNRB",
    "UBIN",
    "IDIB",
    "IOBA",
    "MAHB",
    "CBIN",
    "FDRL",
    "SIBL",
    "KVBL",
    "TMBL",
    "YESB",
    "INDB",
    "IDFB",
]
_IFSC_CODES = {
    "hdfc": "HDFC",
    "icici": "ICIC",
    "sbi": "SBIN",
    "axis": "UTIB",
    "kotak": "KKBK",
    "central": "CBIN",
}
_BANK_NAMES = {
    "SBIN": "STATE BANK OF INDIA",
    "HDFC": "HDFC BANK",
    "ICIC": "ICICI BANK",
    "UTIB": "AXIS BANK",
    "KKBK": "KOTAK MAHINDRA BANK",
}
_VPA_HANDLES = ("okhdfcbank", "okicici", "oksbi", "okaxis", "ybl", "paytm", "ibl", "axl", "upi")
_LENDERS = (
    ("Bajaj Finance Ltd. (Loan A/c)", "BAJAJFIN"),
    ("Tata Capital Financial Services Ltd.", "TATA CAPITAL"),
    ("ICICI Bank Term Loan A/c", "ICICI BANK LTD"),
    ("Mahindra & Mahindra Financial Services Ltd.", "MMFSL"),
    ("SBI Mutual Fund - SIP", "SBIMF"),
    ("LIC of India (Keyman Policy)", "LIC OF INDIA"),
)


@dataclass(frozen=True)
class Party:
    book: str
    """The ledger's name in the books, as the accountant wrote it."""
    bank: str
    """The account's name at its bank, in capitals (what NEFT carries)."""
    vpa: str
    ifsc: str


def _person(rng: random.Random) -> tuple[str, str]:
    """(book name, bank name) of a person, with the regions' ways of writing names."""
    region = rng.choice(list(_FIRST))
    first = rng.choice(_FIRST[region].split("|"))
    surname = rng.choice(_SURNAMES[region].split("|"))
    father = rng.choice(_FIRST[region].split("|"))
    if region == "tamil":  # initial for the father's name; the bank often has only that
        book = rng.choice(
            [f"{first} {surname}", f"{surname[0]}. {first}", f"{first} {surname[0]}."]
        )
        bank = rng.choice([f"{first} {surname[0]}", f"{surname[0]} {first}", f"{first} {surname}"])
    elif region in {"marathi", "gujarati"}:
        book = rng.choice([f"{first} {surname}", f"{first} {father[0]}. {surname}"])
        bank = rng.choice(
            [
                f"{first} {father} {surname}",
                f"{surname} {first} {father}",
                f"{first[0]} {father[0]} {surname}",
            ]
        )
    else:
        book = f"{first} {surname}"
        bank = rng.choice([f"{first} {surname}", f"{first[0]} {surname}", f"{surname} {first}"])
    return book, bank.upper()


def _firm(rng: random.Random) -> tuple[str, str]:
    """(book name, bank name) of a business."""
    region = rng.choice(list(_FIRM_WORDS))
    words = rng.choice(_FIRM_WORDS[region].split("|"))
    trade = rng.choice(_TRADES)
    core = f"{words} {trade}"
    form = rng.random()
    if form < 0.3:
        book = core + rng.choice([" Pvt. Ltd.", " Pvt Ltd", " (P) Ltd.", " Private Limited"])
        bank = core + rng.choice([" PRIVATE LIMITED", " PVT LTD", " PVT. LTD."])
    elif form < 0.4:
        book, bank = core + " LLP", core + " LLP"
    elif form < 0.5:
        book = f"{words} & Sons"
        bank = rng.choice([f"{words} AND SONS", f"{words} & SONS", f"{words} SONS"])
    elif form < 0.58:
        book = f"{words} & Co."
        bank = rng.choice([f"{words} AND CO", f"{words} & CO"])
    elif form < 0.64:
        book = core + " Ltd."
        bank = core + rng.choice([" LIMITED", " LTD"])
    elif form < 0.7:  # a proprietorship paid into the proprietor's own account
        book = core
        bank = _person(rng)[1]
    else:
        book = bank = core
    if rng.random() < 0.12:
        book = "M/s " + book
    elif rng.random() < 0.08:
        book += rng.choice([" - Pune", " (Chennai)", " - Kolkata", " Ludhiana", " - Surat"])
    return book, bank.upper().replace(",", "")


def _parties(rng: random.Random, count: int, people: float) -> list[Party]:
    made: list[Party] = []
    seen: set[str] = set()
    attempts = 0
    while len(made) < count and attempts < count * 20:
        attempts += 1
        book, bank = _person(rng) if rng.random() < people else _firm(rng)
        if book in seen:
            continue
        seen.add(book)
        handle = rng.choice(_VPA_HANDLES)
        stem = "".join(ch for ch in bank.lower() if ch.isalpha())[: rng.randint(6, 14)]
        vpa = (
            f"{rng.randint(6_000_000_000, 9_999_999_999)}@{handle}"
            if rng.random() < 0.3
            else f"{stem}@{handle}"
        )
        ifsc = f"{rng.choice(_BANK_CODES)}0{rng.randint(0, 999_999):06d}"
        made.append(Party(book, bank, vpa, ifsc))
    return made


# ---------------------------------------------------------------------------------------------
# The banks' narrations: one template per (bank, channel, direction); `+` money in, `-` out.

_NARRATIONS: dict[str, dict[str, str]] = {
    "hdfc": {
        "neft+": "NEFT CR-{ifsc}-{name}-{utr}",
        "neft-": "NEFT DR-{ifsc}-{name}-NETBANK, MUM-{utr}-{note}",
        "rtgs+": "RTGS CR-{ifsc}-{name}-{utr}",
        "rtgs-": "RTGS DR-{ifsc}-{name}-NETBANK, MUM-{utr}-{note}",
        "upi+": "UPI-{upi}-{vpa}-{ifsc}-{rrn}-{note}",
        "upi-": "UPI-{upi}-{vpa}-{ifsc}-{rrn}-{note}",
        "imps+": "IMPS-{rrn}-{upi}-{code}-XXXXXXXX{acct}-{note}",
        "imps-": "IMPS-{rrn}-{upi}-{code}-XXXXXXXX{acct}-{note}",
        "chq-": "CHQ PAID-MICR CTS-MU-{chq}",
        "clg+": "CLG CHQ DEP {no}",
        "ach-": "ACH D- TP ACH {lender}-{mandate}",
        "return+": "NEFT RETURN-{utr}-{name}-ACCOUNT DOES NOT EXIST",
        "chqret-": "CHQ RETURN-{no}-FUNDS INSUFFICIENT",
        "bulk-": "BULK POSTING-SALARY {mon}-{batch}",
        "tax-": "IB TAX PAYMENT-CBDT-{cin}",
        "gst-": "GST PAYMENT-CPIN {cpin}",
    },
    "icici": {
        "neft+": "NEFT-{utr}-{name}-{note}-{acct}-{ifsc}",
        "neft-": "NEFT-{utr}-{name}-{note}-{ifsc}",
        "rtgs+": "RTGS-{utr}-{name}-{ifsc}",
        "rtgs-": "RTGS-{utr}-{name}-{note}-{ifsc}",
        "upi+": "UPI/{rrn}/{upi}/{vpa}/{bankname}",
        "upi-": "UPI/{rrn}/{upi}/{vpa}/{bankname}",
        "imps+": "MMT/IMPS/{rrn}/{note}/{short}/{bankname}",
        "imps-": "MMT/IMPS/{rrn}/{note}/{short}/{bankname}",
        "chq-": "CLG/{chq}/{code}",
        "clg+": "BY CLG {no}/{code}",
        "ach-": "ACH/{lender}/{mandate}",
        "return+": "REV-NEFT-{utr}-{name}-ACCOUNT CLOSED",
        "chqret-": "CHQ RET/{no}/INSUFFICIENT FUNDS",
        "bulk-": "BIL/BPAY/SALARY {mon}/{batch}",
        "tax-": "BIL/ONL/CBDT TAX/{cin}",
        "gst-": "GST/CPIN/{cpin}",
    },
    "sbi": {
        "neft+": "BY TRANSFER-NEFT*{ifsc}*{utr}*{name}--",
        "neft-": "TO TRANSFER-NEFT*{ifsc}*{utr}*{name}--",
        "rtgs+": "BY TRANSFER-RTGS*{ifsc}*{utr}*{name}--",
        "rtgs-": "TO TRANSFER-RTGS*{ifsc}*{utr}*{name}--",
        "upi+": "BY TRANSFER-UPI/CR/{rrn}/{upi10}/{code}/{vpa}/{note}--",
        "upi-": "TO TRANSFER-UPI/DR/{rrn}/{upi10}/{code}/{vpa}/{note}--",
        "imps+": "BY TRANSFER-IMPS/P2A/{rrn}/{short}--",
        "imps-": "TO TRANSFER-IMPS/P2A/{rrn}/{short}--",
        "chq-": "TO CLEARING-{chq}",
        "clg+": "BY CLEARING-CHQ {no}",
        "ach-": "NACH-DR-{lender}-{mandate}",
        "return+": "BY TRANSFER-NEFT RETURN*{utr}*{name}--",
        "chqret-": "TO CHQ RETURN {no}--",
        "bulk-": "TO TRANSFER-BULK SALARY {mon}--",
        "tax-": "TO TRANSFER-CBDT TAX {cin}--",
        "gst-": "TO TRANSFER-GST CPIN {cpin}--",
    },
    "axis": {
        "neft+": "NEFT/{utr}/{name}/{bankname}",
        "neft-": "NEFT/{utr}/{name}/{note}",
        "rtgs+": "RTGS/{utr}/{name}/{bankname}",
        "rtgs-": "RTGS/{utr}/{name}/{note}",
        "upi+": "UPI/P2A/{rrn}/{upi}/{bankname}/{note}",
        "upi-": "UPI/P2M/{rrn}/{upi}/{note}/{bankname}",
        "imps+": "IMPS/P2A/{rrn}/{short}/{bankname}/{note}",
        "imps-": "IMPS/P2A/{rrn}/{short}/{note}",
        "chq-": "CLG/{chq}/{no}",
        "clg+": "BY CLG {no}",
        "ach-": "ACH-DR-{lender}-{mandate}",
        "return+": "NEFT RETURN/{utr}/{name}",
        "chqret-": "CHQ RETURN/{no}/FUNDS INSUFFICIENT",
        "bulk-": "BULK/SALARY {mon}/{batch}",
        "tax-": "TAX PAYMENT/CBDT/{cin}",
        "gst-": "GST PAYMENT/CPIN/{cpin}",
    },
    "kotak": {
        "neft+": "NEFT {utr} {name}",
        "neft-": "NEFT {utr} {name} {note}",
        "rtgs+": "RTGS {utr} {name}",
        "rtgs-": "RTGS {utr} {name}",
        "upi+": "UPI/{upi}/{rrn}/{note}",
        "upi-": "UPI/{upi}/{rrn}/{note}",
        "imps+": "IMPS/P2A/{rrn}/{short}",
        "imps-": "IMPS-{rrn}-{upi}-{note}",
        "chq-": "CHQ PAID {no} {chq}",
        "clg+": "CLG CHQ DEP {no}",
        "ach-": "NACH-DR-{lender}-{mandate}",
        "return+": "NEFT RETURN {utr} {name}",
        "chqret-": "CHQ RETURN {no} INSUFF FUNDS",
        "bulk-": "BULK PAYMENT SALARY {mon} {batch}",
        "tax-": "TAX PAYMENT CBDT {cin}",
        "gst-": "GST PAYMENT CPIN {cpin}",
    },
    "central": {
        "neft+": "BY NEFT/{utr}/{name}",
        "neft-": "TO NEFT/{utr}/{name}",
        "rtgs+": "BY RTGS/{utr}/{name}",
        "rtgs-": "TO RTGS/{utr}/{name}",
        "upi+": "UPI/CR/{rrn}/{upi}/{code}",
        "upi-": "UPI/DR/{rrn}/{upi}/{code}",
        "imps+": "IMPS/{rrn}/{short}",
        "imps-": "IMPS/{rrn}/{short}",
        "chq-": "TO CLG CHQ {no} {chq}",
        "clg+": "BY CLG CHQ {no}",
        "ach-": "NACH DR {lender} {mandate}",
        "return+": "BY NEFT RETURN/{utr}/{name}",
        "chqret-": "TO CHQ RETURN {no}",
        "bulk-": "TO BULK SALARY {mon}",
        "tax-": "TO TAX CBDT {cin}",
        "gst-": "TO GST CPIN {cpin}",
    },
}
_CHARGES = {
    "hdfc": (
        "SMS CHGS {qtr}+GST",
        "NEFT CHGS INCL GST {day}",
        "CHQ RETURN CHGS {no} INCL GST",
        "INT.PD",
    ),
    "icici": ("SMS CHARGES {qtr}", "NEFT CHGS INCL GST", "CHQ RTN CHGS {no}", "Int.Pd:{qtr}"),
    "sbi": (
        "TO SMS CHGS {qtr}--",
        "TO NEFT CHGS INCL GST--",
        "TO CHQ RETURN CHGS {no}--",
        "BY INTEREST CREDIT--",
    ),
    "axis": ("SMS ALERT CHARGES {qtr}", "NEFT CHGS INCL GST", "CHQ RETURN CHGS {no}", "INT.PD"),
    "kotak": ("SMS CHGS {qtr}", "NEFT CHGS INCL GST", "CHQ RETURN CHGS {no}", "INTEREST CREDIT"),
    "central": (
        "TO SMS CHGS {qtr}",
        "TO NEFT CHGS INCL GST",
        "TO CHQ RETURN CHGS {no}",
        "BY INT.PD",
    ),
}
HANDLE_ONLY = 15
"""Percent of ICICI's UPI lines that name the payer by the handle alone."""
_NOTES = (
    "PAYMENT",
    "INV",
    "Payment from Ph",
    "BILL",
    "ADVANCE",
    "NA",
    "Sent using Paytm",
    "FREIGHT",
)


def _reference(bank: str, channel: str, fields: dict[str, Any], rng: random.Random) -> str:
    """What the bank's reference column holds for the line."""
    if channel in {"chq", "clg", "chqret"}:
        no = str(fields["no"])
        return no.rjust(16, "0") if bank == "hdfc" else no
    if bank == "hdfc":
        if channel in {"neft", "rtgs", "return"}:
            return str(fields["utr"])
        if channel in {"upi", "imps"}:
            return str(fields["rrn"]).rjust(16, "0")
        return "0" * 16
    if bank == "sbi" and channel in {"neft", "rtgs", "upi", "imps", "return"}:
        return rng.choice(
            [
                f"TRANSFER FROM {rng.randint(10**10, 10**11 - 1)}",
                str(fields.get("utr") or fields.get("rrn")),
            ]
        )
    if bank == "kotak" and channel in {"upi", "imps"}:
        return f"{channel.upper()}-{fields['rrn']}"
    if bank == "kotak" and channel in {"neft", "rtgs"}:
        return f"NEFTINW-{str(fields['utr'])[-10:]}"
    return ""


# ---------------------------------------------------------------------------------------------
# The month itself.

_WEIGHTS: dict[str, float] = {
    "neft": 14,
    "rtgs": 3,
    "upi": 24,
    "imps": 8,
    "cheque issued": 6,
    "cheque deposited": 5,
    "retainers": 0.2,
    "repeat": 1.5,
    "n to 1": 2.5,
    "1 to n": 0.6,
    "reversal": 0.8,
    "charges": 1.5,
    "unbooked": 1.5,
}
"""Events whose number grows with the account's volume (relative weights, varied by seed)."""
_CORE = {"neft", "upi", "imps", "cheque issued"}


@dataclass
class _Draft:
    """Lines as they are made, before sorting by date."""

    rng: random.Random
    bank: str
    start: date
    end: date
    bank_lines: list[tuple[int, int, str, str, int, int, float]] = field(default_factory=list)
    book_lines: list[tuple[int, str, str, str, str, int, int]] = field(default_factory=list)
    bank_kinds: list[str] = field(default_factory=list)
    book_kinds: list[str] = field(default_factory=list)
    links: list[tuple[int, int, str]] = field(default_factory=list)
    serial: int = 0

    def to_bank(
        self, day: int, value: int, narration: str, reference: str, money: int, kind: str
    ) -> int | None:
        """A statement line on day ordinal `day` (`money` > 0 in, < 0 out); None past month end."""
        if day > self.end.toordinal():
            return None
        self.bank_lines.append(
            (day, value, narration, reference, max(-money, 0), max(money, 0), self.rng.random())
        )
        self.bank_kinds.append(kind)
        return len(self.bank_lines) - 1

    def to_books(
        self,
        day: int,
        particulars: str,
        vtype: str,
        narration: str,
        reference: str,
        money: int,
        kind: str,
    ) -> int:
        """A ledger line (`money` > 0 a receipt: a debit to the bank ledger)."""
        self.book_lines.append(
            (day, particulars, vtype, narration, reference, max(money, 0), max(-money, 0))
        )
        self.book_kinds.append(kind)
        return len(self.book_lines) - 1

    def link(self, bank: int | None, book: int, kind: str) -> None:
        if bank is None:  # past month end: the books' line stays open
            self.book_kinds[book] = (
                Kind.UNPRESENTED if kind == Kind.CHEQUE_ISSUED else Kind.IN_TRANSIT
            )
            return
        self.links.append((bank, book, kind))

    def digits(self, count: int) -> str:
        return str(self.rng.randrange(10 ** (count - 1), 10**count))


def _amount(rng: random.Random, low: int, high: int) -> int:
    """Paise: log-uniform rupees, rounded to the rupee, to hundreds, or with paise."""
    rupees = float(np.exp(rng.uniform(np.log(low), np.log(high))))
    style = rng.random()
    if style < 0.45:
        return round(rupees) * 100
    if style < 0.62:
        return int(max(round(rupees, -2), 100)) * 100
    return round(rupees * 100)


class _Maker:
    """Makes one month's events into a `_Draft`."""

    def __init__(
        self,
        draft: _Draft,
        parties: list[Party],
        employees: list[Party],
        others: list[Party],
        month: str,
    ):
        self.d = draft
        self.rng = draft.rng
        self.parties = parties
        self.employees = employees
        self.others = others
        self.next_employee = 0
        self.month = month  # "OCT 2026"
        self.cheque_no = self.rng.randint(100_000, 800_000)
        self.deposit_no = self.rng.randint(100_000, 900_000)
        self.first = draft.start.toordinal()
        self.last = draft.end.toordinal()
        self.acct = draft.digits(4)
        self.note_in_books = self.rng.uniform(0.1, 0.6)
        """Share of electronic lines whose UTR or RRN the accountant typed into the narration."""

    # fields of a narration ----------------------------------------------------------------
    def fields(self, party: Party, channel: str, *, outgoing: bool = False) -> dict[str, Any]:
        rng = self.rng
        code = party.ifsc[:4]
        name = party.bank[: rng.choice((35, 35, 30, 25))].strip()
        upi = party.bank[:20].strip()
        short = party.bank.replace(" ", "")[: rng.randint(8, 12)]
        words = party.bank.split()
        chq = " ".join(words[1:] if len(words) > 2 and rng.random() < 0.5 else words)[
            : rng.randint(10, 15)
        ].strip()
        bankcode = _IFSC_CODES[self.d.bank]
        sender = bankcode if outgoing else code  # the UTR is the sending bank's
        kind = "R" if channel == "rtgs" else "N"
        utr = (
            f"{sender}{kind}5{self.d.digits(2)}{self.d.digits(11)}"
            if rng.random() < 0.7
            else f"{sender}{kind}{self.d.digits(12)}"
        )
        return {
            "ifsc": party.ifsc,
            "name": name,
            "upi": upi,
            "upi10": party.bank[:10].strip(),
            "short": short,
            "chq": chq,
            "vpa": party.vpa,
            "code": code,
            "bankname": _BANK_NAMES.get(code, code + " BANK"),
            "acct": self.acct,
            "utr": utr,
            "rrn": f"{rng.randint(5, 6)}{self.d.digits(11)}",
            "note": rng.choice(_NOTES),
            "no": "",
        }

    def narrate(self, channel: str, money: int, fields: dict[str, Any]) -> tuple[str, str]:
        template = _NARRATIONS[self.d.bank][f"{channel}{'+' if money > 0 else '-'}"]
        if self.d.bank == "icici" and channel == "upi" and int(fields["rrn"]) % 100 < HANDLE_ONLY:
            # ICICI writes the payer's remark where the name goes, and only the handle names
            # the payer (`UPI/…/NA/vijaypill86@ybl/PUNB BANK`); decided by the RRN's digits, so
            # that every other line of the month is drawn as before
            fields = {**fields, "upi": _NOTES[int(fields["rrn"]) // 100 % len(_NOTES)]}
        return template.format(**fields), _reference(self.d.bank, channel, fields, self.rng)

    def book_note(self, channel: str, fields: dict[str, Any], money: int) -> tuple[str, str]:
        """The Tally narration and the reference it carries (often nothing)."""
        rng = self.rng
        if channel in {"chq", "clg"} and rng.random() < 0.75:
            return f"Ch. No. : {fields['no']}", str(fields["no"])
        if rng.random() < self.note_in_books:
            if channel in {"neft", "rtgs"}:
                return rng.choice(["UTR ", "NEFT UTR No. ", "Ref "]) + fields["utr"], fields["utr"]
            if channel in {"upi", "imps"}:
                return f"{channel.upper()} Ref {fields['rrn']}", fields["rrn"]
        if rng.random() < 0.25:
            return rng.choice(
                [
                    f"Being amount received against Inv No. {rng.randint(100, 9999)}"
                    if money > 0
                    else f"Being payment made against bill no. {rng.randint(100, 9999)}",
                    f"Against bill dt. {rng.randint(1, 28)}/{rng.randint(1, 12)}",
                    "On account",
                ]
            ), ""
        return "", ""

    def day(self) -> int:
        return self.rng.randint(self.first, self.last)

    def lag(self) -> int:
        return self.rng.choices((0, 1, 2, 3), (5, 3, 1.5, 0.7))[0]

    def party(self) -> Party:
        # a few parties are busy, most are occasional
        index = int(len(self.parties) * self.rng.random() ** 2)
        return self.parties[index]

    # events -------------------------------------------------------------------------------
    def electronic(
        self, channel: str, money: int, party: Party, kind: str, day: int | None = None
    ) -> None:
        d = self.d
        booked = self.day() if day is None else day
        fields = self.fields(party, channel, outgoing=money < 0)
        narration, reference = self.narrate(channel, money, fields)
        note, ref = self.book_note(channel, fields, money)
        at = booked + self.lag()
        vtype = "Receipt" if money > 0 else "Payment"
        b = d.to_bank(at, at, narration, reference, money, kind)
        g = d.to_books(booked, party.book, vtype, note, ref, money, kind)
        d.link(b, g, kind)

    def neft(self) -> None:
        sign = 1 if self.rng.random() < 0.55 else -1
        self.electronic("neft", sign * _amount(self.rng, 2_000, 1_99_999), self.party(), Kind.NEFT)

    def rtgs(self) -> None:
        sign = 1 if self.rng.random() < 0.5 else -1
        self.electronic(
            "rtgs", sign * _amount(self.rng, 2_00_000, 50_00_000), self.party(), Kind.RTGS
        )

    def upi(self) -> None:
        sign = 1 if self.rng.random() < 0.7 else -1
        amount = (
            self.rng.choice((500, 1000, 2000, 5000, 250, 1500)) * 100
            if self.rng.random() < 0.2
            else _amount(self.rng, 50, 1_00_000)
        )
        self.electronic("upi", sign * amount, self.party(), Kind.UPI)

    def imps(self) -> None:
        sign = 1 if self.rng.random() < 0.5 else -1
        self.electronic("imps", sign * _amount(self.rng, 1_000, 5_00_000), self.party(), Kind.IMPS)

    def cheque_issued(self) -> None:
        """A cheque written in the books, presented 10–25 days later (or not this month)."""
        d, rng = self.d, self.rng
        party = self.party()
        money = -_amount(rng, 5_000, 10_00_000)
        kind = Kind.CHEQUE_ISSUED
        self.cheque_no += 1
        fields = self.fields(party, "chq")
        fields["no"] = f"{self.cheque_no:06d}"
        narration, reference = self.narrate("chq", money, fields)
        booked = self.day()
        at = booked + rng.randint(10, 25)
        note, ref = self.book_note("chq", fields, money)
        b = d.to_bank(at, at, narration, reference, money, kind)
        g = d.to_books(booked, party.book, "Payment", note, ref, money, kind)
        d.link(b, g, kind)

    def cheque_deposited(self) -> None:
        d, rng = self.d, self.rng
        party = self.party()
        money = _amount(rng, 2_000, 8_00_000)
        fields = self.fields(party, "clg")
        fields["no"] = f"{rng.randint(1, 999_999):06d}"
        narration, reference = self.narrate("clg", money, fields)
        booked = self.day()
        at = booked + rng.randint(1, 3)
        note, ref = self.book_note("clg", fields, money)
        b = d.to_bank(
            at, at + rng.choice((0, 0, 1)), narration, reference, money, Kind.CHEQUE_DEPOSITED
        )
        g = d.to_books(booked, party.book, "Receipt", note, ref, money, Kind.CHEQUE_DEPOSITED)
        d.link(b, g, Kind.CHEQUE_DEPOSITED)
        if b is not None and rng.random() < 0.08:  # returned unpaid
            self.cheque_return(party, money, at, fields)

    def cheque_return(self, party: Party, money: int, at: int, fields: dict[str, Any]) -> None:
        d, rng = self.d, self.rng
        back = at + rng.randint(1, 3)
        narration, reference = self.narrate("chqret", -money, fields)
        b = d.to_bank(back, back, narration, reference, -money, Kind.REVERSAL)
        charge = _CHARGES[d.bank][2].format(no=fields["no"])
        d.to_bank(back, back, charge, "", -rng.choice((35_400, 59_000, 29_500)), Kind.CHARGES)
        if b is not None and rng.random() < 0.6:
            g = d.to_books(
                back + rng.randint(0, 2),
                party.book,
                rng.choice(("Journal", "Payment")),
                f"Cheque {fields['no']} returned unpaid",
                fields["no"],
                -money,
                Kind.REVERSAL,
            )
            d.link(b, g, Kind.REVERSAL)
        elif b is not None:
            d.bank_kinds[b] = Kind.REVERSAL + " (not booked)"

    def mandate(self) -> None:
        d, rng = self.d, self.rng
        book, tag = rng.choice(_LENDERS)
        money = -_amount(rng, 2_000, 2_50_000)
        booked = self.day()
        fields = {"lender": tag, "mandate": f"{d.digits(6)}{rng.choice('ABCDEFGH')}{d.digits(5)}"}
        narration, reference = self.narrate("ach", money, fields)
        b = d.to_bank(
            booked + rng.choice((0, 0, 1)), booked, narration, reference, money, Kind.MANDATE
        )
        g = d.to_books(booked, book, "Payment", "", "", money, Kind.MANDATE)
        d.link(b, g, Kind.MANDATE)

    def salary_batch(self) -> None:
        d, rng = self.d, self.rng
        day = min(self.first + rng.randint(0, 7), self.last)
        size = rng.choice((40, 40, rng.randint(25, 60)))
        same = rng.random() < 0.7
        for _ in range(size):
            person = self.employees[self.next_employee % len(self.employees)]
            self.next_employee += 1
            money = -(25_000_00 if same and rng.random() < 0.8 else _amount(rng, 12_000, 1_50_000))
            fields = self.fields(person, "neft", outgoing=True)
            fields["note"] = rng.choice(("SALARY", f"SAL {self.month}", "NA"))
            narration, reference = self.narrate("neft", money, fields)
            particulars = rng.choice((person.book, person.book, f"{person.book} (Salary)"))
            b = d.to_bank(day, day, narration, reference, money, Kind.SALARY_BATCH)
            g = d.to_books(
                day,
                particulars,
                "Payment",
                f"Salary for {self.month.title()}",
                "",
                money,
                Kind.SALARY_BATCH,
            )
            d.link(b, g, Kind.SALARY_BATCH)

    def salary_bulk(self) -> None:
        d, rng = self.d, self.rng
        day = min(self.first + rng.randint(0, 7), self.last)
        money = -_amount(rng, 5_00_000, 60_00_000)
        fields = {"mon": self.month, "batch": d.digits(8)}
        narration, reference = self.narrate("bulk", money, fields)
        b = d.to_bank(day, day, narration, reference, money, Kind.SALARY_BULK)
        g = d.to_books(
            day,
            "Salary Payable",
            "Payment",
            f"Salary for {self.month.title()} paid",
            "",
            money,
            Kind.SALARY_BULK,
        )
        d.link(b, g, Kind.SALARY_BULK)

    def tax(self) -> None:
        d, rng = self.d, self.rng
        day = min(self.first + rng.randint(3, 20), self.last)
        gst = rng.random() < 0.5
        money = -_amount(rng, 5_000, 15_00_000)
        fields = {"cin": d.digits(14), "cpin": d.digits(14)}
        narration, reference = self.narrate("gst" if gst else "tax", money, fields)
        particulars = (
            "GST Payable"
            if gst
            else rng.choice(("TDS Payable", "TDS Payable - 194C", "TDS on Professional Fees"))
        )
        b = d.to_bank(day + rng.choice((0, 1)), day, narration, reference, money, Kind.TAX)
        g = d.to_books(day, particulars, "Payment", "", "", money, Kind.TAX)
        d.link(b, g, Kind.TAX)

    def rent(self) -> None:
        """Rent of the same amount to two landlords the same day."""
        rng = self.rng
        money = -rng.choice((50_000, 35_000, 75_000, 1_00_000)) * 100
        day = min(self.first + rng.randint(0, 9), self.last)
        channel = rng.choice(("neft", "neft", "imps"))
        for _ in range(2):
            person = rng.choice(self.others)
            book = rng.choice((f"Rent - {person.book}", "Rent", person.book))
            landlord = Party(book, person.bank, person.vpa, person.ifsc)
            self.electronic(channel, money, landlord, Kind.EQUAL, day)

    def retainers(self) -> None:
        """The same fee the same day to three to six consultants."""
        rng = self.rng
        money = -rng.choice((30_000, 25_000, 40_000, 15_000)) * 100
        day = self.day()
        channel = rng.choice(("neft", "neft", "imps"))
        for person in rng.sample(self.others, rng.randint(3, 6)):
            book = rng.choice((f"{person.book} (Retainer)", person.book, "Professional Fees"))
            consultant = Party(book, person.bank, person.vpa, person.ifsc)
            self.electronic(channel, money, consultant, Kind.EQUAL, day)

    def repeat(self) -> None:
        rng = self.rng
        party = self.party()
        money = -_amount(rng, 5_000, 2_00_000)
        channel = rng.choice(("neft", "imps", "upi"))
        first = self.day()
        second = min(first + rng.randint(3, 20), self.last)
        self.electronic(channel, money, party, Kind.REPEAT, first)
        self.electronic(channel, money, party, Kind.REPEAT, second)

    def n_to_1(self) -> None:
        """One receipt in the bank against 2–5 invoice receipts of the same party in the books."""
        d, rng = self.d, self.rng
        party = self.party()
        parts = [_amount(rng, 2_000, 3_00_000) for _ in range(rng.randint(2, 5))]
        money = sum(parts)
        channel = rng.choice(("neft", "neft", "rtgs", "imps")) if money < 2_00_000_00 else "rtgs"
        fields = self.fields(party, channel, outgoing=money < 0)
        narration, reference = self.narrate(channel, money, fields)
        booked = self.day()
        at = booked + self.lag()
        b = d.to_bank(at, at, narration, reference, money, Kind.N_TO_1)
        for part in parts:
            invoice = rng.randint(100, 9_999)
            particulars = f"{party.book} (Inv {invoice})" if rng.random() < 0.2 else party.book
            g = d.to_books(
                booked, particulars, "Receipt", f"Against Inv No. {invoice}", "", part, Kind.N_TO_1
            )
            d.link(b, g, Kind.N_TO_1)

    def one_to_n(self) -> None:
        """Part payments (UPI/IMPS limits, instalments) booked as one entry."""
        d, rng = self.d, self.rng
        party = self.party()
        sign = 1 if rng.random() < 0.6 else -1
        count = rng.randint(2, 3)
        channel = rng.choice(("upi", "imps", "neft"))
        parts = (
            [1_00_000_00] * (count - 1) + [_amount(rng, 1_000, 99_999)]
            if channel == "upi"
            else [_amount(rng, 5_000, 3_00_000) for _ in range(count)]
        )
        booked = rng.randint(self.first, max(self.first, self.last - 4))
        g = d.to_books(
            booked,
            party.book,
            "Receipt" if sign > 0 else "Payment",
            "",
            "",
            sign * sum(parts),
            Kind.ONE_TO_N,
        )
        linked = False
        for offset, part in enumerate(parts):
            fields = self.fields(party, channel, outgoing=sign < 0)
            narration, reference = self.narrate(channel, sign * part, fields)
            at = booked + min(offset, 3) + rng.choice((0, 0, 1))
            b = d.to_bank(at, at, narration, reference, sign * part, Kind.ONE_TO_N)
            if b is not None:
                d.links.append((b, g, Kind.ONE_TO_N))
                linked = True
        if not linked:
            d.book_kinds[g] = Kind.IN_TRANSIT

    def reversal(self) -> None:
        """A payment returned by the beneficiary's bank; the reversal booked, or not yet."""
        d, rng = self.d, self.rng
        party = self.party()
        money = -_amount(rng, 5_000, 3_00_000)
        fields = self.fields(party, "neft", outgoing=True)
        narration, reference = self.narrate("neft", money, fields)
        booked = self.day()
        at = booked + self.lag()
        b = d.to_bank(at, at, narration, reference, money, Kind.REVERSAL)
        g = d.to_books(booked, party.book, "Payment", "", "", money, Kind.REVERSAL)
        d.link(b, g, Kind.REVERSAL)
        if b is None:
            return
        back = at + rng.randint(1, 4)
        narration, reference = self.narrate("return", -money, fields)
        r = d.to_bank(back, back, narration, reference, -money, Kind.REVERSAL)
        if r is None:
            return
        if rng.random() < 0.6:
            g2 = d.to_books(
                back + rng.randint(0, 2),
                party.book,
                rng.choice(("Journal", "Receipt")),
                "Payment returned - account closed",
                "",
                -money,
                Kind.REVERSAL,
            )
            d.link(r, g2, Kind.REVERSAL)
        else:
            d.bank_kinds[r] = Kind.REVERSAL + " (not booked)"

    def charges(self) -> None:
        d, rng = self.d, self.rng
        day = self.day()
        which = rng.random()
        if which < 0.4:
            text, money = (
                _CHARGES[d.bank][0].format(qtr=f"{self.month[:3]}{self.month[-2:]}"),
                rng.choice((1_770, 2_360, 3_540)),
            )
        else:
            text, money = (
                _CHARGES[d.bank][1].format(day=date.fromordinal(day).strftime("%d%m%y")),
                rng.choice((590, 1_770, 2_950, 5_900)),
            )
        d.to_bank(day, day, text, "", -money, Kind.CHARGES)

    def interest(self) -> None:
        d, rng = self.d, self.rng
        text = _CHARGES[d.bank][3].format(qtr=f"{self.d.start:%d-%m-%Y} to {self.d.end:%d-%m-%Y}")
        d.to_bank(self.last, self.last, text, "", _amount(rng, 100, 50_000), Kind.INTEREST)

    def unbooked(self) -> None:
        """A receipt the accountant has not booked yet (an unidentified credit, a late one)."""
        rng = self.rng
        channel = rng.choice(("neft", "upi", "imps"))
        party = self.party()
        money = _amount(rng, 500, 2_00_000)
        fields = self.fields(party, channel)
        narration, reference = self.narrate(channel, money, fields)
        day = rng.randint(max(self.first, self.last - 12), self.last)
        self.d.to_bank(day, day, narration, reference, money, Kind.UNBOOKED)


def make_month(
    lines: int,
    seed: int,
    *,
    bank: str = "hdfc",
    start: date = date(2026, 10, 1),
) -> Month:
    """About `lines` lines a side of one calendar month (from `start`, which should be a first of
    the month) of a current account at `bank` (one of BANKS): the statement, the bank ledger,
    and which lines belong together. The same arguments give the same month."""
    if bank not in _NARRATIONS:
        raise ValueError(f"bank must be one of {', '.join(BANKS)}, not {bank!r}")
    rng = random.Random(f"{seed}:{bank}:{lines}")
    end = start.replace(day=calendar.monthrange(start.year, start.month)[1])
    draft = _Draft(rng, bank, start, end)
    parties = _parties(
        rng, min(2_000, 150 + lines // 8 + rng.randint(0, 100)), people=rng.uniform(0.15, 0.4)
    )
    batches = max(1, min(40, lines // 4_000 + rng.randint(0, 1)))
    employees = _parties(rng, max(80, batches * 60), people=1.0)
    others = _parties(rng, 60 + lines // 500, people=1.0)  # landlords, consultants
    maker = _Maker(draft, parties, employees, others, f"{start:%b %Y}".upper())
    # the month's fixed events: salaries, taxes, rent, EMIs, interest
    scale = 1 + lines // 20_000
    for _ in range(batches if rng.random() < 0.85 else 0):
        maker.salary_batch()
    for _ in range(rng.choice((0, 0, 1, 2))):
        maker.salary_bulk()
    for _ in range(rng.randint(1, 4) * scale):
        maker.tax()
    for _ in range(rng.randint(0, 3) * scale):
        maker.rent()
    for _ in range(rng.randint(0, 6) * scale):
        maker.mandate()
    if rng.random() < 0.4:
        maker.interest()
    weights = {k: w * rng.uniform(0.3, 2.0) for k, w in _WEIGHTS.items()}
    for k in weights:  # some months have none of a kind
        if k not in _CORE and rng.random() < 0.1:
            weights[k] = 0.0
    events: dict[str, Callable[[], None]] = {
        "neft": maker.neft,
        "rtgs": maker.rtgs,
        "upi": maker.upi,
        "imps": maker.imps,
        "cheque issued": maker.cheque_issued,
        "cheque deposited": maker.cheque_deposited,
        "retainers": maker.retainers,
        "repeat": maker.repeat,
        "n to 1": maker.n_to_1,
        "1 to n": maker.one_to_n,
        "reversal": maker.reversal,
        "charges": maker.charges,
        "unbooked": maker.unbooked,
    }
    names = list(weights)
    cumulative = list(np.cumsum([weights[n] for n in names]))
    while max(len(draft.bank_lines), len(draft.book_lines)) < lines:
        chosen = rng.choices(names, cum_weights=cumulative, k=min(256, max(1, lines // 50)))
        for name in chosen:
            events[name]()
    return _finish(draft, rng, seed)


def _finish(draft: _Draft, rng: random.Random, seed: int) -> Month:
    """Sort both sides by date (bank lines in posting order within a day), number the
    vouchers, run the balance, and carry the links over."""
    bank = pd.DataFrame(
        draft.bank_lines,
        columns=["day", "value_day", "narration", "reference", "debit", "credit", "order"],
    )
    bank["kind"] = draft.bank_kinds
    bank = bank.sort_values(["day", "order"], kind="stable")
    bank_position = np.empty(len(bank), dtype=np.int64)
    bank_position[bank.index.to_numpy()] = np.arange(len(bank))
    bank = bank.reset_index(drop=True)
    books = pd.DataFrame(
        draft.book_lines,
        columns=["day", "particulars", "voucher_type", "narration", "reference", "debit", "credit"],
    )
    books["kind"] = draft.book_kinds
    books = books.sort_values("day", kind="stable")
    book_position = np.empty(len(books), dtype=np.int64)
    book_position[books.index.to_numpy()] = np.arange(len(books))
    books = books.reset_index(drop=True)
    flows = (bank["credit"] - bank["debit"]).to_numpy(dtype=np.int64).cumsum()
    lowest = int(flows.min()) if len(flows) else 0
    opening = rng.randint(5_00_000, 50_00_000) * 100 + max(0, -lowest)
    dates = {
        d: date.fromordinal(d)
        for d in set(bank["day"]) | set(bank["value_day"]) | set(books["day"])
    }
    statement = pd.DataFrame(
        {
            "row": np.arange(1, len(bank) + 1, dtype=np.int64),
            "date": bank["day"].map(dates).astype(object),
            "value_date": bank["value_day"].map(dates).astype(object),
            "narration": bank["narration"].astype(object),
            "reference": bank["reference"].astype(object),
            "debit": bank["debit"].astype(np.int64),
            "credit": bank["credit"].astype(np.int64),
            "balance": pd.array(opening + flows, dtype="Int64"),
        }
    )
    prefix = {"Receipt": "RV", "Payment": "PV", "Journal": "JV"}
    numbers = books.groupby("voucher_type").cumcount() + 1
    ledger = pd.DataFrame(
        {
            "row": np.arange(1, len(books) + 1, dtype=np.int64),
            "date": books["day"].map(dates).astype(object),
            "particulars": books["particulars"].astype(object),
            "voucher_type": books["voucher_type"].astype(object),
            "voucher_no": [
                str(n) if seed % 2 else f"{prefix[t]}/{n:05d}"
                for t, n in zip(books["voucher_type"], numbers, strict=True)
            ],
            "narration": books["narration"].astype(object),
            "reference": books["reference"].astype(object),
            "debit": books["debit"].astype(np.int64),
            "credit": books["credit"].astype(np.int64),
        }
    )
    raw = np.array([(b, g) for b, g, _ in draft.links], dtype=np.int64).reshape(-1, 2)
    links = pd.DataFrame(
        {
            "bank": bank_position[raw[:, 0]],
            "ledger": book_position[raw[:, 1]],
            "kind": pd.Series([str(k) for _, _, k in draft.links], dtype=object),
        }
    )
    company, account_number = _company(rng, draft.bank)
    return Month(
        statement=statement,
        ledger=ledger,
        links=links.sort_values(["bank", "ledger"]).reset_index(drop=True),
        statement_kind=bank["kind"].map(str).astype(object),
        ledger_kind=books["kind"].map(str).astype(object),
        bank_opening=opening,
        books_opening=opening,
        bank=draft.bank,
        company=company,
        account_name=f"{_BANK_TITLES[draft.bank]} A/c {account_number}",
        account_number=account_number,
        start=draft.start,
        end=draft.end,
    )


_BANK_TITLES = {
    "hdfc": "HDFC Bank",
    "icici": "ICICI Bank",
    "sbi": "State Bank of India",
    "axis": "Axis Bank",
    "kotak": "Kotak Mahindra Bank",
    "central": "Central Bank of India",
}


def _company(rng: random.Random, bank: str) -> tuple[str, str]:
    name = rng.choice(
        (
            "Sahyadri Agro Exports Pvt. Ltd.",
            "Kaveri Home Solutions LLP",
            "Hooghly Jute Traders",
            "Gurkirpa Auto Components Pvt. Ltd.",
            "Navkar Textiles",
            "Deccan Office Supplies Pvt. Ltd.",
        )
    )
    digits = {"hdfc": 14, "icici": 12, "sbi": 11, "axis": 15, "kotak": 10, "central": 10}[bank]
    lead = {
        "hdfc": "502000",
        "icici": "0001",
        "sbi": "3",
        "axis": "9200",
        "kotak": "",
        "central": "3",
    }[bank]
    return name, lead + "".join(str(rng.randint(0, 9)) for _ in range(digits - len(lead)))


# ---------------------------------------------------------------------------------------------
# Files in the layouts banks and Tally export. Each writer returns the row (1-based, as a
# spreadsheet shows it; the line number for CSV) of every statement or ledger line.


def _exported_amount(
    paise: int, *, indian: bool = True, decimal: str = ".", group: str = ","
) -> str:
    """An amount as a bank's export writes it — `1,23,456.78`, or `123,456.78`, or `123.456,78`
    with decimal=',' group='.' — to test xlbo's readers against (xlbo's own money text is
    `xlbo.money.format_inr`)."""
    sign = "-" if paise < 0 else ""
    rupees, rest = divmod(abs(paise), 100)
    digits = str(rupees)
    if len(digits) > 3:
        head, tail = digits[:-3], digits[-3:]
        step = 2 if indian else 3
        parts: list[str] = []
        while len(head) > step:
            parts.insert(0, head[-step:])
            head = head[:-step]
        parts.insert(0, head)
        digits = group.join([*parts, tail])
    return f"{sign}{digits}{decimal}{rest:02d}"


def _float_rupees(paise: int) -> float:
    """A money cell as banks' spreadsheets hold it (a number)."""
    return paise / 100


def _formatted(values: Iterable[date], pattern: str) -> list[str]:
    """Dates as text, formatted once per distinct date."""
    values = list(values)
    cache = {d: _strftime(d, pattern) for d in set(values)}
    return [cache[d] for d in values]


def _strftime(day: date, pattern: str) -> str:
    return day.strftime(pattern.replace("%-d", str(day.day)))


Cell = str | int | float | date | None


def _write_xlsx(path: Path, sheet: str, rows: Iterable[list[Cell]]) -> None:
    """Rows written in order with xlsxwriter's constant memory mode; dates as date cells."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    try:
        worksheet = book.add_worksheet(sheet)
        dated = book.add_format({"num_format": "d-mmm-yy"})
        for number, row in enumerate(rows):
            for column, value in enumerate(row):
                if value is None or value == "":
                    continue
                if isinstance(value, str):
                    worksheet.write_string(number, column, value)
                elif isinstance(value, date):
                    worksheet.write_datetime(number, column, value, dated)
                else:
                    worksheet.write_number(number, column, value)
    finally:
        book.close()


def _write_csv(
    path: Path,
    head: list[list[str]],
    body: pd.DataFrame,
    tail: list[list[str]],
    *,
    delimiter: str = ",",
    quoting: Literal[0, 1, 2, 3] = csv.QUOTE_MINIMAL,
) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=delimiter, quoting=quoting, lineterminator="\n")
        writer.writerows(head)
        body.to_csv(
            handle, sep=delimiter, header=False, index=False, quoting=quoting, lineterminator="\n"
        )
        writer.writerows(tail)


def _side(paise: pd.Series, convert: Callable[[int], Any], empty: Any = None) -> list[Any]:
    return [convert(p) if p else empty for p in paise.tolist()]


def write_statement(month: Month, path: Path, layout: str) -> np.ndarray:
    """Write the statement as the bank `layout` exports it (one of STATEMENT_LAYOUTS); return the
    row of each statement line."""
    writers: dict[str, Callable[[Month, Path], int]] = {
        "hdfc": _hdfc,
        "icici": _icici,
        "sbi": _sbi,
        "axis": _axis,
        "kotak": _kotak,
        "central": _central,
        "semicolon": _semicolon,
    }
    if layout not in writers:
        raise ValueError(f"layout must be one of {', '.join(writers)}, not {layout!r}")
    first = writers[layout](month, path)
    return np.arange(first, first + len(month.statement), dtype=np.int64)


def _period(month: Month, pattern: str) -> tuple[str, str]:
    return _strftime(month.start, pattern), _strftime(month.end, pattern)


def _hdfc(month: Month, path: Path) -> int:
    s = month.statement
    start, end = _period(month, "%d/%m/%Y")
    stars = ["*" * 20, "*" * 60, "*" * 16, "*" * 8, "*" * 20, "*" * 20, "*" * 20]
    title: list[list[Cell]] = [
        ["HDFC BANK Ltd.", None, None, None, "Page No .:  1", None, "Statement of accounts"],
        [],
        [f"M/S. {month.company.upper()}", None, None, None, "Account Branch :", "PUNE - BANER"],
        ["PLOT NO 12, SR NO 45/2", None, None, None, "Address :", "BANER ROAD"],
        ["BANER ROAD", None, None, None, "City :", "PUNE 411045"],
        ["PUNE 411045", None, None, None, "State :", "MAHARASHTRA"],
        ["MAHARASHTRA INDIA", None, None, None, "Phone no. :", "20 6666 1234"],
        ["JOINT HOLDERS :", None, None, None, "OD Limit :", "0.00", "Currency : INR"],
        [None, None, None, None, "Email :", "ACCOUNTS@EXAMPLE.IN"],
        ["Nomination : Not Registered", None, None, None, "Cust ID :", "12345678"],
        [
            f"Statement From : {start} To : {end}",
            None,
            None,
            None,
            "Account No :",
            f"{month.account_number}   OTHER",
        ],
        [None, None, None, None, "A/C Open Date :", "12/03/2019"],
        [None, None, None, None, "Account Status :", "Regular"],
        [None, None, None, None, "RTGS/NEFT IFSC :", "HDFC0001234", "MICR : 411240012"],
        [None, None, None, None, "Branch Code :", "1234", "Product Code : 201"],
        [],
        list(stars),
        list(HDFC_HEADERS),
        list(stars),
    ]
    dates = _formatted(s["date"], "%d/%m/%y")
    values = _formatted(s["value_date"], "%d/%m/%y")
    out = _side(s["debit"], _float_rupees)
    into = _side(s["credit"], _float_rupees)
    balance = [_float_rupees(int(b)) for b in s["balance"]]

    def rows() -> Iterator[list[Cell]]:
        yield from title
        yield from (
            list(r)
            for r in zip(
                dates, s["narration"], s["reference"], values, out, into, balance, strict=True
            )
        )
        yield list(stars)
        yield []
        yield ["STATEMENT SUMMARY  :-"]
        yield []
        yield ["Opening Balance", None, "Dr Count", "Cr Count", "Debits", "Credits", "Closing Bal"]
        yield [
            _float_rupees(month.bank_opening),
            None,
            int((s["debit"] > 0).sum()),
            int((s["credit"] > 0).sum()),
            _float_rupees(int(s["debit"].sum())),
            _float_rupees(int(s["credit"].sum())),
            _float_rupees(month.bank_closing),
        ]
        yield []
        yield [
            f"Generated On: {month.end + timedelta(days=1):%d-%b-%Y} 10:15:32 Generated By: 12345678 Requesting Branch Code: NET"
        ]
        yield ["This is a computer generated statement and does not require signature."]

    _write_xlsx(path, "Sheet 1", rows())
    return len(title) + 1


def _icici(month: Month, path: Path) -> int:
    s = month.statement
    start, end = _period(month, "%d/%m/%Y")
    title: list[list[Cell]] = [
        [],
        [None, "DETAILED STATEMENT"],
        [],
        [None, f"Transactions List - {month.company} (INR) - {month.account_number}"],
        [],
        [None, "Search for :", "All Transactions"],
        [None, "Transaction Date from :", start, "to", end],
        [None, "Amount from :", "-", "to", "-"],
        [None, "Cheque number from :", "-", "to", "-"],
        [None, "Transaction remarks :", "-"],
        [None, "Transaction type :", "All"],
        [],
        [
            None,
            "S No.",
            "Value Date",
            "Transaction Date",
            "Cheque Number",
            "Transaction Remarks",
            "Withdrawal Amt (INR)",
            "Deposit Amt (INR)",
            "Balance (INR )",
        ],
    ]
    values = _formatted(s["value_date"], "%d/%m/%Y")
    dates = _formatted(s["date"], "%d/%m/%Y")
    out = _side(s["debit"], _float_rupees, 0.0)
    into = _side(s["credit"], _float_rupees, 0.0)
    cheques = [r if r else "-" for r in s["reference"]]
    balance = [_float_rupees(int(b)) for b in s["balance"]]

    def rows() -> Iterator[list[Cell]]:
        yield from title
        for number, line in enumerate(
            zip(values, dates, cheques, s["narration"], out, into, balance, strict=True), start=1
        ):
            yield [None, number, *line]
        yield []
        yield [None, "Legends Used in Account Statement"]
        yield [None, "INF - Internet Fund Transfer", None, "MMT - Mobile Money Transfer"]
        yield [None, "BIL - Internet Bill Payment", None, "CLG - Cheque Clearing"]
        yield [
            None,
            "This is a system-generated statement. Hence, it does not require any signature.",
        ]

    _write_xlsx(path, "OpTransactionHistory", rows())
    return len(title) + 1


def _sbi(month: Month, path: Path) -> int:
    s = month.statement
    title: list[list[Cell]] = [
        ["Account Name", f":{month.company}"],
        ["Address", ":12, MG ROAD"],
        [None, ":CAMP"],
        [None, ":PUNE-411001"],
        ["Date", f":{_strftime(month.end + timedelta(days=1), '%-d %b %Y')}"],
        ["Account Number", f":000000{month.account_number}"],
        ["Account Description", ":CA-GEN-PUB-OTH-ALL-INR"],
        ["Branch", ":CAMP PUNE"],
        ["Drawing Power", ":0.00"],
        ["Interest Rate(% p.a.)", ":0.0"],
        ["MOD Balance", ":0.00"],
        ["CIF No.", ":85123456789"],
        ["IFS Code", ":SBIN0000575"],
        ["MICR Code", ":411002003"],
        ["Nomination Registered", ":No"],
        [
            f"Balance as on {_strftime(month.start, '%-d %b %Y')}",
            f":{_exported_amount(month.bank_opening)}",
        ],
        [],
        [
            f"Account Statement from {_strftime(month.start, '%-d %b %Y')} to {_strftime(month.end, '%-d %b %Y')}"
        ],
        [],
        [
            "Txn Date",
            "Value Date",
            "Description",
            "Ref No./Cheque No.",
            "Debit",
            "Credit",
            "Balance",
        ],
    ]
    dates = _formatted(s["date"], "%-d %b %Y")
    values = _formatted(s["value_date"], "%-d %b %Y")
    out = _side(s["debit"], _exported_amount, " ")
    into = _side(s["credit"], _exported_amount, " ")
    balance = [_exported_amount(int(b)) for b in s["balance"]]

    def rows() -> Iterator[list[Cell]]:
        yield from title
        yield from (
            list(r)
            for r in zip(
                dates, values, s["narration"], s["reference"], out, into, balance, strict=True
            )
        )
        yield ["**This is a computer generated statement and does not require a signature"]

    _write_xlsx(path, "Sheet1", rows())
    return len(title) + 1


def _axis(month: Month, path: Path) -> int:
    s = month.statement
    start, end = _period(month, "%d-%m-%Y")
    head = [
        [f"Name :- {month.company.upper()}"],
        ["Joint Holder :- "],
        ["Customer ID :- 887654321"],
        ["IFSC Code :- UTIB0000123"],
        ["MICR Code :- 411211002"],
        ["Nominee Registered :- N"],
        ["Registered Mobile No :- XXXXXXX890"],
        ["Registered Email ID :- AC*******@EXAMPLE.IN"],
        ["Scheme :- CURRENT ACCOUNT"],
        ["CKYC Number :- "],
        [
            f"Statement of Account No - {month.account_number} for the period (From : {start} To : {end})"
        ],
        [],
        ["Tran Date", "CHQNO", "PARTICULARS", "DR", "CR", "BAL", "SOL"],
        ["", "", "OPENING BALANCE", "", "", "\t" + _exported_amount(month.bank_opening), ""],
    ]
    body = pd.DataFrame(
        {
            "date": _formatted(s["date"], "%d-%m-%Y"),
            "chq": s["reference"].where(s["reference"].str.fullmatch(r"\d{6}"), ""),
            "narration": s["narration"],
            "dr": _side(s["debit"], lambda p: "\t" + _exported_amount(p), ""),
            "cr": _side(s["credit"], lambda p: "\t" + _exported_amount(p), ""),
            "bal": ["\t" + _exported_amount(int(b)) for b in s["balance"]],
            "sol": "1234",
        }
    )
    tail = [
        [
            "",
            "",
            "TRANSACTION TOTAL",
            "\t" + _exported_amount(int(s["debit"].sum())),
            "\t" + _exported_amount(int(s["credit"].sum())),
            "",
            "",
        ],
        ["", "", "CLOSING BALANCE", "", "", "\t" + _exported_amount(month.bank_closing), ""],
        [],
        [
            "Unless the constituent notifies the bank immediately of any discrepancy found by him/her in this statement of Account, it will be taken that he/she has found the account correct."
        ],
    ]
    _write_csv(path, head, body, tail, quoting=csv.QUOTE_ALL)
    return len(head) + 1


def _kotak(month: Month, path: Path) -> int:
    s = month.statement
    start, end = _period(month, "%d-%m-%Y")
    title: list[list[Cell]] = [
        ["Kotak Mahindra Bank"],
        [],
        ["Account No.", month.account_number],
        ["Account Name", month.company.upper()],
        ["Currency", "INR"],
        ["Branch", "PUNE - KOREGAON PARK"],
        ["Period", f"{start} to {end}"],
        [],
        [
            "Sl. No.",
            "Date",
            "Description",
            "Chq / Ref number",
            "Amount",
            "Dr / Cr",
            "Balance",
            "Dr / Cr",
        ],
    ]
    dates = _formatted(s["date"], "%d-%m-%Y")
    amount = [
        _float_rupees(max(d, c))
        for d, c in zip(s["debit"].tolist(), s["credit"].tolist(), strict=True)
    ]
    side = ["DR" if d else "CR" for d in s["debit"].tolist()]
    balance = [_float_rupees(abs(int(b))) for b in s["balance"]]
    balance_side = ["CR" if int(b) >= 0 else "DR" for b in s["balance"]]

    def rows() -> Iterator[list[Cell]]:
        yield from title
        for number, line in enumerate(
            zip(
                dates,
                s["narration"],
                s["reference"],
                amount,
                side,
                balance,
                balance_side,
                strict=True,
            ),
            start=1,
        ):
            yield [number, *line]
        yield []
        yield ["Opening balance", None, _float_rupees(month.bank_opening)]
        yield ["Closing balance", None, _float_rupees(month.bank_closing)]
        yield ["This is a computer generated statement and does not require a signature."]

    _write_xlsx(path, "Statement", rows())
    return len(title) + 1


def _central(month: Month, path: Path) -> int:
    s = month.statement
    start, end = _period(month, "%d/%m/%Y")
    title: list[list[Cell]] = [
        ["CENTRAL BANK OF INDIA"],
        [f"Account Statement for Account Number {month.account_number} from {start} to {end}"],
        ["Customer Name", month.company.upper()],
        ["Branch", "SHIVAJINAGAR PUNE"],
        [],
        [
            "Post Date",
            "Value Date",
            "Branch Code",
            "Cheque Number",
            "Account Description",
            "Debit",
            "Credit",
            "Balance",
        ],
    ]
    out = _side(s["debit"], _float_rupees)
    into = _side(s["credit"], _float_rupees)
    balance = [
        f"{_exported_amount(abs(int(b)))} {'CR' if int(b) >= 0 else 'DR'}" for b in s["balance"]
    ]
    cheques = s["reference"].where(s["reference"].str.fullmatch(r"\d{6}"), "")

    def rows() -> Iterator[list[Cell]]:
        yield from title
        for line in zip(
            s["date"], s["value_date"], cheques, s["narration"], out, into, balance, strict=True
        ):
            yield [line[0], line[1], "3456", *line[2:]]
        yield []
        yield [
            "Closing Balance",
            None,
            None,
            None,
            None,
            None,
            None,
            f"{_exported_amount(month.bank_closing)} CR",
        ]

    _write_xlsx(path, "Account Statement", rows())
    return len(title) + 1


def _semicolon(month: Month, path: Path) -> int:
    """A `;`-separated CSV with decimal commas, as Excel in a European locale saves it."""
    s = month.statement
    start, end = _period(month, "%d.%m.%Y")
    head = [
        ["Account statement", "", "", "", "", ""],
        ["Account", month.account_number, "", "", "", ""],
        ["Period", f"{start} - {end}", "", "", "", ""],
        [],
        ["Date", "Narration", "Reference", "Debit", "Credit", "Balance"],
    ]

    def money(p: int) -> str:
        return _exported_amount(p, indian=False, decimal=",", group=".")

    body = pd.DataFrame(
        {
            "date": _formatted(s["date"], "%d.%m.%Y"),
            "narration": s["narration"],
            "reference": s["reference"],
            "debit": _side(s["debit"], money, ""),
            "credit": _side(s["credit"], money, ""),
            "balance": [money(int(b)) for b in s["balance"]],
        }
    )
    _write_csv(path, head, body, [], delimiter=";")
    return len(head) + 1


def write_ledger(month: Month, path: Path, layout: str) -> np.ndarray:
    """Write the bank ledger as `layout` (one of LEDGER_LAYOUTS) has it; return each ledger
    line's row."""
    if layout == "journal":
        return _journal(month, path)
    if layout in {"tally-ledger-vouchers", "tally-ledger-vouchers-csv"}:
        return _tally(month, path, csv_file=layout.endswith("csv") or path.suffix.lower() == ".csv")
    raise ValueError(f"layout must be one of {', '.join(LEDGER_LAYOUTS)}, not {layout!r}")


def _tally(month: Month, path: Path, *, csv_file: bool) -> np.ndarray:
    """Tally's Ledger Vouchers report exported: title lines, `Date, Particulars, Vch Type,
    Vch No., Debit, Credit`, the Opening Balance first, each voucher's narration on the row
    below it, `Total` and `Closing Balance` last."""
    g = month.ledger
    flavour = random.Random(month.account_number)
    amount_row = flavour.random() < 0.5
    title: list[list[Any]] = [
        [month.company],
        ["Survey No. 45/2, Baner Road, Pune - 411045"],
        [month.account_name],
        ["Ledger Account"],
        [f"{_strftime(month.start, '%-d-%b-%Y')} to {_strftime(month.end, '%-d-%b-%Y')}"],
        [],
        ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
    ]
    if amount_row:
        title.append(["", "", "", "", "Amount", "Amount"])
    opening_row = len(title) + 1
    has_note = (g["narration"] != "").to_numpy(dtype=bool)
    steps = 1 + has_note.astype(np.int64)
    rows = opening_row + 1 + np.concatenate([[0], np.cumsum(steps)[:-1]]).astype(np.int64)
    particulars = [
        ("To " if d else "By ") + p
        for p, d in zip(g["particulars"], g["debit"].tolist(), strict=True)
    ]
    debit_total = month.books_opening + int(g["debit"].sum())
    credit_total = int(g["credit"].sum())
    closing = month.books_closing
    if csv_file:
        dates: list[Any] = _formatted(g["date"], "%-d-%b-%y")

        def money(p: int) -> Any:
            return f"{p / 100:.2f}" if p else ""
    else:
        dates = list(g["date"])

        def money(p: int) -> Any:
            return _float_rupees(p) if p else None

    debit = [money(p) for p in g["debit"].tolist()]
    credit = [money(p) for p in g["credit"].tolist()]
    opening = (
        ["", "Opening Balance", "", "", money(month.books_opening), ""]
        if month.books_opening >= 0
        else ["", "Opening Balance", "", "", "", money(-month.books_opening)]
    )
    tail = [
        ["", "Total", "", "", money(debit_total), money(credit_total)],
        [
            "",
            "Closing Balance",
            "",
            "",
            "" if closing >= 0 else money(-closing),
            money(closing) if closing >= 0 else "",
        ],
    ]
    lines = zip(
        dates,
        particulars,
        g["voucher_type"],
        g["voucher_no"],
        debit,
        credit,
        g["narration"],
        strict=True,
    )

    def body() -> Iterator[list[Any]]:
        for day, name, vtype, number, dr, cr, note in lines:
            yield [day, name, vtype, number, dr, cr]
            if note:
                yield ["", note, "", "", "", ""]

    if csv_file:
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerows(title)
            writer.writerow(opening)
            frame = pd.DataFrame(body(), dtype=object)
            frame.to_csv(handle, header=False, index=False, lineterminator="\n")
            writer.writerows(tail)
    else:
        _write_xlsx(path, "Ledger Vouchers", [*title, opening, *body(), *tail])
    return rows


def _journal(month: Month, path: Path) -> np.ndarray:
    """xlbo's own Journal sheet: each bank ledger line a voucher of two lines, the bank's and the
    other account's (a party's under Trade Receivables or Trade Payables)."""
    from xlbo.journal_layout import HEADERS

    g = month.ledger
    nominal = {"Salary Payable", "GST Payable", "Rent", "Professional Fees"}
    out: list[list[Cell]] = [list(HEADERS)]
    rows = np.empty(len(g), dtype=np.int64)
    for position, (day, name, vtype, number, note, dr, cr) in enumerate(
        zip(
            g["date"],
            g["particulars"],
            g["voucher_type"],
            g["voucher_no"],
            g["narration"],
            g["debit"].tolist(),
            g["credit"].tolist(),
            strict=True,
        )
    ):
        amount = _float_rupees(dr or cr)
        if name in nominal or name.startswith("TDS"):
            account, party = name, ""
        else:
            account, party = ("Trade Receivables" if dr else "Trade Payables"), name
        bank_line: list[Cell] = [
            day,
            number,
            vtype,
            month.account_name,
            amount if dr else None,
            amount if cr else None,
            "",
            "",
            note,
        ]
        other: list[Cell] = [
            day,
            number,
            vtype,
            account,
            amount if cr else None,
            amount if dr else None,
            party,
            "",
            note,
        ]
        if dr:  # the debit first, as vouchers are entered
            rows[position] = len(out) + 1
            out += [bank_line, other]
        else:
            rows[position] = len(out) + 2
            out += [other, bank_line]
    _write_xlsx(path, "Journal", out)
    return rows


# ---------------------------------------------------------------------------------------------
# Scoring a reconciliation against the truth.


@dataclass(frozen=True)
class Score:
    """Found links against the true ones. Lines a matcher cannot tell apart are interchangeable:
    a link to the twin of the true line counts as right. Twins are lines of one side with the
    same date, amount and party (the name as the matcher folds it) and, in the books, the same
    voucher type and reference: two `Rent` lines of 50,000.00 the same day, or two ₹1,000 UPI
    credits from one handle the same day whose RRNs the books do not carry. `right_strict`
    counts only the true pairs themselves."""

    true_links: int
    found_links: int
    right: int
    right_strict: int
    false: list[tuple[int, int]]
    """Found pairs that are wrong even allowing for twins (positions)."""
    missed: list[tuple[int, int]]
    """True pairs not found, even allowing for twins (positions)."""
    tied: int = 0
    """Of the `right` pairs, those that only pair one party's equal amounts otherwise than the
    truth as near in date (see `_tied_cycles`): the bank's ₹25,000 of the 19th from Bajwa
    Textiles twice, the books' of the 18th and the 19th, either way round one day in all."""
    crossed: int = 0
    """Of the `false` pairs, those that only cross the true pairs of one party's equal amounts
    in time: the bank's ₹5,000 of the 6th and the 8th from one payer with the books' of the 5th
    and the 6th, paired first with first where the truth paired them across. Nothing in the
    lines but their dates tells the two pairings apart."""

    @property
    def precision(self) -> float:
        return self.right / self.found_links if self.found_links else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.true_links if self.true_links else 1.0

    @property
    def precision_any_day(self) -> float:
        """Precision where one party's equal amounts in the window count as interchangeable
        whatever their dates (`crossed`)."""
        return (self.right + self.crossed) / self.found_links if self.found_links else 1.0


def _twins(frame: pd.DataFrame, columns: list[str]) -> np.ndarray:
    keys = frame[columns].astype(str)
    return np.asarray(keys.groupby(columns, sort=False).ngroup().to_numpy(), dtype=np.int64)


def score(month: Month, found: Iterable[tuple[int, int]]) -> Score:
    """Score `found` (statement position, ledger position) links against `month.truth`."""

    truth = month.truth
    pairs = sorted(set(found))
    strangers = [p for p in pairs if p[0] < 0 or p[1] < 0]  # rows that are no generated line
    pairs = [p for p in pairs if p[0] >= 0 and p[1] >= 0]
    # what a matcher can see of a line: its date, amount, party and (books) the reference it
    # carries — a bank line's UTR or RRN tells it from its twin only where the books carry it,
    # and then the reference pass pairs it strictly
    from xlbo.bank.parties import ledger_party_keys, narration_names, party_keys

    statement = month.statement.assign(
        party=party_keys(narration_names(month.statement["narration"].fillna("").astype(str)))
    )
    ledger = month.ledger.assign(
        party=ledger_party_keys(month.ledger["particulars"].fillna("").astype(str))
    )
    bank_twin = _twins(statement, ["date", "value_date", "party", "debit", "credit"])
    book_twin = _twins(ledger, ["date", "party", "voucher_type", "reference", "debit", "credit"])

    def key(pair: tuple[int, int]) -> tuple[int, int]:
        return int(bank_twin[pair[0]]), int(book_twin[pair[1]])

    true_budget = Counter(key(p) for p in truth)
    found_budget = Counter(key(p) for p in pairs)
    strict = [p for p in pairs if p in truth]
    for p in strict:
        true_budget[key(p)] -= 1
        found_budget[key(p)] -= 1
    false: list[tuple[int, int]] = list(strangers)
    right = len(strict)
    for p in pairs:
        if p in truth:
            continue
        if true_budget[key(p)] > 0:
            true_budget[key(p)] -= 1
            right += 1
        else:
            false.append(p)
    missed: list[tuple[int, int]] = []
    found_right = set(strict)
    for p in sorted(truth):
        if p in found_right:
            continue
        if found_budget[key(p)] > 0:
            found_budget[key(p)] -= 1
        else:
            missed.append(p)
    tied = _tied_cycles(month, pairs, false, ledger["party"].to_numpy(dtype=object))
    if tied:
        right += len(tied)
        false = [p for p in false if p not in tied]
        tied_bank = {b for b, _ in tied}
        missed = [p for p in missed if p[0] not in tied_bank]
    # false pairs that only cross missed true pairs of one party's equal amounts in time
    bank_any = _twins(statement, ["party", "debit", "credit"])
    book_any = _twins(ledger, ["party", "voucher_type", "reference", "debit", "credit"])
    unfound = Counter((int(bank_any[b]), int(book_any[g])) for b, g in missed)
    crossed = 0
    for b, g in false:
        if b >= 0 and g >= 0 and unfound[(int(bank_any[b]), int(book_any[g]))] > 0:
            unfound[(int(bank_any[b]), int(book_any[g]))] -= 1
            crossed += 1
    return Score(
        len(truth),
        len(pairs) + len(strangers),
        right,
        len(strict),
        false,
        missed,
        len(tied),
        crossed,
    )


TIED_CYCLE = 50
"""Lines a cycle of `_tied_cycles` may pass through before it is given up: one party's equal
amounts of a month, well past any real run."""


def _tied_cycles(
    month: Month,
    found: list[tuple[int, int]],
    false: list[tuple[int, int]],
    book_party: np.ndarray,
) -> set[tuple[int, int]]:
    """The false 1:1 pairs that close a cycle with the truth (bank line → the ledger line found
    for it → that ledger line's true bank line → … → back) through ledger lines of one party
    and one amount, whose days apart add up to the truth's: one party's equal amounts paired
    otherwise, but as near in date. The bank's names may differ where the truth's ledger
    lines are one party's (`BAJWA TEXTILES PVT L`, `BAJWA TEXTILES PRIVA`: one firm, cut
    short two ways), so nothing in the lines tells the two pairings apart. 1:1 among all the
    `found` pairs, right ones too: a line found twice (its true partner and another's) is
    no pairing otherwise, and leaves a true link counted twice."""
    truth = month.truth
    bank_links = Counter(b for b, _ in truth)
    book_links = Counter(g for _, g in truth)
    single = [(b, g) for b, g in truth if bank_links[b] == 1 and book_links[g] == 1]
    true_of_book = {g: b for b, g in single}
    true_of_bank = dict(single)
    found_bank = Counter(b for b, _ in found)
    found_book = Counter(g for _, g in found)
    found_of_bank = {
        b: g for b, g in false if b >= 0 and g >= 0 and found_bank[b] == 1 and found_book[g] == 1
    }
    bank_day = day_numbers(month.statement["date"])
    book_day = day_numbers(month.ledger["date"])
    ledger = month.ledger
    amount = (ledger["debit"].fillna(0) - ledger["credit"].fillna(0)).to_numpy()
    tied: set[tuple[int, int]] = set()
    for start, first in found_of_bank.items():
        if (start, first) in tied or start not in true_of_bank:
            continue
        cycle, at = [(start, first)], first
        for _ in range(TIED_CYCLE):
            nxt = true_of_book.get(at)
            if nxt is None or nxt == start or nxt not in found_of_bank:
                break
            at = found_of_bank[nxt]
            cycle.append((nxt, at))
        if true_of_book.get(at) != start or len(cycle) < 2:
            continue
        books = [g for _, g in cycle]
        if len({book_party[g] for g in books}) != 1 or len({amount[g] for g in books}) != 1:
            continue
        found_days = sum(abs(int(bank_day[b] - book_day[g])) for b, g in cycle)
        true_days = sum(abs(int(bank_day[b] - book_day[true_of_bank[b]])) for b, _ in cycle)
        if found_days == true_days:
            tied.update(cycle)
    return tied


def positions_of(rows: np.ndarray) -> dict[int, int]:
    """Row → position, for turning a result's Bank Row / Ledger Row back into lines."""
    return {int(r): p for p, r in enumerate(rows.tolist())}


def found_links(
    pairs_of_rows: Iterable[tuple[int, int]], statement_rows: np.ndarray, ledger_rows: np.ndarray
) -> list[tuple[int, int]]:
    """(Bank Row, Ledger Row) pairs of a result as (statement, ledger) positions; rows that are
    no generated line map to -1 (so they count as false)."""
    bank, books = positions_of(statement_rows), positions_of(ledger_rows)
    return [(bank.get(int(b), -1), books.get(int(g), -1)) for b, g in pairs_of_rows]


def matched_rows(out: Path) -> list[tuple[int, int]]:
    """The (Bank Row, Ledger Row) pairs of a reconcile result: its Matches sheet, or the
    `<out>-matches.csv` beside it when the long tables went to files."""
    import python_calamine

    book = python_calamine.CalamineWorkbook.from_path(str(out))
    if "Matches" in book.sheet_names:
        cells = book.get_sheet_by_name("Matches").to_python(skip_empty_area=False)
        header = next(i for i, r in enumerate(cells) if "Bank Row" in r and "Ledger Row" in r)
        names = [str(c) for c in cells[header]]
        frame = pd.DataFrame(cells[header + 1 :], columns=names)[["Bank Row", "Ledger Row"]]
        frame = frame[frame["Bank Row"] != ""]
    else:
        beside = out.with_name(f"{out.stem}-matches.csv")
        frame = pd.read_csv(beside, usecols=["Bank Row", "Ledger Row"])
    return [
        (int(float(b)), int(float(g)))
        for b, g in zip(frame["Bank Row"], frame["Ledger Row"], strict=True)
    ]
