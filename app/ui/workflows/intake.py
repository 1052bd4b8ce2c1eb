"""Reception and intake: a wizard that checks the replica for the person
before creating anyone.

1. Who: names, date of birth, sex, an identifier, an alias.
2. Already known? Shown only when the replica holds likely duplicates (same
   identifier, or same name and date of birth, or an alias): the officer
   opens the existing record, or states why this is a different person.
3. Admission: booking number, legal status and cell (optional: reception
   may record a person before the admission itself). Housing warnings need
   an override reason.

Everything is saved at Finish in one unit of work: the person, their
identifier and alias, and the admission, or nothing.
"""
from __future__ import annotations

from app.domain import people
from app.ui.i18n import fmt_date
from app.ui.qt import (
    QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QRadioButton, Qt, QVBoxLayout, QWizard, QWizardPage, Signal,
)
from app.ui.workflows import common

WHO, DUPLICATES, ADMISSION = range(3)


def check_duplicates(replica, actor, values: dict) -> list[people.PossibleDuplicate]:
    """Likely duplicates of the person being entered (reads only; on the worker)."""
    with replica.unit_of_work(actor) as uow:
        return people.find_duplicates(uow, **values)


def save_intake(uow, *, person: dict, admission: dict | None,
                photo: tuple[bytes, str] | None = None) -> dict:
    """Create the person, admit them if asked, add their reception photo if
    given: one user action, saved whole or not at all."""
    row = people.create_person(uow, **person)
    if admission is not None:
        from app.domain import custody

        custody.admit(uow, person_id=row["id"], **admission)
    if photo is not None:
        from app.domain import photos

        photos.add_photo(uow, person_id=row["id"], image=photo[0], mime_type=photo[1])
    return row


def save_intake_from_files(replica, actor, *, person: dict, admission: dict | None,
                           photo_path: str) -> dict:
    """Read the photo file, if one is named, then save the intake (on the worker)."""
    from app.ui.workflows.photo import read_photo_file

    photo = read_photo_file(photo_path) if photo_path.strip() else None
    return common.act(replica, actor, save_intake, person=person, admission=admission,
                      photo=photo)


