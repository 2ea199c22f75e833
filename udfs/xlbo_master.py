"""Worksheet functions about xlbo and the master data (classic add-in names: XLBO_…).

In xlwings Lite the same functions are `=XLBO.VERSION()` and `=XLBO.LOOKUP(…)`.
"""

from typing import Any

import xlwings as xw

from xlbo.excel import functions


@xw.func
def XLBO_VERSION() -> Any:
    """The version of xlbo answering these functions."""
    return functions.version()


@xw.func
@xw.arg("table", ndim=2, doc="The whole table with its header row, e.g. Vendors[#All]")
@xw.arg("key", doc="The code to find in the table's first column (a cell or a column)")
@xw.arg("field", doc="The header of the column to return, e.g. GSTIN")
def XLBO_LOOKUP(table: Any, key: Any, field: Any) -> Any:
    """A value from a master table by its code: =XLBO_LOOKUP(Vendors[#All], "V001", "GSTIN")."""
    return functions.lookup(table, key, field)
