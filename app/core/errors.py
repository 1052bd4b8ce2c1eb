"""Errors a user can cause, each naming what was wrong.

Domain and storage code raise these; the CLI and the UI show them as they are.
A ValidationError is raised before anything is written, so the unit of work
that was open rolls back and nothing is lost or half-saved.
"""
from __future__ import annotations


class CustosError(Exception):
    """Base of every error meant to be shown to a user."""


class ValidationError(CustosError):
    """Bad input: `field` names the field, `reason` says what is wrong with it."""

    def __init__(self, field: str, reason: str):
        self.field = field
        self.reason = reason
        super().__init__(f"{field}: {reason}")


class RuleViolation(ValidationError):
    """Input that is well formed but breaks a business rule (capacity, status...)."""


class NotFound(CustosError):
    """A record that the action names does not exist (or is voided)."""

    def __init__(self, table: str, row_id: str):
        self.table = table
        self.row_id = row_id
        super().__init__(f"{table} {row_id} not found")


class StaleRecord(CustosError):
    """The record changed since it was read (optimistic concurrency)."""

    def __init__(self, table: str, row_id: str, expected: int, actual: int):
        self.table, self.row_id = table, row_id
        super().__init__(
            f"{table} {row_id} was changed by someone else "
            f"(version {actual}, expected {expected}); reload and try again"
        )


class ReplicaError(CustosError):
    """The local replica cannot be opened: missing key, wrong key, too new..."""
