"""The questions asked before a final or destructive action, the same wherever it starts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ui import labels

Q = QCoreApplication  # Q.translate(context, text) is what pyside6-lupdate looks for


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """Yes or No, No being the default (Enter does not confirm by accident)."""
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes
                                  | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def send_quote(reference: str, kind: str, total: Decimal, valid_until: date, customer: str,
               lang: str) -> tuple[str, str]:
    """(title, question) before a quote goes to the customer, from the main window or
    from the composer."""
    text = Q.translate("Confirm", "Send quote %1 to %2?\n%3, total %4, valid until %5.\n"
                                "A sent quote cannot be changed.")
    return Q.translate("Confirm", "Send quote"), (
        text.replace("%1", reference).replace("%2", customer)
        .replace("%3", labels.quote_kind_label(kind)).replace("%4", labels.money(total, lang))
        .replace("%5", labels.date_str(valid_until, lang)))


def submit_quote(reference: str, total: Decimal, limit: Decimal, lang: str) -> tuple[str, str]:
    """(title, question) before a technician submits a quote above their limit."""
    text = Q.translate("Confirm", "Submit quote %1 (total %2) for approval?\nIt is above your "
                                "sending limit of %3 net: a team lead approves and sends it, "
                                "or returns it to you with a reason. Until then it cannot be "
                                "changed.")
    return Q.translate("Confirm", "Submit for approval"), (
        text.replace("%1", reference).replace("%2", labels.money(total, lang))
        .replace("%3", labels.money(limit, lang)))


def delete_draft(reference: str) -> tuple[str, str]:
    return Q.translate("Confirm", "Delete draft"), Q.translate(
        "Confirm", "Delete the draft quote %1?").replace("%1", reference)


def delete_work(hours: str, day: str, request: str) -> tuple[str, str]:
    return Q.translate("Confirm", "Delete work entry"), Q.translate(
        "Confirm", "Delete the %1 logged on %2 on %3?").replace("%1", hours).replace(
        "%2", day).replace("%3", request)


def over_ceiling(reference: str, ceiling: Decimal, minutes: int, amount: Decimal,
                 lang: str) -> tuple[str, str, str]:
    """(title, sentence, question) when work just logged takes a request over its agreed
    ceiling: how much will not be charged, and whether to propose a variation now."""
    said = Q.translate("Confirm", "%1 is over its agreed ceiling of %2: %3 hours (%4) will "
                                  "not be charged.").replace("%1", reference).replace(
        "%2", labels.money(ceiling, lang)).replace("%3", labels.hours(minutes)).replace(
        "%4", labels.money(amount, lang))
    question = said + "\n" + Q.translate(
        "Confirm", "Propose a variation of the agreed amount to the customer now?")
    return Q.translate("Confirm", "Over the agreed ceiling"), said, question


def topup(customer: str, amount: Decimal, balance: Decimal, lang: str) -> tuple[str, str]:
    """(title, question) before a top-up is recorded: the amount and the balance after."""
    return Q.translate("Confirm", "Record top-up"), Q.translate(
        "Confirm", "Record a top-up of %1 for %2?\nThe credit goes from %3 to %4.").replace(
        "%1", labels.money(amount, lang)).replace("%2", customer).replace(
        "%3", labels.money(balance, lang)).replace("%4", labels.money(balance + amount, lang))
