"""The Assessments module: find a person, see their drafts and completed
assessments, start a new one or continue a draft, and (for supervisors) the
queue of assessments waiting for a countersignature.

Keyboard: type a name in the search box, Down to the results, Enter opens
the person; Enter on a draft continues it, on a completed assessment opens
it; Ctrl+N starts the chosen instrument.
"""
from __future__ import annotations

from typing import Any

from app.storage.search import search_people
from app.ui.assessment import work
from app.ui.assessment.guard import OpGuard
from app.ui.assessment.editor import AssessmentDialog, status_label
from app.ui.assessment.models import RecordsModel, ValueCombo, records_table
from app.ui.errors import error_text
from app.ui.i18n import fmt_date, fmt_datetime
from app.ui.qt import (
    QEvent, QGroupBox, QHBoxLayout, QKeySequence, QLabel, QLineEdit, QPushButton,
    QShortcut, QSplitter, Qt, QTimer, QVBoxLayout, QWidget, Signal,
)

SEARCH_DEBOUNCE_MS = 150
SEARCH_LIMIT = 50


def find_people(replica, text: str) -> list[dict[str, Any]]:
    """People matching typed text (on the worker)."""
    with replica.reader.connect() as conn:
        hits = search_people(conn, text, limit=SEARCH_LIMIT)
    return [{"id": h.person_id, "name": f"{h.last_name}, {h.first_name}",
             "born": h.date_of_birth, "matched": h.matched} for h in hits]


