"""Payslip file names from Employee IDs: safe on any disk, one file per employee."""

from __future__ import annotations

import re

import pytest

from xlbo.payroll.file_names import WINDOWS_RESERVED, payslip_names

NAMES = [
    # (Employee ID, file name)
    ("SPL001", "SPL001.xlsx"),
    ("E-7_b", "E-7_b.xlsx"),
    ("SPL_001X", "SPL_001X.xlsx"),
    ("SPL/001X", "SPL_001X-acf0f098.xlsx"),  # the three IDs of issue #12 stay three files
    ("SPL 001X", "SPL_001X-96782099.xlsx"),
    ("CON", "CON-a3dbc4b6.xlsx"),  # names Windows keeps for devices, any case
    ("nul", "nul-99e62427.xlsx"),
    ("LPT9", "LPT9-fc889fa9.xlsx"),
    ("com1", "com1-957a49c3.xlsx"),
    ("E001.", "E001-67e4bb23.xlsx"),  # a trailing dot or space vanishes on Windows
    ("E001 ", "E001-2db12e59.xlsx"),
    ('a<b>c:d"e|f?g*h\\i', "a_b_c_d_e_f_g_h_i-9797afda.xlsx"),
    ("../../etc/passwd", "etc_passwd-3754d6cb.xlsx"),
    ("-E7-", "E7-5a7bdfe7.xlsx"),
    ("x" * 60, "x" * 48 + "-42f2d973.xlsx"),
    ("राम", "employee-5e2d9ce3.xlsx"),
]


def test_names_from_a_literal_table() -> None:
    names = payslip_names(code for code, _ in NAMES)
    assert names == dict(NAMES)


@pytest.mark.parametrize("code", [code for code, _ in NAMES])
def test_a_name_does_not_depend_on_the_other_employees(code: str) -> None:
    assert payslip_names([code]) == {code: dict(NAMES)[code]}


def test_every_name_is_safe_on_windows_and_distinct_ignoring_case() -> None:
    names = list(payslip_names(code for code, _ in NAMES).values())
    assert len({name.casefold() for name in names}) == len(names)
    for name in names:
        stem = name.removesuffix(".xlsx")
        assert re.fullmatch(r"[A-Za-z0-9_-]+", stem), name
        assert stem.split(".")[0].upper() not in WINDOWS_RESERVED
        assert len(name) <= 62


def test_names_that_would_meet_on_a_case_blind_disk_both_get_a_hash() -> None:
    assert payslip_names(["ab", "AB"]) == {
        "ab": "ab-fb8e20fc2e4c.xlsx",
        "AB": "AB-38164fbd1760.xlsx",
    }


def test_an_id_that_looks_like_another_ids_hashed_name_cannot_take_its_file() -> None:
    assert payslip_names(["SPL/001X", "SPL_001X-acf0f098"]) == {
        "SPL/001X": "SPL_001X-acf0f0987749.xlsx",
        "SPL_001X-acf0f098": "SPL_001X-acf0f098-b447b42e578d.xlsx",
    }
