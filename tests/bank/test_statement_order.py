"""The order of a statement's lines: oldest first as they happened, whichever way the bank
printed them. What the user sees: the lines read in order and the closing balance."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from xlbo.readers.statement import read_statement

# a busy account's page of one day, newest first (the balance runs from each line to the one
# above it): Kavita's receipt came last, the opening was 1,00,000.00
ONE_DAY_NEWEST_FIRST = [
    ["Statement for the period 15/10/2026 to 15/10/2026"],
    ["Txn Date", "Description", "Ref No./Cheque No.", "Debit", "Credit", "Balance"],
    ["15 Oct 2026", "NEFT DR-OM SAI FREIGHT", "N293261234999", 18750.75, None, 263749.25],
    ["15 Oct 2026", "IMPS/629812345678/KAVITA QURESHI", "629812345678", None, 150000, 282500],
    ["15 Oct 2026", "CHQ PAID-000451-MEHTA & CO", "000451", 12500, None, 132500],
    ["15 Oct 2026", "NEFT CR-JAY AMBE TRADERS", "N274261234567", None, 45000, 145000],
]


def test_a_page_of_one_day_newest_first_is_put_in_order_by_its_balances(
    xlsx: Callable[..., Path],
) -> None:
    """Dates cannot tell the order of one day's lines; the balances can. The lines were kept
    newest first: three false balance breaks, and the closing balance read as 1,45,000.00."""
    lines = read_statement(str(xlsx({"Statement": ONE_DAY_NEWEST_FIRST}, name="s.xlsx")))
    assert lines.frame["narration"].tolist() == [
        "NEFT CR-JAY AMBE TRADERS",
        "CHQ PAID-000451-MEHTA & CO",
        "IMPS/629812345678/KAVITA QURESHI",
        "NEFT DR-OM SAI FREIGHT",
    ]
    assert lines.closing == 26374925
    assert not lines.findings


def test_a_page_of_one_day_oldest_first_stays_as_it_is(xlsx: Callable[..., Path]) -> None:
    oldest_first = [*ONE_DAY_NEWEST_FIRST[:2], *ONE_DAY_NEWEST_FIRST[:1:-1]]
    lines = read_statement(str(xlsx({"Statement": oldest_first}, name="s.xlsx")))
    assert lines.frame["narration"].tolist()[0] == "NEFT CR-JAY AMBE TRADERS"
    assert lines.closing == 26374925


def test_unsigned_amounts_take_their_side_from_the_running_balance(
    xlsx: Callable[..., Path],
) -> None:
    """Karnataka Bank's rows as a PDF converts them: one unsigned Amount beside the Balance.
    Every line was refused ("neither a Dr/Cr column nor the amount says which way")."""
    rows = [
        ["Statement for the period 01/10/2026 to 31/10/2026"],
        ["Date", "Description", "Amount", "Balance"],
        ["01/10/2026", "OPENING BALANCE", None, "1,00,000.00"],
        ["01/10/2026", "NEFT CR-JAY AMBE TRADERS", "45,000.00", "1,45,000.00"],
        ["03/10/2026", "CHQ PAID-000451-MEHTA & CO", "12,500.00", "1,32,500.00"],
        ["20/10/2026", "NEFT DR-OM SAI FREIGHT", "18,750.75", "1,13,749.25"],
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, name="s.xlsx")))
    assert lines.frame["credit"].tolist() == [4500000, 0, 0]
    assert lines.frame["debit"].tolist() == [0, 1250000, 1875075]
    assert not lines.issues
    newest_first = [*rows[:2], *rows[:1:-1]]  # the opening balance last, as printed newest first
    lines = read_statement(str(xlsx({"Statement": newest_first}, name="n.xlsx")))
    assert lines.frame["debit"].tolist() == [0, 1250000, 1875075]
    assert lines.closing == 11374925


def test_dates_excel_read_month_first_are_read_day_first_and_said(
    xlsx: Callable[..., Path],
) -> None:
    """Excel set to the US turns 01/10/2026 into 10 January and leaves 15/10/2026, which it
    cannot read so, as text. The BRS tied on 10-01 and 10-03, the cheque listed twice, with no
    word of it; the real dates are read day first as the text ones prove, and Integrity says so."""
    from datetime import datetime

    rows = [
        ["Date", "Narration", "Chq./Ref.No.", "Withdrawal", "Deposit", "Balance"],
        [datetime(2026, 1, 10), "NEFT CR-JAY AMBE TRADERS", "N27426", None, 45000, 145000],
        [datetime(2026, 3, 10), "CHQ PAID-000451-MEHTA & CO", "000451", 12500, None, 132500],
        ["15/10/2026", "IMPS/629812345678/KAVITA QURESHI", "629812345678", None, 150000, 282500],
        ["20/10/2026", "NEFT DR-OM SAI FREIGHT", "N29326", 18750.75, None, 263749.25],
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, name="s.xlsx")))
    assert [d.isoformat() for d in lines.frame["date"]] == [
        "2026-10-01",
        "2026-10-03",
        "2026-10-15",
        "2026-10-20",
    ]
    (finding,) = [f for f in lines.findings if f.check == "Dates read month first by Excel"]
    assert (
        "2 date cell(s) of column A" in finding.detail and "row 2 as 01-10-2026" in finding.detail
    )
    # a statement whose real dates are right as they stand is left alone
    rows[1][0], rows[2][0] = datetime(2026, 10, 1), datetime(2026, 10, 3)
    lines = read_statement(str(xlsx({"Statement": rows}, name="t.xlsx")))
    assert lines.frame["date"].iat[1].isoformat() == "2026-10-03" and not lines.findings


def test_a_statement_of_the_1st_to_the_12th_read_month_first_is_put_right_by_its_period(
    xlsx: Callable[..., Path],
) -> None:
    """helper-108 (session 30): every date a real cell Excel read month first (1 to 12
    November stored as 11 January to 11 December), no text date to prove day first. The title's
    period does: as they stand every line falls outside it, exchanged every one inside. Before:
    a finding of lines outside the period that blamed dates written without a year, and lines
    paired by reference -294 days apart."""
    from datetime import datetime

    rows = [
        ["Statement for the period 01/11/2026 to 12/11/2026"],
        ["Date", "Narration", "Chq./Ref.No.", "Withdrawal", "Deposit", "Balance"],
        [datetime(2026, 1, 11), "NEFT CR-JAY AMBE TRADERS", "N27426", None, 45000, 145000],
        [datetime(2026, 3, 11), "CHQ PAID-000451-MEHTA & CO", "000451", 12500, None, 132500],
        [datetime(2026, 9, 11), "IMPS/629812345678/KAVITA QURESHI", "629812", None, 150000, 282500],
        [datetime(2026, 12, 11), "NEFT DR-OM SAI FREIGHT", "N29326", 18750.75, None, 263749.25],
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, name="s.xlsx")))
    assert [d.isoformat() for d in lines.frame["date"]] == [
        "2026-11-01",
        "2026-11-03",
        "2026-11-09",
        "2026-11-12",
    ]
    (finding,) = lines.findings
    assert finding.check == "Dates read month first by Excel"
    assert "outside the period the title gives" in finding.detail
    # the same with an opening balance written in the date column, and a date of text that
    # reads either way round: the period still proves it
    opening = ["Opening Balance", None, None, None, None, 100000]
    either = ["05/11/2026", "NEFT CR-SRI SAI", "N30001", None, 1000, 264749.25]
    lines = read_statement(
        str(xlsx({"Statement": [*rows[:2], opening, *rows[2:], either]}, name="o.xlsx"))
    )
    assert lines.frame["date"].iat[0].isoformat() == "2026-11-01"
    (finding,) = lines.findings
    assert "outside the period the title gives" in finding.detail
    # without a period nothing proves it: a year's statement of the 11th of each month stands
    lines = read_statement(str(xlsx({"Statement": rows[1:]}, name="t.xlsx")))
    assert lines.frame["date"].iat[0].isoformat() == "2026-01-11" and not lines.findings


def test_unsigned_amounts_beside_balances_marked_cr_or_dr(xlsx: Callable[..., Path]) -> None:
    """The second reader's case: balances written `1,45,000.00 Cr` (and an overdraft `Dr`) were
    taken the ledger's way, Cr negative, and every line's side came out reversed, silently."""
    rows = [
        ["Statement for the period 01/10/2026 to 31/10/2026"],
        ["Date", "Description", "Amount", "Balance"],
        ["01/10/2026", "OPENING BALANCE", None, "50,000.00 Dr"],
        ["02/10/2026", "NEFT CR-JAY AMBE TRADERS", "20,000.00", "30,000.00 Dr"],
        ["03/10/2026", "CHQ PAID-000451-MEHTA & CO", "12,500.00", "42,500.00 Dr"],
        ["05/10/2026", "NEFT CR-OM SAI", "60,000.00", "17,500.00 Cr"],
    ]
    lines = read_statement(str(xlsx({"Statement": rows}, name="s.xlsx")))
    assert lines.frame["credit"].tolist() == [2000000, 0, 6000000]
    assert lines.frame["debit"].tolist() == [0, 1250000, 0]
    assert lines.closing == 1750000 and not lines.issues
