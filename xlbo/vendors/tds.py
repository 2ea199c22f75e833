"""TDS on vendors' bills, by section, from the `TDS Rules` in force on each bill's date.

TDS is due when a bill is credited to the vendor or paid, whichever is first; the bill date is
when xlbo credits it, so the bill date picks the rule (a bill of 31-03-2026 falls under the 1961
Act, one of 01-04-2026 under the 2025 Act). Tax is on the taxable value: GST shown separately
on the bill is left out (CBDT Circular 23/2017).

Thresholds count per vendor, per section, per financial year (or month, for rent), over every
bill of the Purchases sheet up to this one, paid or not, in bill-date order:

    194C, a company vendor: bills of 25,000, 25,000, 40,000, 20,000
    25,000  no TDS   (below 30,000 single; year 25,000 ≤ 1,00,000)
    25,000  no TDS   (year 50,000)
    40,000  800      (above 30,000 single: 2% of 40,000)
    20,000  1,400    (year 1,10,000 crosses 1,00,000: 2% of 20,000 + the 50,000 untaxed before)

The rate is the Individual/HUF rate for a PAN whose 4th letter is P or H, else Others; without
a valid PAN, the higher of that and the rate without PAN (s.206AA: 20%). TDS is rounded to the
nearest rupee (s.288B).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from xlbo.cells import percent_text
from xlbo.ids import pan as pan_id
from xlbo.issues import Issue, Severity
from xlbo.master.effective import choose, ties
from xlbo.master.records import PurchaseBill, Vendor
from xlbo.money import format_inr, from_paise, to_paise
from xlbo.periods import TAX_YEAR_START, financial_year
from xlbo.vendors.certificates import Certificates, CertificateUse, TDSCertificate, split_base
from xlbo.vendors.rules import AggregatePer, TaxOn, TDSRule, fold_section

NO_SECTION = frozenset({"none", "nil", "no", "-", "na", "n/a", "no tds"})
"""What a TDS Section cell on a bill may hold to say: no TDS on this bill."""


@dataclass(frozen=True)
class BillTDS:
    """TDS on one bill: the rule used, the amount it is on, the tax, and why."""

    section: str = ""
    rule: TDSRule | None = None
    rate: Decimal = Decimal(0)
    base: int = 0
    """Paise the rate applies to (this bill, plus earlier untaxed bills when the aggregate is
    crossed)."""
    amount: int = 0
    """TDS in paise, rounded to the rupee."""
    why: str = ""
    problem: str = ""
    """Set when the bill names a section no rule covers on its date (a finding for the user)."""
    certificate: str = ""
    """The lower-deduction certificate applied (its number), if any."""

    @property
    def account(self) -> str:
        return self.rule.account if self.rule else ""

    @property
    def provision(self) -> str:
        """The Act and provision applied, with the payment code when known: `2025 Act
        s.393(1) Table Sl.6(i)`."""
        if self.rule is None:
            return ""
        code = f", code {self.rule.payment_code}" if self.rule.payment_code else ""
        return f"{self.rule.act} Act {self.rule.provision}{code}"


_fold = fold_section


def section_of(bill: PurchaseBill, vendor: Vendor) -> str:
    """The bill's TDS section, else the vendor's; "" for none."""
    chosen = bill.tds_section or vendor.tds_section or ""
    return "" if _fold(chosen) in NO_SECTION else chosen


def find_rule(rules: Sequence[TDSRule], section: str, day: date) -> TDSRule | None:
    """The rule for `section` (its name, provision or payment code) in force on `day`; of
    several, the one that started last (`xlbo.master.effective.choose`: on a tie the first in
    sheet order, which `rule_ties` reports)."""
    key = _fold(section).removeprefix("s.")
    return choose((r for r in rules if key in r.names), day).rule


def rule_ties(
    rules: Sequence[TDSRule], rows: Sequence[int], letters: Mapping[str, str], file: str = ""
) -> list[Issue]:
    """A warning at the Effective From cell of each TDS Rules row that takes effect on the
    same day as an earlier row for the same section and overlaps it: on a day both cover,
    xlbo takes the earlier row (as for Leave, Gratuity and Bonus Rules). `rows`: each rule's
    Excel row; `letters`: the sheet's header letters."""
    issues = []
    for tie in ties(rules, lambda rule: _fold(rule.section)):
        first, later = tie.positions[0], tie.positions[1]
        issues.append(
            Issue(
                severity=Severity.WARNING,
                sheet="TDS Rules",
                cell=f"{letters.get('Effective From', '')}{rows[later]}" if rows[later] else "",
                value=f"{tie.effective_from:%d-%m-%Y}" if tie.effective_from else "",
                problem=tie.problem(f"section {rules[first].section}")
                + f" (rows {', '.join(str(rows[p]) for p in tie.positions)})",
                hint="Give the later row a later Effective From, or an Effective To to the "
                "earlier one.",
                file=file,
            )
        )
    return issues


