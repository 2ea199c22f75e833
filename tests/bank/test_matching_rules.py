"""Each matching rule with a literal case, each abstain case, and the fast combination search
held to the plain exhaustive one."""

from __future__ import annotations

from itertools import combinations as subsets_of
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from xlbo.bank.combinations import find_combinations
from xlbo.bank.lines import Lines
from xlbo.bank.match import (
    Decisions,
    _channels,
    _crowded,
    match_lines,
    prepare_bank,
    prepare_ledger,
    side,
)
from xlbo.bank.parties import bank_party_key, likeness, narration_names
from xlbo.bank.references import reference_tokens
from xlbo.bank.scoring import (
    COMBINATION_ALIKE,
    COMBINATION_CANDIDATES,
    DAY_SET_SCORE,
    LATE_ALIKE,
    MAX_PARTS,
    MAX_WINDOW_DAYS,
    MIN_PARTS,
    PARTS_BOOKED_DAYS,
    PARTY_MARGIN,
    WHOLE_RUPEE,
)
from xlbo.bank.window import Window
from xlbo.jobs.reconcile import reconcile_lines


def statement(rows: list[tuple[str, str, str, int]]) -> pd.DataFrame:
    """Statement lines from (date, narration, reference, signed paise into the account)."""
    return pd.DataFrame(
        {
            "row": range(2, len(rows) + 2),
            "date": [pd.Timestamp(d).date() for d, *_ in rows],
            "value_date": [pd.Timestamp(d).date() for d, *_ in rows],
            "narration": [n for _, n, _, _ in rows],
            "reference": [r for _, _, r, _ in rows],
            "debit": [max(-a, 0) for *_, a in rows],
            "credit": [max(a, 0) for *_, a in rows],
            "balance": pd.array([None] * len(rows), dtype="Int64"),
        }
    )


def ledger(rows: list[tuple[str, str, str, int]]) -> pd.DataFrame:
    """Ledger lines from (date, particulars, narration, signed paise: a debit is money in)."""
    return pd.DataFrame(
        {
            "row": range(2, len(rows) + 2),
            "date": [pd.Timestamp(d).date() for d, *_ in rows],
            "particulars": [p for _, p, _, _ in rows],
            "voucher_type": ["Receipt" if a > 0 else "Payment" for *_, a in rows],
            "voucher_no": [str(n) for n in range(1, len(rows) + 1)],
            "narration": [n for _, _, n, _ in rows],
            "reference": "",
            "debit": [max(a, 0) for *_, a in rows],
            "credit": [max(-a, 0) for *_, a in rows],
        }
    )


def matched(
    bank: pd.DataFrame, books: pd.DataFrame
) -> tuple[set[tuple[int, int, str]], pd.DataFrame]:
    found, suggestions = match_lines(prepare_bank(bank), prepare_ledger(books))
    pairs = set(zip(found["bank"], found["ledger"], found["rule"], strict=True))
    return {(int(b), int(g), str(r)) for b, g, r in pairs}, suggestions


# --- references ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Ch. No. : 123456", {"123456"}),
        ("Chq No. 000453 dt 12/10/2026", {"453"}),
        ("Cheque No: 654321", {"654321"}),
        ("CLG CHQ DEP 000453", {"453"}),
        ("TO CLG 123456 BALAJI", {"123456"}),
        ("Instrument No 445566", {"445566"}),
        ("Ch. No. : 453", {"453"}),  # as a book writes it, without the leading zeros
        ("UTR HDFCN52026101512345", {"HDFCN52026101512345"}),
        ("RTGS-SBINR52026101512345678-DECCAN", {"SBINR52026101512345678"}),
        ("UPI/629845123456/KAVERI HOME APPLI/kaveri@okhdfc/HDFC", {"629845123456"}),
        ("Being payment against bill 232", set()),
        ("Salary for October 2026", set()),
    ],
)
def test_references_are_found_wherever_they_are_written(text: str, tokens: set[str]) -> None:
    assert reference_tokens(text) == tokens


def test_a_cheque_presented_three_weeks_later_matches_by_its_number() -> None:
    bank = statement([("2026-10-24", "CHQ PAID-MICR CTS-MU-BALAJI TRA", "000000123456", -2500000)])
    books = ledger([("2026-10-02", "Balaji Traders", "Ch. No. : 123456", -2500000)])
    pairs, _ = matched(bank, books)
    assert pairs == {(0, 0, "Reference")}


def test_a_cheque_number_the_books_write_short_matches_the_banks_long_one() -> None:
    """`Ch. No. : 453` in the books, `0000000000000453` in the bank's column: two rent cheques
    of one amount, each presented weeks later, each by its number."""
    bank = statement(
        [
            ("2026-10-21", "CHQ PAID-MICR CTS-CLG", "0000000000000454", -6000000),
            ("2026-10-22", "CHQ PAID-MICR CTS-CLG", "0000000000000453", -6000000),
        ]
    )
    books = ledger(
        [
            ("2026-10-03", "Rent - Mrs. Kulkarni", "Ch. No. : 453", -6000000),
            ("2026-10-05", "Rent - Mr. Patil", "Ch. No. : 454", -6000000),
        ]
    )
    pairs, _ = matched(bank, books)
    assert pairs == {(0, 1, "Reference"), (1, 0, "Reference")}


def test_a_cheque_number_written_in_the_particulars_matches_by_its_number() -> None:
    # books that keep the cheque number in the particulars, not in a narration row; another
    # party's cheque of the same amount is nearer in date
    bank = statement([("2026-10-24", "CHQ PAID-MICR CTS-MU-000123", "000123", -2500000)])
    books = ledger(
        [
            ("2026-10-02", "Mehta & Co (Chq 000123)", "", -2500000),
            ("2026-10-23", "Om Sai Agencies (Chq 000456)", "", -2500000),
        ]
    )
    pairs, _ = matched(bank, books)
    assert pairs == {(0, 0, "Reference")}


@pytest.mark.parametrize(
    "narration",
    [
        "TO CLEARING-DHILLON STEEL I",  # SBI: the word is CLEARING, the number in its own column
        "INWARD CLEARING-DHILLON STEEL",
        "CHQ PAID-MICR CTS-MU-DHILLON STEEL IN",
    ],
)
def test_a_cheque_the_books_wrote_without_its_number_is_found_weeks_later(narration: str) -> None:
    # the book entry of 1 October has no cheque number; the bank paid it on the 20th, past the
    # amount-and-date window: the same party's only open line of that amount in 30 days
    bank = statement([("2026-10-20", narration, "183961", -50177105)])
    books = ledger(
        [
            ("2026-10-01", "Dhillon Steel Industries Pvt. Ltd.", "", -50177105),
            ("2026-10-03", "Khalsa & Co.", "", -5382850),
        ]
    )
    pairs, _ = matched(bank, books)
    assert pairs == {(0, 0, "Amount and date")}


def test_a_utr_in_the_tally_narration_row_matches_the_bank_narration() -> None:
    bank = statement(
        [
            ("2026-10-09", "NEFT DR-SBIN0001234-DECCAN OFFICE-HDFCN52026100912345", "", -1180000),
            ("2026-10-09", "NEFT DR-SBIN0001234-DECCAN OFFICE-HDFCN52026100912399", "", -1180000),
        ]
    )
    books = ledger(
        [
            ("2026-10-09", "Deccan Office Supplies", "UTR HDFCN52026100912399", -1180000),
            ("2026-10-09", "Deccan Office Supplies", "UTR HDFCN52026100912345", -1180000),
        ]
    )
    pairs, _ = matched(bank, books)
    assert pairs == {(0, 1, "Reference"), (1, 0, "Reference")}  # not by position


# --- parties ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("books", "bank"),
    [
        ("To M/s. Shree Balaji Traders Pvt. Ltd.", "SRI BALAJI TRADERS"),
        ("Kaveri & Sons", "KAVERI AND SONS"),
        ("Deccan Office (Inv 232)", "DECCAN OFFICE"),
        ("By Om Sai Logistics - against bill no 837", "OM SAI LOGISTICS LLP"),
        ("Vardhaman Retail Private Limited", "VARDHAMAN RETA"),
        ("Om Sai Logistics", "OMSAILOG"),
    ],
)
def test_party_names_compare_after_folding(books: str, bank: str) -> None:
    assert likeness(bank_party_key(books), bank_party_key(bank)) >= 90


def test_the_name_in_a_narration_is_not_the_channel() -> None:
    names = narration_names(
        pd.Series(
            [
                "NEFT CR-SBIN0001234-SHREE BALAJI TRA-SBINN26100912345678",
                "CHQ PAID-MICR CTS-MU-BALAJI TRADERS",
                "IMPS/P2A/629845123456/OMSAILOG",
                "UPI/629845123456/KAVERI HOME APPLI/kaveri@okhdfc/HDFC",
            ]
        )
    ).tolist()
    assert names == ["SHREE BALAJI TRA", "BALAJI TRADERS", "OMSAILOG", "KAVERI HOME APPLI"]


def test_two_retainers_of_one_amount_go_to_their_own_consultants() -> None:
    # HDFC writes the payee after the IFSC and the payer's note after the UTR: `PROF FEES` is
    # longer than `R MEHTA`, and was read as both lines' name, so two consultants' 22,500.00 of
    # one day were left as "choose one" between them
    bank = statement(
        [
            (
                "2026-11-10",
                "NEFT DR-IDIB0008356-R MEHTA-NETBANK, MUM-HDFCN28653785454863-PROF FEES",
                "",
                -2250000,
            ),
            (
                "2026-11-10",
                "NEFT DR-PUNB0385666-A KAMATH-NETBANK, MUM-HDFCN13138064202531-PROF FEES",
                "",
                -2250000,
            ),
        ]
    )
    books = ledger(
        [
            ("2026-11-10", "By Amit Kamath", "", -2250000),
            ("2026-11-10", "By CA Mehta Ramesh", "", -2250000),
        ]
    )
    pairs, _ = matched(bank, books)
    assert {(b, g) for b, g, _ in pairs} == {(0, 1), (1, 0)}


def test_a_payers_note_cut_short_is_no_part_of_the_name() -> None:
    # Kotak writes the payer's note after the name; the bank cut `Payment from PhonePe` to `Ph`
    names = narration_names(
        pd.Series(
            [
                "NEFT KKBKN249071878769 PAWAR SUNITA SNEHAL Payment from Ph",
                "NEFT-ICICN529442810765-NAVEEN REDDY-Sent using Paytm-CBIN001",
            ]
        )
    ).tolist()
    assert names == ["PAWAR SUNITA SNEHAL", "NAVEEN REDDY"]


def test_the_payers_note_after_the_upi_handle_is_not_the_name() -> None:
    # HDFC's UPI-NAME-handle-IFSC-RRN-NOTE and ICICI's UPI/NAME/handle/BANK/NOTE, where the note
    # is longer than the name; a line naming no one before the handle still names the note's
    names = narration_names(
        pd.Series(
            [
                "UPI-GOOGLEPAY-GOOG-PAYMENT@OKAXIS-UTIB0000553-231252349333-EARNED FOR USING G",
                "UPI-PARIS RESTAURANT-PAYTM-68750492@PAYTM-PYTM0123456-231270385494-OID2022",
                "UPI/629000012037/RAVI K/ravik@okaxis/SBIN/Payment for invoice 2231 Mahalaxmi",
                "UPI-NA-9876543210@ybl-SBIN0001234-629845123456-SHARMA TRADING",
                # a mobile number's handle (helper-113)
                "UPI-RAVI K-9876543210@ybl-SBIN0001234-629845123456-MONTHLY RENT NOVEMBER",
                # Federal Bank's UPIIN/UPIOUT before the RRN is the channel, no name
                "UPIIN/328512345678/rajesh.kumar@okaxis/Invoice 77 Sharma Traders/0000",
            ]
        )
    ).tolist()
    assert names == [
        "GOOGLEPAY",
        "PARIS RESTAURANT",
        "RAVI K",
        "SHARMA TRADING",
        "RAVI K",
        "Sharma Traders",
    ]


def test_identical_upi_credits_of_one_payer_pair_with_its_identical_receipts() -> None:
    """HDFC's real statement: three ₹5.00 cashback credits from Google Pay on the 8th, each
    with the note `EARNED FOR USING G`, against three `Googlepay` receipts of 5.00 that day."""
    note = "UPI-GOOGLEPAY-GOOG-PAYMENT@OKAXIS-UTIB0000553-{}-EARNED FOR USING G"
    bank = statement(
        [
            ("2022-11-08", note.format(rrn), f"0000{rrn}", 500)
            for rrn in (231252349333, 231252362710, 231252364308)
        ]
        + [
            (
                "2022-11-08",
                "UPI-NAGENDRA P-PAY9739862150@PAYTM-PYTM0123456-231286969463-OID2022",
                "0000231286969463",
                -1000,
            )
        ]
    )
    books = ledger(
        [("2022-11-08", "Googlepay", "", 500)] * 3 + [("2022-11-08", "Nagendra P", "", -1000)]
    )
    pairs, suggestions = matched(bank, books)
    assert {(b, g) for b, g, _ in pairs} == {(0, 0), (1, 1), (2, 2), (3, 3)}
    assert suggestions.empty


# --- amount and date ----------------------------------------------------------------------

SALARY = [
    "Aarti Deshpande",
    "Bhushan Kulkarni",
    "Chitra Venkatesan",
    "Debashish Mukherjee",
    "Gurpreet Sandhu",
    "Hetal Patel",
]


def test_a_salary_batch_of_equal_amounts_is_paired_by_name() -> None:
    bank = statement(
        [
            (
                "2026-10-31",
                f"NEFT DR-HDFC0000001-{name.upper()[:14]}-HDFCN5202610310000{i}",
                "",
                -2500000,
            )
            for i, name in enumerate(reversed(SALARY))
        ]
    )
    books = ledger([("2026-10-31", name, "Salary for October", -2500000) for name in SALARY])
    pairs, _ = matched(bank, books)
    last = len(SALARY) - 1
    assert pairs == {(i, last - i, "Amount and date") for i in range(len(SALARY))}


def test_equal_amounts_names_cannot_decide_abstain_and_list_both() -> None:
    bank = statement([("2026-10-05", "CASH DEPOSIT", "", 5000000)])
    books = ledger(
        [
            ("2026-10-05", "Kaveri Home Needs", "", 5000000),
            ("2026-10-05", "Om Sai Logistics", "", 5000000),
        ]
    )
    pairs, suggestions = matched(bank, books)
    assert pairs == set()
    assert sorted(suggestions["ledger"].tolist()) == [0, 1]


def test_never_a_match_on_amount_alone_across_parties_when_another_candidate_exists() -> None:
    # rent of 50,000 to two landlords; the bank names one, the books name two others
    bank = statement(
        [("2026-10-03", "NEFT DR-ICIC0000104-RAMESH IYER-ICICN52026100300001", "", -5000000)]
    )
    books = ledger(
        [
            ("2026-10-02", "Suresh Naidu (Rent)", "", -5000000),
            ("2026-10-01", "Gopal Reddy (Rent)", "", -5000000),
        ]
    )
    pairs, suggestions = matched(bank, books)
    assert pairs == set()
    assert set(suggestions["kind"]) == {"Same amount, other party"}
    assert suggestions["ledger"].tolist() == [0]  # the nearer in date is offered


def test_a_lone_candidate_with_another_name_still_matches() -> None:
    bank = statement(
        [("2026-10-03", "NEFT DR-ICIC0000104-RAMESH IYER-ICICN52026100300001", "", -5000000)]
    )
    books = ledger([("2026-10-02", "Rent", "October rent", -5000000)])
    pairs, _ = matched(bank, books)
    assert pairs == {(0, 0, "Amount and date")}


def test_the_window_is_bounded() -> None:
    with pytest.raises(ValueError, match=f"0 to {MAX_WINDOW_DAYS}"):
        Window(-3, 99_999_999_999)
    with pytest.raises(ValueError, match=f"0 to {MAX_WINDOW_DAYS}"):
        Window(-(MAX_WINDOW_DAYS + 1), 7)
    assert Window(0, MAX_WINDOW_DAYS).after == MAX_WINDOW_DAYS


# --- combinations -------------------------------------------------------------------------


def test_a_receipt_against_four_invoices_is_found_by_the_folded_party() -> None:
    bank = statement(
        [("2026-10-12", "NEFT CR-UTIB0000012-SHREE BALAJI TRA-UTIBN52026101200077", "", 10000000)]
    )
    books = ledger(
        [
            ("2026-10-10", "Shree Balaji Traders Pvt. Ltd. (Inv 231)", "", 1500000),
            ("2026-10-10", "Kaveri Home Needs", "", 1500000),
            ("2026-10-10", "M/s Shri Balaji Traders (Inv 232)", "", 2500000),
            ("2026-10-11", "Shree Balaji Traders - against bill no 233", "", 4000000),
            ("2026-10-11", "Sri Balaji Traders (Inv 234)", "", 2000000),
        ]
    )
    pairs, _ = matched(bank, books)
    assert pairs == {(0, g, "Combination") for g in (0, 2, 3, 4)}


def test_one_receipt_credited_in_parts_is_found_the_other_way() -> None:
    bank = statement(
        [
            ("2026-10-12", "NEFT CR-UTIB0000012-VARDHAMAN RETAIL-UTIBN52026101200001", "", 3000000),
            ("2026-10-13", "NEFT CR-UTIB0000012-VARDHAMAN RETAIL-UTIBN52026101300002", "", 2000000),
        ]
    )
    books = ledger([("2026-10-12", "Vardhaman Retail Pvt Ltd", "", 5000000)])
    pairs, _ = matched(bank, books)
    assert pairs == {(0, 0, "Combination"), (1, 0, "Combination")}


def test_a_receipt_with_paise_keeps_its_invoices_from_a_round_sum_they_also_make() -> None:
    # Nair Infotech's RTGS of 2,00,078.28 is its three invoices of the 25th; two of them also
    # add up to its UPI credit of 76,200.00 two days before, which the books have not booked.
    # Round amounts are met by chance, paise hardly: the RTGS keeps its invoices, the UPI
    # credit stays open for the BRS, whichever came first in the statement
    bank = statement(
        [
            (
                "2026-10-23",
                "UPI-NAIR INFOTECH-nairin@ybl-KVBL0544302-612230348517-PAYM",
                "",
                7_620_000,
            ),
            ("2026-10-27", "RTGS CR-KVBL0544302-NAIR INFOTECH-KVBLR863509315383", "", 20_007_828),
        ]
    )
    books = ledger(
        [
            ("2026-10-25", "Nair Infotech", "", 6_087_800),
            ("2026-10-25", "Nair Infotech", "", 1_532_200),
            ("2026-10-25", "Nair Infotech", "", 12_387_828),
        ]
    )
    pairs, _ = matched(bank, books)
    assert pairs == {(1, g, "Combination") for g in (0, 1, 2)}


def test_a_bank_line_is_not_made_up_of_two_ledgers_invoices() -> None:
    # UDUPI & CO is as like Udupi Printers as Udupi Fabricators: each ledger is a party of its
    # own, and one NEFT paying two firms' invoices is a chance sum, not a receipt
    bank = statement(
        [("2026-10-12", "NEFT CR-HDFC0702418-UDUPI & CO-HDFCN131084154320", "", 3_000_000)]
    )
    books = ledger(
        [
            ("2026-10-11", "Udupi Printers LLP", "", 1_200_000),
            ("2026-10-11", "Udupi Fabricators LLP", "", 1_800_000),
        ]
    )
    pairs, _ = matched(bank, books)
    assert pairs == set()


def test_a_ledger_line_is_made_up_of_bank_lines_the_bank_names_two_ways() -> None:
    # the bank writes NAIR on one part and NAIR ADVANCE on the other of Nair Enterprises' one
    # payment: the books' one party, its bank lines searched as one group
    bank = statement(
        [
            ("2026-10-12", "NEFT DR-UTIB0000012-NAIR-UTIBN52026101200001", "", -2_000_000),
            ("2026-10-12", "NEFT DR-UTIB0000012-NAIR ADVANCE-UTIBN52026101200002", "", -3_000_000),
        ]
    )
    books = ledger([("2026-10-11", "Nair Enterprises", "", -5_000_000)])
    pairs, _ = matched(bank, books)
    assert pairs == {(0, 0, "Combination"), (1, 0, "Combination")}


def test_names_outweigh_dates_between_parties() -> None:
    # MEENAKSHI INFOT's ₹1,000 fits Meenakshi Foods' line of the same day by its date and
    # Meenakshi Infotech's of four days before by its name: the nearer date does not decide
    # between two parties. INFOT is Infotech cut short, and Foods is a word the bank's name
    # cannot account for: Meenakshi Foods is another party, and Meenakshi Infotech's line is taken
    bank = statement(
        [("2026-10-07", "UPI/CR/644699382068/MEENAKSHI INFOT/IOBA/meenaksh", "", 100000)]
    )
    books = ledger(
        [
            ("2026-10-07", "Meenakshi Foods", "", 100000),
            ("2026-10-03", "Meenakshi Infotech", "", 100000),
        ]
    )
    pairs, _ = matched(bank, books)
    assert pairs == {(0, 1, "Amount and date")}


