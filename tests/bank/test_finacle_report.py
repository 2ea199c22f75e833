"""A Finacle back-office report's columns, as co-operative and regional rural banks hand them
over: TRAN_TYPE is the kind of transaction (T transfer, L clearing, C cash), PART_TRAN_TYPE
the side (D, C) (helper-137, V10)."""

from __future__ import annotations

from pathlib import Path

from xlbo.readers.roles import Role
from xlbo.readers.statement import read_statement

REPORT = """\
TRAN_DATE,TRAN_ID,TRAN_TYPE,PART_TRAN_TYPE,TRAN_AMT,TRAN_PARTICULAR,BALANCE
02-11-2026,S1001,T,C,118000.00,NEFT CR-HDFC0000240-SHREE BALAJI TRADERS-INV 1187,430450.75
04-11-2026,S1002,L,D,35400.00,CLG/000452/KAVERI PACKAGING,395050.75
14-11-2026,S1006,C,D,25000.00,CASH WDL SELF CHQ 000453,370050.75
30-11-2026,S1012,T,C,1236.00,CREDIT INTEREST,371286.75
"""


def test_a_cash_withdrawal_is_money_out_and_the_report_reads_without_map(tmp_path: Path) -> None:
    """TRAN_TYPE's C (cash) was read as Cr: a cash withdrawal of 25,000.00 became a receipt,
    and TRAN_TYPE's T left the first line unread."""
    path = tmp_path / "statement.csv"
    path.write_text(REPORT, encoding="utf-8")
    for mapping in ({}, {Role.AMOUNT: "TRAN_AMT"}):
        lines = read_statement(str(path), mapping=mapping)
        frame = lines.frame
        assert frame["debit"].tolist() == [0, 3540000, 2500000, 0]
        assert frame["credit"].tolist() == [11800000, 0, 0, 123600]
        assert frame["narration"].iloc[2] == "CASH WDL SELF CHQ 000453"
        assert lines.closing == 37128675
        assert not lines.issues and not lines.findings


def test_a_column_of_c_under_a_header_no_list_knows_is_no_side_column(tmp_path: Path) -> None:
    """helper-141: a `Status` column of `C` (cleared) was taken for the sides and made every
    signed withdrawal a deposit."""
    path = tmp_path / "statement.csv"
    path.write_text(
        "Date,Narration,Amount,Balance,Status\n"
        "02/11/2026,NEFT CR-SHREE BALAJI TRADERS,118000.00,218000.00,C\n"
        "04/11/2026,CLG/000452/KAVERI PACKAGING,-35400.00,182600.00,C\n"
        "05/11/2026,ATM WDL,-5000.00,177600.00,C\n",
        encoding="utf-8",
    )
    frame = read_statement(str(path)).frame
    assert frame["debit"].tolist() == [0, 3540000, 500000]
    assert frame["credit"].tolist() == [11800000, 0, 0]


def test_signed_amounts_the_balance_bears_out_outweigh_a_type_column_that_says_otherwise(
    tmp_path: Path,
) -> None:
    """helper-141: a `Tran Type` column of `C` beside signed amounts made every withdrawal a
    deposit; the running balance says the minus signs are right."""
    path = tmp_path / "statement.csv"
    path.write_text(
        "Date,Narration,Amount,Balance,Tran Type\n"
        "02/11/2026,NEFT CR-SHREE BALAJI TRADERS,118000.00,218000.00,C\n"
        "04/11/2026,CLG/000452/KAVERI PACKAGING,-35400.00,182600.00,C\n"
        "05/11/2026,ATM WDL,-5000.00,177600.00,C\n",
        encoding="utf-8",
    )
    lines = read_statement(str(path))
    assert lines.frame["debit"].tolist() == [0, 3540000, 500000]
    assert not lines.findings