def payee_rate(rule: TDSRule, pan: str | None) -> tuple[Decimal, str]:
    """The rate for a payee with this PAN, and who the payee is taken to be."""
    if not pan or not pan_id.is_valid(pan):
        usual = max(rule.rate_individual, rule.rate_others)
        higher = ", s.206AA" if rule.act == 1961 else ""
        return max(usual, rule.rate_no_pan), f"no valid PAN{higher}"
    kind = pan_id.HOLDER_TYPES.get(pan[3], "")
    if pan[3] in "PH":
        return rule.rate_individual, f"{kind} PAN"
    return rule.rate_others, f"{kind or 'other'} PAN"


def _tax(base: int, rate: Decimal) -> int:
    rupees = (from_paise(base) * rate).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return to_paise(rupees)


def _no_rule(rules: Sequence[TDSRule], section: str, day: date) -> BillTDS:
    """No rule for the section on the day: say so, naming the sections it may mean (194J is
    two: 194J(a) at 2%, 194J(b) at 10%)."""
    key = _fold(section)
    meant = sorted(
        {f"{r.section} ({r.nature.lower()})" for r in rules
         if r.in_force(day) and _fold(r.section).startswith(f"{key}(")}
    )  # fmt: skip
    if meant:
        return BillTDS(
            section=section,
            why=f"{section} is {len(meant)} sections with their own rates: {', '.join(meant)}",
            problem=f"TDS section {section} is ambiguous: write {' or '.join(meant)}",
        )
    return BillTDS(
        section=section,
        why=f"no TDS rule for {section} on {day:%d-%m-%Y}",
        problem=f"No row of TDS Rules covers section {section} on {day:%d-%m-%Y}",
    )


@dataclass
class _Tally:
    total: int = 0
    untaxed: int = 0


