"""The start dialog's connection errors as the user should read them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.connection import (
    LOGIN_DISABLED,
    NO_SUCH_LOGIN,
    NOT_STAFF_HERE,
    PASSWORD_REFUSED,
    PASSWORD_REQUIRED,
    sign_in_problem,
)


def friendly_error(message: str, where: str, login: str = "") -> str:
    """The connection error as the user should read it (the raw text follows)."""
    low = message.lower()
    problem = sign_in_problem(message)
    if problem == PASSWORD_REQUIRED:
        text = QCoreApplication.translate(
            "StartDialog", "The server asks for a password: type it and sign in again.")
    elif problem == PASSWORD_REFUSED:
        text = QCoreApplication.translate(
            "StartDialog", "The server refused the user name or password.")
    elif problem == LOGIN_DISABLED:
        text = QCoreApplication.translate(
            "StartDialog", "The login %1 is disabled on the server: ask whoever runs the "
            "database.").replace("%1", login)
    elif problem == NO_SUCH_LOGIN:
        text = QCoreApplication.translate(
            "StartDialog", "There is no login %1 on this server.").replace("%1", login)
    elif problem == NOT_STAFF_HERE:
        text = QCoreApplication.translate(
            "StartDialog", "The login %1 has no staff record in this database: ask an admin "
            "to add you.").replace("%1", login)
    elif any(s in low for s in ("could not connect", "connection refused", "timeout expired",
                                "could not translate host name", "name or service not known",
                                "no route to host", "connection timed out")):
        text = QCoreApplication.translate(
            "StartDialog", "The server %1 cannot be reached: check the host, the port and the "
            "network.").replace("%1", where)
    elif "does not exist" in low and "database" in low:
        text = QCoreApplication.translate(
            "StartDialog", "The database does not exist on that server.")
    else:
        return message
    return f"{text}\n\n{message}"
