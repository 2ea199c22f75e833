"""Last month's BRS carried into this month (`xlbo reconcile --last-brs OCT.xlsx`).

October: two cheques issued (Om Sai 5,000.00 on 28-10, Kaveri 12,000.00 on 29-10), a deposit of
8,000.00 booked on 31-10, none of them in the bank by the 31st; the bank charged 17.70 the books
had not booked. Both openings 1,00,000.00, so October's BRS reads: bank 99,982.30, add the
deposit 8,000.00, less the cheques 17,000.00, add the charge 17.70 = books 91,000.00.

November: the books open at 91,000.00 and hold only November's entries (the charge booked on
05-11, a receipt of 3,000.00); the bank opens at 99,982.30 and shows the deposit credited on
03-11, Om Sai's cheque presented on 12-11 and the receipt. Kaveri's cheque is still out. By hand:
bank 1,05,982.30 less Kaveri 12,000.00 = 93,982.30 = books 91,000.00 − 17.70 + 3,000.00.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import openpyxl
import pandas as pd
import pytest

from tests.bank.test_reconcile import HDFC_HEAD, TALLY_HEAD, ledger, statement
from xlbo.bank.brought_forward import carried_pairs
from xlbo.bank.brs import Section
from xlbo.cli import main
from xlbo.jobs.reconcile import Detail, run_reconcile, write_result
from xlbo.readers.last_brs import read_last_brs

OCTOBER_BOOKS = [
    [date(2026, 10, 28), "Om Sai Logistics", "Payment", "CHQ 000451", None, 5000],
    [date(2026, 10, 29), "Kaveri Traders", "Payment", "CHQ 000452", None, 12000],
    [date(2026, 10, 31), "Vardhaman Retail", "Receipt", "RCT/9", 8000, None],
]
OCTOBER_BANK = [["31/10/26", "SMS CHGS JUL-SEP INCL GST", None, 17.70, None]]
NOVEMBER_BANK = [
    ["03/11/26", "CLG DEPOSIT VARDHAMAN RETAIL", None, None, 8000],
    ["12/11/26", "CHQ PAID-000451-OM SAI LOGISTICS", "000451", 5000, None],
    ["20/11/26", "NEFT CR-ACME-INV 77", "N123", None, 3000],
]
NOVEMBER_BOOKS = [
    [date(2026, 11, 1), "Opening Balance", None, None, 91000, None],
    [date(2026, 11, 5), "Bank Charges", "Journal", "JV/3", None, 17.70],
    [date(2026, 11, 20), "Acme Industries", "Receipt", "RCT/12", 3000, None],
    [None, "Closing Balance", None, None, None, 0.0],
]


def october(xlsx: Callable[..., Path], tmp_path: Path, detail: Detail = Detail.XLSX) -> Path:
    """October's result, made by xlbo from October's files."""
    bank = xlsx({"Statement": statement(OCTOBER_BANK)}, name="bank-oct.xlsx")
    books = xlsx({"Ledger": ledger(OCTOBER_BOOKS)}, name="books-oct.xlsx")
    out = tmp_path / "brs-oct.xlsx"
    result = run_reconcile(bank, books, report=out, detail=detail)
    assert result.brs.difference == 0
    write_result(result, out)
    return out


def november(xlsx: Callable[..., Path]) -> tuple[Path, Path]:
    head = [HDFC_HEAD[0], ["Statement From : 01/11/2026 To : 30/11/2026"], *HDFC_HEAD[2:]]
    body = statement(NOVEMBER_BANK, opening=99982.30)[len(HDFC_HEAD) :]
    bank = xlsx({"Statement": [*head, *body]}, name="bank-nov.xlsx")
    books = xlsx({"Ledger": [*TALLY_HEAD, *NOVEMBER_BOOKS]}, name="books-nov.xlsx")
    return bank, books


def rows(path: Path, sheet: str) -> list[list[Any]]:
    book = openpyxl.load_workbook(path, read_only=True)
    return [list(r) for r in book[sheet].iter_rows(values_only=True)]


def test_the_brs_ties_with_last_months_items(
    xlsx: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    last = october(xlsx, tmp_path)
    bank, books = november(xlsx)
    out = tmp_path / "brs-nov.xlsx"
    code = main(
        ["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out),
         "--last-brs", str(last)]
    )  # fmt: skip
    assert code == 0, capsys.readouterr()
    brs = rows(out, "BRS")
    assert any("as on 30 November 2026" in str(r[0]) for r in brs[:3])
    texts = {str(r[1]).strip(): r for r in brs if r[1]}
    assert texts["Balance as per bank statement"][4] == pytest.approx(105982.30)
    kaveri = texts["Kaveri Traders (brought forward)"]
    assert (kaveri[0].date(), kaveri[2], kaveri[3]) == (date(2026, 10, 29), "CHQ 000452", 12000)
    assert texts["Total payments in the books not yet debited"][4] == 12000
    debits = "Add: Debits in the bank not yet in the books (charges, NACH, returns)"
    assert texts[debits][4] == "Nil"  # nothing under it: no total
    assert "Total debits in the bank not yet in the books" not in texts
    assert texts["Balance as per books (computed)"][4] == pytest.approx(93982.30)
    assert texts["Balance as per books (ledger)"][4] == pytest.approx(93982.30)
    assert texts["Difference"][4] == 0
    matches = rows(out, "Matches")
    header = matches[0]
    carried = [dict(zip(header, r, strict=True)) for r in matches[1:]]
    carried = [m for m in carried if "brought forward from the BRS as on 31-10-2026" in m["Why"]]
    assert sorted(
        (m["Bank Amount"], m["Bank Date"].date(), m["Ledger Date"].date()) for m in carried
    ) == [
        (-5000, date(2026, 11, 12), date(2026, 10, 28)),  # Om Sai's cheque presented
        (-17.7, date(2026, 10, 31), date(2026, 11, 5)),  # October's charge, booked in November
        (8000, date(2026, 11, 3), date(2026, 10, 31)),  # Vardhaman's deposit credited
    ]
    counts = {r[0]: tuple(r[1:]) for r in rows(out, "Summary")}
    assert counts["Ledger lines"] == (2, 17.7, 3000)  # November's own: the charge, the receipt
    assert counts["Ledger lines brought forward"] == (3, 17000, 8000)
    assert counts["Bank lines brought forward"] == (1, 17.7, 0)
    assert counts["Cleared from last month's BRS by amount"][0] == 1  # the charge: no reference
    summary = " ".join(str(r[0]) for r in rows(out, "Summary")[:12])
    assert "The BRS ties" in summary
    assert "3 cleared this month" in summary and "1 still outstanding" in summary
    assert "exactly the difference between the statement's opening" not in summary
    unmatched = rows(out, "Unmatched Ledger")
    assert [r[2] for r in unmatched[1:]] == ["Kaveri Traders (brought forward)"]
    # the November result is next month's last BRS: Kaveri's cheque goes on, marked once
    from xlbo.readers.last_brs import read_last_brs

    again = read_last_brs(out)
    assert again.ledger["particulars"].tolist() == ["Kaveri Traders"]
    assert again.as_on == date(2026, 11, 30)


def test_without_last_brs_the_gap_is_the_openings(
    xlsx: Callable[..., Path], tmp_path: Path
) -> None:
    bank, books = november(xlsx)
    result = run_reconcile(bank, books)
    assert result.brs.difference == 898230  # 99,982.30 − 91,000.00: last month's items
    assert any("exactly the difference" in n for n in result.notes)


def test_an_item_missing_from_last_brs_is_what_stays_unexplained(
    xlsx: Callable[..., Path], tmp_path: Path
) -> None:
    last = october(xlsx, tmp_path)
    book = openpyxl.load_workbook(last)
    book["Unmatched Ledger"].delete_rows(3)  # Kaveri's cheque taken out of October's BRS
    book.save(last)
    bank, books = november(xlsx)
    result = run_reconcile(bank, books, last_brs=last)
    assert result.brs.difference == 1200000
    gap = [n for n in result.notes if "unexplained" in n]
    assert gap and "12,000.00 is unexplained" in gap[0]


def test_last_brs_with_its_long_tables_in_csv_files(
    xlsx: Callable[..., Path], tmp_path: Path
) -> None:
    last = october(xlsx, tmp_path, Detail.CSV)
    assert (tmp_path / "brs-oct-unmatched-ledger.csv").is_file()
    bank, books = november(xlsx)
    result = run_reconcile(bank, books, last_brs=last)
    assert result.brs.difference == 0
    assert len(result.ledger_open) == 1


@pytest.mark.parametrize(
    ("spoil", "said"),
    [
        (lambda b: b.remove(b["BRS"]), "is not a reconciliation made by xlbo"),
        (lambda b: b.remove(b["Unmatched Bank"]), "has no Unmatched Bank sheet"),
        (
            lambda b: b["Unmatched Ledger"].cell(1, 7, "Dr"),
            "sheet Unmatched Ledger: no Debit column",
        ),
        (
            lambda b: b["Unmatched Ledger"].cell(2, 7, "twelve"),
            "sheet Unmatched Ledger, cell G2: 'twelve' is not an amount",
        ),
    ],
)
def test_a_spoilt_last_brs_is_refused_naming_file_and_sheet(
    xlsx: Callable[..., Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    spoil: Callable[[Any], Any],
    said: str,
) -> None:
    last = october(xlsx, tmp_path)
    book = openpyxl.load_workbook(last)
    spoil(book)
    book.save(last)
    bank, books = november(xlsx)
    out = tmp_path / "brs-nov.xlsx"
    code = main(
        ["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out),
         "--last-brs", str(last)]
    )  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2
    assert "brs-oct.xlsx" in err and said in err
    assert "Traceback" not in err and not out.exists()


def _pairs(bank_days: list[int], books_days: list[int], carried: list[bool]) -> list[list[int]]:
    """A cheque of 5,000.00 brought forward (ledger line 0, dated day 0 = 28-10-2026) against
    bank lines of that amount on the given days after it; `carried` says which ledger lines
    are last month's (the others this month's, of the same amount)."""
    start = date(2026, 10, 28)
    bank = pd.DataFrame(
        {"date": [start + pd.Timedelta(days=d) for d in bank_days], "signed": -500000}
    )
    books = pd.DataFrame(
        {"date": [start + pd.Timedelta(days=d) for d in books_days], "signed": -500000}
    )
    found = carried_pairs(
        bank,
        books,
        np.zeros(len(bank), dtype=bool),
        np.asarray(carried),
        np.ones(len(bank), dtype=bool),
        np.ones(len(books), dtype=bool),
    )
    return [[int(b), int(g)] for b, g in found[["bank", "ledger"]].to_numpy()]


def test_a_cheque_brought_forward_clears_up_to_three_months_later() -> None:
    assert _pairs([60], [0], [True]) == [[0, 0]]  # presented in late December
    assert _pairs([92], [0], [True]) == [[0, 0]]
    assert _pairs([93], [0], [True]) == []  # past a cheque's validity: not this cheque
    assert _pairs([-1], [0], [True]) == []  # the bank before the cheque was written
    assert _pairs([20, 25], [0], [True]) == []  # two presented: which one is not known
    assert _pairs([20], [0, 18], [True, False]) == []  # November's own cheque of 5,000 too


def test_confirm_reads_last_brs_again_from_the_run_sheet(
    xlsx: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    last = october(xlsx, tmp_path)
    bank, books = november(xlsx)
    out = tmp_path / "brs-nov.xlsx"
    main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out),
          "--last-brs", str(last)])  # fmt: skip
    book = openpyxl.load_workbook(out)
    matches = book["Matches"]
    header = [c.value for c in matches[1]]
    for row in matches.iter_rows(min_row=2):  # Reject on a pair of a brought-forward item
        if str(row[header.index("Particulars")].value).endswith("(brought forward)"):
            row[header.index("Reject")].value = "Reject"
            break
    book.save(out)
    capsys.readouterr()
    assert main(["reconcile", "--confirm", str(out)]) == 1  # a decision not applied
    assert "brought forward from last month's BRS is not applied" in capsys.readouterr().err
    assert "Last BRS" in [r[0] for r in rows(out, "Run")]
    summary = " ".join(str(r[0]) for r in rows(out, "Summary")[:12])
    assert "The BRS ties" in summary and "3 cleared this month" in summary


def test_this_months_own_result_is_no_last_brs(
    xlsx: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    last = october(xlsx, tmp_path)
    bank = xlsx({"Statement": statement(OCTOBER_BANK)}, name="bank-oct-again.xlsx")
    books = xlsx({"Ledger": ledger(OCTOBER_BOOKS)}, name="books-oct-again.xlsx")
    code = main(
        ["reconcile", "--bank", str(bank), "--ledger", str(books), "--out",
         str(tmp_path / "again.xlsx"), "--last-brs", str(last)]
    )  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2
    assert "brs-oct.xlsx is the BRS as on 31-10-2026, but this statement ends on 31-10-2026" in err


def test_a_cheque_brought_forward_wins_by_reference_over_a_late_guess(
    xlsx: Callable[..., Path], tmp_path: Path
) -> None:
    """Om Sai's October cheque 000451 is presented on 04-11; on 18-11 the books pay Om Sai
    again, cheque 000461, of the same 5,000.00 (not yet presented). The bank line is October's
    cheque by its number, not November's a fortnight later by amount and party."""
    last = october(xlsx, tmp_path)
    head = [HDFC_HEAD[0], ["Statement From : 01/11/2026 To : 30/11/2026"], *HDFC_HEAD[2:]]
    lines = [
        NOVEMBER_BANK[0],
        ["04/11/26", "CHQ PAID-000451-OM SAI LOGISTICS", "000451", 5000, None],
        NOVEMBER_BANK[2],
    ]
    body = statement(lines, opening=99982.30)[len(HDFC_HEAD) :]
    bank = xlsx({"Statement": [*head, *body]}, name="bank-nov.xlsx")
    entries = [
        *NOVEMBER_BOOKS[:3],
        [date(2026, 11, 18), "Om Sai Logistics", "Payment", "CHQ 000461", None, 5000],
        NOVEMBER_BOOKS[3],
    ]
    books = xlsx({"Ledger": [*TALLY_HEAD, *entries]}, name="books-nov.xlsx")
    result = run_reconcile(bank, books, last_brs=last)
    cheque = result.matches[result.bank["narration"].to_numpy()[result.matches["bank"]] != ""]
    cheque = cheque[result.bank["reference"].to_numpy()[cheque["bank"]] == "000451"]
    assert cheque["rule"].tolist() == ["Reference"]
    paired = result.ledger.iloc[cheque["ledger"].tolist()]
    assert paired["voucher_no"].str.contains("000451").tolist() == [True]
    assert paired["date"].tolist() == [date(2026, 10, 28)]
    still = result.ledger.iloc[result.ledger_open]
    assert sorted(still["voucher_no"].tolist()) == ["CHQ 000452", "CHQ 000461"]
    assert result.brs.difference == 0  # bank 1,05,982.30 less 12,000 and 5,000 = books 88,982.30


