"""The modules of the sidebar, declared once, and which roles see each.

A module is shown when the user's roles may read at least one of the data
classes it is about (app.core.roles, the same table the sync server uses to
decide what it sends), or, for central office's conflict queue, when the
user holds one of the named roles. Settings is always there.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from app.core import roles
from app.ui.qt import QCoreApplication, QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Module:
    key: str
    title: str  # source text in the "Modules" context
    data_classes: frozenset[str] = frozenset()
    only_roles: frozenset[str] = frozenset()
    always: bool = False

    @property
    def label(self) -> str:
        return QCoreApplication.translate("Modules", self.title)

    def allowed(self, user_roles: Iterable[str]) -> bool:
        user_roles = tuple(user_roles)
        if self.always:
            return True
        if self.only_roles:
            return any(r in self.only_roles for r in user_roles)
        return bool(self.data_classes & roles.readable_classes(user_roles))


MODULES: tuple[Module, ...] = (
    Module("people", QT_TRANSLATE_NOOP("Modules", "People"), frozenset({"identity"})),
    Module("roll", QT_TRANSLATE_NOOP("Modules", "Unit roll and locations"), frozenset({"custody"})),
    Module("activities", QT_TRANSLATE_NOOP("Modules", "Activities"), frozenset({"regime"})),
    Module("discipline", QT_TRANSLATE_NOOP("Modules", "Discipline"), frozenset({"discipline"})),
    Module("case_notes", QT_TRANSLATE_NOOP("Modules", "Case notes"),
           frozenset({"case_notes", "case_notes_sensitive"})),
    Module("grievances", QT_TRANSLATE_NOOP("Modules", "Grievances and requests"),
           frozenset({"custody"})),
    Module("visits", QT_TRANSLATE_NOOP("Modules", "Visits"), frozenset({"visits"})),
    Module("assessments", QT_TRANSLATE_NOOP("Modules", "Assessments"), frozenset({"assessment"})),
    Module("conflicts", QT_TRANSLATE_NOOP("Modules", "Conflicts"),
           only_roles=frozenset(roles.ALL_FACILITY_ROLES)),
    Module("settings", QT_TRANSLATE_NOOP("Modules", "Settings"), always=True),
)


def modules_for(user_roles: Iterable[str]) -> list[Module]:
    """The modules a user holding `user_roles` sees, in sidebar order."""
    user_roles = tuple(user_roles)
    return [m for m in MODULES if m.allowed(user_roles)]
