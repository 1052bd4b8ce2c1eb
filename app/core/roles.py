"""Roles and the data classes each may read: one table for client and server.

Every replicated table names a data class (`Table.info["data_class"]` in
app.core.schema); some fields carry a finer class of their own (assessment
answers, sensitive case notes). A role reads a row or field only if the class
is in its set below. The client uses this to hide what a role may not see;
the sync server uses the same table to decide what it sends and accepts,
which is what actually enforces it.

Facility scope is separate: users belong to one or more facilities and read
only those, except roles in ALL_FACILITY_ROLES (central office), which read
every facility.
"""
from __future__ import annotations

from collections.abc import Iterable

OFFICER = "officer"
PSYCHOLOGIST = "psychologist"
CASE_MANAGER = "case_manager"
SUPERVISOR = "supervisor"
CENTRAL_OFFICE = "central_office"
ADMIN = "admin"

ROLES: tuple[str, ...] = (OFFICER, PSYCHOLOGIST, CASE_MANAGER, SUPERVISOR, CENTRAL_OFFICE, ADMIN)

DATA_CLASSES: dict[str, str] = {
    "organisation": "facilities, locations, activities and other organisational data",
    "identity": "who a person is: names, identifiers, aliases, photographs",
    "custody": "custody episodes, offences, sentences, movements, grievances",
    "security": "alerts and non-associations",
    "discipline": "incidents, adjudications, hearings and punishments",
    "regime": "activities, allocations and attendance",
    "visits": "visitors and visits",
    "plans": "sentence plans, objectives and reviews",
    "case_notes": "ordinary case notes",
    "case_notes_sensitive": "case notes marked sensitive (health, safeguarding)",
    "assessment": "that an assessment exists, its status and its scores",
    "assessment_answers": "the answers given in an assessment",
    "clinical": "clinical and psychological information",
}

_OPERATIONAL = frozenset(
    {"organisation", "identity", "custody", "security", "discipline", "regime", "visits",
     "case_notes"}
)
_CLINICAL = frozenset({"case_notes_sensitive", "assessment", "assessment_answers", "clinical"})

READABLE: dict[str, frozenset[str]] = {
    OFFICER: _OPERATIONAL,
    SUPERVISOR: _OPERATIONAL | {"plans", "assessment"},
    PSYCHOLOGIST: frozenset({"organisation", "identity", "custody", "case_notes", "plans"})
    | _CLINICAL,
    CASE_MANAGER: frozenset({"organisation", "identity", "custody", "discipline", "regime",
                             "visits", "case_notes", "plans"}) | _CLINICAL,
    # Central office resolves conflicts on any field, so it reads everything.
    CENTRAL_OFFICE: frozenset(DATA_CLASSES),
    # Administrators manage accounts and devices, not people's records.
    ADMIN: frozenset({"organisation"}),
}

ALL_FACILITY_ROLES: frozenset[str] = frozenset({CENTRAL_OFFICE})
"""Roles that read every facility instead of only the user's own."""


def check_role(role: str) -> str:
    """Return `role` if it is known, else raise ValueError listing the known roles."""
    if role not in READABLE:
        raise ValueError(f"unknown role {role!r}; roles are: {', '.join(ROLES)}")
    return role


def readable_classes(roles: Iterable[str]) -> frozenset[str]:
    """Every data class that a user holding `roles` may read."""
    out: frozenset[str] = frozenset()
    for role in roles:
        out |= READABLE[check_role(role)]
    return out


def may_read(roles: Iterable[str], data_class: str) -> bool:
    """Whether a user holding `roles` may read data of `data_class`."""
    if data_class not in DATA_CLASSES:
        raise ValueError(f"unknown data class {data_class!r}")
    return data_class in readable_classes(roles)


def reads_all_facilities(roles: Iterable[str]) -> bool:
    """Whether `roles` give access to every facility (central office)."""
    return any(check_role(r) in ALL_FACILITY_ROLES for r in roles)
