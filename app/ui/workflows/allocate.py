"""Allocate a person to an activity, from their record.

A full activity offers its waiting list instead; someone already allocated
whom the person must be kept apart from is a warning that needs an override
reason; a schedule clash is refused, naming the clashing session.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import or_, select

from app.core import schema as s
from app.domain import activities
from app.ui.qt import QComboBox, QLineEdit, QPushButton
from app.ui.workflows import common
from app.ui.workflows.warnings import _Form


def open_activities(replica, facility: str, today: dt.date | None = None) -> list[dict]:
    """The facility's activities still running (on the worker)."""
    today = today or dt.date.today()
    a = s.activity
    with replica.reader.connect() as conn:
        return [dict(r) for r in conn.execute(
            select(a.c.id, a.c.code, a.c.name, a.c.capacity, a.c.start_date, a.c.end_date)
            .where(a.c.facility == facility, a.c.voided_at.is_(None),
                   or_(a.c.end_date.is_(None), a.c.end_date >= today))
            .order_by(a.c.name)).mappings()]


class AllocateDialog(_Form):
    def __init__(self, window, person_id: str):
        super().__init__(window, person_id, self.tr("Allocate to an activity"), "allocateDialog")
        self.activity = QComboBox()
        self.activity.setObjectName("allocActivity")
        self.starts = common.date_edit()
        self.override = QLineEdit()
        self.override.setObjectName("allocOverride")
        self.waitlist = QPushButton(self.tr("Put on the &waiting list instead"))
        self.waitlist.setObjectName("allocWaitlist")
        self.waitlist.clicked.connect(self.add_to_waitlist)
        self.waitlist.hide()
        for label, widget in ((self.tr("&Activity:"), self.activity),
                              (self.tr("&From:"), self.starts),
                              (self.tr("&Override reason:"), self.override)):
            self.row(label, widget)
        self.form.addRow(self.waitlist)
        w = window
        self.ready = w.runner.run(open_activities, w.replica, w.actor.facility, owner=self).success(
            self._activities)

    def _activities(self, rows) -> None:
        for r in rows:
            self.activity.addItem(f"{r['name']} ({r['code']})", r["id"])

    def save(self):
        op = self._save(activities.allocate, activity_id=self.activity.currentData(),
                        person_id=self.person_id, start_date=common.py_date(self.starts),
                        override_reason=self.override.text() or None)
        # A full activity offers its waiting list (the error says so).
        op.failure(lambda e: self.waitlist.setVisible(
            bool(getattr(e, "offers_waiting_list", False))))
        return op

    def add_to_waitlist(self):
        return self._save(activities.add_to_waitlist, activity_id=self.activity.currentData(),
                          person_id=self.person_id)


def start(window, person_id: str | None):
    return common.open_for_person(window, person_id, AllocateDialog)
