"""Which bank a heading, a ledger's title or a sheet's name names (xlbo.bank.banks)."""

from __future__ import annotations

import pytest

from xlbo.bank.banks import account_number, bank_name, bank_named, bank_of


@pytest.mark.parametrize(
    ("text", "bank"),
    [
        ("HDFC BANK Ltd.", "HDFC"),
        ("ICICI Bank Current A/c", "ICIC"),
        ("State Bank of India", "SBIN"),
        ("SBI OD A/c", "SBIN"),
        ("Bank of India - CC A/c", "BKID"),
        ("Union Bank of India", "UBIN"),
        ("Central Bank of India", "CBIN"),
        ("Indian Bank", "IDIB"),
        ("Indian Overseas Bank", "IOBA"),
        ("South Indian Bank", "SIBL"),
        ("The Federal Bank Ltd", "FDRL"),
        ("KOTAK MAHINDRA BANK", "KKBK"),
        ("Axis", "UTIB"),
        ("Punjab & Sind Bank", "PSIB"),
        ("IDFC FIRST Bank", "IDFB"),
        ("IFSC : KARB0000123", "KARB"),
        ("IFSC: ABHY0065001", "ABHY"),  # a bank not in the table, known by its IFSC
        ("Reserve Bank of India", ""),  # no bank an account is kept at
        ("IDBI Bank Ltd", "IBKL"),
        ("Bank Book", ""),
        ("Nov-26", ""),
        ("Federal Traders", ""),
        ("", ""),
    ],
)
def test_a_bank_is_known_by_its_name_or_ifsc(text: str, bank: str) -> None:
    assert bank_named(text) == bank


def test_an_ifsc_outranks_a_name_and_the_first_name_the_rest() -> None:
    assert bank_of(["Near SBI ATM, MG Road", "IFSC HDFC0000123"]) == "HDFC"
    assert bank_of(["Bank Book", "HDFC 50200012345678", "ICICI"]) == "HDFC"
    assert bank_of(["Bank Book", "November 2026"]) == ""
    assert (bank_name("UTIB"), bank_name("ABHY")) == ("Axis Bank", "ABHY")
    # a statement's heading (strict): a name with Bank in it, or one no other word is
    assert bank_of(["OPP. SBI, MG ROAD", "AXIS TRADERS"], strict=True) == ""
    assert bank_of(["State Bank of India", "HDFC"], strict=True) == "SBIN"
    assert bank_of(["HDFC LTD"], strict=True) == "HDFC"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("HDFC Bank A/c 50200012345678", "50200012345678"),
        ("HDFC 5020-0012-345678", "50200012345678"),
        ("Account Number XXXXXXXXXX5678", "??????????5678"),
        ("HDFC OD 2026-27", ""),  # a year, not an account
        ("Bank Book", ""),
    ],
)
def test_an_account_number_is_read_as_printed(text: str, number: str) -> None:
    assert account_number(text) == number
