"""The worked examples in the docstrings of the readers' modules stay true."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["xlbo.bank.columns", "xlbo.bank.tally_xml", "xlbo.columns"]


@pytest.mark.parametrize("name", MODULES)
def test_worked_examples(name: str) -> None:
    module = importlib.import_module(name)
    failed, tried = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert tried > 0
    assert failed == 0
