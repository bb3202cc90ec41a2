"""The charge's documents in the desktop app: the stored charge document shown, printed
and exported byte for byte, the refund dialog (amounts as the service computes them, a
reason required), the new credit note listed; the workspace action per role."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.services import billing, charge_documents, queries
from app.services.charge_documents import RefundResult
from reports.charge_pdf import render_charge_document
from tests.ui.conftest import Desk
from ui.action_rules import action_states
from ui.finance.charge_dialog import ChargeDialog, RefundDialog
from ui.finance.documents import after_charge


def charged(desk: Desk) -> int:
    number = desk.numbers["in_progress"]  # fixed 100.00 + 22.00 against 5000.00
    billing.complete_request(desk.db, desk.tech2, number)
    return number


def test_the_stored_charge_document(qtbot: QtBot, desk: Desk, tmp_path: Path) -> None:
    number = charged(desk)
    sha = after_charge(desk.db, number)
    dialog = ChargeDialog(desk.db, desk.finance, number, can_refund=True, lang="en")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.made is not None and not dialog.loading, timeout=10000)
    stored = charge_documents.charge_pdf(desk.db, desk.finance, number, render_charge_document)
    assert dialog.made is not None and dialog.made.pdf == stored and dialog.page_count == 1
    assert sha is not None and dialog.summary is not None and dialog.summary.pdf_sha256 == sha
    assert "charged €122.00" in dialog.heading.text()
    assert dialog.refund_button.isEnabled() and not dialog.csv_button.isVisible()
    assert dialog.export_to(tmp_path / "charge.pdf")
    assert (tmp_path / "charge.pdf").read_bytes() == stored


def test_refund_from_the_dialog(qtbot: QtBot, desk: Desk) -> None:
    number = charged(desk)
    summary = charge_documents.charge_summary(desk.db, desk.finance, number)
    dialog = RefundDialog(desk.db, desk.finance, summary, lang="en")
    qtbot.addWidget(dialog)
    assert "€100.00 net + VAT €22.00 = €122.00" in dialog.effect.text()  # all that is left
    dialog.net.setText("150")
    assert "not above what can be refunded" in dialog.effect.text()
    dialog.net.setText("20")
    assert "€20.00 net + VAT €4.40 = €24.40" in dialog.effect.text()
    dialog.ok_button.click()
    assert dialog.reason_error.text() == "A reason is required." and not dialog.busy
    dialog.reason.setText("goodwill")
    with qtbot.waitSignal(dialog.finished, timeout=10000):
        dialog.ok_button.click()
    result = dialog.result_value
    assert isinstance(result, RefundResult) and result.total == Decimal("24.40")
    after = charge_documents.charge_summary(desk.db, desk.finance, number)
    assert [(r.reference, r.total) for r in after.refunds] == [(result.reference, Decimal("24.40"))]
    assert after.refunds[0].pdf_sha256 is not None  # its credit note, stored with it
    viewer = ChargeDialog(desk.db, desk.finance, number, can_refund=True, lang="en")
    qtbot.addWidget(viewer)
    qtbot.waitUntil(lambda: viewer.which.count() == 2 and not viewer.loading, timeout=10000)
    with qtbot.waitSignal(viewer.idle, timeout=10000):
        viewer.which.setCurrentIndex(1)
    assert viewer.made is not None and viewer.made.name == result.reference
    assert viewer.result_value is None  # nothing refunded in this one


def test_the_workspace_action_per_role(desk: Desk) -> None:
    number = charged(desk)
    detail = queries.request_detail(desk.db, number)
    for user, enabled in ((desk.finance, True), (desk.lead, True), (desk.tech2, False)):
        state = action_states(desk.ctx(user), detail)["charge_document"]
        assert state.enabled is enabled, user
    open_request = queries.request_detail(desk.db, desk.numbers["accepted"])
    state = action_states(desk.ctx(desk.finance), open_request)["charge_document"]
    assert not state.enabled and "not been charged" in state.reason
