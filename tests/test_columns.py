"""Whole-column readers give the answers the one-cell readers give."""

from __future__ import annotations

from typing import Any

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from xlbo.cells import clean_text
from xlbo.columns import date_column, exact_paise, one_amount, paise_column, text_column
from xlbo.dates import parse_date


def _one_by_one(cell: Any) -> tuple[int, bool]:
    try:
        amount = one_amount(cell)  # parse_amount, and the bank-export quirks it does not know
        return exact_paise(amount, cell), False  # a third decimal refused, never rounded
    except ValueError:
        return 0, True


def _indian(paise: int) -> str:
    rupees, rest = divmod(abs(paise), 100)
    digits = str(rupees)
    head, tail = digits[:-3], digits[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    text = ",".join([g for g in [head, *groups] if g] + [tail]) if head or groups else tail
    return ("-" if paise < 0 else "") + f"{text}.{rest:02d}"


cells = st.one_of(
    st.none(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-(10**16), 10**16),
    st.decimals(places=3, min_value=-(10**9), max_value=10**9, allow_nan=False).map(str),
    st.integers(-(10**12), 10**12).map(_indian),
    st.sampled_from(
        [
            *["", " ", "-", "(1,234.50)", "500 Cr", "Rs. 500/-", "1e5", "12,5", "5.", "₹ 9"],
            *["1,03,500.00 Cr.", "-500 Cr", "10,500.00Cr", "7 dr", "1 crore", "\t3,932.20"],
            *["-,93,39,895.11", "-, 5", "999,00", "?45,000.00", "? 45", "?x"],
        ]
    ),
    st.text(max_size=12),
    st.booleans(),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(cells, min_size=1, max_size=30))
def test_paise_column_answers_as_parse_amount(column: list[Any]) -> None:
    paise, problems = paise_column(pd.Series(column, dtype=object))
    for position, cell in enumerate(column):
        want, refused = _one_by_one(cell)
        assert (int(paise[position]), position in problems) == (want, refused), repr(cell)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.one_of(st.none(), st.text(max_size=20), st.floats(), st.integers()), max_size=20)
)
def test_text_column_answers_as_clean_text(column: list[Any]) -> None:
    cleaned = text_column(pd.Series(column, dtype=object)).tolist()
    for got, cell in zip(cleaned, column, strict=True):
        try:
            want = clean_text(cell) or ""
        except ValueError:
            want = str(cell).strip()
        assert got == want, repr(cell)


def test_split_words_at_plain_characters_agrees_with_the_regex() -> None:
    from xlbo.columns import split_words

    texts = pd.Series(["NEFT CR-UTIB0000012-SHREE*BALAJI/TRA:1,2", "", "--//", "a-b", None])
    fast = split_words(texts, "[-/:,*]")
    slow = split_words(texts, "(?:[-/:,*])")  # the same class, through the regex engine
    assert fast[0].tolist() == slow[0].tolist() == [0, 0, 0, 0, 0, 0, 0, 3, 3]
    assert fast[1].tolist() == slow[1].tolist()
    assert fast[1].tolist()[:4] == ["NEFT CR", "UTIB0000012", "SHREE", "BALAJI"]


DATES_AS_EXPORTS_WRITE_THEM = [
    "2026/10/01",
    "01/10/2026 00:00:00.000",
    "01-10-2026 10:15:32.000",
    '="01/10/2026"',
    "'01/10/2026",
    "2026-09-30T18:30:00.000Z",
    "2026-11-03T10:15:32+05:30",
]


def test_date_column_reads_the_forms_parse_date_reads() -> None:
    """The column reader and the one-cell reader agree on every form (each distinct cell of a
    column goes through `parse_date`)."""
    dates, _ = date_column(pd.Series(DATES_AS_EXPORTS_WRITE_THEM, dtype=object))
    assert dates == [parse_date(cell) for cell in DATES_AS_EXPORTS_WRITE_THEM]
    assert None not in dates
