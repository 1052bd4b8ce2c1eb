"""A person's profile: identity and photo, warnings first, then one tab per
section (custody and sentence, location and movements, assessments,
discipline, activities, case notes, grievances, visits, sentence plan,
history).

Alerts and non-associations are not a tab: they sit in a red banner above
everything else, because an officer must see them before acting.
"""
from __future__ import annotations

import html
from typing import Any

from app.core import roles
from app.domain.profile import Profile, load_profile
from app.ui.i18n import code_label, fmt_date, fmt_datetime
from app.ui.qt import (
    QFrame, QGridLayout, QHBoxLayout, QLabel, QPixmap, QPushButton, QTabWidget, QTextBrowser, Qt,
    QVBoxLayout, QWidget, Signal,
)
from app.ui.tasks import TaskRunner


def _esc(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _h3(text: str) -> str:
    return f"<h3>{_esc(text)}</h3>"


def _table(headers: list[str], rows: list[list[Any]]) -> str:
    head = "".join(f"<th align='left'>{_esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_esc(c)}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table cellspacing='0' cellpadding='4' width='100%'><tr>{head}</tr>{body}</table>"


class ProfileView(QWidget):
    """Shows one person's profile, loaded on the replica worker."""

    loaded = Signal(object)  # the Profile, once shown
    action_requested = Signal(str, str)  # (action key, person id)

    ACTIONS = ("case_note", "move", "grievance", "incident", "visit", "allocate", "alert",
               "non_association")
    # The data class each action records: a role that may not read it is not offered it.
    ACTION_CLASSES = {"case_note": "case_notes", "move": "custody", "grievance": "custody",
                      "incident": "discipline", "visit": "visits", "allocate": "regime",
                      "alert": "security",
                      "non_association": "security"}

    def __init__(self, runner: TaskRunner, replica, actor, parent=None):
        super().__init__(parent)
        self._runner, self._replica, self._actor = runner, replica, actor
        self.profile: Profile | None = None
        self._op = None
        self.setObjectName("profileView")

        self.photo = QLabel()
        self.photo.setFixedSize(96, 120)
        self.photo.setFrameShape(QFrame.Shape.StyledPanel)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setAccessibleName(self.tr("Photograph"))
        self.title = QLabel(self.tr("Choose a person to see their record."))
        self.title.setObjectName("profileTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)

        self.warnings = QLabel()
        self.warnings.setObjectName("warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.RichText)
        self.warnings.setAccessibleName(self.tr("Warnings"))
        # Red on white reads as a warning in light and dark palettes alike.
        self.warnings.setStyleSheet(
            "QLabel#warnings { background: #b00020; color: white; padding: 8px;"
            " border-radius: 4px; font-weight: bold; }")
        self.warnings.hide()

        self.buttons: dict[str, QPushButton] = {}
        labels = {"case_note": self.tr("Add case &note"), "move": self.tr("&Move"),
                  "grievance": self.tr("Log g&rievance"), "incident": self.tr("Report &incident"),
                  "visit": self.tr("Book &visit"), "allocate": self.tr("A&llocate"),
                  "alert": self.tr("Add &alert"),
                  "non_association": self.tr("&Keep apart…")}
        actions = QGridLayout()  # two rows, so the record keeps its width
        readable = roles.readable_classes(actor.roles)
        for n, key in enumerate(self.ACTIONS):
            button = QPushButton(labels[key])
            button.setObjectName(f"action_{key}")
            button.setEnabled(False)
            button.clicked.connect(lambda _=False, k=key: self._ask(k))
            button.setVisible(self.ACTION_CLASSES[key] in readable)
            self.buttons[key] = button
            actions.addWidget(button, n // 4, n % 4)
        actions.setColumnStretch(4, 1)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Record sections"))
        self.pages: dict[str, QTextBrowser] = {}
        self._summary = None  # built with the first profile shown (keeps start-up short)
        self._summary_args = (runner, replica, actor)
        for key, title in self._section_titles().items():
            page = QTextBrowser()
            page.setObjectName(f"section_{key}")
            page.setAccessibleName(title)
            page.setOpenLinks(False)
            self.pages[key] = page
            if key == "assessments":
                # Needs and risk at a glance (app.ui.assessment), above the list.
                holder = QWidget()
                column = QVBoxLayout(holder)
                column.setContentsMargins(0, 0, 0, 0)
                column.addWidget(page, 1)
                self._summary_column = column
                self.tabs.addTab(holder, title)
            else:
                self.tabs.addTab(page, title)

        # Under the photo, a button to take a new one (reception, or a change of look).
        photo_button = QPushButton(self.tr("P&hoto…"))
        photo_button.setObjectName("action_photo")
        photo_button.setAccessibleName(self.tr("Add a photo"))
        photo_button.setFixedWidth(self.photo.width())
        photo_button.setEnabled(False)
        photo_button.clicked.connect(lambda _=False: self._ask("photo"))
        photo_button.setVisible("identity" in readable)
        self.buttons["photo"] = photo_button
        photo_column = QVBoxLayout()
        photo_column.addWidget(self.photo)
        photo_column.addWidget(photo_button)
        photo_column.addStretch()
        head = QHBoxLayout()
        head.addLayout(photo_column)
        names = QVBoxLayout()
        names.addWidget(self.title)
        names.addWidget(self.subtitle)
        names.addLayout(actions)
        names.addStretch()
        head.addLayout(names, 1)
        # Closing an alert or a non-association starts from the banner that shows it.
        self.close_warning = QPushButton(self.tr("Cl&ose a warning…"))
        self.close_warning.setObjectName("action_close_warning")
        self.close_warning.clicked.connect(lambda _=False: self._ask("close_warning"))
        self.close_warning.hide()
        self._may_close_warnings = "security" in readable
        banner = QHBoxLayout()
        banner.addWidget(self.warnings, 1)
        banner.addWidget(self.close_warning, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(banner)
        layout.addWidget(self.tabs, 1)

    def _section_titles(self) -> dict[str, str]:
        return {
            "identity": self.tr("Identity"),
            "custody": self.tr("Custody and sentence"),
            "location": self.tr("Location and movements"),
            "assessments": self.tr("Assessments"),
            "discipline": self.tr("Discipline"),
            "activities": self.tr("Activities and attendance"),
            "case_notes": self.tr("Case notes"),
            "grievances": self.tr("Grievances and requests"),
            "visits": self.tr("Visits"),
            "sentence_plan": self.tr("Sentence plan"),
            "history": self.tr("History"),
        }

    # -- loading ---------------------------------------------------------------
    def show_person(self, person_id: str):
        """Load and show `person_id`'s profile (on the worker); returns the Op."""
        if self._op is not None:
            self._op.cancel()  # a newer choice wins over a slower older load
        self._op = self._runner.run(load_profile, self._replica, self._actor, person_id, owner=self)
        return self._op.success(self._render)

    @property
    def loading(self) -> bool:
        """Whether a profile is being read."""
        return self._op is not None

    def reload(self):
        if self.profile is not None:
            return self.show_person(self.profile.person_id)
        return None

    def _ask(self, key: str) -> None:
        if self.profile is not None:
            self.action_requested.emit(key, self.profile.person_id)

    # -- rendering ---------------------------------------------------------------
    def _render(self, p: Profile) -> None:
        self._op = None
        self.profile = p
        codes = self._replica.codes
        i = p.identity
        self.title.setText(p.name)
        ids = ", ".join(f"{code_label(codes, 'identifier_type', x['id_type'])} {x['value']}"
                        for x in i["identifiers"])
        self.subtitle.setText(self.tr("Born %1 · %2").replace("%1", fmt_date(i["date_of_birth"]))
                              .replace("%2", code_label(codes, "sex", i["sex"]))
                              + (f" · {ids}" if ids else ""))
        pix = QPixmap()
        if i["photo"] and pix.loadFromData(i["photo"]):
            self.photo.setPixmap(pix.scaled(self.photo.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation))
        else:
            self.photo.setPixmap(QPixmap())
            self.photo.setText(self.tr("No photo"))
        self._render_warnings(p)
        for key, button in self.buttons.items():
            button.setEnabled(True)
        render = {
            "identity": self._identity, "custody": self._custody, "location": self._location,
            "assessments": self._assessments, "discipline": self._discipline,
            "activities": self._activities, "case_notes": self._case_notes,
            "grievances": self._grievances, "visits": self._visits,
            "sentence_plan": self._plan, "history": self._history,
        }
        self.assessment_summary.setVisible("assessments" not in p.hidden)
        if "assessments" not in p.hidden:
            self.assessment_summary.show_person(p.person_id)
        for key, page in self.pages.items():
            if key in p.hidden:
                denied = self.tr("Your role does not give access to this section.")
                page.setHtml(f"<p><i>{_esc(denied)}</i></p>")
            else:
                page.setHtml(render[key](p))
        self.loaded.emit(p)

    @property
    def assessment_summary(self):
        """Needs and risk at a glance (app.ui.assessment.summary), made when first needed."""
        if self._summary is None:
            from app.ui.assessment.summary import AssessmentSummary

            self._summary = AssessmentSummary(*self._summary_args)
            self._summary_column.insertWidget(0, self._summary, 2)
        return self._summary

    def _render_warnings(self, p: Profile) -> None:
        codes = self._replica.codes
        lines = []
        for a in p.alerts:
            lines.append(self.tr("ALERT %1: %2").replace("%1", a["alert_code"])
                         .replace("%2", code_label(codes, "alert_code", a["alert_code"]))
                         + (f" — {a['comment']}" if a.get("comment") else ""))
        for n in p.non_associations:
            lines.append(self.tr("NON-ASSOCIATION: keep apart from %1 (%2, %3)")
                         .replace("%1", n["other_name"])
                         .replace("%2", code_label(codes, "keep_apart", n["keep_apart"]))
                         .replace("%3", code_label(codes, "non_association_reason", n["reason"])))
        if lines:
            self.warnings.setText("<br>".join(_esc(x) for x in lines))
            self.warnings.setAccessibleDescription("; ".join(lines))
            self.warnings.show()
        else:
            self.warnings.clear()
            self.warnings.hide()
        self.close_warning.setVisible(bool(lines) and self._may_close_warnings)

    def _none(self) -> str:
        text = self.tr("Nothing recorded.")
        return f"<p><i>{_esc(text)}</i></p>"

    def _identity(self, p: Profile) -> str:
        c, i = self._replica.codes, p.identity
        out = _table([self.tr("Field"), self.tr("Value")], [
            [self.tr("First name"), i["first_name"]],
            [self.tr("Middle names"), i["middle_names"] or ""],
            [self.tr("Last name"), i["last_name"]],
            [self.tr("Date of birth"), fmt_date(i["date_of_birth"])],
            [self.tr("Sex"), code_label(c, "sex", i["sex"])],
            [self.tr("Gender"), code_label(c, "gender", i["gender"])],
            [self.tr("Facility"), i["facility"]],
        ])
        if i["identifiers"]:
            out += _h3(self.tr("Identifiers")) + _table(
                [self.tr("Type"), self.tr("Number")],
                [[code_label(c, "identifier_type", x["id_type"]), x["value"]]
                 for x in i["identifiers"]])
        if i["aliases"]:
            out += _h3(self.tr("Also known as")) + _table(
                [self.tr("Name"), self.tr("Date of birth")],
                [[f"{a['first_name']} {a['last_name']}", fmt_date(a["date_of_birth"])]
                 for a in i["aliases"]])
        return out

    def _custody(self, p: Profile) -> str:
        c, d = self._replica.codes, p.custody
        if not d.get("episodes"):
            return self._none()
        out = _h3(self.tr("Custody episodes")) + _table(
            [self.tr("Booking"), self.tr("Legal status"), self.tr("Status"),
             self.tr("Admitted"), self.tr("Released")],
            [[e["booking_number"], code_label(c, "legal_status", e["legal_status"]), e["status"],
              fmt_datetime(e["admitted_at"]), fmt_datetime(e["released_at"])]
             for e in d["episodes"]])
        if d["sentences"]:
            out += _h3(self.tr("Sentences")) + _table(
                [self.tr("Type"), self.tr("Length (days)"), self.tr("Starts"), self.tr("Court")],
                [[code_label(c, "sentence_type", x["sentence_type"]), x["length_days"] or "",
                  fmt_date(x["start_date"]), x["court"]] for x in d["sentences"]])
        if d["offences"]:
            out += _h3(self.tr("Offences")) + _table(
                [self.tr("Offence"), self.tr("Category"), self.tr("Committed")],
                [[x["description"], code_label(c, "offence_category", x["category"]),
                  fmt_date(x["committed_on"])] for x in d["offences"]])
        return out

    def _location(self, p: Profile) -> str:
        c, d = self._replica.codes, p.location
        where = " › ".join(f"{x['name']} ({x['code']})" for x in d.get("path", []))
        if d.get("status") == "OUT":
            where += " — " + self.tr("out: %1").replace(
                "%1", code_label(c, "movement_type", d.get("out_reason")))
        now, nowhere = self.tr("Now"), self.tr("Not in custody")
        out = f"<p><b>{_esc(now)}:</b> {_esc(where or nowhere)}</p>"
        if d.get("movements"):
            out += _table([self.tr("When"), self.tr("Movement"), self.tr("Reason"),
                           self.tr("From"), self.tr("To"), self.tr("Override reason")],
                          [[fmt_datetime(m["occurred_at"]),
                            code_label(c, "movement_type", m["movement_type"]),
                            code_label(c, "movement_reason", m["reason"]),
                            m["from_code"] or "", m["to_code"] or m["to_facility"] or "",
                            m["override_reason"] or ""] for m in d["movements"]])
        return out

    def _assessments(self, p: Profile) -> str:
        if not p.assessments:
            return self._none()
        return _table([self.tr("Instrument"), self.tr("Status"), self.tr("Assessor"),
                       self.tr("Completed")],
                      [[f"{a['instrument_id']} {a['instrument_version']}", a["status"],
                        a["assessor"], fmt_datetime(a["completed_at"])] for a in p.assessments])

    def _discipline(self, p: Profile) -> str:
        c = self._replica.codes
        if not p.discipline:
            return self._none()
        return _table([self.tr("When"), self.tr("Incident"), self.tr("Charge"),
                       self.tr("Status"), self.tr("Hearing due")],
                      [[fmt_datetime(r["occurred_at"]),
                        code_label(c, "incident_type", r["incident_type"]),
                        code_label(c, "adjudication_charge", r["charge_code"])
                        or code_label(c, "incident_role", r.get("role")),
                        code_label(c, "adjudication_status", r["status"]),
                        fmt_datetime(r.get("hearing_due_by"))] for r in p.discipline])

    def _activities(self, p: Profile) -> str:
        c, d = self._replica.codes, p.activities
        if not d.get("allocations") and not d.get("attendance"):
            return self._none()
        out = _table([self.tr("Activity"), self.tr("Status"), self.tr("From"), self.tr("To")],
                     [[a["name"], a["status"], fmt_date(a["start_date"]), fmt_date(a["end_date"])]
                      for a in d["allocations"]])
        if d["attendance"]:
            out += _h3(self.tr("Recent attendance")) + _table(
                [self.tr("Session"), self.tr("Activity"), self.tr("Attendance"), self.tr("Reason")],
                [[fmt_datetime(a["starts_at"]), a["name"],
                  code_label(c, "attendance_status", a["status"]),
                  code_label(c, "absence_reason", a["absence_reason"])] for a in d["attendance"]])
        return out

    def _case_notes(self, p: Profile) -> str:
        c = self._replica.codes
        if not p.case_notes:
            return self._none()
        parts = []
        for n in p.case_notes:
            flags = []
            if n["sensitive"]:
                flags.append(self.tr("sensitive"))
            if n["amends_id"]:
                flags.append(self.tr("amendment"))
            head = (f"{fmt_datetime(n['occurred_at'])} · "
                    f"{code_label(c, 'case_note_type', n['note_type'])} / "
                    f"{code_label(c, 'case_note_subtype', n['note_subtype'])} · {n['author']}"
                    + (f" · {', '.join(flags)}" if flags else ""))
            parts.append(f"<p><b>{_esc(head)}</b><br>{_esc(n['text']).replace(chr(10), '<br>')}</p>")
        return "".join(parts)

    def _grievances(self, p: Profile) -> str:
        c = self._replica.codes
        if not p.grievances:
            return self._none()
        parts = []
        for g in p.grievances:
            head = (f"{fmt_datetime(g['submitted_at'])} · "
                    f"{code_label(c, 'grievance_category', g['category'])} · "
                    f"{code_label(c, 'grievance_status', g['status'])} · "
                    + self.tr("due %1").replace("%1", fmt_date(g["due_by"])))
            body = f"<p><b>{_esc(g['subject'])}</b> — {_esc(head)}<br>{_esc(g['details'])}</p>"
            for r in g["responses"]:
                body += (f"<blockquote>{_esc(fmt_datetime(r['responded_at']))} · "
                         f"{_esc(r['responder'])} · "
                         f"{_esc(code_label(c, 'grievance_outcome', r['outcome']))}<br>"
                         f"{_esc(r['text'])}</blockquote>")
            parts.append(body)
        return "".join(parts)

    def _visits(self, p: Profile) -> str:
        c = self._replica.codes
        if not p.visits:
            return self._none()
        return _table([self.tr("When"), self.tr("Visitor"), self.tr("Relationship"),
                       self.tr("Type"), self.tr("Status")],
                      [[fmt_datetime(v["starts_at"]), f"{v['first_name']} {v['last_name']}",
                        code_label(c, "relationship", v["relationship"]),
                        code_label(c, "visit_type", v["visit_type"]), v["status"]]
                       for v in p.visits])

    def _plan(self, p: Profile) -> str:
        c, d = self._replica.codes, p.sentence_plan
        if not d:
            return self._none()
        plan = d["plan"]
        started = self.tr("Started %1, next review %2").replace(
            "%1", fmt_date(plan["started_on"])).replace("%2", fmt_date(plan["next_review_on"]))
        out = f"<p>{_esc(started)}</p>"
        out += _table([self.tr("Need"), self.tr("Goal"), self.tr("Status"), self.tr("Target")],
                      [[code_label(c, "criminogenic_need", o["need_area"]), o["goal"], o["status"],
                        fmt_date(o["target_date"])] for o in d["objectives"]])
        return out

    def _history(self, p: Profile) -> str:
        if not p.history:
            return self._none()
        return _table([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Record")],
                      [[fmt_datetime(h["at"]), h["username"], h["action"],
                        (h["table_name"] or "").replace("_", " ")] for h in p.history])
