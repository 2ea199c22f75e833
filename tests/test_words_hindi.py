"""Hindi amount in words: golden amounts, and every whole number we can afford to check against
indic-numtowords (an independent table and composition, test-only dependency).

indic-numtowords 1.x and xlbo agree word for word except in five spellings, where xlbo follows
the standard dictionary form (मानक वर्तनी, the form in school textbooks and the Central Hindi
Directorate's list) and the library a common variant:

| number | indic-numtowords | xlbo    |
|--------|------------------|---------|
| 6      | छः               | छह      |
| 18     | अट्ठारह           | अठारह    |
| 53     | तिरेपन            | तिरपन    |
| 63     | तिरेसठ            | तिरसठ    |
| 66     | छयासठ            | छियासठ   |

The comparison maps those five words of the library's answer to xlbo's (after NFC on both
sides) and then demands equality of the whole text: nothing is skipped.
"""

from __future__ import annotations

import random
import unicodedata
from decimal import Decimal

import pytest
from indic_numtowords import num2words

from xlbo.excel import functions
from xlbo.words import Language, amount_in_words, language, whole_in_hindi

SPELLINGS = {"छः": "छह", "अट्ठारह": "अठारह", "तिरेपन": "तिरपन", "तिरेसठ": "तिरसठ", "छयासठ": "छियासठ"}
"""indic-numtowords' variant → the standard spelling xlbo writes."""


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def reference(number: int) -> str:
    """indic-numtowords' words for `number`, in NFC with its five variant spellings replaced."""
    return " ".join(SPELLINGS.get(word, word) for word in nfc(num2words(number, lang="hi")).split())


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("0", "रुपये शून्य मात्र"),
        ("1", "रुपये एक मात्र"),
        ("99", "रुपये निन्यानवे मात्र"),
        ("100", "रुपये एक सौ मात्र"),
        ("100000", "रुपये एक लाख मात्र"),
        ("1234567.50", "रुपये बारह लाख चौंतीस हज़ार पाँच सौ सरसठ और पचास पैसे मात्र"),
        (
            "999999999",
            "रुपये निन्यानवे करोड़ निन्यानवे लाख निन्यानवे हज़ार नौ सौ निन्यानवे मात्र",
        ),
        ("0.06", "रुपये शून्य और छह पैसे मात्र"),
        ("18.18", "रुपये अठारह और अठारह पैसे मात्र"),
        ("1000000000", "रुपये एक अरब मात्र"),
        (
            "123456789012.34",
            "रुपये एक खरब तेईस अरब पैंतालीस करोड़ सरसठ लाख नवासी हज़ार बारह और चौंतीस पैसे मात्र",
        ),
        (
            "99999999999999.99",
            "रुपये नौ नील निन्यानवे खरब निन्यानवे अरब निन्यानवे करोड़ निन्यानवे लाख निन्यानवे "
            "हज़ार नौ सौ निन्यानवे और निन्यानवे पैसे मात्र",
        ),
        ("-12.50", "ऋण रुपये बारह और पचास पैसे मात्र"),
        ("10.005", "रुपये दस और एक पैसे मात्र"),
    ],
)
def test_golden_amounts(amount: str, words: str) -> None:
    assert amount_in_words(Decimal(amount), "hi") == nfc(words)


def test_the_issue_s_example_is_written_in_nfc() -> None:
    # ज़ and ड़ typed as one code point (U+095B, U+095C) are stored decomposed, as NFC has them
    written = amount_in_words(Decimal("1234567.50"), Language.HI)
    assert "\u095b" not in written and "\u091c\u093c" in written
    assert written == nfc(written)


def test_every_number_to_one_lakh_matches_indic_numtowords() -> None:
    wrong = [n for n in range(100_001) if whole_in_hindi(n) != reference(n)]
    assert wrong == []


