"""Literal inputs for the letters tests: a master with a Company and three employees, books with
a Journal, and Word templates written run by run with python-docx (so a test can split a tag
across two runs the way Word does)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from tests.conftest import write_xlsx

COMPANY = [
    ["Name", "Address", "State", "GSTIN", "Email", "Phone", "Language"],
    [
        "Sahyadri Tradelinks Private Limited",
        "Office 402, Baner Road, Pune 411045",
        "Maharashtra",
        "27AAPFU0939F1ZV",
        "accounts@sahyadri.example.in",
        "020-41234567",
        "en",
    ],
]
EMPLOYEES = [
    [
        "Employee ID",
        "Name",
        "Gender",
        "Date of Birth",
        "Date of Joining",
        "Date of Leaving",
        "Work State",
        "Department",
        "Designation",
        "Aadhaar",
        "UAN",
        "Basic",
        "DA",
        "HRA",
        "Special Allowance",
        "Other Allowances",
        "Email",
        "Language",
    ],
    [
        "E001",
        "Asha Kulkarni",
        "Female",
        date(1990, 5, 14),
        date(2024, 4, 1),
        None,
        "Maharashtra",
        "Accounts",
        "Accounts Executive",
        "234123412346",
        "100782589292",
        25000,
        0,
        10000,
        5000,
        1500.5,
        "asha@example.in",
        "",
    ],
    [
        "E002",
        "Ravi Verma",
        "Male",
        date(1985, 1, 2),
        date(2020, 7, 15),
        date(2026, 10, 31),
        "Maharashtra",
        "Sales",
        "Sales Manager",
        "",
        "",
        40000,
        0,
        16000,
        9000,
        0,
        "ravi@example.in",
        "hi",
    ],
    [
        "E003",
        "Meena & Sons <Trainee>",
        "Female",
        date(2001, 3, 3),
        date(2026, 11, 1),
        None,
        "Maharashtra",
        "Stores",
        "Trainee",
        "",
        "",
        12000,
        0,
        0,
        0,
        0,
        "",
        "",
    ],
]


@pytest.fixture
def master(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "master.xlsx", {"Company": COMPANY, "Employees": EMPLOYEES})


def docx_bytes(paragraphs: Sequence[Sequence[str] | str], title: str = "") -> bytes:
    """A Word document with each paragraph written as the given runs (a list of texts: one run
    each, as Word keeps a tag it has split)."""
    document = Document()
    if title:
        document.core_properties.title = title
    for paragraph in paragraphs:
        runs = [paragraph] if isinstance(paragraph, str) else list(paragraph)
        made = document.add_paragraph()
        for index, text in enumerate(runs):
            run = made.add_run(text)
            run.bold = bool(index % 2)  # a run of its own formatting, as Word splits them
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def write_docx(path: Path, paragraphs: Sequence[Sequence[str] | str], title: str = "") -> Path:
    path.write_bytes(docx_bytes(paragraphs, title))
    return path
