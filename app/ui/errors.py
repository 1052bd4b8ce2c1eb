"""How errors reach the person at the screen.

A CustosError is something the user can act on, so it is shown as it is,
with the field it names in words ("Date of birth: cannot be in the future").
Anything else is a defect: the user is told it was not saved and the detail
goes to the log.
"""
from __future__ import annotations

import logging

from app.core.errors import CustosError, NotFound, StaleRecord, ValidationError
from app.ui.qt import QCoreApplication, QMessageBox, QT_TRANSLATE_NOOP, QWidget

log = logging.getLogger(__name__)

# Field names the domain uses, in words; translated when shown.
FIELD_LABELS = {
    "first_name": QT_TRANSLATE_NOOP("Fields", "First name"),
    "last_name": QT_TRANSLATE_NOOP("Fields", "Last name"),
    "middle_names": QT_TRANSLATE_NOOP("Fields", "Middle names"),
    "date_of_birth": QT_TRANSLATE_NOOP("Fields", "Date of birth"),
    "sex": QT_TRANSLATE_NOOP("Fields", "Sex"),
    "gender": QT_TRANSLATE_NOOP("Fields", "Gender"),
    "person": QT_TRANSLATE_NOOP("Fields", "Person"),
    "person_id": QT_TRANSLATE_NOOP("Fields", "Person"),
    "not_duplicate_reason": QT_TRANSLATE_NOOP("Fields", "Why this is a different person"),
    "text": QT_TRANSLATE_NOOP("Fields", "Text"),
    "note_type": QT_TRANSLATE_NOOP("Fields", "Type"),
    "note_subtype": QT_TRANSLATE_NOOP("Fields", "Subtype"),
    "occurred_at": QT_TRANSLATE_NOOP("Fields", "When it happened"),
    "location_id": QT_TRANSLATE_NOOP("Fields", "Location"),
    "to_location_id": QT_TRANSLATE_NOOP("Fields", "Destination"),
    "reason": QT_TRANSLATE_NOOP("Fields", "Reason"),
    "override_reason": QT_TRANSLATE_NOOP("Fields", "Override reason"),
    "note_id": QT_TRANSLATE_NOOP("Fields", "Note"),
    "alert_code": QT_TRANSLATE_NOOP("Fields", "Alert"),
    "other_person_id": QT_TRANSLATE_NOOP("Fields", "Other person"),
    "activity_id": QT_TRANSLATE_NOOP("Fields", "Activity"),
    "visitor_id": QT_TRANSLATE_NOOP("Fields", "Visitor"),
    "correction_reason": QT_TRANSLATE_NOOP("Fields", "Correction reason"),
    "scheduled_at": QT_TRANSLATE_NOOP("Fields", "Hearing at"),
    "late_reason": QT_TRANSLATE_NOOP("Fields", "Reason it is late"),
    "days": QT_TRANSLATE_NOOP("Fields", "Days"),
    "note": QT_TRANSLATE_NOOP("Fields", "Note"),
    "starts_at": QT_TRANSLATE_NOOP("Fields", "Starts at"),
    "booking_number": QT_TRANSLATE_NOOP("Fields", "Booking number"),
    "legal_status": QT_TRANSLATE_NOOP("Fields", "Legal status"),
    "custody_episode_id": QT_TRANSLATE_NOOP("Fields", "Custody"),
    "to_facility": QT_TRANSLATE_NOOP("Fields", "Destination facility"),
    "subject": QT_TRANSLATE_NOOP("Fields", "Subject"),
    "details": QT_TRANSLATE_NOOP("Fields", "Details"),
    "category": QT_TRANSLATE_NOOP("Fields", "Category"),
    "description": QT_TRANSLATE_NOOP("Fields", "Description"),
    "incident_type": QT_TRANSLATE_NOOP("Fields", "Incident type"),
    "outcome": QT_TRANSLATE_NOOP("Fields", "Outcome"),
    "status": QT_TRANSLATE_NOOP("Fields", "Status"),
    "absence_reason": QT_TRANSLATE_NOOP("Fields", "Absence reason"),
    "identifiers": QT_TRANSLATE_NOOP("Fields", "Identifier"),
    "aliases": QT_TRANSLATE_NOOP("Fields", "Alias"),
    "value": QT_TRANSLATE_NOOP("Fields", "Number"),
    "id_type": QT_TRANSLATE_NOOP("Fields", "Identifier type"),
    "server": QT_TRANSLATE_NOOP("Fields", "Sync server"),
    "password": QT_TRANSLATE_NOOP("Fields", "Password"),
    "username": QT_TRANSLATE_NOOP("Fields", "User name"),
    "idle_minutes": QT_TRANSLATE_NOOP("Fields", "Lock after (minutes idle)"),
    "language": QT_TRANSLATE_NOOP("Fields", "Language"),
}


def field_label(field: str) -> str:
    """The field a ValidationError names, in the user's language."""
    base = field.split(".")[-1].split("[")[0]
    source = FIELD_LABELS.get(field) or FIELD_LABELS.get(base)
    if source:
        return QCoreApplication.translate("Fields", source)
    return field.replace("_", " ").capitalize()


def error_text(error: BaseException) -> str:
    """One clear sentence for the user about `error`."""
    if isinstance(error, ValidationError):
        return f"{field_label(error.field)}: {error.reason}"
    if isinstance(error, (NotFound, StaleRecord, CustosError)):
        return str(error)
    return QCoreApplication.translate(
        "Errors", "Something went wrong and nothing was saved. The details are in the log."
    )


def show_error(parent: QWidget | None, error: BaseException) -> QMessageBox:
    """Show `error` in a window-modal message box that does not block the caller."""
    if not isinstance(error, CustosError):
        log.error("unexpected error", exc_info=error)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Errors", "Not saved"))
    box.setText(error_text(error))
    box.setObjectName("errorBox")
    box.open()
    return box
