"""A score as a professional must see it, and their own decision beside it.

Shown with every result (ARCHITECTURE.md §5): the band, the inputs used, the
main contributing factors, the instrument's stated limits, and a plain line
that the score supports and never replaces professional judgement. For a
logged prediction the professional then records their decision: agree, or
override (disregard the score) with their own band and a mandatory reason.
Nothing is chosen for them: both choices start unticked and the band is
empty, so a score can never fill in a decision.
"""
from __future__ import annotations

import html
from typing import Any

from app.core.errors import ValidationError
from app.scoring.instruments import Instrument, Item
from app.ui.assessment.models import RecordsModel, ValueCombo, fit_rows, records_table
from app.ui.errors import error_text
from app.ui.i18n import fmt_datetime, fmt_number
from app.ui.qt import (
    QButtonGroup, QCoreApplication, QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit,
    QPushButton, QRadioButton, Qt, QT_TRANSLATE_NOOP, QVBoxLayout, QWidget, Signal,
)

BANDS = ("LOW", "MEDIUM", "HIGH", "VERY_HIGH")
# Values the engine derives from the answers (app.scoring.explain), in words.
DERIVED = {
    "age_conv": QT_TRANSLATE_NOOP("ScorePanel", "Age at the current conviction (derived)"),
    "age_first": QT_TRANSLATE_NOOP("ScorePanel", "Age at the first sanction (derived)"),
    "age_assess": QT_TRANSLATE_NOOP("ScorePanel", "Age at assessment (derived)"),
    "previous_sanctions_used": QT_TRANSLATE_NOOP(
        "ScorePanel", "Previous sanctions counted (capped at 50, derived)"),
}
YES_NO = {True: QT_TRANSLATE_NOOP("ScorePanel", "Yes"),
          False: QT_TRANSLATE_NOOP("ScorePanel", "No")}


