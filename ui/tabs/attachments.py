"""The files attached to a request, with Open and Save, and the note and attach actions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHeaderView,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.dto import AttachmentView, RequestDetail
from ui import labels
from ui.tabs.common import RequestPart, action_buttons, align_right, tree

FILE, TYPE, SIZE, ADDED, BY = range(5)
#: what each accepted kind is called on screen
KINDS = {"application/pdf": "PDF", "image/png": "PNG", "image/jpeg": "JPEG"}


class AttachmentsTab(RequestPart, QWidget):
    """The request's attachments, oldest first.

    Signals:
        open_requested(AttachmentView): Open, or a double click on a file.
        save_requested(AttachmentView): Save….
    """

    open_requested = Signal(object)
    save_requested = Signal(object)

    def __init__(self, actions: dict[str, QAction], lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._detail: RequestDetail | None = None
        self.tree = tree(5, self)
        self.tree.setObjectName("attachmentsTree")
        header = self.tree.header()  # the file's name takes the room left
        header.setStretchLastSection(False)
        header.setSectionResizeMode(BY, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FILE, QHeaderView.ResizeMode.Stretch)
        self.buttons = action_buttons(self, actions, ("attach", ""), ("add_note", ""))
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("button_open_attachment")
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("button_save_attachment")
        self.buttons.insertWidget(0, self.open_button)
        self.buttons.insertWidget(1, self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree, 1)
        layout.addLayout(self.buttons)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemActivated.connect(lambda *_: self._emit(self.open_requested))
        self.open_button.clicked.connect(lambda: self._emit(self.open_requested))
        self.save_button.clicked.connect(lambda: self._emit(self.save_requested))
        self.retranslate()
        self._update_buttons()

    def translate_texts(self) -> None:
        self.tree.setHeaderLabels([self.tr("File"), self.tr("Type"), self.tr("Size"),
                                   self.tr("Added"), self.tr("By")])
        self.open_button.setText(self.tr("&Open"))
        self.save_button.setText(self.tr("Save…"))
        # the buttons after Open and Save mirror the workspace's actions
        for index, caption in ((2, self.tr("Attach file…")), (3, self.tr("Add note…"))):
            item = self.buttons.itemAt(index)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QPushButton):
                widget.setText(caption)

    def fill(self, d: RequestDetail) -> None:
        lang = self._lang
        self._detail = d
        self.tree.clear()
        for a in d.attachments:
            item = QTreeWidgetItem([a.filename, KINDS.get(a.media_type, self.tr("Text")),
                                    labels.file_size(a.size, lang),
                                    labels.datetime_str(a.added_at, lang),
                                    labels.person(a.added_by, d.people)])
            item.setData(FILE, Qt.ItemDataRole.UserRole, a)
            item.setToolTip(FILE, f"{a.filename}\nSHA-256 {a.sha256}")
            align_right(item, SIZE)
            self.tree.addTopLevelItem(item)
        self._update_buttons()

    def selected(self) -> AttachmentView | None:
        item = self.tree.currentItem()
        if item is None or not item.isSelected():
            return None
        value = item.data(FILE, Qt.ItemDataRole.UserRole)
        return value if isinstance(value, AttachmentView) else None

    def _emit(self, signal: SignalInstance) -> None:
        attachment = self.selected()
        if attachment is not None:
            signal.emit(attachment)

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.open_button.setEnabled(chosen)
        self.save_button.setEnabled(chosen)
        tip = "" if chosen else self.tr("Select a file in the list.")
        self.open_button.setToolTip(tip)
        self.save_button.setToolTip(tip)
