"""A realistic, reproducible demo data set, written through the domain services.

Everything goes through the same services an officer's actions do, so demo
data obeys every rule (capacity, non-associations, lifecycles, limits) and
fills the outbox and the audit chain exactly as real work would. The random
choices come from one seeded generator and every date is counted back from
`today`, so the same seed on the same day gives the same records.

Work is grouped into units of work of a few dozen people each: one unit per
user action is the rule for the desktop, but for generating thousands of
people, batching keeps the fsync count (and the time) down while each batch
still commits or rolls back whole.
"""
from __future__ import annotations

import datetime as dt
import math
import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from app.core.errors import CustosError
from app.demo.names import FIRST_F, FIRST_M, LAST
from app.domain import (activities, adjudications, alerts, assessments, attendance, case_notes,
                        caseload, custody, grievances, incidents, locations, movements,
                        non_associations, people, sentence_plans, sentences, visits)
from app.storage.replica import Replica
from app.storage.unit_of_work import Actor

UTC = dt.timezone.utc
Progress = Callable[[str, int, int], None]
"""progress(phase, done, total): called as work advances."""

BATCH = 50
TRANSFER_TO = "LEI"
CELL_PLACES = 2
CELLS_PER_LANDING = 20
LANDINGS_PER_WING = 4

NOTE_TEXTS = {
    "GEN_NOTE": ["Settled well on the wing.", "Asked about education classes.",
                 "Polite and cooperative during association."],
    "OBS_BEHAV": ["Became agitated at meal time; calmed when spoken to.",
                  "Seen helping another prisoner with a letter."],
    "KEY_SESSION": ["Key work session: discussed family contact and work.",
                    "Key work session: reviewed sentence plan targets."],
    "HLT_MH": ["Referred to mental health in-reach after low mood reported."],
    "SEC_SEARCH": ["Cell search completed; nothing found."],
}


@dataclass
class DemoSummary:
    """What a demo run wrote: records per kind, and the facility it used."""

    facility: str
    counts: Counter = field(default_factory=Counter)

    def add(self, kind: str, n: int = 1) -> None:
        self.counts[kind] += n


