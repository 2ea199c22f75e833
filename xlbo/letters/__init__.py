"""Letters and mail merge: a Word template merged with each row of a sheet (issue 14, item 4).

- `template`: checking a template before the merge (a tag Word split across runs, a tag naming
  no column) and merging one row (docxtpl in Jinja's sandbox, autoescaped);
- `fields`: a row as the template's fields (headers made Jinja names, cells as the letter prints
  them) and the filters `inr`, `words`, `mask`;
- `shipped`: xlbo's own templates, in English and Hindi, written by python-docx;
- `figures` (pure) and `sources` (reading the Journal and the payroll registers): what a
  reminder, a payment advice or a salary certificate lists;
- `mail`: a letter as an .eml draft for the user's mail client.

The job that ties them together is `xlbo.jobs.letters` (`xlbo letters`, the Letters button).
"""
