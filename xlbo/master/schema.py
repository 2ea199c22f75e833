"""The master workbook's sheets: which record each holds, its Excel Table, its key, and what it
means — the one list that `xlbo init` writes from and `xlbo.master.load` reads by.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic.fields import FieldInfo

from xlbo.book.display import Column
from xlbo.master import defaults
from xlbo.master.fields import Shown
from xlbo.master.records import (
    Account,
    BankAccount,
    Company,
    Customer,
    Employee,
    InvoiceLine,
    Item,
    PurchaseBill,
    ReceiptLine,
    Record,
    Vendor,
)
from xlbo.master.rules import (
    ESIRule,
    GSTRate,
    IncomeTaxRule,
    IncomeTaxSlab,
    LWFRule,
    PFRule,
    PTSlab,
    SurchargeSlab,
)
from xlbo.office.calendar import ComplianceRule, Meeting, shipped_compliance_rules
from xlbo.office.checklist import EmployeeDocument
from xlbo.office.leave import LeaveRule, LeaveTaken, shipped_leave_rules
from xlbo.office.settlement import (
    BonusRule,
    GratuityRule,
    Holiday,
    Recovery,
    shipped_bonus_rules,
    shipped_gratuity_rules,
)
from xlbo.office.stock import PurchaseRequest, StockItem, StockMove
from xlbo.vendors.certificates import TDSCertificate
from xlbo.vendors.contracts import Contract
from xlbo.vendors.layouts import LayoutField, default_layouts
from xlbo.vendors.rules import TDSRule, tds_rules

DATA_TAB = "#2F75B5"
RULE_TAB = "#548235"


@dataclass(frozen=True)
class MasterTable:
    """One sheet of the master workbook."""

    sheet: str
    attr: str
    """Attribute of `MasterData` that holds the sheet's records."""
    record: type[Record]
    excel_table: str
    about: str
    key: str | None = None
    """Header of the column whose values must be unique (the code other sheets refer to)."""
    is_rule: bool = False
    """Rule sheets fall back to xlbo's shipped defaults when absent."""
    defaults: Callable[[], Sequence[Record]] | None = None
    spare_rows: int = 300

    @property
    def fields(self) -> list[tuple[str, FieldInfo]]:
        return list(self.record.model_fields.items())

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(f.alias or name for name, f in self.fields)

    @property
    def required_headers(self) -> tuple[str, ...]:
        return tuple(f.alias or name for name, f in self.fields if f.is_required())

    def header_of(self, attr: str) -> str:
        return self.record.model_fields[attr].alias or attr

    def columns(self) -> dict[str, Column]:
        """Display of each column, from the field's type marker and description."""
        shown: dict[str, Column] = {}
        for name, info in self.fields:
            marker = next((m for m in info.metadata if isinstance(m, Shown)), Shown())
            required = " Required." if info.is_required() else ""
            shown[info.alias or name] = Column(
                kind=marker.kind,
                width=marker.width,
                choices=marker.choices,
                comment=f"{info.description or ''}{required}".strip(),
            )
        return shown

    def shipped(self) -> list[Record]:
        return list(self.defaults()) if self.defaults else []


