"""SWIFT MT940 statements (helper-128: HSBC India delivers its statements so, through HSBCnet;
so do Citi, Deutsche Bank and Standard Chartered, and the Indian banks' corporate portals):
`.sta` was 'not a file xlbo reads', and as `.txt` it was told to name its columns with --map."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from xlbo.cli import main
from xlbo.issues import Severity
from xlbo.readers.mt940 import NotMt940, is_mt940, read_mt940
from xlbo.readers.statement import read_statement

NOVEMBER = """{1:F01HSBCINBBAXXX0000000000}{2:O940HSBCINBBXXXX}{4:
:20:AIQ0000085320001
:25:HSBCINBB/073123456001
:28C:00189/00001
:60F:C261031INR542310,25
:61:2611021102C118000,00NTRFSBINN26110212345//HS00000001
:86:NEFT CR-SBIN0004567-BALAJI TRADERS-
SBINN26110212345678
:61:2611031103D45000,00NCHK000451//HS00000002
:86:CHQ PAID-000451-KAVERI SUPPLIERS
:61:2611251125D17,7NTRFNONREF//HS00000003
:86:SMS ALERT CHGS INCL GST
:61:2611271127RD2350,00NTRFNONREF//HS00000004
:86:REVERSAL OF UPI/DR/630812345671/OFFICE MART
:62F:C261130INR617642,55
-}
"""
"""November of an HSBC current account: a receipt whose narration runs over two lines of the
file, a cheque, a charge of 17.70 written `17,7`, a debit reversed (`RD`: money back in)."""


def sta(tmp_path: Path, text: str, name: str = "statement.sta") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_mt940_statements_lines_balances_and_account_are_read(tmp_path: Path) -> None:
    lines = read_statement(str(sta(tmp_path, NOVEMBER)))
    frame = lines.frame
    assert len(frame) == 4
    assert frame["date"].tolist() == [
        date(2026, 11, 2),
        date(2026, 11, 3),
        date(2026, 11, 25),
        date(2026, 11, 27),
    ]
    assert frame["debit"].tolist() == [0, 4500000, 1770, 0]
    assert frame["credit"].tolist() == [11800000, 0, 0, 235000]
    assert frame["narration"].iat[0] == "NEFT CR-SBIN0004567-BALAJI TRADERS- SBINN26110212345678"
    assert frame["reference"].tolist()[:2] == ["SBINN26110212345", "000451"]
    assert frame["reference"].iat[2] == "HS00000003"  # NONREF: the bank's own reference
    assert frame["row"].tolist() == [6, 9, 11, 13]  # each line's :61: in the file
    assert (lines.opening, lines.closing) == (54231025, 61764255)
    assert frame["balance"].tolist()[-1] == 61764255
    assert lines.account == "073123456001"
    assert lines.period == (date(2026, 11, 1), date(2026, 11, 30))
    assert lines.currency == ""  # rupees
    assert lines.issues == [] and lines.findings == []


def test_a_closing_balance_the_lines_do_not_reach_is_a_finding(tmp_path: Path) -> None:
    text = NOVEMBER.replace(":62F:C261130INR617642,55", ":62F:C261130INR617742,55")
    [finding] = read_mt940(sta(tmp_path, text)).findings
    assert finding.check == "Statement total"
    assert "closing balance (:62F:) is 6,17,742.55" in finding.detail
    assert "come to 6,17,642.55 (difference 100.00)" in finding.detail


def test_a_line_that_cannot_be_read_is_an_error_at_its_line_of_the_file(tmp_path: Path) -> None:
    text = NOVEMBER.replace(":61:2611031103D45000,00NCHK", ":61:2611031103X45000,00NCHK")
    lines = read_mt940(sta(tmp_path, text))
    assert len(lines.frame) == 3
    [issue] = lines.issues
    assert issue.severity is Severity.ERROR
    assert issue.cell == "line 9"
    assert issue.problem.startswith("the :61: field is no statement line")


def test_pages_of_one_statement_are_read_in_turn(tmp_path: Path) -> None:
    """A statement of two pages (`:28C:` 1 and 2): the first page closes with an interim `:62M:`
    and the second opens with `:60M:`; the first opening and the last closing are the month's."""
    first, second = NOVEMBER.split(":61:2611251125")
    pages = (
        first.replace(":28C:00189/00001", ":28C:00189/00001")
        + ":62M:C261103INR615310,25\n-}\n"
        + "{1:F01HSBCINBBAXXX0000000000}{2:O940HSBCINBBXXXX}{4:\n:20:AIQ0000085320002\n"
        + ":25:HSBCINBB/073123456001\n:28C:00189/00002\n:60M:C261103INR615310,25\n"
        + ":61:2611251125"
        + second
    )
    lines = read_mt940(sta(tmp_path, pages))
    assert len(lines.frame) == 4
    assert (lines.opening, lines.closing) == (54231025, 61764255)
    assert lines.findings == []