def test_a_line_with_a_same_amount_line_of_its_party_is_no_set() -> None:
    # MEENAKSHI's ₹5,000 has two same-amount candidates in the books the same day, Meenakshi
    # Foods' and Meenakshi Stores', that the names cannot choose between. Meenakshi Foods' ₹2,000 and
    # ₹3,000 also add up to it, but a line with a same-amount line of its party open in its
    # window is that line's or a doubt between such lines, never a set by default
    bank = statement([("2026-10-07", "UPI/CR/644699382068/MEENAKSHI/IOBA/meenaksh", "", 500000)])
    books = ledger(
        [
            ("2026-10-06", "Meenakshi Foods", "", 500000),
            ("2026-10-06", "Meenakshi Stores", "", 500000),
            ("2026-10-05", "Meenakshi Foods", "", 200000),
            ("2026-10-05", "Meenakshi Foods", "", 300000),
        ]
    )
    pairs, suggestions = matched(bank, books)
    assert pairs == set()
    assert set(suggestions["ledger"]) == {0, 1}


def test_two_sets_that_fit_are_abstained_on() -> None:
    bank = statement([("2026-10-12", "NEFT CR-UTIB0000012-OM SAI LOGISTICS-UTIBN1", "", 30000)])
    books = ledger(
        [("2026-10-11", "Om Sai Logistics", "", v) for v in (10000, 20000, 15000, 15000)]
    )
    pairs, _ = matched(bank, books)
    assert pairs == set()


NAMES = ["kaveri", "kaveri home", "kaveri advance", "om sai", "deccan", ""]
line = st.tuples(
    st.integers(0, 14),
    st.sampled_from(
        [
            *(-700, -300, -200, -150, -100, 100, 150, 200, 300, 450, 500, 700, 1000, 1200),
            *(-20_000, -10_000, 10_000, 10_050, 20_000, 30_000),  # round hundreds of rupees too
        ]
    ),
    st.sampled_from(NAMES),
)


def _plain_combinations(
    one: list[tuple[int, int, str]],
    other: list[tuple[int, int, str]],
    one_open: list[bool],
    other_open: list[bool],
    window: Window,
    one_is_bank: bool,
) -> list[tuple[int, list[int]]]:
    """The combination pass the obvious way: every target in turn (the least round first),
    every open line of the other side considered, grouped by party (a named target's: only
    parties alike to it, and for a ledger line, failing them, all its alike bank lines as one
    group), every subset of each group's nearest tried."""
    found = []
    # whether a target's name is like anyone's is decided on the lines open when the pass
    # begins: a KAVERI line whose Kaveri invoices another KAVERI line took is not then made up
    # of other parties' lines as if it named no one
    open_at_start = list(other_open)
    others_open = {p for o, (_, v, p) in enumerate(other) if other_open[o] and v and p}
    best = {party: max([likeness(party, p) for p in others_open], default=0) for _, _, party in one}
    # those with paise first, then whole rupees, then hundreds, each in order
    turns = sorted(
        range(len(one)),
        key=lambda t: (one[t][1] % WHOLE_RUPEE == 0) + (one[t][1] % (100 * WHOLE_RUPEE) == 0),
    )
    # a named ledger line's own party's bank lines reach back PARTS_BOOKED_DAYS (bank − books)
    named_window = window
    if not one_is_bank and not window.narrowed:
        named_window = Window(min(window.before, -PARTS_BOOKED_DAYS), window.after)
    for t in turns:
        day, amount, party = one[t]
        if not one_open[t] or not amount:
            continue
        in_window = [
            other_party
            for o, (other_day, value, other_party) in enumerate(other)
            if open_at_start[o]
            and value
            and (value > 0) == (amount > 0)
            and named_window.before
            <= (day - other_day if one_is_bank else other_day - day)
            <= named_window.after
            # beyond the window, only the party's own name (LATE_ALIKE)
            and (
                window.before <= (day - other_day if one_is_bank else other_day - day)
                or likeness(party, other_party) >= LATE_ALIKE
            )
        ]
        if (
            party
            and amount % WHOLE_RUPEE
            and not any(
                p and COMBINATION_ALIKE <= likeness(party, p) >= best[party] - PARTY_MARGIN
                for p in in_window
            )
        ):
            party = ""  # a name like no one's in the window names no one
        groups: dict[str, list[tuple[int, int]]] = {}
        seen = named_window if party else window
        for o, (other_day, value, other_party) in enumerate(other):
            apart = day - other_day if one_is_bank else other_day - day
            if (
                other_open[o]
                and value
                and (value > 0) == (amount > 0)
                and abs(value) < abs(amount)
                and seen.before <= apart <= seen.after
            ):
                if not party and not one_is_bank and other_party:
                    continue  # a nameless ledger line is not made up of named bank lines
                alike = likeness(party, other_party) if party and other_party else 0
                if party and (alike < COMBINATION_ALIKE or alike < best[party] - PARTY_MARGIN):
                    continue  # a named target takes only the parties most like it
                if party and apart < window.before and alike < LATE_ALIKE:
                    continue  # beyond the window, only the party's own name
                groups.setdefault(other_party, []).append((abs(day - other_day), o))
        solutions: list[list[int]] = []
        groups_of: list[int] = []
        tiers = [list(groups.values())]
        crowded = [members for members in groups.values() if len(members) > COMBINATION_CANDIDATES]
        if crowded:  # then a crowded party's lines of each day
            tiers.append(
                [
                    [m for m in members if other[m[1]][0] == other_day]
                    for members in crowded
                    for other_day in sorted({other[o][0] for _, o in members})
                ]
            )
        if party and len(groups) > 1 and not one_is_bank:  # then all alike bank lines as one
            tiers.append([[m for members in groups.values() for m in members]])
        for tier in tiers:
            for group, members in enumerate(tier):
                if len(members) < MIN_PARTS:
                    continue
                nearest = [o for _, o in sorted(members)[:COMBINATION_CANDIDATES]]
                for size in range(MIN_PARTS, MAX_PARTS + 1):
                    for chosen in subsets_of(nearest, size):
                        if sum(abs(other[o][1]) for o in chosen) == abs(amount):
                            solutions.append(sorted(chosen))
                            groups_of.append(group)
            if solutions:
                break
        shapes = {tuple(sorted((other[o][2], abs(other[o][1])) for o in s)) for s in solutions}
        if len(set(groups_of)) == 1 and len(shapes) == 1 and all(p for p, _ in next(iter(shapes))):
            # sets of one group that differ only in lines of one party and amount: the nearest
            solutions = solutions[:1]
        if len(solutions) == 1:
            found.append((t, solutions[0]))
            one_open[t] = False
            for o in solutions[0]:
                other_open[o] = False
    return found


@settings(max_examples=300, deadline=None)
@given(st.lists(line, min_size=1, max_size=12), st.lists(line, min_size=1, max_size=18))
@example(  # a bank line is not two ledgers' lines, Kaveri's and Kaveri Home's
    bank=[(0, -300, "kaveri")], books=[(0, -200, "kaveri"), (0, -100, "kaveri home")]
)
@example(  # the amount with paise first: 4.50 takes 1.00, 2.00 and 1.50, and 3.00 none
    bank=[(0, 300, "kaveri"), (1, 450, "kaveri")],
    books=[(0, 100, "kaveri"), (0, 200, "kaveri"), (0, 150, "kaveri")],
)
@example(
    bank=[(0, 500, "kaveri"), (0, 450, "kaveri")],
    books=[(0, 150, "om sai"), (0, 200, "kaveri"), (0, 300, "kaveri"), (0, 300, "om sai")],
)
def test_fast_combinations_agree_with_the_plain_search(
    bank: list[tuple[int, int, str]], books: list[tuple[int, int, str]]
) -> None:
    window = Window(-3, 7)
    bank_side = side([d for d, _, _ in bank], [a for _, a, _ in bank], [p for *_, p in bank])
    book_side = side([d for d, _, _ in books], [a for _, a, _ in books], [p for *_, p in books])
    bank_open, books_open = np.ones(len(bank), bool), np.ones(len(books), bool)
    fast = [
        (f.target, sorted(f.parts))
        for f in find_combinations(
            bank_side, book_side, window, frozenset(), True, bank_open, books_open
        )
    ]
    fast_back = [
        (f.target, sorted(f.parts))
        for f in find_combinations(
            book_side, bank_side, window, frozenset(), False, books_open, bank_open
        )
    ]
    plain_bank, plain_books = [True] * len(bank), [True] * len(books)
    plain = _plain_combinations(bank, books, plain_bank, plain_books, window, True)
    plain_back = _plain_combinations(books, bank, plain_books, plain_bank, window, False)
    assert fast == plain
    assert fast_back == plain_back


def test_a_rejected_pair_is_never_part_of_a_combination() -> None:
    books = side([10, 10, 10], [50_000, 70_000, 50_000], ["kaveri"] * 3)
    bank = side([11], [120_000], ["kaveri"])
    found, _ = match_lines(bank, books, decisions=Decisions(rejected=frozenset({(0, 0)})))
    assert sorted(found["ledger"].tolist()) == [1, 2]


def test_equal_lines_of_one_party_that_could_each_complete_a_set_give_the_nearest() -> None:
    from xlbo.bank.combinations import SETS, sets_adding_up

    counts, first = sets_adding_up(
        np.array([300, 300, 500, 300]),
        [
            np.array([100, 200, 200]),
            np.array([100, 200, 50]),
            np.array([200, 200, 100]),
            np.array([300]),
        ],
    )
    assert counts.tolist() == [2, 1, 1, 0]  # either 200 with the 100; one way; one way; alone
    assert [SETS[first[1]], SETS[first[2]]] == [(0, 1), (0, 1, 2)]
    assert first[3] == -1
    # Om Sai's two 200s differ only in their dates: the set takes the one nearer the bank's
    # date (the 10th, not the 8th), and the other stays open for its own match
    found, suggestions = match_lines(
        side([10], [300], ["om sai"]), side([8, 9, 10], [200, 100, 200], ["om sai"] * 3)
    )
    assert sorted(found["ledger"].tolist()) == [1, 2] and set(found["bank"]) == {0}
    assert found["rule"].tolist() == ["Combination"] * 2 and suggestions.empty


def test_a_set_taken_as_the_nearest_of_equal_lines_says_so() -> None:
    # Om Sai's 100 with its 200 of the 10th, not that of the 8th: the Matches sheet says the
    # set was chosen by date of two, where a set that is the only one says nothing of it
    found, _ = match_lines(
        side([10], [300], ["om sai"]), side([8, 9, 10], [200, 100, 200], ["om sai"] * 3)
    )
    assert set(found["why"]) == {
        "2 ledger lines of the same party (100% alike) add up to this bank line; the nearest "
        "in date of 2 sets that differ only in equal lines of one party (the other lines stay "
        "open)"
    }
    found, _ = match_lines(side([10], [300], ["om sai"]), side([9, 10], [100, 200], ["om sai"] * 2))
    assert set(found["why"]) == {
        "2 ledger lines of the same party (100% alike) add up to this bank line"
    }
    # and so of bank lines making up a ledger line
    found, _ = match_lines(
        side([8, 9, 10], [200, 100, 200], ["om sai"] * 3), side([10], [300], ["om sai"])
    )
    assert sorted(found["bank"]) == [1, 2]
    assert all("the nearest in date of 2 sets" in why for why in found["why"])


def test_equal_lines_of_two_parties_that_could_each_complete_a_set_are_abstained_on() -> None:
    # a cheque deposit names no one: Om Sai's 100 + 200 or Deccan's 100 + 200, the user decides
    found, suggestions = match_lines(
        side([10], [300], [""]),
        side([10] * 4, [100, 200, 100, 200], ["om sai", "om sai", "deccan", "deccan"]),
    )
    assert found.empty
    assert set(suggestions["kind"]) == {"Several sets add up"}


def test_equal_lines_that_name_no_one_that_could_each_complete_a_set_are_abstained_on() -> None:
    # a ledger receipt that names no one, and three bank credits that name no one: 100 + 200
    # of the 10th, or 100 + 200 of the 8th. Two lines that name no one are not one party's
    # (a cash deposit and a cheque of anyone's), so their dates are no reason to choose
    found, suggestions = match_lines(
        side([10, 10, 8], [100, 200, 200], ["", "", ""]), side([10], [300], [""])
    )
    assert found.empty
    assert set(suggestions["kind"]) == {"Several sets add up"}
    # and the same of a bank credit that names no one made up of ledger lines that name no one
    found, suggestions = match_lines(
        side([10], [30075], [""]), side([10, 10, 8], [10050, 20025, 20025], ["", "", ""])
    )
    assert found.empty
    assert set(suggestions["kind"]) == {"Several sets add up"}


def test_equal_lines_of_two_ledgers_whose_names_fold_alike_are_abstained_on() -> None:
    # Om Sai Traders (Nagpur) and Om Sai Traders - Pune are two ledgers of the books (two
    # customers) whose names fold to one party: Nagpur's 100 with Nagpur's 200 of the 8th, or
    # with Pune's 200 of the 9th (nearer). Mixing two accounts' invoices in one receipt is the
    # user's choice, not the nearest date's
    bank = statement(
        [("2026-10-10", "NEFT CR-HDFC0000123-OM SAI TRADERS-N283262648", "", 30000000)]
    )
    books = ledger(
        [
            ("2026-10-10", "Om Sai Traders (Nagpur)", "Inv 101", 10000000),
            ("2026-10-08", "Om Sai Traders (Nagpur)", "Inv 102", 20000000),
            ("2026-10-09", "Om Sai Traders - Pune", "Inv 7", 20000000),
        ]
    )
    pairs, suggestions = matched(bank, books)
    assert pairs == set()
    assert set(suggestions["kind"]) == {"Several sets add up"}


def test_near_amounts_of_another_party_are_no_suggestion() -> None:
    # 10,265 received; 10,475 booked for Kaveri (2% TDS) and for Om Sai: only Kaveri's is
    # offered, and, the only one, taken as a receipt less TDS. Om Sai's is neither
    found, suggestions = match_lines(
        side([10], [1_026_500], ["kaveri home"]),
        side([10, 10], [1_047_500, 1_047_500], ["om sai logistics", "kaveri home needs"]),
    )
    assert found[["bank", "ledger", "rule"]].values.tolist() == [[0, 1, "TDS deducted"]]
    assert suggestions.empty


def test_a_cheque_naming_no_one_that_fits_too_leaves_the_tds_receipt_to_the_user() -> None:
    # Kaveri's 10,265 and a cheque of 10,265 that names no one both fit Kaveri's 10,475 less
    # 2% TDS: either may be it, and neither is taken
    found, suggestions = match_lines(
        side([10, 10], [1_026_500, 1_026_500], ["kaveri home", ""]),
        side([10], [1_047_500], ["kaveri home needs"]),
    )
    assert found.empty
    assert set(suggestions["kind"]) == {"TDS deducted"}


@pytest.mark.parametrize(
    ("books_name", "taken"),
    [("Mukesh K Shah (Mumbai)", True), ("Shah Mukesh K.", True), ("Mukesh K Sharma", False)],
)
def test_a_name_run_together_without_its_initial_is_the_payer_less_tds(
    books_name: str, taken: bool
) -> None:
    # RTGS writes MUKESHSHAH; the books Mukesh K Shah, 88 alike by the letters (under the 90 a
    # receipt less TDS asks): the same two words but the initial, run together, are his. Mukesh
    # K Sharma's are not (the second outsider's Axis month)
    bank = statement(
        [("2026-10-13", "RTGS/HDFCR52026106061298708/MUKESHSHAH/HDFC BANK/", "", 86832000)]
    )
    books = ledger([("2026-10-13", books_name, "Against Inv SKT/26-27/3492", 94872000)])
    pairs, suggestions = matched(bank, books)
    assert (pairs == {(0, 0, "TDS deducted")}) is taken
    if not taken:
        assert "TDS deducted" in set(suggestions["kind"])


def test_a_banks_charge_is_no_tds_deducted_from_the_books_charge() -> None:
    # the bank's GST of 4.50 and its charge of 45.00 against the books' Bank Charges of 5.00 and
    # 50.00: no one deducts TDS from a bank's charges (before: "differs by 0.50: TDS at 10%")
    bank = statement(
        [
            ("2026-10-01", "GST @18% ON RTGS CHGS INCL GST", "", -450),
            ("2026-10-01", "RTGS CHGS INCL GST", "", -4500),
        ]
    )
    books = ledger(
        [
            ("2026-10-01", "Bank Charges", "Gst On Neft Chgs", -500),
            ("2026-10-01", "Bank Charges", "Neft Chgs", -5000),
        ]
    )
    _, suggestions = matched(bank, books)
    assert "TDS deducted" not in set(suggestions["kind"])


def test_a_tds_under_a_rupee_is_none() -> None:
    # 4.50 from Kaveri against its 5.00: 10% of 5.00 is 0.50, a TDS under a rupee, which
    # rounds to none (section 288B)
    found, suggestions = match_lines(
        side([10], [450], ["kaveri home"]), side([10], [500], ["kaveri home needs"])
    )
    assert "TDS deducted" not in set(found["rule"]) | set(suggestions["kind"])


def test_a_line_gets_at_most_two_near_misses_of_a_kind_the_nearest() -> None:
    books = side([2, 8, 10, 11, 12], [1_047_500] * 5, ["kaveri home needs"] * 5)
    _, suggestions = match_lines(side([10], [1_026_500], ["kaveri home"]), books)
    assert sorted(suggestions["ledger"].tolist()) == [2, 3]  # the 10th and 11th, not the 2nd


def test_a_ledger_line_naming_no_one_is_not_two_named_salaries() -> None:
    bank = statement(
        [
            ("2026-10-04", "NEFT DR-YESB0639217-S DAS-NETBANK SALARY", "", -2500000),
            ("2026-10-04", "NEFT DR-ICIC0079730-S DAS-NETBANK SALARY", "", -2500000),
        ]
    )
    books = ledger(
        [
            ("2026-10-01", "Rent", "", -5000000),
            ("2026-10-04", "Sayantani Das", "", -2500000),
            ("2026-10-04", "Subhajit Das", "", -2500000),
        ]
    )
    pairs, _ = matched(bank, books)
    assert not any(rule == "Combination" for *_, rule in pairs)


def test_the_party_after_an_account_and_a_dash_is_the_party() -> None:
    assert bank_party_key("Rent - Sowmya Rao") == "sowmya rao"
    assert bank_party_key("Navkar & Co. - Surat") == "navkar"
    bank = statement(
        [
            (
                "2026-10-09",
                "IMPS-625853407377-SENGUPTA TANUSHREE-CBIN-XXXXXXXX9667-BILL",
                "",
                -7500000,
            ),
            (
                "2026-10-10",
                "NEFT DR-INDB0684172-SOWMYA RAO-NETBANK, MUM-HDFCN52813759664979",
                "",
                -7500000,
            ),
        ]
    )
    books = ledger(
        [("2026-10-08", "Rent", "", -7500000), ("2026-10-09", "Rent - Sowmya Rao", "", -7500000)]
    )
    pairs, _ = matched(bank, books)
    assert (1, 1, "Amount and date") in pairs


def test_sbi_narrations_split_at_stars() -> None:
    names = narration_names(
        pd.Series(["TO TRANSFER-NEFT*IDFB0841816*SBINN698861501111*KULKARNI PRAKASH SUNITA--"])
    )
    assert names.tolist() == ["KULKARNI PRAKASH SUNITA"]