MASTER_TABLES: tuple[MasterTable, ...] = (
    MasterTable(
        "Company",
        "company",
        Company,
        "Company",
        "Your company's name, address, state, registrations (GSTIN, PAN, TAN, PF and ESI codes) "
        "and the month its financial year starts. One row.",
        spare_rows=0,
    ),
    MasterTable(
        "Employees",
        "employees",
        Employee,
        "Employees",
        "Everyone on the payroll: personal details, statutory numbers (PAN, Aadhaar, UAN, ESI), "
        "salary account, tax regime and monthly pay structure. One row per employee.",
        key="Employee ID",
    ),
    MasterTable(
        "Vendors",
        "vendors",
        Vendor,
        "Vendors",
        "Suppliers: GSTIN and PAN, bank details for payments, payment terms, TDS section, MSME.",
        key="Vendor Code",
    ),
    MasterTable(
        "Customers",
        "customers",
        Customer,
        "Customers",
        "Customers: GSTIN, state of supply, contact, credit days and credit limit.",
        key="Customer Code",
    ),
    MasterTable(
        "Accounts",
        "accounts",
        Account,
        "Accounts",
        "The chart of accounts: each ledger with its Schedule III group and sub-group, its nature "
        "and its opening balance for the year. Opening debits must equal opening credits.",
        key="Account",
        defaults=defaults.chart_of_accounts,
    ),
    MasterTable(
        "Bank Accounts",
        "bank_accounts",
        BankAccount,
        "BankAccounts",
        "The company's bank accounts, each tied to its ledger in Accounts.",
        key="Account",
        spare_rows=30,
    ),
    MasterTable(
        "PF Rules",
        "pf_rules",
        PFRule,
        "PFRules",
        "Provident fund: wage definition, ceiling, employee and employer rates, EPS, EDLI, admin "
        "charges, rounding. Add a row with a new Effective From date when the law changes.",
        is_rule=True,
        defaults=defaults.pf_rules,
        spare_rows=10,
    ),
    MasterTable(
        "ESI Rules",
        "esi_rules",
        ESIRule,
        "ESIRules",
        "ESI: employee and employer rates, wage ceilings, the low-wage exemption, rounding.",
        is_rule=True,
        defaults=defaults.esi_rules,
        spare_rows=10,
    ),
    MasterTable(
        "PT Slabs",
        "pt_slabs",
        PTSlab,
        "PTSlabs",
        "Professional tax slabs by state (and gender where a state distinguishes), with "
        "February's higher amount and half-yearly deduction months. States not listed levy none.",
        is_rule=True,
        defaults=defaults.pt_slabs,
        spare_rows=40,
    ),
    MasterTable(
        "LWF Rules",
        "lwf_rules",
        LWFRule,
        "LWFRules",
        "Labour welfare fund contributions by state and the months they are deducted.",
        is_rule=True,
        defaults=defaults.lwf_rules,
        spare_rows=20,
    ),
    MasterTable(
        "Income Tax Slabs",
        "income_tax_slabs",
        IncomeTaxSlab,
        "IncomeTaxSlabs",
        "Income-tax slab rates by financial year, regime and age group.",
        is_rule=True,
        defaults=defaults.income_tax_slabs,
        spare_rows=40,
    ),
    MasterTable(
        "Income Tax Rules",
        "income_tax_rules",
        IncomeTaxRule,
        "IncomeTaxRules",
        "Standard deduction, 87A rebate, cess and 80C limit by financial year and regime.",
        is_rule=True,
        defaults=defaults.income_tax_rules,
        spare_rows=10,
    ),
    MasterTable(
        "Surcharge Slabs",
        "surcharge_slabs",
        SurchargeSlab,
        "SurchargeSlabs",
        "Surcharge rates above 50 lakh, 1 crore, 2 crore (and 5 crore in the old regime).",
        is_rule=True,
        defaults=defaults.surcharge_slabs,
        spare_rows=10,
    ),
    MasterTable(
        "GST Rates",
        "gst_rates",
        GSTRate,
        "GSTRates",
        "GST rates in force (GST 2.0 from 22-09-2025) and the former 12% and 28%.",
        is_rule=True,
        defaults=defaults.gst_rates,
        spare_rows=10,
    ),
)

BY_SHEET: dict[str, MasterTable] = {t.sheet: t for t in MASTER_TABLES}

INVOICES = MasterTable(
    "Invoices",
    "invoice_lines",
    InvoiceLine,
    "Invoices",
    "Sales documents to issue, one row per line item: rows with the same Document Type, Series, "
    "Date, Customer Code and Place of Supply make one document. `xlbo invoices` numbers, checks "
    "and issues them (PDF, register, journal); Document No stays blank here.",
    spare_rows=200,
)
ITEMS = MasterTable(
    "Items",
    "items",
    Item,
    "Items",
    "Goods and services you sell: description, HSN/SAC, unit, rate and GST rate, so an invoice "
    "line needs only the item's code in Description.",
    key="Code",
    spare_rows=100,
)
RECEIPTS = MasterTable(
    "Receipts",
    "receipt_lines",
    ReceiptLine,
    "Receipts",
    "Money received from customers, one row per payment: `xlbo invoices` issues a receipt for "
    "each (series RCT), settles the invoices named in Against Invoices (blank: the oldest open), "
    "and posts it; cash of Rs 2 lakh or more from one person in a day is refused (s.269ST).",
    spare_rows=200,
)
DOCUMENT_TABLES: tuple[MasterTable, ...] = (INVOICES, ITEMS, RECEIPTS)
"""The sheets the Invoices job reads (from the books or the master workbook). They follow the
master sheets in the template; `xlbo validate` and the other jobs do not read them."""

