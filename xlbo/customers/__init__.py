"""Customers: statements of account and the reminder list (issue 15, item 3), from the Journal.
Pure engines: journal lines (paise) and master records in, statements out."""
