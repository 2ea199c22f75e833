"""Amounts in words, the Indian way, for invoices, receipts, cheques and letters — in English or
Hindi.

    >>> amount_in_words(Decimal("125000.50"))
    'Rupees One Lakh Twenty-Five Thousand and Fifty Paise Only'
    >>> amount_in_words(Decimal("123456789.05"))
    'Rupees Twelve Crore Thirty-Four Lakh Fifty-Six Thousand Seven Hundred Eighty-Nine and Five Paise Only'
    >>> amount_in_words(Decimal("1234567.50"), "hi")
    'रुपये बारह लाख चौंतीस हज़ार पाँच सौ सरसठ और पचास पैसे मात्र'

English: lakh and crore, not million and billion; above a hundred crore the crores are
themselves counted in lakhs and thousands ("One Lakh Crore"). Hyphens in twenty-one to
ninety-nine; "and" only before the paise. Amounts are rounded half up to the paisa first.

Hindi: every number from 0 to 99 is its own word (इक्कीस, not "बीस एक"), so xlbo keeps its own
table of them; above that the words compose as in English — सौ (hundred), हज़ार (thousand),
लाख, करोड़ — and beyond a crore the Indian scale goes on in steps of a hundred: अरब (100 crore),
खरब (100 अरब), नील (100 खरब). "और" joins the पैसे; "मात्र" ends the amount as "Only" does.
Spellings are those of the standard Hindi dictionaries (छह, अठारह, तिरपन, तिरसठ, छियासठ);
the text is in Unicode NFC (so ज़ is ज followed by the nukta sign, as a Word or PDF search
finds it).
"""

from __future__ import annotations

import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any


class Language(StrEnum):
    """The language a document, a letter or an amount in words is written in."""

    EN = "en"
    HI = "hi"

    @property
    def label(self) -> str:
        return "English" if self is Language.EN else "Hindi"


_LANGUAGE_NAMES = {
    "en": Language.EN,
    "eng": Language.EN,
    "english": Language.EN,
    "hi": Language.HI,
    "hin": Language.HI,
    "hindi": Language.HI,
    unicodedata.normalize("NFC", "हिन्दी"): Language.HI,
    unicodedata.normalize("NFC", "हिंदी"): Language.HI,
}


def language(value: Any) -> Language:
    """A language from a cell or an argument: en/English or hi/Hindi/हिन्दी, any case; a blank
    is English. Anything else is a ValueError naming the choices."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return Language.EN
    if isinstance(value, Language):
        return value
    key = (
        unicodedata.normalize("NFC", str(value).strip()).casefold()
        if isinstance(value, str)
        else ""
    )
    found = _LANGUAGE_NAMES.get(key)
    if found is None:
        shown = str(value)[:40] if isinstance(value, str | int | float) else type(value).__name__
        raise ValueError(f"'{shown}' is not a language xlbo writes; use en (English) or hi (Hindi)")
    return found


_ONES = (
    "",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Eleven",
    "Twelve",
    "Thirteen",
    "Fourteen",
    "Fifteen",
    "Sixteen",
    "Seventeen",
    "Eighteen",
    "Nineteen",
)
_TENS = ("", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety")

_HINDI_DECADES = (
    "शून्य एक दो तीन चार पाँच छह सात आठ नौ",
    "दस ग्यारह बारह तेरह चौदह पंद्रह सोलह सत्रह अठारह उन्नीस",
    "बीस इक्कीस बाईस तेईस चौबीस पच्चीस छब्बीस सत्ताईस अट्ठाईस उनतीस",
    "तीस इकतीस बत्तीस तैंतीस चौंतीस पैंतीस छत्तीस सैंतीस अड़तीस उनतालीस",
    "चालीस इकतालीस बयालीस तैंतालीस चौंतालीस पैंतालीस छियालीस सैंतालीस अड़तालीस उनचास",
    "पचास इक्यावन बावन तिरपन चौवन पचपन छप्पन सत्तावन अट्ठावन उनसठ",
    "साठ इकसठ बासठ तिरसठ चौंसठ पैंसठ छियासठ सरसठ अड़सठ उनहत्तर",
    "सत्तर इकहत्तर बहत्तर तिहत्तर चौहत्तर पचहत्तर छिहत्तर सतहत्तर अठहत्तर उन्यासी",
    "अस्सी इक्यासी बयासी तिरासी चौरासी पचासी छियासी सत्तासी अठासी नवासी",
    "नब्बे इक्यानवे बानवे तिरानवे चौरानवे पचानवे छियानवे सत्तानवे अट्ठानवे निन्यानवे",
)
"""Hindi's words for 0 to 99 a decade a line (0-9, 10-19, …)."""

