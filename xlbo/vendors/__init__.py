"""Vendors: what is owed to whom, by when, with how much tax deducted, and how it is paid.

Pure engines (records in, records out; no workbook is read or written here):

- `xlbo.vendors.due`: each bill's due date (MSMED Act s.15: 45 days from acceptance at most for
  a micro or small supplier, 15 without a written agreement; the vendor's payment terms for the
  rest), days overdue, and the s.43B(h) risk at the year end;
- `xlbo.vendors.tds`: TDS by section from the effective-dated `TDS Rules` (`xlbo.vendors.rules`),
  thresholds counted per vendor per financial year, 20% without a PAN (s.206AA);
- `xlbo.vendors.settle`: what each bill still owes, after the payments in the Journal;
- `xlbo.vendors.run`: the payment run proposed as on a day, one row per open bill;
- `xlbo.vendors.journal`: the purchase and payment vouchers, each balanced;
- `xlbo.vendors.bankfile`: the bank's bulk-payment file from a user's `Payment Layouts`;
- `xlbo.vendors.contracts`: contract alerts (ends, notice, guarantees) as on a day.
"""
