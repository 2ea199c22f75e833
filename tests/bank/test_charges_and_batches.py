"""Bank charges and their GST against the books' one charges journal, and salary batches, on
literal statements and ledgers written as the bank and Tally export them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.bank.test_reconcile import reconcile

FREIGHT = [
    "03/10/26",
    "NEFT DR-HDFC0000240-OM SAI TRANSPORT-NETBANK, MUM-N276261111111-SEPT FREIGHT",
    "N276261111111",
    28750,
    None,
]
FREIGHT_BOOKED = [date(2026, 10, 3), "Om Sai Transport", "Payment", "P-201", None, 28750]


def paired(result: Any) -> dict[str, list[str]]:
    """Each matched ledger line's particulars, with the narrations of its bank lines."""
    found: dict[str, list[str]] = {}
    for bank, ledger in result.matches[["bank", "ledger"]].itertuples(index=False):
        particulars = str(result.ledger["particulars"].iat[ledger])
        found.setdefault(particulars, []).append(str(result.bank["narration"].iat[bank]))
    return found


@pytest.mark.parametrize(
    "charges",
    [
        # one charge and its CGST and SGST, on the day the books took them
        [
            ["31/10/26", "CHARGES", None, 1500, None],
            ["31/10/26", "CGST ON CHARGES", None, 135, None],
            ["31/10/26", "SGST ON CHARGES", None, 135, None],
        ],
        # two charges of the month, each with its CGST and SGST, weeks before the journal
        [
            ["12/10/26", "NEFT CHGS", None, 1250, None],
            ["12/10/26", "CGST ON NEFT CHGS", None, 112.50, None],
            ["12/10/26", "SGST ON NEFT CHGS", None, 112.50, None],
            ["20/10/26", "IMPS CHGS", None, 250, None],
            ["20/10/26", "CGST ON IMPS CHGS", None, 22.50, None],
            ["20/10/26", "SGST ON IMPS CHGS", None, 22.50, None],
        ],
        # two charges, each with its IGST
        [
            ["12/10/26", "NEFT CHGS", None, 1250, None],
            ["12/10/26", "IGST ON NEFT CHGS", None, 225, None],
            ["20/10/26", "IMPS CHGS", None, 250, None],
            ["20/10/26", "IGST ON IMPS CHGS", None, 45, None],
        ],
        # a charge and a bare GST line of its day, twice
        [
            ["12/10/26", "NEFT CHGS", None, 1250, None],
            ["12/10/26", "GST", None, 225, None],
            ["20/10/26", "IMPS CHGS", None, 250, None],
            ["20/10/26", "GST", None, 45, None],
        ],
    ],
)
def test_charges_and_their_gst_lines_are_the_charges_journal(
    xlsx: Callable[..., Path], charges: list[list[Any]]
) -> None:
    # the books took the month's bank charges, GST and all, in one journal of 1,770.00 on the
    # 31st: every charge and every GST line on it is that journal's (all stayed unmatched)
    result = reconcile(
        xlsx,
        [FREIGHT, *charges],
        [
            FREIGHT_BOOKED,
            [date(2026, 10, 31), "Bank Charges", "Journal", "J-31", None, 1770],
        ],
    )
    assert sorted(paired(result)["Bank Charges"]) == sorted(str(c[1]) for c in charges)
    assert result.bank_open == [] and result.ledger_open == []
    assert result.brs.bank_debits_not_in_books == 0
    assert result.brs.cheques_not_presented == 0
    assert result.brs.difference == 0
    why = result.matches["why"][result.matches["rule"] != "Amount and date"].iat[0]
    assert f"{len(charges)} bank lines add up to this" in why


def test_a_charges_journal_a_paisa_off_its_charges_is_left_alone(
    xlsx: Callable[..., Path],
) -> None:
    result = reconcile(
        xlsx,
        [
            FREIGHT,
            ["12/10/26", "NEFT CHGS", None, 1250, None],
            ["12/10/26", "IGST ON NEFT CHGS", None, 225, None],
            ["20/10/26", "IMPS CHGS", None, 250, None],
            ["20/10/26", "IGST ON IMPS CHGS", None, 45, None],
        ],
        [FREIGHT_BOOKED, [date(2026, 10, 31), "Bank Charges", "Journal", "J-31", None, 1770.01]],
    )
    assert "Bank Charges" not in paired(result)
    assert result.brs.bank_debits_not_in_books == 177000
