"""Add a case note: type, subtype, when it happened, the text. Ctrl+Enter saves.

Notes are append-only; a correction is an amendment (app.domain.case_notes).
"""
from __future__ import annotations

from app.domain import case_notes
from app.ui.qt import (
    QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QPlainTextEdit,
    QPushButton, Qt, QVBoxLayout, QWidget, Signal,
)
from app.ui.workflows import common


class CaseNoteDialog(QDialog):
    saved = Signal(str)  # the person's id

    def __init__(self, window, person_id: str):
        super().__init__(window)
        self.setObjectName("caseNoteDialog")
        self.window_, self.person_id = window, person_id
        self.setWindowTitle(self.tr("Add a case note"))
        codes = window.replica.codes
        self.note_type = common.code_combo(codes, "case_note_type")
        self.note_type.setObjectName("noteType")
        self.subtype = common.code_combo(codes, "case_note_subtype",
                                         parent=self.note_type.currentData())
        self.subtype.setObjectName("noteSubtype")
        self.note_type.currentIndexChanged.connect(
            lambda _i: common.fill_codes(self.subtype, codes, "case_note_subtype",
                                         parent=self.note_type.currentData()))
        self.occurred = common.datetime_edit()
        self.occurred.setObjectName("noteOccurred")
        self.text = QPlainTextEdit()
        self.text.setObjectName("noteText")
        self.text.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.sensitive = QCheckBox(self.tr("&Sensitive (health, safeguarding)"))
        self.sensitive.setObjectName("noteSensitive")
        self.error = common.error_label()
        form = QFormLayout()
        for label, widget in ((self.tr("&Type:"), self.note_type),
                              (self.tr("S&ubtype:"), self.subtype),
                              (self.tr("&When it happened:"), self.occurred),
                              (self.tr("&Note:"), self.text)):
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            lab = QLabel(label)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
        form.addRow(self.sensitive)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        common.save_shortcut(self, self.save)
        box = QVBoxLayout(self)
        self.who = QLabel()
        box.addWidget(self.who)
        box.addLayout(form)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        window.runner.run(common.person_name, window.replica, person_id, owner=self).success(
            lambda name: self.who.setText(self.tr("Case note for %1").replace("%1", name)))
        self.text.setFocus()

    def save(self):
        self.buttons.setEnabled(False)
        op = self.window_.runner.run(
            common.act, self.window_.replica, self.window_.actor, case_notes.add_note,
            person_id=self.person_id, note_type=self.note_type.currentData(),
            note_subtype=self.subtype.currentData(), text=self.text.toPlainText(),
            occurred_at=common.py_datetime(self.occurred),
            sensitive=self.sensitive.isChecked(), owner=self)

        def done(_row):
            self.buttons.setEnabled(True)
            self.saved.emit(self.person_id)
            self.accept()

        def refused(error):
            self.buttons.setEnabled(True)
            common.show_refusal(self.error, error)
        self.save_op = op.success(done).failure(refused)
        return op


def start(window, person_id: str | None):
    return common.open_for_person(window, person_id, CaseNoteDialog, "case_notes")


# -- the case notes page: the facility's latest notes ---------------------------------

RECENT_NOTES = 200


def recent_notes(replica, actor) -> list[dict]:
    """The facility's latest notes the user may read (on the worker)."""
    from sqlalchemy import select

    from app.core import schema as s
    from app.core.roles import may_read

    cn, p = s.case_note, s.person
    where = [cn.c.facility == actor.facility, cn.c.voided_at.is_(None)]
    if not may_read(actor.roles, case_notes.SENSITIVE_CLASS):
        where.append(cn.c.sensitive.is_(False))
    with replica.reader.connect() as conn:
        rows = [dict(r) for r in conn.execute(
            select(cn.c.id, cn.c.person_id, cn.c.note_type, cn.c.note_subtype, cn.c.text,
                   cn.c.occurred_at, cn.c.author, cn.c.sensitive, p.c.first_name, p.c.last_name)
            .join(p, p.c.id == cn.c.person_id).where(*where)
            .order_by(cn.c.occurred_at.desc()).limit(RECENT_NOTES)).mappings()]
    if any(r["sensitive"] for r in rows):
        with replica.unit_of_work(actor) as uow:
            for r in rows:
                if r["sensitive"]:
                    uow.viewed(s.case_note, r["id"], "sensitive case note")
    return rows


