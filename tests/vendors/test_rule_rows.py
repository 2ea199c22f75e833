"""TDS Certificates rows that can never apply, and TDS Rules rows that tie (#15 review): each is
said at its cell instead of being taken or dropped silently.

    TDS Certificates  Valid To before Valid From   → error at Valid To, row set aside
                      a vendor not on Vendors      → error at Vendor Code, row set aside
                      a section no TDS rule names  → error at Section, row set aside
    TDS Rules         two 194I(b) rows from the same day that overlap → warning at the later
                      row's Effective From; the first in sheet order is used
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

import pytest

from tests.vendors.books import books
from tests.vendors.test_certificates import HEADERS, certificate
from xlbo.book import FileBook
from xlbo.cli import main
from xlbo.master.schema import TDS_RULES
from xlbo.vendors.certificates import check_certificates
from xlbo.vendors.rules import TDSRule, tds_rules
from xlbo.vendors.tds import find_rule, rule_ties

RULES = tds_rules()
LETTERS = dict(zip(HEADERS, "ABCDEFG", strict=True))


@pytest.mark.parametrize(
    ("fields", "cell", "said"),
    [
        ({"Valid To": "31-03-2026"}, "F2", "Valid To 31-03-2026 is before Valid From 01-04-2026"),
        ({"Vendor Code": "V99"}, "A2", "vendor V99 is not on the Vendors sheet"),
        ({"Section": "194Z"}, "B2", "no row of TDS Rules names section 194Z"),
    ],
    ids=["to before from", "unknown vendor", "unknown section"],
)
def test_a_certificate_that_can_never_apply_is_an_error_at_its_cell(
    fields: dict[str, Any], cell: str, said: str
) -> None:
    kept, issues = check_certificates(
        [certificate(**fields)], [2], LETTERS, {"v01", "v02"}, RULES, "books.xlsx"
    )
    assert kept == []
    (issue,) = issues
    assert (issue.severity.value, issue.sheet, issue.cell) == ("Error", "TDS Certificates", cell)
    assert said in issue.problem and issue.problem.endswith("the row was set aside")


@pytest.mark.parametrize("section", ["194J(b)", "194 j(b)", "s.393(1) Table Sl.6(iii)(b)"])
def test_a_section_named_as_tds_rules_names_it_is_kept(section: str) -> None:
    """By its section (any case, spaces), or the 2025 Act's provision."""
    good = certificate(Section=section)
    kept, issues = check_certificates([good], [2], LETTERS, {"V02"}, RULES)
    assert (kept, issues) == ([good], [])


def _row(rule: TDSRule) -> list[Any]:
    """A TDS Rules row as typed: amounts and rates as Excel numbers, choices as their words."""

    def cell(value: Any) -> Any:
        if isinstance(value, Decimal):
            return float(value)
        return value.value if isinstance(value, Enum) else value

    return [cell(v) for v in rule.model_dump(by_alias=True).values()]


def _rent_2026(**update: Any) -> TDSRule:
    found = next(
        r for r in RULES if r.section == "194I(b)" and r.effective_from == date(2026, 4, 1)
    )
    return found.model_copy(update=update)


def test_rules_from_the_same_day_for_one_section_tie_and_the_first_is_used() -> None:
    low = _rent_2026(rate_individual=Decimal("0.02"), rate_others=Decimal("0.02"))
    rules = [*RULES, low]
    rows = list(range(2, len(rules) + 2))
    (tie,) = rule_ties(rules, rows, {"Effective From": "O"}, "books.xlsx")
    assert (tie.severity.value, tie.cell, tie.value) == ("Warning", f"O{rows[-1]}", "01-04-2026")
    assert "2 rows for section 194I(b) take effect on 01-04-2026 and overlap" in tie.problem
    assert find_rule(rules, "194I(b)", date(2026, 11, 1)).rate_others == Decimal("0.1")
    # a later row from a later day is no tie: it replaces the first from its day
    later = _rent_2026(effective_from=date(2026, 10, 1), rate_others=Decimal("0.02"))
    assert rule_ties([*RULES, later], rows, {"Effective From": "O"}) == []
    assert find_rule([*RULES, later], "194I(b)", date(2026, 11, 1)).rate_others == Decimal("0.02")
    assert rule_ties(RULES, rows[:-1], {"Effective From": "O"}) == []  # xlbo's own rows


def test_the_payment_run_says_both_at_their_cells(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The landlord's good certificate still applies; the three that cannot are errors on the
    Issues sheet; the rent rule typed twice from 01-04-2026 is a warning, the first row used."""
    certificates = [
        HEADERS,
        ["V02", "194I(b)", "LDC/SP/1", "2%", "01-04-2026", "31-03-2027", 100000],
        ["V02", "194I(b)", "LDC/SP/0", "2%", "01-04-2026", "31-03-2026", 100000],
        ["V09", "194J(b)", "LDC/XX/1", "1%", "01-04-2026", "31-03-2027", None],
        ["V03", "194JB", "LDC/KC/1", "1%", "01-04-2026", "31-03-2027", None],
    ]
    rules = [
        list(TDS_RULES.headers),
        *[_row(r) for r in RULES],
        _row(_rent_2026(rate_others=Decimal("0.05"))),
    ]
    books(tmp_path, extra={"TDS Certificates": certificates, "TDS Rules": rules})
    out = tmp_path / "run.xlsx"
    code = main(["payables", str(tmp_path / "books.xlsx"), "--as-on", "30-11-2026",
                 "--out", str(out)])  # fmt: skip
    said = capsys.readouterr().out
    assert code == 1, said
    assert "TDS Certificates F3: Certificate LDC/SP/0: Valid To 31-03-2026 is before" in said
    assert "TDS Certificates A4: Certificate LDC/XX/1: vendor V09 is not on the Vendors" in said
    assert "TDS Certificates B5: Certificate LDC/KC/1: no row of TDS Rules names section" in said
    issues = FileBook(out).read_table("Issues", ("Severity", "Cell")).frame
    tie = issues[issues["Sheet"] == "TDS Rules"].to_dict("records")
    assert [(t["Severity"], t["Cell"]) for t in tie] == [("Warning", f"O{len(rules)}")]
    assert "2 rows for section 194I(b) take effect on 01-04-2026" in tie[0]["Problem"]
    table = FileBook(out).read_table("Payment Run", ("Pay", "Bill No")).frame
    rent = table[table["Bill No"] == "R-11"].iloc[0]
    assert rent["TDS"] == 1200  # 2% under LDC/SP/1, not 5% of the tied row
    assert "certificate LDC/SP/1" in rent["TDS Because"]
