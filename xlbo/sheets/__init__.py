"""What a job writes, made from what its engine returns: the sheets (`ResultSheet`: column
kinds and widths, highlights, charts) and files, one module per job (`report`, `payroll`) and
the payslip workbooks (`payslip`). The engines return frames and records and know nothing of how
a sheet or a file looks.
"""
