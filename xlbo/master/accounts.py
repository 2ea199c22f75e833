"""The chart of accounts in the shape of Schedule III to the Companies Act, 2013.

Each account belongs to a *group* (a section of the balance sheet or the statement of profit and
loss) and a *sub-group* (the line item it is shown under). The nature (asset, liability, equity,
income, expense) follows from the group; the master workbook keeps it as a column so a reader sees
it, and the loader checks the two agree.
"""

from __future__ import annotations

from enum import StrEnum

from xlbo.master.fields import Nature


class AccountGroup(StrEnum):
    """Schedule III sections."""

    EQUITY = "Equity"
    NON_CURRENT_LIABILITIES = "Non-current Liabilities"
    CURRENT_LIABILITIES = "Current Liabilities"
    NON_CURRENT_ASSETS = "Non-current Assets"
    CURRENT_ASSETS = "Current Assets"
    INCOME = "Income"
    EXPENSES = "Expenses"


NATURE_OF_GROUP: dict[AccountGroup, Nature] = {
    AccountGroup.EQUITY: Nature.EQUITY,
    AccountGroup.NON_CURRENT_LIABILITIES: Nature.LIABILITY,
    AccountGroup.CURRENT_LIABILITIES: Nature.LIABILITY,
    AccountGroup.NON_CURRENT_ASSETS: Nature.ASSET,
    AccountGroup.CURRENT_ASSETS: Nature.ASSET,
    AccountGroup.INCOME: Nature.INCOME,
    AccountGroup.EXPENSES: Nature.EXPENSE,
}

SUB_GROUPS: dict[str, AccountGroup] = {
    "Share Capital": AccountGroup.EQUITY,
    "Other Equity": AccountGroup.EQUITY,
    "Long-term Borrowings": AccountGroup.NON_CURRENT_LIABILITIES,
    "Deferred Tax Liabilities (Net)": AccountGroup.NON_CURRENT_LIABILITIES,
    "Other Long-term Liabilities": AccountGroup.NON_CURRENT_LIABILITIES,
    "Long-term Provisions": AccountGroup.NON_CURRENT_LIABILITIES,
    "Short-term Borrowings": AccountGroup.CURRENT_LIABILITIES,
    "Trade Payables": AccountGroup.CURRENT_LIABILITIES,
    "Other Current Liabilities": AccountGroup.CURRENT_LIABILITIES,
    "Short-term Provisions": AccountGroup.CURRENT_LIABILITIES,
    "Property, Plant and Equipment": AccountGroup.NON_CURRENT_ASSETS,
    "Intangible Assets": AccountGroup.NON_CURRENT_ASSETS,
    "Capital Work-in-Progress": AccountGroup.NON_CURRENT_ASSETS,
    "Non-current Investments": AccountGroup.NON_CURRENT_ASSETS,
    "Deferred Tax Assets (Net)": AccountGroup.NON_CURRENT_ASSETS,
    "Long-term Loans and Advances": AccountGroup.NON_CURRENT_ASSETS,
    "Other Non-current Assets": AccountGroup.NON_CURRENT_ASSETS,
    "Current Investments": AccountGroup.CURRENT_ASSETS,
    "Inventories": AccountGroup.CURRENT_ASSETS,
    "Trade Receivables": AccountGroup.CURRENT_ASSETS,
    "Cash and Cash Equivalents": AccountGroup.CURRENT_ASSETS,
    "Short-term Loans and Advances": AccountGroup.CURRENT_ASSETS,
    "Other Current Assets": AccountGroup.CURRENT_ASSETS,
    "Revenue from Operations": AccountGroup.INCOME,
    "Other Income": AccountGroup.INCOME,
    "Cost of Materials Consumed": AccountGroup.EXPENSES,
    "Purchases of Stock-in-Trade": AccountGroup.EXPENSES,
    "Changes in Inventories": AccountGroup.EXPENSES,
    "Employee Benefits Expense": AccountGroup.EXPENSES,
    "Finance Costs": AccountGroup.EXPENSES,
    "Depreciation and Amortisation Expense": AccountGroup.EXPENSES,
    "Other Expenses": AccountGroup.EXPENSES,
    "Tax Expense": AccountGroup.EXPENSES,
}
"""Schedule III line items and the section each belongs to."""

