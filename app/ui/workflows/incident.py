"""Report an incident, then follow each charge through its adjudication.

The report dialog opens from a person's profile with that person as the
first party; more parties are added by name. A charge can be laid on a
party in the same action, so the 48-hour hearing clock starts at once.

The discipline page lists the facility's reports with their status and
hearing deadline (overdue first). For the chosen report it offers only what
its lifecycle allows next (reference data): a status change with a reason,
booking the hearing (a late one needs a reason), recording the hearing.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app.core import schema as s
from app.domain import adjudications, incidents
from app.ui.i18n import code_label, fmt_datetime
from app.ui.people_page import run_search
from app.ui.qt import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QSpinBox, Qt,
    QVBoxLayout,
    QWidget, Signal,
)
from app.ui.workflows import common
from app.ui.workflows.roll import RowsModel, table


def facility_locations(replica, facility: str) -> list[dict]:
    """Every active location of the facility, by code (on the worker)."""
    loc = s.location
    with replica.reader.connect() as conn:
        return [dict(r) for r in conn.execute(
            select(loc.c.id, loc.c.code, loc.c.name).where(
                loc.c.facility == facility, loc.c.active.is_(True), loc.c.voided_at.is_(None))
            .order_by(loc.c.code)).mappings()]


def report_with_charge(uow, *, incident: dict, charge: tuple[str, str] | None) -> dict:
    """Report the incident and, if asked, charge one party: one user action."""
    row = incidents.report_incident(uow, **incident)
    if charge is not None:
        adjudications.raise_adjudication(uow, incident_id=row["id"], person_id=charge[0],
                                         charge_code=charge[1])
    return row


class IncidentDialog(QDialog):
    saved = Signal(str)

    def __init__(self, window, person_id: str | None):
        super().__init__(window)
        self.setObjectName("incidentDialog")
        self.setWindowTitle(self.tr("Report an incident"))
        self.window_ = window
        codes = window.replica.codes
        self.kind = common.code_combo(codes, "incident_type")
        self.kind.setObjectName("incidentType")
        self.occurred = common.datetime_edit()
        self.discovered = common.datetime_edit()
        self.where = QComboBox()
        self.where.setObjectName("incidentLocation")
        self.description = QPlainTextEdit()
        self.description.setObjectName("incidentDescription")
        self.description.setTabChangesFocus(True)
        self.parties = QListWidget()
        self.parties.setObjectName("incidentParties")
        self.parties.setAccessibleName(self.tr("Parties"))
        self.role = common.code_combo(codes, "incident_role")
        self.role.setObjectName("incidentRole")
        self.find = QLineEdit()
        self.find.setObjectName("incidentFindParty")
        self.find.setPlaceholderText(self.tr("Add a party: type a name or number, then Enter"))
        self.find.setAccessibleName(self.tr("Add a party"))
        self.find.returnPressed.connect(self.add_party_by_search)
        self.charge = common.code_combo(codes, "adjudication_charge",
                                        blank=self.tr("(no charge yet)"))
        self.charge.setObjectName("incidentCharge")
        self.error = common.error_label()
        form = QFormLayout()
        for label, widget in ((self.tr("&Type:"), self.kind),
                              (self.tr("&Happened at:"), self.occurred),
                              (self.tr("&Discovered at:"), self.discovered),
                              (self.tr("&Where:"), self.where),
                              (self.tr("&What happened:"), self.description),
                              (self.tr("&Role of the next party:"), self.role),
                              (self.tr("Add &party:"), self.find),
                              (self.tr("Parties:"), self.parties),
                              (self.tr("&Charge the first party with:"), self.charge)):
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
        box.addLayout(form)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        runner = window.runner
        self.ready = runner.run(facility_locations, window.replica, window.actor.facility, owner=self) \
            .success(self._locations)
        if person_id:
            self.role.setCurrentIndex(self.role.findData("PERPETRATOR"))
            runner.run(common.person_name, window.replica, person_id, owner=self).success(
                lambda name: self._add_party(person_id, name))

    def _locations(self, rows) -> None:
        for r in rows:
            self.where.addItem(f"{r['code']} — {r['name']}", r["id"])

    def _add_party(self, person_id: str, name: str) -> None:
        role = self.role.currentData()
        item = QListWidgetItem(f"{name} · {code_label(self.window_.replica.codes, 'incident_role', role)}")
        item.setData(Qt.ItemDataRole.UserRole, (person_id, role))
        self.parties.addItem(item)

    def add_party_by_search(self):
        """Add the best match for what was typed as a party."""
        text = self.find.text()
        if not text.strip():
            return None

        def found(hits):
            if not hits:
                common.show_refusal(self.error, _nobody())
                return
            hit = hits[0]
            self._add_party(hit.person_id, f"{hit.first_name} {hit.last_name}")
            self.find.clear()
            self.error.clear()
        self.search_op = self.window_.runner.run(run_search, self.window_.replica, text, 5, owner=self) \
            .success(found)
        return self.search_op

    def party_list(self) -> list[tuple[str, str]]:
        return [self.parties.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.parties.count())]

    def save(self):
        parties = self.party_list()
        charge_code = self.charge.currentData()
        charge = (parties[0][0], charge_code) if charge_code and parties else None
        incident = dict(incident_type=self.kind.currentData(),
                        occurred_at=common.py_datetime(self.occurred),
                        discovered_at=common.py_datetime(self.discovered),
                        location_id=self.where.currentData(),
                        description=self.description.toPlainText(), parties=parties)
        self.buttons.setEnabled(False)
        w = self.window_
        op = w.runner.run(common.act, w.replica, w.actor, report_with_charge,
                          incident=incident, charge=charge, owner=self)

        def done(row):
            self.buttons.setEnabled(True)
            for pid, _role in parties:
                self.saved.emit(pid)
            self.accept()

        def refused(error):
            self.buttons.setEnabled(True)
            common.show_refusal(self.error, error)
        self.save_op = op.success(done).failure(refused)
        return op


def _nobody():
    from app.core.errors import ValidationError

    return ValidationError("person", "no one matches what was typed")


# -- the discipline page ---------------------------------------------------------------

def facility_reports(replica, facility: str) -> list[dict]:
    """The facility's adjudications, open ones first by hearing deadline (on the worker)."""
    adj, p, inc = s.adjudication, s.person, s.incident
    with replica.reader.connect() as conn:
        rows = [dict(r) for r in conn.execute(
            select(adj.c.id, adj.c.status, adj.c.charge_code, adj.c.hearing_due_by,
                   adj.c.status_reason, p.c.first_name, p.c.last_name, inc.c.incident_type,
                   inc.c.occurred_at)
            .join(p, p.c.id == adj.c.person_id).join(inc, inc.c.id == adj.c.incident_id)
            .where(adj.c.facility == facility, adj.c.voided_at.is_(None))
            .order_by(adj.c.hearing_due_by)).mappings()]
    final = {c.code for c in replica.codes.domain("adjudication_status").values()
             if c.attributes.get("final")}
    return sorted(rows, key=lambda r: (r["status"] in final, r["hearing_due_by"]))


