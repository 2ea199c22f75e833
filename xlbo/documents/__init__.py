"""GST sales documents — tax invoices, bills of supply, credit and debit notes, receipt and
refund vouchers for advances — and payment receipts, from sheet rows.

The engine is pure (records in, records out): `issue.issue_documents` groups the Invoices sheet's
rows into documents, checks each against Rule 46 (and 49, 50, 51, 53), numbers the good ones
per series per financial year and works out their tax; `register` and `journal` turn the
documents into the sales register's rows and the Journal's lines; `receipts` issues the
Receipts sheet's receipts (what each settles, the s.269ST cash bar) and `receipt_books` puts
them in the register and the Journal. Reading the sheets and writing the documents' workbooks
and PDFs are the job's (`xlbo.jobs.invoices`).

Receipt vouchers (Rule 50): Rate is the money received, tax in it; a blank GST Rate is 18%
(Rule 50's first proviso: "rate unknown → 18%"); an advance for goods pays no tax
(Notification 66/2017-CT). A blank Place of Supply is the customer's State, as for any
document: for a service that is the recipient's location (IGST Act s.12(2)), so the second
proviso ("nature unknown → inter-State") does not arise from the sheet.

A document is the rows with the same Document Type, Series, Date, Customer Code and Place of
Supply, in the sheet's order: two invoices to one customer on one day need two series, or two
dates.
"""