def test_a_line_paired_with_last_months_item_is_offered_in_no_suggestion(
    xlsx: Callable[..., Path], tmp_path: Path
) -> None:
    """November's bank charges 17.07 on 06-11 (digits of 17.70 transposed): the books' 17.70
    of 05-11 is October's charge, paired with it by amount, and no suggestion for 17.07."""
    last = october(xlsx, tmp_path)
    head = [HDFC_HEAD[0], ["Statement From : 01/11/2026 To : 30/11/2026"], *HDFC_HEAD[2:]]
    lines = [*NOVEMBER_BANK[:2], ["06/11/26", "SMS CHGS OCT INCL GST", None, 17.07, None]]
    body = statement([*lines, NOVEMBER_BANK[2]], opening=99982.30)[len(HDFC_HEAD) :]
    bank = xlsx({"Statement": [*head, *body]}, name="bank-nov.xlsx")
    books = xlsx({"Ledger": [*TALLY_HEAD, *NOVEMBER_BOOKS]}, name="books-nov.xlsx")
    result = run_reconcile(bank, books, last_brs=last)
    charge = result.ledger.index[result.ledger["voucher_no"] == "JV/3"].tolist()
    paired = result.matches[result.matches["ledger"].isin(charge)]
    assert paired["rule"].tolist() == ["Brought forward"]
    assert result.bank["date"].to_numpy()[paired["bank"]].tolist() == [date(2026, 10, 31)]
    assert not result.suggestions["ledger"].isin(charge).any()
    assert not result.suggestions["bank"].isin(paired["bank"]).any()


