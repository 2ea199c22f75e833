"""Fixed-format files (EPFO ECR, ESIC upload, bank transfer CSV): separators and line breaks in a
field are taken out, and each change is reported."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal as D

import pytest

from tests.payroll.test_review_cases import person, rules
from xlbo.payroll.attendance import Attendance
from xlbo.payroll.compute import PayLine, YearToDate, compute
from xlbo.payroll.fixed_fields import FixedFile, clean_field
from xlbo.payroll.outputs import (
    bank_transfers,
    ecr_text,
    esi_contributions,
    fixed_field_changes,
)
from xlbo.sheets.payroll import bank_csv

ECR, ESI, BANK = FixedFile.ECR, FixedFile.ESI, FixedFile.BANK
SEPARATOR = "'#~#' (the ECR field separator)"

CLEANED = [
    # (text, file, written, what was removed)
    ("Ravi Patil", ECR, "Ravi Patil", ()),
    ("Ravi#~#Patil", ECR, "Ravi Patil", (SEPARATOR,)),
    ("Ravi#~#1#~#2", ECR, "Ravi 1 2", (SEPARATOR,)),
    (
        "Ravi#~",
        ECR,
        "Ravi",
        ("'#' (part of the ECR field separator)", "'~' (part of the ECR field separator)"),
    ),
    ("Ravi\nPatil", ECR, "Ravi Patil", ("a line break",)),
    ("Ravi\r\nPatil\t", ESI, "Ravi Patil", ("a line break", "a tab")),
    ("Ravi\x07Patil", ESI, "Ravi Patil", ("the invisible character U+0007",)),
    ("Ravi\u2028Patil", ESI, "Ravi Patil", ("a line break",)),
    ("Ravi#~#Patil", ESI, "Ravi#~#Patil", ()),  # an Excel cell holds '#~#' safely
    ("Shah, Ketan", BANK, "Shah Ketan", ("a comma (the CSV field separator)",)),
    ('Ketan "KB" Shah', BANK, "Ketan KB Shah", ("a double quote (the CSV quote mark)",)),
    ("Shah;Ketan", BANK, "Shah Ketan", ("a semicolon (a field separator to some banks)",)),
    ("Shah, Ketan", ECR, "Shah, Ketan", ()),
    ("Ram\u200besh", BANK, "Ramesh", ("the invisible character U+200B",)),
    ("", BANK, "", ()),
]


@pytest.mark.parametrize(("text", "file", "written", "removed"), CLEANED)
def test_clean_field(text: str, file: FixedFile, written: str, removed: tuple[str, ...]) -> None:
    assert clean_field(text, file) == (written, removed)


def paid_line(**changes: object) -> PayLine:
    worker = person(
        basic=D(12000),
        hra=D(4800),
        uan="100123456789",
        esi_number="3100012345",
        bank_account="50100012345678",
        ifsc="HDFC0001234",
        work_state="Maharashtra",
        **changes,
    )
    return compute(worker, rules(date(2026, 10, 1)), Attendance(), YearToDate())


def test_a_name_with_the_ecr_separator_keeps_the_line_at_eleven_fields() -> None:
    line = paid_line(name="Asha#~#999999#~#Rao\nX")
    fields = ecr_text([line]).splitlines()
    assert len(fields) == 1
    assert fields[0].split("#~#")[:3] == ["100123456789", "ASHA 999999 RAO X", "16800"]
    assert len(fields[0].split("#~#")) == 11


def test_bank_file_keeps_six_columns_and_one_line_per_credit() -> None:
    line = paid_line(name='Rao, "Asha"\r\nK')
    text = bank_csv(bank_transfers([line], date(2026, 10, 1), {"E1"}))
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1][:3] == ["Rao Asha K", "50100012345678", "HDFC0001234"]
    assert len(text.splitlines()) == 2
    assert '"' not in text


def test_esi_upload_name_has_no_line_break() -> None:
    line = paid_line(name="Asha\nRao")
    assert esi_contributions([line], date(2026, 10, 1))["IP Name"].tolist() == ["Asha Rao"]


def test_each_change_is_reported_per_file() -> None:
    line = paid_line(name="Asha#~#Rao, K")
    changes = fixed_field_changes([line], {"E1"})
    assert [(c.file, c.header, c.written) for c in changes] == [
        (ECR, "Name", "ASHA RAO, K"),
        (BANK, "Name", "Asha#~#Rao K"),
    ]
    assert changes[0].problem == (
        "E1: Name holds '#~#' (the ECR field separator), which the EPFO ECR cannot carry; "
        "it has 'ASHA RAO, K' there"
    )


def test_nothing_reported_for_clean_names_or_files_the_employee_is_not_in() -> None:
    assert fixed_field_changes([paid_line()], {"E1"}) == []
    # not payable: the comma would only matter in the bank file
    assert fixed_field_changes([paid_line(name="Rao, Asha")], set()) == []
