"""The demo company itself, its 40 vendors, 30 customers, bank accounts and opening balances."""

from __future__ import annotations

import random
from decimal import Decimal

from xlbo.demo import identities as ids
from xlbo.master.defaults import chart_of_accounts
from xlbo.master.records import Account, BankAccount, BankAccountType, Company, Customer, Vendor
from xlbo.states import find_state

COMPANY_NAME = "Sahyadri Tradelinks Private Limited"

CITIES: dict[str, tuple[str, str]] = {
    "Maharashtra": ("Pune", "411045"),
    "Karnataka": ("Bengaluru", "560058"),
    "West Bengal": ("Kolkata", "700091"),
    "Tamil Nadu": ("Chennai", "600032"),
    "Gujarat": ("Ahmedabad", "380015"),
    "Delhi": ("New Delhi", "110020"),
    "Telangana": ("Hyderabad", "500032"),
    "Uttar Pradesh": ("Noida", "201301"),
    "Haryana": ("Gurugram", "122015"),
    "Kerala": ("Kochi", "682030"),
}

VENDOR_NAMES: tuple[tuple[str, str, str | None, bool], ...] = (
    # name, kind (C company, F firm, P proprietor), TDS section, MSME
    ("Shree Balaji Traders", "P", None, True),
    ("Krishna Packaging Industries Pvt Ltd", "C", "194Q", True),
    ("Om Sai Logistics", "F", "194C", True),
    ("Deccan Office Supplies LLP", "F", None, True),
    ("Sharma & Associates, Chartered Accountants", "F", "194J", False),
    ("Mahalaxmi Steel Furniture", "P", None, True),
    ("Bluechip Computers Pvt Ltd", "C", None, False),
    ("Western Freight Carriers", "F", "194C", False),
    ("Sai Kripa Housekeeping Services", "P", "194C", True),
    ("Nandi Hills Properties LLP", "F", "194I", False),
    ("Kaveri Electricals", "P", None, True),
    ("Hooghly Paper Mills Ltd", "C", "194Q", False),
    ("Coromandel Chemicals Pvt Ltd", "C", "194Q", False),
    ("Sabarmati Textiles", "F", None, True),
    ("Capital IT Solutions Pvt Ltd", "C", "194J", False),
    ("Swift Couriers", "F", "194C", True),
    ("Ganesh Printers", "P", "194C", True),
    ("Annapurna Caterers", "P", "194C", True),
    ("Vidarbha Agro Products", "F", None, True),
    ("Trimurti Security Services", "F", "194C", True),
    ("Konkan Cold Storage Pvt Ltd", "C", "194C", False),
    ("Precision Tools & Dies", "F", None, True),
    ("Malabar Spices Trading Co", "F", None, False),
    ("Eastern Plastics Pvt Ltd", "C", None, False),
    ("Rajdhani Stationery Mart", "P", None, True),
    ("Sunrise Solar Systems", "F", None, True),
    ("Infinity Digital Marketing LLP", "F", "194J", False),
    ("Mehta Legal Associates", "F", "194J", False),
    ("Royal Travels", "P", "194C", True),
    ("Unity Insurance Brokers Pvt Ltd", "C", "194H", False),
    ("Goodwill Corrugated Boxes", "F", None, True),
    ("Aadhya Textiles", "P", None, True),
    ("Pragati Cables Ltd", "C", "194Q", False),
    ("Sahyog Transport Co", "F", "194C", True),
    ("Vishwakarma Engineering Works", "P", None, True),
    ("Green Leaf Facility Management Pvt Ltd", "C", "194C", False),
    ("Tirupati Hardware", "P", None, True),
    ("Sanjivani Pharma Distributors", "F", None, False),
    ("Techno Cool Airconditioning", "P", "194C", True),
    ("Anand Water Suppliers", "P", None, True),
)

