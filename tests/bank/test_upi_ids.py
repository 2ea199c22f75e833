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


_THANE, _SURAT = "To Rajesh Reddy (Thane)", "To Rajesh Reddy (Surat)"


def _pairs(
    bank: list[tuple[str, str, str, int]], books: list[tuple[str, str, str, int]]
) -> dict[int, int]:
    found, _ = match_lines(prepare_bank(statement(bank)), prepare_ledger(ledger(books)))
    return {int(b): int(g) for b, g in zip(found["bank"], found["ledger"], strict=True)}


def test_a_upi_id_that_paid_one_account_takes_its_line_over_a_namesakes_nearer_one() -> None:
    # Rajesh Reddy of Thane pays from rajeshredd76@okaxis, Rajesh Reddy of Surat from
    # rajeshredd89@ybl: early in the month amounts no one else pays. On the 20th Thane pays
    # 4,999.00, which the books write on the 22nd; Surat's 4,999.00 is in the books on the
    # 20th, a day nearer, of the same name
    bank = statement(
        [
            _sbi("2026-11-03", "RAJESH REDDY", "rajeshredd76@okaxis", 410100),
            _sbi("2026-11-08", "RAJESH REDDY", "rajeshredd76@okaxis", 333300),
            _sbi("2026-11-20", "RAJESH REDDY", "rajeshredd76@okaxis", 499900),
            _sbi("2026-11-04", "RAJESH REDDY", "rajeshredd89@ybl", 420100),
            _sbi("2026-11-09", "RAJESH REDDY", "rajeshredd89@ybl", 343300),
        ]
    )
    books = ledger(
        [
            ("2026-11-03", _THANE, "", 410100),
            ("2026-11-08", _THANE, "", 333300),
            ("2026-11-20", _SURAT, "", 499900),
            ("2026-11-22", _THANE, "", 499900),
            ("2026-11-04", _SURAT, "", 420100),
            ("2026-11-09", _SURAT, "", 343300),
        ]
    )
    found, _ = match_lines(prepare_bank(bank), prepare_ledger(books))
    pairs = dict(zip(found["bank"], found["ledger"], strict=True))
    assert pairs == {0: 0, 1: 1, 2: 3, 3: 4, 4: 5}
    (why,) = found.loc[found["bank"] == 2, "why"]
    assert "UPI ID" in why


def test_an_account_no_other_id_pays_is_no_namesakes() -> None:
    # the same, but no UPI ID is known to pay Surat's account: nothing says it is another
    # payer's (it may be the same man's second account), and the nearer line is taken
    bank = [
        _sbi("2026-11-03", "RAJESH REDDY", "rajeshredd76@okaxis", 410100),
        _sbi("2026-11-08", "RAJESH REDDY", "rajeshredd76@okaxis", 333300),
        _sbi("2026-11-20", "RAJESH REDDY", "rajeshredd76@okaxis", 499900),
    ]
    books = [
        ("2026-11-03", _THANE, "", 410100),
        ("2026-11-08", _THANE, "", 333300),
        ("2026-11-20", _SURAT, "", 499900),
        ("2026-11-22", _THANE, "", 499900),
    ]
    assert _pairs(bank, books)[2] == 2
    # a proprietor's loan account, of his own folded name: his payment stays on its day
    books = [
        ("2026-11-03", "To Rajesh Reddy", "", 410100),
        ("2026-11-08", "To Rajesh Reddy", "", 333300),
        ("2026-11-20", "To Rajesh Reddy (Loan A/c)", "", 499900),
        ("2026-11-22", "To Rajesh Reddy", "", 499900),
    ]
    assert _pairs(bank, books)[2] == 2


def test_an_id_taught_by_a_namesakes_lines_moves_none_off_an_account_no_id_pays() -> None:
    # Surat's 4,101.00 and 3,333.00 are in the books a day before Thane's, so Thane's ID's first
    # two lines take Surat's, and the ID counts as Surat's. The 20th stays on Thane's own line
    # of that day: no ID is known to pay Thane's account, so nothing says it is a namesake's
    # (found by the review: the 20th was moved to Surat's line of the 22nd)
    bank = [
        _sbi("2026-11-03", "RAJESH REDDY", "rajeshredd76@okaxis", 410100),
        _sbi("2026-11-08", "RAJESH REDDY", "rajeshredd76@okaxis", 333300),
        _sbi("2026-11-20", "RAJESH REDDY", "rajeshredd76@okaxis", 499900),
    ]
    books = [
        ("2026-11-03", _SURAT, "", 410100),
        ("2026-11-04", _THANE, "", 410100),
        ("2026-11-08", _SURAT, "", 333300),
        ("2026-11-09", _THANE, "", 333300),
        ("2026-11-20", _THANE, "", 499900),
        ("2026-11-22", _SURAT, "", 499900),
    ]
    assert _pairs(bank, books)[2] == 4


