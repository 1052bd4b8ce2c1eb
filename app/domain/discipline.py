"""Discipline: incidents and the adjudications raised from them.

The rules live in two modules, re-exported here so callers (the desktop
client, demo data) can use one name for the whole area:

* app.domain.incidents — reporting an incident and its parties;
* app.domain.adjudications — charges, their status lifecycle, hearings
  (with the 48-hour deadline) and punishments within configured limits.
"""
from __future__ import annotations

from app.domain.adjudications import (
    activate_punishment,
    adjudication_record,
    adjudications_for,
    allowed_next,
    award_punishment,
    change_status,
    hearings_overdue,
    raise_adjudication,
    record_hearing,
    schedule_hearing,
)
from app.domain.incidents import add_party, get_incident, party_role, report_incident

__all__ = [
    "activate_punishment", "add_party", "adjudication_record", "adjudications_for",
    "allowed_next", "award_punishment", "change_status", "get_incident", "hearings_overdue",
    "party_role", "raise_adjudication", "record_hearing", "report_incident", "schedule_hearing",
]
