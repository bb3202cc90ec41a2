"""The errors a use case reports to its caller; each carries one readable message."""

from __future__ import annotations


class RitError(Exception):
    """Base of every error a service reports: shown to the user as it is."""

    kind = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(RitError):
    """Bad input: a value out of range, a missing field, an over-long text."""

    kind = "invalid"


class NotFoundError(RitError):
    """An unknown customer, service, user, request, quote..."""

    kind = "not_found"


class PermissionDenied(RitError):
    """The acting user's role may not do this."""

    kind = "forbidden"


class StateError(RitError):
    """The action is not allowed in the current state (e.g. accepting an expired quote)."""

    kind = "state"


class ConflictError(RitError):
    """Someone else changed the record first (stale edit) or the action already happened."""

    kind = "conflict"


class DatabaseUnavailable(RitError):
    """The central database cannot be reached or refused the credentials."""

    kind = "database"