class IntakeWizard(QWizard):
    """The reception wizard; `created` carries the new person's id."""

    created = Signal(str)
    open_existing = Signal(str)

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("intakeWizard")
        self.setWindowTitle(self.tr("Reception and intake"))
        self.window_, self.runner = window, window.runner
        self.replica, self.actor = window.replica, window.actor
        self.matches: list[people.PossibleDuplicate] = []
        self._checked_for: dict | None = None
        self._saving = False
        codes = self.replica.codes

        # 1. who
        self.first = QLineEdit()
        self.middle = QLineEdit()
        self.last = QLineEdit()
        self.born = common.date_edit()
        self.sex = common.code_combo(codes, "sex")
        self.id_type = common.code_combo(codes, "identifier_type", blank=self.tr("(none)"))
        self.id_value = QLineEdit()
        self.alias_first = QLineEdit()
        self.alias_last = QLineEdit()
        who = QWizardPage()
        who.setTitle(self.tr("Who is arriving?"))
        form = QFormLayout(who)
        for label, widget, name in (
                (self.tr("&First name:"), self.first, "intakeFirst"),
                (self.tr("&Middle names:"), self.middle, "intakeMiddle"),
                (self.tr("&Last name:"), self.last, "intakeLast"),
                (self.tr("Date of &birth:"), self.born, "intakeBorn"),
                (self.tr("&Sex:"), self.sex, "intakeSex"),
                (self.tr("&Identifier type:"), self.id_type, "intakeIdType"),
                (self.tr("Identifier &number:"), self.id_value, "intakeIdValue"),
                (self.tr("Alias first name:"), self.alias_first, "intakeAliasFirst"),
                (self.tr("Alias last name:"), self.alias_last, "intakeAliasLast")):
            widget.setObjectName(name)
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            lab = QLabel(label)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
        self.who_error = common.error_label()
        form.addRow(self.who_error)

        # 2. duplicates
        dup = QWizardPage()
        dup.setTitle(self.tr("Is this person already known?"))
        dup.setSubTitle(self.tr("The replica holds people who may be the same person. "
                                "Check before creating a new record."))
        self.dup_list = QListWidget()
        self.dup_list.setObjectName("intakeDuplicates")
        self.dup_list.setAccessibleName(self.tr("Possible duplicates"))
        self.same = QRadioButton(self.tr("It is one of them: &open their record"))
        self.same.setObjectName("intakeSame")
        self.different = QRadioButton(self.tr("It is a &different person, because:"))
        self.different.setObjectName("intakeDifferent")
        self.reason = QLineEdit()
        self.reason.setObjectName("intakeNotDuplicateReason")
        self.reason.setAccessibleName(self.tr("Why this is a different person"))
        self.same.setChecked(True)
        box = QVBoxLayout(dup)
        for w in (self.dup_list, self.same, self.different, self.reason):
            box.addWidget(w)
        self.dup_error = common.error_label()
        box.addWidget(self.dup_error)

        # 3. admission
        adm = QWizardPage()
        adm.setTitle(self.tr("Admission"))
        self.admit = QCheckBox(self.tr("&Admit into custody now"))
        self.admit.setObjectName("intakeAdmit")
        self.admit.setChecked(True)
        self.booking = QLineEdit()
        self.booking.setObjectName("intakeBooking")
        self.legal = common.code_combo(codes, "legal_status")
        self.legal.setObjectName("intakeLegalStatus")
        self.cell = QComboBox()
        self.cell.setObjectName("intakeCell")
        self.override = QLineEdit()
        self.override.setObjectName("intakeOverride")
        self.override.setAccessibleName(self.tr("Override reason"))
        self.photo_path = QLineEdit()
        self.photo_path.setObjectName("intakePhoto")
        self.photo_path.setPlaceholderText(self.tr("A .jpg or .png file (optional)"))
        self.adm_error = common.error_label()
        aform = QFormLayout(adm)
        aform.addRow(self.admit)
        for label, widget in ((self.tr("&Booking number:"), self.booking),
                              (self.tr("Legal &status:"), self.legal),
                              (self.tr("&Cell:"), self.cell),
                              (self.tr("&Override reason:"), self.override)):
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            lab = QLabel(label)
            lab.setBuddy(widget)
            aform.addRow(lab, widget)
        photo_label = QLabel(self.tr("P&hoto:"))
        photo_label.setBuddy(self.photo_path)
        self.photo_path.setAccessibleName(self.tr("Photo file"))
        aform.addRow(photo_label, self.photo_path)
        aform.addRow(self.adm_error)
        self.admit.toggled.connect(lambda on: [w.setEnabled(on) for w in
                                               (self.booking, self.legal, self.cell,
                                                self.override)])

        self.setPage(WHO, who)
        self.setPage(DUPLICATES, dup)
        self.setPage(ADMISSION, adm)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.runner.run(common.housing_cells, self.replica, self.actor.facility, owner=self).success(
            self._cells)

    def _cells(self, cells) -> None:
        self.cell.clear()
        for c in cells:
            free = (c["operational_capacity"] or 0) - c["held"]
            self.cell.addItem(self.tr("%1 (%2 free)").replace("%1", c["code"])
                              .replace("%2", str(free)), c["id"])

    # -- values -------------------------------------------------------------------------
    def person_values(self) -> dict:
        ident = self.id_type.currentData()
        values = dict(first_name=self.first.text(), last_name=self.last.text(),
                      middle_names=self.middle.text() or None,
                      date_of_birth=common.py_date(self.born), sex=self.sex.currentData(),
                      identifiers=[(ident, self.id_value.text())] if ident else [],
                      aliases=[(self.alias_first.text(), self.alias_last.text())]
                      if self.alias_first.text() or self.alias_last.text() else [])
        return values

    def _lookup(self) -> dict:
        v = self.person_values()
        return dict(first_name=v["first_name"].strip(), last_name=v["last_name"].strip(),
                    date_of_birth=v["date_of_birth"],
                    identifiers=[(t, x.strip().upper()) for t, x in v["identifiers"]])

    # -- flow ------------------------------------------------------------------------------
    def nextId(self) -> int:
        if self.currentId() == WHO:
            return DUPLICATES if self.matches else ADMISSION
        if self.currentId() == DUPLICATES:
            return ADMISSION
        return -1

    def validateCurrentPage(self) -> bool:
        page = self.currentId()
        if page == WHO:
            lookup = self._lookup()
            if self._checked_for == lookup:
                return True
            if not lookup["first_name"] or not lookup["last_name"]:
                field = "first_name" if not lookup["first_name"] else "last_name"
                from app.core.errors import ValidationError
                common.show_refusal(self.who_error, ValidationError(field, "is required"))
                return False
            self.who_error.setText(self.tr("Checking the replica for this person…"))

            def checked(matches):
                self.matches, self._checked_for = matches, lookup
                self.who_error.clear()
                self._show_matches()
                self.next()
            self.dup_op = self.runner.run(check_duplicates, self.replica, self.actor, lookup, owner=self)
            self.dup_op.success(checked).failure(
                lambda e: common.show_refusal(self.who_error, e))
            return False
        if page == DUPLICATES:
            if self.same.isChecked():
                item = self.dup_list.currentItem() or self.dup_list.item(0)
                self.open_existing.emit(item.data(Qt.ItemDataRole.UserRole))
                self.reject()
                return False
            if not self.reason.text().strip():
                from app.core.errors import ValidationError
                common.show_refusal(self.dup_error, ValidationError(
                    "not_duplicate_reason", "is required to create a new record"))
                return False
            return True
        if page == ADMISSION:
            if self._saving:
                return False
            self._save()
            return False
        return True

    def _show_matches(self) -> None:
        self.dup_list.clear()
        for m in self.matches:
            item = QListWidgetItem(f"{m.name} · {fmt_date(m.date_of_birth)} · {m.why}")
            item.setData(Qt.ItemDataRole.UserRole, m.person_id)
            self.dup_list.addItem(item)
        if self.matches:
            self.dup_list.setCurrentRow(0)

    def _save(self):
        person = self.person_values()
        if self.matches:
            person["not_duplicate_reason"] = self.reason.text()
        admission = None
        if self.admit.isChecked():
            admission = dict(booking_number=self.booking.text(),
                             legal_status=self.legal.currentData(),
                             location_id=self.cell.currentData(),
                             override_reason=self.override.text() or None)
        self._saving = True
        self.adm_error.setText(self.tr("Saving…"))

        def saved(row):
            self._saving = False
            self.created.emit(row["id"])
            self.accept()

        def refused(error):
            self._saving = False
            common.show_refusal(self.adm_error, error)
            # A refusal about the person belongs on the first page.
            if getattr(error, "field", "").split(".")[0].split("[")[0] in (
                    "first_name", "last_name", "middle_names", "date_of_birth", "sex",
                    "identifiers", "aliases"):
                common.show_refusal(self.who_error, error)

        self.save_op = self.runner.run(save_intake_from_files, self.replica, self.actor,
                                       person=person, admission=admission,
                                       photo_path=self.photo_path.text(), owner=self)
        return self.save_op.success(saved).failure(refused)


def start(window, person_id=None) -> IntakeWizard:
    wizard = IntakeWizard(window)
    wizard.created.connect(lambda pid: (window.record_changed(pid, new_person=True),
                                        window.show_person(pid)))
    wizard.open_existing.connect(window.show_person)
    wizard.open()
    return wizard
