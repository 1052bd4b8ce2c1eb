"""Grievances and requests: log one for a person, then answer it.

The dialog opens from a person's profile. The module page lists the
facility's grievances awaiting an answer, overdue first, and answers the
chosen one (an append-only response; the status becomes ANSWERED).
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
        left = QVBoxLayout()
        left.addWidget(self.summary)
        left.addWidget(self.view, 1)
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
        self.list_op = w.runner.run(awaiting_answer, w.replica, w.actor.facility, owner=self).success(
            self._show)
        return self.list_op

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
    if person_id is None:
        window.find_person()
        return None
    dialog = GrievanceDialog(window, person_id)
    dialog.saved.connect(window.record_changed)
    page = window.pages.get("grievances")
    if page is not None:
        dialog.accepted.connect(page.refresh)
    dialog.open()
    return dialog


def page(window) -> GrievancesPage:
    return GrievancesPage(window)
