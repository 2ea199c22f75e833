"""The master tables: one frozen record type per sheet.

Each field's alias is the sheet's column header (exactly as users and other tools fill it) and
its description says what the column means to an accountant; the template writer shows the
description as the header cell's note. Change a record with `model_copy(update=...)`.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from xlbo.master.accounts import AccountGroup
from xlbo.master.fields import (
    Count,
    Day,
    Gender,
    Id,
    LongText,
    Money,
    Month,
    Nature,
    OptDay,
    OptId,
    OptMoney,
    OptQuantity,
    OptRate,
    OptStateName,
    OptText,
    OptYesNo,
    Rate,
    Shown,
    StateName,
    TaxRegime,
    Text,
    YesNo,
    choices_of,
    enum_reader,
)
from xlbo.words import Language, language


class BankAccountType(StrEnum):
    CURRENT = "Current"
    SAVINGS = "Savings"
    CASH_CREDIT = "Cash Credit"
    OVERDRAFT = "Overdraft"


GenderCell = Annotated[
    Gender,
    enum_reader(Gender, M=Gender.MALE, F=Gender.FEMALE, Transgender=Gender.OTHER),
    Shown(choices=choices_of(Gender), width=10),
]
RegimeCell = Annotated[
    TaxRegime,
    enum_reader(TaxRegime, New_Regime=TaxRegime.NEW, Old_Regime=TaxRegime.OLD),
    Shown(choices=choices_of(TaxRegime), width=10),
]
NatureCell = Annotated[Nature, enum_reader(Nature), Shown(choices=choices_of(Nature), width=11)]
GroupCell = Annotated[
    AccountGroup, enum_reader(AccountGroup), Shown(choices=choices_of(AccountGroup), width=24)
]
BankTypeCell = Annotated[
    BankAccountType,
    enum_reader(
        BankAccountType,
        CA=BankAccountType.CURRENT,
        SB=BankAccountType.SAVINGS,
        CC=BankAccountType.CASH_CREDIT,
        OD=BankAccountType.OVERDRAFT,
    ),
    Shown(choices=choices_of(BankAccountType), width=12),
]
LanguageCell = Annotated[
    Language,
    BeforeValidator(language),  # en, English, hi, Hindi, हिन्दी; blank: English
    Shown(choices=choices_of(Language), width=10),
]
OptLanguageCell = Annotated[
    Language | None,
    BeforeValidator(lambda v: None if v is None or str(v).strip() == "" else language(v)),
    Shown(choices=choices_of(Language), width=10),
]
"""A language, or blank for the Company sheet's."""
MonthCell = Annotated[
    Month,
    enum_reader(Month, Jan=Month.JANUARY, Apr=Month.APRIL),
    Shown(choices=tuple(m.label for m in Month), width=12),
]


class GSTFiling(StrEnum):
    """How often the company files GST returns."""

    MONTHLY = "Monthly"
    QRMP = "QRMP"
    """Quarterly Return Monthly Payment (CGST Rules r.61A): GSTR-1 and GSTR-3B each quarter."""


GSTFilingCell = Annotated[
    GSTFiling | None,
    enum_reader(GSTFiling, Quarterly=GSTFiling.QRMP),
    Shown(choices=choices_of(GSTFiling), width=10),
]


class Record(BaseModel):
    """Base of every master record: frozen, filled by column header."""

    model_config = ConfigDict(frozen=True, populate_by_name=True, extra="ignore")


