"""Believable, well-formed identifiers for the fictional demo company.

Every number made here passes its format and check-digit rules (so the demo's *deliberate*
mistakes are the only ones); none belongs to a real person or business.
"""

from __future__ import annotations

import random

from xlbo.ids.checksums import gstin_check_character, verhoeff_check_digit

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

BANKS: tuple[tuple[str, str, int], ...] = (
    ("HDFC", "HDFC Bank", 14),
    ("ICIC", "ICICI Bank", 12),
    ("SBIN", "State Bank of India", 11),
    ("UTIB", "Axis Bank", 15),
    ("KKBK", "Kotak Mahindra Bank", 10),
    ("PUNB", "Punjab National Bank", 16),
    ("BARB", "Bank of Baroda", 14),
    ("CNRB", "Canara Bank", 13),
    ("YESB", "Yes Bank", 15),
    ("IDFB", "IDFC First Bank", 11),
)
"""Bank code (IFSC prefix), name and account-number length."""


def pan(rng: random.Random, holder: str, name: str) -> str:
    """A PAN: three letters, holder type (P person, C company, F firm), the name's initial,
    four digits (not 0000) and a letter."""
    initial = next((c for c in name.upper() if c in LETTERS), "X")
    serial = rng.randint(1, 9999)
    return f"{''.join(rng.choices(LETTERS, k=3))}{holder}{initial}{serial:04d}{rng.choice(LETTERS)}"


def gstin(rng: random.Random, state_code: str, pan_number: str) -> str:
    """A GSTIN for a PAN in a state, first registration, with its check character."""
    first14 = f"{state_code}{pan_number}{rng.choice('1112')}Z"
    return first14 + gstin_check_character(first14)


def aadhaar(rng: random.Random) -> str:
    first11 = str(rng.randint(2, 9)) + "".join(rng.choices("0123456789", k=10))
    return first11 + verhoeff_check_digit(first11)


def uan(rng: random.Random) -> str:
    return "10" + "".join(rng.choices("0123456789", k=10))


def esi_number(rng: random.Random) -> str:
    return str(rng.choice((31, 32, 33, 41, 51, 52))) + "".join(rng.choices("0123456789", k=8))


def mobile(rng: random.Random) -> str:
    return str(rng.choice("6789")) + "".join(rng.choices("0123456789", k=9))


def bank_account(rng: random.Random) -> tuple[str, str]:
    """(account number, IFSC) at a random bank."""
    code, _, length = rng.choice(BANKS)
    number = str(rng.randint(1, 9)) + "".join(rng.choices("0123456789", k=length - 1))
    branch = f"{rng.randint(0, 9999):04d}" if code != "SBIN" else f"{rng.randint(1, 99999):05d}"
    ifsc = f"{code}0{branch:0>6}"
    return number, ifsc