def tds_on_bills(
    bills: Sequence[PurchaseBill],
    vendors: Mapping[str, Vendor],
    rules: Sequence[TDSRule],
    turnover: Decimal | None = None,
    certificates: Sequence[TDSCertificate] = (),
) -> list[BillTDS]:
    """TDS on each bill (in the order given); `vendors` by folded vendor code. A bill whose
    vendor is unknown gets an empty result (the caller reports the vendor). A lower-deduction
    certificate (`xlbo.vendors.certificates`) valid on the bill's date sets the rate on the
    part of the bill within what its limit has left, the bills using it up in date order."""
    results = [BillTDS() for _ in bills]
    certified = Certificates(certificates)
    tallies: dict[tuple[str, str, object], _Tally] = {}
    found_rules: dict[tuple[str, date], TDSRule | None] = {}
    order = sorted(range(len(bills)), key=lambda i: (bills[i].bill_date, i))
    for i in order:
        bill = bills[i]
        vendor = vendors.get(bill.vendor_code.casefold())
        if vendor is None:
            continue
        section = section_of(bill, vendor)
        if not section:
            results[i] = BillTDS(why="no TDS section on the bill or the vendor")
            continue
        asked = (section, bill.bill_date)
        if asked not in found_rules:  # a year of bills asks the same few questions
            found_rules[asked] = find_rule(rules, section, bill.bill_date)
        rule = found_rules[asked]
        if rule is None:
            results[i] = _no_rule(rules, section, bill.bill_date)
            continue
        if rule.buyer_turnover_above is not None and (
            turnover is None or turnover <= rule.buyer_turnover_above
        ):
            results[i] = BillTDS(
                section=rule.section,
                rule=rule,
                why=f"only when last year's turnover exceeded "
                f"₹{format_inr(rule.buyer_turnover_above)} (Company: Turnover Previous FY)",
            )
            continue
        amount = to_paise(bill.taxable_value)
        year = financial_year(bill.bill_date, TAX_YEAR_START)
        period: object = (
            (bill.bill_date.year, bill.bill_date.month)
            if rule.aggregate_per is AggregatePer.MONTH
            else year.start
        )
        monthly = rule.aggregate_per is AggregatePer.MONTH
        per = "month" if monthly else year.label
        span = "a month" if monthly else f"in {year.label}"
        tally = tallies.setdefault(
            (vendor.vendor_code.casefold(), _fold(rule.section), period), _Tally()
        )
        prior = tally.total
        tally.total += amount
        rate, payee = payee_rate(rule, vendor.pan)
        single = to_paise(rule.single_threshold) if rule.single_threshold is not None else None
        aggregate = (
            to_paise(rule.aggregate_threshold) if rule.aggregate_threshold is not None else None
        )
        if rule.tax_on is TaxOn.ABOVE and aggregate is not None:
            base = max(0, prior + amount - aggregate) - max(0, prior - aggregate)
            reason = (
                f"{per} total ₹{format_inr(from_paise(prior + amount))}; on the part above "
                f"₹{format_inr(from_paise(aggregate))}"
            )
        elif single is None and aggregate is None:
            base, reason = amount, "every bill"
        elif (
            single is not None
            and amount > single
            and not (aggregate is not None and prior + amount > aggregate and tally.untaxed)
        ):
            base = amount
            reason = f"bill above ₹{format_inr(from_paise(single))} single"
        elif aggregate is not None and prior + amount > aggregate:
            base = amount + tally.untaxed
            reason = (
                f"{per} total ₹{format_inr(from_paise(prior + amount))} above "
                f"₹{format_inr(from_paise(aggregate))}"
            )
            if tally.untaxed:
                reason += f", with ₹{format_inr(from_paise(tally.untaxed))} of earlier bills"
            tally.untaxed = 0
        else:
            tally.untaxed += amount
            limits = [f"₹{format_inr(from_paise(single))} single"] if single is not None else []
            if aggregate is not None:
                limits.append(f"₹{format_inr(from_paise(aggregate))} {span}")
            results[i] = BillTDS(
                section=rule.section,
                rule=rule,
                rate=rate,
                why=f"below {' and '.join(limits)} "
                f"({per} so far ₹{format_inr(from_paise(prior + amount))})",
            )
            continue
        use = certified.find(vendor.vendor_code, set(rule.names), bill.bill_date)
        has_pan = bool(vendor.pan) and pan_id.is_valid(vendor.pan or "")
        if use is not None and has_pan:
            results[i] = _certified(rule, use, base, rate, payee, reason)
            continue
        tax = _tax(base, rate)
        unused = (
            f"; certificate {use.certificate.certificate_no} not applied: no valid PAN on "
            "Vendors (the rate without PAN overrides it)"
            if use is not None
            else ""
        )
        results[i] = BillTDS(
            section=rule.section,
            rule=rule,
            rate=rate,
            base=base,
            amount=tax,
            why=f"{reason}; {percent_text(rate)} ({payee}) of ₹{format_inr(from_paise(base))}"
            + unused,
        )
    return results


def _certified(
    rule: TDSRule, use: CertificateUse, base: int, rate: Decimal, payee: str, reason: str
) -> BillTDS:
    """TDS on `base` under a lower-deduction certificate: its rate within what its limit has
    left, the usual `rate` on the rest; rounded once, to the rupee."""
    certificate = use.certificate
    within, beyond = split_base(use, base)
    exact = from_paise(within) * certificate.rate + from_paise(beyond) * rate
    tax = to_paise(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    law = "s.197" if rule.act == 1961 else "s.395(1)"
    why = (
        f"{reason}; certificate {certificate.certificate_no} ({law}): "
        f"{percent_text(certificate.rate)} of ₹{format_inr(from_paise(within))}"
    )
    if beyond:
        why += (
            f", and {percent_text(rate)} ({payee}) of ₹{format_inr(from_paise(beyond))} beyond "
            "its limit"
        )
    elif use.left is not None:
        why += f" (₹{format_inr(from_paise(use.left))} of its limit left)"
    return BillTDS(
        section=rule.section,
        rule=rule,
        rate=certificate.rate if not beyond else rate,
        base=base,
        amount=tax,
        why=why,
        certificate=certificate.certificate_no,
    )
