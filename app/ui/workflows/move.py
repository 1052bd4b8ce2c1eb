"""Move a person: to another cell, out to court, on temporary absence, back,
or out on transfer to another facility.

Choosing a cell shows its housing warnings at once (capacity, and anyone
the person must be kept apart from), read off the UI thread with
`movements.check_move`. When there are warnings the override reason becomes
required and the warnings stay on screen next to it: the officer overrides
knowingly, and the reason is recorded on the movement.
"""
from __future__ import annotations

from app.domain import movements
from app.ui.qt import (
    QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QRadioButton, QVBoxLayout, Signal,
)
from app.ui.workflows import common

CELL, COURT, ABSENCE, RETURN, TRANSFER = "cell", "court", "absence", "return", "transfer"


def check_cell(replica, actor, episode_id: str, cell_id: str):
    """Housing warnings for the move (reads only; on the worker)."""
    with replica.unit_of_work(actor) as uow:
        return movements.check_move(uow, custody_episode_id=episode_id, to_location_id=cell_id)


class MoveDialog(QDialog):
    saved = Signal(str)

    def __init__(self, window, person_id: str):
        super().__init__(window)
        self.setObjectName("moveDialog")
        self.setWindowTitle(self.tr("Move a person"))
        self.setMinimumWidth(520)  # the cell names and places taken read in full
        self.window_, self.person_id = window, person_id
        self.episode = None
        self.warnings_found = []
        self.where = QLabel(self.tr("Reading where this person is…"))
        self.where.setWordWrap(True)
        self.kinds = QButtonGroup(self)
        self.kind_buttons = {}
        kinds_box = QVBoxLayout()
        for key, text in ((CELL, self.tr("To another &cell")),
                          (COURT, self.tr("Out to c&ourt")),
                          (ABSENCE, self.tr("Out on temporary &absence")),
                          (RETURN, self.tr("&Return to the facility")),
                          (TRANSFER, self.tr("&Transfer to another facility"))):
            button = QRadioButton(text)
            button.setObjectName(f"move_{key}")
            self.kinds.addButton(button)
            self.kind_buttons[key] = button
            kinds_box.addWidget(button)
            button.toggled.connect(self._kind_changed)
        self.cell = QComboBox()
        self.cell.setObjectName("moveCell")
        self.cell.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.cell.setAccessibleName(self.tr("Destination cell"))
        self.cell.currentIndexChanged.connect(self._check)
        self.facility = QLineEdit()
        self.facility.setObjectName("moveFacility")
        self.facility.setAccessibleName(self.tr("Destination facility"))
        self.warnings = QLabel()
        self.warnings.setObjectName("moveWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("background: #b00020; color: white; padding: 6px;"
                                    " font-weight: bold;")
        self.warnings.hide()
        self.override = QLineEdit()
        self.override.setObjectName("moveOverride")
        self.override.setAccessibleName(self.tr("Override reason"))
        self.override.setPlaceholderText(self.tr("Required when there are warnings"))
        self.comment = QLineEdit()
        self.comment.setObjectName("moveComment")
        self.error = common.error_label()
        form = QFormLayout()
        for label, widget in ((self.tr("&Destination cell:"), self.cell),
                              (self.tr("Destination &facility:"), self.facility),
                              (self.tr("O&verride reason:"), self.override),
                              (self.tr("Co&mment:"), self.comment)):
            lab = QLabel(label)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        common.save_shortcut(self, self.save)
        box = QVBoxLayout(self)
        box.addWidget(self.where)
        box.addLayout(kinds_box)
        box.addLayout(form)
        box.addWidget(self.warnings)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        runner = window.runner
        self.ready = runner.run(common.current_episode, window.replica, person_id, owner=self).success(
            self._episode)
        runner.run(common.housing_cells, window.replica, window.actor.facility, owner=self).success(
            self._cells)

    def _episode(self, episode) -> None:
        self.episode = episode
        if episode is None:
            self.where.setText(self.tr("This person is not in custody here, so cannot be moved."))
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            return
        out = episode["status"] == "OUT"
        self.where.setText((self.tr("Now out of the facility (cell %1 kept).") if out
                            else self.tr("Now in cell %1.")).replace(
                                "%1", episode["location_code"] or ""))
        for key in (CELL, COURT, ABSENCE, TRANSFER):
            self.kind_buttons[key].setEnabled(not out)
        self.kind_buttons[RETURN].setEnabled(out)
        self.kind_buttons[RETURN if out else CELL].setChecked(True)

    def _cells(self, cells) -> None:
        self.cell.blockSignals(True)
        self.cell.clear()
        for c in cells:
            self.cell.addItem(self.tr("%1 (%2 of %3 places taken)").replace("%1", c["code"])
                              .replace("%2", str(c["held"]))
                              .replace("%3", str(c["operational_capacity"] or 0)), c["id"])
        self.cell.setCurrentIndex(-1)
        self.cell.blockSignals(False)

    def kind(self) -> str:
        for key, button in self.kind_buttons.items():
            if button.isChecked():
                return key
        return CELL

    def _kind_changed(self, *_):
        kind = self.kind()
        self.cell.setEnabled(kind in (CELL, RETURN))
        self.facility.setEnabled(kind == TRANSFER)
        self._check()

    def _check(self, *_):
        """Show the housing warnings for the chosen cell."""
        self.warnings_found = []
        self.warnings.hide()
        cell = self.cell.currentData()
        if self.episode is None or cell is None or self.kind() != CELL:
            return None
        op = self.window_.runner.run(check_cell, self.window_.replica, self.window_.actor,
                                     self.episode["id"], cell, owner=self)

        def shown(found):
            if self.cell.currentData() != cell:
                return  # the choice changed meanwhile
            self.warnings_found = found
            if found:
                self.warnings.setText(self.tr("Warnings (an override reason is required):")
                                      + "\n" + "\n".join("• " + w.message for w in found))
                self.warnings.show()
            self.error.clear()

        self.check_op = op.success(shown).failure(lambda e: common.show_refusal(self.error, e))
        return op

    def save(self):
        if self.episode is None:
            return None
        kind, ep = self.kind(), self.episode["id"]
        kw = dict(custody_episode_id=ep, comment=self.comment.text() or None)
        if kind == CELL:
            fn = movements.move_within
            kw.update(to_location_id=self.cell.currentData(),
                      override_reason=self.override.text() or None)
        elif kind == COURT:
            fn = movements.out_to_court
        elif kind == ABSENCE:
            fn = movements.temporary_absence
        elif kind == RETURN:
            fn = movements.return_to_facility
            kw.update(to_location_id=self.cell.currentData(),
                      override_reason=self.override.text() or None)
        else:
            fn = movements.transfer_out
            kw.update(to_facility=self.facility.text().strip().upper())
        self.buttons.setEnabled(False)
        op = self.window_.runner.run(common.act, self.window_.replica, self.window_.actor, fn,
                                     **kw, owner=self)

        def done(_row):
            self.buttons.setEnabled(True)
            self.saved.emit(self.person_id)
            self.accept()

        def refused(error):
            self.buttons.setEnabled(True)
            common.show_refusal(self.error, error)
            found = getattr(error, "warnings", None)
            if found:
                self.warnings.setText("\n".join("• " + w.message for w in found))
                self.warnings.show()
                self.override.setFocus()
        self.save_op = op.success(done).failure(refused)
        return op


def start(window, person_id: str | None):
    return common.open_for_person(window, person_id, MoveDialog)