def written_november(xlsx: Callable[..., Path], tmp_path: Path, detail: Detail) -> Path:
    """November reconciled with October's BRS kept as `detail` files; the report's path."""
    last = october(xlsx, tmp_path, detail)
    bank, books = november(xlsx)
    out = tmp_path / "brs-nov.xlsx"
    result = run_reconcile(bank, books, report=out, last_brs=last)
    assert result.brs.difference == 0
    write_result(result, out)
    return out


def test_links_to_last_months_items_kept_in_csv_files_open_those_files(
    xlsx: Callable[..., Path], tmp_path: Path
) -> None:
    out = written_november(xlsx, tmp_path, Detail.CSV)
    book = openpyxl.load_workbook(out)
    links = [
        (c.value, c.hyperlink.target, c.hyperlink.location)
        for sheet in ("Unmatched Ledger", "Matches")
        for row in book[sheet].iter_rows()
        for c in row
        if c.hyperlink and "oct" in c.hyperlink.target
    ]
    assert sorted(links) == [
        (2, "brs-oct-unmatched-bank.csv", "'brs-oct-unmatched-bank'!A2"),  # October's charge
        (2, "brs-oct-unmatched-ledger.csv", "'brs-oct-unmatched-ledger'!A2"),  # Om Sai
        (3, "brs-oct-unmatched-ledger.csv", "'brs-oct-unmatched-ledger'!A3"),  # Kaveri, still out
        (4, "brs-oct-unmatched-ledger.csv", "'brs-oct-unmatched-ledger'!A4"),  # the deposit
    ]
    kaveri = pd.read_csv(tmp_path / "brs-oct-unmatched-ledger.csv", encoding="utf-8-sig")
    assert kaveri.iloc[3 - 2]["Particulars"] == "Kaveri Traders"  # row 3: header on row 1


