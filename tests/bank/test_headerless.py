"""Statement downloads with no header row: HSBC India's `date,description,amount` CSV."""

from __future__ import annotations

from pathlib import Path

import pytest

from xlbo.readers.roles import Role
from xlbo.readers.statement import NoStatement, read_statement

HSBC = """\
02/11/2026,NEFT CR-HDFC0000240-SHREE BALAJI TRADERS-INV 1187,118000.00
04/11/2026,CLG/000452/KAVERI PACKAGING,-35400.00
06/11/2026,RTGS DR-SBIN0001234-VARDHAMAN STEELS PVT LTD,-250000.00
09/11/2026,UPI/631312345678/RAHUL ENTERPRISES/rahulent@okaxis,4720.00
23/11/2026,NEFT CHGS INCL GST,-17.70
30/11/2026,CREDIT INTEREST,1236.00
"""


def csv(tmp_path: Path, text: str, name: str = "TransactionHistory.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_hsbcs_download_of_date_description_and_signed_amount_is_read(tmp_path: Path) -> None:
    """It was refused: no header row with a date and amount columns, and --map names columns
    by their headers (helper-137, 18_hsbc_india b)."""
    lines = read_statement(csv(tmp_path, HSBC))
    frame = lines.frame
    assert len(frame) == 6
    assert (frame["row"].iloc[0], str(frame["date"].iloc[0])) == (1, "2026-11-02")
    assert frame["narration"].iloc[-1] == "CREDIT INTEREST"
    assert int(frame["debit"].sum()) == 3540000 + 25000000 + 1770
    assert int(frame["credit"].sum()) == 11800000 + 472000 + 123600
    [note] = [str(i) for i in lines.issues]
    assert note.endswith(
        "the file has no header row: its columns were read by what they hold, A as the date, B as "
        "the narration, C as the amount (a minus: money out). If a column was read as what it is "
        "not, add a header row (Date, Narration, Amount, Balance) or name the columns by letter "
        'with --map (e.g. --map "date=A,narration=B,amount=C").'
    )


def test_a_running_balance_beside_the_amount_is_the_balance(tmp_path: Path) -> None:
    balance, rows = 312450.75, []
    for line in HSBC.splitlines():
        day, text, amount = line.split(",")
        balance = round(balance + float(amount), 2)
        rows.append(f"{day},{text},{amount},{balance:.2f}")
    lines = read_statement(csv(tmp_path, "\n".join(rows) + "\n"))
    assert len(lines.frame) == 6
    assert lines.closing == round(balance * 100)
    assert "D as the balance" in str(lines.issues[0])


def test_map_names_a_headerless_files_columns_by_letter(tmp_path: Path) -> None:
    text = "\n".join(
        f"{text},{day},{amount}"
        for day, text, amount in (line.split(",") for line in HSBC.splitlines())
    )
    mapping = {Role.NARRATION: "A", Role.DATE: "B", Role.AMOUNT: "C"}
    lines = read_statement(csv(tmp_path, text + "\n"), mapping=mapping)
    assert lines.frame["narration"].iloc[1] == "CLG/000452/KAVERI PACKAGING"
    assert int(lines.frame["debit"].iloc[1]) == 3540000
    assert "columns were read as --map names them, A as the narration, B as the date" in str(
        lines.issues[0]
    )


def test_a_headerless_file_of_two_half_filled_money_columns_is_not_guessed(
    tmp_path: Path,
) -> None:
    """Which of two columns is money out cannot be told from the figures: refused, as before."""
    text = "02/11/2026,NEFT CR BALAJI,,118000.00\n04/11/2026,CLG 000452 KAVERI,35400.00,\n"
    with pytest.raises(NoStatement, match="no header row with a date and amount columns"):
        read_statement(csv(tmp_path, text * 3))