class Company(Record):
    """The company whose books these are (one row)."""

    name: Text = Field(
        alias="Name",
        description="Legal name as registered, e.g. Sahyadri Tradelinks Private Limited.",
    )
    address: LongText = Field(
        None, alias="Address", description="Registered office address, as printed on invoices."
    )
    state: StateName = Field(
        alias="State",
        description="State of the registered office; decides intra- or inter-state GST.",
    )
    pin: OptId = Field(
        None, alias="PIN", description="Six-digit postal PIN code of the registered office."
    )
    gstin: OptId = Field(
        None,
        alias="GSTIN",
        description="GST registration number of this state's registration (15 characters).",
    )
    pan: OptId = Field(
        None, alias="PAN", description="Permanent Account Number of the company (10 characters)."
    )
    tan: OptId = Field(
        None,
        alias="TAN",
        description="Tax deduction account number, quoted on TDS returns and challans.",
    )
    cin: OptId = Field(
        None, alias="CIN", description="Corporate identity number from the Registrar of Companies."
    )
    pf_code: OptId = Field(
        None,
        alias="PF Establishment Code",
        description="EPFO establishment code, e.g. MHBAN0012345000.",
    )
    esi_code: OptId = Field(
        None, alias="ESI Employer Code", description="17-digit ESIC employer code."
    )
    fy_start: MonthCell = Field(
        Month.APRIL,
        alias="Financial Year Starts",
        description="First month of the financial year the books are kept in (April in India); a report's --period FY… follows it. TDS on salaries always runs April to March.",
    )
    books_begin: OptDay = Field(
        None,
        alias="Books Begin",
        description="Date the books kept in xlbo begin; opening balances in Accounts are as on this date. Blank: the books begin with the Journal's first line.",
    )
    email: OptText = Field(
        None, alias="Email", description="Accounts e-mail printed on invoices and payslips."
    )
    phone: OptText = Field(None, alias="Phone", description="Office phone number.")
    turnover: OptMoney = Field(
        None,
        alias="Turnover Previous FY",
        description="Aggregate turnover of the preceding financial year. Decides the HSN digits "
        "on invoices: 4 up to Rs 5 crore, 6 above (Notification 78/2020-CT, from 01-04-2021). "
        "Blank: up to Rs 5 crore.",
    )
    language: LanguageCell = Field(
        Language.EN,
        alias="Language",
        description="Language of the letters and sales documents xlbo writes: en (English, the "
        "default) or hi (Hindi; documents print Hindi beside English). A Language column on a "
        "row of Employees, Customers or Vendors, or of the Invoices sheet, overrides it.",
    )
    gst_filing: GSTFilingCell = Field(
        None,
        alias="GST Filing Frequency",
        description="Monthly, or QRMP (quarterly returns, monthly payment; turnover up to Rs 5 "
        "crore): decides which GSTR-1, IFF, PMT-06 and GSTR-3B dates the calendar shows. Blank: "
        "Monthly when a GSTIN is given.",
    )
    pf_covered: OptYesNo = Field(
        None,
        alias="PF Covered",
        description="Yes when the EPF Act covers the company (PF due on the 15th). Blank: Yes "
        "when a PF Establishment Code is given.",
    )
    esi_covered: OptYesNo = Field(
        None,
        alias="ESI Covered",
        description="Yes when the ESI Act covers the company (ESI due on the 15th). Blank: Yes "
        "when an ESI Employer Code is given.",
    )
    pt_states: OptText = Field(
        None,
        alias="PT States",
        description="States where the company pays professional tax as an employer, separated "
        "by ; (e.g. Maharashtra; Karnataka). Blank: the company's State.",
    )
    agm_date: OptDay = Field(
        None,
        alias="AGM Date",
        description="Day of the last annual general meeting: AOC-4 is due 30 days and MGT-7 "
        "60 days after it. Blank: counted from 30 September, the last day for the AGM (s.96).",
    )


