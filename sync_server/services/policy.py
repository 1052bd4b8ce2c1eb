"""Who may read and write which replicated data: the server's one rule table.

Reading comes from app.core.roles (READABLE: role -> data classes), shared
with the client. Writing is decided here, and every rule is checked per
pushed change:

1. Facility. A row belongs to one facility (its `facility` column). A user
   writes only rows of facilities they belong to (central office: every
   facility). A row tied to a person (Table.info["person_column"]) may be
   added only while the person belongs to one of the user's facilities.
   GLOBAL_TABLES are read by every facility (a device needs every facility
   to record a transfer), but written only within the writer's scope.
2. Data class, by role (WRITABLE below). The table's data class, and the
   finer class of each field written (FIELD_CLASSES: assessment answers, the
   text of sensitive case notes), must be writable by one of the user's
   roles. WRITABLE is a subset of READABLE: nobody writes what they cannot
   read back. In particular officers may not write assessments, and
   psychologists do not edit custody or security records.
3. Field. Bookkeeping columns are the server's: an insert may carry only the
   standard ones the unit of work writes (facility, created/updated at/by,
   version), with the author's own name; an update may carry none; a void
   only the void columns. Unknown tables and fields are refused.

Pulling applies the same classes: rows of classes the role may not read are
not sent, and fields of a finer class are left out of the snapshot.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from sqlalchemy import Table

from app.core import roles as R
from app.core.schema import REPLICATED_TABLES

_OFFICER_WRITES = frozenset({"identity", "custody", "security", "discipline", "regime",
                             "visits", "case_notes"})

WRITABLE: dict[str, frozenset[str]] = {
    R.OFFICER: _OFFICER_WRITES,
    # Supervisors also keep the facility's organisation (locations, activities).
    R.SUPERVISOR: _OFFICER_WRITES | {"organisation"},
    R.PSYCHOLOGIST: frozenset({"case_notes", "case_notes_sensitive", "assessment",
                               "assessment_answers", "clinical", "plans"}),
    R.CASE_MANAGER: frozenset({"custody", "plans", "case_notes", "case_notes_sensitive",
                               "assessment", "assessment_answers", "clinical"}),
    # Central office resolves conflicts on any field, so it may write every class.
    R.CENTRAL_OFFICE: frozenset(R.DATA_CLASSES),
    # Administrators manage accounts and the organisation, not people's records.
    R.ADMIN: frozenset({"organisation"}),
}
assert all(WRITABLE[r] <= R.READABLE[r] for r in R.ROLES), "a role writes what it cannot read"

GLOBAL_TABLES = frozenset({"facility"})
"""Tables every device receives whatever its facility (the list of facilities)."""

FIELD_CLASSES: dict[tuple[str, str], str] = {
    ("assessment", "answers"): "assessment_answers",
}
"""Fields whose data class is finer than their table's, whatever the row."""

SENSITIVE_NOTE_FIELDS = ("text",)
"""Fields of a case note marked `sensitive` that are of class case_notes_sensitive."""

REDACTING_TABLES = frozenset({t for t, _f in FIELD_CLASSES} | {"case_note"})
"""Tables some of whose fields may be left out for some readers."""

INSERT_BOOKKEEPING = frozenset({"version", "facility", "created_at", "created_by",
                                "updated_at", "updated_by"})
"""Bookkeeping an insert may carry (as the client's unit of work writes it)."""


def writable_classes(roles: Iterable[str]) -> frozenset[str]:
    """Every data class a user holding `roles` may write."""
    return _writable(tuple(roles))


@lru_cache(maxsize=256)
def _writable(roles: tuple[str, ...]) -> frozenset[str]:
    out: frozenset[str] = frozenset()
    for role in roles:
        out |= WRITABLE[R.check_role(role)]
    return out


def table_class(table: Table) -> str:
    return table.info["data_class"]


def has_finer_fields(table: Table) -> bool:
    """Whether some field of `table` can be of a finer class than the table's own."""
    return table.name in REDACTING_TABLES


def field_class(table: Table, name: str, row: dict[str, Any]) -> str:
    """The data class of field `name` of `row` (the table's unless a finer one applies)."""
    finer = FIELD_CLASSES.get((table.name, name))
    if finer:
        return finer
    if table.name == "case_note" and row.get("sensitive") and name in SENSITIVE_NOTE_FIELDS:
        return "case_notes_sensitive"
    return table_class(table)


def redacted_fields(table: Table, row: dict[str, Any], readable: frozenset[str]) -> list[str]:
    """Fields of `row` that a reader of classes `readable` may not see."""
    out = [name for (tname, name) in FIELD_CLASSES if tname == table.name]
    if table.name == "case_note" and row.get("sensitive"):
        out += list(SENSITIVE_NOTE_FIELDS)
    return [name for name in out if field_class(table, name, row) not in readable]


def readable_tables(readable: frozenset[str]) -> list[str]:
    """Names of the replicated tables whose rows a reader of `readable` receives."""
    return sorted(name for name, t in REPLICATED_TABLES.items() if table_class(t) in readable)
