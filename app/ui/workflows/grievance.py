"""Grievances and requests: log one for a person, then answer it.

The dialog opens from a person's profile. The module page lists the
facility's grievances awaiting an answer, overdue first, and answers the
chosen one (an append-only response; the status becomes ANSWERED). Below,
the answered ones can be appealed (a new deadline; it awaits an answer
again) or closed, each with a reason kept in the audit log.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app.core import schema as s
from app.domain import grievances
from app.ui.i18n import code_label, fmt_date
from app.ui.qt import (
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, Qt, QVBoxLayout, QWidget, Signal,
)
from app.ui.workflows import common
from app.ui.workflows.roll import RowsModel, table


class GrievanceDialog(QDialog):
    saved = Signal(str)

    def __init__(self, window, person_id: str):
        super().__init__(window)
        self.setObjectName("grievanceDialog")
        self.setWindowTitle(self.tr("Log a grievance or request"))
        self.window_, self.person_id = window, person_id
        codes = window.replica.codes
        self.kind = common.code_combo(codes, "grievance_deadline")
        self.kind.setObjectName("grievanceKind")
        self.category = common.code_combo(codes, "grievance_category")
        self.category.setObjectName("grievanceCategory")
        self.routed = common.code_combo(codes, "staff_group", blank=self.tr("(the category's usual staff)"))
        self.routed.setObjectName("grievanceRoutedTo")
        self.subject = QLineEdit()
        self.subject.setObjectName("grievanceSubject")
        self.details = QPlainTextEdit()
        self.details.setObjectName("grievanceDetails")
        self.details.setTabChangesFocus(True)
        self.error = common.error_label()
        self.who = QLabel()
        form = QFormLayout()
        for label, widget in ((self.tr("&Kind:"), self.kind), (self.tr("&Category:"), self.category),
                              (self.tr("&Routed to:"), self.routed),
                              (self.tr("&Subject:"), self.subject),
                              (self.tr("&Details:"), self.details)):
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            lab = QLabel(label)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        common.save_shortcut(self, self.save)
        box = QVBoxLayout(self)
        box.addWidget(self.who)
        box.addLayout(form)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        window.runner.run(common.person_name, window.replica, person_id, owner=self).success(
            lambda name: self.who.setText(self.tr("From %1").replace("%1", name)))

    def save(self):
        w = self.window_
        self.buttons.setEnabled(False)
        op = w.runner.run(common.act, w.replica, w.actor, grievances.log_grievance,
                          person_id=self.person_id, kind=self.kind.currentData(),
                          category=self.category.currentData(),
                          routed_to=self.routed.currentData(), subject=self.subject.text(),
                          details=self.details.toPlainText(), owner=self)

        def done(_row):
            self.buttons.setEnabled(True)
            self.saved.emit(self.person_id)
            self.accept()

        def refused(error):
            self.buttons.setEnabled(True)
            common.show_refusal(self.error, error)
        self.save_op = op.success(done).failure(refused)
        return op


def awaiting_answer(replica, facility: str, today: dt.date | None = None) -> list[dict]:
    """The facility's grievances that still await an answer, overdue first (on the worker)."""
    g, p = s.grievance, s.person
    waiting = [c for c, code in replica.codes.domain("grievance_status").items()
               if grievances.ANSWERED in code.attributes.get("next", [])]
    with replica.reader.connect() as conn:
        rows = [dict(r) for r in conn.execute(
            select(g.c.id, g.c.person_id, g.c.kind, g.c.category, g.c.subject, g.c.details,
                   g.c.status, g.c.due_by, p.c.first_name, p.c.last_name)
            .join(p, p.c.id == g.c.person_id)
            .where(g.c.facility == facility, g.c.voided_at.is_(None), g.c.status.in_(waiting))
            .order_by(g.c.due_by, g.c.submitted_at)).mappings()]
    return rows


