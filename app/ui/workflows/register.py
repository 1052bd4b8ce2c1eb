"""The activity session register: mark a whole session in a few keystrokes.

Pick the session (Up/Down in the list of recent sessions), then in the
register:
  Ctrl+Shift+A  everyone not yet marked: attended
  A             this person attended        (and move down)
  X             absent, for the reason chosen beside the list (and move down)
  E             excused                                       (and move down)
  Ctrl+Enter    save the register
Changing a mark already saved is a correction and needs a reason, which the
form asks for only then.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app.core import schema as s
from app.domain import attendance
from app.ui.i18n import code_label, fmt_datetime
from app.ui.qt import (
    QAbstractTableModel, QEvent, QFormLayout, QHBoxLayout, QKeySequence, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QModelIndex, QPushButton, QShortcut, Qt, QVBoxLayout,
    QWidget,
)
from app.ui.workflows import common
from app.ui.workflows.roll import table

RECENT_DAYS = 7


def recent_sessions(replica, facility: str, now: dt.datetime | None = None) -> list[dict]:
    """Sessions of the facility's activities that started in the last week, newest first."""
    now = now or dt.datetime.now(dt.timezone.utc)
    a, ses = s.activity, s.activity_session
    with replica.reader.connect() as conn:
        rows = conn.execute(
            select(ses.c.id, ses.c.starts_at, ses.c.cancelled, a.c.name)
            .join(a, a.c.id == ses.c.activity_id)
            .where(a.c.facility == facility, a.c.voided_at.is_(None), ses.c.voided_at.is_(None),
                   ses.c.starts_at <= now,
                   ses.c.starts_at >= now - dt.timedelta(days=RECENT_DAYS))
            .order_by(ses.c.starts_at.desc())).mappings().all()
    return [dict(r) for r in rows]


def read_register(replica, actor, session_id: str) -> attendance.Register:
    with replica.unit_of_work(actor) as uow:
        return attendance.register(uow, session_id=session_id)


