"""The demo company's employees: 64 people in six states, with pay on both sides of the ESI
(₹21,000 gross) and PF (₹15,000) ceilings, so every payroll rule has someone to apply to."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from xlbo.demo import identities as ids
from xlbo.master.fields import Gender, TaxRegime
from xlbo.master.records import Employee

MEN = (
    "Aarav",
    "Rohan",
    "Vikram",
    "Suresh",
    "Prakash",
    "Anil",
    "Rahul",
    "Sandeep",
    "Manoj",
    "Arjun",
    "Karthik",
    "Venkatesh",
    "Subhas",
    "Debashis",
    "Imran",
    "Farhan",
    "Joseph",
    "Harish",
    "Nitin",
    "Gaurav",
    "Siddharth",
    "Mahesh",
    "Ramesh",
    "Abhijit",
    "Tarun",
)
WOMEN = (
    "Priya",
    "Sneha",
    "Ananya",
    "Kavya",
    "Meera",
    "Lakshmi",
    "Pooja",
    "Deepa",
    "Nandini",
    "Shalini",
    "Ritika",
    "Sushmita",
    "Fatima",
    "Mary",
    "Aparna",
    "Divya",
    "Swati",
    "Rupa",
)
SURNAMES = {
    "Maharashtra": (
        "Deshpande",
        "Kulkarni",
        "Patil",
        "Joshi",
        "Shinde",
        "Gokhale",
        "Pawar",
        "Jadhav",
        "Bhosale",
        "Shaikh",
    ),
    "Karnataka": ("Hegde", "Rao", "Gowda", "Shetty", "Kamath", "Naik", "Bhat", "Murthy"),
    "West Bengal": ("Chatterjee", "Banerjee", "Mukherjee", "Ghosh", "Das", "Sen", "Bose", "Roy"),
    "Tamil Nadu": (
        "Iyer",
        "Subramanian",
        "Krishnan",
        "Pillai",
        "Natarajan",
        "Raman",
        "Venkataraman",
        "Arumugam",
    ),
    "Gujarat": ("Patel", "Shah", "Mehta", "Desai", "Parikh"),
    "Delhi": ("Sharma", "Verma", "Gupta", "Malhotra", "Kapoor", "Singh"),
}
STATES: tuple[tuple[str, int], ...] = (
    ("Maharashtra", 22),
    ("Karnataka", 14),
    ("West Bengal", 10),
    ("Tamil Nadu", 10),
    ("Gujarat", 4),
    ("Delhi", 4),
)

# (department, designation, basic range) — grades from warehouse helper to director
GRADES: tuple[tuple[str, str, int, int], ...] = (
    ("Warehouse", "Warehouse Associate", 9500, 12500),
    ("Warehouse", "Store Keeper", 11000, 14500),
    ("Customer Support", "Support Executive", 12000, 16000),
    ("Sales", "Sales Executive", 13500, 19000),
    ("Accounts", "Accounts Executive", 15000, 24000),
    ("Operations", "Operations Executive", 16000, 26000),
    ("HR", "HR Executive", 18000, 28000),
    ("IT", "Software Engineer", 30000, 55000),
    ("Sales", "Area Sales Manager", 40000, 70000),
    ("Accounts", "Finance Manager", 60000, 95000),
    ("Operations", "Regional Head", 90000, 150000),
)


def _round_hundred(value: float) -> Decimal:
    return Decimal(round(value / 100.0) * 100)


def make_employees(rng: random.Random, prefix: str = "SPL") -> list[Employee]:
    """64 employees; a few chosen to exercise specific payroll rules (see the comments)."""
    people: list[Employee] = []
    number = 0
    for state, count in STATES:
        for _ in range(count):
            number += 1
            woman = rng.random() < 0.4
            first = rng.choice(WOMEN if woman else MEN)
            name = f"{first} {rng.choice(SURNAMES[state])}"
            department, designation, low, high = rng.choices(
                GRADES, weights=(10, 6, 8, 10, 7, 6, 3, 6, 4, 2, 1)
            )[0]
            basic = _round_hundred(rng.uniform(low, high))
            born = date(rng.randint(1968, 2002), rng.randint(1, 12), rng.randint(1, 28))
            joined = date(rng.randint(2009, 2026), rng.randint(1, 12), rng.randint(1, 28))
            joined = min(joined, date(2026, 9, 1))
            joined = max(joined, born + timedelta(days=365 * 19))
            account, ifsc = ids.bank_account(rng)
            hra = _round_hundred(float(basic) * 0.4)
            special = _round_hundred(float(basic) * rng.uniform(0.1, 0.35))
            other = Decimal(rng.choice((0, 800, 1600, 2500)))
            gross = basic + hra + special + other
            pf_wage = basic
            people.append(
                Employee(
                    employee_id=f"{prefix}{number:03d}",
                    name=name,
                    gender=Gender.FEMALE if woman else Gender.MALE,
                    date_of_birth=born,
                    date_of_joining=joined,
                    work_state=state,
                    department=department,
                    designation=designation,
                    pan=ids.pan(rng, "P", name.split()[-1]),
                    aadhaar=ids.aadhaar(rng),
                    uan=ids.uan(rng),
                    esi_number=ids.esi_number(rng) if gross <= 21000 else None,
                    bank_account=account,
                    ifsc=ifsc,
                    tax_regime=TaxRegime.OLD if rng.random() < 0.15 else TaxRegime.NEW,
                    basic=basic,
                    hra=hra,
                    special_allowance=special,
                    other_allowances=other,
                    eps_eligible=not (joined >= date(2014, 9, 1) and pf_wage > 15000),
                    email=f"{first.lower()}.{name.split()[-1].lower()}@sahyadritradelinks.in",
                    mobile=ids.mobile(rng),
                )
            )
    return _special_cases(rng, people)


def _special_cases(rng: random.Random, people: list[Employee]) -> list[Employee]:
    """Pin down the people each statutory rule needs, whatever the draw gave."""
    changes: dict[int, dict[str, object]] = {
        # Maharashtra woman earning under ₹25,000: no PT
        0: {
            "gender": Gender.FEMALE,
            "basic": Decimal(11500),
            "hra": Decimal(4600),
            "special_allowance": Decimal(2400),
            "other_allowances": Decimal(0),
        },
        # Over 58: no EPS
        1: {
            "date_of_birth": date(1966, 5, 14),
            "date_of_joining": date(2008, 7, 1),
            "eps_eligible": True,
        },
        # Joined this month, mid-month
        2: {"date_of_joining": date(2026, 10, 15)},
        # Left this month
        3: {"date_of_leaving": date(2026, 10, 20)},
        # Voluntary PF and PF on actual wages
        4: {
            "voluntary_pf": Decimal("0.05"),
            "pf_on_actual": True,
            "basic": Decimal(42000),
            "hra": Decimal(16800),
            "special_allowance": Decimal(9000),
            "eps_eligible": False,
        },
        # Person with disability, gross between ₹21,000 and ₹25,000: ESI still applies
        22: {
            "disabled": True,
            "basic": Decimal(14000),
            "hra": Decimal(5600),
            "special_allowance": Decimal(3400),
            "other_allowances": Decimal(0),
            "esi_number": "3300417625",
        },
        # Director-level pay: surcharge territory (annual taxable above ₹50 lakh)
        23: {
            "designation": "Director",
            "department": "Management",
            "basic": Decimal(250000),
            "hra": Decimal(100000),
            "special_allowance": Decimal(95000),
            "other_allowances": Decimal(0),
            "eps_eligible": False,
            "esi_number": None,
        },
        # Karnataka at exactly ₹25,000 gross: PT of ₹200 applies from ₹25,000
        24: {
            "basic": Decimal(15000),
            "hra": Decimal(6000),
            "special_allowance": Decimal(4000),
            "other_allowances": Decimal(0),
            "esi_number": None,
        },
        # Old regime with full 80C
        36: {
            "tax_regime": TaxRegime.OLD,
            "declared_80c": Decimal(150000),
            "basic": Decimal(65000),
            "hra": Decimal(26000),
            "special_allowance": Decimal(12000),
        },
    }
    surname = people[0].name.split()[-1]
    changes[0].update(
        name=f"Sneha {surname}", email=f"sneha.{surname.lower()}@sahyadritradelinks.in"
    )
    for index, update in changes.items():
        people[index] = people[index].model_copy(update=update)
    for index, person in enumerate(people):
        if "eps_eligible" not in changes.get(index, {}):
            joined_above = person.date_of_joining >= date(2014, 9, 1) and person.basic > 15000
            person = person.model_copy(update={"eps_eligible": not joined_above})
            people[index] = person
        covered = person.monthly_gross <= (25000 if person.disabled else 21000)
        if covered and not person.esi_number:
            people[index] = person.model_copy(update={"esi_number": ids.esi_number(rng)})
        elif not covered and person.esi_number:
            people[index] = person.model_copy(update={"esi_number": None})
    return people
