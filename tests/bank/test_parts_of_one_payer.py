"""A receipt (or payment) the books took whole that the bank shows in parts from one payer whose
name is not the party's: the owner's account, spread over days, however each channel cuts the
name, with or without a part from the firm's own account (`match._parts_of_one_payer`). The
outsider's months at 10,000 lines (session 48) left 100-180 such pairs a month unmatched."""

from __future__ import annotations

import pytest

from tests.bank.test_matching_rules import ledger, matched, statement
from xlbo.bank.match import match_lines
from xlbo.bank.scoring import DAY_SET_SCORE
from xlbo.bank.side import prepare_bank, prepare_ledger


def _why(rows: list[tuple[str, str, str, int]], books_rows: list[tuple[str, str, str, int]]) -> str:
    found, _ = match_lines(prepare_bank(statement(rows)), prepare_ledger(ledger(books_rows)))
    assert set(found["score"]) == {DAY_SET_SCORE}
    return str(found["why"].iat[0])


GOKUL = [
    ("2026-10-12", "NEFT TMBLN52026101426700600 PARIKH K P", "", 6_169_476),
    ("2026-10-12", "RTGS TMBLR52026102347283558 PARIKH K P", "", 22_327_629),
    ("2026-10-14", "IMPS-687405956640-PARIKH K P-TMBL-XXXXXXX0615-NA", "", 881_355),
]
GOKUL_BOOKS = [
    (
        "2026-10-12",
        "Shree Gokul Printers Pvt Ltd",
        "Being amount received against Inv No. SKT/26-27/4410 (in parts)",
        29_378_460,
    )
]


def test_three_parts_from_the_owner_over_three_days() -> None:
    # Kotak: PARIKH K P, the owner, sent 2,93,784.60 for Shree Gokul Printers in three parts on
    # the 12th and the 14th; the books took it whole on the 12th
    pairs, _ = matched(statement(GOKUL), ledger(GOKUL_BOOKS))
    assert pairs == {(0, 0, "Combination"), (1, 0, "Combination"), (2, 0, "Combination")}
    why = _why(GOKUL, GOKUL_BOOKS)
    assert "3 bank lines of one payer whose name is not this party's (NEFT TMBLN5" in why
    assert "a receipt in parts, from the owner's own account? Check" in why


def test_one_payer_however_each_channel_cuts_the_name() -> None:
    # PNB writes one remitter three ways: NEFT's GOYAL DEEPAK, UPI's GOYAL DE, IMPS's GOYALDEEPA
    rows = [
        ("2026-10-12", "NEFT_IN:CIUBN52026101064653305//GOYAL DEEPAK", "", 78_340),
        ("2026-10-12", "UPI/CR/623969789569/GOYAL DE/CIUB/goyaldee35@ybl/U", "", 1_723_484),
        ("2026-10-14", "IMPS/P2A/627113605318/GOYALDEEPA", "", 6_032_196),
    ]
    books = [("2026-10-14", "New Karpagam Tex Private Limited", "Against Inv 7546", 7_834_020)]
    pairs, _ = matched(statement(rows), ledger(books))
    assert {(b, g) for b, g, _ in pairs} == {(0, 0), (1, 0), (2, 0)}


def test_the_firms_part_and_two_of_the_owners() -> None:
    # SRI KAMAKSHI LABELS paid 51,452.94 from the firm's account and PMURUGESAN, its owner, the
    # rest in two IMPS on the 14th and the 15th, when the books took 1,39,062.00
    rows = [
        (
            "2026-10-12",
            "NEFT CIUBN52026104163311580 SRI KAMAKSHI LABELS PRIVATE LIMITED",
            "",
            5_145_294,
        ),
        ("2026-10-14", "IMPS-647641617239-PMURUGESAN-CIUB-XXXXXXX2611-NA", "", 4_032_798),
        ("2026-10-15", "IMPS-670383276877-PMURUGESAN-CIUB-XXXXXXX4553-NA", "", 4_728_108),
    ]
    books = [("2026-10-15", "Sri Kamakshi Labels Pvt Ltd", "Against Inv 8520", 13_906_200)]
    pairs, _ = matched(statement(rows), ledger(books))
    assert {(b, g) for b, g, _ in pairs} == {(0, 0), (1, 0), (2, 0)}
    why = _why(rows, books)
    assert "2 bank lines of one payer whose name is not this party's (IMPS-6476416172" in why
    assert "and 1 of the party's own name" in why


def test_a_payment_by_upi_in_round_parts_and_the_rest() -> None:
    # a bill of 1,55,475.51 paid by UPI in three parts under the limit, to SARAVANA's handle
    # (UPI cuts the name to 8 letters: Saravana Garments, whose cheque is still out, is written
    # so too); the books have another ₹76,000.00 open three weeks before, no part's own
    rows = [
        ("2026-10-26", "UPI/DR/637953344900/SARAVANA/ICIC/saravanan50@ybl/S", "", -7_600_000),
        ("2026-10-26", "UPI/DR/676930401048/SARAVANA/ICIC/saravanan50@ybl/S", "", -6_600_000),
        ("2026-10-26", "UPI/DR/673230471218/SARAVANA/ICIC/saravanan50@ybl/S", "", -1_347_551),
    ]
    books = [
        ("2026-10-26", "M/s. Lakshmi Logistics Pvt Ltd", "Paid by UPI", -15_547_551),
        ("2026-10-05", "Kongu Transport", "Freight for Sept", -7_600_000),
        ("2026-10-24", "Saravana Garments Private Limited", "Ch. No. 004512", -12_766_250),
    ]
    pairs, _ = matched(statement(rows), ledger(books))
    assert {(b, g) for b, g, _ in pairs} == {(0, 0), (1, 0), (2, 0)}
    assert "a payment in parts, to the owner's own account? Check" in _why(rows, books)


