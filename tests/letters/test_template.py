"""Checking a template before the merge, and the fields a row gives it."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.letters.conftest import docx_bytes
from xlbo.letters.fields import (
    field_text,
    jinja_name,
    mask,
    names_of,
    row_fields,
    with_symbol,
)
from xlbo.letters.shipped import SHIPPED
from xlbo.letters.template import (
    Fields,
    Merger,
    TemplateProblem,
    check_template,
    docx_text,
    read_tags,
)
from xlbo.master.schema import BY_SHEET
from xlbo.words import Language

HEADERS = ["Employee ID", "Employee Name", "Date of Joining", "Father's Name", "Email"]
FIELDS = Fields(names_of(HEADERS), {"row", "company", "today"})


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("Employee Name", "Employee_Name"),
        ("Date of Joining", "Date_of_Joining"),
        ("Payment Terms (days)", "Payment_Terms_days"),
        ("Voluntary PF %", "Voluntary_PF"),
        ("1st Contact", "_1st_Contact"),
        ("in", "in_"),
        ("  ", ""),
    ],
)
def test_a_header_as_a_tag_name(header: str, name: str) -> None:
    assert jinja_name(header) == name


def test_a_cell_as_a_letter_prints_it() -> None:
    assert field_text(datetime(2026, 4, 1)) == "01-04-2026"
    assert field_text(date(2026, 4, 1)) == "01-04-2026"
    assert field_text(25000.0) == "25000"
    assert field_text(25000.0, money=True) == "25,000.00"
    assert field_text("1234567.5", money=True) == "12,34,567.50"
    assert field_text(None) == "" and field_text("#N/A") == ""
    assert field_text(True) == "Yes"
    assert with_symbol("1,25,000.00") == "₹1,25,000.00"
    assert mask("2341 2341 2346") == "XXXX XXXX 2346"
    assert row_fields(["A", "B"], [1.0, None]) == {"A": "1", "B": ""}


def test_a_tag_word_has_split_is_named_before_anything_is_merged() -> None:
    template = docx_bytes(["Dear {{ Employee_Name }},", ["Joined on {{ Date_", "of_Joining }}."]])
    problems = check_template(template, FIELDS, "Employees")
    assert len(problems) == 1
    assert "'{{ Date_of_Joining }}'" in problems[0]
    assert "split by Word" in problems[0] and "type it again" in problems[0]
    tags = read_tags(template)
    assert [(t.text, t.split) for t in tags] == [
        ("{{ Employee_Name }}", False),
        ("{{ Date_of_Joining }}", True),
    ]


def test_braces_split_from_each_other_are_a_split_tag() -> None:
    problems = check_template(docx_bytes([["{", "{ Employee_Name }}"]]), FIELDS, "Employees")
    assert problems and "'{{ Employee_Name }}'" in problems[0]


def test_a_tag_naming_no_column_lists_the_columns() -> None:
    template = docx_bytes(["Dear {{ Employe_Name }}, ({{ Employee_ID }})"])
    problems = check_template(template, FIELDS, "Employees")
    assert problems == [
        "'{{ Employe_Name }}' names no column of Employees (Employe_Name); its columns are: "
        "Employee_ID, Employee_Name, Date_of_Joining, Father_s_Name, Email"
    ]


def test_row_by_header_must_name_a_header() -> None:
    good = docx_bytes(['{{ row["Father\'s Name"] }} {{ row["employee name"] }}'])
    assert check_template(good, FIELDS, "Employees") == []
    bad = docx_bytes(['{{ row["Mother Name"] }}'])
    (problem,) = check_template(bad, FIELDS, "Employees")
    assert 'row["Mother Name"]' in problem and '"Father\'s Name"' in problem
    lenient = docx_bytes(['{{ row.get("Mother Name", "") }}'])
    assert check_template(lenient, FIELDS, "Employees") == []


def test_a_tag_left_open_or_unreadable() -> None:
    with pytest.raises(TemplateProblem, match="'{{ Employee_Name ,' in its document is not closed"):
        check_template(docx_bytes(["Dear {{ Employee_Name ,"]), FIELDS, "Employees")
    (problem,) = check_template(docx_bytes(["{{ Employee_Name | }}"]), FIELDS, "Employees")
    assert "'{{ Employee_Name | }}' is not a Jinja expression" in problem


def test_not_a_word_document() -> None:
    with pytest.raises(TemplateProblem, match=r"not a Word document \(\.docx\)"):
        read_tags(b"PK\x03\x04 not really a zip")


def test_cell_text_is_never_markup() -> None:
    merged = Merger(docx_bytes(["To {{ Employee_Name }}"])).merge(
        {"Employee_Name": "Meena & Sons <Trainee>"}, Language.EN
    )
    assert "To Meena & Sons <Trainee>" in docx_text(merged)


@pytest.mark.parametrize("name", sorted(SHIPPED))
@pytest.mark.parametrize("language", list(Language))
def test_shipped_templates_have_no_split_tag_and_fit_their_master_sheet(
    name: str, language: Language
) -> None:
    shipped = SHIPPED[name]
    template = shipped.docx(language)
    assert read_tags(template) and not any(t.split for t in read_tags(template))
    headers = list(BY_SHEET[shipped.sheet].headers)
    extra = {"row", "company", "today", "lang", "as_at", "Monthly_Gross", "Allowances"}
    extra |= {"overdue", "overdue_total", "salary", "salary_total", "salary_period"}
    extra |= {"payments", "paid_total", "settled_total", "tds_total", "period"}
    assert check_template(template, Fields(names_of(headers), extra), shipped.sheet) == []
    text = docx_text(template)
    assert shipped.title(language) in {shipped.titles[0], shipped.titles[1]}
    if language is Language.HI:  # Hindi wording, not English with Hindi figures
        assert "कृते" in text and "Authorised" not in text
    else:
        assert "Authorised Signatory" in text


def test_money_columns_of_the_master_are_known() -> None:
    from xlbo.book.display import Kind
    from xlbo.jobs.letters import _headers_of

    def _money_headers(sheet: str) -> frozenset[str]:
        return _headers_of(sheet, Kind.MONEY)

    assert {"Basic", "HRA"} <= _money_headers("Employees")
    assert "Employee ID" not in _money_headers("Employees")
    assert _money_headers("Notes") == frozenset()