def report_detail(replica, actor, adjudication_id: str) -> dict:
    with replica.unit_of_work(actor) as uow:
        record = adjudications.adjudication_record(uow, adjudication_id)
        record["allowed_next"] = adjudications.allowed_next(uow, record["status"])
        return record


class DisciplinePage(QWidget):
    def __init__(self, window):
        super().__init__()
        self.window_ = window
        codes = window.replica.codes
        self.reports = RowsModel([self.tr("Name"), self.tr("Charge"), self.tr("Status"),
                                  self.tr("Hearing due by")], self)
        self.view = table(self.reports, "disciplineReports")
        self.view.setAccessibleName(self.tr("Adjudication reports"))
        self.view.selectionModel().currentRowChanged.connect(self._chosen)
        report = QPushButton(self.tr("&Report an incident…"))
        report.clicked.connect(lambda: start(window, None))
        self.detail = QLabel()
        self.detail.setObjectName("disciplineDetail")
        self.detail.setWordWrap(True)
        self.error = common.error_label()
        # status change
        self.next_status = QComboBox()
        self.next_status.setObjectName("adjNextStatus")
        self.status_reason = QLineEdit()
        self.status_reason.setObjectName("adjStatusReason")
        self.change_button = QPushButton(self.tr("C&hange status"))
        self.change_button.clicked.connect(self.change_status)
        # hearing booking
        self.hearing_at = common.datetime_edit()
        self.hearing_at.setObjectName("adjHearingAt")
        self.late_reason = QLineEdit()
        self.late_reason.setObjectName("adjLateReason")
        self.schedule_button = QPushButton(self.tr("&Book hearing"))
        self.schedule_button.clicked.connect(self.schedule)
        # hearing record
        self.plea = common.code_combo(codes, "plea")
        self.plea.setObjectName("adjPlea")
        self.outcome = common.code_combo(codes, "hearing_outcome")
        self.outcome.setObjectName("adjOutcome")
        self.finding = common.code_combo(codes, "hearing_finding", blank=self.tr("(none)"))
        self.finding.setObjectName("adjFinding")
        self.record_button = QPushButton(self.tr("Record &hearing"))
        self.record_button.clicked.connect(self.record)
        # punishment, once the charge is proved (limits are reference data)
        self.punishment = common.code_combo(codes, "punishment_type")
        self.punishment.setObjectName("adjPunishment")
        self.days = QSpinBox()
        self.days.setObjectName("adjDays")
        self.days.setRange(0, 366)
        self.suspend = QCheckBox(self.tr("Suspended for six months"))
        self.suspend.setObjectName("adjSuspended")
        self.punish_button = QPushButton(self.tr("A&ward punishment"))
        self.punish_button.clicked.connect(self.award)
        actions = QGroupBox(self.tr("Next step"))
        form = QFormLayout(actions)
        form.addRow(self.tr("New status:"), self.next_status)
        form.addRow(self.tr("Reason:"), self.status_reason)
        form.addRow(self.change_button)
        form.addRow(self.tr("Hearing at:"), self.hearing_at)
        form.addRow(self.tr("Reason it is late:"), self.late_reason)
        form.addRow(self.schedule_button)
        form.addRow(self.tr("Plea:"), self.plea)
        form.addRow(self.tr("Outcome:"), self.outcome)
        form.addRow(self.tr("Finding:"), self.finding)
        form.addRow(self.record_button)
        form.addRow(self.tr("Punishment:"), self.punishment)
        form.addRow(self.tr("Days:"), self.days)
        form.addRow(self.suspend)
        form.addRow(self.punish_button)
        for label_widget in (self.next_status, self.status_reason, self.hearing_at,
                             self.late_reason, self.plea, self.outcome, self.finding,
                             self.punishment, self.days):
            label = form.labelForField(label_widget)
            if label is not None:
                label_widget.setAccessibleName(label.text().rstrip(":"))
        left = QVBoxLayout()
        left.addWidget(report)
        left.addWidget(self.view, 1)
        right = QVBoxLayout()
        right.addWidget(self.detail)
        right.addWidget(actions)
        right.addWidget(self.error)
        right.addStretch()
        row = QHBoxLayout(self)
        row.addLayout(left, 3)
        row.addLayout(right, 2)
        self.record_ = None
        self.refresh()

    def refresh(self):
        w = self.window_
        self.list_op = w.runner.run(facility_reports, w.replica, w.actor.facility, owner=self).success(
            self._show)
        return self.list_op

    def _show(self, rows) -> None:
        codes = self.window_.replica.codes
        keep = self.record_["id"] if self.record_ else None
        self.reports.set_rows([[f"{r['last_name']}, {r['first_name']}",
                                code_label(codes, "adjudication_charge", r["charge_code"]),
                                code_label(codes, "adjudication_status", r["status"]),
                                fmt_datetime(r["hearing_due_by"])] for r in rows],
                              [r["id"] for r in rows])
        ids = [r["id"] for r in rows]
        if ids:
            self.view.selectRow(ids.index(keep) if keep in ids else 0)

    def _chosen(self, current, _previous):
        adj_id = self.reports.data(current, Qt.ItemDataRole.UserRole) if current.isValid() else None
        if adj_id is None:
            return None
        w = self.window_
        self.detail_op = w.runner.run(report_detail, w.replica, w.actor, adj_id, owner=self).success(
            self._detail)
        return self.detail_op

    def _detail(self, record: dict) -> None:
        self.record_ = record
        codes = self.window_.replica.codes
        status = code_label(codes, "adjudication_status", record["status"])
        text = self.tr("Status: %1 · hearing due by %2").replace("%1", status).replace(
            "%2", fmt_datetime(record["hearing_due_by"]))
        if record.get("status_reason"):
            text += "\n" + record["status_reason"]
        for h in record["hearings"]:
            text += "\n" + self.tr("Hearing %1: %2").replace("%1", fmt_datetime(h["scheduled_at"])) \
                .replace("%2", code_label(codes, "hearing_outcome", h["outcome"]) or self.tr("to be held"))
        nxt = record["allowed_next"]
        self.next_status.clear()
        for code in nxt:
            if code != "SCHEDULED":  # booked through a hearing, below
                self.next_status.addItem(code_label(codes, "adjudication_status", code), code)
        self.change_button.setEnabled(self.next_status.count() > 0)
        self.schedule_button.setEnabled("SCHEDULED" in nxt)
        open_hearing = [h for h in record["hearings"] if h["held_at"] is None]
        self.record_button.setEnabled(record["status"] == "SCHEDULED" and bool(open_hearing))
        self.punish_button.setEnabled(record["status"] == "CHARGE_PROVED")
        for p in record["punishments"]:
            text += "\n" + self.tr("Punishment: %1, %2 days (%3)").replace(
                "%1", code_label(codes, "punishment_type", p["punishment_type"])).replace(
                "%2", str(p["days"] or 0)).replace("%3", p["status"].lower())
        self.detail.setText(text)

    def _act(self, fn, **kw):
        w = self.window_
        self.error.clear()
        op = w.runner.run(common.act, w.replica, w.actor, fn, **kw, owner=self)
        self.action_op = op.success(lambda _r: self.refresh()).failure(
            lambda e: common.show_refusal(self.error, e))
        return op

    def change_status(self):
        return self._act(adjudications.change_status, adjudication_id=self.record_["id"],
                         status=self.next_status.currentData(), reason=self.status_reason.text(),
                         expected_version=self.record_["version"])

    def schedule(self):
        return self._act(adjudications.schedule_hearing, adjudication_id=self.record_["id"],
                         scheduled_at=common.py_datetime(self.hearing_at),
                         late_reason=self.late_reason.text() or None)

    def award(self):
        suspended = (dt.date.today() + dt.timedelta(days=183)) if self.suspend.isChecked() else None
        return self._act(adjudications.award_punishment, adjudication_id=self.record_["id"],
                         punishment_type=self.punishment.currentData(),
                         days=self.days.value() or None, suspended_until=suspended)

    def record(self):
        hearing = [h for h in self.record_["hearings"] if h["held_at"] is None][-1]
        return self._act(adjudications.record_hearing, hearing_id=hearing["id"],
                         held_at=dt.datetime.now(dt.timezone.utc),
                         plea=self.plea.currentData(), outcome=self.outcome.currentData(),
                         finding=self.finding.currentData())


def start(window, person_id: str | None):
    # An incident may be reported before anyone involved is chosen.
    return common.open_dialog(window, IncidentDialog(window, person_id), "discipline")


def page(window) -> DisciplinePage:
    return DisciplinePage(window)