class DemoGenerator:
    """Writes one facility's worth of people and history into a replica."""

    def __init__(self, replica: Replica, *, people: int, seed: int = 1, facility: str = "MDI",
                 facility_name: str = "HMP Moorland (demo)", today: dt.date | None = None,
                 progress: Progress | None = None, username: str | None = None):
        if people < 1:
            raise CustosError("people: must be at least 1")
        self.replica = replica
        self.n = people
        self.rng = random.Random(seed)
        self.facility = facility
        self.facility_name = facility_name
        self.today = today or dt.date.today()
        self.progress = progress or (lambda phase, done, total: None)
        self.summary = DemoSummary(facility)
        # One member of staff per role, unless a single account acts in every role
        # (the `custos demo` desktop, which pushes everything under its own name).
        def staff(name: str, role: str) -> Actor:
            return Actor(username or name, facility, (role,))

        self.officer = staff("demo.officer", "officer")
        self.supervisor = staff("demo.supervisor", "supervisor")
        self.psychologist = staff("demo.psychologist", "psychologist")
        self.case_manager = staff("demo.casemanager", "case_manager")
        self.cells: list[str] = []
        self.wing_cells: dict[str, list[str]] = {}
        self.residents: list[dict] = []  # {"person", "episode", "admitted", "cell", "wing"}

    # -- helpers ---------------------------------------------------------------
    def _at(self, days_ago: float, hour: int = 10) -> dt.datetime:
        """A timestamp `days_ago` days before today, at `hour` UTC, never in the future."""
        day = self.today - dt.timedelta(days=math.floor(days_ago))
        stamp = dt.datetime(day.year, day.month, day.day, hour, self.rng.randrange(60), tzinfo=UTC)
        return min(stamp, dt.datetime.now(UTC) - dt.timedelta(minutes=5))

    def _batches(self, phase: str, items: list, actor: Actor, fn) -> None:
        """Run fn(uow, item) for every item, BATCH items per unit of work."""
        total = len(items)
        self.progress(phase, 0, total)
        for start in range(0, total, BATCH):
            with self.replica.unit_of_work(actor) as uow:
                for item in items[start:start + BATCH]:
                    fn(uow, item)
            self.progress(phase, min(start + BATCH, total), total)

    # -- the whole run -----------------------------------------------------------
    def run(self) -> DemoSummary:
        """Generate everything; returns what was written."""
        self._estate()
        self._intake()
        self._movements()
        self._alerts_and_non_associations()
        self._case_notes()
        self._discipline()
        self._activities()
        self._assessments()
        self._visits()
        self._grievances()
        self._plans()
        return self.summary

    def _estate(self) -> None:
        wings = max(2, math.ceil(self.n * 1.15 / (CELL_PLACES * CELLS_PER_LANDING * LANDINGS_PER_WING)))
        self.progress("estate", 0, wings)
        with self.replica.unit_of_work(self.supervisor) as uow:
            made = locations.create_facility(uow, code=self.facility, name=self.facility_name)
            # The facility people are transferred to, so transfers have somewhere to go.
            locations.create_facility(uow, code=TRANSFER_TO, name="HMP Leicester (demo)")
            root = made.location["id"]
            for w in range(wings):
                wing_code = chr(ord("A") + w) if w < 26 else f"W{w}"
                wing = locations.create_location(uow, parent_id=root, code=f"{self.facility}-{wing_code}",
                                                 name=f"{wing_code} wing", kind="WING")
                self.wing_cells[wing["id"]] = []
                for landing_no in range(1, LANDINGS_PER_WING + 1):
                    landing = locations.create_location(
                        uow, parent_id=wing["id"], code=f"{self.facility}-{wing_code}-{landing_no}",
                        name=f"{wing_code}{landing_no} landing", kind="LANDING")
                    for c in range(1, CELLS_PER_LANDING + 1):
                        cell = locations.create_location(
                            uow, parent_id=landing["id"],
                            code=f"{self.facility}-{wing_code}-{landing_no}-{c:03d}",
                            name=f"{wing_code}{landing_no}-{c:03d}", kind="CELL",
                            certified_capacity=1, operational_capacity=CELL_PLACES,
                            max_capacity=CELL_PLACES)
                        self.cells.append(cell["id"])
                        self.wing_cells[wing["id"]].append(cell["id"])
                        self.summary.add("cells")
            self.summary.add("wings", wings)
        self.progress("estate", wings, wings)

    def _intake(self) -> None:
        """People, identifiers and aliases; most admitted, a few released."""
        places = {cell: 0 for cell in self.cells}
        free = list(self.cells)
        self.rng.shuffle(free)
        rng = self.rng

        def one(uow, i):
            sex = rng.choice("MMMMMMMF")  # prisons are mostly male
            first = rng.choice(FIRST_M if sex == "M" else FIRST_F)
            last = rng.choice(LAST) if rng.random() > 0.2 else f"{rng.choice(LAST)} {rng.choice(LAST)}"
            dob = self.today - dt.timedelta(days=rng.randrange(18 * 365, 70 * 365))
            idents = [("PRISON_NUMBER", f"{chr(65 + i % 26)}{i:05d}{chr(65 + (i * 7) % 26)}{chr(65 + (i * 3) % 26)}"),
                      ("POLICE_NUMBER", f"{rng.randrange(70, 100):02d}/{rng.randrange(10**6):06d}{chr(65 + rng.randrange(26))}")]
            aliases = [(rng.choice(FIRST_M if sex == "M" else FIRST_F), rng.choice(LAST))] \
                if rng.random() < 0.25 else []
            try:
                person = people.create_person(uow, first_name=first, last_name=last, date_of_birth=dob,
                                              sex=sex, identifiers=idents, aliases=aliases)
            except people.DuplicatePerson:
                person = people.create_person(
                    uow, first_name=first, last_name=last, date_of_birth=dob, sex=sex,
                    identifiers=idents, aliases=aliases,
                    not_duplicate_reason="Different person: checked identifiers at reception")
                self.summary.add("duplicate checks overridden")
            self.summary.add("people")
            while free and places[free[-1]] >= CELL_PLACES:
                free.pop()
            if not free:
                return
            cell = free[-1]
            places[cell] += 1
            days_ago = rng.uniform(3, 700)
            episode = custody.admit(
                uow, person_id=person["id"], booking_number=f"B{self.today.year % 100:02d}{i:06d}",
                legal_status=rng.choice(["SENTENCED"] * 6 + ["REMAND"] * 3 + ["RECALL"]),
                location_id=cell, admitted_at=self._at(days_ago, 14))
            self.summary.add("admissions")
            if episode["legal_status"] == "SENTENCED":
                self._sentence(uow, person, episode, days_ago)
            self.residents.append({"person": person, "episode": episode, "days": days_ago,
                                   "cell": cell})

        self._batches("people", list(range(self.n)), self.officer, one)

    def _sentence(self, uow, person: dict, episode: dict, days_ago: float) -> None:
        """The offence, conviction and sentence behind a sentenced admission."""
        rng = self.rng
        category = rng.choice(["violence", "burglary_domestic", "theft_non_motor", "robbery",
                               "drug_possession_supply", "fraud_forgery", "criminal_damage"])
        committed = self.today - dt.timedelta(days=int(days_ago) + rng.randrange(60, 400))
        offence = sentences.record_offence(
            uow, person_id=person["id"], code=category.upper()[:12], custody_episode_id=episode["id"],
            description=category.replace("_", " ").capitalize(), category=category,
            committed_on=committed)
        charged = committed + dt.timedelta(days=rng.randrange(1, 30))
        sentenced = self.today - dt.timedelta(days=int(days_ago))
        charge = sentences.record_charge(uow, offence_id=offence["id"], court="Crown Court (demo)",
                                         charged_on=charged, outcome="CONVICTED", outcome_on=sentenced)
        sentences.record_sentence(uow, custody_episode_id=episode["id"], charge_id=charge["id"],
                                  sentence_type=rng.choice(["SDS", "SDS", "SDS40", "EDS"]),
                                  length_days=rng.randrange(180, 3650), start_date=sentenced,
                                  court="Crown Court (demo)", sentenced_on=sentenced)
        self.summary.add("sentences")

    def _movements(self) -> None:
        """Cell moves, court trips and returns, a few releases and transfers."""
        rng = self.rng
        sample = [r for r in self.residents if r["days"] > 10]
        rng.shuffle(sample)
        sample = sample[: max(1, len(sample) // 3)]

        def one(uow, r):
            ep_id = r["episode"]["id"]
            when = r["days"] - rng.uniform(1, min(8, r["days"] - 2))
            roll = rng.random()
            if roll < 0.5:
                target = rng.choice(self.cells)
                try:
                    movements.move_within(uow, custody_episode_id=ep_id, to_location_id=target,
                                          occurred_at=self._at(when, 11))
                    self.summary.add("cell moves")
                except CustosError:
                    pass  # full cell or a non-association there: an officer would pick another
            elif roll < 0.8:
                movements.out_to_court(uow, custody_episode_id=ep_id, occurred_at=self._at(when, 8))
                try:
                    movements.return_to_facility(uow, custody_episode_id=ep_id,
                                                 occurred_at=self._at(when, 17))
                except CustosError:
                    pass  # no place back in the old cell: stays at court in the demo
                self.summary.add("court trips")
            elif roll < 0.9:
                custody.release(uow, custody_episode_id=ep_id, reason="CONDITIONAL_RELEASE",
                                released_at=self._at(when, 9))
                r["released"] = True
                self.summary.add("releases")
            else:
                movements.transfer_out(uow, custody_episode_id=ep_id, to_facility=TRANSFER_TO,
                                       occurred_at=self._at(when, 9))
                r["released"] = True
                self.summary.add("transfers out")

        self._batches("movements", sample, self.officer, one)
        self.residents = [r for r in self.residents if not r.get("released")]

    def _alerts_and_non_associations(self) -> None:
        rng = self.rng
        codes = [("X", "XSA"), ("H", "HA"), ("V", "V49P"), ("P", "PVN"), ("C", "CC1"), ("X", "XGANG")]
        flagged = rng.sample(self.residents, k=len(self.residents) // 6)

        def alert(uow, r):
            a_type, a_code = rng.choice(codes)
            alerts.add_alert(uow, person_id=r["person"]["id"], alert_type=a_type, alert_code=a_code,
                             authorised_by=self.supervisor.username,
                             active_from=self.today - dt.timedelta(days=int(rng.uniform(0, r["days"]))))
            self.summary.add("alerts")

        self._batches("alerts", flagged, self.supervisor, alert)
        pairs = []
        pool = list(self.residents)
        rng.shuffle(pool)
        for a, b in zip(pool[0::2], pool[1::2]):
            if len(pairs) >= max(1, len(self.residents) // 40):
                break
            pairs.append((a, b))

        def pair(uow, ab):
            a, b = ab
            try:
                non_associations.create_non_association(
                    uow, person_id=a["person"]["id"], person_role="VICTIM",
                    other_person_id=b["person"]["id"], other_person_role="PERPETRATOR",
                    reason=rng.choice(["BULLYING", "GANG_RELATED", "THREAT", "VIOLENCE"]),
                    keep_apart=rng.choice(["CELL", "LANDING", "WING"]),
                    comment="Recorded after a security information report")
                self.summary.add("non-associations")
            except CustosError:
                pass

        self._batches("non-associations", pairs, self.supervisor, pair)

    def _case_notes(self) -> None:
        rng = self.rng
        kinds = [("GEN", "GEN_NOTE"), ("OBS", "OBS_BEHAV"), ("KEY", "KEY_SESSION"),
                 ("SEC", "SEC_SEARCH"), ("HLT", "HLT_MH")]

        def notes(uow, r):
            for _ in range(rng.randrange(1, 5)):
                n_type, subtype = rng.choice(kinds)
                note = case_notes.add_note(
                    uow, person_id=r["person"]["id"], note_type=n_type, note_subtype=subtype,
                    text=rng.choice(NOTE_TEXTS[subtype]),
                    occurred_at=self._at(rng.uniform(0, r["days"]), rng.randrange(8, 20)))
                self.summary.add("case notes")
                if rng.random() < 0.03:
                    case_notes.amend_note(uow, note_id=note["id"],
                                          text="Correction: the time recorded above was wrong.")
                    self.summary.add("case note amendments")

        self._batches("case notes", self.residents, self.officer, notes)

    def _discipline(self) -> None:
        rng = self.rng
        involved = [r for r in self.residents if r["days"] > 5]
        rng.shuffle(involved)
        involved = involved[: max(1, len(involved) // 8)]

        def one(uow, r):
            days_ago = rng.uniform(3, min(r["days"] - 1, 200))
            found = self._at(days_ago, 15)
            inc = incidents.report_incident(
                uow, incident_type=rng.choice(["FIGHT", "ASSAULT", "DRUGS", "DAMAGE", "THREATS"]),
                occurred_at=found - dt.timedelta(minutes=20), discovered_at=found,
                location_id=r["cell"], description="Reported by wing staff during unlock.",
                parties=[(r["person"]["id"], "PERPETRATOR")])
            self.summary.add("incidents")
            adj = adjudications.raise_adjudication(uow, incident_id=inc["id"],
                                                   person_id=r["person"]["id"],
                                                   charge_code=rng.choice(["FIGHTING", "DISOBEY", "THREATS"]))
            self.summary.add("adjudications")
            if rng.random() < 0.2:
                return  # still awaiting review
            adjudications.change_status(uow, adjudication_id=adj["id"], status="UNSCHEDULED",
                                        reason="Reviewed by the orderly officer")
            hearing = adjudications.schedule_hearing(uow, adjudication_id=adj["id"],
                                                     scheduled_at=found + dt.timedelta(hours=24))
            outcome = rng.random()
            finding = "CHARGE_PROVED" if outcome < 0.7 else "DISMISSED"
            adjudications.record_hearing(
                uow, hearing_id=hearing["id"], held_at=found + dt.timedelta(hours=24),
                plea=rng.choice(["GUILTY", "NOT_GUILTY"]), outcome="COMPLETE", finding=finding,
                adjudicator=self.supervisor.username)
            self.summary.add("hearings")
            if finding == "CHARGE_PROVED":
                adjudications.award_punishment(
                    uow, adjudication_id=adj["id"],
                    punishment_type=rng.choice(["LOSS_OF_SOCIAL_VISITS", "FORFEITURE_OF_PRIVILEGES",
                                                "CELLULAR_CONFINEMENT"]),
                    days=rng.randrange(1, 14), start_date=found.date() + dt.timedelta(days=1))
                self.summary.add("punishments")

        self._batches("discipline", involved, self.supervisor, one)

    def _activities(self) -> None:
        rng = self.rng
        plan = [("EDU-ENG", "English level 1", "EDUCATION", 15, None),
                ("EDU-MATH", "Maths level 1", "EDUCATION", 15, None),
                ("IND-TEXT", "Textiles workshop", "INDUSTRY", 20, None),
                ("GYM-AM", "Gym morning", "GYM", 25, None),
                ("PRG-TSP", "Thinking skills programme", "PROGRAMME", 10, "ATTITUDES"),
                ("PRG-SUB", "Substance misuse programme", "PROGRAMME", 10, "SUBSTANCE_MISUSE")]
        copies = max(1, math.ceil(len(self.residents) / 180))
        start = self.today - dt.timedelta(days=60)
        made: list[tuple[dict, list[dict]]] = []
        with self.replica.unit_of_work(self.supervisor) as uow:
            for k in range(copies):
                for code, name, cat, cap, need in plan:
                    act = activities.create_activity(
                        uow, code=f"{code}-{k + 1}", name=f"{name} ({k + 1})", category=cat,
                        capacity=cap, start_date=start, pay_band="1", programme_need=need)
                    sessions = []
                    slot = ["09:00", "10:30", "14:00", "15:30"][(k + len(made)) % 4]
                    hour, minute = map(int, slot.split(":"))
                    for d in range(0, 28, 7 if cat == "PROGRAMME" else 2):
                        day = self.today - dt.timedelta(days=21) + dt.timedelta(days=d)
                        begins = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)
                        sessions.append(activities.schedule_session(
                            uow, activity_id=act["id"], starts_at=begins,
                            ends_at=begins + dt.timedelta(minutes=75)))
                    made.append((act, sessions))
                    self.summary.add("activities")
                    self.summary.add("sessions", len(sessions))
        pool = list(self.residents)
        rng.shuffle(pool)
        allocations: dict[str, list[str]] = {}

        def place(uow, r):
            act, _ = rng.choice(made)
            try:
                activities.allocate(uow, activity_id=act["id"], person_id=r["person"]["id"],
                                    start_date=start)
                allocations.setdefault(act["id"], []).append(r["person"]["id"])
                self.summary.add("allocations")
            except activities.ActivityFull:
                level = rng.choice(["HIGH", "MODERATE", "ALTERNATIVE"]) \
                    if act["category"] == "PROGRAMME" else None
                activities.add_to_waitlist(uow, activity_id=act["id"], person_id=r["person"]["id"],
                                           referral_need_level=level)
                self.summary.add("waiting list")
            except CustosError:
                pass  # a clash or a non-association: left unallocated, as staff would

        self._batches("allocations", pool[: int(len(pool) * 0.7)], self.officer, place)
        now = dt.datetime.now(UTC)
        past = [(act, s) for act, sessions in made for s in sessions if s["ends_at"] < now]

        def mark(uow, item):
            act, session = item
            who = allocations.get(act["id"], [])
            if not who:
                return
            marks = {}
            for pid in who:
                roll = rng.random()
                marks[pid] = "ATTENDED" if roll < 0.85 else (
                    ("ABSENT", rng.choice(["SICK", "REFUSED", "VISIT"])) if roll < 0.95 else "EXCUSED")
            attendance.record_attendance(uow, session_id=session["id"], marks=marks)
            self.summary.add("attendance marks", len(marks))

        self._batches("attendance", past, self.officer, mark)

    def _assessments(self) -> None:
        rng = self.rng
        version, scorer = _ogrs3_scorer()
        chosen = rng.sample(self.residents, k=max(1, len(self.residents) // 5))

        def one(uow, r):
            person = r["person"]
            conv = self.today - dt.timedelta(days=int(r["days"]) + rng.randrange(30, 200))
            first = person["date_of_birth"] + dt.timedelta(days=rng.randrange(15 * 365, 25 * 365))
            first = min(first, conv)
            answers = {"sex": person["sex"], "birth_date": person["date_of_birth"].isoformat(),
                       "conviction_date": conv.isoformat(), "first_sanction_date": first.isoformat(),
                       "assessment_date": self.today.isoformat(),
                       "previous_sanctions": rng.randrange(0, 30),
                       "offence_category": rng.choice(["violence", "burglary_domestic", "theft_non_motor",
                                                       "drug_possession_supply", "robbery", "fraud_forgery"])}
            draft = assessments.start_draft(uow, person_id=person["id"], instrument_id="ogrs3",
                                            instrument_version=version, answers=answers)
            self.summary.add("assessments")
            if rng.random() < 0.2:
                return  # left as a draft, as a psychologist would between sessions
            assessments.complete(uow, assessment_id=draft["id"], scores=scorer(answers))

        self._batches("assessments", chosen, self.psychologist, one)

    def _visits(self) -> None:
        rng = self.rng
        chosen = rng.sample(self.residents, k=max(1, len(self.residents) // 3))
        booked_slots: Counter = Counter()

        def one(uow, r):
            person = r["person"]
            visitor = visits.add_visitor(uow, person_id=person["id"], first_name=rng.choice(FIRST_F + FIRST_M),
                                         last_name=person["last_name"].split()[0],
                                         relationship=rng.choice(["PARENT", "PARTNER", "SIBLING", "CHILD"]))
            visits.approve_visitor(uow, visitor_id=visitor["id"])
            self.summary.add("visitors")
            for offset in (-14, -7, 3):
                day = self.today + dt.timedelta(days=offset)
                hour = 14 + booked_slots[(day, person["id"])]
                begins = dt.datetime(day.year, day.month, day.day, hour, 0, tzinfo=UTC)
                if offset < 0 and begins > dt.datetime.now(UTC) - dt.timedelta(hours=2):
                    continue
                try:
                    visit = visits.book_visit(uow, person_id=person["id"], visitor_id=visitor["id"],
                                              starts_at=begins, ends_at=begins + dt.timedelta(hours=1),
                                              visit_type="SOCIAL")
                except CustosError:
                    continue  # a clash: staff would offer another slot
                booked_slots[(day, person["id"])] += 1
                self.summary.add("visits")
                if offset < 0 and begins < dt.datetime.now(UTC):
                    visits.complete_visit(uow, visit_id=visit["id"])

        self._batches("visits", chosen, self.officer, one)

    def _grievances(self) -> None:
        rng = self.rng
        chosen = rng.sample(self.residents, k=max(1, len(self.residents) // 10))
        subjects = {"FOOD": ("Meals served cold", "WING_STAFF"),
                    "PROPERTY": ("Property not received after transfer", "WING_STAFF"),
                    "VISITS": ("Visit booking cancelled", "WING_STAFF"),
                    "FINANCE": ("Wages not credited", "FINANCE"),
                    "ACCOMMODATION": ("Cell window broken", "RESIDENTIAL_MANAGER")}

        def one(uow, r):
            category = rng.choice(list(subjects))
            g = grievances.log_grievance(
                uow, person_id=r["person"]["id"], kind=rng.choice(["GRIEVANCE", "REQUEST"]),
                category=category, subject=subjects[category][0], routed_to=subjects[category][1],
                details="Submitted on the wing complaint form.",
                submitted_at=self._at(rng.uniform(0, min(30, r["days"])), 9))
            self.summary.add("grievances")
            if rng.random() < 0.6:
                outcome = rng.choice(list(uow.codes.domain("grievance_outcome")))
                grievances.respond(uow, grievance_id=g["id"], outcome=outcome,
                                   text="Looked into and answered by the wing manager.")
                self.summary.add("grievance responses")

        self._batches("grievances", chosen, self.officer, one)

    def _plans(self) -> None:
        rng = self.rng
        chosen = [r for r in self.residents if r["days"] > 30]
        chosen = rng.sample(chosen, k=len(chosen) // 4) if chosen else []
        needs = ["EDUCATION_EMPLOYMENT", "SUBSTANCE_MISUSE", "ATTITUDES", "FAMILY_MARITAL", "ASSOCIATES"]

        def one(uow, r):
            person_id = r["person"]["id"]
            plan = sentence_plans.start_plan(uow, person_id=person_id,
                                             started_on=self.today - dt.timedelta(days=int(r["days"]) - 20),
                                             next_review_on=self.today + dt.timedelta(days=rng.randrange(10, 90)))
            for need in rng.sample(needs, k=2):
                obj = sentence_plans.add_objective(uow, plan_id=plan["id"], need_area=need,
                                                   goal=f"Make progress on {need.replace('_', ' ').lower()}",
                                                   target_date=self.today + dt.timedelta(days=180))
                sentence_plans.add_step(uow, objective_id=obj["id"], description="Attend the agreed course",
                                        owner=self.case_manager.username,
                                        due_on=self.today + dt.timedelta(days=60))
            caseload.assign(uow, person_id=person_id, staff_username=self.case_manager.username,
                            role="CASE_MANAGER", from_date=self.today - dt.timedelta(days=int(r["days"]) - 20))
            self.summary.add("sentence plans")

        self._batches("sentence plans", chosen, self.case_manager, one)


def _ogrs3_scorer():
    """(instrument version, scoring function) for demo OGRS3 assessments."""
    from app.scoring import instruments, rules

    inst = instruments.load("ogrs3")
    return str(inst.version), lambda answers: rules.score(inst, answers)


def generate(replica: Replica, *, people: int, seed: int = 1, progress: Progress | None = None,
             today: dt.date | None = None, username: str | None = None) -> DemoSummary:
    """Fill `replica` with a demo facility of `people` people; returns the summary.

    `username`, when given, is the one account every action is recorded under
    (in each role's capacity); otherwise each role has its own demo member of staff.
    """
    return DemoGenerator(replica, people=people, seed=seed, progress=progress, today=today,
                         username=username).run()

