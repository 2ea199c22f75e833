"""Readers: files and sheets turned into frames and records, with an Issue for each bad cell.

Bank statements (`statement`, its title and summary blocks in `statement_summary`, the header
words of each column in `roles`), bank ledgers (`ledger`, Tally's XML exports in `tally_xml`),
the Journal (`journal`), a Tally Day Book as a Journal (`tally_books`; the cancelled, optional and memorandum
marks both Tally readers share in `tally_marks`), and the payroll inputs
(`attendance`, `declarations`). The engines (`xlbo.bank`, `xlbo.payroll`, `xlbo.reports`) take
what these return and never read a workbook themselves.
"""
