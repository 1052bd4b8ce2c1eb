"""An instrument's form, generated from its file: sections, items by answer
type, conditional items shown and hidden as answers change, and each answer
checked as it is given, with the item named in the error.

The checks are the instrument engine's own (app.scoring.rules), so what the
form accepts is exactly what completing the assessment accepts. Answer types
map to editors that can also be left unanswered (a draft may be partial):

  yes_no, choice, rating   a drop-down with "Not answered" first
  integer, date            a line edit (typed, so a wrong value can be named)
  text                     a multi-line edit (Tab moves on)
"""
from __future__ import annotations

from typing import Any

from app.core.errors import ValidationError
from app.scoring import rules
from app.scoring.instruments import Instrument, Item
from app.ui.assessment.models import ValueCombo
from app.ui.qt import (
    QGroupBox, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget, Signal,
)

_INVALID = object()  # an answer typed but not acceptable (its error is shown)


def answer_error(item: Item, reason: str) -> str:
    """An answer's error as the user reads it: the item's own label, then why."""
    return f"{item.label}: {reason}"


class ItemField(QWidget):
    """One question: its label, help, editor and the line saying what is wrong."""

    edited = Signal(str)  # the item id, on a change made by the user

    def __init__(self, item: Item, parent=None):
        super().__init__(parent)
        self.item = item
        self.setObjectName(f"item_{item.id}")
        self._loading = False
        self._error_text = ""
        text = item.label + ("" if item.required else self.tr(" (optional)"))
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.editor = self._make_editor()
        self.editor.setObjectName(f"answer_{item.id}")
        self.editor.setAccessibleName(item.label)
        if item.help:
            self.editor.setAccessibleDescription(item.help)
            self.editor.setToolTip(item.help)
        self.label.setBuddy(self.editor)
        self.error = QLabel()
        self.error.setObjectName(f"error_{item.id}")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.hide()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 2, 0, 6)
        box.addWidget(self.label)
        if item.help:
            hint = QLabel(item.help)
            hint.setWordWrap(True)
            hint.setEnabled(False)  # the palette's muted text, in light and dark themes
            box.addWidget(hint)
        box.addWidget(self.editor)
        box.addWidget(self.error)

    def _make_editor(self) -> QWidget:
        item = self.item
        if item.type in ("yes_no", "choice", "rating"):
            combo = ValueCombo()
            combo.add(self.tr("Not answered"), None)
            if item.type == "yes_no":
                combo.add(self.tr("Yes"), True)
                combo.add(self.tr("No"), False)
            else:
                for opt in item.options:
                    combo.add(opt.label, opt.value)
            combo.currentIndexChanged.connect(lambda _i: self._changed())
            return combo
        if item.type == "text":
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(110)
            if item.min_length:
                edit.setPlaceholderText(self.tr("At least %1 characters").replace(
                    "%1", str(item.min_length)))
            edit.textChanged.connect(self._changed)
            return edit
        edit = QLineEdit()
        if item.type == "date":
            edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
            edit.setMaxLength(10)
        elif item.type == "integer":
            bounds = f"{item.minimum}–{item.maximum}" if item.maximum is not None \
                else f"≥ {item.minimum}"
            edit.setPlaceholderText(self.tr("A whole number (%1)").replace("%1", bounds))
        edit.textChanged.connect(lambda _t: self._changed())
        return edit

    # -- values ----------------------------------------------------------------------
    def raw(self) -> Any:
        """What the editor holds: a value to check, or None when unanswered."""
        ed = self.editor
        if isinstance(ed, ValueCombo):
            return ed.value()
        if isinstance(ed, QPlainTextEdit):
            return ed.toPlainText().strip() or None
        text = ed.text().strip()
        if not text:
            return None
        if self.item.type == "integer":
            try:
                return int(text)
            except ValueError:
                return text  # refused below as "must be a whole number", with the item named
        return text

    def parse(self) -> tuple[Any, str | None]:
        """(the checked answer or None when unanswered, the error text or None).

        Reads the editor only: reading the whole form never touches a widget."""
        value = self.raw()
        if value is None:
            return None, None
        try:
            return rules.check_answer(self.item, value), None
        except ValidationError as exc:
            return _INVALID, answer_error(self.item, exc.reason)

    def check(self) -> Any:
        """The checked answer, None when unanswered, or _INVALID; shows its error."""
        value, error = self.parse()
        self.set_error(error)
        return value

    def set_value(self, value: Any) -> None:
        """Show a stored answer (no edit is signalled)."""
        self._loading = True
        try:
            ed = self.editor
            if isinstance(ed, ValueCombo):
                ed.setCurrentIndex(max(0, ed.find(value)) if value is not None else 0)
            elif isinstance(ed, QPlainTextEdit):
                ed.setPlainText("" if value is None else str(value))
            else:
                ed.setText("" if value is None else str(value))
        finally:
            self._loading = False
        self.check()

    def set_error(self, text: str | None) -> None:
        text = text or ""
        if text == self._error_text:
            return  # unchanged: leave the widgets alone (this runs on every keystroke)
        self._error_text = text
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self.editor.setAccessibleDescription(text or self.item.help)

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit(self.item.id)


