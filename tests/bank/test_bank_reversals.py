"""The bank's own reversals, which the books never saw: a charge taken and refunded, a credit
reversed and credited again (hostile tester helper-119, c02e and c02m). Before, the BRS listed
both lines, a debit and a credit of one amount, for the accountant to book; they cancel, so
they are left off it, and the Summary says which."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from tests.bank.test_reconcile import reconcile

UTR = "SBIN326111222333"


def test_a_charge_and_its_reversal_are_no_brs_items(xlsx: Callable[..., Path]) -> None:
    result = reconcile(
        xlsx,
        [
            ["10/10/26", "CASH HANDLING CHGS INCL GST", "", 236, None],
            ["12/10/26", "REVERSAL OF CASH HANDLING CHGS", "", None, 236],
            ["25/10/26", "SMS CHGS JUL-SEP INCL GST", "", 17.70, None],
        ],
        [],
    )
    assert result.brs.bank_debits_not_in_books == 1770  # the SMS charges alone, in paise
    assert result.brs.bank_credits_not_in_books == 0
    assert result.brs.difference == 0
    assert result.bank_open == [0, 1, 2]  # still unmatched: the books saw none of them
    assert (
        "2 bank lines are reversals of one another and cancel, so they are left off the BRS "
        "(they stay on Unmatched Bank): 12-10-2026 REVERSAL OF CASH HANDLING CHGS 236.00 Cr "
        "against 10-10-2026 CASH HANDLING CHGS INCL GST 236.00 Dr."
    ) in result.notes


def test_a_credit_reversed_and_credited_again_is_the_books_one_receipt(
    xlsx: Callable[..., Path],
) -> None:
    result = reconcile(
        xlsx,
        [
            ["12/10/26", f"NEFT CR-SBIN0001234-KAVERI MILLS-{UTR}", UTR, None, 75000],
            ["12/10/26", f"REV NEFT CR {UTR} KAVERI MILLS", UTR, 75000, None],
            ["13/10/26", f"NEFT CR-SBIN0001234-KAVERI MILLS-{UTR}", UTR, None, 75000],
        ],
        [[date(2026, 10, 12), "Kaveri Mills", "Receipt", "12", 75000, None]],
    )
    assert len(result.matches) == 1
    assert result.brs.bank_debits_not_in_books == 0
    assert result.brs.bank_credits_not_in_books == 0
    assert result.brs.deposits_not_credited == 0 and result.brs.difference == 0


def test_a_reversal_of_another_amount_or_another_charge_stays_on_the_brs(
    xlsx: Callable[..., Path],
) -> None:
    """`REVERSAL OF SMS CHGS` does not cancel the cash handling charge of the same amount, nor
    does a refund of another amount cancel anything."""
    result = reconcile(
        xlsx,
        [
            ["10/10/26", "CASH HANDLING CHGS INCL GST", "", 236, None],
            ["12/10/26", "REVERSAL OF SMS CHGS", "", None, 236],
            ["14/10/26", "REV CASH HANDLING CHGS", "", None, 200],
        ],
        [],
    )
    assert result.brs.bank_debits_not_in_books == 23600
    assert result.brs.bank_credits_not_in_books == 43600
    assert not any("reversals of one another" in note for note in result.notes)
