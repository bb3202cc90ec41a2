"""PDF documents rendered from plain document objects (no database, no Qt)."""

from reports.quote_pdf import render_quote

__all__ = ["render_quote"]