def _esc(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _answer_text(item: Item | None, value: Any) -> str:
    """An answer as the form offered it: the option's label rather than its code."""
    if item is not None and item.options:
        opt = item.option(value)
        if opt is not None:
            return opt.label
    return _shown(value)


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return QCoreApplication.translate("ScorePanel", YES_NO[value])
    if isinstance(value, float):
        return fmt_number(round(value, 3))
    return "" if value is None else str(value)


class ScorePanel(QWidget):
    """The result of a completed assessment and the professional's decision on it."""

    decision_requested = Signal(object, object, str)  # (AGREE/OVERRIDE/None, band, reason)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("scorePanel")
        self.result: dict[str, Any] | None = None
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.band = QLabel()
        self.band.setObjectName("band")
        self.band.setAccessibleName(self.tr("Band"))
        font = self.band.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.band.setFont(font)
        self.detail = QLabel()
        self.detail.setObjectName("scoreDetail")
        self.detail.setWordWrap(True)
        self.judgement = QLabel()
        self.judgement.setObjectName("judgementNote")
        self.judgement.setWordWrap(True)
        self.judgement.setStyleSheet("font-weight: bold;")
        self.flags = QLabel()
        self.flags.setObjectName("flags")
        self.flags.setWordWrap(True)
        self.flags.setStyleSheet("QLabel#flags { background: #b00020; color: white; padding: 6px;"
                                 " font-weight: bold; }")
        self.flags.hide()

        self.factors = RecordsModel([
            (self.tr("Main contributing factor"), lambda r: r["label"]),
            (self.tr("Effect"), lambda r: r["effect"]),
        ], self)
        self.factors_view = records_table(self.factors, "factorsTable",
                                          self.tr("Main contributing factors"))
        self.inputs = RecordsModel([
            (self.tr("Input used"), lambda r: r["label"]),
            (self.tr("Value"), lambda r: r["value"]),
        ], self)
        self.inputs_view = records_table(self.inputs, "inputsTable", self.tr("Inputs used"))
        self.needs = RecordsModel([
            (self.tr("Need area"), lambda r: r["label"]),
            (self.tr("Level"), lambda r: r["band"].replace("_", " ").capitalize()),
            (self.tr("Score"), lambda r: r["value"]),
        ], self)
        self.needs_view = records_table(self.needs, "needsTable", self.tr("Needs profile"))
        self.priorities = QLabel()
        self.priorities.setObjectName("priorities")
        self.priorities.setWordWrap(True)
        self.limits = QLabel()
        self.limits.setObjectName("limits")
        self.limits.setWordWrap(True)
        self.limits.setTextFormat(Qt.TextFormat.RichText)
        self.limits.setAccessibleName(self.tr("Limits of this result"))

        self.decision_box = self._build_decision()

        box = QVBoxLayout(self)
        for w in (self.title, self.band, self.detail, self.judgement, self.flags):
            box.addWidget(w)
        box.addWidget(QLabel(self.tr("Main contributing factors:")))
        box.addWidget(self.factors_view)
        box.addWidget(self.needs_view)
        box.addWidget(self.priorities)
        box.addWidget(QLabel(self.tr("Inputs used:")))
        box.addWidget(self.inputs_view)
        box.addWidget(self.limits)
        box.addWidget(self.decision_box)

    # -- the decision -------------------------------------------------------------------
    def _build_decision(self) -> QGroupBox:
        group = QGroupBox(self.tr("Your decision"))
        group.setObjectName("decisionBox")
        self.agree = QRadioButton(self.tr("I &agree with this band"))
        self.agree.setObjectName("decisionAgree")
        self.override = QRadioButton(self.tr("I &override it: the score does not fit this case "
                                             "(disregard the score)"))
        self.override.setObjectName("decisionOverride")
        self.choice = QButtonGroup(group)
        self.choice.addButton(self.agree)
        self.choice.addButton(self.override)
        self.own_band = ValueCombo()
        self.own_band.setObjectName("professionalBand")
        self.own_band.setAccessibleName(self.tr("Your own band"))
        self.own_band.add(self.tr("Choose your own band"), None)
        for code in BANDS:
            self.own_band.add(code.replace("_", " ").capitalize(), code)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("decisionReason")
        self.reason.setAccessibleName(self.tr("Reason for your decision"))
        self.reason.setPlaceholderText(self.tr("Why you agree or, for an override, why the "
                                               "score does not fit (required for an override)"))
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(90)
        self.record = QPushButton(self.tr("&Record my decision"))
        self.record.setObjectName("recordDecision")
        self.record.clicked.connect(self._request)
        self.decision_error = QLabel()
        self.decision_error.setObjectName("decisionError")
        self.decision_error.setWordWrap(True)
        self.decision_error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.current = QLabel()
        self.current.setObjectName("currentDecision")
        self.current.setWordWrap(True)
        band_row = QHBoxLayout()
        band_label = QLabel(self.tr("Your own &band:"))
        band_label.setBuddy(self.own_band)
        band_row.addWidget(band_label)
        band_row.addWidget(self.own_band, 1)
        reason_label = QLabel(self.tr("R&eason:"))
        reason_label.setBuddy(self.reason)
        self.override.toggled.connect(self.own_band.setEnabled)
        self.own_band.setEnabled(False)
        box = QVBoxLayout(group)
        for w in (self.current, self.agree, self.override):
            box.addWidget(w)
        box.addLayout(band_row)
        box.addWidget(reason_label)
        box.addWidget(self.reason)
        box.addWidget(self.decision_error)
        box.addWidget(self.record)
        return group

    def _request(self) -> None:
        decision = "AGREE" if self.agree.isChecked() else \
            "OVERRIDE" if self.override.isChecked() else None
        self.decision_error.clear()
        self.decision_requested.emit(decision, self.own_band.value(),
                                     self.reason.toPlainText())

    def show_decision_error(self, error: BaseException) -> None:
        """Say why a decision was refused, naming the field in the panel's words."""
        names = {"reason": self.tr("Reason for your decision"),
                 "professional_band": self.tr("Your own band"),
                 "decision": self.tr("Decision")}
        if isinstance(error, ValidationError) and error.field in names:
            text = f"{names[error.field]}: {error.reason}"
            focus = {"reason": self.reason, "professional_band": self.own_band,
                     "decision": self.agree}[error.field]
            focus.setFocus()
        else:
            text = error_text(error)
        self.decision_error.setText(text)
        self.decision_error.setAccessibleDescription(text)

    def show_recorded(self, decision: dict[str, Any] | None) -> None:
        """Show the decision on record (a later one supersedes it; both are kept)."""
        self.decision_error.clear()
        if decision is None:
            self.current.setText(self.tr("No decision recorded yet. The score has no effect "
                                         "until you record yours."))
            return
        when = fmt_datetime(decision["decided_at"])
        if decision["decision"] == "AGREE":
            text = self.tr("Recorded: %1 agreed with the band on %2.").replace(
                "%1", decision["decided_by"]).replace("%2", when)
        else:
            text = self.tr("Recorded: %1 overrode the score on %2, with their own band %3. "
                           "Reason: %4").replace("%1", decision["decided_by"]).replace(
                "%2", when).replace("%3", decision["professional_band"]).replace(
                "%4", decision["reason"])
        self.current.setText(text)
        # The next decision starts blank again, never from the previous one.
        self.choice.setExclusive(False)
        self.agree.setChecked(False)
        self.override.setChecked(False)
        self.choice.setExclusive(True)
        self.own_band.setCurrentIndex(0)
        self.reason.clear()

    # -- the result ------------------------------------------------------------------------
    def set_result(self, result: dict[str, Any], *, decision: dict[str, Any] | None = None,
                   decidable: bool = False, instrument: Instrument | None = None) -> None:
        """Show `result` (an explanation from app.scoring.explain); the instrument,
        when given, names the inputs and their answers in its own words."""
        self.result = result
        items = instrument.items if instrument is not None else {}
        self.title.setText(result.get("title", ""))
        self.band.setText(self.tr("Band: %1").replace(
            "%1", result.get("band_label") or result.get("band") or ""))
        self.band.setAccessibleDescription(result.get("band") or "")
        outputs = result.get("outputs") or {}
        detail = []
        if "p1" in outputs and "p2" in outputs:
            p1, p2 = (fmt_number(round(outputs[k] * 100, 1)) for k in ("p1", "p2"))
            detail.append(self.tr("Estimated proven reoffending: %1% within one year, %2% within "
                                  "two years.").replace("%1", p1).replace("%2", p2))
        model = result.get("model")
        if model:
            detail.append(self.tr("Model %1 version %2 (SHA-256 %3…)").replace("%1", model["id"])
                          .replace("%2", str(model["version"])).replace("%3", model["sha256"][:12]))
        self.detail.setText("\n".join(detail))
        self.detail.setVisible(bool(detail))
        has_prediction = bool(result.get("prediction_id"))
        if has_prediction:
            self.judgement.setText(self.tr("This score supports and never replaces your "
                                           "judgement. Record your own decision below; you may "
                                           "disregard the score where it does not fit the case."))
        elif result.get("statistical"):
            self.judgement.setText(self.tr("This score supports and never replaces your "
                                           "judgement. You may disregard it where it does not "
                                           "fit the case."))
        else:
            self.judgement.setText(self.tr("This is a structured professional judgement: your "
                                           "rating and its written rationale are the result. No "
                                           "statistical score is computed."))
        flags = result.get("flags") or []
        self.flags.setText("\n".join(f"{f['label']}: {f['action']}" for f in flags))
        self.flags.setVisible(bool(flags))

        self.factors.set_records([
            {"label": f["label"], "effect": self._effect(f)}
            for f in result.get("main_factors") or result.get("factors", [])[:3]])
        derived = result.get("derived") or {}
        inputs = [{"label": items[k].label if k in items else k.replace("_", " "),
                   "value": _answer_text(items.get(k), v)}
                  for k, v in (result.get("inputs") or {}).items()]
        inputs += [{"label": QCoreApplication.translate("ScorePanel", DERIVED[k]) if k in DERIVED
                    else k.replace("_", " "), "value": _shown(v)} for k, v in derived.items()]
        self.inputs.set_records(inputs)
        self.inputs_view.setVisible(bool(inputs))

        profile = next((r for r in outputs.values()
                        if isinstance(r, dict) and r.get("type") == "profile"), None)
        if profile:
            self.needs.set_records(profile["profile"])
            names = {d["id"]: d["label"] for d in profile["profile"]}
            self.priorities.setText(self.tr("Priorities for the sentence plan: %1").replace(
                "%1", ", ".join(names.get(p, p) for p in profile["priorities"])
                or self.tr("none at or above the priority level")))
        self.needs_view.setVisible(bool(profile))
        self.priorities.setVisible(bool(profile))
        for view in (self.factors_view, self.inputs_view, self.needs_view):
            fit_rows(view)

        limits = result.get("limits") or []
        heading = _esc(self.tr("What this result cannot tell you"))
        self.limits.setText(f"<b>{heading}</b><ul>"
                            + "".join(f"<li>{_esc(x)}</li>" for x in limits) + "</ul>")
        self.limits.setAccessibleDescription(" ".join(limits))

        self.decision_box.setVisible(has_prediction)
        self.decision_box.setEnabled(decidable)
        if has_prediction:
            self.show_recorded(decision)

    def _effect(self, factor: dict[str, Any]) -> str:
        value = factor.get("contribution")
        if value is None:
            answer = factor.get("answer")
            return self.tr("rationale: %1").replace("%1", str(answer)) \
                if isinstance(answer, str) else self.tr("present")
        direction = factor.get("direction")
        if direction == "raises":
            return self.tr("raises the estimate (%1)").replace("%1", f"{value:+.3f}")
        if direction == "lowers":
            return self.tr("lowers the estimate (%1)").replace("%1", f"{value:+.3f}")
        return self.tr("adds %1").replace("%1", fmt_number(value))
