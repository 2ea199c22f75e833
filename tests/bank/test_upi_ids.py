"""A payer's UPI ID is one payer's (issue #11, precision): where the names cannot tell two
accounts apart (namesakes in two towns), the accounts the ID paid this month can."""

from __future__ import annotations

import pandas as pd

from tests.bank.test_matching_rules import ledger, matched, statement
from xlbo.bank.match import match_lines, prepare_bank, prepare_ledger


def _sbi(day: str, name: str, upi_id: str, paise: int) -> tuple[str, str, str, int]:
    """A UPI credit as SBI writes it: the name cut to eight letters, the ID to twelve."""
    return (
        day,
        f"BY TRANSFER-UPI/CR/6{day[-2:]}0374840058/{name[:8]}/CNRB/{upi_id[:12]}/NA--",
        "",
        paise,
    )


def test_a_upi_id_that_paid_one_account_takes_its_line_over_a_namesakes_nearer_one() -> None:
    # Rajesh Reddy of Thane pays from rajeshredd76@okaxis: on the 3rd and the 8th amounts no one
    # else pays. On the 20th he pays 4,999.00, which the books write on the 22nd; Rajesh Reddy
    # of Surat's 4,999.00 is in the books on the 20th, a day nearer, of the same name
    bank = statement(
        [
            _sbi("2026-11-03", "RAJESH REDDY", "rajeshredd76@okaxis", 410100),
            _sbi("2026-11-08", "RAJESH REDDY", "rajeshredd76@okaxis", 333300),
            _sbi("2026-11-20", "RAJESH REDDY", "rajeshredd76@okaxis", 499900),
        ]
    )
    books = ledger(
        [
            ("2026-11-03", "To Rajesh Reddy (Thane)", "", 410100),
            ("2026-11-08", "To Rajesh Reddy (Thane)", "", 333300),
            ("2026-11-20", "To Rajesh Reddy (Surat)", "", 499900),
            ("2026-11-22", "To Rajesh Reddy (Thane)", "", 499900),
        ]
    )
    found, _ = match_lines(prepare_bank(bank), prepare_ledger(books))
    pairs = dict(zip(found["bank"], found["ledger"], strict=True))
    assert pairs == {0: 0, 1: 1, 2: 3}
    (why,) = found.loc[found["bank"] == 2, "why"]
    assert "UPI ID" in why


def test_the_ids_account_is_known_only_from_two_sure_pairs_with_it_alone() -> None:
    # the same month, but the ID's two sure pairs are with both accounts (a family's phone, or
    # one sure pair taken by a namesake): it is no one's, and the names and dates decide as
    # before: Surat's line, a day nearer
    bank = statement(
        [
            _sbi("2026-11-03", "RAJESH REDDY", "rajeshredd76@okaxis", 410100),
            _sbi("2026-11-08", "RAJESH REDDY", "rajeshredd76@okaxis", 333300),
            _sbi("2026-11-20", "RAJESH REDDY", "rajeshredd76@okaxis", 499900),
        ]
    )
    books = ledger(
        [
            ("2026-11-03", "To Rajesh Reddy (Thane)", "", 410100),
            ("2026-11-08", "To Rajesh Reddy (Surat)", "", 333300),
            ("2026-11-20", "To Rajesh Reddy (Surat)", "", 499900),
            ("2026-11-22", "To Rajesh Reddy (Thane)", "", 499900),
        ]
    )
    pairs, _ = matched(bank, books)
    assert {(b, g) for b, g, _ in pairs} == {(0, 0), (1, 1), (2, 2)}


def test_a_line_of_an_id_known_to_pay_another_account_is_not_a_namesakes_match() -> None:
    # two namesakes pay 4,999.00 the same day from their own IDs; each ID paid its own account
    # twice before. The books write Surat's on the 20th and Thane's on the 21st, the bank
    # Thane's first: each line goes to its ID's account, not to the nearer or first line
    bank = statement(
        [
            _sbi("2026-11-03", "RAJESH REDDY", "rajeshredd76@okaxis", 410100),
            _sbi("2026-11-08", "RAJESH REDDY", "rajeshredd76@okaxis", 333300),
            _sbi("2026-11-04", "RAJESH REDDY", "rajeshredd89@ybl", 420100),
            _sbi("2026-11-09", "RAJESH REDDY", "rajeshredd89@ybl", 343300),
            _sbi("2026-11-20", "RAJESH REDDY", "rajeshredd76@okaxis", 499900),
            _sbi("2026-11-20", "RAJESH REDDY", "rajeshredd89@ybl", 499900),
        ]
    )
    books = ledger(
        [
            ("2026-11-03", "To Rajesh Reddy (Thane)", "", 410100),
            ("2026-11-08", "To Rajesh Reddy (Thane)", "", 333300),
            ("2026-11-04", "To Rajesh Reddy (Surat)", "", 420100),
            ("2026-11-09", "To Rajesh Reddy (Surat)", "", 343300),
            ("2026-11-20", "To Rajesh Reddy (Surat)", "", 499900),
            ("2026-11-21", "To Rajesh Reddy (Thane)", "", 499900),
        ]
    )
    pairs, suggestions = matched(bank, books)
    assert {(b, g) for b, g, _ in pairs} == {(0, 0), (1, 1), (2, 2), (3, 3), (4, 5), (5, 4)}
    assert suggestions.empty


def test_upi_ids_are_read_as_each_bank_writes_them() -> None:
    from xlbo.bank.match import _upi_ids

    ids = _upi_ids(
        pd.Series(
            [
                "BY TRANSFER-UPI/CR/658823216764/RAJESH R/CNRB/rajeshredd76/P",  # SBI, cut at @
                "BY TRANSFER-UPI/CR/642856765542/JOSHI AS/PUNB/ashokjosh20@/N",
                "UPI-KUMARAN TRADERS PRIV-7301345086@axl-IDFB0015729-537989690000",  # HDFC
                "UPI/641015403028/Sent using Paytm/meenaghos43@pay/HDFC BANK",  # ICICI
                "NEFT CR-KKBK0000123-KAVERI HOME NEEDS-KKBKN520261003123",  # no ID
                "UPI/676593939221/UPI/venkateshkama33/SBIN BANK",  # ICICI, cut at @
                "BY TRANSFER-UPI/CR/600374840059/RAJESH R/CNRB/rajeshredd76/N",
            ]
        )
    ).tolist()
    assert ids[4] == -1
    assert len({ids[0], ids[1], ids[2], ids[3], ids[5]}) == 5
    assert ids[6] == ids[0]  # one ID, however the note after it reads
