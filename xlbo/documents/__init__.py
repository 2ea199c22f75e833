"""GST sales documents: tax invoices, bills of supply, credit and debit notes, from sheet rows.

The engine is pure (records in, records out): `issue.issue_documents` groups the Invoices sheet's
rows into documents, checks each against Rule 46 (and 49, 53), numbers the good ones per series
per financial year and works out their tax; `register` and `journal` turn the documents into the
sales register's rows and the Journal's lines. Reading the sheets and writing the documents'
workbooks and PDFs are the job's (`xlbo.jobs.invoices`).

A document is the rows with the same Document Type, Series, Date, Customer Code and Place of
Supply, in the sheet's order: two invoices to one customer on one day need two series, or two
dates.
"""