def test_accounts_that_name_no_one_or_several_are_no_ids_account() -> None:
    # `(as per details)` vouchers name their party in the narration: the account is no one's
    bank = [
        _sbi("2026-11-03", "RAJESH REDDY", "rajeshredd76@okaxis", 410100),
        _sbi("2026-11-08", "RAJESH REDDY", "rajeshredd76@okaxis", 333300),
        _sbi("2026-11-20", "RAJESH REDDY", "rajeshredd76@okaxis", 499900),
    ]
    books = [
        ("2026-11-03", "(as per details)", "Being amount received from Rajesh Reddy", 410100),
        ("2026-11-08", "(as per details)", "Being amount received from Rajesh Reddy", 333300),
        ("2026-11-20", "To Rajesh Reddy", "", 499900),
        ("2026-11-21", "(as per details)", "Being amount received from Suresh Kumar", 499900),
    ]
    assert _pairs(bank, books)[2] == 2
    # … nor are Rent Received and Suspense, which name no one, each other's namesakes
    bank = [
        _sbi("2026-11-03", "RAJESH REDDY", "9876543210@ybl", 410100),
        _sbi("2026-11-08", "RAJESH REDDY", "9876543210@ybl", 333300),
        _sbi("2026-11-20", "RAJESH REDDY", "9876543210@ybl", 499900),
    ]
    books = [
        ("2026-11-03", "To Rent Received", "", 410100),
        ("2026-11-08", "To Rent Received", "", 333300),
        ("2026-11-20", "To Suspense A/c", "", 499900),
        ("2026-11-22", "To Rent Received", "", 499900),
    ]
    assert _pairs(bank, books)[2] == 2


def test_an_e_mail_address_is_no_upi_id_and_another_app_is_another_id() -> None:
    bank = [
        (
            "2026-11-03",
            "IMPS/P2A/631012345678/SHARMA TRADERS/accounts@sharmatraders.in",
            "",
            410100,
        ),
        (
            "2026-11-08",
            "IMPS/P2A/631212345678/SHARMA TRADERS/accounts@sharmatraders.in",
            "",
            333300,
        ),
        (
            "2026-11-20",
            "IMPS/P2A/632012345678/SHARMA TRADING/accounts@sharmatrading.com",
            "",
            499900,
        ),
    ]
    books = [
        ("2026-11-03", "To Sharma Traders (Pune)", "", 410100),
        ("2026-11-08", "To Sharma Traders (Pune)", "", 333300),
        ("2026-11-20", "To Sharma Traders (Nashik)", "", 499900),
        ("2026-11-24", "To Sharma Traders (Pune)", "", 499900),
    ]
    assert _pairs(bank, books)[2] == 2
    from xlbo.bank.match import _upi_ids

    ids = _upi_ids(
        pd.Series(
            ["UPI-R REDDY-rajeshreddy@okaxis-SBIN0001", "UPI-R REDDY-rajeshreddy@ybl-SBIN0001"]
        )
    )
    assert ids[0] != ids[1]


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


def _icici(day: str, name: str, paise: int) -> tuple[str, str, str, int]:
    """A UPI credit as ICICI writes it where it shows the payer's name, not the ID."""
    return (day, f"UPI/6{day[-2:]}5840992989/UPI/{name[:20]}/ICIC BANK", "", paise)


def test_a_name_the_bank_writes_one_way_for_one_account_is_that_accounts_like_an_id() -> None:
    # two Deepak Banerjees, of Pune and of Nashik: ICICI shows the one's name as DEEPAK
    # BANERJEE and the other's as BANERJEE DEEPAK, each twice early in the month. On the 20th
    # both pay 1,499.00; the books write Nashik's on the 20th and Pune's on the 21st. Each name
    # is as alike to both accounts, of one folded name: the accounts each name paid decide
    bank = [
        _icici("2026-11-03", "DEEPAK BANERJEE", 410100),
        _icici("2026-11-08", "DEEPAK BANERJEE", 333300),
        _icici("2026-11-04", "BANERJEE DEEPAK", 420100),
        _icici("2026-11-09", "BANERJEE DEEPAK", 343300),
        _icici("2026-11-20", "DEEPAK BANERJEE", 149900),
        _icici("2026-11-20", "BANERJEE DEEPAK", 149900),
    ]
    books = [
        ("2026-11-03", "To Deepak Banerjee (Pune)", "", 410100),
        ("2026-11-08", "To Deepak Banerjee (Pune)", "", 333300),
        ("2026-11-04", "To Deepak Banerjee (Nashik)", "", 420100),
        ("2026-11-09", "To Deepak Banerjee (Nashik)", "", 343300),
        ("2026-11-20", "To Deepak Banerjee (Nashik)", "", 149900),
        ("2026-11-21", "To Deepak Banerjee (Pune)", "", 149900),
    ]
    pairs = _pairs(bank, books)
    assert (pairs[4], pairs[5]) == (5, 4)


def test_a_name_the_bank_writes_alike_for_two_namesakes_is_no_ones() -> None:
    # the bank writes both Rajesh Reddys RAJESH REDDY: the name paid both accounts, and says
    # nothing of whose the 20th's line is (the nearer line is taken, as before)
    bank = [
        _icici("2026-11-03", "RAJESH REDDY", 410100),
        _icici("2026-11-08", "RAJESH REDDY", 333300),
        _icici("2026-11-04", "RAJESH REDDY", 420100),
        _icici("2026-11-09", "RAJESH REDDY", 343300),
        _icici("2026-11-10", "RAJESH REDDY", 353300),
        _icici("2026-11-20", "RAJESH REDDY", 149900),
    ]
    books = [
        ("2026-11-03", _THANE, "", 410100),
        ("2026-11-08", _THANE, "", 333300),
        ("2026-11-04", _SURAT, "", 420100),
        ("2026-11-09", _SURAT, "", 343300),
        ("2026-11-10", _THANE, "", 353300),
        ("2026-11-20", _SURAT, "", 149900),
        ("2026-11-22", _THANE, "", 149900),
    ]
    assert _pairs(bank, books)[5] == 5