PURCHASES = MasterTable(
    "Purchases",
    "purchases",
    PurchaseBill,
    "Purchases",
    "Vendors' bills, one row per bill: taxable value, GST heads, TDS section and the due date "
    "if agreed. `xlbo payables` proposes what to pay and when (MSME 45 days, TDS); the "
    "vendor's GSTIN, PAN and MSME class come from Vendors.",
    spare_rows=200,
)
TDS_RULES = MasterTable(
    "TDS Rules",
    "tds_rules",
    TDSRule,
    "TDSRules",
    "TDS on payments to vendors by section: rates (individual/HUF, others, without PAN), "
    "single-bill and aggregate thresholds, effective dates; the Income-tax Act 2025's rows "
    "(payment codes) apply to bills from 01-04-2026. Add a row when the law changes.",
    is_rule=True,
    defaults=tds_rules,
    spare_rows=20,
)
PAYMENT_LAYOUTS = MasterTable(
    "Payment Layouts",
    "payment_layouts",
    LayoutField,
    "PaymentLayouts",
    "Your bank's bulk-payment file, one row per field (CSV or fixed width, header and footer "
    "lines, widths, formats); `xlbo payables --confirm` writes it. A generic NEFT/RTGS CSV "
    "comes pre-filled.",
    is_rule=True,
    defaults=default_layouts,
    spare_rows=40,
)
CONTRACTS = MasterTable(
    "Contracts",
    "contracts",
    Contract,
    "Contracts",
    "Contracts with vendors and customers: term, auto-renewal, notice period, value, payment "
    "terms, security deposit or bank guarantee and its expiry, owner. `xlbo contracts` lists "
    "what ends, needs notice or has a guarantee expiring, with a calendar (.ics).",
    key="Contract ID",
    spare_rows=100,
)
TDS_CERTIFICATES = MasterTable(
    "TDS Certificates",
    "tds_certificates",
    TDSCertificate,
    "TDSCertificates",
    "Vendors' lower- or nil-deduction certificates (s.197; s.395(1) of the 2025 Act): section, "
    "rate, validity and amount limit. `xlbo payables` deducts at the certificate's rate until "
    "its limit is used up by the vendor's bills.",
    spare_rows=30,
)
VENDOR_TABLES: tuple[MasterTable, ...] = (
    PURCHASES,
    TDS_RULES,
    TDS_CERTIFICATES,
    PAYMENT_LAYOUTS,
    CONTRACTS,
)
"""The sheets the payables and contracts jobs read (from the books or the master workbook),
written after the document sheets in the template."""