class Employee(Record):
    """A person on the payroll. Money columns are monthly rupee amounts."""

    employee_id: Id = Field(
        alias="Employee ID",
        description="Your code for the employee; unique. Payslip files are named by it.",
    )
    name: Text = Field(alias="Name", description="Full name as in the bank account and PAN.")
    gender: GenderCell = Field(
        alias="Gender",
        description="Male, Female or Other; Maharashtra PT has its own slab for women.",
    )
    date_of_birth: Day = Field(
        alias="Date of Birth",
        description="Decides EPS eligibility (stops at 58) and senior-citizen tax slabs.",
    )
    date_of_joining: Day = Field(
        alias="Date of Joining",
        description="First day on the rolls; a mid-month joiner is paid for the days worked.",
    )
    date_of_leaving: OptDay = Field(
        None, alias="Date of Leaving", description="Last working day; blank while employed."
    )
    work_state: StateName = Field(
        alias="Work State", description="State where the employee works; decides PT and LWF."
    )
    department: OptText = Field(None, alias="Department", description="Department or cost centre.")
    designation: OptText = Field(
        None, alias="Designation", description="Job title printed on the payslip."
    )
    pan: OptId = Field(
        None, alias="PAN", description="PAN; without a valid PAN, TDS is at least 20% (s.206AA)."
    )
    aadhaar: OptId = Field(
        None,
        alias="Aadhaar",
        description="12-digit Aadhaar number (type it as text so Excel keeps every digit).",
    )
    uan: OptId = Field(
        None,
        alias="UAN",
        description="12-digit Universal Account Number from EPFO; needed for the ECR.",
    )
    esi_number: OptId = Field(
        None,
        alias="ESI Number",
        description="10-digit ESIC insurance (IP) number, for employees covered by ESI.",
    )
    bank_account: OptId = Field(
        None, alias="Bank Account", description="Salary account number (as text)."
    )
    ifsc: OptId = Field(
        None, alias="IFSC", description="IFSC of the salary account's branch (11 characters)."
    )
    tax_regime: RegimeCell = Field(
        TaxRegime.NEW,
        alias="Tax Regime",
        description="New (the default) or Old regime for salary TDS.",
    )
    basic: Money = Field(alias="Basic", description="Monthly basic pay.")
    da: Money = Field(
        Decimal(0), alias="DA", description="Monthly dearness allowance; part of PF wages."
    )
    hra: Money = Field(Decimal(0), alias="HRA", description="Monthly house rent allowance.")
    special_allowance: Money = Field(
        Decimal(0), alias="Special Allowance", description="Monthly special allowance."
    )
    other_allowances: Money = Field(
        Decimal(0),
        alias="Other Allowances",
        description="Other fixed monthly allowances (conveyance, etc.).",
    )
    pf_on_actual: YesNo = Field(
        False,
        alias="PF on Actual Wages",
        description="Yes when employer and employee contribute on full PF wages above the ceiling (para 26(6)).",
    )
    eps_eligible: YesNo = Field(
        True,
        alias="EPS Eligible",
        description="No for members who joined on or after 1-Sep-2014 with PF wages above the ceiling.",
    )
    voluntary_pf: Rate = Field(
        Decimal(0),
        alias="Voluntary PF %",
        description="Extra PF the employee chose, as a % of PF wages (the employer does not match).",
    )
    disabled: YesNo = Field(
        False,
        alias="Disabled",
        description="Yes for a person with disability: ESI covers wages up to Rs 25,000.",
    )
    declared_80c: Money = Field(
        Decimal(0),
        alias="Declared 80C",
        description="Old regime only: 80C investments declared for the year (employee PF counts too).",
    )
    email: OptText = Field(None, alias="Email", description="Where the payslip is mailed.")
    mobile: OptId = Field(None, alias="Mobile", description="10-digit mobile number.")
    fixed_term: YesNo = Field(
        False,
        alias="Fixed Term",
        description="Yes for a fixed-term employee: gratuity after one year's service when "
        "leaving on or after 21-11-2025 (Code on Social Security), five years before.",
    )
    notice_days: Count = Field(
        0,
        alias="Notice Period (days)",
        description="Notice the employee must give on resigning; days short are recovered in "
        "the full-and-final settlement. Blank: none agreed.",
    )

    @property
    def monthly_gross(self) -> Decimal:
        """Fixed monthly gross: basic + DA + HRA + special + other allowances."""
        return self.basic + self.da + self.hra + self.special_allowance + self.other_allowances


class MSMEClass(StrEnum):
    """An enterprise's class on its Udyam certificate (S.O. 1364(E), from 01-04-2025)."""

    MICRO = "Micro"
    SMALL = "Small"
    MEDIUM = "Medium"


MSMEClassCell = Annotated[
    MSMEClass | None, enum_reader(MSMEClass), Shown(choices=choices_of(MSMEClass), width=10)
]


