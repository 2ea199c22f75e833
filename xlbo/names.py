"""A party's name folded for comparison, wherever names are compared: the master's audit of
names written twice, and the matcher's bank names against ledger names.

    >>> party_key("M/s. Shree Balaji Traders Pvt. Ltd.")
    'sri balaji traders'
"""

from __future__ import annotations

import re

_SPELLINGS = {
    "shree": "sri",
    "shri": "sri",
    "shre": "sri",
    "sree": "sri",
    "srii": "sri",
    "enterprise": "enterprises",
    "traders": "traders",
    "trader": "traders",
    "industry": "industries",
    "agency": "agencies",
    "centre": "center",
}


_LEGAL_WORDS = frozenset(
    {
        "private",
        "limited",
        "ltd",
        "pvt",
        "llp",
        "co",
        "company",
        "corporation",
        "corp",
        "inc",
        "opc",
        "india",
        "p",
    }
)
_HONORIFICS = frozenset({"ms", "messrs", "m"})
_NON_WORD = re.compile(r"[^a-z0-9 ]+")


def party_key(name: str) -> str:
    """A party's name folded for comparison: case, punctuation, suffixes and spellings gone."""
    text = _NON_WORD.sub(" ", name.casefold().replace("&", " and ").replace("m/s", "ms "))
    words = text.split()
    if words and words[0] in _HONORIFICS:
        words = words[1:]
    kept = []
    for position, word in enumerate(words):
        if word in _LEGAL_WORDS or (
            word == "and" and position + 1 < len(words) and words[position + 1] in ("co", "company")
        ):
            continue
        kept.append(_SPELLINGS.get(word, word))
    return " ".join(kept)
