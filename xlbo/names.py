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
    "laxmi": "lakshmi",
    "luxmi": "lakshmi",
    "mohd": "mohammed",
    "mohamed": "mohammed",
    "mohammad": "mohammed",
    "muhammad": "mohammed",
    "mohamad": "mohammed",
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


def party_key(name: str, *, initials: bool = False) -> str:
    """A party's name folded for comparison: case, punctuation, suffixes and spellings gone.

    With `initials`, a person's initials stay: a lone `p` is the `(P)` of `(P) Ltd` only before
    another legal word or at the end of a name of three words or more (`S P Jadhav` keeps it,
    `Kaveri Textiles P` — Ltd cut off — does not), and a lone `m` first is an initial, not
    the M of M/s (`M Pai` is Manjunath Pai, not Anitha Pai).

    >>> party_key("S. P. Jadhav"), party_key("S. P. Jadhav", initials=True)
    ('s jadhav', 's p jadhav')
    >>> party_key("M Pai", initials=True), party_key("Kaveri Textiles (P) Ltd.", initials=True)
    ('m pai', 'kaveri textiles')
    """
    text = _NON_WORD.sub(" ", name.casefold().replace("&", " and ").replace("m/s", "ms "))
    words = text.split()
    if words and words[0] in _HONORIFICS and not (initials and words[0] == "m"):
        words = words[1:]
    kept = []
    for position, word in enumerate(words):
        if initials and word == "p" and not _legal_p(words, position):
            kept.append(word)
            continue
        if word in _LEGAL_WORDS or (
            word == "and" and position + 1 < len(words) and words[position + 1] in ("co", "company")
        ):
            continue
        kept.append(_SPELLINGS.get(word, word))
    return " ".join(kept)


def _legal_p(words: list[str], position: int) -> bool:
    """Whether the lone `p` at `position` is the `(P)` of `(P) Ltd`: another legal word follows
    it, or it ends a name of three words or more."""
    if position + 1 < len(words):
        return words[position + 1] in _LEGAL_WORDS
    return len(words) >= 3