def test_links_to_last_months_items_kept_in_parquet_are_plain_row_numbers(
    xlsx: Callable[..., Path], tmp_path: Path
) -> None:
    out = written_november(xlsx, tmp_path, Detail.PARQUET)
    unmatched = openpyxl.load_workbook(out)["Unmatched Ledger"]
    assert unmatched["A2"].value == 3 and unmatched["A2"].hyperlink is None


def test_confirm_with_last_brs_moved_away_says_where_it_was(
    xlsx: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    last = october(xlsx, tmp_path)
    bank, books = november(xlsx)
    out = tmp_path / "brs-nov.xlsx"
    main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out),
          "--last-brs", str(last)])  # fmt: skip
    last.rename(tmp_path / "archived-oct.xlsx")
    capsys.readouterr()
    assert main(["reconcile", "--confirm", str(out)]) == 2
    err = capsys.readouterr().err
    assert "brs-nov.xlsx, sheet Run: last month's BRS in B" in err
    assert "brs-oct.xlsx') is not there" in err and "--last-brs" in err
    assert "Traceback" not in err


def test_the_summary_speaks_of_last_months_brs_only_when_it_was_given(
    xlsx: Callable[..., Path], tmp_path: Path
) -> None:
    last = october(xlsx, tmp_path)
    bank, books = november(xlsx)
    without, given = tmp_path / "without.xlsx", tmp_path / "given.xlsx"
    # without last month's BRS this month does not tie (its items are missing): exit 1
    assert main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out",
                 str(without)]) == 1  # fmt: skip
    assert main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out",
                 str(given), "--last-brs", str(last)]) == 0  # fmt: skip
    plain = [r[0] for r in rows(without, "Summary")]
    assert "Matched by reference" in plain
    assert "Cleared from last month's BRS by amount" not in plain
    assert not [t for t in plain if str(t).endswith("brought forward")]
    carried = {r[0]: r[1] for r in rows(given, "Summary")}
    assert carried["Cleared from last month's BRS by amount"] == 1
    assert carried["Ledger lines brought forward"] == 3