class Vendor(Record):
    """A supplier the company buys from and pays."""

    vendor_code: Id = Field(alias="Vendor Code", description="Your code for the vendor; unique.")
    name: Text = Field(
        alias="Name", description="Name as on the vendor's invoices and GST registration."
    )
    gstin: OptId = Field(
        None, alias="GSTIN", description="Vendor's GSTIN; blank for unregistered vendors."
    )
    pan: OptId = Field(None, alias="PAN", description="Vendor's PAN; needed for TDS.")
    state: OptStateName = Field(
        None, alias="State", description="State of the vendor's registration."
    )
    address: LongText = Field(None, alias="Address", description="Billing address.")
    email: OptText = Field(None, alias="Email", description="Where remittance advice is sent.")
    mobile: OptId = Field(None, alias="Mobile", description="10-digit mobile number.")
    bank_account: OptId = Field(
        None, alias="Bank Account", description="Vendor's bank account number for payments."
    )
    ifsc: OptId = Field(None, alias="IFSC", description="IFSC of the vendor's bank branch.")
    payment_terms: Count = Field(
        30, alias="Payment Terms (days)", description="Days from invoice to payment due date."
    )
    tds_section: OptId = Field(
        None,
        alias="TDS Section",
        description="TDS section on payments: 194C, 194J(a) technical or 194J(b) professional "
        "fees, 194I(a) plant or 194I(b) building rent, 194H, 194Q; blank for none.",
    )
    msme: YesNo = Field(
        False,
        alias="MSME",
        description="Yes for a registered micro or small enterprise: pay within 45 days (s.43B(h)).",
    )
    msme_class: MSMEClassCell = Field(
        None,
        alias="MSME Class",
        description="Micro, Small or Medium, as on the Udyam certificate. Only micro and small "
        "suppliers must be paid within 45 days of acceptance (MSMED Act s.15); blank with MSME "
        "Yes: taken as micro or small.",
    )
    udyam: OptId = Field(
        None,
        alias="MSME Registration (Udyam)",
        description="Udyam registration number, e.g. UDYAM-MH-19-0012345.",
    )

    @property
    def msme_protected(self) -> bool:
        """True for a micro or small enterprise: MSMED Act s.15 and s.43B(h) apply."""
        if self.msme_class is not None:
            return self.msme_class is not MSMEClass.MEDIUM
        return self.msme


class Customer(Record):
    """A customer the company sells to."""

    customer_code: Id = Field(
        alias="Customer Code", description="Your code for the customer; unique."
    )
    name: Text = Field(alias="Name", description="Name as printed on invoices.")
    gstin: OptId = Field(
        None, alias="GSTIN", description="Customer's GSTIN; blank for unregistered customers (B2C)."
    )
    pan: OptId = Field(None, alias="PAN", description="Customer's PAN.")
    state: OptStateName = Field(None, alias="State", description="State of the place of supply.")
    address: LongText = Field(None, alias="Address", description="Billing address.")
    email: OptText = Field(
        None, alias="Email", description="Where invoices and statements are sent."
    )
    mobile: OptId = Field(None, alias="Mobile", description="10-digit mobile number.")
    credit_days: Count = Field(
        30, alias="Credit Days", description="Days allowed to pay; drives the receivables ageing."
    )
    credit_limit: OptMoney = Field(
        None,
        alias="Credit Limit",
        description="Most the customer may owe at any time; blank for no limit.",
    )
    tan: OptId = Field(
        None,
        alias="TAN",
        description="The customer's TAN when it deducts TDS from your bills: Form 26AS lists "
        "its credits under it (xlbo tds-recon).",
    )


class Account(Record):
    """A ledger account in the chart of accounts."""

    account: Text = Field(
        alias="Account", description="Ledger name as used in the Journal; unique."
    )
    group: GroupCell = Field(
        alias="Group", description="Schedule III section: Equity, Current Assets, Income, Expenses…"
    )
    sub_group: Text = Field(
        alias="Sub-group",
        description="Schedule III line item the account is shown under, e.g. Trade Receivables.",
    )
    nature: NatureCell = Field(
        alias="Nature",
        description="Asset, Liability, Equity, Income or Expense; must agree with the group.",
    )
    opening_debit: Money = Field(
        Decimal(0),
        alias="Opening Debit",
        description="Debit balance on the day the books begin (Company sheet: Books Begin).",
    )
    opening_credit: Money = Field(
        Decimal(0),
        alias="Opening Credit",
        description="Credit balance on the day the books begin (Company sheet: Books Begin).",
    )