HR_TABLES: tuple[MasterTable, ...] = (
    MasterTable("Leave Rules", "leave_rules", LeaveRule, "LeaveRules",
                "Leave by State and type: how it accrues, the carry-forward cap, lapse, "
                "encashment, from when (Maharashtra S&E Act 2017 s.18 shipped).",
                is_rule=True, defaults=shipped_leave_rules, spare_rows=30),
    MasterTable("Leave Taken", "leave_taken", LeaveTaken, "LeaveTaken",
                "Leave taken: one row per spell (Employee ID, Type, From, To, Days).",
                spare_rows=300),
    MasterTable("Gratuity Rules", "gratuity_rules", GratuityRule, "GratuityRules",
                "Gratuity: qualifying years (5; 1 for fixed-term staff from 21-11-2025), "
                "15/26 of a month's wage a year, the cap (Rs 20 lakh), from when.",
                is_rule=True, defaults=shipped_gratuity_rules, spare_rows=10),
    MasterTable("Bonus Rules", "bonus_rules", BonusRule, "BonusRules",
                "Statutory bonus: 8.33% to 20%, counted on Rs 7,000 or the minimum wage, "
                "for salaries up to Rs 21,000 with 30 days' work.",
                is_rule=True, defaults=shipped_bonus_rules, spare_rows=10),
    MasterTable("Recoveries", "recoveries", Recovery, "Recoveries",
                "Loans and advances to recover from an employee's final settlement.",
                spare_rows=100),
    MasterTable("Holidays", "holidays", Holiday, "Holidays",
                "The establishment's paid holidays (the pay-by date skips them and Sundays).",
                spare_rows=30),
    MasterTable("Employee Documents", "employee_documents", EmployeeDocument,
                "EmployeeDocuments",
                "The employee file: one row per document received (appointment letter, "
                "Form 11, PF nomination, …) and whether the copy is on file.",
                spare_rows=300),
)  # fmt: skip
"""The HR records' sheets (leave, final settlement, the employee file): `xlbo leave` and
`xlbo final-settlement` read them from the master workbook, the rule sheets falling back to the
shipped defaults. `xlbo init` writes them with the office sheets (`OFFICE_TABLES`)."""

STOCK_ITEMS = MasterTable(
    "Stock Items",
    "stock_items",
    StockItem,
    "StockItems",
    "Office supplies kept in stock: unit, location, reorder level and quantity, lead time and "
    "preferred vendor. `xlbo stock` writes the stock register and proposes purchase requests.",
    key="Code",
    spare_rows=100,
)
STOCK_MOVES = MasterTable(
    "Stock Moves",
    "stock_moves",
    StockMove,
    "StockMoves",
    "Each receipt into stock (with its rate) and issue out of it (to a department or person); "
    "issues are valued at the moving weighted average.",
    spare_rows=300,
)
PURCHASE_REQUESTS = MasterTable(
    "Purchase Requests",
    "purchase_requests",
    PurchaseRequest,
    "PurchaseRequests",
    "Requests to buy (PR/26-27/0001…) and their status: open and ordered ones count as on the "
    "way, so `xlbo stock` never requests an item twice. Copy its proposed requests here.",
    key=None,
    spare_rows=100,
)
MEETINGS = MasterTable(
    "Meetings",
    "meetings",
    Meeting,
    "Meetings",
    "Meetings, once or repeating (daily, weekly, monthly or an RRULE), with attendees' e-mails "
    "and a reminder: `xlbo calendar` writes them with the due dates to an .ics file.",
    spare_rows=100,
)
COMPLIANCE_RULES = MasterTable(
    "Compliance Rules",
    "compliance_rules",
    ComplianceRule,
    "ComplianceRules",
    "Statutory due dates (GST, TDS, PF, ESI, PT, ROC) as rules over periods, tied to the "
    "Company sheet (GST Filing Frequency, PF and ESI Covered, PT States, AGM Date); a row with "
    "Extended To moves a date. Shipped for FY 2025-26: verify yearly.",
    is_rule=True,
    defaults=shipped_compliance_rules,
    spare_rows=30,
)
OFFICE_TABLES: tuple[MasterTable, ...] = (
    STOCK_ITEMS,
    STOCK_MOVES,
    PURCHASE_REQUESTS,
    MEETINGS,
    COMPLIANCE_RULES,
    *HR_TABLES,
)
"""The office sheets (issue 16: supplies, calendar, HR), written after the vendor sheets in the
template; each office job reads its own from the books or the master workbook."""


def cell_value(value: Any) -> Any:
    """A record's field value as a cell holds it (enums by their label, Yes/No, months)."""
    from enum import Enum

    from xlbo.master.fields import Month, months_text

    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, Month):
        return value.label
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple) and all(isinstance(v, str) for v in value) and value:
        return "; ".join(value)  # e-mail addresses (Meetings' Attendees)
    if isinstance(value, tuple):
        return months_text(value)
    return value