def test_sampled_numbers_below_a_hundred_crore_match_indic_numtowords() -> None:
    pick = random.Random(14)
    sample = [pick.randrange(100_000, 1_000_000_000) for _ in range(50_000)]
    # each step's edges: a lone crore, lakh or thousand and the numbers either side of it
    edges = [s * k + d for s in (10**3, 10**5, 10**7) for k in (1, 10, 99) for d in (-1, 0, 1, 100)]
    wrong = [n for n in sample + edges if n < 10**9 and whole_in_hindi(n) != reference(n)]
    assert wrong == []


def test_the_five_spellings_really_differ_and_nothing_else_does() -> None:
    # the normalisation is no wider than the five words: below 100 only those five differ
    differ = {n for n in range(100) if whole_in_hindi(n) != nfc(num2words(n, lang="hi"))}
    assert differ == {6, 18, 53, 63, 66}


def test_english_stays_the_default() -> None:
    assert amount_in_words(Decimal("1.5")) == "Rupees One and Fifty Paise Only"
    assert amount_in_words(Decimal("1.5"), "English") == "Rupees One and Fifty Paise Only"


@pytest.mark.parametrize("name", ["hi", "HI", " Hindi ", "हिन्दी", "हिंदी", Language.HI])
def test_language_names(name: object) -> None:
    assert language(name) is Language.HI


@pytest.mark.parametrize("junk", ["fr", "Marathi", 7, "#N/A", object()])
def test_a_language_xlbo_does_not_write(junk: object) -> None:
    with pytest.raises(ValueError, match="use en \\(English\\) or hi \\(Hindi\\)"):
        language(junk)


def test_too_large_in_hindi() -> None:
    with pytest.raises(ValueError, match="more than xlbo writes in words"):
        amount_in_words(Decimal("100000000000000"), "hi")


# -- =XLBO.AMOUNT_IN_WORDS(x, "hi") -------------------------------------------------------------


def test_worksheet_function_in_hindi_and_english() -> None:
    assert functions.amount_in_words(1234567.5, "hi") == nfc(
        "रुपये बारह लाख चौंतीस हज़ार पाँच सौ सरसठ और पचास पैसे मात्र"
    )
    assert functions.amount_in_words([[100], [0.5]], "Hindi") == [
        ["रुपये एक सौ मात्र"],
        ["रुपये शून्य और पचास पैसे मात्र"],
    ]
    english = "Rupees One Hundred Only"
    assert functions.amount_in_words(100) == english
    assert functions.amount_in_words(100, None) == english  # the optional argument left out
    assert functions.amount_in_words(100, "") == english


JUNK_CELLS = [
    None,
    "",
    "   ",
    "abc",
    "#N/A",
    "#VALUE!",
    float("nan"),
    float("inf"),
    1e300,
    True,
    object(),
]


@pytest.mark.parametrize("cell", JUNK_CELLS)
def test_worksheet_function_junk_cells(cell: object) -> None:
    answer = functions.amount_in_words(cell, "hi")
    assert isinstance(answer, str) and answer.startswith("#XLBO! ")
    assert "internal error" not in answer


def test_worksheet_function_huge_and_negative() -> None:
    assert functions.amount_in_words(-5, "hi") == nfc("ऋण रुपये पाँच मात्र")
    huge = functions.amount_in_words(1e14, "hi")
    assert huge.startswith("#XLBO! ") and "more than xlbo writes in words" in huge
    column = functions.amount_in_words([[1], ["x"], [None]], "hi")
    assert column[0] == ["रुपये एक मात्र"]
    assert column[1][0].startswith("#XLBO! ") and column[2][0].startswith("#XLBO! ")


@pytest.mark.parametrize("junk", ["fr", "#N/A", 3, [["hi"], ["en"]]])
def test_worksheet_function_junk_language(junk: object) -> None:
    answer = functions.amount_in_words(100, junk)
    assert isinstance(answer, str) and answer.startswith("#XLBO! ")
    assert "internal error" not in answer