class BankAccount(Record):
    """A bank account of the company, tied to its ledger in the chart of accounts."""

    account: Text = Field(
        alias="Account", description="Ledger name of this bank account in the Accounts sheet."
    )
    bank: Text = Field(alias="Bank", description="Bank name, e.g. HDFC Bank.")
    branch: OptText = Field(None, alias="Branch", description="Branch name.")
    account_number: Id = Field(alias="Account Number", description="Account number (as text).")
    ifsc: Id = Field(alias="IFSC", description="IFSC of the branch.")
    account_type: BankTypeCell = Field(
        BankAccountType.CURRENT,
        alias="Account Type",
        description="Current, Savings, Cash Credit or Overdraft.",
    )


class DocumentType(StrEnum):
    """The kind of a sales document, each with its rule of the CGST Rules."""

    TAX_INVOICE = "Tax Invoice"
    """Rule 46: a taxable supply."""
    BILL_OF_SUPPLY = "Bill of Supply"
    """Rule 49: exempt supplies, or a composition dealer's; no tax charged."""
    CREDIT_NOTE = "Credit Note"
    """Rule 53: value or tax reduced after the invoice (goods returned, a discount)."""
    DEBIT_NOTE = "Debit Note"
    """Rule 53: value or tax raised after the invoice."""
    RECEIPT_VOUCHER = "Receipt Voucher"
    """Rule 50: an advance received before the supply (Rate: the amount received, tax in it)."""
    REFUND_VOUCHER = "Refund Voucher"
    """Rule 51: an advance returned (Original Invoice: the receipt voucher it refunds)."""
    REVISED_INVOICE = "Revised Invoice"
    """Rule 53: an issued tax invoice as corrected, in full (Original Invoice: the invoice it
    revises); GSTR-1 reports it as an amendment."""


DocumentTypeCell = Annotated[
    DocumentType,
    enum_reader(
        DocumentType,
        Invoice=DocumentType.TAX_INVOICE,
        INV=DocumentType.TAX_INVOICE,
        CN=DocumentType.CREDIT_NOTE,
        DN=DocumentType.DEBIT_NOTE,
        Bill=DocumentType.BILL_OF_SUPPLY,
        RV=DocumentType.RECEIPT_VOUCHER,
        Advance=DocumentType.RECEIPT_VOUCHER,
        Refund=DocumentType.REFUND_VOUCHER,
        Revised=DocumentType.REVISED_INVOICE,
    ),
    Shown(choices=choices_of(DocumentType), width=14),
]


