"""The demo company: believable, deterministic, and its planted mistakes are all caught."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from xlbo.book import FileBook
from xlbo.demo import BAD_CELLS, GOOD_BUT_ODD, DemoFiles, build_demo
from xlbo.issues import Severity
from xlbo.jobs.validate import validate
from xlbo.master.load import load
from xlbo.master.schema import BY_SHEET
from xlbo.money import parse_amount


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoFiles:
    return build_demo(tmp_path_factory.mktemp("demo"), seed=2026)


def cell_of(sheet: str, header: str, index: int) -> str:
    headers = list(BY_SHEET[sheet].headers)
    return next(
        b for b in (*BAD_CELLS, *GOOD_BUT_ODD) if b.header == header and b.index == index
    ).cell(headers)


def test_company_is_believable(demo: DemoFiles) -> None:
    data, _ = load(demo.master)
    states = Counter(e.work_state for e in data.employees)
    assert len(data.employees) + 4 >= 64  # four employee rows hold planted mistakes
    assert {"Maharashtra", "Karnataka", "West Bengal", "Tamil Nadu"} <= set(states)
    gross = [e.monthly_gross for e in data.employees]
    assert any(g <= 21000 for g in gross) and any(g > 21000 for g in gross)
    basics = [e.basic for e in data.employees]
    assert any(b <= 15000 for b in basics) and any(b > 15000 for b in basics)
    assert (
        len(data.vendors) == 38 and len(data.customers) == 29
    )  # rows with planted mistakes set aside
    assert sum(a.opening_debit for a in data.accounts) > 0
    assert data.company is not None and data.company.gstin and data.company.gstin.startswith("27")


def test_every_planted_mistake_is_caught(demo: DemoFiles) -> None:
    flagged = {(i.sheet, i.cell) for i in validate(demo.master).issues}
    for bad in BAD_CELLS:
        assert (bad.sheet, bad.cell(list(BY_SHEET[bad.sheet].headers))) in flagged, bad.mistake


def test_cells_typed_the_way_people_type_are_read(demo: DemoFiles) -> None:
    _, issues = load(demo.master)
    errors = {(i.sheet, i.cell) for i in issues if i.severity is Severity.ERROR}
    for odd in GOOD_BUT_ODD:
        assert (odd.sheet, odd.cell(list(BY_SHEET[odd.sheet].headers))) not in errors, odd.mistake


def test_same_seed_same_company(demo: DemoFiles, tmp_path: Path) -> None:
    again = build_demo(tmp_path, seed=2026)
    for first, second in zip(
        (demo.master, demo.books, demo.statement, demo.ledger),
        (again.master, again.books, again.statement, again.ledger),
        strict=True,
    ):
        book_a, book_b = FileBook(first), FileBook(second)
        assert book_a.sheet_names() == book_b.sheet_names()
        for sheet in book_a.sheet_names():
            assert book_a.sheet_rows(sheet) == book_b.sheet_rows(sheet), (first.name, sheet)


def test_statement_in_hdfc_layout_chains_its_balance(demo: DemoFiles) -> None:
    table = FileBook(demo.statement).read_table("Statement")
    assert table.header_row == 10
    assert list(table.frame.columns) == [
        "Date",
        "Narration",
        "Chq./Ref.No.",
        "Value Dt",
        "Withdrawal Amt.",
        "Deposit Amt.",
        "Closing Balance",
    ]
    lines = table.frame[table.frame["Date"].astype(str).str.match(r"\d\d/\d\d/\d\d$")]
    balance = Decimal("4845230.50")
    for _, line in lines.iterrows():
        balance += (parse_amount(line["Deposit Amt."]) or 0) - (
            parse_amount(line["Withdrawal Amt."]) or 0
        )
        assert balance == parse_amount(line["Closing Balance"]).quantize(Decimal("0.01"))
    assert len(lines) > 50


def test_journal_vouchers_balance_and_tally_ledger_totals_agree(demo: DemoFiles) -> None:
    journal = FileBook(demo.books).read_table("Journal").frame
    assert list(journal.columns) == [
        "Date",
        "Voucher No",
        "Voucher Type",
        "Account",
        "Debit",
        "Credit",
        "Party",
        "Cost Centre",
        "Narration",
    ]
    amounts = journal.assign(
        Debit=journal["Debit"].map(lambda v: parse_amount(v) or Decimal(0)),
        Credit=journal["Credit"].map(lambda v: parse_amount(v) or Decimal(0)),
    )
    by_voucher = amounts.groupby("Voucher No")[["Debit", "Credit"]].sum()
    assert (by_voucher["Debit"] == by_voucher["Credit"]).all()
    ledger = FileBook(demo.ledger).read_table("Ledger").frame
    assert list(ledger.columns) == [
        "Date",
        "Particulars",
        "Column C",  # Particulars spans two columns: To/By, then the other ledger
        "Vch Type",
        "Vch No.",
        "Debit",
        "Credit",
    ]
    assert ledger.iloc[0]["Column C"] == "Opening Balance"
    assert ledger.iloc[-2][["Particulars", "Column C"]].tolist() == ["By", "Closing Balance"]
    totals = ledger.iloc[-1]
    assert totals["Column C"] == "Total"
    assert totals["Debit"] == totals["Credit"]


def test_tally_ledger_in_the_ledger_vouchers_layout_is_read_whole(demo: DemoFiles) -> None:
    from xlbo.readers.ledger import read_ledger

    lines = read_ledger(str(demo.ledger))
    books = FileBook(demo.ledger).read_table("Ledger").frame
    vouchers = books[books["Vch No."].notna()]
    assert len(lines.frame) == len(vouchers) > 50
    assert lines.issues == []
    assert (lines.company, lines.account) == (
        "Sahyadri Tradelinks Private Limited",
        "HDFC Bank Current A/c",
    )
    assert lines.opening == 484523050
    moved = int(lines.frame["debit"].sum()) - int(lines.frame["credit"].sum())
    assert lines.closing == lines.opening + moved
    assert not lines.frame["particulars"].str.match(r"(To|By) ").any()
    cheques = lines.frame[lines.frame["narration"].str.startswith("Ch. No. : ")]
    assert len(cheques) >= 3
    neft = lines.frame[lines.frame["narration"].str.contains("by NEFT, UTR HDFCN")]
    assert len(neft) >= 5
