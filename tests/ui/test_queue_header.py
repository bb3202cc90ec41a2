"""The queue table's columns: hidden ones take no room (seen at 1366 x 768 under X: an
empty gap between the customer and the subject, and the table scrolled sideways)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QStandardItemModel
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Desk
from ui import labels
from ui.queue_header import HIDDEN_BY_DEFAULT, KEYS, QueueHeader, QueueView
from ui.request_table_model import RequestTableModel


def _shown_width(view: QueueView) -> int:
    header = view.horizontalHeader()
    return sum(header.sectionSize(i) for i in range(len(KEYS)) if not header.isSectionHidden(i))


def test_hidden_columns_leave_no_gap(qtbot: QtBot) -> None:
    view = QueueView()
    qtbot.addWidget(view)
    view.setModel(QStandardItemModel(3, len(KEYS), view))
    view.resize(1200, 400)
    columns = QueueHeader(view)
    header = view.horizontalHeader()
    for key in HIDDEN_BY_DEFAULT:
        assert header.isSectionHidden(KEYS.index(key))
    assert header.length() == _shown_width(view)
    # the subject starts where the customer ends (the service between them is hidden)
    customer, subject = KEYS.index("customer"), KEYS.index("subject")
    assert header.sectionPosition(subject) == (header.sectionPosition(customer)
                                               + header.sectionSize(customer))
    # hidden from the header's menu: the same
    columns.set_shown(KEYS.index("age"), False)
    assert header.length() == _shown_width(view)
    columns.set_shown(KEYS.index("service"), True)
    columns.set_shown(KEYS.index("service"), False)
    assert header.length() == _shown_width(view)


def test_a_narrow_table_never_scrolls_sideways(qtbot: QtBot) -> None:
    """Three panes on 1366 pixels leave the table about 600: the fixed columns give way
    (a little) before the table scrolls; with room again they have their widths back."""
    view = QueueView()
    qtbot.addWidget(view)
    view.setModel(QStandardItemModel(3, len(KEYS), view))
    columns = QueueHeader(view)
    header = view.horizontalHeader()
    view.resize(600, 400)
    view.show()
    qtbot.waitUntil(lambda: view.viewport().width() > 0)
    columns.fit()
    assert header.length() <= view.viewport().width()
    assert view.horizontalScrollBar().maximum() == 0
    for key in ("customer", "subject"):
        assert header.sectionSize(KEYS.index(key)) >= 70
    # at 680 pixels (a technician's table at 1366x768) the fixed columns give way until
    # customer and subject have a readable width
    view.resize(680 + view.width() - view.viewport().width(), 400)
    qtbot.waitUntil(lambda: view.viewport().width() == 680)
    assert header.length() <= 680
    for key in ("customer", "subject"):
        assert header.sectionSize(KEYS.index(key)) >= 95, key
    # narrower still (a finance or team lead's wider queue list): the fixed columns have
    # given all they can, customer and subject go below their least rather than scroll
    view.resize(560 + view.width() - view.viewport().width(), 400)
    qtbot.waitUntil(lambda: view.viewport().width() == 560)
    assert header.length() <= 560
    view.resize(1400, 400)
    qtbot.waitUntil(lambda: header.sectionSize(KEYS.index("state")) == 128)
    assert columns.wanted_width("state") == 128
    assert header.length() <= view.viewport().width()


def test_a_title_too_wide_for_its_column_ends_in_an_ellipsis(qtbot: QtBot, desk: Desk) -> None:
    """Seen at 1366x768: 'tale preve' for 'Totale preventivo', clipped at both ends."""
    view = QueueView()
    qtbot.addWidget(view)
    model = RequestTableModel(desk.db, lang="en", parent=view)
    view.setModel(model)
    columns = QueueHeader(view)
    header = view.horizontalHeader()
    horizontal = Qt.Orientation.Horizontal
    total = KEYS.index("quote_total")
    whole = model.headerData(total, horizontal, Qt.ItemDataRole.DisplayRole)
    assert columns.title_for(whole, 400) == whole
    header.resizeSection(total, header.fontMetrics().horizontalAdvance(whole) // 2)
    shown = model.headerData(total, horizontal, Qt.ItemDataRole.DisplayRole)
    assert shown.endswith("…") and whole.startswith(shown[:-1])
    for i in range(len(KEYS)):  # the whole title in the tooltip
        assert model.headerData(i, horizontal, Qt.ItemDataRole.ToolTipRole).startswith(
            model.full_title(i))


def test_priorities_are_never_cut(qtbot: QtBot) -> None:
    """The fixed columns give way, but a priority ('Urgente', bold) is read whole."""
    view = QueueView()
    qtbot.addWidget(view)
    view.setModel(QStandardItemModel(3, len(KEYS), view))
    QueueHeader(view)
    view.resize(420, 300)
    view.show()
    qtbot.waitUntil(lambda: view.viewport().width() > 0)
    bold = QFont(view.font())
    bold.setBold(True)
    widest = max(QFontMetrics(bold).horizontalAdvance(label)
                 for _code, label in labels.priorities())
    assert view.horizontalHeader().sectionSize(KEYS.index("priority")) > widest