class AssessmentForm(QWidget):
    """The whole instrument as a form; read-only for a completed assessment."""

    changed = Signal()  # an answer was changed by the user

    def __init__(self, instrument: Instrument, answers: dict[str, Any] | None = None, *,
                 read_only: bool = False, parent=None):
        super().__init__(parent)
        self.instrument = instrument
        self.setObjectName("assessmentForm")
        self.fields: dict[str, ItemField] = {}
        self.groups: dict[str, QGroupBox] = {}
        box = QVBoxLayout(self)
        about = QLabel(instrument.description)
        about.setObjectName("instrumentDescription")
        about.setWordWrap(True)
        box.addWidget(about)
        for section in instrument.sections:
            group = QGroupBox(section.title)
            group.setObjectName(f"section_{section.id}")
            group.setAccessibleName(section.title)
            inner = QVBoxLayout(group)
            for item in section.items:
                f = ItemField(item)
                f.edited.connect(self._edited)
                self.fields[item.id] = f
                inner.addWidget(f)
            self.groups[section.id] = group
            box.addWidget(group)
        box.addStretch()
        for item_id, value in (answers or {}).items():
            if item_id in self.fields:
                self.fields[item_id].set_value(value)
        self._update_visibility()
        if read_only:
            for f in self.fields.values():
                if isinstance(f.editor, (QLineEdit, QPlainTextEdit)):
                    f.editor.setReadOnly(True)  # still selectable and readable aloud
                else:
                    f.editor.setEnabled(False)

    # -- reading the form -----------------------------------------------------------
    def visible_ids(self) -> list[str]:
        return [i for i, f in self.fields.items() if not f.isHidden()]

    def answers(self) -> dict[str, Any]:
        """The acceptable answers to the items currently asked."""
        out = {}
        for item_id in self.visible_ids():
            value, _error = self.fields[item_id].parse()
            if value is not None and value is not _INVALID:
                out[item_id] = value
        return out

    def payload(self) -> dict[str, Any]:
        """What a save sends: each asked item's answer, None for unanswered or
        hidden items (which clears them); an answer with an error is left out,
        so the last acceptable one stays saved until it is put right."""
        out: dict[str, Any] = {}
        for item_id, f in self.fields.items():
            if f.isHidden():
                out[item_id] = None
                continue
            value, _error = f.parse()
            if value is not _INVALID:
                out[item_id] = value
        return out

    def errors(self) -> dict[str, str]:
        """The items asked whose answer is not acceptable, with why, in form order."""
        out = {}
        for item_id in self.visible_ids():
            _value, error = self.fields[item_id].parse()
            if error:
                out[item_id] = error
        return out

    def show_error(self, error: ValidationError) -> bool:
        """Show an error the engine raised on the item it names; False if it names none."""
        f = self.fields.get(error.field)
        if f is None:
            return False
        f.set_error(answer_error(f.item, error.reason))
        f.editor.setFocus()
        return True

    def focus_first(self) -> None:
        ids = self.visible_ids()
        if ids:
            self.fields[ids[0]].editor.setFocus()

    # -- reacting ---------------------------------------------------------------------
    def _edited(self, item_id: str) -> None:
        self.fields[item_id].check()
        self._update_visibility()
        self.changed.emit()

    def _update_visibility(self) -> None:
        """Show the items asked given the answers; a hidden item loses its answer,
        so no answer outlives the one it depended on."""
        shown = {i.id for i in rules.visible_items(self.instrument, self.answers_all())}
        for item_id, f in self.fields.items():
            hide = item_id not in shown
            if hide == f.isHidden():
                continue
            if hide:
                f.set_value(None)
            f.setHidden(hide)

    def answers_all(self) -> dict[str, Any]:
        """Acceptable answers of every item (hidden or not), for deciding what is asked."""
        out = {}
        for item_id, f in self.fields.items():
            value, _error = f.parse()
            if value is not None and value is not _INVALID:
                out[item_id] = value
        return out
