"""Payslips: one workbook per employee, laid out like a real payslip and print-ready on one A4
page — company header, employee details, earnings and deductions side by side, net pay in
figures and in words, year to date."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import xlsxwriter

from xlbo.book.atomic import atomic_path
from xlbo.master.records import Company
from xlbo.money import INR_NUMBER_FORMAT
from xlbo.payroll.compute import PayLine
from xlbo.words import amount_in_words


def _masked(account: str | None) -> str:
    return f"XXXX{account[-4:]}" if account and len(account) > 4 else (account or "")


def write_payslip(
    path: Path,
    line: PayLine,
    company: Company | None,
    month: date,
    ytd_gross: Decimal,
    ytd_tds: Decimal,
    created: Any = None,
) -> Path:
    person = line.employee
    with atomic_path(path) as temporary:
        book = xlsxwriter.Workbook(
            str(temporary),
            {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False},
        )
        if created is not None:
            book.set_properties({"created": created})
        ws = book.add_worksheet("Payslip")
        title = book.add_format({"bold": True, "font_size": 14, "align": "center"})
        centre = book.add_format({"align": "center"})
        bold = book.add_format({"bold": True})
        head = book.add_format(
            {"bold": True, "bg_color": "#1F4E78", "font_color": "#FFFFFF", "border": 1}
        )
        money = book.add_format({"num_format": INR_NUMBER_FORMAT, "border": 1})
        money_bold = book.add_format({"num_format": INR_NUMBER_FORMAT, "bold": True, "border": 1})
        cell = book.add_format({"border": 1})
        cell_bold = book.add_format({"border": 1, "bold": True})
        wrap = book.add_format({"text_wrap": True, "italic": True})
        ws.set_column(0, 0, 24)
        ws.set_column(1, 1, 16)
        ws.set_column(2, 2, 24)
        ws.set_column(3, 3, 16)
        name = company.name if company else "Payslip"
        ws.merge_range("A1:D1", name, title)
        ws.merge_range("A2:D2", (company.address or "") if company else "", centre)
        ws.merge_range(
            "A3:D3",
            f"Payslip for {month:%B %Y}",
            book.add_format({"bold": True, "align": "center"}),
        )
        details = [
            ("Employee ID", person.employee_id, "Paid Days", f"{line.paid_days}"),
            ("Name", person.name, "LOP / NCP Days", f"{line.ncp_days}"),
            ("Designation", person.designation or "", "PAN", person.pan or ""),
            ("Department", person.department or "", "UAN", person.uan or ""),
            ("Work State", person.work_state, "ESI Number", person.esi_number or ""),
            ("Bank Account", _masked(person.bank_account), "Tax Regime", person.tax_regime.value),
        ]
        row = 4
        for left, left_value, right, right_value in details:
            ws.write_string(row, 0, left, bold)
            ws.write_string(row, 1, left_value)
            ws.write_string(row, 2, right, bold)
            ws.write_string(row, 3, right_value)
            row += 1
        row += 1
        ws.write_row(row, 0, ["Earnings", "Amount", "Deductions", "Amount"], head)
        earnings = [(k, v) for k, v in line.earnings.items() if v]
        deductions = [
            (k, v)
            for k, v in (
                ("Provident Fund", line.pf_employee),
                ("Voluntary PF", line.vpf),
                ("ESI", line.esi_employee),
                ("Professional Tax", line.pt),
                ("Labour Welfare Fund", line.lwf_employee),
                ("Income Tax (TDS)", line.tds),
                ("Loan Recovery", line.loan_recovery),
                ("Other Deductions", line.other_deductions),
            )
            if v
        ]
        for index in range(max(len(earnings), len(deductions))):
            row += 1
            if index < len(earnings):
                ws.write_string(row, 0, earnings[index][0], cell)
                ws.write_number(row, 1, float(earnings[index][1]), money)
            else:
                ws.write_blank(row, 0, None, cell)
                ws.write_blank(row, 1, None, cell)
            if index < len(deductions):
                ws.write_string(row, 2, deductions[index][0], cell)
                ws.write_number(row, 3, float(deductions[index][1]), money)
            else:
                ws.write_blank(row, 2, None, cell)
                ws.write_blank(row, 3, None, cell)
        row += 1
        total_deductions = sum((v for _, v in deductions), Decimal(0))
        ws.write_string(row, 0, "Gross Earnings", cell_bold)
        ws.write_number(row, 1, float(line.gross), money_bold)
        ws.write_string(row, 2, "Total Deductions", cell_bold)
        ws.write_number(row, 3, float(total_deductions), money_bold)
        row += 2
        ws.write_string(row, 0, "Net Pay", bold)
        ws.write_number(row, 1, float(line.net_pay), money_bold)
        row += 1
        ws.merge_range(
            row, 0, row, 3, amount_in_words(line.net_pay) if line.net_pay >= 0 else "", wrap
        )
        row += 2
        ws.write_string(row, 0, "Year to date", bold)
        row += 1
        ws.write_string(row, 0, "Gross earnings", cell)
        ws.write_number(row, 1, float(ytd_gross + line.gross), money)
        ws.write_string(row, 2, "Income tax deducted", cell)
        ws.write_number(row, 3, float(ytd_tds + line.tds), money)
        row += 2
        ws.merge_range(
            row, 0, row, 3, "This is a computer-generated payslip and needs no signature.", centre
        )
        ws.set_paper(9)
        ws.set_portrait()
        ws.fit_to_pages(1, 1)
        ws.print_area(0, 0, row, 3)
        ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
        book.close()
    return path
