"""The Validate job's deeper checks: identifiers, cross-table rules and data quality."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from xlbo.ids.checksums import gstin_check_character
from xlbo.issues import Issue, Severity
from xlbo.jobs.validate import validate
from xlbo.names import party_key


def gstin(state: str, pan: str) -> str:
    return f"{state}{pan}1Z" + gstin_check_character(f"{state}{pan}1Z")


VENDOR = ["Vendor Code", "Name", "GSTIN", "PAN", "State", "Bank Account", "IFSC"]
EMPLOYEE = [
    "Employee ID",
    "Name",
    "Gender",
    "Date of Birth",
    "Date of Joining",
    "Work State",
    "Basic",
    "PAN",
    "Bank Account",
    "IFSC",
    "Aadhaar",
]
ASHA = [
    "E001",
    "Asha Rao",
    "Female",
    "14-05-1990",
    "01-04-2022",
    "Karnataka",
    20000,
    "ABCPR1234K",
    "50100012345678",
    "HDFC0001234",
    "234123412346",
]


@pytest.fixture
def check(xlsx: Callable[..., Path]) -> Callable[..., list[Issue]]:
    def run(
        vendors: list[list[Any]] | None = None, employees: list[list[Any]] | None = None
    ) -> list[Issue]:
        path = xlsx(
            {
                "Company": [
                    ["Name", "State"],
                    ["Sahyadri Tradelinks Private Limited", "Maharashtra"],
                ],
                "Employees": [EMPLOYEE, *(employees or [ASHA])],
                "Vendors": [VENDOR, *(vendors or [])],
                "Customers": [["Customer Code", "Name"]],
                "Accounts": [["Account", "Group", "Sub-group", "Nature"]],
                "Bank Accounts": [["Account", "Bank", "Account Number", "IFSC"]],
            },
            name="master.xlsx",
        )
        return [i for i in validate(path).issues if i.severity is not Severity.INFO]

    return run


def problems(issues: list[Issue]) -> dict[str, str]:
    return {f"{i.sheet}!{i.cell}": i.problem for i in issues}


def test_a_clean_master_has_nothing_to_say(check: Callable[..., list[Issue]]) -> None:
    vendors = [
        [
            "V001",
            "Shree Balaji Traders",
            gstin("27", "AAPFU0939F"),
            "AAPFU0939F",
            "Maharashtra",
            "912020012345678",
            "UTIB0000123",
        ]
    ]
    assert check(vendors) == []


def test_identifier_errors_point_at_the_cell(check: Callable[..., list[Issue]]) -> None:
    employee = [*ASHA[:7], "ABCPR1234", "5010001234", "HDFCO001234", "234123412345"]
    found = problems(check(employees=[employee]))
    assert (
        found["Employees!H2"]
        == "PAN has 10 characters (5 letters, 4 digits, 1 letter); 'ABCPR1234' has 9"
    )
    assert found["Employees!J2"] == "IFSC's 5th character is the digit 0 (zero), not the letter O"
    assert found["Employees!K2"] == "Aadhaar check digit should be 6, not 5; a digit is mistyped"


def test_gstin_must_carry_the_pan_and_the_state(check: Callable[..., list[Issue]]) -> None:
    vendors = [
        [
            "V001",
            "Om Sai Logistics",
            gstin("24", "AAPFU0939F"),
            "AAPFK1234L",
            "Maharashtra",
            None,
            None,
        ]
    ]
    found = problems(check(vendors))
    assert (
        found["Vendors!D2"]
        == f"GSTIN {gstin('24', 'AAPFU0939F')} carries PAN AAPFU0939F, but the PAN column says AAPFK1234L"
    )
    assert found["Vendors!E2"].endswith("is registered in Gujarat (24), but State says Maharashtra")


def test_pt_state_without_slabs_is_a_warning(check: Callable[..., list[Issue]]) -> None:
    kerala = [*ASHA[:5], "Kerala", *ASHA[6:]]
    [issue] = check(employees=[kerala])
    assert issue.severity is Severity.WARNING
    assert issue.cell == "F2"
    assert (
        issue.problem
        == "Kerala levies professional tax, but the PT Slabs sheet has no rows for it (1 employee work there)"
    )


def test_numbers_shared_between_codes(check: Callable[..., list[Issue]]) -> None:
    same_gstin = gstin("27", "AAPFU0939F")
    vendors = [
        [
            "V001",
            "Om Sai Logistics",
            same_gstin,
            "AAPFU0939F",
            "Maharashtra",
            "912020012345678",
            None,
        ],
        ["V002", "Om Sai Transport", same_gstin, "AAPFU0939F", "Maharashtra", None, None],
        ["V003", "Kaveri Electricals", None, None, None, "50100012345678", None],
    ]
    employees = [
        ASHA,
        ["E002", "Ravi Iyer", "Male", "07-03-1991", "01-04-2022", "Karnataka", 15000, "ABCPR1234K"],
    ]
    found = problems(check(vendors, employees))
    assert found["Vendors!C3"] == f"GSTIN {same_gstin} of V002 is also V001's"
    assert found["Vendors!D3"] == "PAN AAPFU0939F of V002 is also V001's"
    assert found["Vendors!F4"] == "Vendor V003's bank account is employee E001's salary account"
    assert found["Employees!H3"] == "PAN ABCPR1234K of E002 is also E001's"


def test_one_pan_in_two_states_is_not_a_duplicate(check: Callable[..., list[Issue]]) -> None:
    vendors = [
        [
            "V001",
            "Om Sai Logistics",
            gstin("27", "AAPFU0939F"),
            "AAPFU0939F",
            "Maharashtra",
            None,
            None,
        ],
        [
            "V002",
            "Om Sai Logistics",
            gstin("29", "AAPFU0939F"),
            "AAPFU0939F",
            "Karnataka",
            None,
            None,
        ],
    ]
    found = problems(check(vendors))
    assert not any("PAN" in p for p in found.values())


def test_near_duplicate_names(check: Callable[..., list[Issue]]) -> None:
    vendors = [
        ["V001", "Shree Balaji Traders Pvt Ltd", None, None, None, None, None],
        ["V002", "M/s. Sri Balaji Traders Private Limited", None, None, None, None, None],
        ["V003", "Balaji Steel Traders", None, None, None, None, None],
        ["V004", "Deccan Office Supplies LLP", None, None, None, None, None],
        ["V005", "Deccan Ofice Supplies", None, None, None, None, None],
    ]
    found = problems(check(vendors))
    assert (
        found["Vendors!B3"]
        == "V002 'M/s. Sri Balaji Traders Private Limited' looks the same as V001 'Shree Balaji Traders Pvt Ltd'"
    )
    assert (
        found["Vendors!B6"]
        == "V005 'Deccan Ofice Supplies' looks very like V004 'Deccan Office Supplies LLP'"
    )
    assert "Vendors!B4" not in found


def test_exact_duplicates_and_the_same_person_twice(check: Callable[..., list[Issue]]) -> None:
    twin = ["E002", *ASHA[1:7]]
    namesake = ["E003", "Asha Rao", "Female", "02-02-1985", "01-04-2022", "Karnataka", 20000]
    found = problems(check(employees=[ASHA[:7], twin, namesake]))
    assert found["Employees!A3"] == "E002 is the same as E001 in every column but the code"
    assert found["Employees!B3"] == "E002 has the same name and date of birth as E001"
    assert not any(cell.endswith("4") for cell in found)  # same name, other birthday: two people


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Shree Balaji Traders Pvt. Ltd.", "sri balaji traders"),
        ("SRI BALAJI TRADERS PRIVATE LIMITED", "sri balaji traders"),
        ("Sharma & Co.", "sharma"),
        ("Deccan Office Supplies LLP", "deccan office supplies"),
        ("M/s Krishna Packaging Industries (India) Pvt Ltd", "krishna packaging industries"),
        ("Mohd Rafiq Qureshi", "mohammed rafiq qureshi"),
    ],
)
def test_party_names_fold_to_one_key(name: str, key: str) -> None:
    assert party_key(name) == key
