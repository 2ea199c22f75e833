"""The fast roads of the matcher's input preparation give what the plain roads give: splitting at
a class of characters without the regex engine, a line's references each once in the order
found, and how many words of two names account for each other worked out for many pairs at
once."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest

from xlbo.bank.parties import (
    Likeness,
    _NameWords,
    explained,
    narration_names,
    narration_party_keys,
    party_keys,
)
from xlbo.bank.references import reference_frame
from xlbo.columns import _separator_bytes, split_words, text_lengths

ODD_CHARACTERS = ["é", "ı", "₹", "\u00a0", "\u2028", "ß", "\U0001f600", "\n", "\t", "\x0b", "\\"]


def _texts(count: int, seed: int) -> pd.Series:
    rng = random.Random(seed)
    letters = list("AZaz09-/:,*. _@#^[]") + ODD_CHARACTERS
    texts = ["".join(rng.choice(letters) for _ in range(rng.randint(0, 12))) for _ in range(count)]
    return pd.Series([*texts, None, ""], dtype=object)


@pytest.mark.parametrize(
    "separators", ["[-/:,*]", "[^A-Z0-9]+", " ", "[^A-Za-z0-9]", "[-]", "[a-z]", "[^a-z-]", ":"]
)
def test_split_at_a_class_of_characters_agrees_with_the_regex(separators: str) -> None:
    texts = _texts(3000, 1)
    assert _separator_bytes(separators) is not None
    fast = split_words(texts, separators)
    slow = split_words(texts, f"(?:{separators})")  # through the regex engine
    assert _separator_bytes(f"(?:{separators})") is None
    assert fast[0].tolist() == slow[0].tolist()
    assert fast[1].tolist() == slow[1].tolist()
    sliced = texts.fillna("").astype(str).iloc[7:]  # an Arrow array that starts part-way
    assert split_words(sliced, separators)[1].tolist() == (
        split_words(sliced, f"(?:{separators})")[1].tolist()
    )


@pytest.mark.parametrize("separators", [r"\s", "[\\d]", "[a-]x", ".", "[]", "(a|b)"])
def test_other_separators_go_to_the_regex_engine(separators: str) -> None:
    assert _separator_bytes(separators) is None


def test_text_lengths_count_characters() -> None:
    texts = pd.Series(["ab", "", "é₹x", None], dtype=object).fillna("").astype(str)
    assert text_lengths(texts).tolist() == [2, 0, 3, 0]
    assert text_lengths(pd.Series([], dtype=str)).tolist() == []


def test_a_reference_found_twice_on_a_line_is_listed_once_where_first_found() -> None:
    frame = reference_frame(
        pd.Series(
            [
                "NEFT-SBINN26100912345678-CHQ 000453",
                "",
                "UPI412345678901 RRN 412345678901",
                "CLG CHQ 000453",
            ]
        ),
        pd.Series(["453", "", "412345678901", "0000"]),
    )
    assert frame.to_dict("list") == {
        "position": [0, 0, 2, 3],
        "token": ["SBINN26100912345678", "453", "412345678901", "453"],
        "written": ["", "000453", "", "000453"],  # the cheque as the line wrote it
    }
    assert str(frame["token"].dtype) == "str"


def test_narration_party_keys_fold_the_narration_names() -> None:
    narrations = pd.Series(
        [
            "NEFT CR-SBIN0001234-SHREE BALAJI TRA-SBINN26100912345678",
            "IMPS/P2A/629845123456/OMSAILOG",
            "CLG CHQ DEP 387778",
            None,
            "UPI/P2A/536503325009/SRIVASTAVA POOJA/MAHB BANK/Payment from Ph",
        ]
    )
    names = narration_names(narrations)
    assert names.tolist() == ["SHREE BALAJI TRA", "OMSAILOG", "", "", "SRIVASTAVA POOJA"]
    assert narration_party_keys(narrations).tolist() == party_keys(names).tolist()


def _names(count: int, rng: random.Random) -> list[str]:
    words = ["a", "j", "h", "n", "ja", "jig", "jign", "jignesh", "pat", "patel", "ketan", "rev"]
    words += ["revathi", "revathis", "p", "nat", "natarajan", "ab", "abc", "x1", "12", "sri"]
    odd = ["É", "jé", "a\x01b", "b.c", "A"]  # names party_key never makes
    names = []
    for _ in range(count):
        pool = words if rng.random() < 0.9 else words + odd
        names.append(" ".join(rng.choice(pool) for _ in range(rng.randint(0, 4))))
    return names


def test_explained_in_bulk_is_explained_pair_by_pair() -> None:
    rng = random.Random(7)
    left, right = _names(300, rng), _names(200, rng)
    places = np.random.default_rng(3)
    a, b = places.integers(0, len(left), 20000), places.integers(0, len(right), 20000)
    bulk, _ = _NameWords(left, right).explained(a, b)
    assert bulk.tolist() == [explained(left[i], right[j]) for i, j in zip(a, b, strict=True)]


def test_likeness_asked_again_and_in_pieces_gives_the_same_scores() -> None:
    rng = random.Random(11)
    left, right = _names(60, rng), _names(40, rng)
    places = np.random.default_rng(5)
    a, b = places.integers(0, len(left), 3000), places.integers(0, len(right), 3000)
    whole = Likeness(np.array(left, dtype=object), np.array(right, dtype=object)).of(a, b)
    pieces = Likeness(np.array(left, dtype=object), np.array(right, dtype=object))
    asked = [pieces.of(a[i : i + 700], b[i : i + 700]) for i in range(0, len(a), 700)]
    assert np.concatenate(asked).tolist() == whole.tolist()
    assert pieces.of(a, b).tolist() == whole.tolist()


def test_token_sort_ratio_of_names_put_in_order_once() -> None:
    from xlbo.fuzzy import cpdist, fuzz

    rng = random.Random(13)
    left, right = [*_names(80, rng), "a  b", " x"], [*_names(50, rng), "", "b a"]
    places = np.random.default_rng(9)
    a, b = places.integers(0, len(left), 5000), places.integers(0, len(right), 5000)
    names_a, names_b = [left[i] for i in a], [right[j] for j in b]
    likeness = Likeness(np.array(left, dtype=object), np.array(right, dtype=object))
    fast = likeness._token_sort_ratio(a, b, names_a, names_b)
    plain = cpdist(names_a, names_b, scorer=fuzz.token_sort_ratio, dtype=np.float64)
    assert fast.tolist() == plain.tolist()


NARRATIONS = [
    "UPI/610869201925/Payment from Ph/rajeshtiwa3@ibl/UTIB BANK",
    "UPI/660476001678/NA/rajeshtiwa3@ibl/IDIB BANK",  # named by its handle's other line
    "NEFT CR-SBIN0004567-DECCAN POLYMERS PRIVAT-PATIL BROTHERS-SBINN26101244445555",
    "CLG CHQ DEP 000453",
    "MMT/IMPS/670619065515/ADVANCE/MAHESHSHAN/KKBK Bank",
    "UPI-KAVERI HOME-kaveri@okhdfcbank-HDFC0000240-629845123456-INVOICE",
    "",
    None,
]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_narrations_read_ahead_prepare_the_lines_later_chosen_as_read_afresh(seed: int) -> None:
    """`NarrationsRead`: a statement's narrations read while the ledger is read, taken by the
    lines the matcher is given (the books' period, repeats set aside, lines of last month's
    BRS added) by their texts: the same side as reading them then."""
    from xlbo.bank.side import NarrationsRead, prepare_bank

    rng = np.random.default_rng(seed)
    texts = pd.concat(
        [pd.Series(NARRATIONS * 20, dtype=object), _texts(400, seed)], ignore_index=True
    )
    count = len(texts)
    lines = pd.DataFrame(
        {
            "date": pd.to_datetime("2026-11-01") + pd.to_timedelta(rng.integers(0, 30, count), "D"),
            "narration": texts,
            "reference": rng.choice(["", "000453", "629845123456", None], count),
            "debit": rng.integers(0, 10**7, count),
            "credit": 0,
        }
    )
    read = NarrationsRead.of(lines)
    holders = ("Deccan Polymers Private Limited",)
    kept = np.sort(rng.choice(count, count * 3 // 4, replace=False))
    chosen = {
        "all": lines,
        "period": lines.iloc[20:-30].reset_index(drop=True),
        "some": lines.iloc[kept].reset_index(drop=True),
        "again and out of order": lines.iloc[rng.choice(count, count, replace=True)],
    }
    for name, some in chosen.items():
        fresh, fast = prepare_bank(some, holders), prepare_bank(some, holders, read)
        pd.testing.assert_frame_equal(fast.lines, fresh.lines, obj=name)
        pd.testing.assert_frame_equal(fast.tokens, fresh.tokens, obj=name)
    # lines whose texts were not read (last month's items, added after): read then
    carried = lines.iloc[:40].assign(
        narration=[f"NEFT CR-HDFC0000240-PARTY {n}-HDFCN2610061111{n:04d}" for n in range(40)]
    )
    carried.loc[carried.index[::7], "reference"] = "000999"
    other = pd.concat([lines.iloc[kept], carried], ignore_index=True)
    taken = read.for_lines(other)
    assert taken is not None and len(taken.keys) == len(other)
    fresh, fast = prepare_bank(other, holders), prepare_bank(other, holders, read)
    pd.testing.assert_frame_equal(fast.lines, fresh.lines)
    pd.testing.assert_frame_equal(fast.tokens, fresh.tokens)
    # a column not of text (numbers) is not read ahead: `reference_frame` makes it text itself
    numbers = lines.assign(reference=pd.array(rng.integers(0, 10**6, count), dtype="Int64"))
    assert NarrationsRead.of(numbers) is None and read.for_lines(numbers) is None
