"""The zero-VAT nature of a quote in the composer (issue 20): shown only at 0 % VAT.

A quote at 0 % states why (a nature of ``app.domain.invoices.NATURES``, the table the
invoices use) and under which law (the nature's reference unless another is typed); the
service checks the pair (``app.domain.vat_point.check_nature``), this only offers it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from app.domain.invoices import NATURES, nature_of


class NaturePicker(QWidget):
    """A nature combo and the legal reference, hidden above 0 %.

    Signals: none (the composer reads :meth:`values` when it saves)."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.nature = QComboBox()
        self.nature.addItem(self.tr("Choose the nature…"), "")
        for code, nature in NATURES.items():
            words = nature.text_it if lang == "it" else nature.text_en
            self.nature.addItem(f"{code} — {words}", code)
        self.nature.setMaximumWidth(420)
        self.reference = QLineEdit()
        self.reference.setMaxLength(200)
        self.nature.currentIndexChanged.connect(self._nature_changed)
        nature_label = QLabel(self.tr("Na&ture (0 % VAT):"))
        nature_label.setBuddy(self.nature)
        reference_label = QLabel(self.tr("&Legal reference:"))
        reference_label.setBuddy(self.reference)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(nature_label, self.nature)
        form.addRow(reference_label, self.reference)
        self.hide()

    def set_zero_vat(self, zero: bool) -> None:
        self.setVisible(zero)

    def set_values(self, nature: str | None, reference: str | None) -> None:
        index = self.nature.findData(nature or "")
        self.nature.setCurrentIndex(max(index, 0))
        self.reference.setText(reference or "")

    def values(self) -> tuple[str | None, str | None]:
        """(nature, legal reference) as typed; (None, None) when hidden (above 0 %)."""
        if self.isHidden():
            return None, None
        code = str(self.nature.currentData() or "")
        return (code or None), (self.reference.text().strip() or None)

    def _nature_changed(self) -> None:
        """The reference follows the nature unless one of another nature's was typed."""
        found = nature_of(str(self.nature.currentData() or ""))
        typed = self.reference.text().strip()
        if found is not None and (not typed or any(n.reference == typed
                                                   for n in NATURES.values())):
            self.reference.setText(found.reference)