def test_an_entry_date_in_january_of_a_line_valued_in_december_is_of_the_next_year(
    tmp_path: Path,
) -> None:
    text = NOVEMBER.replace(":61:2611271127RD", ":61:2612310102RD")
    lines = read_mt940(sta(tmp_path, text))
    assert lines.frame["date"].iat[-1] == date(2027, 1, 2)
    assert lines.frame["value_date"].iat[-1] == date(2026, 12, 31)


def test_a_txt_is_an_mt940_statement_only_where_its_text_is_one(tmp_path: Path) -> None:
    assert is_mt940(sta(tmp_path, NOVEMBER, "hsbc.txt"))
    assert not is_mt940(sta(tmp_path, "Date,Narration,Debit,Credit\n", "bank.txt"))
    assert not is_mt940(sta(tmp_path, NOVEMBER, "hsbc.csv"))


def test_a_file_named_sta_with_no_line_or_balance_is_refused_saying_so(tmp_path: Path) -> None:
    with pytest.raises(NotMt940, match="no statement line or balance could be read"):
        read_mt940(sta(tmp_path, ":20:X\n:25:1234\n:61:garbage\n"))


def test_junk_in_an_mt940_file_gives_errors_or_a_refusal_never_a_traceback(
    tmp_path: Path,
) -> None:
    chooser = random.Random(7)
    pieces = [":61:", ":86:", ":60F:", ":62F:", ":25:", "C", "D", "RC", "2611", "99", ",", "7",
              "NTRF", "//", "INR", "-}", "{4:", "\n", " ", "?20", "\u00a0", "₹"]  # fmt: skip
    for _ in range(200):
        junk = ":20:J\n" + "".join(chooser.choice(pieces) for _ in range(chooser.randint(1, 40)))
        try:
            lines = read_mt940(sta(tmp_path, junk))
        except NotMt940:
            continue
        assert all(issue.cell.startswith("line ") for issue in lines.issues)
        assert (lines.frame["debit"] >= 0).all() and (lines.frame["credit"] >= 0).all()


