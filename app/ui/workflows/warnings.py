"""Warnings on a person: add an alert, or record a non-association with
someone else. Both show at once in the red banner of the person's profile.
Either is closed (with a reason, kept on the record) from the same banner.

Alert codes restricted to named roles (the `restricted_roles` attribute) are
offered only to those roles; the domain refuses them for anyone else too.
"""
from __future__ import annotations

from app.domain import alerts, non_associations
from app.ui.i18n import code_label, fmt_date
from app.ui.people_page import run_search
from app.ui.qt import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, Qt,
    QVBoxLayout, Signal,
)
from app.ui.workflows import common


class _Form(QDialog):
    saved = Signal(str)

    def __init__(self, window, person_id: str, title: str, name: str):
        super().__init__(window)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.window_, self.person_id = window, person_id
        self.form = QFormLayout()
        self.error = common.error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        common.save_shortcut(self, self.save)
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.error)
        box.addWidget(self.buttons)

    def row(self, label: str, widget) -> None:
        widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        lab = QLabel(label)
        lab.setBuddy(widget)
        self.form.addRow(lab, widget)

    def _save(self, fn, **kw):
        w = self.window_
        self.error.clear()
        op = w.runner.run(common.act, w.replica, w.actor, fn, **kw, owner=self)

        def done(_row):
            self.saved.emit(self.person_id)
            self.accept()
        self.save_op = op.success(done).failure(lambda e: common.show_refusal(self.error, e))
        return op


class AlertDialog(_Form):
    def __init__(self, window, person_id: str):
        super().__init__(window, person_id, self.tr("Add an alert"), "alertDialog")
        codes = window.replica.codes
        mine = set(window.actor.roles)

        def allowed(code) -> bool:
            limited = code.attributes.get("restricted_roles")
            return not limited or bool(mine & set(limited))

        self.alert_type = common.code_combo(codes, "alert_type")
        self.alert_type.setObjectName("alertType")
        self.alert_code = common.code_combo(codes, "alert_code",
                                            parent=self.alert_type.currentData(), only=allowed)
        self.alert_code.setObjectName("alertCode")
        self.alert_type.currentIndexChanged.connect(lambda _i: common.fill_codes(
            self.alert_code, codes, "alert_code", parent=self.alert_type.currentData(),
            only=allowed))
        self.authorised = QLineEdit(window.actor.username)
        self.authorised.setObjectName("alertAuthorisedBy")
        self.starts = common.date_edit()
        self.comment = QLineEdit()
        self.comment.setObjectName("alertComment")
        for label, widget in ((self.tr("&Type:"), self.alert_type),
                              (self.tr("&Alert:"), self.alert_code),
                              (self.tr("A&uthorised by:"), self.authorised),
                              (self.tr("Active &from:"), self.starts),
                              (self.tr("&Comment:"), self.comment)):
            self.row(label, widget)

    def save(self):
        return self._save(alerts.add_alert, person_id=self.person_id,
                          alert_type=self.alert_type.currentData(),
                          alert_code=self.alert_code.currentData(),
                          authorised_by=self.authorised.text(),
                          active_from=common.py_date(self.starts),
                          comment=self.comment.text() or None)


class NonAssociationDialog(_Form):
    def __init__(self, window, person_id: str):
        super().__init__(window, person_id, self.tr("Keep apart from someone"),
                         "nonAssociationDialog")
        codes = window.replica.codes
        self.find = QLineEdit()
        self.find.setObjectName("naFind")
        self.find.setPlaceholderText(self.tr("Type a name or number, then Enter"))
        self.find.returnPressed.connect(self.search)
        self.found = QListWidget()
        self.found.setObjectName("naFound")
        self.role = common.code_combo(codes, "non_association_role")
        self.role.setObjectName("naRole")
        self.other_role = common.code_combo(codes, "non_association_role")
        self.other_role.setObjectName("naOtherRole")
        self.reason = common.code_combo(codes, "non_association_reason")
        self.reason.setObjectName("naReason")
        self.keep_apart = common.code_combo(codes, "keep_apart")
        self.keep_apart.setObjectName("naKeepApart")
        self.comment = QLineEdit()
        self.comment.setObjectName("naComment")
        for label, widget in ((self.tr("&Find the other person:"), self.find),
                              (self.tr("&Other person:"), self.found),
                              (self.tr("&Role of this person:"), self.role),
                              (self.tr("Role of the o&ther person:"), self.other_role),
                              (self.tr("R&eason:"), self.reason),
                              (self.tr("&Keep apart on the same:"), self.keep_apart),
                              (self.tr("&Comment:"), self.comment)):
            self.row(label, widget)

    def search(self):
        w = self.window_

        def show(hits):
            self.found.clear()
            for h in hits:
                if h.person_id == self.person_id:
                    continue
                item = QListWidgetItem(f"{h.first_name} {h.last_name} · {h.matched}")
                item.setData(Qt.ItemDataRole.UserRole, h.person_id)
                self.found.addItem(item)
            if self.found.count():
                self.found.setCurrentRow(0)
                self.found.setFocus()
        self.search_op = w.runner.run(run_search, w.replica, self.find.text(), 20, owner=self).success(show)
        return self.search_op

    def save(self):
        item = self.found.currentItem()
        return self._save(non_associations.create_non_association, person_id=self.person_id,
                          person_role=self.role.currentData(),
                          other_person_id=item.data(Qt.ItemDataRole.UserRole) if item else None,
                          other_person_role=self.other_role.currentData(),
                          reason=self.reason.currentData(),
                          keep_apart=self.keep_apart.currentData(),
                          comment=self.comment.text() or None)


