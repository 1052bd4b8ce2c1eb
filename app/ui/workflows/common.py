"""Pieces shared by the workflow dialogs: reference-code pickers, running one
user action as one unit of work on the replica worker, inline error text,
and the reads the pickers need (Qt-free functions, run on the worker).
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from sqlalchemy import and_, func, select

from app.core import schema as s
from app.ui.errors import error_text
from app.ui.i18n import code_label
from app.ui.qt import (
    QComboBox, QDate, QDateTime, QDateTimeEdit, QDateEdit, QKeySequence, QLabel, QLocale,
    QShortcut, Qt, QWidget,
)

IN_CUSTODY = ("ACTIVE", "OUT")


def act(replica, actor, fn: Callable[..., Any], **kw: Any) -> Any:
    """Run `fn(uow, **kw)` in its own unit of work (on a worker): one user action."""
    with replica.unit_of_work(actor) as uow:
        return fn(uow, **kw)


def code_combo(codes, domain: str, *, parent: str | None = None, blank: str | None = None,
               only: Callable[[Any], bool] | None = None) -> QComboBox:
    """A combo box of the active codes of `domain` (labels in the user's language)."""
    combo = QComboBox()
    fill_codes(combo, codes, domain, parent=parent, blank=blank, only=only)
    return combo


def fill_codes(combo: QComboBox, codes, domain: str, *, parent: str | None = None,
               blank: str | None = None, only=None) -> None:
    combo.clear()
    if blank is not None:
        combo.addItem(blank, None)
    for code in codes.domain(domain).values():
        if not code.active or (parent is not None and code.parent != parent):
            continue
        if only is not None and not only(code):
            continue
        combo.addItem(code_label(codes, domain, code.code), code.code)


def error_label() -> QLabel:
    """The red line under a form where a refused action says why."""
    label = QLabel()
    label.setObjectName("formError")
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020; font-weight: bold;")
    return label


def show_refusal(label: QLabel, error: BaseException) -> None:
    label.setText(error_text(error))
    label.setAccessibleDescription(label.text())


def locale_date_format() -> str:
    """The locale's short date format, always with a four-digit year
    (a two-digit year is ambiguous for a date of birth)."""
    fmt = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    return fmt if "yyyy" in fmt else fmt.replace("yy", "yyyy")


def date_edit(value: dt.date | None = None) -> QDateEdit:
    """A date field in the user's locale, with a calendar on Alt+Down."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(locale_date_format())
    day = value or dt.date.today()
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def py_date(edit: QDateEdit) -> dt.date:
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())


def datetime_edit() -> QDateTimeEdit:
    edit = QDateTimeEdit(QDateTime.currentDateTime())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(locale_date_format() + " "
                          + QLocale().timeFormat(QLocale.FormatType.ShortFormat))
    return edit


def py_datetime(edit: QDateTimeEdit) -> dt.datetime:
    """The edited local time as an aware datetime (stored as UTC)."""
    value = edit.dateTime().toPython()
    return value.astimezone() if value.tzinfo is None else value


def save_shortcut(widget: QWidget, slot) -> None:
    """Ctrl+Enter saves a form from any field (Enter alone may be a new line)."""
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        shortcut = QShortcut(QKeySequence(keys), widget, slot)
        # Only while focus is in this form: two forms of one window never compete.
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)


# -- reads for pickers (Qt-free; run on the worker) -----------------------------------

def housing_cells(replica, facility_code: str) -> list[dict[str, Any]]:
    """Active cells of a facility with their occupancy, by code."""
    kinds = [c.code for c in replica.codes.domain("location_kind").values()
             if c.attributes.get("houses_people")]
    loc, ep = s.location, s.custody_episode
    held = (select(ep.c.location_id, func.count().label("n"))
            .where(ep.c.status.in_(IN_CUSTODY), ep.c.voided_at.is_(None))
            .group_by(ep.c.location_id).subquery())
    with replica.reader.connect() as conn:
        rows = conn.execute(
            select(loc.c.id, loc.c.code, loc.c.name, loc.c.operational_capacity,
                   loc.c.max_capacity, func.coalesce(held.c.n, 0).label("held"))
            .select_from(loc.outerjoin(held, held.c.location_id == loc.c.id))
            .where(loc.c.facility == facility_code, loc.c.kind.in_(kinds),
                   loc.c.active.is_(True), loc.c.voided_at.is_(None))
            .order_by(loc.c.code)).mappings().all()
    return [dict(r) for r in rows]


def current_episode(replica, person_id: str) -> dict[str, Any] | None:
    """The person's episode in custody (ACTIVE or OUT) with its location code, or None."""
    ep, loc = s.custody_episode, s.location
    with replica.reader.connect() as conn:
        row = conn.execute(
            select(ep, loc.c.code.label("location_code"))
            .select_from(ep.outerjoin(loc, loc.c.id == ep.c.location_id))
            .where(and_(ep.c.person_id == person_id, ep.c.voided_at.is_(None),
                        ep.c.status.in_(IN_CUSTODY)))
            .order_by(ep.c.admitted_at.desc()).limit(1)).mappings().first()
    return dict(row) if row else None


def person_name(replica, person_id: str) -> str:
    p = s.person
    with replica.reader.connect() as conn:
        row = conn.execute(select(p.c.first_name, p.c.last_name)
                           .where(p.c.id == person_id)).first()
    return f"{row.first_name} {row.last_name}" if row else person_id


def open_dialog(window, dialog, refresh_page: str | None = None):
    """Show a workflow dialog; when it saves, the window (and `refresh_page`) catch up."""
    dialog.saved.connect(window.record_changed)
    page = window.pages.get(refresh_page) if refresh_page else None
    if page is not None:
        dialog.accepted.connect(page.refresh)
    dialog.open()
    return dialog


def open_for_person(window, person_id: str | None, dialog_class, refresh_page: str | None = None):
    """A person's workflow dialog; with no person chosen yet, ask for one first."""
    if person_id is None:
        window.find_person()
        return None
    return open_dialog(window, dialog_class(window, person_id), refresh_page)