@pytest.mark.parametrize("paise", [True, False])
def test_the_partys_own_name_as_each_channel_cuts_it(paise: bool) -> None:
    # Axis: Mahesh A Modi paid 2,31,704.80 by UPI (MODI MAHESH A) and IMPS (MODIMAHE, 80
    # alike): the combination search takes a party as its best-named lines and saw the UPI
    # alone. In whole rupees (78,000.00 and 1,52,000.00) two lines meet by chance: nothing
    upi, imps = (7_877_963, 15_292_517) if paise else (7_800_000, 15_200_000)
    rows = [
        ("2026-10-03", "UPI/P2A/652999798108/MODI MAHESH A/Kotak Mahind/UPI", "", upi),
        ("2026-10-06", "IMPS/P2A/690002437424/MODIMAHE/KOTAKMAH/IMPSTran/29401335", "", imps),
    ]
    books = [("2026-10-06", "Mahesh A Modi (Namakkal)", "Being amount received", upi + imps)]
    found, _ = match_lines(prepare_bank(statement(rows)), prepare_ledger(ledger(books)))
    if paise:
        assert sorted(found["bank"]) == [0, 1] and set(found["ledger"]) == {0}
        assert str(found["why"].iat[0]) == (
            "2 bank lines of this party's name, as each channel cuts it (MODI MAHESH A, "
            "MODIMAHE), add up to this ledger line"
        )
    else:
        assert found.empty


@pytest.mark.parametrize(
    "case",
    [
        "two payers",
        "whole rupees",
        "two ledger lines",
        "its own line near",
        "too far apart",
        "a line of the payer's left out",
        "a busy payer",
        "a firm's account",
    ],
)
def test_parts_are_not_taken_where_anything_else_could_be_true(case: str) -> None:
    rows = list(GOKUL)
    books = list(GOKUL_BOOKS)
    if case == "two payers":
        # KUMARAVEL M and KUMARAVEL S begin alike but are two people
        rows = [
            ("2026-10-17", "NEFT_IN:LAVBN52026103093148591//KUMARAVEL M", "", 10_870_272),
            ("2026-10-19", "NEFT_IN:LAVBN52026104538720152//KUMARAVEL S", "", 4_302_816),
        ]
        books = [("2026-10-19", "Sri Balaji Clothing", "Against Inv 12494", 15_173_088)]
    elif case == "whole rupees":
        # ₹50,000 and ₹25,000 of one payer make up a ₹75,000.50 by chance as often as not
        rows = [
            ("2026-10-12", "NEFT TMBLN52026101426700600 PARIKH K P", "", 5_000_000),
            ("2026-10-13", "NEFT TMBLN52026101426700601 PARIKH K P", "", 2_500_000),
        ]
        books = [("2026-10-13", "Shree Gokul Printers Pvt Ltd", "Against Inv 4410", 7_500_000)]
    elif case == "two ledger lines":
        # two parties' receipts of the same amount: the parts are either's
        books.append(("2026-10-13", "Ambica Mills Pvt. Ltd.", "Against Inv 6442", 29_378_460))
    elif case == "its own line near":
        # the books have an open line of the IMPS's own 8,813.55 a fortnight on (a receipt they
        # took late, or the firm's a proprietor paid): it may be that line's
        books.append(("2026-10-28", "Kannan Traders", "Against Inv 5555", 881_355))
    elif case == "a line of the payer's left out":
        # PARIKH K P's fourth credit, of the 13th, between the parts, is no part: chance
        rows.append(("2026-10-13", "NEFT TMBLN52026101426700999 PARIKH K P", "", 4_410_000))
    elif case == "a busy payer":
        # PARIKH K P sends seven credits that fortnight: some of a busy payer's lines make up
        # another party's line by chance
        rows += [
            (f"2026-10-{day:02d}", f"NEFT TMBLN520261014267{day:05d} PARIKH K P", "", 1_000_000)
            for day in (6, 7, 8, 17)
        ]
    elif case == "a firm's account":
        # the payer is a firm, whose account is its own, no owner's
        rows = [
            (date, text.replace("PARIKH K P", "PARIKH TRADERS"), ref, amount)
            for date, text, ref, amount in rows
        ]
    else:
        # a part eight days after the first is another payment
        rows[2] = ("2026-10-20", *rows[2][1:])
    pairs, suggestions = matched(statement(rows), ledger(books))
    assert not any(g == 0 for _, g, _ in pairs)
    if case == "two ledger lines":
        # the user chooses: each receipt with the three parts is offered
        offered = suggestions[suggestions["kind"] == "Several sets add up"]
        assert {(b, g) for b, g in zip(offered["bank"], offered["ledger"], strict=True)} == {
            (b, g) for b in (0, 1, 2) for g in (0, 1)
        }