_HINDI_BELOW_HUNDRED = tuple(
    unicodedata.normalize("NFC", word) for decade in _HINDI_DECADES for word in decade.split()
)
"""Hindi's words for 0 to 99, each its own (a table, not a rule)."""

_HINDI_SCALE = tuple(
    (size, unicodedata.normalize("NFC", word))
    for size, word in (
        (10**13, "नील"),
        (10**11, "खरब"),
        (10**9, "अरब"),
        (10**7, "करोड़"),
        (10**5, "लाख"),
        (10**3, "हज़ार"),
    )
)
_HINDI_HUNDRED = "सौ"
_HINDI = {
    "rupees": "रुपये",
    "and": "और",
    "paise": "पैसे",
    "only": "मात्र",
    "minus": "ऋण",
}

LARGEST_IN_WORDS = Decimal("99999999999999.99")
"""The largest amount written in words (₹99,99,99,99,99,999.99: ninety-nine lakh crore and more)."""


def _below_hundred(number: int) -> str:
    if number < 20:
        return _ONES[number]
    tens, ones = divmod(number, 10)
    return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")


def _below_thousand(number: int) -> str:
    hundreds, rest = divmod(number, 100)
    parts = [f"{_ONES[hundreds]} Hundred"] if hundreds else []
    if rest:
        parts.append(_below_hundred(rest))
    return " ".join(parts)


def whole_in_words(number: int) -> str:
    """A whole number in Indian words: 1234567 → 'Twelve Lakh Thirty-Four Thousand Five Hundred
    Sixty-Seven'; 0 → 'Zero'."""
    if number == 0:
        return "Zero"
    crores, rest = divmod(number, 10_000_000)
    lakhs, rest = divmod(rest, 100_000)
    thousands, rest = divmod(rest, 1_000)
    parts = []
    if crores:
        parts.append(f"{whole_in_words(crores)} Crore")
    if lakhs:
        parts.append(f"{_below_hundred(lakhs)} Lakh")
    if thousands:
        parts.append(f"{_below_hundred(thousands)} Thousand")
    if rest:
        parts.append(_below_thousand(rest))
    return " ".join(parts)


def whole_in_hindi(number: int) -> str:
    """A whole number in Hindi words: 1234567 → 'बारह लाख चौंतीस हज़ार पाँच सौ सरसठ';
    0 → 'शून्य'; 10**9 → 'एक अरब'."""
    if number < 0:
        raise ValueError(f"{number} is negative; write its size and say ऋण (minus) apart")
    if number == 0:
        return _HINDI_BELOW_HUNDRED[0]
    parts = []
    rest = number
    for position, (size, word) in enumerate(_HINDI_SCALE):
        count, rest = divmod(rest, size)
        if count:
            # the top step (नील) counts past 99 as a whole number; the others hold two digits
            counted = whole_in_hindi(count) if position == 0 else _HINDI_BELOW_HUNDRED[count]
            parts.append(f"{counted} {word}")
    hundreds, rest = divmod(rest, 100)
    if hundreds:
        parts.append(f"{_HINDI_BELOW_HUNDRED[hundreds]} {_HINDI_HUNDRED}")
    if rest:
        parts.append(_HINDI_BELOW_HUNDRED[rest])
    return " ".join(parts)


def amount_in_words(
    amount: Decimal | int | str, lang: Language | str = Language.EN, currency: str = ""
) -> str:
    """An amount in rupees as words, e.g. for the 'Amount in words' line of an invoice, in
    English (`lang="en"`, the default) or Hindi (`lang="hi"`). `currency` replaces the word
    'Rupees' (रुपये)."""
    chosen = language(lang)
    value = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if abs(value) > LARGEST_IN_WORDS:
        raise ValueError(
            f"{value} is more than xlbo writes in words (up to ₹99,99,99,99,99,999.99)"
        )
    rupees, paise = divmod(int(abs(value) * 100), 100)
    if chosen is Language.HI:
        sign = f"{_HINDI['minus']} " if value < 0 else ""
        text = f"{sign}{currency or _HINDI['rupees']} {whole_in_hindi(rupees)}"
        if paise:
            text += f" {_HINDI['and']} {_HINDI_BELOW_HUNDRED[paise]} {_HINDI['paise']}"
        return f"{text} {_HINDI['only']}"
    sign = "Minus " if value < 0 else ""
    text = f"{sign}{currency or 'Rupees'} {whole_in_words(rupees)}"
    if paise:
        text += f" and {_below_hundred(paise)} Paise"
    return text + " Only"
