"""One assessment in a window: fill in and autosave a draft, complete it, see
the result with its explanation, record a decision on the score, countersign.

The draft is saved continuously: every change restarts a short timer, and
when it fires the answers are saved on the replica worker (never on the UI
thread). One save runs at a time, each with the version it last saw, and a
change made during a save is saved right after it. Closing the window saves
what is pending, so reopening the draft continues where the assessor stopped,
on a laptop that may be offline for days.

Keyboard: Tab moves through the questions, Ctrl+S saves at once, Esc closes
(saving first); Alt+N and Alt+T switch between the answers and the result.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from app.core.errors import ValidationError
from app.ui.assessment import work
from app.ui.assessment.guard import OpGuard
from app.ui.assessment.form import AssessmentForm, answer_error
from app.ui.assessment.score_panel import ScorePanel
from app.ui.errors import error_text
from app.ui.i18n import fmt_datetime
from app.ui.qt import (
    QCoreApplication, QDialog, QHBoxLayout, QKeySequence, QLabel, QPushButton, QScrollArea,
    QShortcut, QT_TRANSLATE_NOOP, QTabWidget, QTimer, QVBoxLayout, Signal,
)

AUTOSAVE_MS = 800
"""Quiet time after the last change before the draft is saved."""

STATUS_TEXT = {"DRAFT": QT_TRANSLATE_NOOP("AssessmentStatus", "Draft"),
               "COMPLETED": QT_TRANSLATE_NOOP("AssessmentStatus", "Completed"),
               "COUNTERSIGNED": QT_TRANSLATE_NOOP("AssessmentStatus", "Countersigned")}


def status_label(code: str) -> str:
    """An assessment status in the user's language."""
    source = STATUS_TEXT.get(code)
    return QCoreApplication.translate("AssessmentStatus", source) if source else code