def open_warnings(replica, actor, person_id: str) -> list[dict]:
    """The person's active alerts and open non-associations (on the worker), alerts first."""
    from app.ui.workflows.common import person_name

    with replica.unit_of_work(actor) as uow:
        found = [{"kind": "alert", "id": a["id"], "type": a["alert_type"], "code": a["alert_code"],
                  "since": a["active_from"]}
                 for a in alerts.active_alerts(uow, person_id=person_id)]
        pairs = non_associations.open_for(uow, person_id)
    found += [{"kind": "non_association", "id": n.id, "reason": n.reason,
               "keep_apart": n.keep_apart, "other": person_name(replica, n.other_person_id)}
              for n in pairs]
    return found


class CloseWarningDialog(_Form):
    """Close one of a person's alerts or non-associations, saying why."""

    def __init__(self, window, person_id: str):
        super().__init__(window, person_id, self.tr("Close a warning"), "closeWarningDialog")
        self.rows: list[dict] = []
        self.list = QListWidget()
        self.list.setObjectName("closeWarningList")
        self.reason = QLineEdit()
        self.reason.setObjectName("closeWarningReason")
        self.row(self.tr("&Warning:"), self.list)
        self.row(self.tr("&Reason:"), self.reason)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Close &it"))
        self.setMinimumWidth(480)
        self.load()

    def load(self):
        w = self.window_
        self.list_op = w.runner.run(open_warnings, w.replica, w.actor, self.person_id,
                                    owner=self).success(self._show)
        return self.list_op

    def _show(self, rows: list[dict]) -> None:
        codes = self.window_.replica.codes
        self.rows = rows
        self.list.clear()
        for r in rows:
            if r["kind"] == "alert":
                text = self.tr("Alert: %1 (since %2)").replace(
                    "%1", code_label(codes, "alert_code", r["code"])).replace(
                    "%2", fmt_date(r["since"]))
            else:
                text = self.tr("Keep apart from %1 (%2, %3)").replace("%1", r["other"]).replace(
                    "%2", code_label(codes, "keep_apart", r["keep_apart"])).replace(
                    "%3", code_label(codes, "non_association_reason", r["reason"]))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, r["id"])
            self.list.addItem(item)
        if rows:
            self.list.setCurrentRow(0)
        else:
            self.error.setText(self.tr("This person has no open warnings."))

    def save(self):
        row = self.list.currentRow()
        if not 0 <= row < len(self.rows):
            self.error.setText(self.tr("Warning: choose the warning to close"))
            return None
        chosen = self.rows[row]
        if chosen["kind"] == "alert":
            return self._save(alerts.close_alert, alert_id=chosen["id"], reason=self.reason.text())
        return self._save(non_associations.close_non_association,
                          non_association_id=chosen["id"], reason=self.reason.text())


def start_alert(window, person_id: str | None):
    return common.open_dialog(window, AlertDialog(window, person_id)) if person_id else None


def start_non_association(window, person_id: str | None):
    return common.open_dialog(window, NonAssociationDialog(window, person_id)) if person_id else None


def start_close(window, person_id: str | None):
    return common.open_dialog(window, CloseWarningDialog(window, person_id)) if person_id else None
