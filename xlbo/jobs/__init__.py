"""Jobs: each capability written once, reached through every door.

A job takes what it reads (a `Reader` or records) and returns its results as `ResultSheet`s and
issues; the door that ran it writes them (a new file on the command line, new sheets in the open
workbook from a button).
"""