class AssessmentsPage(QWidget):
    """The Assessments module page for one signed-in user."""

    changed = Signal(str)  # a person's id, when one of their assessments was recorded
    person_loaded = Signal(object)  # work.PersonAssessments
    queue_loaded = Signal(list)

    def __init__(self, runner, replica, actor, parent=None):
        super().__init__(parent)
        self.setObjectName("assessmentsPage")
        self.runner, self.replica, self.actor = runner, replica, actor
        self._guard = OpGuard(self)
        self.person: work.PersonAssessments | None = None
        self.dialog: AssessmentDialog | None = None
        self._search_op = None
        self.person_op = None

        # -- finding the person
        self.search = QLineEdit()
        self.search.setObjectName("assessmentPersonSearch")
        self.search.setPlaceholderText(self.tr("Find a person by name or number"))
        self.search.setAccessibleName(self.tr("Find a person"))
        self.search.setClearButtonEnabled(True)
        self.results = RecordsModel([(self.tr("Name"), lambda r: r["name"]),
                                     (self.tr("Born"), lambda r: fmt_date(r["born"]))], self)
        self.results_view = records_table(self.results, "personResults", self.tr("People found"))
        self.results_view.activated.connect(
            lambda index: self.show_person(self.results.record(index.row())["id"]))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.installEventFilter(self)

        # -- the person's assessments
        self.person_title = QLabel(self.tr("Find a person to see and record their assessments."))
        self.person_title.setObjectName("assessmentPerson")
        self.person_title.setWordWrap(True)
        font = self.person_title.font()
        font.setBold(True)
        self.person_title.setFont(font)
        self.instrument = ValueCombo()
        self.instrument.setObjectName("instrumentChoice")
        self.instrument.setAccessibleName(self.tr("Instrument"))
        self.start_button = QPushButton(self.tr("&Start a new assessment"))
        self.start_button.setObjectName("startAssessment")
        self.start_button.clicked.connect(self.start_assessment)
        self.start_button.setEnabled(False)
        QShortcut(QKeySequence("Ctrl+N"), self, self.start_assessment)
        instrument_label = QLabel(self.tr("&Instrument:"))
        instrument_label.setBuddy(self.instrument)
        self.info = QLabel()
        self.info.setObjectName("assessmentInfo")
        self.info.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")

        self.drafts = RecordsModel([
            (self.tr("Instrument"), lambda r: r["title"]),
            (self.tr("Started"), lambda r: fmt_datetime(r["created_at"])),
            (self.tr("Last saved"), lambda r: fmt_datetime(r["updated_at"])),
            (self.tr("Assessor"), lambda r: r["assessor"]),
        ], self)
        self.drafts_view = records_table(self.drafts, "draftsTable", self.tr("Drafts"))
        self.drafts_view.activated.connect(lambda i: self._open_row(self.drafts, i))
        self.records = RecordsModel([
            (self.tr("Completed"), lambda r: fmt_datetime(r["completed_at"])),
            (self.tr("Instrument"), lambda r: r["title"]),
            (self.tr("Band"), lambda r: r["band_label"] if r["readable"]
             else self.tr("(restricted)")),
            (self.tr("Status"), lambda r: self._status(r)),
            (self.tr("Assessor"), lambda r: r["assessor"]),
            (self.tr("Countersigned by"), lambda r: r["countersigned_by"] or ""),
        ], self)
        self.records_view = records_table(self.records, "recordsTable",
                                          self.tr("Completed assessments"), stretch=1)
        self.records_view.activated.connect(lambda i: self._open_row(self.records, i))

        # -- supervisors: the countersignature queue
        self.queue = RecordsModel([
            (self.tr("Completed"), lambda r: fmt_datetime(r["completed_at"])),
            (self.tr("Person"), lambda r: r["name"]),
            (self.tr("Instrument"), lambda r: r["title"]),
            (self.tr("Assessor"), lambda r: r["assessor"]),
        ], self)
        self.queue_view = records_table(self.queue, "countersignQueue",
                                        self.tr("Waiting for your countersignature"), stretch=1)
        self.queue_view.activated.connect(lambda i: self._open_row(self.queue, i))
        self.queue_box = QGroupBox(self.tr("Waiting for your countersignature"))
        QVBoxLayout(self.queue_box).addWidget(self.queue_view)
        self.queue_box.setVisible(actor.has_role(work.SUPERVISOR))

        left = QWidget()
        lbox = QVBoxLayout(left)
        lbox.setContentsMargins(0, 0, 0, 0)
        lbox.addWidget(self.search)
        lbox.addWidget(self.results_view, 1)
        lbox.addWidget(self.queue_box, 1)
        right = QWidget()
        rbox = QVBoxLayout(right)
        rbox.setContentsMargins(0, 0, 0, 0)
        rbox.addWidget(self.person_title)
        start_row = QHBoxLayout()
        start_row.addWidget(instrument_label)
        start_row.addWidget(self.instrument, 1)
        start_row.addWidget(self.start_button)
        rbox.addLayout(start_row)
        rbox.addWidget(self.info)
        rbox.addWidget(self.error)
        rbox.addWidget(QLabel(self.tr("Drafts in progress (Enter continues one):")))
        rbox.addWidget(self.drafts_view, 1)
        rbox.addWidget(QLabel(self.tr("Completed assessments (Enter opens one):")))
        rbox.addWidget(self.records_view, 2)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 2)
        QHBoxLayout(self).addWidget(split)
        self.refresh_queue()

    def _run(self, fn, *args):
        """Run `fn(*args)` on the replica worker; its callbacks die with this widget."""
        return self._guard.track(self.runner.run(fn, *args))

    def _status(self, r: dict[str, Any]) -> str:
        text = status_label(r["status"])
        if r.get("superseded_by") and not r.get("current"):
            text += " · " + self.tr("corrected")
        return text

    # -- finding ------------------------------------------------------------------------------
    def eventFilter(self, obj, event) -> bool:
        if obj is self.search and event.type() == QEvent.Type.KeyPress \
                and event.key() == Qt.Key.Key_Down and self.results.rowCount():
            self.results_view.setFocus()
            self.results_view.selectRow(0)
            return True
        return super().eventFilter(obj, event)

    def _run_search(self):
        if self._search_op is not None:
            self._search_op.cancel()  # only the latest text's answer is shown
        self._search_op = self._run(find_people, self.replica, self.search.text())
        self._search_op.success(self.results.set_records)
        return self._search_op

    # -- one person ------------------------------------------------------------------------------
    def show_person(self, person_id: str):
        """Show `person_id`'s assessments (loaded on the worker); returns the Op."""
        self.error.clear()
        if self.person_op is not None:
            self.person_op.cancel()  # a newer choice wins over a slower older load
        op = self._run(work.person_assessments, self.replica, self.actor, person_id)
        self.person_op = op.success(self._show_person).failure(self._show_error)
        return op

    def _show_person(self, data: work.PersonAssessments) -> None:
        self.person = data
        self.person_title.setText(self.tr("Assessments of %1").replace("%1", data.name))
        chosen = self.instrument.value()
        self.instrument.reset()
        for inst_id, title in data.startable:
            self.instrument.add(title, inst_id)
        self.instrument.choose(chosen)
        self.start_button.setEnabled(bool(data.startable))
        self.start_button.setToolTip("" if data.startable else self.tr(
            "Your role may not complete any instrument."))
        self.drafts.set_records(data.drafts)
        self.records.set_records(list(reversed(data.records)))  # newest first
        self.person_loaded.emit(data)

    def _show_error(self, error: BaseException) -> None:
        text = error_text(error)
        self.error.setText(text)
        self.error.setAccessibleDescription(text)

    def refresh(self):
        """Reload the person shown and the countersignature queue."""
        self.refresh_queue()
        if self.person is not None:
            return self.show_person(self.person.person_id)
        return None

    def refresh_queue(self):
        if not self.actor.has_role(work.SUPERVISOR):
            return None
        op = self._run(work.countersign_queue, self.replica, self.actor)
        self.queue_op = op.success(self._show_queue)
        return op

    def _show_queue(self, rows: list) -> None:
        self.queue.set_records(rows)
        self.queue_loaded.emit(rows)

    # -- starting and opening ---------------------------------------------------------------------
    def start_assessment(self):
        """Start a draft with the chosen instrument and open it; returns the Op.

        If the user already has a draft of that instrument for this person, it
        is continued instead: two drafts of one assessment only invite confusion.
        """
        if self.person is None:
            return None
        self.error.clear()
        mine = [d for d in self.person.drafts if d["instrument_id"] == self.instrument.value()
                and d["assessor"] == self.actor.username]
        if mine:
            self.info.setText(self.tr("You already have a draft of this assessment, started %1: "
                                      "it is open to continue.")
                              .replace("%1", fmt_datetime(mine[-1]["created_at"])))
            self.open_assessment(mine[-1]["id"])
            return None
        self.info.clear()
        op = self._run(work.start, self.replica, self.actor, self.person.person_id,
                       self.instrument.value())

        def started(row):
            self.changed.emit(row["person_id"])
            self.show_person(row["person_id"])
            self.open_assessment(row["id"])
        self.start_op = op.success(started).failure(self._show_error)
        return op

    def _open_row(self, model: RecordsModel, index) -> None:
        record = model.record(index.row())
        if record is not None:
            self.open_assessment(record["id"])

    def open_assessment(self, assessment_id: str) -> AssessmentDialog:
        """Open an assessment in its own window (a draft continues where it stopped)."""
        dialog = AssessmentDialog(self.runner, self.replica, self.actor, assessment_id, self)
        # Autosaves stay quiet; what others show (profile, sync) is refreshed
        # on completion, a decision, a countersignature and on closing.
        for signal in (dialog.completed, dialog.decided, dialog.countersigned):
            signal.connect(lambda _x, d=dialog: self._recorded(d))
        dialog.countersigned.connect(lambda _row: self.refresh_queue())
        dialog.finished.connect(lambda _r, d=dialog: self._closed(d))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, dialog: AssessmentDialog) -> None:
        self.refresh()
        self._recorded(dialog)
        # Freed once its last save is back, so the save's answer finds it alive.
        pending = dialog.pending_save
        if pending is not None:
            pending.finished.connect(dialog.deleteLater)
        else:
            dialog.deleteLater()

    def _recorded(self, dialog: AssessmentDialog) -> None:
        if dialog.row is not None:
            self.changed.emit(dialog.row["person_id"])


def page(window) -> AssessmentsPage:
    """The page for MainWindow's "assessments" sidebar module."""
    made = AssessmentsPage(window.runner, window.replica, window.actor)
    made.changed.connect(window.record_changed)
    return made
