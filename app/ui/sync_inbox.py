"""What sync hands back to people: the rejected-changes inbox (every user)
and the conflict queue (central office).

Rejected changes live in the replica (app.sync.inbox): the dialog lists
them with the server's reason and lets the user retry one (optionally with
a corrected value for the field the server named) or discard it with a
reason. Conflicts live on the sync server: the page lists the open ones
and shows both values side by side, with who made each change, when and
from which device, and resolves the chosen one with a note. Network calls
run on the background lane, replica work on the replica lane.
"""
from __future__ import annotations

import json
from typing import Any

from app.ui.i18n import fmt_datetime
from app.ui.qt import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, Qt, QVBoxLayout, QWidget,
)
from app.ui.workflows import common
from app.ui.workflows.roll import RowsModel, table


def _show(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _parse(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


# -- conflicts (Qt-free calls, run on the background lane) ------------------------------

def _client(replica):
    from app.sync import session, state
    from app.sync.client import AuthRequired, SyncClient

    with replica.reader.connect() as conn:
        server_url = state.read(conn).server_url
    if not server_url:
        raise AuthRequired("this profile has no sync server yet; sign in online first")
    client = SyncClient(server_url)
    session.authorise(replica, client)
    return client


def list_conflicts(replica) -> list:
    """Open conflicts the server shows this user (central office)."""
    from app.core.protocol import ConflictRecord

    client = _client(replica)
    try:
        body = client.get("/conflicts", params={"status": "open"})
    finally:
        client.close()
    items = body.get("conflicts", body.get("items")) if isinstance(body, dict) else body
    return [ConflictRecord.from_json(item) for item in items or []]


def resolve_conflict(replica, conflict_id: str, choose: str, note: str, value: Any = None):
    """Resolve one conflict at the server; every device gets it on its next sync."""
    from app.core.errors import ValidationError
    from app.core.protocol import ConflictRecord, ResolveRequest

    if not note or not note.strip():
        raise ValidationError("note", "a note is required to resolve a conflict")
    request = ResolveRequest(choose=choose, note=note.strip(),
                             value=value if choose == "custom" else None)
    client = _client(replica)
    try:
        return ConflictRecord.from_json(
            client.post(f"/conflicts/{conflict_id}/resolve", request.to_json()))
    finally:
        client.close()


class ConflictsPage(QWidget):
    """Central office's conflict queue."""

    def __init__(self, window):
        super().__init__()
        self.window_ = window
        self.records: list = []
        self.model = RowsModel([self.tr("Record"), self.tr("Field"), self.tr("Kept for now"),
                                self.tr("Other change"), self.tr("Facility")], self)
        self.view = table(self.model, "conflictList")
        self.view.setAccessibleName(self.tr("Open conflicts"))
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._chosen())
        self.server_box = QGroupBox(self.tr("Value kept for now (server)"))
        self.server_text = QLabel()
        self.server_text.setObjectName("conflictServer")
        self.client_box = QGroupBox(self.tr("Other change (device)"))
        self.client_text = QLabel()
        self.client_text.setObjectName("conflictClient")
        for box, label in ((self.server_box, self.server_text),
                           (self.client_box, self.client_text)):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            QVBoxLayout(box).addWidget(label)
        self.choice = QComboBox()
        self.choice.setObjectName("conflictChoice")
        self.choice.addItem(self.tr("Keep the value kept for now"), "server")
        self.choice.addItem(self.tr("Take the device's value"), "client")
        self.choice.addItem(self.tr("Set another value"), "custom")
        self.value = QLineEdit()
        self.value.setObjectName("conflictValue")
        self.note = QLineEdit()
        self.note.setObjectName("conflictNote")
        self.resolve_button = QPushButton(self.tr("&Resolve"))
        self.resolve_button.clicked.connect(self.resolve)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.message = common.error_label()
        form = QFormLayout()
        for text, widget in ((self.tr("&Decision:"), self.choice),
                             (self.tr("&Value:"), self.value), (self.tr("&Note:"), self.note)):
            widget.setAccessibleName(text.replace("&", "").rstrip(":"))
            lab = QLabel(text)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
        sides = QHBoxLayout()
        sides.addWidget(self.server_box)
        sides.addWidget(self.client_box)
        box = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addStretch()
        top.addWidget(self.refresh_button)
        box.addLayout(top)
        box.addWidget(self.view, 1)
        box.addLayout(sides)
        box.addLayout(form)
        box.addWidget(self.resolve_button)
        box.addWidget(self.message)
        self.refresh()

    def refresh(self):
        w = self.window_
        self.message.clear()
        self.list_op = w.runner.run(list_conflicts, w.replica, lane="bg", owner=self).success(
            self._show).failure(lambda e: common.show_refusal(self.message, e))
        return self.list_op

    def _show(self, records) -> None:
        self.records = records
        self.model.set_rows([[f"{r.table} {r.row_id[:8]}", r.field, _show(r.server_value),
                              _show(r.client_value), r.facility] for r in records],
                            [r.id for r in records])
        if records:
            self.view.selectRow(0)
        else:
            self.server_text.clear()
            self.client_text.clear()

    def current(self):
        index = self.view.currentIndex()
        return self.records[index.row()] if index.isValid() and index.row() < len(self.records) else None

    def _chosen(self) -> None:
        r = self.current()
        if r is None:
            return
        by = self.tr("by %1 on device %2, received %3")
        self.server_text.setText(_show(r.server_value) + "\n" + by.replace(
            "%1", r.server_author or "?").replace("%2", r.server_device or "?").replace(
            "%3", _when(r.server_at)) + "\n" + self.tr("was: %1").replace("%1", _show(r.base_value)))
        self.client_text.setText(_show(r.client_value) + "\n" + by.replace(
            "%1", r.client_author).replace("%2", r.client_device).replace(
            "%3", _when(r.client_at)))

    def resolve(self):
        r = self.current()
        if r is None:
            return None
        w = self.window_
        choose = self.choice.currentData()
        value = _parse(self.value.text()) if choose == "custom" else None
        op = w.runner.run(resolve_conflict, w.replica, r.id, choose, self.note.text(), value,
                          lane="bg", owner=self)

        def done(_record):
            self.note.clear()
            self.value.clear()
            self.refresh()
            w.sync.sync_now()  # bring the resolution down at once
        self.resolve_op = op.success(done).failure(lambda e: common.show_refusal(self.message, e))
        return op


def _when(text: str | None) -> str:
    if not text:
        return "?"
    import datetime as dt

    try:
        return fmt_datetime(dt.datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        return text


# -- the rejected inbox ---------------------------------------------------------------------

class RejectedDialog(QDialog):
    """The changes the server refused: retry (corrected) or discard each."""

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("rejectedDialog")
        self.setWindowTitle(self.tr("Rejected changes"))
        self.window_ = window
        self.entries: list[dict] = []
        self.model = RowsModel([self.tr("When"), self.tr("Record"), self.tr("Change"),
                                self.tr("Reason")], self)
        self.view = table(self.model, "rejectedList")
        self.view.setAccessibleName(self.tr("Rejected changes"))
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._chosen())
        self.field_label = QLabel()
        self.correction = QLineEdit()
        self.correction.setObjectName("rejectedCorrection")
        self.correction.setAccessibleName(self.tr("Corrected value"))
        self.reason = QLineEdit()
        self.reason.setObjectName("rejectedDiscardReason")
        self.reason.setAccessibleName(self.tr("Reason to discard"))
        self.retry_button = QPushButton(self.tr("Send &again"))
        self.retry_button.clicked.connect(self.retry)
        self.discard_button = QPushButton(self.tr("&Discard"))
        self.discard_button.clicked.connect(self.discard)
        self.message = common.error_label()
        form = QFormLayout()
        form.addRow(self.field_label, self.correction)
        form.addRow(self.tr("Reason to discard:"), self.reason)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.discard_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.view, 1)
        box.addLayout(form)
        box.addLayout(buttons)
        box.addWidget(self.message)
        box.addWidget(close)
        self.refresh()

    def refresh(self):
        from app.sync import inbox

        w = self.window_
        self.list_op = w.runner.run(inbox.list_rejected, w.replica, owner=self).success(self._show)
        return self.list_op

    def _show(self, entries) -> None:
        self.entries = entries
        self.model.set_rows([[fmt_datetime(e["created_at"]), f"{e['table_name']} {e['row_id'][:8]}",
                              ", ".join(f"{k}: {_show(v[1])}" for k, v in e["changes"].items()
                                        if k not in ("version", "updated_at", "updated_by")),
                              e["reason"]] for e in entries], [e["id"] for e in entries])
        if entries:
            self.view.selectRow(0)

    def current(self) -> dict | None:
        index = self.view.currentIndex()
        return self.entries[index.row()] if index.isValid() and index.row() < len(self.entries) else None

    def _chosen(self) -> None:
        e = self.current()
        if e is None:
            return
        field = e.get("field")
        self.field_label.setText(self.tr("Corrected %1:").replace("%1", field) if field
                                 else self.tr("Corrected value:"))
        self.correction.setEnabled(bool(field))
        self.correction.setText(_show(e["changes"].get(field, [None, ""])[1]) if field else "")

    def _act(self, fn, *args):
        w = self.window_
        self.message.clear()
        op = w.runner.run(fn, w.replica, w.actor, *args, owner=self)

        def done(_r):
            self.refresh()
            w.sync.refresh()
            w.record_changed()
        self.action_op = op.success(done).failure(lambda e: common.show_refusal(self.message, e))
        return op

    def retry(self):
        from app.sync import inbox

        e = self.current()
        if e is None:
            return None
        field = e.get("field")
        corrections = {field: _parse(self.correction.text())} if field else None
        return self._act(inbox.retry, e["id"], corrections)

    def discard(self):
        from app.sync import inbox

        e = self.current()
        if e is None:
            return None
        return self._act(inbox.discard, e["id"], self.reason.text())