class InvoiceLine(Record):
    """One line of a sales document on the Invoices sheet. Rows with the same Document Type,
    Series, Date, Customer Code and Place of Supply form one document, in the sheet's order."""

    document_type: DocumentTypeCell = Field(
        DocumentType.TAX_INVOICE,
        alias="Document Type",
        description="Tax Invoice (the default), Bill of Supply, Credit Note, Debit Note, "
        "Receipt Voucher (an advance: Rate is the amount received), Refund Voucher or "
        "Revised Invoice.",
    )
    series: Id = Field(
        alias="Series",
        description="The numbering series, e.g. INV (up to 5 letters or digits): numbers run "
        "INV/26-27/0001, … afresh each financial year.",
    )
    date: Day = Field(alias="Date", description="Date of the document (dd-mm-yyyy).")
    customer_code: Id = Field(
        alias="Customer Code", description="The customer's code on the Customers sheet."
    )
    place_of_supply: OptStateName = Field(
        None,
        alias="Place of Supply",
        description="State where the goods go or the service is received; blank: the "
        "customer's State. Same state as the company's GSTIN: CGST + SGST (UTGST); else IGST.",
    )
    hsn: OptId = Field(
        None,
        alias="HSN/SAC",
        description="HSN code of the goods or SAC of the service (99…): 4 digits, 6 when last "
        "year's turnover was above Rs 5 crore. Blank: the item's on the Items sheet.",
    )
    description: OptText = Field(
        None,
        alias="Description",
        description="What is sold; an item code of the Items sheet fills HSN, unit, rate and "
        "GST rate from there.",
    )
    quantity: OptQuantity = Field(
        None,
        alias="Quantity",
        description="Quantity in the unit (up to 3 decimals); blank for a service: 1.",
    )
    unit: OptId = Field(
        None,
        alias="Unit (UQC)",
        description="GST unit quantity code: NOS, PCS, KGS, MTR, LTR, BOX, SET…; blank for "
        "a service.",
    )
    rate: OptMoney = Field(None, alias="Rate", description="Price per unit before GST, in rupees.")
    discount: Money = Field(
        Decimal(0),
        alias="Discount",
        description="Discount on the line in rupees, taken off before GST.",
    )
    gst_rate: OptRate = Field(
        None,
        alias="GST Rate",
        description="GST rate of the line (e.g. 18%); must be a rate of the GST Rates sheet "
        "in force on the date. Blank: the item's.",
    )
    cess_rate: Rate = Field(
        Decimal(0), alias="Cess Rate", description="Compensation cess rate, if any."
    )
    reverse_charge: YesNo = Field(
        False,
        alias="Reverse Charge",
        description="Yes when the recipient pays the tax (reverse charge); printed on the "
        "invoice (Rule 46(p)).",
    )
    shipping_address: LongText = Field(
        None,
        alias="Shipping Address",
        description="Delivery address when it differs from the customer's address.",
    )
    original_invoice: OptId = Field(
        None,
        alias="Original Invoice",
        description="For a credit or debit note, or a revised invoice: the number of the "
        "invoice it corrects (one xlbo issued); for a refund voucher, or a tax invoice against "
        "an advance: the receipt voucher's number.",
    )
    document_no: OptId = Field(
        None,
        alias="Document No",
        description="Leave blank: xlbo numbers the document and writes the number in the "
        "Invoice Register, never here. A number typed here marks the row as issued already.",
    )
    irn: OptText = Field(
        None,
        alias="IRN",
        description="The IRN the IRP gave the e-invoice (64 characters), typed back after "
        "uploading it: the next run prints it and the QR on the document.",
    )
    ack_no: OptId = Field(None, alias="Ack No", description="The IRP's acknowledgement number.")
    ack_date: OptText = Field(
        None, alias="Ack Date", description="The IRP's acknowledgement date, as it gave it."
    )
    signed_qr: LongText = Field(
        None,
        alias="Signed QR",
        description="The IRP's SignedQRCode, pasted whole: printed as the QR on the invoice.",
    )
    language: OptLanguageCell = Field(
        None,
        alias="Language",
        description="hi: the document prints Hindi captions beside the English ones and the "
        "amount in words in Hindi too; en: English only; blank: the Company sheet's Language.",
    )


class ReceiptMode(StrEnum):
    """How money was received."""

    CASH = "Cash"
    CHEQUE = "Cheque"
    NEFT = "NEFT"
    RTGS = "RTGS"
    IMPS = "IMPS"
    UPI = "UPI"


ReceiptModeCell = Annotated[
    ReceiptMode,
    enum_reader(ReceiptMode, Chq=ReceiptMode.CHEQUE, DD=ReceiptMode.CHEQUE),
    Shown(choices=choices_of(ReceiptMode), width=9),
]


class ReceiptLine(Record):
    """Money received from a customer, on the Receipts sheet: `xlbo invoices` issues a receipt
    for each row (own series RCT per financial year), settles the invoices it names (or the
    oldest open ones) and posts it to the Journal."""

    receipt_date: Day = Field(alias="Receipt Date", description="Day the money came in.")
    customer_code: Id = Field(
        alias="Customer Code", description="The payer's code on the Customers sheet."
    )
    amount: Money = Field(alias="Amount", description="Money received, in rupees (after TDS).")
    mode: ReceiptModeCell = Field(
        alias="Mode",
        description="Cash, Cheque, NEFT, RTGS, IMPS or UPI. Cash of Rs 2,00,000 or more from "
        "one person in a day is refused (Income-tax Act s.269ST).",
    )
    reference: OptId = Field(
        None, alias="UTR/Cheque No", description="The bank's UTR, or the cheque number."
    )
    bank_account: OptText = Field(
        None,
        alias="Bank Account",
        description="Ledger of the bank account credited (Bank Accounts sheet); blank: the "
        "first one (cash: Cash in Hand).",
    )
    against: OptText = Field(
        None,
        alias="Against Invoices",
        description="Document numbers this settles, separated by ;. Blank: the customer's "
        "oldest open invoices first.",
    )
    tds: Money = Field(
        Decimal(0),
        alias="TDS Deducted",
        description="Income tax the payer deducted at source; settles the invoices with the "
        "amount.",
    )
    tds_section: OptId = Field(
        None, alias="TDS Section", description="Section the payer deducted under, e.g. 194J."
    )
    narration: OptText = Field(None, alias="Narration", description="Printed on the receipt.")
    receipt_no: OptId = Field(
        None,
        alias="Receipt No",
        description="Leave blank: xlbo numbers the receipt in the Receipt Register, never here.",
    )