def test_two_receipts_brought_forward_clear_as_one_deposit(
    xlsx: Callable[..., Path], tmp_path: Path
) -> None:
    """October's two receipts from Vardhaman (5,000.00 and 3,000.00, 31-10) were deposited
    together: one credit of 8,000.00 on 03-11. The items take part in the combinations."""
    bank = xlsx({"Statement": statement(OCTOBER_BANK)}, name="bank-oct.xlsx")
    books = [
        *OCTOBER_BOOKS[:2],
        [date(2026, 10, 31), "Vardhaman Retail", "Receipt", "RCT/9", 5000, None],
        [date(2026, 10, 31), "Vardhaman Retail", "Receipt", "RCT/10", 3000, None],
    ]
    out = tmp_path / "brs-oct.xlsx"
    write_result(
        run_reconcile(bank, xlsx({"Ledger": ledger(books)}, name="books-oct.xlsx"), report=out),
        out,
    )
    bank, books_nov = november(xlsx)
    result = run_reconcile(bank, books_nov, last_brs=out)
    deposit = result.matches[result.bank["signed"].to_numpy()[result.matches["bank"]] == 800000]
    assert deposit["rule"].tolist() == ["Combination", "Combination"]
    assert sorted(result.ledger["voucher_no"].to_numpy()[deposit["ledger"]]) == ["RCT/10", "RCT/9"]
    assert result.brs.difference == 0