def test_reconcile_reads_an_mt940_statement_and_ties(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = sta(
        tmp_path,
        NOVEMBER.replace(":61:2611271127RD", ":61:2611271127C").replace(
            "REVERSAL OF UPI/DR/630812345671/OFFICE MART", "UPI/CR/630812345671/OFFICE MART"
        ),
    )
    books = tmp_path / "books.csv"
    books.write_text(
        "Date,Particulars,Vch Type,Vch No.,Debit,Credit\n"
        "01-11-2026,Opening Balance,,,542310.25,\n"
        "02-11-2026,Balaji Traders,Receipt,1,118000.00,\n"
        "02-11-2026,Kaveri Suppliers,Payment,2,,45000.00\n"
        "25-11-2026,Bank Charges,Journal,3,,17.70\n"
        "27-11-2026,Office Mart,Receipt,4,2350.00,\n",
        encoding="utf-8",
    )
    out = tmp_path / "brs.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    said = capsys.readouterr().out
    assert code == 0, said
    assert said.startswith("4 matches, 0 bank and 0 ledger lines unmatched"), said
    assert "BRS difference 0.00" in said


# -- real files' shapes (helper-131: 159 files from public MT940 parsers' tests) ---------------


def test_lines_whose_transaction_type_is_short_or_missing_are_read(tmp_path: Path) -> None:
    """ING's `NOV `, Triodos' `NIT `, Sberbank's `S   `, Zenith's none: every line of those
    files was an Error and none was read."""
    text = NOVEMBER.replace("NTRFSBINN26110212345//", "NOV SBINN26110212345//")
    text = text.replace("D45000,00NCHK000451//", "D45000,00S   000451//")
    text = text.replace("D17,7NTRFNONREF//HS00000003", "D17,7//HS00000003")
    lines = read_mt940(sta(tmp_path, text))
    assert lines.issues == [] and lines.findings == []
    assert lines.frame["debit"].tolist()[:3] == [0, 4500000, 1770]
    assert lines.frame["reference"].tolist()[:3] == ["SBINN26110212345", "000451", "HS00000003"]


def test_a_messages_end_and_what_follows_it_are_no_part_of_its_closing_balance(
    tmp_path: Path,
) -> None:
    """ASN's `-}{5:}` under `:62F:`, ABN AMRO's `-` then `ABNANL2A` and `940`, Rabobank's
    Ctrl-Z at the file's end were read as the closing balance's text: no closing, and a made-up
    one in its place, checked by nothing."""
    for end in ("-}{5:}\n", "-\nABNANL2A\n940\nABNANL2A\n", "-}\n\x1a"):
        text = NOVEMBER.replace("-}\n", end)
        lines = read_mt940(sta(tmp_path, text))
        assert lines.issues == [] and lines.findings == [], end
        assert lines.closing == 61764255


def test_a_file_without_a_closing_balance_says_nothing_checks_its_lines(tmp_path: Path) -> None:
    lines = read_mt940(sta(tmp_path, NOVEMBER.replace(":62F:C261130INR617642,55\n", "")))
    assert lines.closing == 61764255  # the opening moved by the lines
    [warning] = lines.issues
    assert warning.severity is Severity.WARNING
    assert "no closing balance (:62F:)" in warning.problem


def test_several_accounts_in_one_file_are_not_joined_the_others_named(tmp_path: Path) -> None:
    """Rabobank's four accounts in one file were read as one statement (a false 'line may be
    missing' finding, another account's receipt among its lines)."""
    other = NOVEMBER.replace(":25:HSBCINBB/073123456001", ":25:HSBCINBB/073999888001")
    lines = read_mt940(sta(tmp_path, NOVEMBER + other))
    assert len(lines.frame) == 4
    assert lines.account == "073123456001"
    assert lines.findings == []
    assert lines.accounts_below == ["073999888001"]
    [warning] = lines.issues
    assert warning.problem.startswith(
        "the file holds the statements of 2 accounts: this BRS is of A/c 073123456001; "
        "A/c 073999888001, 4 line(s) were not read"
    )


def test_the_statements_own_information_is_no_lines_narration(tmp_path: Path) -> None:
    """HSBC's `:86:/OSDR/HSBCHKHH` after the closing balance ran on to the last line's narration;
    a narration's lines join with a space, but a line cut at SWIFT's 65 characters runs on."""
    cut = "UPI/DR/630812345671/OFFICE MART/YESB/officemart@ybl/PAYMENT FOR S"
    text = NOVEMBER.replace(
        ":86:REVERSAL OF UPI/DR/630812345671/OFFICE MART", f":86:{cut}\nTATIONERY\nNOV 2026"
    ).replace("-}\n", ":64:C261130INR617642,55\n:86:/OSDR/HSBCINBB\n-}\n")
    lines = read_mt940(sta(tmp_path, text))
    assert len(cut) == 65
    assert lines.frame["narration"].iat[-1] == f"{cut}TATIONERY NOV 2026"


def test_days_statements_newest_first_are_read_in_date_order_a_repeat_once(
    tmp_path: Path,
) -> None:
    """helper-132's c7a and c7b: two days' statements, the later first in the file, gave the
    period backwards and the earlier day's closing; one given twice doubled its lines."""
    day_one = (
        ":20:A\n:25:073123456001\n:28C:1/1\n:60F:C261101INR100000,00\n"
        ":61:2611021102C5000,00NTRFN1//H1\n:86:NEFT CR ARUL\n:62F:C261102INR105000,00\n-}\n"
    )
    day_two = (
        ":20:B\n:25:073123456001\n:28C:2/1\n:60F:C261102INR105000,00\n"
        ":61:2611031103D1300.00NCHKN000451//H2\n:86:CHQ PAID 000451\n"
        ":62F:C261103INR103700,00\n-}\n"
    )
    lines = read_mt940(sta(tmp_path, day_two + day_one + day_two))
    assert lines.frame["date"].tolist() == [date(2026, 11, 2), date(2026, 11, 3)]
    assert lines.frame["debit"].tolist() == [0, 130000]  # `1300.00`, a decimal point
    assert (lines.opening, lines.closing) == (10000000, 10370000)
    assert lines.period == (date(2026, 11, 2), date(2026, 11, 3))
    assert lines.findings == []
    [twice] = lines.issues
    assert (
        twice.problem
        == "the statement of 02-11-2026 with 1 line(s) is in the file twice: read once"
    )


def test_a_ledger_of_the_files_second_account_is_refused_saying_to_download_it_alone(
    tmp_path: Path, xlsx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """helper-132's c19: the refusal said to copy the account's rows to a sheet of their own,
    which an MT940 file has none of."""
    other = NOVEMBER.replace(":25:HSBCINBB/073123456001", ":25:HSBCINBB/073999888001")
    bank = sta(tmp_path, other + NOVEMBER)
    books = xlsx(
        {
            "Ledger": [
                ["Sahyadri Tradelinks Pvt Ltd"],
                ["HSBC Current A/c 073123456001"],
                ["Ledger Account"],
                ["1-Nov-2026 to 30-Nov-2026"],
                ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
                [date(2026, 11, 1), "Opening Balance", None, None, 542310.25, None],
                [date(2026, 11, 2), "Balaji Traders", "Receipt", "1", 118000, None],
            ]
        },
        name="books.xlsx",
    )
    out = tmp_path / "b.xlsx"
    code = main(["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", str(out)])
    assert code == 2
    said = capsys.readouterr().err
    assert "Download A/c 073123456001's statement alone and reconcile it with this ledger" in said


def test_a_file_named_sta_that_holds_no_mt940_is_refused_saying_what_it_lacks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """3 KB of a broken download named `.sta` was "not a file xlbo reads; use an Excel
    workbook…", as if MT940 were not read at all."""
    junk = sta(tmp_path, "Session expired. Please log in again.\n" * 80, "nov.sta")
    books = tmp_path / "ledger.csv"
    books.write_text("Date,Particulars,Debit,Credit\n01/11/2026,Opening,100,\n")
    code = main(
        [
            "reconcile",
            "--bank",
            str(junk),
            "--ledger",
            str(books),
            "--out",
            str(tmp_path / "b.xlsx"),
        ]
    )
    said = capsys.readouterr().err
    assert code == 2 and "Traceback" not in said
    assert (
        "nov.sta is named as an MT940 statement (.sta), but its first lines hold no MT940" in said
    )
    assert "Download the statement from the bank again as MT940" in said