class Item(Record):
    """A good or service the company sells, so invoice lines need only its code."""

    code: Id = Field(alias="Code", description="Your code for the item; unique.")
    description: Text = Field(alias="Description", description="As printed on invoices.")
    hsn: OptId = Field(None, alias="HSN/SAC", description="HSN code, or SAC (99…) for a service.")
    unit: OptId = Field(
        None, alias="Unit", description="GST unit quantity code (NOS, KGS…); blank for a service."
    )
    rate: OptMoney = Field(None, alias="Rate", description="Usual price per unit before GST.")
    gst_rate: OptRate = Field(None, alias="GST Rate", description="GST rate, e.g. 18%.")


class PurchaseBill(Record):
    """One vendor's bill on the Purchases sheet: what was bought, its GST and its TDS section.
    The vendor's GSTIN, PAN and MSME class come from the Vendors sheet."""

    vendor_code: Id = Field(
        alias="Vendor Code", description="The vendor's code on the Vendors sheet."
    )
    bill_no: Id = Field(alias="Bill No", description="The bill number as the vendor printed it.")
    bill_date: Day = Field(alias="Bill Date", description="Date of the vendor's bill.")
    accepted_date: OptDay = Field(
        None,
        alias="Accepted Date",
        description="Day the goods or services were accepted (MSMED Act s.2(b)); a micro or "
        "small supplier's 45 days run from it. Blank: the bill date (deemed acceptance).",
    )
    expense_account: Text = Field(
        alias="Expense Account",
        description="Account debited with the taxable value, e.g. Purchases - Goods, Rent.",
    )
    description: OptText = Field(None, alias="Description", description="What was bought.")
    taxable_value: Money = Field(
        alias="Taxable Value", description="Value before GST, in rupees; TDS is on this."
    )
    igst: Money = Field(Decimal(0), alias="IGST", description="IGST on the bill (inter-state).")
    cgst: Money = Field(Decimal(0), alias="CGST", description="CGST on the bill (intra-state).")
    sgst: Money = Field(
        Decimal(0), alias="SGST", description="SGST or UTGST on the bill (intra-state)."
    )
    cess: Money = Field(Decimal(0), alias="Cess", description="Compensation cess, if any.")
    place_of_supply: OptStateName = Field(
        None,
        alias="Place of Supply",
        description="State of supply printed on the bill; blank: the company's State.",
    )
    reverse_charge: YesNo = Field(
        False,
        alias="Reverse Charge",
        description="Yes when the company pays the GST (reverse charge): the tax is not owed "
        "to the vendor.",
    )
    tds_section: OptId = Field(
        None,
        alias="TDS Section",
        description="TDS section of this bill (194C, 194J(b), 194I(b)…, or the 2025 Act's "
        "payment code); blank: the vendor's; None: no TDS.",
    )
    agreed_due_date: OptDay = Field(
        None,
        alias="Agreed Due Date",
        description="Due date agreed in writing; blank: the vendor's Payment Terms (micro and "
        "small: 15 days from acceptance). Capped at 45 days from acceptance for micro and small.",
    )
    bill_of_entry: OptId = Field(
        None,
        alias="Bill of Entry",
        description="An import's customs bill of entry number: its IGST is matched to GSTR-2B's "
        "imports (impg, impgsez) by this number, its date and port.",
    )
    bill_of_entry_date: OptDay = Field(
        None, alias="Bill of Entry Date", description="Date of the bill of entry."
    )
    port_code: OptId = Field(
        None, alias="Port Code", description="Customs port of the bill of entry (INNSA1…)."
    )
    pr_no: OptId = Field(
        None,
        alias="PR No",
        description="The purchase request the bill supplies (PR/26-27/0001, from `xlbo stock`); "
        "`xlbo stock` follows the request to payment. Blank: none.",
    )

    @property
    def gst(self) -> Decimal:
        """The bill's GST: IGST + CGST + SGST + cess."""
        return self.igst + self.cgst + self.sgst + self.cess