def test_last_months_cheque_written_back_this_month_is_no_item(
    xlsx: Callable[..., Path], tmp_path: Path
) -> None:
    """October's cheque 000452 to Kaveri Traders, never presented, is written back by a journal
    in November (stale, or lost). Carried in with --last-brs, it was listed under both headings
    of November's BRS, and would have been carried every month after."""
    october_books = [
        [date(2026, 10, 29), "Kaveri Traders", "Payment", "P-7", None, 12000],
        [None, "Ch. No. : 000452", None, None, None, None],
    ]
    bank = xlsx({"Statement": statement(OCTOBER_BANK)}, name="bank-oct.xlsx")
    books = xlsx({"Ledger": ledger(october_books)}, name="books-oct.xlsx")
    last = tmp_path / "brs-oct.xlsx"
    write_result(run_reconcile(bank, books, report=last), last)
    head = [HDFC_HEAD[0], ["Statement From : 01/11/2026 To : 30/11/2026"], *HDFC_HEAD[2:]]
    body = statement([["05/11/26", "NEFT CR-ACME-INV 77", "N123", None, 3000]], 99982.30)
    bank = xlsx({"Statement": [*head, *body[len(HDFC_HEAD) :]]}, name="bank-nov.xlsx")
    november_books = [
        [date(2026, 11, 1), "Opening Balance", None, None, 88000, None],
        [date(2026, 11, 5), "Acme Industries", "Receipt", "RCT/12", 3000, None],
        [date(2026, 11, 5), "Bank Charges", "Journal", "JV/3", None, 17.70],
        [date(2026, 11, 25), "Kaveri Traders", "Journal", "JV/9", 12000, None],
        [None, "Being Ch. No. 000452 dt 29-10-2026 cancelled, liability restored", None, None],
    ]
    books = xlsx({"Ledger": [*TALLY_HEAD, *november_books]}, name="books-nov.xlsx")
    result = run_reconcile(bank, books, last_brs=last)
    assert result.brs.difference == 0
    assert result.brs.cheques_not_presented == 0 and result.brs.deposits_not_credited == 0
    assert any(
        "1 pair(s) of book entries cancel each other" in note
        and "Kaveri Traders, 12,000.00, 000452, of 29-10-2026 and 25-11-2026" in note
        for note in result.notes
    ), result.notes


