"""xlbo — the back office of an Indian company, run from Excel.

The package is the one job core behind every door (command line, classic xlwings add-in,
xlwings Lite workbooks, xlwings Server): master data, validators, engines, the workbook port
and the jobs. It imports xlwings only inside the xlwings adapter.
"""

__version__ = "0.1.0"