CUSTOMER_NAMES: tuple[str, ...] = (
    "Vardhaman Retail Pvt Ltd",
    "Coastal Hardware Mart",
    "Shubham Enterprises",
    "Lotus Departmental Stores",
    "Narmada Distributors",
    "Prime Mart Supermarkets Pvt Ltd",
    "Surya Trading Company",
    "Apex Industrial Supplies",
    "Kaveri Home Needs",
    "Bengal Traders Syndicate",
    "Chola Agencies",
    "Gujarat Packaging House",
    "Metro Cash Stores",
    "Nilgiri Provisions",
    "Sagar Wholesale Depot",
    "Excel Office Systems Pvt Ltd",
    "Hind Fabrication Works",
    "Ganga Sales Corporation",
    "Pioneer Hospitality Pvt Ltd",
    "Jyoti Medical Stores",
    "Mangal Murti Traders",
    "Royal Caterers and Events",
    "Sunshine Schools Trust",
    "Skyline Builders Pvt Ltd",
    "Dakshin Engineering Co",
    "Orchid Hotels and Resorts Ltd",
    "Shakti Pumps Dealers",
    "Vasundhara Agro Centre",
    "Kalinga Distributors",
    "Everest IT Parks Pvt Ltd",
)

PARTY_STATES = (
    "Maharashtra",
    "Maharashtra",
    "Maharashtra",
    "Karnataka",
    "West Bengal",
    "Tamil Nadu",
    "Gujarat",
    "Delhi",
    "Telangana",
    "Uttar Pradesh",
    "Haryana",
    "Kerala",
)


def _code(state: str) -> str:
    found = find_state(state)
    return found.code if found else "27"


def make_company(rng: random.Random) -> Company:
    company_pan = ids.pan(rng, "C", "Sahyadri")
    return Company(
        name=COMPANY_NAME,
        address="Office 402, Pinnacle Business Park, Baner Road, Baner, Pune",
        state="Maharashtra",
        pin="411045",
        gstin=ids.gstin(rng, "27", company_pan),
        pan=company_pan,
        tan=f"PNES{rng.randint(10000, 99999)}{rng.choice(ids.LETTERS)}",
        cin=f"U51909MH2012PTC{rng.randint(100000, 999999)}",
        pf_code=f"PUPUN{rng.randint(1000000, 9999999)}000",
        esi_code=f"{rng.randint(10, 39)}000{rng.randint(100000000000, 999999999999)}",
        email="accounts@sahyadritradelinks.in",
        phone="020-41234567",
    )


def _address(rng: random.Random, state: str) -> str:
    city, pin = CITIES[state]
    return f"{rng.randint(1, 250)}, {rng.choice(('MIDC', 'Industrial Area', 'Market Yard', 'Main Road', 'Sector 5'))}, {city} {pin}"


def make_vendors(rng: random.Random) -> list[Vendor]:
    vendors = []
    for number, (name, kind, section, msme) in enumerate(VENDOR_NAMES, start=1):
        state = rng.choice(PARTY_STATES)
        vendor_pan = ids.pan(rng, kind, name)
        registered = number % 13 != 0  # a few small suppliers are unregistered
        account, ifsc = ids.bank_account(rng)
        vendors.append(
            Vendor(
                vendor_code=f"V{number:03d}",
                name=name,
                gstin=ids.gstin(rng, _code(state), vendor_pan) if registered else None,
                pan=vendor_pan,
                state=state,
                address=_address(rng, state),
                email=f"accounts@{''.join(c for c in name.lower().split()[0] if c.isalpha())}.in",
                mobile=ids.mobile(rng),
                bank_account=account,
                ifsc=ifsc,
                payment_terms=45 if msme else rng.choice((15, 30, 45, 60)),
                tds_section=section,
                msme=msme,
            )
        )
    return vendors