def test_an_unexplained_opening_gap_of_one_items_amount_names_the_item(
    xlsx: Callable[..., Path], tmp_path: Path
) -> None:
    """Kaveri's cheque of 12,000.00, outstanding on October's BRS, was deleted from October's
    books after that BRS was made: November's books open 12,000.00 higher. The Summary said
    only that 12,000.00 was unexplained; it now names the item of that amount."""
    last = october(xlsx, tmp_path)
    bank, _ = november(xlsx)
    opened_higher = [[date(2026, 11, 1), "Opening Balance", None, None, 103000, None]]
    books = xlsx(
        {"Ledger": [*TALLY_HEAD, *opened_higher, *NOVEMBER_BOOKS[1:]]}, name="books-nov2.xlsx"
    )
    result = run_reconcile(bank, books, last_brs=last)
    gap = [n for n in result.notes if "unexplained" in n]
    assert gap and "12,000.00 is unexplained" in gap[0]
    assert (
        "it is the amount of that BRS's item CHQ 000452 (Kaveri Traders, 29-10-2026): was it "
        "deleted or changed in the books since?" in gap[0]
    )


@pytest.mark.parametrize(
    ("narration", "taken"),
    [
        ("NEFT CR-SBIN0004567-PATIL ENGINEERING WORKS", "TDS deducted"),  # taken as it is
        ("CLG CHQ 004521 SBIN", "Confirmed"),  # a cheque that names no one: the user accepts it
    ],
)
def test_a_matched_difference_is_carried_until_the_books_book_it(
    xlsx: Callable[..., Path], tmp_path: Path, narration: str, taken: str
) -> None:
    """October: Patil Engineering paid 1,18,000.00 less 2% TDS on 1,00,000.00; the pair was
    taken as a receipt less TDS (or, the bank naming no one, the user accepted the suggestion),
    and October's BRS listed 2,000.00 to be booked. November's books book it (TDS Receivable,
    2,000.00 out of the bank ledger). With --last-brs the difference was not carried: November
    did not tie by 2,000.00 and listed the journal as a payment not yet debited; the difference
    now comes in as last month's item and the journal clears it."""
    bank = xlsx(
        {"Statement": statement([["15/10/26", narration, "U1", None, 116000]])},
        name="bank-oct.xlsx",
    )
    books = xlsx(
        {
            "Ledger": ledger(
                [[date(2026, 10, 15), "Patil Engineering Works", "Receipt", "R-1", 118000, None]]
            )
        },
        name="books-oct.xlsx",
    )
    last = tmp_path / "brs-oct.xlsx"
    assert main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(last)]) == 0
    if taken == "Confirmed":
        book = openpyxl.load_workbook(last)
        headers = [c.value for c in book["Suggestions"][1]]
        book["Suggestions"].cell(2, headers.index("Accept") + 1, "Accept")
        book.save(last)
        assert main(["reconcile", "--confirm", str(last)]) == 0
    rules = [
        row[3]
        for row in openpyxl.load_workbook(last)["Matches"].iter_rows(min_row=2, values_only=True)
    ]
    assert rules == [taken]
    from tests.bank.test_brs_output import brs_rows, figures, listed

    october = brs_rows(openpyxl.load_workbook(last)["BRS"])
    assert [item[3] for item in listed(october, "Add: Differences on matches")] == [2000]
    summary = {
        row[0]: row[1]
        for row in openpyxl.load_workbook(last)["Summary"].iter_rows(values_only=True)
        if row and row[0]
    }
    by = "Matched as receipts less TDS (the TDS to book on the BRS)"
    assert summary[by if taken == "TDS deducted" else "Confirmed by you"] == 1
    assert figures(october)["Difference"] == 0
    head = [HDFC_HEAD[0], ["Statement From : 01/11/2026 To : 30/11/2026"], *HDFC_HEAD[2:]]
    body = statement([["05/11/26", "NEFT CR-ACME-INV 77", "N123", None, 3000]], 216000)
    bank = xlsx({"Statement": [*head, *body[len(HDFC_HEAD) :]]}, name="bank-nov.xlsx")
    november_books = [
        [date(2026, 11, 1), "Opening Balance", None, None, 218000, None],
        [date(2026, 11, 5), "Acme Industries", "Receipt", "RCT/12", 3000, None],
        [date(2026, 11, 6), "TDS Receivable", "Journal", "JV/4", None, 2000],
    ]
    books = xlsx({"Ledger": [*TALLY_HEAD, *november_books]}, name="books-nov.xlsx")
    result = run_reconcile(bank, books, last_brs=last)
    assert result.brs.difference == 0
    matches = {sheet.name: sheet.frame for sheet in result.sheets}["Matches"]
    matches = {sheet.name: sheet.frame for sheet in result.sheets}["Matches"]
    carried = matches[matches["Why"].astype(str).str.contains("brought forward from the BRS")]
    assert carried["Particulars"].tolist() == ["TDS Receivable"]
    assert carried["Bank Amount"].tolist() == [-2000]
    assert not any("unexplained" in note for note in result.notes)


