"""The worked examples in the payroll modules' docstrings run with the suite."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["xlbo.payroll.file_names", "xlbo.payroll.fixed_fields", "xlbo.payroll.not_paid"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    failed, tried = doctest.testmod(importlib.import_module(name))
    assert tried > 0, f"{name} has no examples"
    assert failed == 0