class RegisterModel(QAbstractTableModel):
    """A session's register: saved marks, with the marks made on screen over them."""

    def __init__(self, codes, parent=None):
        super().__init__(parent)
        self.codes = codes
        self.lines: list[attendance.RegisterLine] = []
        self.marks: dict[str, tuple[str, str | None]] = {}

    def load(self, register: attendance.Register) -> None:
        self.beginResetModel()
        self.lines = [l for l in register.lines if l.expected or l.status]
        self.marks = {}
        self.endResetModel()

    def mark(self, row: int, status: str, reason: str | None = None) -> None:
        line = self.lines[row]
        if (line.status, line.absence_reason) == (status, reason):
            self.marks.pop(line.person_id, None)
        else:
            self.marks[line.person_id] = (status, reason)
        self.dataChanged.emit(self.index(row, 0), self.index(row, 2))

    def mark_unmarked(self, status: str) -> int:
        n = 0
        for row, line in enumerate(self.lines):
            if line.status is None and line.person_id not in self.marks:
                self.mark(row, status)
                n += 1
        return n

    def current(self, row: int) -> tuple[str | None, str | None]:
        line = self.lines[row]
        return self.marks.get(line.person_id, (line.status, line.absence_reason))

    def corrections(self) -> list[str]:
        """People whose saved mark the screen changes."""
        return [l.person_id for l in self.lines if l.status is not None and l.person_id in self.marks]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < 3:
            return (self.tr("Name"), self.tr("Attendance"), self.tr("Reason"))[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        line = self.lines[index.row()]
        status, reason = self.current(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return line.name
            if index.column() == 1:
                text = code_label(self.codes, "attendance_status", status) if status else "—"
                return text + (" *" if line.person_id in self.marks else "")
            return code_label(self.codes, "absence_reason", reason)
        if role == Qt.ItemDataRole.FontRole and line.person_id in self.marks:
            from app.ui.qt import QFont
            font = QFont()
            font.setBold(True)
            return font
        return None


class RegisterPage(QWidget):
    def __init__(self, window):
        super().__init__()
        self.window_ = window
        codes = window.replica.codes
        self.sessions = QListWidget()
        self.sessions.setObjectName("registerSessions")
        self.sessions.setAccessibleName(self.tr("Sessions"))
        self.sessions.currentItemChanged.connect(self._session_chosen)
        self.model = RegisterModel(codes, self)
        self.view = table(self.model, "registerTable")
        self.view.setAccessibleName(self.tr("Register"))
        self.view.installEventFilter(self)
        self.reason = common.code_combo(codes, "absence_reason")
        self.reason.setObjectName("registerAbsenceReason")
        self.reason.setAccessibleName(self.tr("Absence reason for X"))
        self.correction = QLineEdit()
        self.correction.setObjectName("registerCorrection")
        self.correction.setAccessibleName(self.tr("Correction reason"))
        self.title = QLabel(self.tr("Choose a session."))
        self.title.setObjectName("registerTitle")
        help_text = QLabel(self.tr("A attended · X absent · E excused · "
                                   "Ctrl+Shift+A everyone else attended · Ctrl+Enter save"))
        help_text.setWordWrap(True)
        self.all_button = QPushButton(self.tr("Everyone else &attended"))
        self.all_button.clicked.connect(self.mark_rest_attended)
        self.save_button = QPushButton(self.tr("&Save register"))
        self.save_button.setObjectName("registerSave")
        self.save_button.clicked.connect(self.save)
        self.message = common.error_label()
        self.done_label = QLabel()
        self.done_label.setObjectName("registerSaved")
        form = QFormLayout()
        form.addRow(self.tr("Absence reason (X):"), self.reason)
        form.addRow(self.tr("Correction reason:"), self.correction)
        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addWidget(help_text)
        right.addWidget(self.view, 1)
        right.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_button)
        buttons.addStretch()
        buttons.addWidget(self.save_button)
        right.addLayout(buttons)
        right.addWidget(self.message)
        right.addWidget(self.done_label)
        row = QHBoxLayout(self)
        row.addWidget(self.sessions, 1)
        row.addLayout(right, 3)
        everyone = QShortcut(QKeySequence("Ctrl+Shift+A"), self, self.mark_rest_attended)
        everyone.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        common.save_shortcut(self, self.save)
        self.refresh()

    def refresh(self):
        w = self.window_
        self.sessions_op = w.runner.run(recent_sessions, w.replica, w.actor.facility, owner=self).success(
            self._sessions)
        return self.sessions_op

    def _sessions(self, rows) -> None:
        self.sessions.clear()
        for r in rows:
            text = f"{fmt_datetime(r['starts_at'])} · {r['name']}"
            if r["cancelled"]:
                text += " · " + self.tr("cancelled")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, r["id"])
            item.setToolTip(text)  # the whole name when the list is narrow
            self.sessions.addItem(item)
        # Wide enough for the longest line, so no session name is cut off.
        widest = self.sessions.sizeHintForColumn(0) + 2 * self.sessions.frameWidth() + 24
        self.sessions.setMinimumWidth(min(max(widest, 200), 420))
        if rows:
            self.sessions.setCurrentRow(0)

    def _session_chosen(self, current, _previous) -> None:
        if current is None:
            return
        self.load(current.data(Qt.ItemDataRole.UserRole))

    def load(self, session_id: str):
        w = self.window_
        self.session_id = session_id
        self.message.clear()

        def show(register):
            self.model.load(register)
            self.title.setText(f"{register.activity_name} · {fmt_datetime(register.starts_at)}")
            if self.model.rowCount():
                self.view.selectRow(0)
        self.load_op = w.runner.run(read_register, w.replica, w.actor, session_id, owner=self).success(show)
        return self.load_op

    def eventFilter(self, obj, event) -> bool:
        if obj is self.view and event.type() == QEvent.Type.KeyPress \
                and event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                          Qt.KeyboardModifier.KeypadModifier):
            key = event.key()
            marks = {Qt.Key.Key_A: ("ATTENDED", None),
                     Qt.Key.Key_X: ("ABSENT", self.reason.currentData()),
                     Qt.Key.Key_E: ("EXCUSED", None)}
            if key in marks and self.view.currentIndex().isValid():
                row = self.view.currentIndex().row()
                self.model.mark(row, *marks[key])
                if row + 1 < self.model.rowCount():
                    self.view.selectRow(row + 1)
                return True
        return super().eventFilter(obj, event)

    def mark_rest_attended(self) -> None:
        self.model.mark_unmarked("ATTENDED")

    def save(self):
        if not self.model.marks:
            self.message.setText(self.tr("Nothing to save: no marks were changed."))
            return None
        w = self.window_
        marks = {pid: (st, reason) if reason else st for pid, (st, reason) in self.model.marks.items()}
        correction = self.correction.text() or None
        op = w.runner.run(common.act, w.replica, w.actor, attendance.record_attendance,
                          session_id=self.session_id, marks=marks,
                          correction_reason=correction, owner=self)

        def done(rows):
            self.correction.clear()
            self.message.clear()
            self.done_label.setText(self.tr("Saved %n mark(s).", "", len(rows)))
            self.load(self.session_id)

        self.save_op = op.success(done).failure(lambda e: common.show_refusal(self.message, e))
        return op


def page(window) -> RegisterPage:
    return RegisterPage(window)