class AssessmentDialog(QDialog):
    """Opens assessment `assessment_id` (loaded on the worker) for `actor`."""

    loaded = Signal()
    saved = Signal(object)  # the saved row
    completed = Signal(object)  # the explanation, with the completed row as "assessment"
    decided = Signal(object)  # the decision row
    countersigned = Signal(object)  # the countersigned row
    changed = Signal(str)  # the person's id, whenever something was recorded

    def __init__(self, runner, replica, actor, assessment_id: str, parent=None):
        super().__init__(parent)
        self.setObjectName("assessmentDialog")
        self.runner, self.replica, self.actor = runner, replica, actor
        self._guard = OpGuard(self)
        self.assessment_id = assessment_id
        self.opened: work.Opened | None = None
        self.row: dict[str, Any] | None = None
        self.form: AssessmentForm | None = None
        self.autosave_ms = AUTOSAVE_MS
        self._dirty = False
        self._save_op = self.last_save_op = None
        self._completing = False
        self.setWindowTitle(self.tr("Assessment"))
        self.resize(820, 760)

        self.header = QLabel(self.tr("Opening…"))
        self.header.setObjectName("assessmentHeader")
        self.header.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("saveStatus")
        self.status.setAccessibleName(self.tr("Save status"))
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Assessment"))
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setObjectName("answersArea")
        self.panel = ScorePanel()
        self.panel.decision_requested.connect(self.decide)
        panel_scroll = QScrollArea()
        panel_scroll.setWidgetResizable(True)
        panel_scroll.setWidget(self.panel)
        # Mnemonics are unique across the window and its score panel (Alt+N, Alt+T).
        self.tabs.addTab(self.scroll, self.tr("A&nswers"))
        self.result_tab = self.tabs.addTab(panel_scroll, self.tr("Resul&t"))
        self.tabs.setTabEnabled(self.result_tab, False)

        self.complete_button = QPushButton(self.tr("&Complete assessment"))
        self.complete_button.setObjectName("completeButton")
        self.complete_button.clicked.connect(self.complete)
        self.countersign_button = QPushButton(self.tr("Counter&sign"))
        self.countersign_button.setObjectName("countersignButton")
        self.countersign_button.clicked.connect(self.countersign)
        self.close_button = QPushButton(self.tr("C&lose"))
        self.close_button.setObjectName("closeButton")
        self.close_button.clicked.connect(self.reject)
        for b in (self.complete_button, self.countersign_button):
            b.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.complete_button)
        buttons.addWidget(self.countersign_button)
        buttons.addWidget(self.close_button)
        box = QVBoxLayout(self)
        box.addWidget(self.header)
        box.addWidget(self.tabs, 1)
        box.addWidget(self.error)
        box.addLayout(buttons)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.save_now)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_now)

        self.load_op = self._run(work.open_assessment, replica, actor, assessment_id)
        self.load_op.success(self._show).failure(self._show_error)

    def _run(self, fn, *args):
        """Run `fn(*args)` on the replica worker; its callbacks die with this widget."""
        return self._guard.track(self.runner.run(fn, *args))

    # -- loading ------------------------------------------------------------------------
    def _show(self, opened: work.Opened) -> None:
        self.opened, self.row = opened, opened.row
        inst = opened.instrument
        self.setWindowTitle(self.tr("%1 — %2").replace("%1", inst.title).replace("%2", opened.name))
        self._header()
        if opened.answers is not None:
            self.form = AssessmentForm(inst, opened.answers, read_only=not opened.editable)
            self.form.changed.connect(self._changed)
            self.scroll.setWidget(self.form)
        else:
            note = QLabel(self.tr("Your role may not read the answers of this assessment."))
            note.setWordWrap(True)
            self.scroll.setWidget(note)
        self.complete_button.setVisible(opened.editable)
        self.countersign_button.setVisible(opened.may_countersign)
        if opened.result is not None:
            self._show_result(opened.result, opened.decision)
            self.tabs.setCurrentIndex(self.result_tab)
        elif self.form is not None:
            self.form.focus_first()
        if opened.editable:
            self.status.setText(self.tr("Draft last saved %1").replace(
                "%1", fmt_datetime(self.row["updated_at"])))
        self.loaded.emit()

    def _header(self) -> None:
        o, r = self.opened, self.row
        parts = [self.tr("%1 (version %2) for %3").replace("%1", o.instrument.title)
                 .replace("%2", str(o.instrument.version)).replace("%3", o.name),
                 self.tr("Status: %1").replace("%1", status_label(r["status"])),
                 self.tr("Assessor: %1").replace("%1", r["assessor"])]
        if r.get("countersigned_by"):
            parts.append(self.tr("Countersigned by %1 on %2").replace("%1", r["countersigned_by"])
                         .replace("%2", fmt_datetime(r["countersigned_at"])))
        self.header.setText(" · ".join(parts))

    def _show_result(self, result: dict[str, Any], decision) -> None:
        inst = self.opened.instrument
        self.panel.set_result(result, decision=decision, instrument=inst,
                              decidable=inst.may_complete(self.actor.roles))
        self.tabs.setTabEnabled(self.result_tab, True)

    def _show_error(self, error: BaseException) -> None:
        text = error_text(error)
        self.error.setText(text)
        self.error.setAccessibleDescription(text)

    # -- autosave -----------------------------------------------------------------------
    def _changed(self) -> None:
        if not self.opened or not self.opened.editable:
            return
        self._dirty = True
        if not self._completing:  # a refused completion restarts the autosave
            self.status.setText(self.tr("Changes not saved yet…"))
            self.timer.start(self.autosave_ms)

    def save_now(self):
        """Save the draft now if anything changed; returns the save's Op (or None)."""
        self.timer.stop()
        if self._save_op is not None:
            return self._save_op  # saved again as soon as it returns (see _saved)
        if not self._dirty or self._completing or self.form is None:
            return None
        self._dirty = False
        self.status.setText(self.tr("Saving…"))
        op = self._run(work.save, self.replica, self.actor, self.assessment_id,
                       self.form.payload(), self.row["version"])
        self._save_op = self.last_save_op = op.success(self._saved).failure(self._save_failed)
        return op

    @property
    def pending_save(self):
        """The save still on its way to the replica, if any."""
        op = self._save_op
        return op if op is not None and not op.done else None

    def _saved(self, row: dict[str, Any]) -> None:
        self._save_op = None
        self.row = row
        errors = self.form.errors() if self.form is not None else {}
        when = fmt_datetime(dt.datetime.now(dt.timezone.utc))
        if errors:
            self.status.setText(self.tr("Draft saved %1, except: %2").replace("%1", when)
                                .replace("%2", next(iter(errors.values()))))
        else:
            self.status.setText(self.tr("Draft saved %1").replace("%1", when))
        self.saved.emit(row)
        self.changed.emit(row["person_id"])
        if self._dirty:
            self.save_now()

    def _save_failed(self, error: BaseException) -> None:
        self._save_op = None
        self._dirty = True  # kept on screen; the next change or Ctrl+S tries again
        self.status.setText(self.tr("Not saved: %1").replace("%1", self._named(error)))

    def _named(self, error: BaseException) -> str:
        """The error text, naming an instrument item by its own label."""
        if isinstance(error, ValidationError) and self.form is not None \
                and self.form.show_error(error):
            return answer_error(self.form.fields[error.field].item, error.reason)
        return error_text(error)

    # -- completing -----------------------------------------------------------------------
    def complete(self):
        """Complete the draft with the answers on screen; returns the Op (or None)."""
        if self.form is None or not self.opened.editable:
            return None
        self.error.clear()
        errors = self.form.errors()
        if errors:
            item_id, text = next(iter(errors.items()))
            self.error.setText(text)
            self.form.fields[item_id].editor.setFocus()
            return None
        self.timer.stop()
        self._completing = True
        self.complete_button.setEnabled(False)
        op = self._run(work.complete, self.replica, self.actor, self.assessment_id,
                       self.form.payload())
        self.complete_op = op.success(self._completed).failure(self._complete_failed)
        return op

    def _completed(self, result: dict[str, Any]) -> None:
        self.row = result["assessment"]
        self._dirty = False
        self.opened.editable = False
        self.opened.may_countersign = work.may_countersign(self.actor, self.opened.instrument,
                                                           self.row)
        self.complete_button.hide()
        self.countersign_button.setVisible(self.opened.may_countersign)
        for f in self.form.fields.values():
            f.editor.setEnabled(False)
        self._header()
        self.status.setText(self.tr("Completed %1").replace(
            "%1", fmt_datetime(self.row["completed_at"])))
        self._show_result(result, None)
        self.tabs.setCurrentIndex(self.result_tab)
        self.completed.emit(result)
        self.changed.emit(self.row["person_id"])

    def _complete_failed(self, error: BaseException) -> None:
        self._completing = False
        self.complete_button.setEnabled(True)
        if self._dirty:
            self.timer.start(self.autosave_ms)
        text = self._named(error)
        self.error.setText(text)
        self.error.setAccessibleDescription(text)

    # -- the decision and the countersignature ------------------------------------------------
    def decide(self, decision, band, reason: str):
        """Record the professional's decision on the logged prediction; returns the Op."""
        pid = (self.panel.result or {}).get("prediction_id")
        if not pid:
            return None
        self.panel.record.setEnabled(False)
        op = self._run(work.decide, self.replica, self.actor, pid, decision, reason, band)

        def done(row):
            self.panel.record.setEnabled(True)
            self.panel.show_recorded(row)
            self.decided.emit(row)
            self.changed.emit(self.row["person_id"])

        def refused(error):
            self.panel.record.setEnabled(True)
            self.panel.show_decision_error(error)
        self.decide_op = op.success(done).failure(refused)
        return op

    def countersign(self):
        """Countersign the completed assessment; returns the Op."""
        self.countersign_button.setEnabled(False)
        op = self._run(work.countersign, self.replica, self.actor, self.assessment_id)

        def done(row):
            self.row = row
            self.opened.may_countersign = False
            self.countersign_button.hide()
            self._header()
            self.status.setText(self.tr("Countersigned."))
            self.countersigned.emit(row)
            self.changed.emit(row["person_id"])

        def refused(error):
            self.countersign_button.setEnabled(True)
            self._show_error(error)
        self.countersign_op = op.success(done).failure(refused)
        return op

    # -- closing ------------------------------------------------------------------------------
    def done(self, result: int) -> None:
        # Whatever way the window closes, pending answers are saved first.
        self.save_now()
        super().done(result)
