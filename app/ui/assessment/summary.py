"""A person's needs and risk at a glance, with their history over time, for the profile.

Needs come from the current criminogenic needs assessment: every need area
with its level and score, highest first, and the priorities for the sentence
plan. Risk is every completed assessment the user may read, newest first,
with its band, the professional's own band where they overrode a score, and
a line per instrument showing how the band moved over time.
"""
from __future__ import annotations

from typing import Any

from app.ui.assessment import work
from app.ui.assessment.guard import OpGuard
from app.ui.assessment.models import RecordsModel, fit_rows, records_table
from app.ui.i18n import fmt_date, fmt_datetime
from app.ui.qt import QLabel, QVBoxLayout, QWidget, Signal


def _band(code: str | None) -> str:
    return (code or "").replace("_", " ").capitalize()


class AssessmentSummary(QWidget):
    """Needs and risk with history, loaded on the replica worker."""

    loaded = Signal(object)  # work.Summary

    def __init__(self, runner, replica, actor, parent=None):
        super().__init__(parent)
        self.setObjectName("assessmentSummary")
        self.runner, self.replica, self.actor = runner, replica, actor
        self._guard = OpGuard(self)
        self.summary: work.Summary | None = None
        self._op = None
        self.needs_heading = QLabel(self.tr("Needs"))
        self.needs_heading.setObjectName("needsHeading")
        self.needs_heading.setWordWrap(True)
        self.needs = RecordsModel([
            (self.tr("Need area"), lambda r: r["label"]),
            (self.tr("Level"), lambda r: _band(r["band"])),
            (self.tr("Score"), lambda r: r["value"]),
            (self.tr("Priority"), lambda r: self.tr("priority") if r["priority"] else ""),
        ], self)
        self.needs_view = records_table(self.needs, "summaryNeeds", self.tr("Needs profile"))
        self.priorities = QLabel()
        self.priorities.setObjectName("summaryPriorities")
        self.priorities.setWordWrap(True)
        self.risk_heading = QLabel(self.tr("Risk and screening over time"))
        for heading in (self.needs_heading, self.risk_heading):
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
        self.trends = QLabel()
        self.trends.setObjectName("summaryTrends")
        self.trends.setWordWrap(True)
        self.history = RecordsModel([
            (self.tr("Date"), lambda r: fmt_datetime(r["date"])),
            (self.tr("Instrument"), lambda r: r["title"]),
            (self.tr("Band"), self._result),
            (self.tr("Professional's decision"), self._decision),
            (self.tr("Status"), lambda r: self._status(r)),
        ], self)
        self.history_view = records_table(self.history, "summaryHistory",
                                          self.tr("Assessment history"), stretch=1)
        self.restricted = QLabel()
        self.restricted.setObjectName("summaryRestricted")
        self.restricted.setWordWrap(True)
        box = QVBoxLayout(self)
        for w in (self.needs_heading, self.needs_view, self.priorities, self.risk_heading,
                  self.trends, self.history_view, self.restricted):
            box.addWidget(w)

    def _run(self, fn, *args):
        """Run `fn(*args)` on the replica worker; its callbacks die with this widget."""
        return self._guard.track(self.runner.run(fn, *args))

    def _result(self, r: dict[str, Any]) -> str:
        if r["priorities"] is not None:  # a needs profile has priorities, not a band
            return self.tr("Priorities: %1").replace("%1", ", ".join(r["priorities"])
                                                     or self.tr("none"))
        return r["band_label"] or _band(r["band"])

    def _decision(self, r: dict[str, Any]) -> str:
        if r["decision"] == "AGREE":
            return self.tr("agreed")
        if r["decision"] == "OVERRIDE":
            return self.tr("overridden: %1").replace("%1", _band(r["professional_band"]))
        return self.tr("none recorded") if r["predicted"] else ""

    def _status(self, r: dict[str, Any]) -> str:
        text = {"COMPLETED": self.tr("completed"),
                "COUNTERSIGNED": self.tr("countersigned")}.get(r["status"], r["status"])
        return text if r["current"] else text + " · " + self.tr("corrected since")

    def show_person(self, person_id: str):
        """Load and show `person_id`'s summary; returns the Op."""
        if self._op is not None:
            self._op.cancel()  # the latest person wins
        self._op = self._run(work.summary, self.replica, self.actor, person_id)
        return self._op.success(self._show)

    def _show(self, s: work.Summary) -> None:
        self._op = None
        self.summary = s
        prio = set(s.priorities)
        self.needs.set_records([{**d, "priority": d["label"] in prio} for d in s.needs])
        if s.needs:
            self.needs_heading.setText(self.tr("Needs (criminogenic needs assessment of %1)")
                                       .replace("%1", fmt_date(s.needs_date.date())))
            self.priorities.setText(self.tr("Priorities: %1").replace(
                "%1", ", ".join(s.priorities) or self.tr("none")))
        else:
            self.needs_heading.setText(self.tr("Needs: no completed criminogenic needs "
                                               "assessment."))
            self.priorities.clear()
        self.needs_view.setVisible(bool(s.needs))
        fit_rows(self.needs_view)
        self.history.set_records(s.history)
        self.trends.setText("\n".join(self._trends(s.history)))
        self.restricted.setText(self.tr("%Ln completed assessment(s) of instruments your role "
                                        "may not read are not shown.", "", s.restricted)
                                if s.restricted else "")
        self.restricted.setVisible(bool(s.restricted))
        self.loaded.emit(s)

    def _trends(self, history: list[dict[str, Any]]) -> list[str]:
        """One line per instrument: its bands oldest to newest, with dates."""
        by_title: dict[str, list[str]] = {}
        for h in reversed(history):  # history is newest first
            if not h.get("band") or h["band"] == "NOT_APPLICABLE":
                continue
            band = _band(h["professional_band"]) if h["decision"] == "OVERRIDE" \
                else (h["band_label"] or _band(h["band"]))
            when = fmt_date(h["date"].date()) if h["date"] else ""
            by_title.setdefault(h["title"], []).append(
                self.tr("%1 on %2").replace("%1", band).replace("%2", when))
        return [f"{title}: " + " → ".join(steps) for title, steps in by_title.items()]
