"""Purchases against GSTR-2B, and receipts against Form 26AS (issue 15, items 4 and 5).

Input tax credit is claimed only on what the supplier reported (GSTR-2B), and TDS credit only
on what the customer deposited (Form 26AS). Both reconciliations read what the portals hand out
and what the books hold, match them in stages with every pair explained, and say what is at risk
and whom to chase.

- `bills`: bill numbers as suppliers write them, folded for matching (`INV/26-27/042` is
  `INV42`); pure.
- `engine`: the five stages of the 2B reconciliation on two frames; pure (pandas).
- `imports`: the books' bills of entry against 2B's imports (impg, impgsez); pure (pandas).
- `risk`: input tax credit at risk summed per supplier; pure.
- `tds`: Form 26AS Part I rows against the books' TDS receivable; pure (pandas).
- `portal`, `register`, `form26as`: the readers (2B JSON with its imports and ISD credit, the purchase register as xlbo's
  Purchases sheet or Tally's Purchase Register, the 26AS text/workbook/CSV), which turn files
  into those frames or a clear message naming the file and what to do.
"""
