"""The office: supplies (stock, reorder, purchase requests), the meetings and compliance
calendar, the audit trail and HR records (issue 16). Each module is one idea and pure: it takes
records and gives back records, rows and issues; the jobs in `xlbo.jobs` read and write the
workbooks."""
