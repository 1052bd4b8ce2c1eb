"""Visits: book a visit for a person (with their visitor list at hand), and
the visits page: the facility's visits from today, marked as they happen.

Booking warns when someone the person must be kept apart from has a visit
at an overlapping time: the booking then needs an override reason.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app.core import schema as s
from app.domain import visits
from app.ui.i18n import code_label, fmt_date, fmt_datetime
from app.ui.qt import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSpinBox, Qt, QVBoxLayout, QWidget, Signal,
)
from app.ui.workflows import common
from app.ui.workflows.roll import RowsModel, table

UPCOMING_DAYS = 7


def read_visitors(replica, actor, person_id: str) -> list[dict]:
    with replica.unit_of_work(actor) as uow:
        return visits.visitors_for(uow, person_id=person_id)


class VisitDialog(QDialog):
    saved = Signal(str)

    def __init__(self, window, person_id: str):
        super().__init__(window)
        self.setObjectName("visitDialog")
        self.setWindowTitle(self.tr("Book a visit"))
        self.window_, self.person_id = window, person_id
        codes = window.replica.codes
        self.visitor = QComboBox()
        self.visitor.setObjectName("visitVisitor")
        self.approve = QPushButton(self.tr("A&pprove this visitor"))
        self.approve.setObjectName("visitApprove")
        self.approve.clicked.connect(self.approve_visitor)
        self.new_first = QLineEdit()
        self.new_first.setObjectName("visitNewFirst")
        self.new_last = QLineEdit()
        self.new_last.setObjectName("visitNewLast")
        self.new_relationship = common.code_combo(codes, "relationship")
        self.new_relationship.setObjectName("visitNewRelationship")
        self.add = QPushButton(self.tr("Add to the &visitor list"))
        self.add.clicked.connect(self.add_visitor)
        self.starts = common.datetime_edit()
        self.starts.setObjectName("visitStarts")
        self.minutes = QSpinBox()
        self.minutes.setObjectName("visitMinutes")
        self.minutes.setRange(15, 480)
        self.minutes.setSingleStep(15)
        self.minutes.setValue(60)
        self.minutes.setSuffix(self.tr(" min"))
        self.kind = common.code_combo(codes, "visit_type")
        self.kind.setObjectName("visitType")
        self.override = QLineEdit()
        self.override.setObjectName("visitOverride")
        self.error = common.error_label()
        form = QFormLayout()
        for label, widget in ((self.tr("V&isitor:"), self.visitor),
                              (self.tr("New visitor's &first name:"), self.new_first),
                              (self.tr("New visitor's &last name:"), self.new_last),
                              (self.tr("&Relationship:"), self.new_relationship),
                              (self.tr("&Starts at:"), self.starts),
                              (self.tr("&Length:"), self.minutes),
                              (self.tr("&Type:"), self.kind),
                              (self.tr("&Override reason:"), self.override)):
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            lab = QLabel(label)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
        form.insertRow(1, self.approve)
        form.insertRow(5, self.add)
        # Banning the chosen visitor (booked visits in the ban are cancelled), or lifting a ban.
        self.ban_reason = QLineEdit()
        self.ban_reason.setObjectName("visitBanReason")
        self.ban_until = common.date_edit(dt.date.today() + dt.timedelta(days=90))
        self.ban_until.setObjectName("visitBanUntil")
        self.ban_button = QPushButton(self.tr("&Ban this visitor"))
        self.ban_button.setObjectName("visitBan")
        self.ban_button.clicked.connect(self.ban_visitor)
        self.lift_button = QPushButton(self.tr("Lift the ba&n"))
        self.lift_button.setObjectName("visitLiftBan")
        self.lift_button.clicked.connect(self.lift_ban)
        self.ban_box = QGroupBox(self.tr("Ban the chosen visitor"))
        ban_form = QFormLayout(self.ban_box)
        for label, widget in ((self.tr("R&eason:"), self.ban_reason),
                              (self.tr("Banned &until:"), self.ban_until)):
            widget.setAccessibleName(self.tr("Ban") + " " + label.replace("&", "").rstrip(":"))
            lab = QLabel(label)
            lab.setBuddy(widget)
            ban_form.addRow(lab, widget)
        ban_buttons = QHBoxLayout()
        ban_buttons.addWidget(self.ban_button)
        ban_buttons.addWidget(self.lift_button)
        ban_buttons.addStretch()
        ban_form.addRow(ban_buttons)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        common.save_shortcut(self, self.save)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.ban_box)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        self.load_visitors()

    def load_visitors(self, select_id: str | None = None):
        w = self.window_

        def show(rows):
            self.visitor.clear()
            for v in rows:
                status = {"APPROVED": self.tr("approved"), "PENDING": self.tr("waiting for approval"),
                          "BANNED": self.tr("banned until %1").replace(
                              "%1", fmt_date(v.get("banned_until")))}.get(v["status"], v["status"])
                self.visitor.addItem(f"{v['first_name']} {v['last_name']} · "
                                     f"{code_label(w.replica.codes, 'relationship', v['relationship'])}"
                                     f" · {status}", v["id"])
            if select_id:
                self.visitor.setCurrentIndex(self.visitor.findData(select_id))
        self.visitors_op = w.runner.run(read_visitors, w.replica, w.actor, self.person_id, owner=self) \
            .success(show)
        return self.visitors_op

    def _act(self, fn, then, **kw):
        w = self.window_
        self.error.clear()
        op = w.runner.run(common.act, w.replica, w.actor, fn, **kw, owner=self)
        self.action_op = op.success(then).failure(lambda e: common.show_refusal(self.error, e))
        return op

    def add_visitor(self):
        return self._act(visits.add_visitor, lambda row: (self.new_first.clear(),
                                                          self.new_last.clear(),
                                                          self.load_visitors(row["id"])),
                         person_id=self.person_id, first_name=self.new_first.text(),
                         last_name=self.new_last.text(),
                         relationship=self.new_relationship.currentData())

    def approve_visitor(self):
        chosen = self.visitor.currentData()
        return self._act(visits.approve_visitor, lambda row: self.load_visitors(row["id"]),
                         visitor_id=chosen)

    def ban_visitor(self):
        """Ban the chosen visitor until the date given; their booked visits in it are cancelled."""
        def done(row):
            self.ban_reason.clear()
            self.load_visitors(row["id"])
            self.window_.record_changed(self.person_id)
        return self._act(visits.ban_visitor, done, visitor_id=self.visitor.currentData(),
                         reason=self.ban_reason.text(), until=common.py_date(self.ban_until))

    def lift_ban(self):
        """End the chosen visitor's ban early (the reason is required and audited)."""
        def done(row):
            self.ban_reason.clear()
            self.load_visitors(row["id"])
            self.window_.record_changed(self.person_id)
        return self._act(visits.lift_ban, done, visitor_id=self.visitor.currentData(),
                         reason=self.ban_reason.text())

    def save(self):
        start = common.py_datetime(self.starts)

        def done(_row):
            self.saved.emit(self.person_id)
            self.accept()
        self.save_op = self._act(visits.book_visit, done, person_id=self.person_id,
                                 visitor_id=self.visitor.currentData(), starts_at=start,
                                 ends_at=start + dt.timedelta(minutes=self.minutes.value()),
                                 visit_type=self.kind.currentData(),
                                 override_reason=self.override.text() or None)
        return self.save_op


