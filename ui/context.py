"""What every window and panel needs to know: the database, who is signed in, the language."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from app.services.queue_rows import StaffView

if TYPE_CHECKING:  # SQLAlchemy: not before the first page is painted
    from app.db.database import Database


@dataclass(frozen=True)
class AppContext:
    """The signed-in session: passed to panels through their constructors.

    ``send_limit`` is the net amount up to which a technician may send a quote
    (a shared setting, read once at sign-in).
    """

    db: Database
    user: StaffView
    lang: str = "it"
    send_limit: Decimal = Decimal("1000.00")

    @property
    def username(self) -> str:
        return self.user.username

    @property
    def role(self) -> str:
        return self.user.role