def test_a_cheque_outstanding_over_three_months_is_marked_stale(
    xlsx: Callable[..., Path], tmp_path: Path
) -> None:
    # July: a cheque issued to Lakshmi Printers on 15-07 and one of Sonawane Traders deposited
    # on 20-07, neither in the bank by the 31st. October, with July's result as the last BRS:
    # both still outstanding, more than three months after their dates (a cheque is valid for
    # three months): stale, to be written back. Om Sai's cheque of 28-10 is only late.
    july_books = [
        [date(2026, 7, 1), "Opening Balance", None, None, 100000, None],
        [date(2026, 7, 10), "Acme Industries", "Receipt", "RCT/7", 5000, None],
        [date(2026, 7, 15), "Lakshmi Printers", "Payment", "CHQ 000118", None, 18760],
        [date(2026, 7, 20), "Sonawane Traders", "Receipt", "CHQ 405060", 52000, None],
        [None, "Closing Balance", None, None, None, 138240],
    ]
    bank = xlsx(
        {"Statement": statement([["10/07/26", "NEFT CR-ACME-INV 7", "N7", None, 5000]])},
        name="bank-jul.xlsx",
    )
    books = xlsx({"Ledger": [*TALLY_HEAD, *july_books]}, name="books-jul.xlsx")
    july = tmp_path / "brs-jul.xlsx"
    result = run_reconcile(bank, books, report=july)
    assert result.brs.difference == 0 and result.brs.stale_count == 0
    write_result(result, july)
    october_books = [
        [date(2026, 10, 1), "Opening Balance", None, None, 138240, None],
        [date(2026, 10, 20), "Acme Industries", "Receipt", "RCT/12", 3000, None],
        [date(2026, 10, 28), "Om Sai Logistics", "Payment", "CHQ 000451", None, 5000],
        [None, "Closing Balance", None, None, None, 136240],
    ]
    bank = xlsx(
        {"Statement": statement([["20/10/26", "NEFT CR-ACME-INV 77", "N77", None, 3000]], 105000)},
        name="bank-oct.xlsx",
    )
    books = xlsx({"Ledger": [*TALLY_HEAD, *october_books]}, name="books-oct.xlsx")
    out = tmp_path / "brs-oct.xlsx"
    result = run_reconcile(bank, books, report=out, last_brs=july)
    write_result(result, out)
    assert result.brs.difference == 0
    stale = " — stale: over 3 months, write it back in the books"
    issued = result.brs.items[Section.CHEQUES_NOT_PRESENTED]
    assert issued["particulars"].tolist() == [
        f"Lakshmi Printers (brought forward){stale}",
        "Om Sai Logistics",
    ]
    deposited = result.brs.items[Section.DEPOSITS_NOT_CREDITED]
    assert deposited["particulars"].tolist() == [f"Sonawane Traders (brought forward){stale}"]
    brs = " ".join(str(r[1]) for r in rows(out, "BRS") if r[1])
    assert "Lakshmi Printers (brought forward) — stale:" in brs
    assert "Om Sai Logistics" in brs and brs.count("stale:") == 2
    counts = {r[0]: tuple(r[1:]) for r in rows(out, "Summary")}
    assert counts["Stale book entries (over 3 months): write back"] == (2, 18760, 52000)
    summary = " ".join(str(r[0]) for r in rows(out, "Summary")[:12])
    assert "2 book entries on the BRS (18,760.00 issued and 52,000.00 deposited)" in summary
    # October's result is November's last BRS: the items come back as the books wrote them
    again = read_last_brs(out)
    assert sorted(again.ledger["particulars"]) == [
        "Lakshmi Printers",
        "Om Sai Logistics",
        "Sonawane Traders",
    ]