def facility_visits(replica, facility: str, today: dt.date | None = None) -> list[dict]:
    """The facility's visits from the start of today for a week, in time order,
    with any still running then (begun before midnight: they are marked as they end)."""
    today = today or dt.date.today()
    start = dt.datetime.combine(today, dt.time()).astimezone(dt.timezone.utc)
    v, who, p = s.visit, s.visitor, s.person
    with replica.reader.connect() as conn:
        return [dict(r) for r in conn.execute(
            select(v.c.id, v.c.starts_at, v.c.ends_at, v.c.status, v.c.visit_type,
                   v.c.person_id, p.c.first_name, p.c.last_name,
                   who.c.first_name.label("visitor_first"), who.c.last_name.label("visitor_last"))
            .join(p, p.c.id == v.c.person_id).join(who, who.c.id == v.c.visitor_id)
            .where(v.c.facility == facility, v.c.voided_at.is_(None), v.c.ends_at > start,
                   v.c.starts_at < start + dt.timedelta(days=UPCOMING_DAYS))
            .order_by(v.c.starts_at)).mappings()]


class VisitsPage(QWidget):
    def __init__(self, window):
        super().__init__()
        self.window_ = window
        self.rows: list[dict] = []
        self.model = RowsModel([self.tr("When"), self.tr("Name"), self.tr("Visitor"),
                                self.tr("Type"), self.tr("Status")], self)
        self.view = table(self.model, "visitList")
        self.view.setAccessibleName(self.tr("Visits from today"))
        self.view.activated.connect(lambda i: self.window_.show_person(self.rows[i.row()]["person_id"]))
        self.came = QPushButton(self.tr("&Took place"))
        self.came.setObjectName("visitCompleted")
        self.came.clicked.connect(lambda: self.finish(visits.complete_visit))
        self.missed = QPushButton(self.tr("Visitor did &not come"))
        self.missed.setObjectName("visitNoShow")
        self.missed.clicked.connect(lambda: self.finish(visits.no_show))
        self.error = common.error_label()
        buttons = QHBoxLayout()
        buttons.addWidget(self.came)
        buttons.addWidget(self.missed)
        buttons.addStretch()
        box = QVBoxLayout(self)
        box.addWidget(QLabel(self.tr("Visits from today (book one from the person's record):")))
        box.addWidget(self.view, 1)
        box.addLayout(buttons)
        box.addWidget(self.error)
        self.refresh()

    def refresh(self):
        w = self.window_
        self.list_op = w.runner.run(facility_visits, w.replica, w.actor.facility, owner=self).success(
            self._show)
        return self.list_op

    def _show(self, rows) -> None:
        codes = self.window_.replica.codes
        self.rows = rows
        status = {"BOOKED": self.tr("booked"), "COMPLETED": self.tr("took place"),
                  "CANCELLED": self.tr("cancelled"), "NO_SHOW": self.tr("did not come")}
        self.model.set_rows([[fmt_datetime(r["starts_at"]), f"{r['last_name']}, {r['first_name']}",
                              f"{r['visitor_first']} {r['visitor_last']}",
                              code_label(codes, "visit_type", r["visit_type"]),
                              status.get(r["status"], r["status"])] for r in rows],
                            [r["id"] for r in rows])
        if rows:
            self.view.selectRow(0)

    def finish(self, fn):
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        w = self.window_
        self.error.clear()
        op = w.runner.run(common.act, w.replica, w.actor, fn,
                          visit_id=self.model.data(index, Qt.ItemDataRole.UserRole), owner=self)
        self.action_op = op.success(lambda _r: self.refresh()).failure(
            lambda e: common.show_refusal(self.error, e))
        return op


def start(window, person_id: str | None):
    return common.open_for_person(window, person_id, VisitDialog, "visits")


def page(window) -> VisitsPage:
    return VisitsPage(window)