def test_out_must_name_a_workbook(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    from xlbo.cli import main

    code = main(["reconcile", "--bank", "b.csv", "--ledger", "l.csv", "--out", "brs.csv"])
    assert code == 2
    assert "name it with .xlsx" in capsys.readouterr().err


def test_a_name_cut_short_pairs_with_the_full_name_beside_another_party() -> None:
    bank = statement(
        [("2025-04-10", "NEFT CR-SBIN0001234-BALAJI TRA-SBINN25091123456789", "", 5000000)]
    )
    books = ledger(
        [
            ("2025-04-09", "Shree Balaji Traders", "", 5000000),
            ("2025-04-10", "Kaveri & Sons", "", 5000000),
        ]
    )
    pairs, _ = matched(bank, books)
    assert pairs == {(0, 0, "Amount and date")}


def test_the_piece_a_bank_cut_off_a_name_points_to_the_party_it_starts() -> None:
    # UPI keeps ten letters: JALARAM LO is Jalaram Logistics, not Jalaram & Co. (whose name,
    # once & Co. is dropped, is all in JALARAM LO's words); both paid 1,500 on the 5th
    narration = "TO TRANSFER-UPI/DR/697767679047/JALARAM LO/HDFC/jalaram@oksbi/ADVANCE--"
    bank = statement([("2026-10-06", narration, "", -150000)])
    books = ledger(
        [
            ("2026-10-05", "Jalaram & Co.", "", -150000),
            ("2026-10-05", "Jalaram Logistics LLP", "", -150000),
        ]
    )
    pairs, _ = matched(bank, books)
    assert pairs == {(0, 1, "Amount and date")}
    assert likeness("jalaram lo", "jalaram logistics") > likeness("jalaram lo", "jalaram")
    # a piece that starts a word of both says nothing against either
    assert likeness("arun s", "arun sharma") > likeness("arun s", "arun kumar")


def test_a_upi_handle_that_runs_on_past_the_cut_name_says_which_party() -> None:
    # SBI cut the payer's name to MEENAKSHI; the handle meenakshiinfot@upi goes on: Infotech
    narration = "BY TRANSFER-UPI/CR/632768090655/MEENAKSHI/CNRB/meenakshiinfot@upi/BILL--"
    bank = statement([("2026-10-05", narration, "", 500000)])
    books = ledger(
        [
            ("2026-10-05", "Meenakshi Foods", "", 500000),
            ("2026-10-04", "Meenakshi Infotech LLP", "", 500000),
        ]
    )
    pairs, _ = matched(bank, books)
    assert pairs == {(0, 1, "Amount and date")}


def test_abstentions_are_offered_as_suggestions() -> None:
    # two sets of Om Sai's lines make up the receipt: neither is taken, one is offered
    bank = statement([("2026-10-12", "NEFT CR-UTIB0000012-OM SAI LOGISTICS-UTIBN1", "", 6000000)])
    books = ledger(
        [
            ("2026-10-11", "Om Sai Logistics", "", v)
            for v in (1000000, 2000000, 3000000, 2500000, 3500000)
        ]
    )
    pairs, suggestions = matched(bank, books)
    assert pairs == set()
    assert set(suggestions["kind"]) == {"Several sets add up"}
    # a cheque with no number in the books, and two cheques of that party and amount
    bank = statement([("2026-10-25", "CHQ PAID-MICR CTS-MU-BALAJI TRADERS", "", -2500000)])
    books = ledger(
        [
            ("2026-10-02", "Balaji Traders", "", -2500000),
            ("2026-10-05", "Balaji Traders", "", -2500000),
        ]
    )
    pairs, suggestions = matched(bank, books)
    assert pairs == set()
    assert sorted(suggestions["ledger"].tolist()) == [0, 1]


def test_master_and_rules_must_be_real_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from xlbo.cli import main

    bank = tmp_path / "bank.csv"
    bank.write_text(
        "Date,Narration,Withdrawal Amt.,Deposit Amt.,Closing Balance\n01/10/2026,X,,100.00,100.00\n"
    )
    books = tmp_path / "books.csv"
    books.write_text(
        "Date,Particulars,Vch Type,Vch No.,Debit,Credit\n01/10/2026,X,Receipt,1,100.00,\n"
    )
    out = str(tmp_path / "brs.xlsx")
    common = ["reconcile", "--bank", str(bank), "--ledger", str(books), "--out", out]
    assert main([*common, "--master", str(tmp_path / "nowhere.xlsx")]) == 2
    assert "--master" in capsys.readouterr().err
    assert main([*common, "--rules", str(books)]) == 2
    assert "no Rules sheet" in capsys.readouterr().err


def test_identical_book_lines_are_interchangeable() -> None:
    # three consultants paid 15,000 each; the books say only "Professional Fees" three times
    bank = statement(
        [
            ("2026-10-05", "IMPS-585305442189-H H MODI-IOBA-XXXXXXXX7651-FEES", "", -1500000),
            (
                "2026-10-05",
                "NEFT DR-UTIB0586824-K H DESAI-NETBANK, MUM-HDFCN548777851844",
                "",
                -1500000,
            ),
            ("2026-10-06", "IMPS-599304212220-PRAKASH SACHIN KALE-MAHB-XXXXXXXX7651", "", -1500000),
        ]
    )
    books = ledger([("2026-10-05", "Professional Fees", "", -1500000)] * 3)
    pairs, _ = matched(bank, books)
    assert pairs == {(b, b, "Identical lines") for b in range(3)}
    # two bank lines for one such book line: not interchangeable, left for the user
    pairs, _ = matched(bank, books.iloc[:1].reset_index(drop=True))
    assert pairs == set()


def test_identical_book_lines_go_to_the_bank_line_their_narration_copies() -> None:
    # two charges of 17.70 and two cheque-return charges of 295.00 on one day, each booked to
    # Bank Charges; the accountant copied the bank's words, or the cheque's number, into the
    # narration: each bank line takes the book line that says so, whatever their order
    bank = statement(
        [
            ("2026-11-09", "IMPS P2A CHGS INCL GST", "", -1770),
            ("2026-11-09", "SMS CHGS FOR OCT 2026 INCL GST", "", -1770),
            ("2026-11-21", "CHQ RET CHGS INCL GST 234501", "", -29500),
            ("2026-11-21", "CHQ RET CHGS INCL GST 288627", "", -29500),
        ]
    )
    books = ledger(
        [
            ("2026-11-09", "By Bank Charges", "Sms Chgs For Oct 2026 Incl Gst", -1770),
            ("2026-11-09", "By Bank Charges", "Imps P2A Chgs Incl Gst", -1770),
            ("2026-11-21", "By Bank Charges", "Cheque return charges 288627", -29500),
            ("2026-11-21", "By Bank Charges", "Cheque return charges 234501", -29500),
        ]
    )
    pairs, _ = matched(bank, books)
    # the words copied word for word pair first (with the reason), the numbers among the rest
    assert pairs == {
        (0, 1, "Amount and date"),
        (1, 0, "Amount and date"),
        (2, 3, "Identical lines"),
        (3, 2, "Identical lines"),
    }


def test_identical_book_lines_go_to_the_nearest_of_more_bank_lines_than_they_are() -> None:
    # three NEFT charges of 29.50 on the 27th, booked as three identical Bank Charges lines of
    # the 27th, and a fourth charge on the 28th that the books have not booked: the three of
    # the 27th take the three; the 28th's, a day further, is left. Before, four bank lines
    # wanting three book lines left all seven open, listed as "choose one" between identical
    # lines
    bank = statement(
        [
            ("2026-11-27", "NEFT CHGS INCL GST", "", -2950),
            ("2026-11-27", "NEFT CHGS INCL GST", "", -2950),
            ("2026-11-27", "NEFT CHGS INCL GST", "", -2950),
            ("2026-11-28", "NEFT CHGS INCL GST", "", -2950),
        ]
    )
    books = ledger([("2026-11-27", "By Bank Charges", "Neft Chgs Incl Gst", -2950)] * 3)
    pairs, suggestions = matched(bank, books)
    assert {(b, r) for b, _, r in pairs} == {
        (0, "Amount and date"),  # the books' narration is the bank's, word for word
        (1, "Amount and date"),
        (2, "Amount and date"),
    }
    assert sorted(g for _, g, _ in pairs) == [0, 1, 2]
    # nor is the 28th's charge offered as a TDS of nothing on one of them
    assert not suggestions["why"].str.contains("differs by 0.00").any()


def test_identical_book_lines_wanted_by_more_consultants_than_they_are_are_left_to_the_user() -> (
    None
):
    # three consultants' NEFTs of 30,000 (two of the 6th, one of the 7th) for two identical
    # Professional Fees of the 7th: each consultant's fee may be booked on another day, so the
    # dates do not say whose the two are, and none is taken as identical lines
    bank = statement(
        [
            ("2026-10-06", "NEFT-ICICN368221618482-H F DESAI-PAYMENT-YESB0858429", "", -3000000),
            ("2026-10-06", "NEFT-ICICN368221618483-R K MEHTA-PAYMENT-YESB0858420", "", -3000000),
            ("2026-10-07", "NEFT-ICICN368221618484-S V IYER-PAYMENT-YESB0858421", "", -3000000),
        ]
    )
    books = ledger([("2026-10-07", "By Professional Fees", "", -3000000)] * 2)
    pairs, _ = matched(bank, books)
    assert not {p for p in pairs if p[2] == "Identical lines"}


def test_identical_book_lines_wanted_by_more_cheques_of_blank_narration_are_left() -> None:
    # three cheques told apart by their numbers alone (no narration), of the 7th, 8th and 9th,
    # for two identical Professional Fees of the 7th: three cheques, not three alike charges
    bank = statement(
        [
            ("2026-10-07", "", "000451", -3000000),
            ("2026-10-08", "", "000452", -3000000),
            ("2026-10-09", "", "000453", -3000000),
        ]
    )
    books = ledger([("2026-10-07", "By Professional Fees", "", -3000000)] * 2)
    pairs, _ = matched(bank, books)
    assert not {p for p in pairs if p[2] == "Identical lines"}


def test_identical_book_lines_wanted_by_more_bank_lines_of_one_day_are_left_to_the_user() -> None:
    # four consultants' NEFTs of one day for three identical Professional Fees of that day: no
    # date says which three, so none is taken
    bank = statement(
        [
            ("2026-11-27", f"NEFT-ICICN36822161848{n}-{name}-PAYMENT-YESB085842{n}", "", -3000000)
            for n, name in enumerate(["H F DESAI", "R K MEHTA", "S V IYER", "A B JOSHI"])
        ]
    )
    books = ledger([("2026-11-27", "By Professional Fees", "", -3000000)] * 3)
    pairs, _ = matched(bank, books)
    assert not {p for p in pairs if p[2] == "Identical lines"}


def test_identical_charges_copied_word_for_word_take_as_many_as_the_books_hold() -> None:
    # four NEFT charges of the 27th, and three book lines of the 27th that copy their words: the
    # four are alike in everything, so whichever three are paired the BRS lists the same fourth
    # (before, all seven were left open as "choose one" between identical lines)
    bank = statement([("2026-11-27", "NEFT CHGS INCL GST", "", -2950)] * 4)
    books = ledger([("2026-11-27", "By Bank Charges", "Neft Chgs Incl Gst", -2950)] * 3)
    pairs, suggestions = matched(bank, books)
    assert sorted(g for _, g, _ in pairs) == [0, 1, 2]
    assert {b for b, _, _ in pairs} == {0, 1, 2}
    assert {r for *_, r in pairs} == {"Amount and date"}
    assert not (suggestions["bank"] == 3).any()


def test_charges_booked_with_the_banks_words_are_told_from_a_charge_the_books_lack() -> None:
    # the 1st: three RTGS charges' GST of 4.50, each booked to Bank Charges with the bank's
    # words, and the GST of a NEFT charge of the same 4.50 that the books lack. The books'
    # particulars (Bank Charges) tell none apart, their narrations do: before, the four bank
    # lines wanting three book lines left all seven open (Axis, the second outsider's month)
    bank = statement(
        [
            ("2026-10-01", "GST @18% ON RTGS CHGS INCL GST", "", -450),
            ("2026-10-01", "GST @18% ON RTGS CHGS INCL GST", "", -450),
            ("2026-10-01", "GST @18% ON NEFT CHGS INCL GST", "", -450),
            ("2026-10-01", "GST @18% ON RTGS CHGS INCL GST", "", -450),
        ]
    )
    books = ledger([("2026-10-01", "Bank Charges", "Gst @18% On Rtgs Chgs Incl Gst", -450)] * 3)
    pairs, suggestions = matched(bank, books)
    assert {(b, g) for b, g, _ in pairs} == {(0, 0), (1, 1), (3, 2)}
    assert 2 not in set(suggestions["bank"])  # the NEFT charge's GST is the bank's alone


def test_a_copied_narration_the_user_rejected_is_no_pair() -> None:
    # two NEFT charges and two book lines in their words, all of the 27th; the user rejected
    # the first with the first: it is not made again by taking the lines first with first
    # (found by review)
    bank = statement([("2026-11-27", "NEFT CHGS INCL GST", "", -2950)] * 2)
    books = ledger([("2026-11-27", "By Bank Charges", "Neft Chgs Incl Gst", -2950)] * 2)
    found, _ = match_lines(
        prepare_bank(bank), prepare_ledger(books), decisions=Decisions(rejected=frozenset({(0, 0)}))
    )
    assert (0, 0) not in set(zip(found["bank"], found["ledger"], strict=True))


def test_a_commission_received_less_tds_is_still_offered() -> None:
    # a broker's commission of 10,000.00 received as 9,800.00 (2% TDS under 194H): the books'
    # `Commission Received` is a customer's receipt, no bank's charge, so its TDS is offered
    bank = statement(
        [("2026-10-05", "NEFT/HDFCN52026100512345/SHARMA INSURANCE BROKERS/OCT", "", 980_000)]
    )
    books = ledger([("2026-10-05", "Commission Received", "Commission for Sep 2026", 1_000_000)])
    _, suggestions = matched(bank, books)
    assert "TDS deducted" in set(suggestions["kind"])


def test_a_copied_narration_of_another_party_is_no_pair() -> None:
    # the books copied a UPI narration naming R ANAND onto Om Sai Traders' payment of the same
    # amount, and K MEHTA was paid as much that day: names that differ keep them apart,
    # whatever the words say, and the amount alone chooses neither
    bank = statement(
        [
            ("2026-10-05", "UPI-R ANAND-ranand@okaxis-SBIN", "", -150000),
            ("2026-10-05", "UPI-K MEHTA-kmehta@okaxis-SBIN", "", -150000),
        ]
    )
    books = ledger([("2026-10-05", "Om Sai Traders", "UPI-R ANAND-ranand@okaxis-SBIN", -150000)])
    pairs, _ = matched(bank, books)
    assert not pairs


# --- known payers -----------------------------------------------------------------------------


def test_a_payer_learnt_by_reference_is_matched_to_its_party_by_amount() -> None:
    # the proprietor SACHIN SHINDE pays for Bajwa Textiles: a UTR the books carry says so once,
    # and his next UPI of 1,500.00 goes to Bajwa Textiles, not to Om Sai Traders' 1,500.00
    bank = statement(
        [
            ("2026-10-03", "NEFT CR-HDFC0001234-SACHIN SHINDE-HDFCN52026100312345", "", 3530267),
            ("2026-10-10", "UPI-SACHIN SHINDE-sachin@okhdfc-HDFC0001-629845123456-NA", "", 150000),
        ]
    )
    books = ledger(
        [
            ("2026-10-03", "Bajwa Textiles", "UTR HDFCN52026100312345", 3530267),
            ("2026-10-10", "Om Sai Traders", "", 150000),
            ("2026-10-10", "Bajwa Textiles", "", 150000),
        ]
    )
    pairs, _ = matched(bank, books)
    assert pairs == {(0, 0, "Reference"), (1, 2, "Amount and date")}
    found, _ = match_lines(prepare_bank(bank), prepare_ledger(books))
    assert "known payer of this party" in str(found.loc[found["bank"] == 1, "why"].iloc[0])


@pytest.mark.parametrize("another_fits", [False, True])
def test_a_known_payers_receipt_less_tds_is_its_partys_invoice(another_fits: bool) -> None:
    # SACHIN SHINDE, the proprietor a UTR showed paying for Bajwa Textiles, pays its invoice of
    # 1,18,000.00 less TDS at 2% of 1,00,000.00 before GST: 1,16,000.00 is the invoice's, its
    # 2,000.00 to book, however unlike his name is the firm's. Another party's invoice of the
    # same amount in the window is a doubt: nothing is taken
    bank = statement(
        [
            ("2026-10-03", "NEFT CR-HDFC0001234-SACHIN SHINDE-HDFCN52026100312345", "", 3530267),
            ("2026-10-10", "NEFT CR-HDFC0001234-SACHIN SHINDE-HDFCN52026101012399", "", 11_600_000),
        ]
    )
    rows = [
        ("2026-10-03", "Bajwa Textiles", "UTR HDFCN52026100312345", 3530267),
        ("2026-10-09", "Bajwa Textiles", "Against Inv 2231", 11_800_000),
    ]
    if another_fits:
        rows.append(("2026-10-10", "Om Sai Traders", "Against Inv 118", 11_800_000))
    found, _ = match_lines(prepare_bank(bank), prepare_ledger(ledger(rows)))
    tds = found[found["bank"] == 1]
    if another_fits:
        assert tds.empty
    else:
        assert tds[["ledger", "rule"]].values.tolist() == [[1, "TDS deducted"]]
        assert str(tds["why"].iat[0]) == (
            "differs by 2,000.00: TDS at 2% of the books' amount before GST at 18%; 2,000.00 to "
            "book (the BRS lists it)"
        )


def test_without_what_teaches_it_names_that_differ_are_left_for_the_user() -> None:
    bank = statement(
        [("2026-10-10", "UPI-SACHIN SHINDE-sachin@okhdfc-HDFC0001-629845123456-NA", "", 150000)]
    )
    books = ledger(
        [
            ("2026-10-10", "Om Sai Traders", "", 150000),
            ("2026-10-10", "Bajwa Textiles", "", 150000),
        ]
    )
    pairs, suggestions = matched(bank, books)
    assert pairs == set()
    assert len(suggestions) >= 1


def test_a_name_that_pays_for_several_parties_is_nobodys_payer() -> None:
    # RAZORPAY settles for two customers (references say so): it teaches nothing, so its next
    # 1,500.00 is not given to either on the strength of the name
    bank = statement(
        [
            ("2026-10-03", "NEFT CR-UTIB0001-RAZORPAY SOFTWARE-UTIBN52026100311111", "", 2000000),
            ("2026-10-04", "NEFT CR-UTIB0001-RAZORPAY SOFTWARE-UTIBN52026100422222", "", 3000000),
            ("2026-10-10", "NEFT CR-UTIB0001-RAZORPAY SOFTWARE-UTIBN52026101033333", "", 150000),
        ]
    )
    books = ledger(
        [
            ("2026-10-03", "Kaveri Stores", "UTR UTIBN52026100311111", 2000000),
            ("2026-10-04", "Deccan Mart", "UTR UTIBN52026100422222", 3000000),
            ("2026-10-10", "Kaveri Stores", "", 150000),
            ("2026-10-10", "Deccan Mart", "", 150000),
        ]
    )
    pairs, _ = matched(bank, books)
    assert pairs == {(0, 0, "Reference"), (1, 1, "Reference")}


def test_of_two_parties_alike_to_a_bank_name_the_one_it_paid_before_takes_its_next() -> None:
    # PRIYA MURUGESAN is as alike to Priya Murugesan as to M. Priya (an initial for the
    # surname), and so is M PRIYA. Her three earlier receipts (amounts no one else has) went to
    # Priya Murugesan; on the 19th both ledgers and both bank names have 250.00: hers goes to
    # Priya Murugesan, M PRIYA's to M. Priya, instead of four lines left open as ambiguous
    bank = statement(
        [
            ("2026-10-03", "UPI/P2A/695232964125/PRIYA MURUGESAN/YESB BANK/PAYMENT", "", 131100),
            ("2026-10-08", "UPI/P2A/580452611667/PRIYA MURUGESAN/YESB BANK/PAYMENT", "", 272300),
            ("2026-10-13", "UPI/P2A/625979158046/PRIYA MURUGESAN/YESB BANK/ADVANCE", "", 64700),
            ("2026-10-19", "UPI/P2A/624361890551/PRIYA MURUGESAN/YESB BANK/PAYMENT", "", 25000),
            ("2026-10-19", "UPI/P2A/547198299348/M PRIYA/PUNB BANK/BILL", "", 25000),
        ]
    )
    books = ledger(
        [
            ("2026-10-03", "Priya Murugesan", "", 131100),
            ("2026-10-08", "Priya Murugesan", "", 272300),
            ("2026-10-13", "Priya Murugesan", "", 64700),
            ("2026-10-19", "M. Priya", "", 25000),
            ("2026-10-19", "Priya Murugesan", "", 25000),
        ]
    )
    pairs, _ = matched(bank, books)
    assert {(b, g) for b, g, _ in pairs} == {(0, 0), (1, 1), (2, 2), (3, 4), (4, 3)}
    # without the earlier receipts nothing says whose each 250.00 is: both are left to the user
    pairs, suggestions = matched(
        bank.iloc[3:].reset_index(drop=True), books.iloc[3:].reset_index(drop=True)
    )
    assert pairs == set()
    assert set(suggestions["kind"]) == {"Ambiguous"}


def test_a_bank_names_repeated_amounts_go_to_the_party_it_paid_all_month_in_date_order() -> None:
    # KARTHIK NATARAJAN is as alike to Karthik N. as to Karthik Natarajan; N KARTHIK too. His
    # three earlier receipts went to Karthik N. (amounts no one else has). His three 5,000.00 of
    # the 8th, 8th and 9th are Karthik N.'s three of the 7th, 8th and 8th, first with first; N
    # KARTHIK's is then Karthik Natarajan's. Without the earlier receipts all eight stay open
    early = [("2026-10-02", 131100), ("2026-10-04", 272300), ("2026-10-06", 64700)]
    bank = statement(
        [
            (day, f"UPI/P2A/69523296412{i}/KARTHIK NATARAJAN/PUNB BANK/PAYMENT", "", paise)
            for i, (day, paise) in enumerate(early)
        ]
        + [
            ("2026-10-08", "UPI/P2A/624246724077/KARTHIK NATARAJAN/PUNB BANK/BILL", "", 500000),
            ("2026-10-08", "UPI/P2A/597697250728/KARTHIK NATARAJAN/PUNB BANK/FREIGHT", "", 500000),
            ("2026-10-09", "UPI/P2A/695139873701/KARTHIK NATARAJAN/PUNB BANK/INV", "", 500000),
            ("2026-10-08", "UPI/P2A/561293022243/N KARTHIK/SIBL BANK/NA", "", 500000),
        ]
    )
    books = ledger(
        [(day, "Karthik N.", "", paise) for day, paise in early]
        + [
            ("2026-10-07", "Karthik N.", "", 500000),
            ("2026-10-08", "Karthik N.", "", 500000),
            ("2026-10-08", "Karthik N.", "", 500000),
            ("2026-10-08", "Karthik Natarajan", "", 500000),
        ]
    )
    pairs, _ = matched(bank, books)
    assert {(b, g) for b, g, _ in pairs} == {(i, i) for i in range(7)}
    assert {(b, g, rule) for b, g, rule in pairs if b in (3, 4, 5)} == {
        (3, 3, "Repeated amount"),
        (4, 4, "Repeated amount"),
        (5, 5, "Repeated amount"),
    }
    pairs, _ = matched(bank.iloc[3:].reset_index(drop=True), books.iloc[3:].reset_index(drop=True))
    assert pairs == set()


def test_a_habit_less_alike_than_the_bank_names_own_party_owns_none_of_its_repeats() -> None:
    # K NATARAJAN paid Karthik Natarajan HUF's three receipts early in the month (90 alike):
    # his habit. On the 8th his two 5,000.00 meet Karthik Natarajan's three of that day (100
    # alike) and the HUF's two of the 7th. NATARAJAN KARTHIK's 5,000.00 of the 8th is as alike
    # to Karthik Natarajan, which kept K NATARAJAN's most alike party from being his own: the
    # habit alone then owned his repeats, and both went to the HUF's receipts of the 7th.
    # Without NATARAJAN KARTHIK's line they went to Karthik Natarajan's of the 8th, as now
    early = [("2026-10-02", 131100), ("2026-10-04", 272300), ("2026-10-06", 64700)]
    bank = statement(
        [
            (day, f"UPI/P2A/69523296412{i}/K NATARAJAN/PUNB BANK/PAYMENT", "", paise)
            for i, (day, paise) in enumerate(early)
        ]
        + [
            ("2026-10-08", "UPI/P2A/624246724077/K NATARAJAN/PUNB BANK/BILL", "", 500000),
            ("2026-10-08", "UPI/P2A/597697250728/K NATARAJAN/PUNB BANK/BILL", "", 500000),
            ("2026-10-08", "NEFT CR-SBIN0001234-NATARAJAN KARTHIK-SBINN520261008123", "", 500000),
        ]
    )
    books = ledger(
        [(day, "Karthik Natarajan HUF", "", paise) for day, paise in early]
        + [("2026-10-07", "Karthik Natarajan HUF", "", 500000)] * 2
        + [("2026-10-08", "Karthik Natarajan", "", 500000)] * 3
    )
    pairs, _ = matched(bank, books)
    assert {(b, g) for b, g, _ in pairs if b < 3} == {(0, 0), (1, 1), (2, 2)}
    # the three 5,000.00 of the 8th are Karthik Natarajan's of the 8th; the HUF's stay open
    assert {g for b, g, _ in pairs if b >= 3} == {5, 6, 7}


def test_a_handle_only_partly_like_a_same_amount_line_goes_to_its_own_partys_invoices() -> None:
    # nileshagar, Nilesh Agarwal's UPI handle, is 72 alike to Nilesh Mohan Hegde, whose 4,999.00
    # is of the same day and the only line of that amount; Nilesh Agarwal's three invoices of
    # that day (97 alike) add up to it. The set is his; Hegde's receipt stays open. Before, the
    # lone same-amount pair was taken first and the money put against the wrong customer
    bank = statement(
        [("2026-11-05", "UPI/659753923307/Sent using Paytm/nileshagar91@ib/ICIC BANK", "", 499900)]
    )
    books = ledger(
        [
            ("2026-11-05", "Nilesh Mohan Hegde (Kolhapur)", "Being amt recd bill no 955", 499900),
            ("2026-11-05", "Nilesh Agarwal (Surat)", "Being amt recd Inv No. 827", 322100),
            ("2026-11-05", "Nilesh Agarwal (Surat)", "Being amt recd Inv No. 1986", 28100),
            ("2026-11-05", "Nilesh Agarwal (Surat)", "Being amt recd Inv No. 603", 149700),
        ]
    )
    pairs, _ = matched(bank, books)
    assert pairs == {(0, 1, "Combination"), (0, 2, "Combination"), (0, 3, "Combination")}
    # with no set of Nilesh Agarwal's that adds up, the lone pair is taken after the sets
    pairs, _ = matched(bank, books.iloc[:2].reset_index(drop=True))
    assert pairs == {(0, 0, "Amount and date")}


def test_a_partys_repeated_amounts_that_tie_are_paired_in_date_order() -> None:
    # Ketan Shah paid 1,000.00 twice on the 1st in the books (one 'On account'); the bank shows
    # the 1st and the 4th: no pair is better than another, and they go in turn
    bank = statement(
        [
            ("2026-10-01", "UPI-KETAN SHAH-ketanshah@okicici-ICIC0001-629845123456-NA", "", 100000),
            ("2026-10-04", "UPI-KETAN SHAH-ketanshah@okicici-ICIC0001-629845654321-NA", "", 100000),
        ]
    )
    books = ledger(
        [
            ("2026-10-01", "Ketan Shah", "", 100000),
            ("2026-10-01", "Ketan Shah", "On account", 100000),
        ]
    )
    pairs, _ = matched(bank, books)
    assert pairs == {(0, 0, "Repeated amount"), (1, 1, "Repeated amount")}


def test_a_rejected_pair_does_not_come_back_when_equal_amounts_go_in_date_order() -> None:
    # Nair Printers paid 2,000.00 on the 2nd and the 3rd (bank); the books have the 3rd and
    # the 4th. First with first pairs 2nd-3rd and 3rd-4th; the user rejected 2nd-3rd: the
    # re-pairing in date order must not bring it back
    bank = statement(
        [
            ("2026-10-02", "NEFT CR-HDFC0001234-NAIR PRINTERS-HDFCN52026100212345", "", 200000),
            ("2026-10-03", "NEFT CR-HDFC0001234-NAIR PRINTERS-HDFCN52026100312345", "", 200000),
        ]
    )
    books = ledger(
        [("2026-10-03", "Nair Printers", "", 200000), ("2026-10-04", "Nair Printers", "", 200000)]
    )
    found, _ = match_lines(prepare_bank(bank), prepare_ledger(books))
    assert sorted(zip(found["bank"], found["ledger"], strict=True)) == [(0, 0), (1, 1)]
    refused = Decisions(rejected=frozenset({(0, 0)}))
    found, _ = match_lines(prepare_bank(bank), prepare_ledger(books), decisions=refused)
    assert (0, 0) not in set(zip(found["bank"], found["ledger"], strict=True))
    assert sorted(zip(found["bank"], found["ledger"], strict=True)) == [(0, 1), (1, 0)]


def test_a_partys_name_as_imps_glues_it_is_still_the_partys_in_date_order() -> None:
    # Nair Printers paid 1,000.00 four times; IMPS writes the name without its space
    # (NAIRPRINTERS), UPI with it: both are the party's, and the two lines of the 30th, which
    # tie on the 29th and the 30th, go in turn instead of being left for the user: every line
    # first with first, in date order (29th-28th, 30th-29th, 30th-30th, 31st-31st)
    bank = statement(
        [
            ("2026-10-29", "UPI/P2A/648360430777/NAIR PRINTERS/AXIS BANK/NA", "", 100000),
            ("2026-10-30", "IMPS/P2A/612345678901/NAIRPRINTERS/HDFC BANK/NA", "", 100000),
            ("2026-10-30", "UPI/P2A/593126613015/NAIR PRINTERS/AXIS BANK/FREIGHT", "", 100000),
            ("2026-10-31", "UPI/P2A/597079840028/NAIR PRINTERS/AXIS BANK/ADVANCE", "", 100000),
        ]
    )
    books = ledger([(f"2026-10-{day}", "Nair Printers", "", 100000) for day in (28, 29, 30, 31)])
    pairs, suggestions = matched(bank, books)
    assert {(b, g) for b, g, _ in pairs} == {(0, 0), (1, 1), (2, 2), (3, 3)}
    assert suggestions.empty


@pytest.mark.parametrize(("amount", "paired"), [(8773800, True), (1000000, False)])
def test_a_proprietors_payment_pairs_once_its_amounts_rival_is_taken(
    amount: int, paired: bool
) -> None:
    # GANESHSHAN (the proprietor) pays Jai Sai Agencies' bill the day after it was booked; a
    # customer's payment of the same amount came by NEFT with its UTR the day before. Once the
    # UTR pairs the customer, the two lines are each other's only ones: 87,738.00 meets by
    # chance seldom and pairs; 10,000.00 often, and stays a suggestion, said so
    bank = statement(
        [
            ("2026-11-01", "NEFT-HDFCN52026110111111-KAVERI TRADERS-INV 12", "", amount),
            ("2026-11-02", "MMT/IMPS/602030058107/NOV BILLS/GANESHSHAN/HDFC Bank", "", amount),
        ]
    )
    books = ledger(
        [
            ("2026-11-01", "Kaveri Traders", "UTR HDFCN52026110111111", amount),
            ("2026-11-03", "Jai Sai Agencies & Co. (Bhiwandi)", "", amount),
        ]
    )
    pairs, suggestions = matched(bank, books)
    assert (0, 0, "Reference") in pairs
    assert ((1, 1, "Amount and date") in pairs) is paired
    if not paired:
        (why,) = suggestions[suggestions["bank"] == 1]["why"]
        assert "another line of this amount is (or was) in the window" in why
        assert "more than 2 days apart" not in why  # they are a day apart


@pytest.mark.parametrize(
    ("amount", "another_in_the_month", "paired"),
    [(15_079_827, False, True), (15_000_000, False, False), (15_079_827, True, False)],
)
def test_the_months_only_odd_amount_pairs_across_names_within_the_window(
    amount: int, another_in_the_month: bool, paired: bool
) -> None:
    # NILESHKUMA (the owner, cut short by IMPS) pays 1,50,798.27 on the 2nd; the books take it
    # from Sri Rajlaxmi Polymers on the 5th, three days later. The names share nothing, but no
    # other line of the month holds that amount, on either side: they are each other's. A round
    # 1,50,000.00 is not so rare, nor an amount a customer also paid on the 25th
    bank = [("2026-11-02", "MMT/IMPS/634933809886/ADVANCE/NILESHKUMA/UTIB Bank", "", amount)]
    books = [("2026-11-05", "Sri Rajlaxmi Polymers Pvt Ltd", "Being amt recd", amount)]
    if another_in_the_month:
        bank.append(("2026-11-25", "NEFT-HDFCN52026112511111-KAVERI TRADERS-INV 12", "", amount))
    pairs, suggestions = matched(statement(bank), ledger(books))
    assert ((0, 0, "Amount and date") in pairs) is paired
    if not paired:
        (why,) = suggestions[suggestions["bank"] == 0]["why"]
        assert "more than 2 days apart" in why


def test_a_plans_price_many_pay_is_no_rare_amount() -> None:
    # 2,499.00 is no round hundred, but it is a plan's price: five customers pay it this month,
    # three paired by their UTRs. The last two lines of it, a customer's in the bank and another
    # customer's in the books a day apart, share no name: they stay apart, a suggestion at most
    utrs = [f"HDFCN5202611011111{k}" for k in range(4)]
    bank = statement(
        [
            (f"2026-11-0{k + 1}", f"NEFT-{utrs[k]}-KAVERI TRADERS {k}-PLAN", "", 249900)
            for k in range(4)
        ]
        + [("2026-11-06", "MMT/IMPS/602030058107/NOV BILLS/GANESHSHAN/HDFC Bank", "", 249900)]
    )
    books = ledger(
        [(f"2026-11-0{k + 1}", f"Kaveri Traders {k}", f"UTR {utrs[k]}", 249900) for k in range(4)]
        + [("2026-11-07", "Jai Sai Agencies & Co. (Bhiwandi)", "", 249900)]
    )
    pairs, _ = matched(bank, books)
    assert {(k, k, "Reference") for k in range(4)} <= pairs
    assert not any(b == 4 for b, _, _ in pairs)


def test_initials_tell_two_patels_apart() -> None:
    bank = statement(
        [("2026-10-02", "NEFT DR-KVBL0001-J H PATEL-NETBANK, MUM-HDFCN5202610021111", "", -2500000)]
    )
    books = ledger(
        [
            ("2026-10-02", "Ketan H. Patel", "", -2500000),
            ("2026-10-02", "Jignesh Patel", "", -2500000),
        ]
    )
    pairs, _ = matched(bank, books)
    assert pairs == {(0, 1, "Amount and date")}


# --- returned payments ---------------------------------------------------------------------------


def test_a_returned_payment_names_its_payee_not_the_reason() -> None:
    # the reason the beneficiary's bank gives (ACCOUNT DOES NOT EXIST) is no party: the return of
    # 13,900.00 is Raghavendra Hegde's, not Kaveri & Co.'s of the same amount the day before
    bank = statement(
        [
            (
                "2026-10-04",
                "NEFT RETURN-HDFCN54979031079723-R HEGDE-ACCOUNT DOES NOT EXIST",
                "",
                1390000,
            ),
        ]
    )
    books = ledger(
        [
            ("2026-10-04", "Raghavendra Hegde", "Payment returned - account closed", 1390000),
            ("2026-10-03", "Kaveri & Co.", "", 1390000),
        ]
    )
    assert narration_names(bank["narration"]).tolist() == ["R HEGDE"]
    pairs, _ = matched(bank, books)
    assert pairs == {(0, 0, "Amount and date")}


def test_a_cheque_returned_unpaid_is_never_matched_on_its_amount_alone() -> None:
    # a customer's cheque came back unpaid (money out, no name); the only book line of that
    # amount is a cheque the company wrote to a supplier: not the same money, a suggestion at most
    bank = statement([("2026-10-15", "CHQ RETURN-435160-FUNDS INSUFFICIENT", "", -2011600)])
    books = ledger([("2026-10-14", "Naveen Hegde", "", -2011600)])
    assert narration_names(bank["narration"]).tolist() == [""]
    pairs, suggestions = matched(bank, books)
    assert pairs == set()
    assert suggestions["ledger"].tolist() == [0]


def test_a_returned_payment_the_books_reverse_as_a_return_is_matched_on_its_amount() -> None:
    # the payment to Amrit Plastics went to its proprietor's closed account and came back; the
    # books reverse it against the firm and say so: each other's only line of 41,059.43
    narration = "NEFT RETURN-SBINN20574124941999-MEENA LAL JOSHI-ACCOUNT CLOSED"
    bank = statement([("2026-11-17", narration, "", 4105943)])
    books = ledger(
        [("2026-11-18", "To M/s. Amrit Plastics", "Being NEFT returned - account closed", 4105943)]
    )
    pairs, _ = matched(bank, books)
    assert pairs == {(0, 0, "Amount and date")}
    # a receipt of the same amount from the firm is not the return: left for the user
    receipt = ledger([("2026-11-18", "To M/s. Amrit Plastics", "Being amt recd", 4105943)])
    pairs, _ = matched(bank, receipt)
    assert pairs == set()


def test_a_cheque_whose_name_says_nothing_is_matched_when_it_is_the_only_one_of_its_amount() -> (
    None
):
    # the bank kept only the end of the payee's name (AND CO); the cheque was written 12 days
    # earlier; it and the book line are each other's only open line of 6,634.86 in 30 days
    bank = statement([("2026-10-13", "CHQ PAID-MICR CTS-MU-AND CO", "", -663486)])
    books = ledger(
        [
            ("2026-10-01", "M/s Umiya & Co.", "", -663486),
            ("2026-10-02", "Kaveri & Co.", "", -120000),
        ]
    )
    pairs, _ = matched(bank, books)
    assert pairs == {(0, 0, "Amount and date")}
    # a second cheque of that amount in the books: the names cannot choose, nor can this rule
    books = ledger(
        [
            ("2026-10-01", "M/s Umiya & Co.", "", -663486),
            ("2026-10-05", "Sandhu Infotech", "", -663486),
        ]
    )
    pairs, _ = matched(bank, books)
    assert pairs == set()


def test_a_known_payers_name_cut_at_another_letter_is_the_same_payer() -> None:
    # PAI MANJUNATH pays for Murugan Electricals (a reference the books carry says so once);
    # IMPS cuts his name where each sending bank's field ends: PAIMANJUNA, PAIMANJUN,
    # PAIMANJUNAT. His three transfers of the 9th and 10th make up the invoice of the 8th
    bank = statement(
        [
            ("2026-10-02", "MMT/IMPS/512068081411/BILL/PAIMANJUNA/IDIB BANK", "", 5000000),
            (
                "2026-10-09",
                "MMT/IMPS/522739990364/Payment from Ph/PAIMANJUN/IDIB BANK",
                "",
                2172007,
            ),
            ("2026-10-10", "MMT/IMPS/598552347225/NA/PAIMANJUNAT/IDIB BANK", "", 7755306),
            ("2026-10-10", "MMT/IMPS/530212345678/BILL/PAIMANJUNA/IDIB BANK", "", 3416196),
        ]
    )
    books = ledger(
        [
            ("2026-10-02", "Murugan Electricals", "IMPS Ref 512068081411", 5000000),
            ("2026-10-08", "Murugan Electricals", "Against Inv No. 4471", 13343509),
            ("2026-10-09", "Kaveri & Co.", "", 2172007),
        ]
    )
    pairs, _ = matched(bank, books)
    assert pairs == {(0, 0, "Reference"), *((b, 1, "Combination") for b in (1, 2, 3))}


ANOTHER_PARTYS_CUT_NAME = pytest.mark.xfail(
    strict=True,
    reason="judgement call, left as it is: a known payer's name cut at another letter is the "
    "same payer even where the name's own pairs or its likeness point to another party of the "
    "books. Guarding against it cost 20 true pairs and saved no false one at 100k (ICICI s1): "
    "in the generator a payer's cut name is often a party's own name too (YADAVAMI, a payer "
    "of Loknath Packaging, 96 alike to the party Amit Yadav), as Sunita Agarwal's may be",
)


@ANOTHER_PARTYS_CUT_NAME
def test_a_name_whose_own_pairs_are_another_partys_is_no_payer_cut_otherwise() -> None:
    # SUNIL AGARWAL pays for Murugan Electricals (AGARWALSUN, a reference the books carry);
    # AGARWALSUNITA begins the same ten letters but is Sunita Agarwal, whose ₹30,000 of the 5th
    # her own name matched. Her two transfers of the 12th are not Murugan's invoice of the 11th
    bank = statement(
        [
            ("2026-10-02", "MMT/IMPS/512068081411/BILL/AGARWALSUN/IDIB BANK", "", 5000000),
            ("2026-10-05", "MMT/IMPS/522739990364/BILL/AGARWALSUNITA/HDFC BANK", "", 3000000),
            ("2026-10-12", "MMT/IMPS/598552347225/NA/AGARWALSUNITA/HDFC BANK", "", 1200000),
            ("2026-10-12", "MMT/IMPS/530212345678/NA/AGARWALSUNITA/HDFC BANK", "", 800000),
        ]
    )
    books = ledger(
        [
            ("2026-10-02", "Murugan Electricals", "IMPS Ref 512068081411", 5000000),
            ("2026-10-05", "Sunita Agarwal", "", 3000000),
            ("2026-10-11", "Murugan Electricals", "Against Inv No. 4471", 2000000),
        ]
    )
    pairs, _ = matched(bank, books)
    assert pairs == {(0, 0, "Reference"), (1, 1, "Amount and date")}


@ANOTHER_PARTYS_CUT_NAME
def test_a_name_that_is_another_partys_name_is_no_payer_cut_otherwise() -> None:
    # as above, but nothing of Sunita Agarwal's was matched yet: AGARWALSUNITA is her name run
    # together (a party of the books), which says whose it is better than ten letters in
    # common with the name of the man who pays for Murugan Electricals
    bank = statement(
        [
            ("2026-10-02", "MMT/IMPS/512068081411/BILL/AGARWALSUN/IDIB BANK", "", 5000000),
            ("2026-10-12", "MMT/IMPS/598552347225/NA/AGARWALSUNITA/HDFC BANK", "", 1200000),
            ("2026-10-12", "MMT/IMPS/530212345678/NA/AGARWALSUNITA/HDFC BANK", "", 800000),
        ]
    )
    books = ledger(
        [
            ("2026-10-02", "Murugan Electricals", "IMPS Ref 512068081411", 5000000),
            ("2026-10-03", "Sunita Agarwal", "Opening", 100000),
            ("2026-10-11", "Murugan Electricals", "Against Inv No. 4471", 2000000),
        ]
    )
    pairs, _ = matched(bank, books)
    assert pairs == {(0, 0, "Reference")}


def test_a_payer_like_no_one_in_the_books_is_made_up_of_one_partys_invoices() -> None:
    # the proprietor BRAR AMANDEEP pays Sunrise Polymers' three invoices in one transfer: his name
    # is like no one's in the books, so the receipt is searched as one naming no one is
    bank = statement(
        [
            (
                "2026-10-02",
                "IMPS-688528528424-BRAR AMANDEEP-BARB-XXXXXXXX2967-Payment from Ph",
                "",
                14421772,
            )
        ]
    )
    books = ledger(
        [
            ("2026-10-02", "Sunrise Polymers", "Against Inv No. 3036", 6749457),
            ("2026-10-02", "Sunrise Polymers", "Against Inv No. 9858", 1212701),
            ("2026-10-02", "Kaveri & Co.", "", 5000000),
            ("2026-10-02", "Sunrise Polymers", "Against Inv No. 925", 6459614),
        ]
    )
    pairs, _ = matched(bank, books)
    assert pairs == {(0, g, "Combination") for g in (0, 1, 3)}
    # a round amount is another matter: 30,000 paid to a consultant is not two fees of 15,000
    bank = statement(
        [("2026-10-13", "NEFT DR-UBIN0284977-MUKHERJEE RITUPARNA-HDFCN55229211375", "", -3000000)]
    )
    books = ledger([("2026-10-12", "Professional Fees", "", -1500000)] * 2)
    pairs, _ = matched(bank, books)
    assert not any(rule == "Combination" for *_, rule in pairs)


def _prabhat_month(transfer: tuple[str, str, str, int]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A busy 2nd and 3rd of November: Shri Prabhat Packaging's four invoices of the 3rd
    (1,01,980.00 in all) behind forty receipts of other customers (each its bank line; Sneha M.
    Rao is one of them), and `transfer`, the bank line that pays the four."""
    customers = (
        "Kaveri Textiles",
        "Om Sai Agencies",
        "Deccan Polymers",
        "Hooghly Chemicals",
        "Sneha M. Rao",
    )
    others = [
        (
            f"2026-11-0{2 + i % 2}",
            customers[i % 4],
            f"Against Inv No. {700 + i}",
            1_234_500 + 97 * i,
        )
        for i in range(40)
    ]
    books = ledger(
        [
            *others,
            ("2026-11-03", "Shri Prabhat Packaging & Sons", "Against Inv No. 1256", 1_070_800),
            ("2026-11-03", "Shri Prabhat Packaging & Sons", "Against Inv No. 1257", 3_000_000),
            ("2026-11-03", "Shri Prabhat Packaging & Sons", "Against Inv No. 1301", 2_527_200),
            ("2026-11-03", "Shri Prabhat Packaging & Sons", "Against Inv No. 1302", 3_600_000),
        ]
    )
    bank = statement(
        [
            *(
                (date, f"NEFT CR-HDFC0000123-{name.upper()}-HDFCN5202611{i:08d}", "", amount)
                for i, (date, name, _, amount) in enumerate(others)
            ),
            transfer,
        ]
    )
    return bank, books


def test_a_proprietors_transfer_is_his_firms_invoices_of_one_day() -> None:
    # SNEHAMOHAN (the owner, as IMPS cuts her name) pays Shri Prabhat Packaging's four invoices
    # of the 3rd in one whole-rupee transfer; her name is no party's but a namesake's (Sneha M.
    # Rao, whose receipts are all paired), and no other day's lines of any party add up to it
    snehamohan = (
        "2026-11-02",
        "MMT/IMPS/672751434583/ADVANCE/SNEHAMOHAN/HDFC Bank",
        "",
        10_198_000,
    )
    bank, books = _prabhat_month(snehamohan)
    found, _ = match_lines(prepare_bank(bank), prepare_ledger(books))
    transfer = found[found["bank"] == 40]
    assert sorted(transfer["ledger"]) == [40, 41, 42, 43]
    assert set(transfer["rule"]) == {"Combination"}
    assert set(transfer["score"]) == {DAY_SET_SCORE}
    assert "the owner's own account paying for the firm?" in transfer["why"].iat[0]
    assert len(found) == 44  # the forty others by their amounts, and the set


def test_a_day_set_is_not_taken_for_another_partys_or_a_round_transfer() -> None:
    # the same four invoices, but the transfer names Kaveri Textiles, whose invoice of the 1st is
    # still open: it may be Kaveri's money, never Prabhat's set
    kaveri = ("2026-11-02", "MMT/IMPS/672751434583/ADVANCE/KAVERITEXT/HDFC Bank", "", 10_198_000)
    # and a round 1,00,000.00 from a stranger is not two of Prabhat's invoices by chance
    round_sum = ("2026-11-02", "MMT/IMPS/672751434583/ADVANCE/SNEHAMOHAN/HDFC Bank", "", 10_000_000)
    for transfer in (kaveri, round_sum):
        bank, books = _prabhat_month(transfer)
        if transfer is kaveri:
            books = pd.concat(
                [
                    books,
                    ledger([("2026-11-01", "Kaveri Textiles", "Against Inv No. 699", 2_500_000)]),
                ],
                ignore_index=True,
            )
        if transfer is round_sum:  # the 3rd's two invoices: 60,000.00 and 40,000.00
            books = books.drop(index=[42, 43]).reset_index(drop=True)
            books.loc[[40, 41], "debit"] = [6_000_000, 4_000_000]
        found, _ = match_lines(prepare_bank(bank), prepare_ledger(books))
        assert 40 not in set(found["bank"]), transfer[1]
        assert len(found) == 40


@pytest.mark.parametrize("paise", [True, False])
def test_a_proprietor_who_is_also_a_customer_pays_his_firms_bills(paise: bool) -> None:
    # PANKAJ ARORA pays Vasantham Packaging's three bills of the 27th by IMPS, 1,29,583.30 in
    # all; an agent of the same name, Pankaj Arora, has a cheque for his commission still out
    # that week. The bills add up to the paisa: the payment is Vasantham's. A 1,29,550.00 in
    # whole rupees that the bills make up may as well be the agent's business: only suggested
    bills = [2_903_250, 6_808_600, 4_246_480] if paise else [2_900_000, 6_800_000, 3_255_000]
    bank = statement([("2026-10-26", "MB:IMPS/697388737121/PANKAJ ARORA/BARB", "", -sum(bills))])
    books = ledger(
        [
            *(
                ("2026-10-27", "Vasantham Packaging (Perundurai)", f"Bill No. {n}", -amount)
                for n, amount in zip((8371, 7075, 2434), bills, strict=True)
            ),
            ("2026-10-24", "Pankaj Arora", "Ch. No. 004417 commission", -4_130_000),
        ]
    )
    found, suggestions = match_lines(prepare_bank(bank), prepare_ledger(books))
    if paise:
        assert sorted(found["ledger"]) == [0, 1, 2]
        assert "the owner's own account paying for the firm? Check" in found["why"].iat[0]
    else:
        assert found.empty
        assert sorted(suggestions["ledger"]) == [0, 1, 2]


def test_a_busy_partys_invoices_of_one_day_make_up_its_receipt() -> None:
    # Hooghly Chemicals' three invoices of the 1st are paid on the 3rd; fourteen other lines of
    # theirs, of the 3rd and the 4th, are nearer in date than those three
    bank = statement(
        [("2026-10-03", "RTGS CR-TMBL0001682-HOOGHLY CHEMICALS-TMBLR54466944955392", "", 32520235)]
    )
    others = [
        (
            f"2026-10-0{3 + i % 2}",
            "Hooghly Chemicals",
            f"Against Inv No. {500 + i}",
            100_001 + 2 * i,
        )
        for i in range(14)
    ]
    books = ledger(
        [
            ("2026-10-01", "Hooghly Chemicals (Inv 7452)", "Against Inv No. 7452", 17405835),
            ("2026-10-01", "Hooghly Chemicals", "Against Inv No. 7453", 11550000),
            ("2026-10-01", "Hooghly Chemicals", "Against Inv No. 7454", 3564400),
            *others,
        ]
    )
    pairs, _ = matched(bank, books)
    assert pairs == {(0, g, "Combination") for g in (0, 1, 2)}


def test_a_busy_partys_invoices_late_in_its_day_make_up_that_days_receipt() -> None:
    # Kaveri Motors' transfer of the 3rd pays three invoices the books took in that day after
    # twenty other lines of theirs: the invoices are the day's 21st to 23rd lines of the party,
    # beyond the lines the combination search joins; booked one after another, their total
    # finds them (`_day_runs`)
    others = [
        ("2026-10-03", "Kaveri Motors Pvt Ltd", f"Against Inv No. {600 + i}", 1_000_001 + 2 * i)
        for i in range(20)
    ]
    invoices = [
        ("2026-10-03", "Kaveri Motors Pvt Ltd", "Against Inv No. 7801", 2_345_600),
        ("2026-10-03", "Kaveri Motors Pvt Ltd (Inv 7802)", "Against Inv No. 7802", 5_011_175),
        ("2026-10-03", "Kaveri Motors Pvt Ltd", "Against Inv No. 7803", 1_234_500),
    ]
    bank = statement(
        [("2026-10-03", "NEFT CR-CNRB0001234-KAVERI MOTORS PVT LT-CNRBN52139", "", 8_591_275)]
    )
    pairs, _ = matched(bank, ledger([*others, *invoices]))
    assert pairs == {(0, g, "Combination") for g in (20, 21, 22)}


def test_a_crowded_days_later_lines_are_searched_in_a_run_of_their_own() -> None:
    # Kaveri Motors has sixteen lines on the 3rd; its transfer of that day pays the 13th and the
    # 15th (not booked one after another: no run of lines adds up to it). Only the day's first
    # twelve were searched before; the rest are a run of their own now
    day = [
        ("2026-10-03", "Kaveri Motors Pvt Ltd", f"Against Inv No. {600 + i}", 1_000_001 + 2 * i)
        for i in range(16)
    ]
    bank = statement(
        [
            (
                "2026-10-03",
                "NEFT CR-CNRB0001234-KAVERI MOTORS PVT LT-CNRBN52139",
                "",
                day[12][3] + day[14][3],
            )
        ]
    )
    pairs, _ = matched(bank, ledger(day))
    assert pairs == {(0, 12, "Combination"), (0, 14, "Combination")}


def test_a_run_of_a_busy_days_invoices_makes_up_a_receipt_days_later() -> None:
    # Bhattacharya Home Appliances' RTGS of the 5th pays the three invoices booked one after
    # another on the 3rd, among thirty lines of theirs that day: eighteen of them booked after
    # the invoices stand nearer the 5th than the invoices do; the three, in the order booked,
    # add up to it, and no other run of any party's lines of a day does
    before = [
        (
            "2026-10-03",
            "Bhattacharya Home Appliances Private Limited",
            f"Inv {300 + i}",
            700_003 + 2 * i,
        )
        for i in range(9)
    ]
    invoices = [
        (
            "2026-10-03",
            "Bhattacharya Home Appliances Private Limited (Inv 8027)",
            "Inv 8027",
            1_138_500,
        ),
        ("2026-10-03", "Bhattacharya Home Appliances Private Limited", "Inv 8028", 5_203_447),
        (
            "2026-10-03",
            "Bhattacharya Home Appliances Private Limited (Inv 8029)",
            "Inv 8029",
            1_150_000,
        ),
    ]
    after = [
        (
            "2026-10-03",
            "Bhattacharya Home Appliances Private Limited",
            f"Inv {400 + i}",
            900_007 + 2 * i,
        )
        for i in range(18)
    ]
    bank = statement(
        [
            (
                "2026-10-05",
                "RTGS CR-KKBK0127960-BHATTACHARYA HOME APPLIAN-KKBKR523623235",
                "",
                7_491_947,
            )
        ]
    )
    pairs, _ = matched(bank, ledger([*before, *invoices, *after]))
    assert pairs == {(0, g, "Combination") for g in (9, 10, 11)}
    found, _ = match_lines(prepare_bank(bank), prepare_ledger(ledger([*before, *invoices, *after])))
    assert "booked one after another on one day" in found["why"].iloc[0]


def test_an_invoice_paired_on_its_amount_alone_goes_back_to_the_receipt_it_makes_up() -> None:
    # Raghavendra Hegde's transfer of 17,203.34 pays three invoices; an unbooked UPI of 5,200.00
    # from him shares its amount with one of them: the invoice is the transfer's, the UPI stays
    # open for the accountant to book
    bank = statement(
        [
            (
                "2026-10-20",
                "UPI-R HEGDE-rhegde@ibl-IOBA0242711-646352815570-Sent using Paytm",
                "",
                520000,
            ),
            ("2026-10-22", "NEFT CR-IOBA0242711-R HEGDE-IOBAN57220692310929", "", 1720334),
        ]
    )
    books = ledger(
        [
            ("2026-10-20", "Raghavendra Hegde (Inv 449)", "Against Inv No. 449", 520000),
            ("2026-10-20", "Raghavendra Hegde", "Against Inv No. 450", 700334),
            ("2026-10-20", "Raghavendra Hegde", "Against Inv No. 451", 500000),
        ]
    )
    pairs, _ = matched(bank, books)
    assert pairs == {(1, g, "Combination") for g in (0, 1, 2)}


def test_a_part_payment_paired_on_its_amount_alone_goes_back_to_the_bill_it_makes_up() -> None:
    # Jay Ambe Traders' bill of 2,05,073.00 paid by UPI in three parts over three days; the
    # first 1,00,000.00 shares its amount and day with the books' nameless Rent (whose own
    # payment, to the landlord R V KULKARNI, the bank shows the next day): the part is the
    # bill's, and Rent is the landlord's
    bank = statement(
        [
            (
                "2026-10-01",
                "UPI/597417925234/JAY AMBE TRADERS/9341836131@axl/IDIB BANK",
                "",
                -10000000,
            ),
            (
                "2026-10-02",
                "UPI/547825191387/JAY AMBE TRADERS/9341836131@axl/IDIB BANK",
                "",
                -10000000,
            ),
            (
                "2026-10-03",
                "UPI/525189174622/JAY AMBE TRADERS/9341836131@axl/IDIB BANK",
                "",
                -507300,
            ),
            (
                "2026-10-02",
                "NEFT-ICICN58541494092021-R V KULKARNI-RENT OCT-IDIB0001234",
                "",
                -10000000,
            ),
        ]
    )
    books = ledger(
        [
            ("2026-10-01", "Rent", "", -10000000),
            ("2026-10-01", "Jay Ambe Traders", "Being bill no 1179 paid", -20507300),
        ]
    )
    pairs, _ = matched(bank, books)
    assert {(b, g) for b, g, rule in pairs if rule == "Combination"} == {(0, 1), (1, 1), (2, 1)}
    assert (3, 0) in {(b, g) for b, g, _ in pairs}


def test_a_busy_partys_invoice_paired_on_its_amount_alone_goes_back_to_its_days_receipt() -> None:
    # Loknath Pharma's RTGS of 1,47,593.39 pays the four invoices booked on the 21st; an
    # unbooked UPI of 15,000.00 took one of them, and twelve other invoices of the 22nd are
    # nearer the RTGS in date than the set: the 21st's lines are still searched as one group
    bank = statement(
        [
            ("2026-10-20", "UPI/P2A/646352815570/LOKNATH PHARMA/INDB BANK/NA", "", 1500000),
            ("2026-10-22", "RTGS/INDBR56130059127104/LOKNATH PHARMA/INDB BANK", "", 14759339),
        ]
    )
    party = "Loknath Pharma - Kolkata"
    books = ledger(
        [
            ("2026-10-21", party, "Against Inv No. 501", 4320000),
            ("2026-10-21", party, "Against Inv No. 502", 1500000),
            ("2026-10-21", f"{party} (Inv 1509)", "Against Inv No. 1509", 6046482),
            ("2026-10-21", party, "Against Inv No. 504", 2892857),
            # ₹10,000.07, ₹20,000.07, …: no set of them makes up the RTGS
            *[
                ("2026-10-22", party, f"Against Inv No. {900 + n}", n * 1000000 + 7)
                for n in range(1, 13)
            ],
        ]
    )
    pairs, _ = matched(bank, books)
    assert pairs == {(1, g, "Combination") for g in (0, 1, 2, 3)}


def test_one_partys_equal_amounts_are_paired_in_the_order_they_were_sent() -> None:
    # Trident paid 2,000.00 on the 2nd and the 3rd (books); the bank credited the 3rd and the 4th.
    # The 3rd-3rd pair is each line's nearest, which would leave the 2nd to the 4th: both
    # pairings fit the same, and money arrives in the order it was sent, a day each
    upi = "UPI-TRIDENT PLASTICS PVT-triden@ybl-BARB0291959-{}-NA"
    bank = statement(
        [
            ("2026-10-03", upi.format("572843917173"), "", 200000),
            ("2026-10-04", upi.format("667042022606"), "", 200000),
        ]
    )
    books = ledger(
        [
            ("2026-10-02", "Trident Plastics Pvt. Ltd.", "", 200000),
            ("2026-10-03", "Trident Plastics Pvt. Ltd.", "", 200000),
        ]
    )
    found, _ = match_lines(prepare_bank(bank), prepare_ledger(books))
    assert set(zip(found["bank"], found["ledger"], strict=True)) == {(0, 0), (1, 1)}
    assert found["why"].str.contains("+1 days", regex=False).all()


def test_one_bank_names_equal_amounts_to_two_parties_either_way_round_are_the_users() -> None:
    # R SENTHIL paid 250.00 on the 2nd and the 3rd; the books have Senthil Raghavan's of the 1st
    # and Senthil R.'s of the 2nd. Each bank line is as alike to either party as the other one
    # is, and the days add up the same either way round (a day each, or none and two): the
    # dates do not decide between the parties, the user does (until session 27 first went
    # with first, a coin toss an outsider's months lost as often as not)
    bank = statement(
        [
            ("2026-10-02", "UPI-R SENTHIL-rsenthil@oksbi-SBIN0682702-676805837245-NA", "", 25000),
            ("2026-10-03", "UPI-R SENTHIL-rsenthil@okhdfc-CNRB0245816-663727715898-NA", "", 25000),
        ]
    )
    books = ledger(
        [
            ("2026-10-01", "Senthil Raghavan", "", 25000),
            ("2026-10-02", "Senthil R.", "", 25000),
        ]
    )
    found, suggestions = match_lines(prepare_bank(bank), prepare_ledger(books))
    assert found.empty
    assert set(suggestions["kind"]) == {"Ambiguous"}
    # each bank line's two choices one under the other, as the user decides them
    assert list(zip(suggestions["bank"], suggestions["ledger"], strict=True)) == [
        (0, 0),
        (0, 1),
        (1, 0),
        (1, 1),
    ]


def test_a_late_booking_that_fits_as_well_crossed_with_a_namesakes_pair_is_the_users() -> None:
    # RAJESH TIWARI paid 1,499.00 on the 1st and on the 2nd; the books have Rajesh B. Tiwari's
    # of the 2nd and Rajesh S. Tiwari's of the 6th. The 2nd went with the 2nd's (the same day)
    # and the 1st, left over, with the 6th's, booked late (5 days); crossed, the 1st is a day
    # before the 2nd's and the 2nd four before the 6th's: the days add up the same, so the user
    # chooses (was: both taken, which an outsider's month had the wrong way round)
    bank = statement(
        [
            ("2026-11-01", "UPI/610869201925/Payment from Ph/RAJESH TIWARI/UTIB BANK", "", 149900),
            ("2026-11-02", "UPI/660476001678/NA/RAJESH TIWARI/IDIB BANK", "", 149900),
        ]
    )
    books = ledger(
        [
            ("2026-11-02", "Rajesh B. Tiwari (Mumbai)", "", 149900),
            ("2026-11-06", "Rajesh S. Tiwari (Kolhapur)", "", 149900),
        ]
    )
    found, suggestions = match_lines(prepare_bank(bank), prepare_ledger(books))
    assert found.empty
    assert set(suggestions["kind"]) == {"Ambiguous"}
    assert list(zip(suggestions["bank"], suggestions["ledger"], strict=True)) == [
        (0, 0),
        (0, 1),
        (1, 0),
        (1, 1),
    ]


def test_namesakes_paired_inside_the_window_rather_than_one_booked_late() -> None:
    # MAHESH KHANNA paid 5,000.00 on the 2nd, the handle maheshkhan79 on the 6th; the books
    # have Mahesh Khanna's of the 5th and Mahesh S. Khanna's of the 6th. Both bank names are
    # nearer Mahesh Khanna, who took the handle's (a day apart), and MAHESH KHANNA went with
    # Mahesh S. Khanna four days before the books, booked late. The other way round both pairs
    # are inside the window: those are taken (was: both left as a choice, either way round)
    bank = statement(
        [
            ("2026-11-02", "UPI/615227432391/Paid via PhonePe/MAHESH KHANNA/ICIC BANK", "", 500000),
            ("2026-11-06", "UPI/601088429458/UPI/maheshkhan79@ok/YESB BANK", "", 500000),
        ]
    )
    books = ledger(
        [
            ("2026-11-05", "Mahesh Khanna", "", 500000),
            ("2026-11-06", "Mahesh S. Khanna", "", 500000),
        ]
    )
    found, suggestions = match_lines(prepare_bank(bank), prepare_ledger(books))
    assert set(zip(found["bank"], found["ledger"], strict=True)) == {(0, 0), (1, 1)}
    assert (
        found["why"].str.contains("the other way round one of the two would be booked late").all()
    )
    assert suggestions.empty


def test_suggestions_come_in_the_statements_order_whatever_pass_found_them() -> None:
    # the 2nd's 12,345.00 has only a near miss (digits transposed in the books), found by the
    # last pass; the 3rd's 250.00 two equal candidates, found by an earlier one: the user goes
    # down the statement, so the 2nd's comes first (was: last, after the 3rd's two)
    bank = statement(
        [
            (
                "2026-11-02",
                "NEFT CR-HDFC0000068-KAVERI TRADERS-DECCAN-HDFCN52026101512345",
                "",
                1234500,
            ),
            ("2026-11-03", "UPI-R SENTHIL-rsenthil@oksbi-SBIN0682702-676805837245-NA", "", 25000),
        ]
    )
    books = ledger(
        [
            ("2026-11-02", "Kaveri Traders", "", 1235400),
            ("2026-11-03", "Senthil Raghavan", "", 25000),
            ("2026-11-03", "Senthil R.", "", 25000),
        ]
    )
    pairs, suggestions = matched(bank, books)
    assert pairs == set()
    assert suggestions[["bank", "ledger", "kind"]].values.tolist() == [
        [0, 0, "Digits transposed"],
        [1, 1, "Ambiguous"],
        [1, 2, "Ambiguous"],
    ]


def test_the_bank_lines_of_one_set_stay_together_among_the_suggestions() -> None:
    # Kaveri's 3,000.00 in the books is 1,000 + 2,000 or 1,200 + 1,800 in the bank: the set
    # offered (the 1st and 3rd bank lines) stays together at its first line, before Meena's
    # near miss on the 2nd line, not split around it
    bank = statement(
        [
            (
                "2026-11-02",
                "NEFT CR-HDFC0000068-KAVERI TRADERS-INV1-HDFCN52026101512301",
                "",
                100000,
            ),
            ("2026-11-02", "NEFT CR-HDFC0000068-MEENA STORES-X-HDFCN52026101512399", "", 1234500),
            (
                "2026-11-02",
                "NEFT CR-HDFC0000068-KAVERI TRADERS-INV2-HDFCN52026101512302",
                "",
                200000,
            ),
            (
                "2026-11-02",
                "NEFT CR-HDFC0000068-KAVERI TRADERS-INV3-HDFCN52026101512303",
                "",
                120000,
            ),
            (
                "2026-11-02",
                "NEFT CR-HDFC0000068-KAVERI TRADERS-INV4-HDFCN52026101512304",
                "",
                180000,
            ),
        ]
    )
    books = ledger(
        [("2026-11-02", "Kaveri Traders", "", 300000), ("2026-11-02", "Meena Stores", "", 1235400)]
    )
    _, suggestions = matched(bank, books)
    assert suggestions[["bank", "ledger", "kind"]].values.tolist() == [
        [0, 0, "Several sets add up"],
        [2, 0, "Several sets add up"],
        [1, 1, "Digits transposed"],
    ]


def test_the_account_holders_own_name_in_a_narration_is_not_the_payer() -> None:
    # HDFC writes an inward NEFT as NEFT CR-IFSC-REMITTER-BENEFICIARY-UTR: the beneficiary is
    # the account holder itself, its name the longer. Two customers paid 2,75,931.00 on one day;
    # the books have them two days apart, in the other order
    holder = "DECCAN POLYMERS PRIVATE LIMITED"
    bank = statement(
        [
            (
                "2026-11-04",
                "NEFT CR-CNRB0009084-CHATTERJEE MURALI-DECCAN POLYMERS PRIVAT-CNRBN58573435689811",
                "",
                27593100,
            ),
            (
                "2026-11-04",
                "NEFT CR-HDFC0000068-PRAKASH REDDY-DECCAN POLYMERS PRIVAT-HDFCN52026101512345",
                "",
                27593100,
            ),
        ]
    )
    books = ledger(
        [
            ("2026-11-02", "Prakash Reddy", "", 27593100),
            ("2026-11-04", "Chatterjee Murali (Pune)", "", 27593100),
        ]
    )
    assert prepare_bank(bank, [holder]).lines["party"].tolist() == [
        "chatterjee murali",
        "prakash reddy",
    ]
    result = reconcile_lines(
        Lines(bank, "bank.xlsx", "Sheet1", company=holder),
        Lines(books, "ledger.xlsx", "Ledger", company="Deccan Polymers Pvt. Ltd."),
    )
    pairs = set(zip(result.matches["bank"], result.matches["ledger"], strict=True))
    assert pairs == {(0, 1), (1, 0)}
    # a narration naming the holder alone (a transfer from its own other account) keeps it
    own = statement(
        [
            (
                "2026-11-05",
                "NEFT CR-SBIN0004567-DECCAN POLYMERS PRIVAT-SBINN26100912345678",
                "",
                100000,
            )
        ]
    )
    assert prepare_bank(own, [holder]).lines["party"].tolist() == ["deccan polymers privat"]


def test_a_short_holder_name_is_not_the_start_of_every_name() -> None:
    # the holder ABC: a customer ABCOM INDUSTRIES is not the holder, and stays the payer
    bank = statement(
        [
            ("2026-11-04", "NEFT CR-HDFC0000068-ABCOM INDUSTRIES-ABC-HDFCN52026101512345", "", 100),
            ("2026-11-04", "NEFT CR-HDFC0000068-RAVI KUMAR-ABC-HDFCN52026101512346", "", 200),
        ]
    )
    assert prepare_bank(bank, ["ABC"]).lines["party"].tolist() == [
        "abcom industries",
        "ravi kumar",
    ]


def _salaries(day: str, amounts: list[int]) -> list[tuple[str, str, str, int]]:
    names = ["SANJAY BANERJEE", "FARHAN PAWAR", "ANITA DESAI", "K MEHTA", "RAVI IYER"]
    names += ["PRIYA NAIR", "AMIT JOSHI", "LATA RAO", "VIKRAM SINGH", "MEENA GUPTA"]
    return [
        (
            day,
            f"NEFT DR-YESB0000987-{names[n]}-NETBANK, MUM-HDFCN9784053626854{n}-SALARY OCT26",
            "",
            -a,
        )
        for n, a in enumerate(amounts)
    ]


def test_a_salary_upload_is_the_batch_of_one_salary_payable_payment() -> None:
    # the books paid October's salaries as one voucher; the bank shows one NEFT per employee of
    # the same day, none of whom is a ledger of the books, and a cheque presented that day that
    # the books have not got
    pay = [1306100, 3913600, 2500000, 1875050, 4200000, 2999900, 1500000, 2250075]
    bank = statement(
        [
            *_salaries("2026-11-02", pay),
            ("2026-11-02", "CHQ PAID-MICR CTS-MU-M S MAHALAXMI ROADWAYS LL", "000123", -12619609),
            (
                "2026-11-03",
                "NEFT DR-YESB0000987-OM SAI TRADERS-NETBANK, MUM-HDFCN978405362",
                "",
                -1500000,
            ),
        ]
    )
    books = ledger(
        [("2026-11-02", "By Salary Payable", "Being salary for October 2026", -sum(pay))]
    )
    found, _ = match_lines(prepare_bank(bank), prepare_ledger(books))
    assert set(found["bank"]) == set(range(len(pay)))  # not the Om Sai line of the 3rd
    assert set(found["rule"]) == {"Batch"} and set(found["ledger"]) == {0}
    assert found["match"].nunique() == 1
    assert "8 bank lines add up to this line to the paisa" in found["why"].iloc[0]


def test_a_channel_is_its_own_lines_and_only_a_crowded_one_is_searched() -> None:
    # Kotak writes the payee before the first number (UPI/RAVI KUMAR/4123…): every payee is a
    # channel; a month of a million lines has tens of thousands of them. Each is its lines'
    # positions (was a mask over every line each: memory a million times the channels), and
    # only a channel with BATCH_PARTS lines within a window's days is searched
    ravi = [("2026-11-02", f"UPI/RAVI KUMAR/41234567890{n}/UPI", "", 100) for n in range(7)]
    asha = [
        (f"2026-11-{1 + 2 * n:02d}", f"UPI/ASHA RAO/51234567890{n}/UPI", "", 100) for n in range(7)
    ]
    bank = prepare_bank(statement([*ravi, *asha]))
    channels = _channels(bank, np.ones(len(bank), dtype=bool))
    assert [c.tolist() for c in channels] == [list(range(14)), list(range(7)), list(range(7, 14))]
    assert _crowded(channels, bank, 1).tolist() == [True, True, False]
    assert _crowded(channels, bank, 13).tolist() == [True, True, True]
    assert _crowded([], bank, 1).tolist() == []


def test_a_months_bank_charges_are_the_batch_of_the_charges_journal() -> None:
    charges = [(f"2026-11-{3 * n + 1:02d}", "IMPS P2A CHGS INCL GST", "", -1770) for n in range(9)]
    bank = statement([*charges, ("2026-11-20", "SMS CHARGES FOR QTR", "", -1770 * 2)])
    books = ledger([("2026-11-30", "To Bank Charges", "Charges for November", -1770 * 11)])
    found, _ = match_lines(prepare_bank(bank), prepare_ledger(books))
    assert set(found["bank"]) == set(range(10)) and set(found["rule"]) == {"Batch"}


@pytest.mark.parametrize("journal", [-(590 * 9 + 1180 * 8), -(590 * 9 + 1180 * 8 + 1)])
def test_a_charges_journal_is_the_total_of_the_kinds_it_books(journal: int) -> None:
    # HDFC's month: nine NEFT charges, eight IMPS charges and two charges for cheques returned.
    # The books took the NEFT and IMPS charges in one journal at the month's end; the cheque
    # returns' charges, booked apart, are not in it (nor yet in the books). A journal that is
    # no choice of kinds' total is left alone
    neft = [(f"2026-11-{2 * n + 1:02d}", "NEFT CHGS INCL GST", "", -590) for n in range(9)]
    imps = [(f"2026-11-{2 * n + 2:02d}", "IMPS P2A CHGS INCL GST", "", -1180) for n in range(8)]
    returned = [
        ("2026-11-12", "CHQ RET CHGS INCL GST 827668", "", -59000),
        ("2026-11-19", "CHQ RET CHGS INCL GST 490793", "", -59000),
    ]
    bank = statement([*neft, *imps, *returned])
    books = ledger([("2026-11-30", "By Bank Charges", "Being bank charges for Nov 2026", journal)])
    found, _ = match_lines(prepare_bank(bank), prepare_ledger(books))
    if journal == -(590 * 9 + 1180 * 8):
        assert set(found["bank"]) == set(range(17)) and set(found["rule"]) == {"Batch"}
        assert "the kinds `NEFT CHGS INCL GST`, `IMPS P2A CHGS INCL GST`" in found["why"].iat[0]
    else:
        assert found.empty


@pytest.mark.parametrize("off_by", [0, 100])
def test_a_bulk_salary_debit_is_the_total_of_the_days_salary_vouchers(off_by: int) -> None:
    # the bank debits October's salaries as one bulk upload; the books paid each employee by
    # a voucher of its own, all `Being salary for Oct 2026 paid`, beside three vendors' bills
    # paid that day. A debit a rupee off the salaries' total is left alone
    pay = [3427300, 8984200, 7611700, 2500000, 4150050, 6000000, 3333300, 5125000]
    names = [
        "Anita Mohan Kapoor",
        "Jaswinder Malhotra",
        "Gurpreet Chatterjee",
        "Ravi Iyer",
        "Sunil Desai",
        "Meena Khan",
        "Farhan Shaikh",
        "Pooja Rao",
    ]
    bank = statement([("2026-11-01", "BIL/BULK/SALARY OCT26/DECCAN", "", -sum(pay) - off_by)])
    books = ledger(
        [
            *(
                ("2026-11-01", f"By {name} (Salary)", "Being salary for Oct 2026 paid", -amount)
                for name, amount in zip(names, pay, strict=True)
            ),
            ("2026-11-01", "By Balaji Traders", "Being payment against bill no 379", -1250000),
            ("2026-11-01", "By Om Sai Agencies", "Being payment against bill no 380", -2200000),
            ("2026-11-01", "By Kaveri Textiles", "Being payment against bill no 381", -990000),
        ]
    )
    found, _ = match_lines(prepare_bank(bank), prepare_ledger(books))
    if off_by:
        assert found.empty
    else:
        assert sorted(found["ledger"]) == list(range(8)) and set(found["rule"]) == {"Batch"}
        assert "that says `Being salary for Oct 2026 paid`" in found["why"].iat[0]


def test_a_batch_is_all_the_open_lines_or_none() -> None:
    # a ninth NEFT of the day that the payment does not include: no subset is searched
    pay = [1306100, 3913600, 2500000, 1875050, 4200000, 2999900, 1500000, 2250075]
    bank = statement(_salaries("2026-11-02", [*pay, 1234500]))
    books = ledger([("2026-11-02", "By Salary Payable", "", -sum(pay))])
    found, _ = match_lines(prepare_bank(bank), prepare_ledger(books))
    assert found.empty


def test_a_utr_on_each_invoice_it_paid_makes_them_one_match() -> None:
    # Vardhaman Retail's NEFT paid eight invoices; the books wrote its UTR on each (more than
    # the combination search's six, and the invoices of two days)
    utr = "SBINN26100912345678"
    invoices = [1200000, 850050, 1999900, 412375, 2300000, 675000, 1111100, 999975]
    bank = statement(
        [("2026-10-12", f"NEFT CR-SBIN0004567-VARDHAMAN RETAIL-SAHYADRI-{utr}", "", sum(invoices))]
    )
    books = ledger(
        [
            (f"2026-10-{10 + n % 2}", "Vardhaman Retail", f"Against Inv {700 + n} UTR {utr}", a)
            for n, a in enumerate(invoices)
        ]
    )
    found, _ = match_lines(prepare_bank(bank), prepare_ledger(books))
    assert set(found["ledger"]) == set(range(8)) and set(found["rule"]) == {"Reference"}
    assert found["match"].nunique() == 1
    assert f"reference {utr} on this line and on 8 ledger lines" in found["why"].iloc[0]
    assert set(found["score"]) == {100}  # as sure as a reference on one line each


def test_a_gst_challans_cpin_on_its_cgst_and_sgst_lines_makes_them_one_match() -> None:
    cpin = "26114145820418"
    bank = statement([("2026-11-20", f"BIL/ONL/GST/CPIN {cpin}", cpin, -47157203)])
    books = ledger(
        [
            ("2026-11-20", "CGST Payable", f"Being CGST paid vide CPIN {cpin}", -23578601),
            ("2026-11-20", "SGST Payable", f"Being SGST paid vide CPIN {cpin}", -23578602),
            ("2026-11-20", "TDS Payable", "Being TDS paid vide challan 281", -23578602),
        ]
    )
    found, _ = match_lines(prepare_bank(bank), prepare_ledger(books))
    assert set(zip(found["bank"], found["ledger"], found["rule"], strict=True)) == {
        (0, 0, "Reference"),
        (0, 1, "Reference"),
    }


def test_a_line_of_no_amount_is_no_part_of_a_reference_set() -> None:
    # a voucher of 0.00 that carries the payment's UTR (a cancelled one) stays open, paid or
    # received alike
    utr = "SBINN26100912345678"
    for way in (1, -1):
        bank = statement([("2026-10-12", f"NEFT-SBIN0004567-MEHTA AND CO-{utr}", "", way * 10000)])
        books = ledger(
            [
                ("2026-10-12", "Mehta & Co", f"UTR {utr}", way * 6000),
                ("2026-10-12", "Mehta & Co", f"UTR {utr}", way * 4000),
                ("2026-10-12", "Mehta & Co", f"Cancelled UTR {utr}", 0),
            ]
        )
        found, _ = match_lines(prepare_bank(bank), prepare_ledger(books))
        assert set(found["ledger"]) == {0, 1}


def test_a_shared_reference_whose_lines_do_not_add_up_is_no_set() -> None:
    utr = "SBINN26100912345678"
    bank = statement([("2026-10-12", f"NEFT CR-SBIN0004567-VARDHAMAN RETAIL-{utr}", "", 3000000)])
    books = ledger(
        [
            ("2026-10-11", "Vardhaman Retail", f"UTR {utr}", 1200000),
            ("2026-10-11", "Vardhaman Retail", f"UTR {utr}", 1700000),  # 100.00 short
        ]
    )
    found, _ = match_lines(prepare_bank(bank), prepare_ledger(books))
    assert found.empty


# --- bookings made late ---------------------------------------------------------------------


def test_a_receipt_booked_nine_days_after_the_credit_is_its_partys() -> None:
    # the accountant booked the IMPS when she saw it on the statement, nine days later
    bank = statement(
        [("2026-11-01", "IMPS-676706635917-SHAKTI PACKAGING PVT-CNRB-XXXX2735", "", 7620700)]
    )
    books = ledger(
        [
            (
                "2026-11-10",
                "M/s Shakti Packaging Pvt. Ltd. - Indore",
                "against Inv No. 384",
                7620700,
            ),
            ("2026-11-02", "Kaveri Home Needs", "", 100000),
        ]
    )
    found, _ = match_lines(prepare_bank(bank), prepare_ledger(books))
    assert found[["bank", "ledger", "rule"]].values.tolist() == [[0, 0, "Amount and date"]]
    assert "-9 days, booked late" in found["why"].iloc[0]
    # a user who narrows the window asks for near dates only
    strict, _ = match_lines(prepare_bank(bank), prepare_ledger(books), Window(0, 0))
    assert strict.empty
    wider, _ = match_lines(prepare_bank(bank), prepare_ledger(books), Window(-5, 10))
    assert wider["why"].str.contains("booked late").tolist() == [True]


def test_a_late_booking_with_another_line_of_its_amount_so_far_apart_is_left_open() -> None:
    # a line naming no one (a cash deposit) of the same amount 10 days off could be it too
    bank = statement(
        [
            ("2026-11-01", "IMPS-676706635917-SHAKTI PACKAGING PVT-CNRB-XXXX2735", "", 7620700),
            ("2026-11-20", "CASH DEPOSIT BY SELF", "", 7620700),
        ]
    )
    books = ledger(
        [("2026-11-10", "M/s Shakti Packaging Pvt. Ltd. - Indore", "against Inv 384", 7620700)]
    )
    found, _ = match_lines(prepare_bank(bank), prepare_ledger(books))
    assert found.empty


def test_another_partys_line_booked_late_is_never_taken() -> None:
    # a round 3,70,400.00 from JASWINDER HEGDE and Sai Logistics' of eight days later: other
    # names, beyond the window, an amount that meets by chance. (The month's only line of an
    # odd amount on each side is another matter: test_the_months_only_odd_amount_pairs_booked_
    # late_across_names)
    bank = statement(
        [
            (
                "2026-11-01",
                "NEFT CR-ICIC0000147-JASWINDER HEGDE-DECCAN POLY-ICICN99062694",
                "",
                37040000,
            )
        ]
    )
    books = ledger([("2026-11-09", "M/s Sai Logistics Pvt. Ltd.", "", 37040000)])
    found, _ = match_lines(prepare_bank(bank), prepare_ledger(books))
    assert found.empty


def test_a_lone_late_receipt_needs_less_of_the_name_where_its_amount_is_not_round() -> None:
    # 8,783.00 from the handle rahulkulk24, booked eleven days later to Rahul P. Kulkarni: the
    # only line of that amount either way; the handle leaves his initial out (80 alike)
    narration = "UPI/672421532987/Sent using Paytm/rahulkulk24@upi/KKBK BANK"
    books = ledger([("2026-11-12", "Rahul P. Kulkarni", "against bill no 330", 878300)])
    bank = statement([("2026-11-01", narration, "", 878300)])
    found, _ = match_lines(prepare_bank(bank), prepare_ledger(books))
    assert found[["bank", "ledger", "rule"]].values.tolist() == [[0, 0, "Amount and date"]]
    assert "-11 days, booked late" in found["why"].iloc[0]
    # a pair the user rejected is never taken again, however alone; the others still are
    bank_two = statement([("2026-11-01", narration, "", 878300), ("2026-11-02", "CASH", "", 5000)])
    books_two = ledger(
        [
            ("2026-11-12", "Rahul P. Kulkarni", "against bill no 330", 878300),
            ("2026-11-10", "Cash", "", 5000),
        ]
    )
    refused = Decisions(rejected=frozenset({(1, 1)}))
    found, _ = match_lines(prepare_bank(bank_two), prepare_ledger(books_two), decisions=refused)
    assert found[["bank", "ledger"]].values.tolist() == [[0, 0]]
    refused = Decisions(rejected=frozenset({(0, 0)}))
    found, _ = match_lines(prepare_bank(bank_two), prepare_ledger(books_two), decisions=refused)
    assert 0 not in set(found["bank"])
    # 9,000.00 is a round sum anyone may pay: so far apart it needs the names to agree fully
    round_sum = statement([("2026-11-01", narration, "", 900000)])
    books_round = ledger([("2026-11-12", "Rahul P. Kulkarni", "against bill no 330", 900000)])
    found, _ = match_lines(prepare_bank(round_sum), prepare_ledger(books_round))
    assert found.empty


def test_a_late_receipt_of_a_common_amount_is_its_partys_among_other_payers() -> None:
    # 2,499.00 is a plan price: in the fortnight nine other payers pay it (their receipts not
    # yet booked) and nine other customers' receipts of it are booked (not yet credited), none
    # of them a Kulkarni; Kiran Kulkarni's UPI of the 1st was booked on the 11th
    payers = ["ANITA DESAI", "JOSEPH GUPTA", "P DAS", "VERMA RADHA S", "SINGH SANTOSH"]
    payers += ["VENKATESH KAMATH", "HARPREET TIWARI", "A R PATEL", "FARHAN QURESHI"]
    customers = ["Meena Joshi", "Imran Khan", "Sunil Bose", "Lakshmi Nair", "Arjun Reddy"]
    customers += ["Kavita Shah", "Deepak Menon", "Pooja Iyer", "Salim Sheikh"]
    narration = "UPI/671462984313/Sent using Paytm/KIRAN KULKARNI/YESB BANK"
    bank_rows = [("2026-11-01", narration, "", 249900)]
    book_rows = [("2026-11-11", "Kulkarni Kiran (Mumbai)", "", 249900)]
    for day, (payer, customer) in enumerate(zip(payers, customers, strict=True), start=2):
        bank_rows.append(
            (f"2026-11-{day:02d}", f"UPI/67146298{day:04d}/NA/{payer}/HDFC BANK", "", 249900)
        )
        book_rows.append((f"2026-11-{day + 1:02d}", customer, "", 249900))
    found, _ = match_lines(prepare_bank(statement(bank_rows)), prepare_ledger(ledger(book_rows)))
    assert found[["bank", "ledger", "rule"]].values.tolist() == [[0, 0, "Amount and date"]]
    assert "-10 days, booked late" in found["why"].iloc[0]
    # a cash deposit of 2,499.00 (naming no one) in that fortnight could be hers as well
    bank_rows.append(("2026-11-15", "BY CASH DEPOSIT", "", 249900))
    found, _ = match_lines(prepare_bank(statement(bank_rows)), prepare_ledger(ledger(book_rows)))
    assert found.empty


def test_invoices_booked_late_make_up_their_partys_receipt() -> None:
    bank = statement(
        [("2026-11-07", "NEFT CR-UTIB0000349-KAVITA SINGH-DECCAN POLY-UTIBN61475717", "", 39227767)]
    )
    books = ledger(
        [
            ("2026-11-17", "Singh Kavita", "against Inv No. 1646", 12887467),
            ("2026-11-17", "Singh Kavita", "against Inv No. 1802", 380400),
            ("2026-11-17", "Singh Kavita", "against Inv No. 439", 25959900),
            ("2026-11-16", "Sharma Kavita", "against Inv No. 440", 380400),
        ]
    )
    found, _ = match_lines(prepare_bank(bank), prepare_ledger(books))
    assert set(found["ledger"]) == {0, 1, 2}
    assert set(found["rule"]) == {"Combination"}
    assert "booked up to 15 days apart" in found["why"].iloc[0]


@pytest.mark.parametrize(
    ("narration", "party"),
    [
        ("IMPS/P2A/629912345678/RAKESHKUMA/HDFC", "Ramesh Kumar"),  # 89 alike: another person
        ("NEFT CR-SAI COMM-INV 45", "Sai Traders"),  # SAI COMM is no Sai Traders
    ],
)
def test_invoices_booked_late_of_a_name_only_partly_alike_are_no_set(
    narration: str, party: str
) -> None:
    # helper-149: beyond the window names must be at least LATE_ALIKE alike; at 80 Rakesh's
    # receipt of the 5th took Ramesh Kumar's two invoices of the 16th
    found, _ = matched(
        statement([("2026-10-05", narration, "", 3_000_000)]),
        ledger(
            [
                ("2026-10-16", party, "Inv 101", 1_200_000),
                ("2026-10-16", party, "Inv 102", 1_800_000),
            ]
        ),
    )
    assert found == set()


def test_a_name_imps_ran_together_is_the_books_name_surname_first_booked_late() -> None:
    # IMPS writes Ashok Agarwal as ASHOKAGARW; the books, surname first, took his two invoices
    # eight days later. Every word of the name is in the run, so it is his name whole however
    # its letters run: the receipt is the two invoices
    bank = statement(
        [("2026-11-12", "MMT/IMPS/642079109701/ADVANCE/ASHOKAGARW/YESB Bank", "", 13661755)]
    )
    books = ledger(
        [
            ("2026-11-20", "Agarwal Ashok", "Being amt recd against Inv No. 716", 7134755),
            ("2026-11-20", "Agarwal Ashok", "Being amt recd against Inv No. 336", 6527000),
        ]
    )
    found, _ = match_lines(prepare_bank(bank), prepare_ledger(books))
    assert set(zip(found["bank"], found["ledger"], strict=True)) == {(0, 0), (0, 1)}
    assert set(found["rule"]) == {"Combination"}


def test_two_parties_of_one_surname_booked_late_are_no_set() -> None:
    # Banerjee Textiles' and Banerjee & Sons' invoices add up to BANERJEECO's receipt: not a set
    bank = statement([("2026-11-03", "IMPS/P2A/659197656296/BANERJEECO", "", 2150000)])
    books = ledger(
        [
            ("2026-11-12", "Banerjee Textiles", "", 1500000),
            ("2026-11-12", "Banerjee & Sons", "", 650000),
        ]
    )
    found, _ = match_lines(prepare_bank(bank), prepare_ledger(books))
    assert found.empty


@pytest.mark.parametrize("exact", [True, False])
def test_a_tie_in_fit_goes_to_the_same_name(exact: bool) -> None:
    # JAY AMBE AND CO pays 2,121.00 on the 12th. The books have Jay Ambe & Co.'s receipt of the
    # 11th (the same name, a day late: 98) and Jay Ambe Pharma's of the 12th (the bank's name
    # one word short of it, the same day: 98). The fit ties; the name does not: it is Jay Ambe &
    # Co.'s, and Jay Ambe Pharma's own IMPS of the 14th takes the other. Where neither book name
    # is the bank's (SBI cuts both to SRI VENKAT), a shorter name scoring a little higher is no
    # reason: the tie stays a choice for the user
    payer = "JAY AMBE AND CO" if exact else "SRI VENKAT"
    firms = (
        ("Jay Ambe & Co.", "Jay Ambe Pharma")
        if exact
        else ("Sri Venkateswara & Co.", "Sri Venkateswara Polymers")
    )
    bank = statement(
        [
            ("2026-10-12", f"UPI/P2A/625994423535/{payer}/SIBL BANK/NA", "", 212100),
            ("2026-10-14", "IMPS/P2A/530737698101/JAYAMBEPHA/TMBL BANK/NA", "", 212100),
        ]
    )
    books = ledger(
        [
            ("2026-10-11", firms[0], "", 212100),
            ("2026-10-12", firms[1], "", 212100),
        ]
    )
    pairs, suggestions = matched(bank, books)
    if exact:
        assert {(0, 0, "Amount and date"), (1, 1, "Amount and date")} <= pairs
    else:
        assert not any(b == 0 for b, _, _ in pairs)
        assert set(suggestions[suggestions["bank"] == 0]["ledger"]) == {0, 1}


@pytest.mark.parametrize("day", [12, 20])
def test_a_handle_cut_at_its_at_names_the_payer(day: int) -> None:
    # ICICI cuts a UPI handle at its @: `venkateshkama33` is Venkatesh Kamath's handle, not a
    # line naming no one. His 2,499.00 of the 12th (or the 20th) is not yet in the books. Kiran
    # Kulkarni's 2,499.00 of the 1st, which the books took on the 11th, so has no other line of
    # that amount that could be hers, and pairs as booked late. Venkatesh's stays open: on the
    # 12th it is the books' line's only one in the window, but names another payer, and the
    # books' line has one of its own name ten days before
    bank = statement(
        [
            (
                "2026-11-01",
                "UPI/671462984313/Sent using Paytm/KIRAN KULKARNI/YESB BANK",
                "",
                249900,
            ),
            (f"2026-11-{day}", "UPI/676593939221/UPI/venkateshkama33/SBIN BANK", "", 249900),
        ]
    )
    books = ledger([("2026-11-11", "Kulkarni Kiran (Mumbai)", "", 249900)])
    pairs, _ = matched(bank, books)
    assert {(b, g) for b, g, _ in pairs} == {(0, 0)}
    assert narration_names(pd.Series(["UPI/676593939221/UPI/venkateshkama33/SBIN BANK"]))[0] == (
        "venkateshkama"
    )


def test_a_pair_of_other_names_yields_to_a_namesake_booked_late() -> None:
    # Sunil Rao's 7,349.00 reached the bank on the 12th and is not yet in the books; the books'
    # 7,349.00 of the 11th is Anita Desai's, whose money came on the 2nd. The two lines of the
    # 11th and 12th are each other's only ones in the window, but the names differ and the
    # books' line has its own payer's line nine days before: it is that one's
    bank = statement(
        [
            ("2026-11-02", "UPI/616142798588/Paid via PhonePe/ANITA DESAI/UTIB BANK", "", 734900),
            ("2026-11-12", "UPI/676593939221/Paid via PhonePe/SUNIL RAO/SBIN BANK", "", 734900),
        ]
    )
    books = ledger([("2026-11-11", "Anita R. Desai", "", 734900)])
    pairs, _ = matched(bank, books)
    assert {(b, g) for b, g, _ in pairs} == {(0, 0)}


@pytest.mark.parametrize(
    ("payer", "amount", "another", "paired"),
    [
        ("MAHESHPRAS", 13_571_522, False, True),
        ("MAHESHPRAS", 13_570_000, False, False),  # a round amount meets by chance
        ("MAHESHPRAS", 13_571_522, True, False),  # not the month's only one
        ("NAIR AGENCIES", 13_571_522, False, False),  # another party's money, not yet booked
    ],
)
def test_the_months_only_odd_amount_pairs_booked_late_across_names(
    payer: str, amount: int, another: bool, paired: bool
) -> None:
    # MAHESHPRAS (the proprietor, cut short by IMPS) pays 1,35,715.22 on the 3rd; the books take
    # it from his firm on the 7th, beyond the window. No other line of the month, on either
    # side, has that amount: the two are each other's, names or not. NAIR AGENCIES is a party
    # of the books (it paid 5,000.00 on the 1st): its 1,35,715.22 is its own, not yet booked
    bank = [
        ("2026-11-01", "MMT/IMPS/600000000001/NAIR AGENCIES/HDFC Bank", "", 500000),
        ("2026-11-03", f"MMT/IMPS/654523679844/PAYMENT/{payer}/BARB Bank", "", amount),
    ]
    books = [
        ("2026-11-01", "Nair Agencies", "", 500000),
        ("2026-11-07", "M/s Shree Siddhivinayak Sales Corporation", "", amount),
    ]
    if another:
        bank.append(("2026-11-25", "NEFT-HDFCN52026112511111-KAVERI TRADERS-INV 12", "", amount))
    pairs, _ = matched(statement(bank), ledger(books))
    assert (0, 0, "Amount and date") in pairs
    assert ((1, 1, "Amount and date") in pairs) is paired
    if paired:
        found, _ = match_lines(prepare_bank(statement(bank)), prepare_ledger(ledger(books)))
        (why,) = found[found["bank"] == 1]["why"]
        assert "-4 days, booked late; the month's only line of this amount on each side" in why
        assert why.endswith("no name in common: check the party")


@pytest.mark.parametrize(
    ("part", "his_own_open", "taken"),
    [(19_309_700, False, True), (19_300_000, False, False), (19_309_700, True, False)],
)
def test_an_owner_pays_one_receipt_in_parts(part: int, his_own_open: bool, taken: bool) -> None:
    # JOSEPH MALHOTRA sends two NEFTs of 1,93,097.00 on the 1st; the books take 3,86,194.00 from
    # Sri Sai Traders, his firm, that day. His name is not the firm's, but the two are all his
    # lines of the day and add up to the paisa to its receipt. A round 1,93,000.00 twice meets
    # by chance; and where Joseph Malhotra is himself a customer with a line still open, the
    # money may be his own
    bank = statement(
        [
            (
                "2026-11-01",
                "NEFT-HDFCN02559673231415-JOSEPH MALHOTRA-INV 232-HDFC0000146",
                "",
                part,
            ),
            (
                "2026-11-01",
                "NEFT-HDFCN41263108381483-JOSEPH MALHOTRA-INV 232-HDFC0000146",
                "",
                part,
            ),
        ]
    )
    books = [("2026-11-01", "Sri Sai Traders", "Being amt recd", 2 * part)]
    if his_own_open:
        books.append(("2026-11-02", "Joseph Malhotra", "Being amt recd", 120_000))
    pairs, _ = matched(bank, ledger(books))
    assert (pairs == {(0, 0, "Combination"), (1, 0, "Combination")}) is taken
    if not taken:
        assert not any(g == 0 for _, g, _ in pairs)


@pytest.mark.parametrize(
    ("second_day", "third", "taken"),
    [("2026-11-04", None, True), ("2026-11-06", None, False), ("2026-11-04", 500_000, False)],
)
def test_an_owner_pays_one_receipt_in_parts_over_two_days(
    second_day: str, third: int | None, taken: bool
) -> None:
    # GANESH KULKARNI sends 96,801.00 on the 3rd and 96,802.00 on the 4th; the books took
    # Vishwakarma Polymers' 1,93,603.00, his firm's, on the 3rd. The two are all his lines of
    # those days and add up to the paisa. Parts three days apart are no receipt in parts; nor
    # are two of his lines where a third of those days is left out
    rows = [
        ("2026-11-03", "NEFT-SBIN0000008-SBINN56271994390001-GANESH KULKARNI", "", 9_680_100),
        (second_day, "NEFT-SBIN0000008-SBINN25199085199768-GANESH KULKARNI", "", 9_680_200),
    ]
    if third is not None:
        rows.append(
            ("2026-11-04", "NEFT-SBIN0000008-SBINN25199085199799-GANESH KULKARNI", "", third)
        )
    books = [
        ("2026-11-03", "M/s Vishwakarma Polymers Private Limited", "Being amt recd", 19_360_300)
    ]
    pairs, _ = matched(statement(rows), ledger(books))
    assert (pairs == {(0, 0, "Combination"), (1, 0, "Combination")}) is taken
    if not taken:
        assert not any(g == 0 for _, g, _ in pairs)


def test_sbi_cuts_a_middle_name_to_two_letters() -> None:
    # SBI writes the payer as ASHOK CH (Ashok Chandra, cut at eight letters) beside the handle
    # ashokmukh30@: the handle's rest is the surname, CH is Chandra's initial. So he is Ashok
    # Chandra Mukherjee, not Ashok Kumar, whose 2,499.00 of that day the bank has yet to show
    bank = statement(
        [
            (
                "2026-11-02",
                "BY TRANSFER-UPI/CR/631150712436/ASHOK CH/KKBK/ashokmukh30@/Payme--",
                "",
                249900,
            )
        ]
    )
    books = ledger(
        [
            ("2026-11-02", "Ashok Kumar", "Being amt recd", 249900),
            ("2026-11-02", "Ashok Chandra Mukherjee", "Being amt recd", 249900),
        ]
    )
    pairs, _ = matched(bank, books)
    assert {(b, g) for b, g, _ in pairs} == {(0, 1)}


def test_sbi_writes_only_the_surname_and_the_handle_gives_the_name() -> None:
    # SBI keeps eight letters: QURESHI for Qureshi Kavita, whose handle kavitaqure65 gives her
    # name. Her 4,999.00 of the 5th is not Pooja Qureshi's receipt of the 6th (POOJA QU,
    # poojaqure96, paid on the 4th) but her own, booked on the 8th
    bank = statement(
        [
            (
                "2026-11-04",
                "BY TRANSFER-UPI/CR/642156725732/POOJA QU/YESB/poojaqure96@/Paid --",
                "",
                499900,
            ),
            (
                "2026-11-05",
                "BY TRANSFER-UPI/CR/654464365473/QURESHI/PUNB/kavitaqure65/UPI--",
                "",
                499900,
            ),
        ]
    )
    books = ledger(
        [
            ("2026-11-06", "Pooja Qureshi (Surat)", "", 499900),
            ("2026-11-08", "Qureshi Kavita", "", 499900),
        ]
    )
    pairs, _ = matched(bank, books)
    assert {(b, g) for b, g, _ in pairs} == {(0, 0), (1, 1)}


def test_a_transfer_that_names_a_party_is_no_batch_of_other_parties_lines() -> None:
    # eight parents' fees of 12,500.00, each 'Being fees received for Term 2', add up to the
    # 1,00,000.00 Sharma Enterprises sent: chance, not a batch. A batch's bank line names no
    # one, or says it is one (BULK, SALARY); Sharma's money is its own receipt, booked late
    bank = statement(
        [
            (
                "2026-10-12",
                "NEFT CR-HDFC0001234-SHARMA ENTERPRISES-HDFCN26101255556666",
                "",
                10_000_000,
            )
        ]
    )
    parents = ["Anil Deshpande", "Kavita Joshi", "Rohan Kulkarni", "Meera Pillai"]
    parents += ["Sameer Gokhale", "Farida Shaikh", "Prakash Rao", "Nisha Bhatt"]
    books = [("2026-10-10", p, "Being fees received for Term 2", 1_250_000) for p in parents]
    books.append(
        ("2026-10-22", "Sharma Enterprises", "Being payment against bill 4411", 10_000_000)
    )
    pairs, _ = matched(bank, ledger(books))
    assert {(b, g) for b, g, _ in pairs} == {(0, 8)}


def test_sbi_cuts_the_surname_and_the_handle_writes_it_out() -> None:
    # RAHUL GU beside rahulgupta12@ is Rahul Gupta, not `rahul gu pta`, which read as another
    # person; Rahul Rao's 2,499.00 the same day is not his
    bank = statement(
        [
            (
                "2026-10-05",
                "BY TRANSFER-UPI/CR/662217123190/RAHUL GU/HDFC/rahulgupta12@/NA--",
                "",
                249900,
            )
        ]
    )
    books = ledger(
        [("2026-10-05", "Rahul Rao", "", 249900), ("2026-10-05", "Rahul Gupta", "", 249900)]
    )
    pairs, _ = matched(bank, books)
    assert {(b, g) for b, g, _ in pairs} == {(0, 1)}


@pytest.mark.parametrize(
    ("run", "names", "pairs"),
    [
        # SUNILKUMAR is Sunil Kumar as the bank writes him; Kumar Sunil is another customer:
        # the name in the run's own order is the payer's (was: both alike, no match)
        ("SUNILKUMAR", ["Kumar Sunil", "Sunil Kumar"], {(0, 1)}),
        # SHAHRAJESH, ten letters, IMPS's cut: Shah Rajesh Kumar in the run's order, or Rajesh
        # Shah turned round; the run does not say which (was: Rajesh Shah taken)
        ("SHAHRAJESH", ["Rajesh Shah", "Shah Rajesh Kumar"], set()),
        # the same run with only one of them in the books is theirs
        ("SHAHRAJESH", ["Shah Rajesh Kumar", "Mehta Rajesh"], {(0, 0)}),
        ("SHAHRAJESH", ["Rajesh Shah", "Mehta Rajesh"], {(0, 0)}),
    ],
)
def test_a_name_imps_ran_together_in_its_own_order_is_not_outranked_turned_round(
    run: str, names: list[str], pairs: set[tuple[int, int]]
) -> None:
    bank = statement([("2026-10-12", f"IMPS/P2A/627812345678/{run}/HDFC", "", 2543050)])
    books = ledger([("2026-10-12", name, "", 2543050) for name in names])
    found, _ = match_lines(prepare_bank(bank), prepare_ledger(books))
    assert set(zip(found["bank"], found["ledger"], strict=True)) == pairs


# --- making way -----------------------------------------------------------------------------

_TIWARIS_BANK = [
    ("2026-11-01", "UPI/610869201925/Payment from Ph/rajeshtiwa3@ibl/UTIB BANK", "", 1000000),
    ("2026-11-02", "UPI/660476001678/NA/RAJESH TIWARI/IDIB BANK", "", 1000000),
]
_TIWARIS_BOOKS = [
    ("2026-11-02", "Rajesh B. Tiwari (Mumbai)", "Being amt recd against INV/26-27/0774", 1000000),
    ("2026-11-06", "Rajesh S. Tiwari (Kolhapur)", "", 1000000),
]


def test_a_pair_on_amount_makes_way_for_the_one_line_another_name_fits() -> None:
    # two customers named Rajesh Tiwari, 10,000.00 each. RAJESH TIWARI of the 2nd fits both
    # alike and took the Mumbai one's line of the same day; the handle rajeshtiwa3 of the 1st
    # has no other line in the window, and stayed open with the Kolhapur one's of the 6th.
    # RAJESH TIWARI makes way: both bank lines matched, each as well named as before
    found, suggestions = match_lines(
        prepare_bank(statement(_TIWARIS_BANK)), prepare_ledger(ledger(_TIWARIS_BOOKS))
    )
    assert found[["bank", "ledger", "rule"]].values.tolist() == [
        [0, 0, "Amount and date"],
        [1, 1, "Amount and date"],
    ]
    why = found.set_index("bank")["why"]
    assert why[0] == (
        "same amount; -1 days; party names 88% alike; this name's one line of this amount in the "
        "window, which another bank line had taken: that one fits another open line as well, "
        "and is paired with it"
    )
    assert why[1].startswith(
        "same amount; -4 days, booked late; party names 96% alike, as alike as the line it first "
        "took, which it gave up"
    )
    assert suggestions.empty


def test_a_pair_on_amount_keeps_its_line_where_its_name_fits_it_better() -> None:
    # RAJESH B TIWARI is the Mumbai customer by his initial: his pair stands, and the handle of
    # the 1st stays open for the user (the Kolhapur one's line is 5 days after it)
    bank = [
        _TIWARIS_BANK[0],
        ("2026-11-02", "UPI/660476001678/NA/RAJESH B TIWARI/IDIB", "", 1000000),
    ]
    pairs, _ = matched(statement(bank), ledger(_TIWARIS_BOOKS))
    assert {(b, g) for b, g, _ in pairs} == {(1, 0)}


def test_a_pair_on_amount_keeps_its_line_where_the_other_line_has_its_own_bank_line() -> None:
    # a third 10,000.00, R S TIWARI of the 5th, is the Kolhapur customer's own: the taker has
    # no open line to go to, nothing is moved, and the handle of the 1st stays open
    bank = [*_TIWARIS_BANK, ("2026-11-05", "UPI/699435203311/NA/R S TIWARI/SBIN BANK", "", 1000000)]
    pairs, _ = matched(statement(bank), ledger(_TIWARIS_BOOKS))
    assert {(b, g) for b, g, _ in pairs} == {(1, 0), (2, 1)}


# --- names and dates that cannot decide -----------------------------------------------------


def test_two_parties_lines_that_fit_either_way_round_are_left_for_the_user() -> None:
    # S DESAI of the 2nd and of the 3rd, 4,999.00 each; Shobha Desai's 4,999.00 of the 3rd and
    # Salim Desai's of the 5th. Either way round the names fit alike and the days add up the
    # same (one and two, or three and none): a coin toss, so nothing is matched and the four
    # pairs are suggestions
    bank = statement(
        [
            ("2026-11-02", "UPI/607731634890/Payment from Ph/S DESAI/ICIC BANK", "", 499900),
            ("2026-11-03", "UPI/638466137964/UPI/S DESAI/IDIB BANK", "", 499900),
        ]
    )
    books = ledger(
        [
            ("2026-11-03", "Shobha Desai", "Being amt recd against Bill No 758", 499900),
            ("2026-11-05", "Salim Desai", "Being amt recd against INV/26-27/1106", 499900),
        ]
    )
    pairs, suggestions = matched(bank, books)
    assert pairs == set()
    assert sorted(map(tuple, suggestions[["bank", "ledger"]].values.tolist())) == [
        (0, 0),
        (0, 1),
        (1, 0),
        (1, 1),
    ]
    assert set(suggestions["kind"]) == {"Ambiguous"}
    assert suggestions["why"].str.endswith("choose which is whose").all()
    # the handle names one of them: SHOBHA DESAI of the 2nd is hers, and the other is Salim's
    named = statement(
        [
            ("2026-11-02", "UPI/607731634890/Payment from Ph/SHOBHA DESAI/ICIC BANK", "", 499900),
            ("2026-11-03", "UPI/638466137964/UPI/S DESAI/IDIB BANK", "", 499900),
        ]
    )
    pairs, _ = matched(named, books)
    assert {(b, g) for b, g, _ in pairs} == {(0, 0), (1, 1)}
    # the user rejected the crossed pairs: there is no other way round, and the month settles
    refused = Decisions(rejected=frozenset({(0, 1), (1, 0)}))
    found, suggestions = match_lines(prepare_bank(bank), prepare_ledger(books), decisions=refused)
    assert set(zip(found["bank"], found["ledger"], strict=True)) == {(0, 0), (1, 1)}
    assert suggestions.empty


def test_where_a_cheque_deposited_cleared_is_no_name() -> None:
    # a cheque deposited: the clearing house's city, the branch, inward clearing, the drawee
    # bank say where it cleared, never whose it was; a firm named after its city keeps its
    # name, and so do a cheque paid (the bank writes the payee, here Amritsar Home Appliances
    # cut short) and a transfer whose remark says CHQ
    rows = [
        ("CLG/200090/KKBK/PUNE CTS", 1_000_000),
        ("INW CLG 730819 HDFC BANK", 1_000_000),
        ("CLG CHQ DEP 730819 BOM", 1_000_000),
        ("CHEQUE DEPOSIT 123456 SBI PUNE", 1_000_000),
        ("BY CLG 123456 at mumbai br", 1_000_000),
        ("CLG/123456/KARNATAKA BANK/BANGALORE", 1_000_000),
        ("CLG/123456/KARNATAKA BANK", 1_000_000),
        ("CLG/223344/SARASWAT CO-OP BK LTD", 1_000_000),
        ("RTN CLG/730819/PUNE", -1_000_000),  # the deposit returned unpaid
        ("CLG/200090/KKBK/ANDHERI EAST CTS", 1_000_000),  # a city's quarter: the branch
        ("CHQ DEP - MICR CLG - BORIVALI WEST - CNRB", 1_000_000),
        ("BY CLG 123456 at malad west br", 1_000_000),
        ("CHQ DEP 123456/PUNE TRADERS", 1_000_000),
        ("CHQ DEP 123456 RAMESH KUMAR HDFC BANK", 1_000_000),  # the drawer beside the bank
        ("CLG/123456/ANIL/MUMBAI", 1_000_000),  # the drawer, shorter than the city
        ("CHQ DEP/123456/KALYAN", 1_000_000),  # a name as often as a city
        ("CHQ PAID-MICR CTS-MU-AMRITSAR HO", -1_000_000),
        ("IMPS/P2A/613358546570/AMRITSAR/IDFB BANK/CHQ 451 BAL", 1_000_000),
        ("NEFT-HDFCN52026103112345-SURAT TEXTILES-HDFC0000181", 1_000_000),
    ]
    bank = prepare_bank(statement([("2026-10-28", text, "", amount) for text, amount in rows]))
    assert bank.lines["party"].tolist() == [
        *["", "", "", "", "", "", "", "", "", "", "", ""],
        *["pune traders", "ramesh kumar", "anil", "kalyan", "amritsar ho", "amritsar"],
        "surat textiles",
    ]


def test_a_cheque_whose_drawee_bank_shares_a_word_with_a_customer_is_not_that_customers() -> None:
    # KARNATAKA BANK is the bank the cheque was drawn on, not Karnataka Steel: with Jalaram
    # Distributors' 12,220.00 in the window too, the user chooses
    for drawee in ("KARNATAKA BANK/BANGALORE", "KARNATAKA BK/BANGALORE"):
        bank = statement([("2026-10-28", f"CLG/123456/{drawee}", "123456", 1_222_000)])
        books = ledger(
            [
                ("2026-10-26", "Karnataka Steel", "", 1_222_000),
                ("2026-10-29", "Jalaram Distributors", "", 1_222_000),
            ]
        )
        pairs, suggestions = matched(bank, books)
        assert pairs == set(), drawee
        assert sorted(suggestions["ledger"]) == [0, 1], drawee


def test_a_cheque_deposited_that_names_its_drawer_beside_the_bank_is_the_drawers() -> None:
    # `RAMESH KUMAR HDFC BANK`: the drawer and the bank in one piece; the drawer's receipt is
    # the cheque's, not the other customer's of the same amount (nor is it "no one's")
    bank = statement([("2026-10-28", "CHQ DEP 123456 RAMESH KUMAR HDFC BANK", "", 1_222_000)])
    books = ledger(
        [
            ("2026-10-26", "Ramesh Kumar", "", 1_222_000),
            ("2026-10-29", "Jalaram Distributors", "", 1_222_000),
        ]
    )
    pairs, _ = matched(bank, books)
    assert {(b, g) for b, g, _ in pairs} == {(0, 0)}


@pytest.mark.parametrize(
    "narration",
    [
        "CLG CHQ DEP 730819",
        "INW CLG 730819 HDFC BANK",
        "CLG/730819/KKBK/PUNE CTS",
        "CLG/730819/HDFC/ANDHERI EAST CTS",
    ],
)
def test_a_cheque_that_names_no_one_is_not_given_to_the_nearer_of_two_customers(
    narration: str,
) -> None:
    # CLG CHQ DEP names no one: Simran Gill's 12,220 of the 26th and Jalaram Distributors' of
    # the 29th fit it alike but for the date, and a cheque clears one to three days after the
    # books have it, whichever customer's it is: the user chooses (both listed, nothing taken)
    bank = statement([("2026-10-28", narration, "730819", 1_222_000)])
    books = ledger(
        [
            ("2026-10-26", "Simran Gill", "", 1_222_000),
            ("2026-10-29", "Jalaram Distributors", "", 1_222_000),
        ]
    )
    pairs, suggestions = matched(bank, books)
    assert pairs == set()
    listed = suggestions[suggestions["bank"] == 0]
    assert sorted(listed["ledger"]) == [0, 1]
    assert set(listed["kind"]) == {"Ambiguous"}
    assert listed["why"].str.contains("names no one").all()


def test_a_cheque_that_names_no_one_is_the_one_customers_or_the_only_line_of_its_amount() -> None:
    # one customer's two receipts of 12,220: which is its cheque's the dates decide, either way
    # the customer's; and a cheque with one line of its amount in the window is that line's
    bank = statement(
        [
            ("2026-10-28", "CLG CHQ DEP 730819", "730819", 1_222_000),
            ("2026-10-20", "CLG CHQ DEP 730700", "730700", 555_500),
        ]
    )
    books = ledger(
        [
            ("2026-10-26", "Simran Gill", "", 1_222_000),
            ("2026-10-12", "Simran Gill", "", 1_222_000),
            ("2026-10-18", "Jalaram Distributors", "", 555_500),
        ]
    )
    pairs, _ = matched(bank, books)
    assert {(b, g) for b, g, _ in pairs} == {(0, 0), (1, 2)}
    # a cash deposit beside the books' Cash of its amount and day is that line's, though a
    # customer's transfer of the same amount was booked the same day
    bank = statement([("2026-11-07", "BY CASH DEPOSIT", "", 5_470_000)])
    books = ledger(
        [
            ("2026-11-07", "Cash", "", 5_470_000),
            ("2026-11-06", "Shakti Plastics Pvt. Ltd.", "", 5_470_000),
        ]
    )
    pairs, _ = matched(bank, books)
    assert {(b, g) for b, g, _ in pairs} == {(0, 0)}


@pytest.mark.parametrize(
    "other",
    [
        "Simran Gill A/c",  # one party written two ways
        "Gill Simran",
        "Cheques in Hand",  # the books' own accounts, no one's
        "Undeposited Funds",
        "Counter Sales",
    ],
)
def test_a_cheque_that_names_no_one_is_no_guess_between_one_party_or_the_books_own_accounts(
    other: str,
) -> None:
    # helper-142: the rival counted as another party, and the cheque was left to the user
    bank = statement([("2026-10-28", "CLG CHQ DEP 730819", "730819", 1_222_000)])
    books = ledger(
        [("2026-10-22", other, "", 1_222_000), ("2026-10-27", "Simran Gill", "", 1_222_000)]
    )
    pairs, _ = matched(bank, books)
    assert {(b, g) for b, g, _ in pairs} == {(0, 1)}


def test_the_only_open_lines_of_an_amount_days_apart_are_offered_never_matched() -> None:
    """A proprietor's IMPS of the 1st and his firm's receipt booked on the 11th, 98,465.00 each,
    the only lines of that amount left open (Patil's of the 20th are matched): left apart on
    the BRS without a word. Now offered; an amount a second open line also holds, or lines
    further apart than SAME_AMOUNT_APART_DAYS, no. (Were they the month's only lines of it,
    they would be matched, booked late.)"""
    bank = statement(
        [
            ("2026-11-01", "MMT/IMPS/670619065515/ADVANCE/MAHESHSHAN/KKBK Bank", "", 9_846_500),
            ("2026-11-20", "NEFT CR-SBIN0004567-PATIL BROTHERS-SBINN26101244447777", "", 9_846_500),
            ("2026-11-02", "NEFT CR-SBIN0004567-PATIL BROTHERS-SBINN26101244445555", "", 1_200_000),
            ("2026-11-03", "NEFT CR-SBIN0004567-RAO TEXTILES-SBINN26101244446666", "", 1_200_000),
            ("2026-11-28", "UPI/610869201925/Payment from Ph/rajeshtiwa3@ibl/UTIB", "", 499_900),
            (  # a payment returned, its own reversal not booked
                "2026-11-06",
                "NEFT RETURN-HDFCN52325057852700-SHREE GANESH ELECTRICALS-ACCOUNT DOES NOT EXIST",
                "",
                3_614_900,
            ),
            ("2026-11-06", "NEFT CR-HDFC0000240-SONAL SHAH-HDFCN26100611112222", "", 2_500_000),
        ]
    )
    books = ledger(
        [
            ("2026-11-29", "M/s Kaveri Enterprises Pvt. Ltd.", "", 3_614_900),
            ("2026-11-24", "Vikas Rao", "", 2_500_000),  # a round 25,000.00: chance
            ("2026-11-11", "M/s. Om Hind Traders", "", 9_846_500),
            ("2026-11-20", "Patil Brothers", "", 9_846_500),
            ("2026-11-20", "Kaveri Home Needs", "", 1_200_000),
            ("2026-09-01", "Rajesh B. Tiwari", "", 499_900),  # 88 days before: too far
        ]
    )
    pairs, suggestions = matched(bank, books)
    assert pairs == {(1, 3, "Amount and date")}  # Patil's
    apart = suggestions[suggestions["kind"] == "Same amount, days apart"]
    assert apart[["bank", "ledger"]].values.tolist() == [[0, 2]]
    assert apart["why"].tolist() == [
        "the only open lines of 98,465.00 on either side: the bank's is 10 days before the "
        "books' (the window is 3 days before to 7 after)"
    ]


def test_a_partys_day_that_adds_up_to_a_bank_line_of_another_name_is_offered_if_not_taken() -> None:
    """SNEHAMOHAN's 35,123.50 and Shri Prabhat Packaging's seven invoices of that day: more
    lines than a stranger's name is taken for (MAX_PARTS), and it was left apart without a
    word. Now offered, each line of the set beside the bank line; a round sum of that day, no
    (any two lines may make ₹7,700)."""
    invoices = [500_000, 450_000, 600_000, 412_350, 300_000, 650_000, 600_000]
    assert len(invoices) > MAX_PARTS and sum(invoices) == 3_512_350
    bank = statement(
        [
            ("2026-11-05", "IMPS-612345678901-SNEHAMOHAN-HDFC-XXXXXXXX1234-NOV", "", 3_512_350),
            ("2026-11-06", "IMPS-612345678902-RAJUNAIR-HDFC-XXXXXXXX1235-NOV", "", 770_000),
        ]
    )
    books = ledger(
        [
            *[
                ("2026-11-05", "Shri Prabhat Packaging", f"Inv {n}", a)
                for n, a in enumerate(invoices)
            ],
            ("2026-11-06", "Thangam Traders", "Inv 9", 500_000),
            ("2026-11-06", "Thangam Traders", "Inv 10", 270_000),
        ]
    )
    pairs, suggestions = matched(bank, books)
    assert pairs == set()
    day = suggestions[suggestions["kind"] == "A party's day adds up"]
    assert day[["bank", "ledger"]].values.tolist() == [[0, n] for n in range(7)]
    assert day["why"].iat[0].startswith("all of one party's open lines of one day add up")


def test_an_expense_paid_to_a_payee_its_narration_names_is_that_payees() -> None:
    # an outsider's Tally ledger: the bank ledger's Particulars is the expense (Professional
    # Fees, Rent - Godown) and the narration row names the payee. Two consultants' 25,000.00 of
    # one day, two landlords' 30,000.00: before, each was 'two ledger lines fit this bank line
    # equally well; choose one'
    bank = statement(
        [
            ("2026-10-08", "INB/NEFT/AXOIC59094849492/RAVI KUMAR/CANARA BANK/", "", -2_500_000),
            ("2026-10-08", "INB/NEFT/AXOIC590948494/SRI ANNAPOORNA AGENCI/TMB/", "", -2_500_000),
            ("2026-10-09", "NEFT/SBIN0001/SWASTIK SPINNERS LLP/OCT RENT", "", -3_000_000),
            ("2026-10-09", "NEFT/SBIN0002/MEENA TRADERS/OCT RENT", "", -3_000_000),
        ]
    )
    books = ledger(
        [
            (
                "2026-10-08",
                "Professional Fees",
                "Paid to Sri Annapoorna Agencies (Kolkata)",
                -2_500_000,
            ),
            (
                "2026-10-08",
                "Professional Fees",
                "Being amount paid to Ravi Kumar towards fees",
                -2_500_000,
            ),
            ("2026-10-09", "Rent - Office", "Paid to Meena Traders for Oct-26", -3_000_000),
            ("2026-10-09", "Rent - Godown", "Paid to Swastik Spinners LLP for Oct-26", -3_000_000),
        ]
    )
    pairs, suggestions = matched(bank, books)
    assert {(b, g) for b, g, _ in pairs} == {(0, 1), (1, 0), (2, 3), (3, 2)}
    assert suggestions.empty


def test_a_salary_paid_to_staff_names_no_one_though_its_narration_says_to_whom() -> None:
    # `Salary Payable` paid "to staff" stays no one's: it is still the batch of the day's eight
    # NEFTs that say SAL
    names = [
        "RAVI KUMAR",
        "MEENA S",
        "ARUN P",
        "LATHA K",
        "GOPAL R",
        "DIVYA M",
        "SURESH E",
        "ANU V",
    ]
    bank = statement(
        [
            ("2026-10-31", f"NEFT/SBIN000{n}/{name}/SAL OCT", "", -2_000_000)
            for n, name in enumerate(names)
        ]
    )
    books = ledger(
        [("2026-10-31", "Salary Payable", "Being salary paid to staff for Oct", -16_000_000)]
    )
    pairs, _ = matched(bank, books)
    assert {(b, g) for b, g, _ in pairs} == {(b, 0) for b in range(8)}


def test_a_salary_voucher_is_the_days_salary_neft_upload_and_the_employees_paid_by_imps() -> None:
    # an outsider's Axis month: the upload's NEFTs say SAL OCT26, two employees were paid by
    # IMPS that says nothing, and a vendor's NEFT and a charge went out the same day. The books'
    # one Salary Payable voucher is the NEFTs and the two IMPS: before, all eleven were left
    names = ["D A ARUMUGAM", "MEHTA G N", "PONNUSAMYM", "P SIVAKUMAR", "SVIGNESH", "A G SARAVANAN"]
    names += ["M MEENAKSHI", "PRAVIN C SONI"]
    rows = [
        (
            "2026-10-03",
            f"INB/NEFT/AXOIC6423139058{n}/{name}/KOTAK MAHINDRA BANK/SAL OCT26",
            "",
            -(3_000_000 + n * 100_000),
        )
        for n, name in enumerate(names)
    ]
    rows += [
        ("2026-10-03", "MOB/IMPS/695217837244/RAVICHANDR/FDRL", "", -7_930_000),
        ("2026-10-03", "MOB/IMPS/661340935525/DEEPAKGOYA/UTIB", "", -8_240_000),
        (
            "2026-10-03",
            "INB/NEFT/AXOIC20994007840/DHANALAKSHMI AND CO/TAMILNAD MERCANTILE/",
            "",
            -1_234_500,
        ),
        ("2026-10-03", "NEFT CHGS INCL GST", "", -590),
    ]
    salaries = sum(amount for *_, amount in rows[:10])
    books = ledger([("2026-10-03", "Salary Payable", "Being salary for Oct 2026 paid", salaries)])
    pairs, _ = matched(statement(rows), books)
    assert {(b, g) for b, g, _ in pairs} == {(b, 0) for b in range(10)}
    found, _ = match_lines(prepare_bank(statement(rows)), prepare_ledger(books))
    assert "the 8 of their day that say salary and 2 other payment(s)" in found["why"].iloc[0]
    # a second set of the day's other lines that makes up the rest: the user's to choose
    rows.append(("2026-10-03", "MOB/IMPS/600000000001/KARTHIK V/SBIN", "", -7_930_000))
    pairs, _ = matched(statement(rows), books)
    assert pairs == set()
