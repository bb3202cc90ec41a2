"""The dialogs of RIT Desk: one per module, each calling its service itself.

Every dialog takes the database and the acting staff user, runs its service call off
the GUI thread (a double click reaches the service once), shows errors inside itself
and exposes what it did as ``result_value`` after ``accept()``.
"""

from ui.dialogs.assign import AssignDialog
from ui.dialogs.batch_export import BatchExportDialog
from ui.dialogs.completion import CompletionDialog
from ui.dialogs.credit import CreditDialog
from ui.dialogs.decline import DeclineDialog
from ui.dialogs.pdf_preview import PdfPreviewDialog
from ui.dialogs.quote_composer import QuoteComposerDialog
from ui.dialogs.variation import VariationDialog
from ui.dialogs.work_entry import WorkEntryDialog

__all__ = [
    "AssignDialog",
    "BatchExportDialog",
    "CompletionDialog",
    "CreditDialog",
    "DeclineDialog",
    "PdfPreviewDialog",
    "QuoteComposerDialog",
    "VariationDialog",
    "WorkEntryDialog",
]
