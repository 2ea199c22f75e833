"""Sheet builders: an engine's frames made into the sheets a job writes (`ResultSheet`: column
kinds and widths, highlights, charts), one module per job (`report`, `payroll`). The engines
return frames and records and know nothing of how a sheet looks.
"""
