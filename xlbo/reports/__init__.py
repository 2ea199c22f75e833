"""Reports from the books kept in the workbook: trial balance, statement of profit and loss and
balance sheet in the Schedule III shape."""