def make_customers(rng: random.Random) -> list[Customer]:
    customers = []
    for number, name in enumerate(CUSTOMER_NAMES, start=1):
        state = rng.choice(PARTY_STATES)
        kind = "C" if ("Pvt" in name or "Ltd" in name) else ("T" if "Trust" in name else "F")
        customer_pan = ids.pan(rng, kind, name)
        customers.append(
            Customer(
                customer_code=f"C{number:03d}",
                name=name,
                gstin=ids.gstin(rng, _code(state), customer_pan) if number % 10 else None,
                pan=customer_pan,
                state=state,
                address=_address(rng, state),
                email=f"purchase@{''.join(c for c in name.lower().split()[0] if c.isalpha())}.co.in",
                mobile=ids.mobile(rng),
                credit_days=rng.choice((15, 30, 30, 45, 60)),
                credit_limit=Decimal(rng.choice((200000, 500000, 1000000, 2500000))),
                # a business customer deducts TDS from what it pays: its TAN (city, name, five
                # digits, a letter), made from its PAN so the demo's other figures stay the same
                tan=f"PNE{name[0].upper()}{customer_pan[5:9]}{number % 10}{customer_pan[-1]}",
            )
        )
    return customers


def make_bank_accounts() -> list[BankAccount]:
    return [
        BankAccount(
            account="HDFC Bank Current A/c",
            bank="HDFC Bank",
            branch="Baner, Pune",
            account_number="50200012345678",
            ifsc="HDFC0001234",
            account_type=BankAccountType.CURRENT,
        ),
        BankAccount(
            account="ICICI Bank Current A/c",
            bank="ICICI Bank",
            branch="Aundh, Pune",
            account_number="001205012345",
            ifsc="ICIC0000012",
            account_type=BankAccountType.CURRENT,
        ),
    ]


OPENING: dict[str, tuple[str, str]] = {
    # account: (debit, credit) balances brought forward to 1-Oct-2026, the demo month's start;
    # Trade Receivables and Trade Payables are the totals of the parties' opening bills
    # (xlbo.demo.books.opening_bills), about five weeks of sales and seven of purchases
    "Share Capital": ("0", "5000000"),
    "Retained Earnings": ("0", "12563430.50"),
    "Term Loan - HDFC Bank": ("0", "2400000"),
    "Trade Payables": ("0", "9865400"),
    "Salaries Payable": ("0", "2395860"),
    "PF Payable": ("0", "281340"),
    "ESI Payable": ("0", "9870"),
    "Professional Tax Payable": ("0", "9600"),
    "TDS Payable - Salary (192)": ("0", "412300"),
    "TDS Payable - Contractors (194C)": ("0", "18450"),
    "TDS Payable - Professional Fees (194J)": ("0", "22000"),
    "Output CGST": ("0", "312400"),
    "Output SGST": ("0", "312400"),
    "Output IGST": ("0", "298750"),
    "Furniture and Fixtures": ("1250000", "0"),
    "Office Equipment": ("640000", "0"),
    "Computers": ("1185000", "0"),
    "Vehicles": ("1450000", "0"),
    "Accumulated Depreciation": ("0", "1126000"),
    "Security Deposits": ("600000", "0"),
    "Stock-in-Trade": ("8845600", "0"),
    "Trade Receivables": ("14932750", "0"),
    "Cash in Hand": ("48250", "0"),
    "HDFC Bank Current A/c": ("4845230.50", "0"),
    "ICICI Bank Current A/c": ("412870", "0"),
    "Input CGST": ("186300", "0"),
    "Input SGST": ("186300", "0"),
    "Input IGST": ("224650", "0"),
    "Prepaid Expenses": ("96000", "0"),
    "TDS Receivable": ("124850", "0"),
}


def make_accounts() -> list[Account]:
    accounts = []
    for account in chart_of_accounts():
        debit, credit = OPENING.get(account.account, ("0", "0"))
        accounts.append(
            account.model_copy(
                update={"opening_debit": Decimal(debit), "opening_credit": Decimal(credit)}
            )
        )
    return accounts
