from decimal import Decimal

import pytest

from xlbo.gst import gst_split
from xlbo.words import amount_in_words, whole_in_words


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("0", "Rupees Zero Only"),
        ("1", "Rupees One Only"),
        ("0.50", "Rupees Zero and Fifty Paise Only"),
        ("100000", "Rupees One Lakh Only"),
        ("125000.50", "Rupees One Lakh Twenty-Five Thousand and Fifty Paise Only"),
        (
            "1234567.50",
            "Rupees Twelve Lakh Thirty-Four Thousand Five Hundred Sixty-Seven and Fifty Paise Only",
        ),
        (
            "123456789.05",
            "Rupees Twelve Crore Thirty-Four Lakh Fifty-Six Thousand Seven Hundred Eighty-Nine and Five Paise Only",
        ),
        (
            "999999999999.99",
            "Rupees Ninety-Nine Thousand Nine Hundred Ninety-Nine Crore Ninety-Nine Lakh Ninety-Nine Thousand Nine Hundred Ninety-Nine and Ninety-Nine Paise Only",
        ),
        (
            "99999999999999.99",
            "Rupees Ninety-Nine Lakh Ninety-Nine Thousand Nine Hundred Ninety-Nine Crore Ninety-Nine Lakh Ninety-Nine Thousand Nine Hundred Ninety-Nine and Ninety-Nine Paise Only",
        ),
        ("1000000000000", "Rupees One Lakh Crore Only"),
        ("-12.50", "Minus Rupees Twelve and Fifty Paise Only"),
        ("10.005", "Rupees Ten and One Paise Only"),
        ("110", "Rupees One Hundred Ten Only"),
    ],
)
def test_amount_in_words(amount: str, words: str) -> None:
    assert amount_in_words(Decimal(amount)) == words


def test_too_large_for_words() -> None:
    with pytest.raises(ValueError, match="more than xlbo writes in words"):
        amount_in_words(Decimal("100000000000000"))


def test_whole_numbers() -> None:
    assert whole_in_words(21) == "Twenty-One"
    assert whole_in_words(100100) == "One Lakh One Hundred"


@pytest.mark.parametrize(
    ("supplier", "destination", "expected"),
    [
        ("Maharashtra", "Maharashtra", ("900.00", "900.00", "0.00", False)),
        ("27AAPFU0939F1ZV", "27", ("900.00", "900.00", "0.00", False)),
        ("Maharashtra", "Karnataka", ("0.00", "0.00", "1800.00", False)),
        ("Chandigarh", "chandigarh", ("900.00", "900.00", "0.00", True)),
        ("Delhi", "Delhi", ("900.00", "900.00", "0.00", False)),
    ],
)
def test_gst_split_intra_vs_inter_state(
    supplier: str, destination: str, expected: tuple[str, str, str, bool]
) -> None:
    split = gst_split("10,000", "18%", supplier, destination)
    assert (str(split.cgst), str(split.sgst), str(split.igst), split.utgst) == expected
    assert split.total == Decimal("1800.00")


def test_gst_halves_round_half_up_each() -> None:
    split = gst_split(Decimal("100.05"), Decimal("0.05"), "Maharashtra", "Maharashtra")
    assert split.cgst == split.sgst == Decimal("2.50")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((None, "18%", "MH", "MH"), "taxable value is blank"),
        (("100", None, "MH", "MH"), "GST rate is blank"),
        (("100", "18%", None, "MH"), "supplier's state is blank"),
        (("100", "18%", "MH", "Atlantis"), "'Atlantis' is not an Indian state"),
    ],
)
def test_gst_split_says_what_is_missing(args: tuple[object, ...], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        gst_split(*args)