def answered(replica, facility: str) -> list[dict]:
    """The facility's answered grievances, newest first, with their last outcome (on the worker)."""
    g, p, r = s.grievance, s.person, s.grievance_response
    with replica.reader.connect() as conn:
        rows = [dict(x) for x in conn.execute(
            select(g.c.id, g.c.person_id, g.c.kind, g.c.subject, g.c.status, g.c.submitted_at,
                   p.c.first_name, p.c.last_name)
            .join(p, p.c.id == g.c.person_id)
            .where(g.c.facility == facility, g.c.voided_at.is_(None),
                   g.c.status == grievances.ANSWERED)
            .order_by(g.c.submitted_at.desc())).mappings()]
        outcomes: dict[str, str] = {}
        if rows:
            for gid, outcome in conn.execute(
                    select(r.c.grievance_id, r.c.outcome)
                    .where(r.c.grievance_id.in_([x["id"] for x in rows]), r.c.voided_at.is_(None))
                    .order_by(r.c.responded_at)):
                outcomes[gid] = outcome  # the latest answer wins
    for x in rows:
        x["outcome"] = outcomes.get(x["id"])
    return rows


class GrievancesPage(QWidget):
    def __init__(self, window):
        super().__init__()
        self.window_ = window
        codes = window.replica.codes
        self.rows: list[dict] = []
        self.model = RowsModel([self.tr("Name"), self.tr("Kind"), self.tr("Category"),
                                self.tr("Subject"), self.tr("Due by")], self)
        self.view = table(self.model, "grievanceList")
        self.view.setAccessibleName(self.tr("Grievances awaiting an answer"))
        self.view.selectionModel().currentRowChanged.connect(self._chosen)
        self.detail = QLabel()
        self.detail.setObjectName("grievanceDetail")
        self.detail.setWordWrap(True)
        self.outcome = common.code_combo(codes, "grievance_outcome")
        self.outcome.setObjectName("responseOutcome")
        self.outcome.setAccessibleName(self.tr("Outcome"))
        self.text = QPlainTextEdit()
        self.text.setObjectName("responseText")
        self.text.setAccessibleName(self.tr("Response"))
        self.text.setTabChangesFocus(True)
        self.answer = QPushButton(self.tr("&Answer"))
        self.answer.setObjectName("responseSave")
        self.answer.clicked.connect(self.respond)
        self.error = common.error_label()
        self.summary = QLabel()
        self.summary.setObjectName("grievanceSummary")
        answer_box = QGroupBox(self.tr("Response"))
        form = QFormLayout(answer_box)
        form.addRow(self.tr("Outcome:"), self.outcome)
        form.addRow(self.tr("Response:"), self.text)
        form.addRow(self.answer)
        # Answered: appeal (it awaits an answer again, with a new deadline) or close.
        self.answered_rows: list[dict] = []
        self.answered_model = RowsModel([self.tr("Name"), self.tr("Kind"), self.tr("Subject"),
                                         self.tr("Outcome")], self)
        self.answered_view = table(self.answered_model, "answeredList")
        self.answered_view.setAccessibleName(self.tr("Answered grievances"))
        self.change_reason = QLineEdit()
        self.change_reason.setObjectName("grievanceChangeReason")
        self.change_reason.setAccessibleName(self.tr("Reason for the appeal or closing"))
        self.appeal_button = QPushButton(self.tr("A&ppeal"))
        self.appeal_button.setObjectName("grievanceAppeal")
        self.appeal_button.clicked.connect(lambda: self.change(grievances.APPEALED))
        self.close_button = QPushButton(self.tr("Cl&ose"))
        self.close_button.setObjectName("grievanceClose")
        self.close_button.clicked.connect(lambda: self.change("CLOSED"))
        reason_label = QLabel(self.tr("&Reason:"))
        reason_label.setBuddy(self.change_reason)
        change_row = QHBoxLayout()
        change_row.addWidget(reason_label)
        change_row.addWidget(self.change_reason, 1)
        change_row.addWidget(self.appeal_button)
        change_row.addWidget(self.close_button)
        self.change_error = common.error_label()
        answered_title = QLabel(self.tr("Answered — appeal or close:"))
        answered_title.setBuddy(self.answered_view)
        left = QVBoxLayout()
        left.addWidget(self.summary)
        left.addWidget(self.view, 3)
        left.addWidget(answered_title)
        left.addWidget(self.answered_view, 2)
        left.addLayout(change_row)
        left.addWidget(self.change_error)
        right = QVBoxLayout()
        right.addWidget(self.detail)
        right.addWidget(answer_box)
        right.addWidget(self.error)
        right.addStretch()
        row = QHBoxLayout(self)
        row.addLayout(left, 3)
        row.addLayout(right, 2)
        common.save_shortcut(answer_box, self.respond)
        self.refresh()

    def refresh(self):
        w = self.window_
        self.answered_op = w.runner.run(answered, w.replica, w.actor.facility, owner=self).success(
            self._show_answered)
        self.list_op = w.runner.run(awaiting_answer, w.replica, w.actor.facility, owner=self).success(
            self._show)
        return self.list_op

    def _show_answered(self, rows) -> None:
        codes = self.window_.replica.codes
        self.answered_rows = rows
        self.answered_model.set_rows(
            [[f"{r['last_name']}, {r['first_name']}",
              code_label(codes, "grievance_deadline", r["kind"]), r["subject"],
              code_label(codes, "grievance_outcome", r["outcome"]) if r["outcome"] else ""]
             for r in rows], [r["id"] for r in rows])
        if rows:
            self.answered_view.selectRow(0)

    def change(self, status: str):
        """Appeal or close the chosen answered grievance, with the reason typed."""
        index = self.answered_view.currentIndex()
        if not index.isValid() or index.row() >= len(self.answered_rows):
            self.change_error.setText(self.tr("Grievance: choose an answered grievance"))
            return None
        row = self.answered_rows[index.row()]
        w = self.window_
        self.change_error.clear()
        op = w.runner.run(common.act, w.replica, w.actor, grievances.change_status,
                          grievance_id=row["id"], status=status,
                          reason=self.change_reason.text(), owner=self)

        def done(_r):
            self.change_reason.clear()
            w.record_changed(row["person_id"])
            self.refresh()
        self.change_op = op.success(done).failure(
            lambda e: common.show_refusal(self.change_error, e))
        return op

    def _show(self, rows) -> None:
        codes = self.window_.replica.codes
        today = dt.date.today()
        self.rows = rows
        self.model.set_rows([[f"{r['last_name']}, {r['first_name']}",
                              code_label(codes, "grievance_deadline", r["kind"]),
                              code_label(codes, "grievance_category", r["category"]),
                              r["subject"], fmt_date(r["due_by"])] for r in rows],
                            [r["id"] for r in rows])
        late = sum(1 for r in rows if r["due_by"] < today)
        self.summary.setText(self.tr("%1 awaiting an answer, %2 overdue")
                             .replace("%1", str(len(rows))).replace("%2", str(late)))
        if rows:
            self.view.selectRow(0)
        else:
            self.detail.clear()

    def current(self) -> dict | None:
        index = self.view.currentIndex()
        return self.rows[index.row()] if index.isValid() and index.row() < len(self.rows) else None

    def _chosen(self, current, _previous) -> None:
        row = self.current()
        if row:
            self.detail.setTextFormat(Qt.TextFormat.PlainText)  # typed text is never markup
            self.detail.setText(f"{row['subject']}\n\n{row['details']}")

    def respond(self):
        row = self.current()
        if row is None:
            return None
        w = self.window_
        self.error.clear()
        op = w.runner.run(common.act, w.replica, w.actor, grievances.respond,
                          grievance_id=row["id"], outcome=self.outcome.currentData(),
                          text=self.text.toPlainText(), owner=self)

        def done(_r):
            self.text.clear()
            w.record_changed(row["person_id"])
            self.refresh()
        self.answer_op = op.success(done).failure(lambda e: common.show_refusal(self.error, e))
        return op


def start(window, person_id: str | None):
    return common.open_for_person(window, person_id, GrievanceDialog, "grievances")


def page(window) -> GrievancesPage:
    return GrievancesPage(window)
