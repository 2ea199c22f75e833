"""Matching on the books' own wording: a receipt booked against `(as per details)` or `Sundry
Debtors` whose party is named only in its narration ("Being amount received from Jay Ambe
Traders against Inv 232"), and a ledger for the year to date whose September cheque is still
unpresented at the end of October's statement."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import openpyxl
import pandas as pd
import pytest

from xlbo.bank.earlier_items import still_outstanding
from xlbo.bank.parties import ledger_party_keys
from xlbo.bank.side import book_cheque_numbers
from xlbo.cli import main

TITLE = [
    ["Sahyadri Tradelinks Pvt Ltd"],
    ["HDFC Bank A/c 50200012345678"],
    ["Ledger Account"],
    ["1-Oct-2026 to 31-Oct-2026"],
    ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
]
STATEMENT_HEAD = [
    ["Statement From : 01/10/2026 To : 31/10/2026"],
    ["Date", "Narration", "Chq./Ref.No.", "Withdrawal Amt.", "Deposit Amt.", "Closing Balance"],
]


def reconcile(
    bank: Path, books: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[str, dict[Any, Any]]:
    out = bank.parent / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    said = capsys.readouterr().out
    assert code == 0, said
    book = openpyxl.load_workbook(out)
    matches = {row[1]: row[2] for row in book["Matches"].iter_rows(min_row=2, values_only=True)}
    return said, matches


# Two receipts of 23,600.00 on one day, each booked against `(as per details)` (the voucher's
# ledgers not shown), and two of 11,800.00 against Sundry Debtors: the party is in the
# narration alone. The bank names each payer.
NARRATED = [
    *TITLE,
    [datetime(2026, 10, 1), "Opening Balance", None, None, 100000, None],
    [datetime(2026, 10, 3), "(as per details)", "Receipt", "11", 23600, None],
    [None, "Being amount received from Jay Ambe Traders against Inv 232", None, None, None, None],
    [datetime(2026, 10, 3), "(as per details)", "Receipt", "12", 23600, None],
    [None, "Being amount received from Kaveri Home Needs against Inv 233", None, None, None, None],
    [datetime(2026, 10, 5), "Sundry Debtors", "Receipt", "13", 11800, None],
    [None, "Received from M/s. Mehta & Co vide NEFT", None, None, None, None],
    [datetime(2026, 10, 5), "Sundry Debtors", "Receipt", "14", 11800, None],
    [None, "Being amount received from Laxmi Enterprises against Inv 241", None, None, None, None],
]
NARRATED_BANK = [
    *STATEMENT_HEAD,
    ["03/10/26", "NEFT CR-KKBK0000123-KAVERI HOME NEEDS-KKBKN52026100312345", "", None, 23600],
    ["03/10/26", "NEFT CR-SBIN0000123-JAY AMBE TRADERS-SBINN52026100312399", "", None, 23600],
    ["05/10/26", "IMPS/P2A/627812345678/LAXMI ENTERPRI", "627812345678", None, 11800],
    ["05/10/26", "IMPS/P2A/627812345699/MEHTA AND CO", "627812345699", None, 11800],
]


def test_the_party_named_only_in_the_narration_pairs_its_own_receipt(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    # were: Kaveri's NEFT paired with Jay Ambe's receipt and Jay Ambe's with Kaveri's ("identical
    # book lines"), and the two Sundry Debtors receipts left as ambiguous suggestions
    balance, rows = 100000, []
    for row in NARRATED_BANK[2:]:
        balance += row[4]
        rows.append([*row, balance])
    bank = xlsx({"Statement": [*NARRATED_BANK[:2], *rows]}, name="bank.xlsx")
    books = xlsx({"Ledger": NARRATED}, name="books.xlsx")
    said, matches = reconcile(bank, books, capsys)
    assert "4 matches, 0 bank and 0 ledger lines unmatched, 0 suggestions" in said
    # bank row 3 Kaveri → ledger row 9; 4 Jay Ambe → 7; 5 Laxmi → 13; 6 Mehta → 11
    assert matches == {3: 9, 4: 7, 5: 13, 6: 11}


def brs_items(out: Path) -> list[tuple[Any, ...]]:
    """The BRS sheet's dated items: (particulars, voucher / cheque, amount)."""
    brs = openpyxl.load_workbook(out)["BRS"].iter_rows(values_only=True)
    return [r[1:4] for r in brs if isinstance(r[0], datetime)]


