"""Text for fixed-format files: what a field may not hold, taken out and said.

The files payroll hands to the EPFO, the ESIC and the bank are read by programs, not people. A
name holding the ECR's field separator `#~#` would add fields to the member's line; a comma or a
quote in a bank file's beneficiary name splits or swallows columns in most banks' bulk-upload
readers; a line break anywhere starts a new record. Such characters are replaced by a space (runs
of spaces folded to one), and each change is returned so the payroll can report it as an Issue:
the Employees sheet keeps the person's name as typed.

    >>> clean_field("Ravi#~#PATIL", FixedFile.ECR)
    ('Ravi PATIL', ("'#~#' (the ECR field separator)",))
    >>> clean_field('Shah, "Ketan"', FixedFile.BANK)
    ('Shah Ketan', ('a comma (the CSV field separator)', 'a double quote (the CSV quote mark)'))
    >>> clean_field("Asha Rao", FixedFile.ESI)
    ('Asha Rao', ())

A field longer than the file holds (a name pasted twice, a paragraph pasted into the cell) is
cut to the file's length and the cut is reported the same way: the EPFO ECR holds 85 characters
of a member's name, and banks' bulk-transfer files 35 of a beneficiary's (the shortest limit
among Indian banks' templates, so the file is accepted by all of them).

    >>> clean_field("Venkata Lakshmi Narasimha Subrahmanya Sastry", FixedFile.BANK)
    ('Venkata Lakshmi Narasimha Subrahman', ('44 characters where 35 fit',))
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum


class FixedFile(StrEnum):
    """A file whose layout a program reads: the words are how messages name it."""

    ECR = "EPFO ECR"
    ESI = "ESIC upload"
    BANK = "bank transfer file"


_LINE_BREAKS = "\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029"

#: Per file, what its fields may not hold (checked in this order) and how a message names it.
SEPARATORS: dict[FixedFile, tuple[tuple[str, str], ...]] = {
    FixedFile.ECR: (
        ("#~#", "'#~#' (the ECR field separator)"),
        ("#", "'#' (part of the ECR field separator)"),
        ("~", "'~' (part of the ECR field separator)"),
    ),
    FixedFile.ESI: (),
    FixedFile.BANK: (
        (",", "a comma (the CSV field separator)"),
        ('"', "a double quote (the CSV quote mark)"),
        (";", "a semicolon (a field separator to some banks)"),
    ),
}
_SPACES = re.compile(r" {2,}")

LONGEST: dict[FixedFile, int] = {FixedFile.ECR: 85, FixedFile.BANK: 35}
"""Per file, the most characters a field may hold (its name field's limit)."""


def _control(character: str) -> str | None:
    """How a message names a character no fixed-format field may hold; None for the rest."""
    if character in _LINE_BREAKS:
        return "a line break"
    if character == "\t":
        return "a tab"
    if unicodedata.category(character) in ("Cc", "Cf"):
        return f"the invisible character U+{ord(character):04X}"
    return None


def clean_field(text: str, file: FixedFile) -> tuple[str, tuple[str, ...]]:
    """The field as `file` may hold it, and what was taken out (each kind named once, in the
    order found); `(text, ())` when nothing had to change."""
    cleaned, removed = _take_out(text, file)
    longest = LONGEST.get(file)
    if longest is not None and len(cleaned) > longest:
        removed = (*removed, f"{len(cleaned):,} characters where {longest} fit")
        cleaned = cleaned[:longest].rstrip()
    return cleaned, removed


def _take_out(text: str, file: FixedFile) -> tuple[str, tuple[str, ...]]:
    separators = SEPARATORS[file]
    if text.isprintable() and not any(mark in text for mark, _ in separators):
        return text, ()
    removed: list[str] = []
    for mark, named in separators:
        if mark in text:
            text = text.replace(mark, " ")
            removed.append(named)
    kept = []
    for character in text:
        named_control = _control(character)
        if named_control is None:
            kept.append(character)
            continue
        kept.append("" if unicodedata.category(character) == "Cf" else " ")
        if named_control not in removed:
            removed.append(named_control)
    cleaned = _SPACES.sub(" ", "".join(kept)).strip()
    return cleaned, tuple(removed)