DEFAULT_CHART: tuple[tuple[str, str], ...] = (
    ("Share Capital", "Share Capital"),
    ("Retained Earnings", "Other Equity"),
    ("Term Loan - HDFC Bank", "Long-term Borrowings"),
    ("Provision for Gratuity", "Long-term Provisions"),
    ("Cash Credit - HDFC Bank", "Short-term Borrowings"),
    ("Trade Payables", "Trade Payables"),
    ("Output CGST", "Other Current Liabilities"),
    ("Output SGST", "Other Current Liabilities"),
    ("Output IGST", "Other Current Liabilities"),
    ("Output UTGST", "Other Current Liabilities"),
    ("Output Cess", "Other Current Liabilities"),
    ("TDS Payable - Salary (192)", "Other Current Liabilities"),
    ("TDS Payable - Contractors (194C)", "Other Current Liabilities"),
    ("TDS Payable - Professional Fees (194J)", "Other Current Liabilities"),
    ("TDS Payable - Rent (194I)", "Other Current Liabilities"),
    ("TDS Payable - Commission (194H)", "Other Current Liabilities"),
    ("TDS Payable - Goods (194Q)", "Other Current Liabilities"),
    ("PF Payable", "Other Current Liabilities"),
    ("ESI Payable", "Other Current Liabilities"),
    ("Professional Tax Payable", "Other Current Liabilities"),
    ("LWF Payable", "Other Current Liabilities"),
    ("Salaries Payable", "Other Current Liabilities"),
    ("Full and Final Settlement Payable", "Other Current Liabilities"),
    ("Advance from Customers", "Other Current Liabilities"),
    ("Provision for Expenses", "Short-term Provisions"),
    ("Provision for Income Tax", "Short-term Provisions"),
    ("Furniture and Fixtures", "Property, Plant and Equipment"),
    ("Office Equipment", "Property, Plant and Equipment"),
    ("Computers", "Property, Plant and Equipment"),
    ("Vehicles", "Property, Plant and Equipment"),
    ("Accumulated Depreciation", "Property, Plant and Equipment"),
    ("Computer Software", "Intangible Assets"),
    ("Security Deposits", "Long-term Loans and Advances"),
    ("Stock-in-Trade", "Inventories"),
    ("Trade Receivables", "Trade Receivables"),
    ("Cash in Hand", "Cash and Cash Equivalents"),
    ("HDFC Bank Current A/c", "Cash and Cash Equivalents"),
    ("ICICI Bank Current A/c", "Cash and Cash Equivalents"),
    ("Advances to Suppliers", "Short-term Loans and Advances"),
    ("Salary Advances", "Short-term Loans and Advances"),
    ("Input CGST", "Other Current Assets"),
    ("Input SGST", "Other Current Assets"),
    ("Input IGST", "Other Current Assets"),
    ("Input Cess", "Other Current Assets"),
    ("TDS Receivable", "Other Current Assets"),
    ("Prepaid Expenses", "Other Current Assets"),
    ("Sales - Goods", "Revenue from Operations"),
    ("Sales - Services", "Revenue from Operations"),
    ("Interest Income", "Other Income"),
    ("Discount Received", "Other Income"),
    ("Round Off", "Other Income"),
    ("Notice Pay Recovered", "Other Income"),
    ("Purchases - Goods", "Purchases of Stock-in-Trade"),
    ("Freight Inward", "Purchases of Stock-in-Trade"),
    ("Change in Stock-in-Trade", "Changes in Inventories"),
    ("Salaries and Wages", "Employee Benefits Expense"),
    ("Employer PF Contribution", "Employee Benefits Expense"),
    ("Employer ESI Contribution", "Employee Benefits Expense"),
    ("Employer LWF Contribution", "Employee Benefits Expense"),
    ("Gratuity", "Employee Benefits Expense"),
    ("Leave Encashment", "Employee Benefits Expense"),
    ("Bonus", "Employee Benefits Expense"),
    ("Staff Welfare", "Employee Benefits Expense"),
    ("Interest on Term Loan", "Finance Costs"),
    ("Interest on Cash Credit", "Finance Costs"),
    ("Bank Charges", "Finance Costs"),
    ("Depreciation", "Depreciation and Amortisation Expense"),
    ("Rent", "Other Expenses"),
    ("Electricity", "Other Expenses"),
    ("Telephone and Internet", "Other Expenses"),
    ("Professional Fees", "Other Expenses"),
    ("Audit Fees", "Other Expenses"),
    ("Repairs and Maintenance", "Other Expenses"),
    ("Insurance", "Other Expenses"),
    ("Travelling and Conveyance", "Other Expenses"),
    ("Printing and Stationery", "Other Expenses"),
    ("Advertisement and Publicity", "Other Expenses"),
    ("Freight Outward", "Other Expenses"),
    ("Rates and Taxes", "Other Expenses"),
    ("Software Subscriptions", "Other Expenses"),
    ("Housekeeping and Security", "Other Expenses"),
    ("Current Tax", "Tax Expense"),
)
"""A chart of accounts for an Indian trading and services company: (account, sub-group)."""