def summary_text(out: Path) -> str:
    """The Summary sheet's first column, as one text."""
    rows = openpyxl.load_workbook(out)["Summary"].iter_rows(values_only=True)
    return " ".join(str(r[0]) for r in rows)


def ytd_ledger(september: list[list[Any]]) -> list[list[Any]]:
    """Tally's Ledger Vouchers from 1 April: 3,00,000.00 opening, a receipt of 1,00,000.00 and
    rent of 60,000.00 each month to September (2,40,000.00 net), then `september`'s entries
    and a receipt of 2,50,000.00 on 4 October."""
    rows: list[list[Any]] = [
        ["Sahyadri Tradelinks Pvt Ltd"],
        ["HDFC Bank A/c 50200012345678"],
        ["1-Apr-2026 to 31-Oct-2026"],
        ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
        [datetime(2026, 4, 1), "Opening Balance", None, None, 300000, None],
    ]
    for month in range(4, 10):
        rows.append([datetime(2026, month, 5), "Om Sai Enterprises", "Receipt", "R", 100000, None])
        rows.append([datetime(2026, month, 25), "Rent", "Payment", "P", None, 60000])
    rows += september
    rows.append([datetime(2026, 10, 4), "Om Sai Enterprises", "Receipt", "R10", 250000, None])
    return rows


