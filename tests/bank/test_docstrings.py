"""The worked examples in the bank modules' docstrings (the matcher's and the readers') stay
true."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "xlbo.bank.match",
    "xlbo.bank.brs",
    "xlbo.bank.combinations",
    "xlbo.bank.parties",
    "xlbo.bank.references",
    "xlbo.bank.side",
    "xlbo.bank.splits",
    "xlbo.bank.window",
    "xlbo.bank.wrong_way",
    "xlbo.readers.roles",
    "xlbo.readers.header_words",
    "xlbo.bank.payers",
    "xlbo.bank.columns",
    "xlbo.readers.tally_xml",
    "xlbo.columns",
    "xlbo.together",
    "xlbo.dates",
    "xlbo.readers.statement_summary",
    "xlbo.readers.paise_columns",
]


@pytest.mark.parametrize("name", MODULES)
def test_worked_examples(name: str) -> None:
    module = importlib.import_module(name)
    failed, tried = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert tried > 0
    assert failed == 0
