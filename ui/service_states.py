"""A customer's services in the staged credit procedure (issue 19): their state, billing
basis and next step, as the customer panel lists them and the request header says them.

Plain views of :class:`app.services.dto.ServiceView` (no service calls, no rules: the
next step and its time come computed from ``app/domain/credit_steps.py``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from app.services.dto import ServiceView
from ui import labels

Q = QCoreApplication

# the colour of a state (active: the palette's text)
STATE_COLOURS = {"off": "#c62828", "archived": "#6a1b9a", "deleted": "#616161"}


def state_label(code: str) -> str:
    return {
        "active": Q.translate("ServiceStates", "Active"),
        "off": Q.translate("ServiceStates", "Switched off"),
        "archived": Q.translate("ServiceStates", "Archived"),
        "deleted": Q.translate("ServiceStates", "Deleted"),
    }.get(code, code)


def billing_label(service: ServiceView, lang: str) -> str:
    if service.billing == "monthly" and service.paid_until is not None:
        return Q.translate("ServiceStates", "Monthly, paid until %1").replace(
            "%1", labels.date_str(service.paid_until, lang))
    if service.billing == "monthly":
        return Q.translate("ServiceStates", "Monthly")
    return Q.translate("ServiceStates", "Hourly")


def next_step_text(service: ServiceView, lang: str, *, minutes: bool = False) -> str:
    """``Archived on 14/12/2026`` (with the time when ``minutes``; empty: no step
    coming)."""
    if service.next_step is None or service.next_step_at is None:
        return ""
    template = {
        "off": Q.translate("ServiceStates", "Switched off on %1"),
        "archive": Q.translate("ServiceStates", "Archived on %1"),
        "delete": Q.translate("ServiceStates", "Deleted on %1"),
    }.get(service.next_step, service.next_step + " %1")
    when = (labels.datetime_str if minutes else labels.date_str)(service.next_step_at, lang)
    return template.replace("%1", when)


def state_summary(service: ServiceView, lang: str) -> str:
    """One line for the request header: the state and, when one is coming, the next step
    (an active service with nothing coming: empty)."""
    step = next_step_text(service, lang)
    if service.state == "active" and not step:
        return ""
    parts = [state_label(service.state)] + ([step] if step else [])
    return " · ".join(parts)


class ServicesTable(QTreeWidget):
    """The services of one customer: name, kind, billing, state, next step."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("servicesTree")
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setHeaderLabels([self.tr("Service"), self.tr("Kind"), self.tr("Billing"),
                              self.tr("State"), self.tr("Next step")])
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.header().setStretchLastSection(True)

    def show_services(self, services: tuple[ServiceView, ...], lang: str) -> None:
        self.clear()
        for s in services:
            item = QTreeWidgetItem([s.name, labels.service_kind_label(s.kind),
                                    billing_label(s, lang), state_label(s.state),
                                    next_step_text(s, lang)])
            item.setToolTip(4, next_step_text(s, lang, minutes=True))
            colour = STATE_COLOURS.get(s.state)
            if colour is not None:
                item.setForeground(3, QBrush(QColor(colour)))
            self.addTopLevelItem(item)
        rows = max(1, len(services))
        height = self.header().sizeHint().height() + rows * max(
            self.sizeHintForRow(0), self.fontMetrics().height() + 6) + 2 * self.frameWidth()
        self.setFixedHeight(min(height, 8 * (self.fontMetrics().height() + 6)))