def test_a_cheque_of_an_earlier_month_still_unpresented_is_an_item_without_last_brs(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Cheque 000452 of 28 September is presented on 3 October; 000453 of 29 September is not
    presented by 31 October; a receipt of 30 September was credited that day (in September's
    statement). The bank opens October at 5,50,000.00, the books' 30 September balance is
    4,70,000.00: 80,000.00 of September's cheques were outstanding, 50,000.00 of them cleared
    now. 000453 was taken as cleared by earlier statements and the BRS was 30,000.00 off."""
    september = [
        [datetime(2026, 9, 28), "Balaji Traders", "Payment", "P9b", None, 50000],
        [None, "Ch. No. : 000452", None, None, None, None],
        [datetime(2026, 9, 29), "Kaveri Home Needs", "Payment", "P9c", None, 30000],
        [None, "Ch. No. : 000453", None, None, None, None],
        [datetime(2026, 9, 30), "Mehta & Co", "Receipt", "R9c", 10000, None],
    ]
    statement = [
        *STATEMENT_HEAD,
        ["03/10/26", "CHQ PAID-MICR CTS-BALAJI TRADERS", "000452", 50000, None, 500000],
        ["05/10/26", "CLG OM SAI ENTERPRISES", "", None, 250000, 750000],
    ]
    bank = xlsx({"Statement": statement}, name="bank.xlsx")
    books = xlsx({"Ledger": ytd_ledger(september)}, name="books.xlsx")
    said, _ = reconcile(bank, books, capsys)
    assert "2 matches, 0 bank and 1 ledger lines unmatched" in said
    assert "BRS difference 0.00" in said
    out = bank.parent / "brs.xlsx"
    items = brs_items(out)
    assert items == [("    Kaveri Home Needs", "P9c / 000453", 30000)]
    summary = summary_text(out)
    assert (
        "Still outstanding on 30-09-2026, and listed on this BRS: 1 book entry (net -30,000.00)"
        in summary
    )


NEFTS = (
    "NEFT CR-KKBK0000123-KAVERI HOME NEEDS-KKBKN520261003123",
    "NEFT CR-SBIN0000123-JAY AMBE TRADERS-SBINN520261003199",
)


def test_a_receipt_net_of_tds_split_as_per_details_keeps_its_party(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Tally's detailed view: two receipts of 23,200.00 on one day, each `(as per details)`
    split between the customer (23,600.00 Cr) and TDS Receivable (400.00 Dr). Their particulars
    were `Jay Ambe Traders TDS Receivable`, an account's words, so no party: nothing matched and
    four suggestions. Now `Jay Ambe Traders, TDS Receivable`, the party the customer."""
    books = xlsx(
        {
            "Ledger": [
                *TITLE[:4],
                ["Date", "", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
                [datetime(2026, 10, 1), "To", "Opening Balance", None, None, 100000, None],
                [datetime(2026, 10, 3), "To", "(as per details)", "Receipt", "11", 23200, None],
                [None, None, "Jay Ambe Traders", None, None, None, "23,600.00 Cr"],
                [None, None, "TDS Receivable", None, None, "400.00 Dr", None],
                [datetime(2026, 10, 3), "To", "(as per details)", "Receipt", "12", 23200, None],
                [None, None, "Kaveri Home Needs", None, None, None, "23,600.00 Cr"],
                [None, None, "TDS Receivable", None, None, "400.00 Dr", None],
            ]
        },
        name="books.xlsx",
    )
    bank = xlsx(
        {
            "Statement": [
                *STATEMENT_HEAD,
                ["03/10/26", NEFTS[0], "", None, 23200, 123200],
                ["03/10/26", NEFTS[1], "", None, 23200, 146400],
            ]
        },
        name="bank.xlsx",
    )
    said, matches = reconcile(bank, books, capsys)
    assert "2 matches, 0 bank and 0 ledger lines unmatched, 0 suggestions" in said
    assert matches == {3: 10, 4: 7}  # Kaveri's NEFT is the books' row 10, Jay Ambe's row 7


def test_a_salary_voucher_paid_to_staff_stays_a_batch_naming_no_one(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """`Salary Payable`, "Being salary paid to staff for September 2026": the narration's `to
    staff` is no party (only particulars that stand for one, `(as per details)` or `Sundry
    Debtors`, take the narration's); read as one, the line named someone and the eight NEFTs of
    the upload were no batch of it."""
    names = ["RAMESH KUMAR", "ANITA DESAI", "VIKRAM SINGH", "PRIYA NAIR", "ARUN MEHTA"]
    names += ["SUNIL RAO", "KAVITA JOSHI", "DEEPAK PATIL"]
    amounts = [30000, 25000, 35000, 28000, 22000, 31000, 27000, 26000]
    books = xlsx(
        {
            "Ledger": [
                *TITLE,
                [datetime(2026, 10, 1), "Opening Balance", None, None, 500000, None],
                [datetime(2026, 10, 1), "Salary Payable", "Payment", "1", None, sum(amounts)],
                [None, "Being salary paid to staff for September 2026", None, None, None, None],
            ]
        },
        name="books.xlsx",
    )
    balance, rows = 500000, []
    for name, amount in zip(names, amounts, strict=True):
        balance -= amount
        rows.append(["01/10/26", f"NEFT DR-SBIN0000123-{name}-SALARY SEP", "", amount, None])
        rows[-1].append(balance)
    bank = xlsx({"Statement": [*STATEMENT_HEAD, *rows]}, name="bank.xlsx")
    said, matches = reconcile(bank, books, capsys)
    assert "1 matches, 0 bank and 0 ledger lines unmatched" in said
    assert set(matches.values()) == {7}


@pytest.mark.parametrize(
    ("particulars", "party"),
    [
        ("Jay Ambe Traders, TDS Receivable", "jay ambe traders"),  # a receipt net of TDS
        ("Trade Payables, TDS Payable - 194C", ""),  # accounts only: the narration may say
        ("Trade Receivables", ""),
        ("Sundry Creditors", ""),
        ("Mehta, Shah & Co", "mehta shah"),  # a comma in a party's own name
        ("Kaveri Home Needs", "kaveri home needs"),
    ],
)
def test_particulars_name_a_party_or_an_account(particulars: str, party: str) -> None:
    assert ledger_party_keys(pd.Series([particulars])).tolist() == [party]


def test_erpnexts_remarks_give_the_cheque_number(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """ERPNext's General Ledger has no cheque column: a Payment Entry writes its Cheque/Reference
    No in its remarks, `Transaction reference no 123456 dated 02-10-2026`. Two cheques of
    5,000.00 from Balaji Traders on one day, presented in the other order: only those numbers
    tell them apart (they were not read: two identical book lines, taken one each by date)."""
    remark = "Amount INR 5,000.00 received from Balaji Traders\nTransaction reference no {} dated"
    header = "Posting Date,Account,Debit (INR),Credit (INR),Voucher Type,Voucher No,Party,Remarks"
    books = tmp_path / "general-ledger.csv"
    with books.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header.split(","))
        writer.writerow(["", "'Opening'", "100000", "0", "", "", "", ""])
        for number, cheque in (("41", "123456"), ("42", "654321")):
            entry = ["Payment Entry", f"ACC-PAY-2026-000{number}", "Balaji Traders"]
            remarks = remark.format(cheque) + " 02-10-2026"
            writer.writerow(["02-10-2026", "HDFC Bank - ST", "5000", "0", *entry, remarks])
    bank = xlsx(
        {
            "Statement": [
                *STATEMENT_HEAD,
                ["03/10/26", "CHQ DEP-MICR CLG-BALAJI TRADERS", "654321", None, 5000, 105000],
                ["05/10/26", "CHQ DEP-MICR CLG-BALAJI TRADERS", "123456", None, 5000, 110000],
            ]
        },
        name="bank.xlsx",
    )
    out = tmp_path / "brs.xlsx"
    args = ["--bank", str(bank), "--ledger", str(books), "--detail", "xlsx"]
    code = main(["reconcile", *args, "--out", str(out)])
    said = capsys.readouterr().out
    assert code == 0, said
    assert "2 matches, 0 bank and 0 ledger lines unmatched" in said
    matches = openpyxl.load_workbook(out)["Matches"].iter_rows(min_row=2, values_only=True)
    # bank row 3 (cheque 654321) is the books' row 4 (ACC-PAY-2026-00042)
    assert {(r[1], r[2], r[3]) for r in matches} == {(3, 4, "Reference"), (4, 3, "Reference")}


@pytest.mark.parametrize(
    ("narration", "cheque"),
    [
        ("Chq#000452", 452),
        ("Cheque No.453 dt 03/10", 453),
        ("CHQ-454", 454),
        ("Ch. No. : 000455", 455),
        ("Chq Rs. 12500/- agst Inv 1045", -1),  # an amount, not a cheque number
    ],
)
def test_a_cheque_number_as_books_write_it(narration: str, cheque: int) -> None:
    found = book_cheque_numbers(pd.Series([narration]), pd.Series([""]))
    assert found.tolist() == [cheque]


def test_the_last_cheques_of_an_earlier_month_still_unpresented_are_items(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """The last ten days of September: five cheques issued (2,007.00 … 10,007.00), none yet
    presented on 31 October, between five receipts credited in September. The statement opens
    30,035.00 above the books' 30 September balance: the five cheques, no three of the entries
    and no run of the last ones. They were taken as cleared, the BRS 30,035.00 off."""
    september: list[list[Any]] = []
    for at in range(10):
        day, paid = datetime(2026, 9, 20 + at), at % 2 == 1
        party, kind = (f"Vendor {at}", "Payment") if paid else (f"Customer {at}", "Receipt")
        debit, credit = (None, 1000 * (at + 1) + 7) if paid else (500 * (at + 1), None)
        september.append([day, party, kind, f"V{at}", debit, credit])
    # the books on 30 September: 5,40,000.00 + 12,500.00 received − 30,035.00 paid
    opening = 540000 + 12500 - 30035 + 30035
    statement = [
        *STATEMENT_HEAD,
        ["05/10/26", "CLG OM SAI ENTERPRISES", "", None, 250000, opening + 250000],
    ]
    bank = xlsx({"Statement": statement}, name="bank.xlsx")
    books = xlsx({"Ledger": ytd_ledger(september)}, name="books.xlsx")
    said, _ = reconcile(bank, books, capsys)
    assert "1 matches, 0 bank and 5 ledger lines unmatched" in said
    assert "BRS difference 0.00" in said


def test_an_earlier_entry_alone_is_no_item_where_the_months_last_cheques_also_make_it_up(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """The statement opens 10,000.00 above the books' 30 September balance. Cheques 000452 and
    000453 of 5,000.00 each (27 and 29 September, a receipt credited between them) make that
    up, and so does Laxmi Steel's cheque of 10,000.00 of 18 August (presented in August). The
    amount does not say which: the August cheque was listed on the BRS as unpresented and the
    two September cheques taken as cleared, without a word of doubt."""
    september: list[list[Any]] = [
        [datetime(2026, 8, 18), "Laxmi Steel", "Payment", "P8b", None, 10000],
        [None, "Ch. No. : 000451", None, None, None, None],
        [datetime(2026, 9, 27), "Balaji Traders", "Payment", "P9b", None, 5000],
        [None, "Ch. No. : 000452", None, None, None, None],
        [datetime(2026, 9, 28), "Mehta & Co", "Receipt", "R9c", 2000, None],
        [datetime(2026, 9, 29), "Kaveri Home Needs", "Payment", "P9c", None, 5000],
        [None, "Ch. No. : 000453", None, None, None, None],
    ]
    # the books on 30 September: 5,40,000.00 − 10,000.00 − 5,000.00 + 2,000.00 − 5,000.00
    opening = 540000 - 10000 - 5000 + 2000 - 5000 + 10000
    statement = [
        *STATEMENT_HEAD,
        ["05/10/26", "CLG OM SAI ENTERPRISES", "", None, 250000, opening + 250000],
    ]
    bank = xlsx({"Statement": statement}, name="bank.xlsx")
    books = xlsx({"Ledger": ytd_ledger(september)}, name="books.xlsx")
    out = bank.parent / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    said = capsys.readouterr().out
    # the BRS shows the 10,000.00 it cannot place, instead of balancing on the wrong cheque
    assert code == 1, said
    assert "BRS difference 10,000.00" in said
    items = brs_items(out)
    assert not any("Laxmi Steel" in str(item[0]) for item in items), items
    summary = summary_text(out)
    assert "Still outstanding" not in summary
    assert "give last month's result with --last-brs" in summary


@pytest.mark.parametrize(
    ("signed", "outstanding", "still"),
    [
        # Laxmi Steel's 10,000.00 of August, or the last two cheques of 5,000.00: neither
        ([-10_000, 50_000, -5_000, 2_000, -5_000], -10_000, []),
        # a cheque of 5,000.00 and its cancellation beside the 30,000.00 outstanding are no
        # other answer: Kaveri's cheque is
        ([100_000, -5_000, 5_000, -60_000, -30_000], -30_000, [4]),
        # the one set of three, no smaller one adding up
        ([-1_107, 900, -2_213, -4_331, 2_500], -7_651, [0, 2, 3]),
    ],
)
def test_the_earlier_entries_still_outstanding_are_the_one_set_that_makes_up_the_amount(
    signed: list[int], outstanding: int, still: list[int]
) -> None:
    found = still_outstanding(np.array(signed, dtype=np.int64), outstanding)
    assert np.flatnonzero(found).tolist() == still


def test_one_earlier_cheque_is_not_listed_for_the_months_last_two_of_half_its_amount(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Cheque 000451 of 10,000.00 of 15 September was presented in September; 000452 and 000453
    of 5,000.00 each, of 28 and 29 September, are not presented by 31 October. The statement
    opens 10,000.00 above the books' 30 September balance: one entry of 10,000.00 and the last
    two entries both make it up. 000451, presented a fortnight before, was listed on the BRS as
    outstanding (the fewest entries) and the two unpresented cheques were left out of it."""
    september = [
        [datetime(2026, 9, 15), "Balaji Traders", "Payment", "P9a", None, 10000],
        [None, "Ch. No. : 000451", None, None, None, None],
        [datetime(2026, 9, 28), "Kaveri Home Needs", "Payment", "P9b", None, 5000],
        [None, "Ch. No. : 000452", None, None, None, None],
        [datetime(2026, 9, 29), "Mehta & Co", "Payment", "P9c", None, 5000],
        [None, "Ch. No. : 000453", None, None, None, None],
    ]
    opening = 300000 + 240000 - 20000 + 10000  # the books' 30 September balance + outstanding
    statement = [
        *STATEMENT_HEAD,
        ["05/10/26", "CLG OM SAI ENTERPRISES", "", None, 250000, opening + 250000],
    ]
    bank = xlsx({"Statement": statement}, name="bank.xlsx")
    books = xlsx({"Ledger": ytd_ledger(september)}, name="books.xlsx")
    out = bank.parent / "brs.xlsx"
    main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    said = capsys.readouterr().out
    items = brs_items(out)
    assert ("    Balaji Traders", "P9a / 000451", 10000) not in items
    # not told by the amount: the difference shows, and the Summary asks for last month's BRS
    assert "BRS difference 10,000.00" in said
    summary = summary_text(out)
    assert "give last month's result with --last-brs" in summary


@pytest.mark.parametrize("more", [False, True])
def test_the_banks_charges_of_an_earlier_month_booked_since_are_no_items(
    xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str], more: bool
) -> None:
    """The bank's charges of 30 September (590.00 and its GST of 106.20, on September's
    statement) are booked on 2 October: the bank opens October 696.20 below the books' 30
    September balance. The two entries were listed as debited in the books and not in the
    bank, and the BRS was 696.20 off. With a second charge of 696.20 booked those days the
    amount does not say which: neither is taken, the BRS shows the difference."""
    entries: list[list[Any]] = [
        [datetime(2026, 9, 30), "Mehta & Co", "Receipt", "R9c", 10000, None],
        [datetime(2026, 10, 2), "Bank Charges", "Journal", "J1", None, 590],
        [datetime(2026, 10, 2), "CGST on Bank Charges", "Journal", "J2", None, 53.10],
        [datetime(2026, 10, 2), "SGST on Bank Charges", "Journal", "J3", None, 53.10],
    ]
    if more:
        entries.append([datetime(2026, 10, 3), "Bank Charges", "Journal", "J4", None, 696.20])
    # the books on 30 September: 5,40,000.00 + 10,000.00; the bank 696.20 less
    opening = 540000 + 10000 - 696.20
    statement = [
        *STATEMENT_HEAD,
        ["05/10/26", "CLG OM SAI ENTERPRISES", "", None, 250000, opening + 250000],
    ]
    bank = xlsx({"Statement": statement}, name="bank.xlsx")
    books = xlsx({"Ledger": ytd_ledger(entries)}, name="books.xlsx")
    out = bank.parent / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    said = capsys.readouterr().out
    summary = summary_text(out)
    items = brs_items(out)
    if not more:
        assert code == 0, said
        assert "BRS difference 0.00" in said
        assert items == []
        assert (
            "Booked since for the bank's lines of an earlier statement, and left out of this "
            "BRS: 3 book entries (net -696.20; Bank Charges of 02-10-2026)" in summary
        )
    else:
        assert code == 1, said
        assert "BRS difference" in said and "BRS difference 0.00" not in said
        assert "Booked since" not in summary
        assert "give last month's result with --last-brs" in summary