class CaseNotesPage(QWidget):
    def __init__(self, window):
        super().__init__()
        from app.ui.workflows.roll import RowsModel, table

        self.window_ = window
        self.model = RowsModel([self.tr("When"), self.tr("Name"), self.tr("Type"),
                                self.tr("Author"), self.tr("Note")], self)
        self.view = table(self.model, "caseNotesList")
        self.view.setAccessibleName(self.tr("Latest case notes"))
        self.view.activated.connect(self._open)
        add = QPushButton(self.tr("&Add a case note…"))
        add.setToolTip(self.tr("Find the person first, then use Add case note on their record"))
        add.clicked.connect(window.find_person)
        amend = QPushButton(self.tr("A&mend the chosen note…"))
        amend.setObjectName("amendNote")
        amend.clicked.connect(self.amend)
        self.rows: list[dict] = []
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(amend)
        buttons.addStretch()
        box = QVBoxLayout(self)
        box.addLayout(buttons)
        box.addWidget(self.view, 1)
        self.refresh()

    def refresh(self):
        w = self.window_
        self.op = w.runner.run(recent_notes, w.replica, w.actor, owner=self).success(self._show)
        return self.op

    def _show(self, rows) -> None:
        from app.ui.i18n import code_label, fmt_datetime

        codes = self.window_.replica.codes
        self.model.set_rows([[fmt_datetime(r["occurred_at"]),
                              f"{r['last_name']}, {r['first_name']}",
                              code_label(codes, "case_note_type", r["note_type"]), r["author"],
                              r["text"].splitlines()[0][:120] if r["text"] else ""]
                             for r in rows], [r["person_id"] for r in rows])
        self.rows = rows
        if rows:
            self.view.selectRow(0)

    def _open(self, index) -> None:
        from app.ui.qt import Qt

        pid = self.model.data(index, Qt.ItemDataRole.UserRole)
        if pid:
            self.window_.show_person(pid)

    def amend(self):
        """Correct the chosen note (its author only): an amendment, never an edit."""
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        dialog = AmendDialog(self.window_, self.rows[index.row()])
        dialog.saved.connect(lambda _pid: self.refresh())
        dialog.open()
        return dialog


class AmendDialog(QDialog):
    """The correction of a note: the original stays, the amendment points at it."""

    saved = Signal(str)

    def __init__(self, window, note: dict):
        super().__init__(window)
        self.setObjectName("amendDialog")
        self.setWindowTitle(self.tr("Amend a case note"))
        self.window_, self.note = window, note
        original = QLabel(self.tr("Original: %1").replace("%1", note["text"]))
        original.setWordWrap(True)
        original.setTextFormat(Qt.TextFormat.PlainText)
        self.text = QPlainTextEdit(note["text"])
        self.text.setObjectName("amendText")
        self.text.setAccessibleName(self.tr("Corrected note"))
        self.text.setTabChangesFocus(True)
        self.error = common.error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        common.save_shortcut(self, self.save)
        box = QVBoxLayout(self)
        for w in (original, self.text, self.error, self.buttons):
            box.addWidget(w)

    def save(self):
        w = self.window_
        op = w.runner.run(common.act, w.replica, w.actor, case_notes.amend_note,
                          note_id=self.note["id"], text=self.text.toPlainText(), owner=self)

        def done(_row):
            self.saved.emit(self.note["person_id"])
            w.record_changed(self.note["person_id"])
            self.accept()
        self.save_op = op.success(done).failure(lambda e: common.show_refusal(self.error, e))
        return op


def page(window) -> CaseNotesPage:
    return CaseNotesPage(window)
