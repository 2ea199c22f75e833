"""Payroll: the statutory figures of a month's salary — PF, ESI, PT, LWF and TDS — each computed
from the rule rows of the master workbook and explained (base, rate, ceiling, rounding, rule row).

Engines here are pure functions on Decimal rupees; the payroll job (register, payslips, ECR, ESI
and bank files) builds on them.
"""
