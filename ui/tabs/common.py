"""What the workspace tabs share: a read-only list, right-aligned cells, action buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from app.services.dto import RequestDetail


def style_list(widget: QTreeWidget, columns: int) -> None:
    """A flat, read-only list whose last column takes the remaining width."""
    widget.setColumnCount(columns)
    widget.setRootIsDecorated(False)
    widget.setUniformRowHeights(True)
    widget.setAlternatingRowColors(True)
    widget.setWordWrap(False)
    widget.header().setStretchLastSection(True)
    widget.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    widget.header().setSectionResizeMode(columns - 1, QHeaderView.ResizeMode.Stretch)


def tree(columns: int, parent: QWidget) -> QTreeWidget:
    """A :func:`style_list` list (its headers are set when it is translated)."""
    widget = QTreeWidget(parent)
    style_list(widget, columns)
    return widget


def align_right(item: QTreeWidgetItem, *columns: int) -> None:
    for column in columns:
        item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def mirror(button: QPushButton, action: QAction) -> None:
    """A button follows its action: enabled, and the tooltip saying why not."""
    button.setEnabled(action.isEnabled())
    button.setToolTip(action.toolTip())


def action_buttons(parent: QWidget, actions: dict[str, QAction],
                   *names: tuple[str, str]) -> QHBoxLayout:
    """Buttons under a tab's list, mirroring the workspace actions (short captions)."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    for name, text in names:
        button = QPushButton(text, parent)
        action = actions[name]
        button.setObjectName(f"button_{name}")
        button.clicked.connect(action.trigger)
        action.changed.connect(lambda b=button, a=action: mirror(b, a))
        mirror(button, action)
        row.addWidget(button)
    row.addStretch(1)
    return row


def set_captions(row: QHBoxLayout, *captions: str) -> None:
    """The (translated) texts of the buttons :func:`action_buttons` made, in order (an
    empty caption: the button's text is set elsewhere)."""
    for i, caption in enumerate(captions):
        item = row.itemAt(i)
        widget = item.widget() if item is not None else None
        if isinstance(widget, QPushButton) and caption:
            widget.setText(caption)


class RequestPart:
    """A part of the workspace that shows one request in the user's language.

    Mixed into a widget class (first among its bases): the subclass sets ``_lang`` and
    ``_detail`` and implements :meth:`translate_texts` (its fixed texts) and :meth:`fill`.
    """

    _lang: str
    _detail: RequestDetail | None

    def set_lang(self, lang: str) -> None:
        """The language of numbers and dates (applied by the next :meth:`retranslate`)."""
        self._lang = lang

    def retranslate(self) -> None:
        """Fixed texts in the current language, and the request shown again in it."""
        self.translate_texts()
        if self._detail is not None:
            self.fill(self._detail)

    def translate_texts(self) -> None:
        raise NotImplementedError

    def fill(self, d: RequestDetail) -> None:
        raise NotImplementedError
