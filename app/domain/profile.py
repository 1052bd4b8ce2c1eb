"""A person's profile, read in one go for the desktop window (Qt-free).

`load_profile` reads every section of a person's record from one consistent
snapshot of the replica: identity, custody and sentence, location and
movements, alerts and non-associations, assessments, discipline, activities
and attendance, case notes, grievances and requests, visits, sentence plan,
and the history of changes from the audit log.

Sections the user's roles may not read (app.core.roles) are left out and
named in `Profile.hidden`, so the window can say so rather than show an
empty section as if there were nothing. Sensitive case notes and assessment
answers follow their finer data classes. Opening a profile is itself
recorded in the audit log, because consulting a person's record is an act
the law asks us to be able to account for (DPA 2018 s.62).

Records merged into this person (duplicates found after intake) are read
with it, so history recorded under either record shows.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, and_, or_, select, union_all

from app.core import roles as roles_mod
from app.core import schema as s
from app.core.errors import NotFound
from app.storage.local_tables import audit_log

HISTORY_LIMIT = 200
RECENT_ATTENDANCE = 50

# Section key -> the data class that decides whether a role sees it.
SECTIONS: dict[str, str] = {
    "identity": "identity",
    "custody": "custody",
    "location": "custody",
    "warnings": "security",
    "assessments": "assessment",
    "discipline": "discipline",
    "activities": "regime",
    "case_notes": "case_notes",
    "grievances": "custody",
    "visits": "visits",
    "sentence_plan": "plans",
    "history": "identity",
}


@dataclass
class Profile:
    """Everything shown on a person's profile, as plain values."""

    person_id: str
    identity: dict[str, Any]
    custody: dict[str, Any] = field(default_factory=dict)
    location: dict[str, Any] = field(default_factory=dict)
    alerts: list[dict[str, Any]] = field(default_factory=list)
    non_associations: list[dict[str, Any]] = field(default_factory=list)
    assessments: list[dict[str, Any]] = field(default_factory=list)
    discipline: list[dict[str, Any]] = field(default_factory=list)
    activities: dict[str, Any] = field(default_factory=dict)
    case_notes: list[dict[str, Any]] = field(default_factory=list)
    grievances: list[dict[str, Any]] = field(default_factory=list)
    visits: list[dict[str, Any]] = field(default_factory=list)
    sentence_plan: dict[str, Any] = field(default_factory=dict)
    history: list[dict[str, Any]] = field(default_factory=list)
    hidden: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        i = self.identity
        return " ".join(p for p in (i["first_name"], i.get("middle_names"), i["last_name"]) if p)

    @property
    def warning_count(self) -> int:
        return len(self.alerts) + len(self.non_associations)


def _live(table):
    return table.c.voided_at.is_(None)


def _rows(conn: Connection, stmt) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(stmt).mappings()]


def record_ids(conn: Connection, person_id: str) -> list[str]:
    """`person_id` and every record merged into it, however indirectly."""
    ids, frontier = [person_id], [person_id]
    while frontier:
        frontier = [r for r in conn.execute(
            select(s.person.c.id).where(s.person.c.merged_into_id.in_(frontier))).scalars()
            if r not in ids]
        ids += frontier
    return ids


def load_profile(replica, actor, person_id: str, *, today: dt.date | None = None) -> Profile:
    """Read the profile of `person_id` as `actor` may see it; audit the consultation."""
    readable = roles_mod.readable_classes(actor.roles)
    today = today or dt.date.today()
    with replica.reader.connect() as conn, conn.begin():
        # A merged duplicate opens as the record it was merged into.
        row = conn.execute(select(s.person).where(s.person.c.id == person_id)).mappings().first()
        seen = set()
        while row is not None and row["merged_into_id"] and row["id"] not in seen:
            seen.add(row["id"])
            row = conn.execute(select(s.person).where(
                s.person.c.id == row["merged_into_id"])).mappings().first()
        if row is None or row["voided_at"] is not None:
            raise NotFound("person", person_id)
        pid = row["id"]
        ids = record_ids(conn, pid)
        profile = Profile(pid, _identity(conn, dict(row), ids))
        profile.hidden = {k for k, c in SECTIONS.items() if c not in readable}
        if "custody" not in profile.hidden:
            profile.custody = _custody(conn, ids)
            profile.location = _location(conn, ids)
            profile.grievances = _grievances(conn, ids)
        if "warnings" not in profile.hidden:
            profile.alerts = _alerts(conn, ids, today)
            profile.non_associations = _non_associations(conn, ids)
        if "assessments" not in profile.hidden:
            profile.assessments = _assessments(conn, ids, "assessment_answers" in readable)
        if "discipline" not in profile.hidden:
            profile.discipline = _discipline(conn, ids)
        if "activities" not in profile.hidden:
            profile.activities = _activities(conn, ids)
        if "case_notes" not in profile.hidden:
            profile.case_notes = _case_notes(conn, ids, "case_notes_sensitive" in readable)
        if "visits" not in profile.hidden:
            profile.visits = _visits(conn, ids)
        if "sentence_plan" not in profile.hidden:
            profile.sentence_plan = _plan(conn, ids)
        profile.history = _history(conn, ids)
    with replica.unit_of_work(actor) as uow:
        uow.viewed(s.person, pid, "profile")
        # Each sensitive note shown is a consultation of its own, as in notes_for.
        for note in profile.case_notes:
            if note["sensitive"]:
                uow.viewed(s.case_note, note["id"], "sensitive case note")
    return profile


# -- sections ---------------------------------------------------------------------

def _identity(conn, row: dict[str, Any], ids: list[str]) -> dict[str, Any]:
    idents = _rows(conn, select(s.person_identifier.c.id_type, s.person_identifier.c.value)
                   .where(s.person_identifier.c.person_id.in_(ids), _live(s.person_identifier))
                   .order_by(s.person_identifier.c.id_type))
    aliases = _rows(conn, select(s.person_alias.c.first_name, s.person_alias.c.last_name,
                                 s.person_alias.c.date_of_birth)
                    .where(s.person_alias.c.person_id.in_(ids), _live(s.person_alias))
                    .order_by(s.person_alias.c.last_name))
    photo = conn.execute(select(s.person_photo.c.image, s.person_photo.c.mime_type)
                         .where(s.person_photo.c.person_id.in_(ids), _live(s.person_photo))
                         .order_by(s.person_photo.c.taken_at.desc()).limit(1)).first()
    merged = [i for i in ids if i != row["id"]]
    return {**{k: row[k] for k in ("id", "first_name", "middle_names", "last_name",
                                   "date_of_birth", "sex", "gender", "facility")},
            "identifiers": idents, "aliases": aliases, "merged_records": merged,
            "photo": bytes(photo.image) if photo else None,
            "photo_type": photo.mime_type if photo else None}


def _location_path(conn, location_id: str | None) -> list[dict[str, Any]]:
    """The location and its ancestors, from the facility down."""
    chain = []
    while location_id:
        loc = conn.execute(select(s.location.c.id, s.location.c.code, s.location.c.name,
                                  s.location.c.kind, s.location.c.parent_id)
                           .where(s.location.c.id == location_id)).mappings().first()
        if loc is None:
            break
        chain.append(dict(loc))
        location_id = loc["parent_id"]
    return chain[::-1]


def _custody(conn, ids) -> dict[str, Any]:
    ep = s.custody_episode
    episodes = _rows(conn, select(ep).where(ep.c.person_id.in_(ids), _live(ep))
                     .order_by(ep.c.admitted_at.desc()))
    sentences = _rows(conn, select(s.sentence).where(s.sentence.c.person_id.in_(ids),
                                                     _live(s.sentence))
                      .order_by(s.sentence.c.start_date.desc()))
    offences = _rows(conn, select(s.offence).where(s.offence.c.person_id.in_(ids),
                                                   _live(s.offence))
                     .order_by(s.offence.c.committed_on.desc()))
    current = next((e for e in episodes if e["status"] in ("ACTIVE", "OUT")), None)
    return {"current": current, "episodes": episodes, "sentences": sentences,
            "offences": offences}


def _location(conn, ids) -> dict[str, Any]:
    ep = s.custody_episode
    current = conn.execute(select(ep.c.location_id, ep.c.status, ep.c.out_reason)
                           .where(ep.c.person_id.in_(ids), _live(ep),
                                  ep.c.status.in_(("ACTIVE", "OUT")))
                           .order_by(ep.c.admitted_at.desc()).limit(1)).mappings().first()
    mv = s.movement
    frm, to = s.location.alias("from_loc"), s.location.alias("to_loc")
    movements = _rows(conn, select(mv.c.id, mv.c.movement_type, mv.c.direction, mv.c.reason,
                                   mv.c.occurred_at, mv.c.to_facility, mv.c.override_reason,
                                   mv.c.comment, frm.c.code.label("from_code"),
                                   to.c.code.label("to_code"))
                      .select_from(mv.outerjoin(frm, frm.c.id == mv.c.from_location_id)
                                   .outerjoin(to, to.c.id == mv.c.to_location_id))
                      .where(mv.c.person_id.in_(ids), _live(mv))
                      .order_by(mv.c.occurred_at.desc()))
    return {"path": _location_path(conn, current["location_id"]) if current else [],
            "status": current["status"] if current else None,
            "out_reason": current["out_reason"] if current else None,
            "movements": movements}


def _alerts(conn, ids, today: dt.date) -> list[dict[str, Any]]:
    a = s.alert
    return _rows(conn, select(a.c.id, a.c.alert_type, a.c.alert_code, a.c.active_from,
                              a.c.active_to, a.c.authorised_by, a.c.comment)
                 .where(a.c.person_id.in_(ids), _live(a), a.c.active_from <= today,
                        or_(a.c.active_to.is_(None), a.c.active_to > today))
                 .order_by(a.c.alert_type, a.c.active_from))


def _non_associations(conn, ids) -> list[dict[str, Any]]:
    na, p = s.non_association, s.person
    out = []
    rows = _rows(conn, select(na).where(
        or_(na.c.person_id.in_(ids), na.c.other_person_id.in_(ids)), _live(na),
        na.c.status == "OPEN"))
    for r in rows:
        mine_first = r["person_id"] in ids
        other_id = r["other_person_id"] if mine_first else r["person_id"]
        other = conn.execute(select(p.c.first_name, p.c.last_name).where(p.c.id == other_id)).first()
        out.append({"id": r["id"], "other_person_id": other_id,
                    "other_name": f"{other.first_name} {other.last_name}" if other else other_id,
                    "role": r["person_role"] if mine_first else r["other_person_role"],
                    "other_role": r["other_person_role"] if mine_first else r["person_role"],
                    "reason": r["reason"], "keep_apart": r["keep_apart"],
                    "comment": r["comment"]})
    return sorted(out, key=lambda r: r["other_name"])


def _assessments(conn, ids, with_answers: bool) -> list[dict[str, Any]]:
    a = s.assessment
    cols = [a.c.id, a.c.instrument_id, a.c.instrument_version, a.c.status, a.c.scores,
            a.c.assessor, a.c.completed_at, a.c.countersigned_by, a.c.supersedes_id,
            a.c.created_at]
    if with_answers:
        cols.append(a.c.answers)
    return _rows(conn, select(*cols).where(a.c.person_id.in_(ids), _live(a))
                 .order_by(a.c.created_at.desc()))


def _discipline(conn, ids) -> list[dict[str, Any]]:
    adj, inc = s.adjudication, s.incident
    out = _rows(conn, select(adj.c.id, adj.c.charge_code, adj.c.status, adj.c.hearing_due_by,
                             adj.c.status_reason, inc.c.incident_type, inc.c.occurred_at,
                             inc.c.description)
                .join(inc, inc.c.id == adj.c.incident_id)
                .where(adj.c.person_id.in_(ids), _live(adj))
                .order_by(inc.c.occurred_at.desc()))
    for r in out:
        r["hearings"] = _rows(conn, select(s.hearing).where(
            s.hearing.c.adjudication_id == r["id"], _live(s.hearing))
            .order_by(s.hearing.c.scheduled_at))
        r["punishments"] = _rows(conn, select(s.punishment).where(
            s.punishment.c.adjudication_id == r["id"], _live(s.punishment)))
    # Incidents the person was party to, charged or not, belong here too.
    parties = _rows(conn, select(inc.c.id, inc.c.incident_type, inc.c.occurred_at,
                                 inc.c.description, s.incident_party.c.role)
                    .join(s.incident_party, s.incident_party.c.incident_id == inc.c.id)
                    .where(s.incident_party.c.person_id.in_(ids), _live(s.incident_party),
                           _live(inc))
                    .order_by(inc.c.occurred_at.desc()))
    for p in parties:
        out.append({"id": None, "incident_id": p["id"], "charge_code": None, "status": None,
                    "role": p["role"], "incident_type": p["incident_type"],
                    "occurred_at": p["occurred_at"], "description": p["description"],
                    "hearings": [], "punishments": []})
    return out


def _activities(conn, ids) -> dict[str, Any]:
    al, act = s.activity_allocation, s.activity
    allocations = _rows(conn, select(al.c.id, al.c.start_date, al.c.end_date, al.c.status,
                                     al.c.pay_band, act.c.code, act.c.name)
                        .join(act, act.c.id == al.c.activity_id)
                        .where(al.c.person_id.in_(ids), _live(al))
                        .order_by(al.c.status, al.c.start_date.desc()))
    at, ses = s.attendance, s.activity_session
    attendance = _rows(conn, select(at.c.status, at.c.absence_reason, at.c.comment,
                                    ses.c.starts_at, act.c.name)
                       .join(ses, ses.c.id == at.c.activity_session_id)
                       .join(act, act.c.id == ses.c.activity_id)
                       .where(at.c.person_id.in_(ids), _live(at))
                       .order_by(ses.c.starts_at.desc()).limit(RECENT_ATTENDANCE))
    return {"allocations": allocations, "attendance": attendance}


def _case_notes(conn, ids, with_sensitive: bool) -> list[dict[str, Any]]:
    cn = s.case_note
    where = [cn.c.person_id.in_(ids), _live(cn)]
    if not with_sensitive:
        where.append(cn.c.sensitive.is_(False))
    return _rows(conn, select(cn.c.id, cn.c.note_type, cn.c.note_subtype, cn.c.text,
                              cn.c.sensitive, cn.c.restricted_use, cn.c.occurred_at,
                              cn.c.recorded_at, cn.c.author, cn.c.amends_id)
                 .where(*where).order_by(cn.c.occurred_at.desc()))


def _grievances(conn, ids) -> list[dict[str, Any]]:
    g, r = s.grievance, s.grievance_response
    out = _rows(conn, select(g.c.id, g.c.kind, g.c.category, g.c.subject, g.c.details,
                             g.c.status, g.c.submitted_at, g.c.due_by, g.c.routed_to)
                .where(g.c.person_id.in_(ids), _live(g)).order_by(g.c.submitted_at.desc()))
    for row in out:
        row["responses"] = _rows(conn, select(r.c.responder, r.c.responded_at, r.c.outcome,
                                              r.c.text)
                                 .where(r.c.grievance_id == row["id"], _live(r))
                                 .order_by(r.c.responded_at))
    return out


def _visits(conn, ids) -> list[dict[str, Any]]:
    v, who = s.visit, s.visitor
    return _rows(conn, select(v.c.id, v.c.starts_at, v.c.ends_at, v.c.visit_type, v.c.status,
                              who.c.first_name, who.c.last_name, who.c.relationship,
                              who.c.status.label("visitor_status"))
                 .join(who, who.c.id == v.c.visitor_id)
                 .where(v.c.person_id.in_(ids), _live(v)).order_by(v.c.starts_at.desc()))


def _plan(conn, ids) -> dict[str, Any]:
    sp = s.sentence_plan
    plan = conn.execute(select(sp).where(sp.c.person_id.in_(ids), _live(sp))
                        .order_by(sp.c.status, sp.c.started_on.desc()).limit(1)).mappings().first()
    if plan is None:
        return {}
    objectives = _rows(conn, select(s.plan_objective).where(
        s.plan_objective.c.sentence_plan_id == plan["id"], _live(s.plan_objective))
        .order_by(s.plan_objective.c.created_at))
    for o in objectives:
        o["steps"] = _rows(conn, select(s.plan_step).where(
            s.plan_step.c.plan_objective_id == o["id"], _live(s.plan_step))
            .order_by(s.plan_step.c.due_on))
    reviews = _rows(conn, select(s.plan_review).where(
        s.plan_review.c.sentence_plan_id == plan["id"], _live(s.plan_review))
        .order_by(s.plan_review.c.reviewed_on.desc()))
    return {"plan": dict(plan), "objectives": objectives, "reviews": reviews}


def _history(conn, ids) -> list[dict[str, Any]]:
    """Audit entries about the person or any record that belongs to them, newest first."""
    owned = [select(s.person.c.id.label("rid")).where(s.person.c.id.in_(ids))]
    for table in s.REPLICATED_TABLES.values():
        col = table.info.get("person_column")
        if col and col != "id":
            owned.append(select(table.c.id.label("rid")).where(table.c[col].in_(ids)))
    na = s.non_association
    owned.append(select(na.c.id.label("rid")).where(na.c.other_person_id.in_(ids)))
    subq = union_all(*owned).subquery()
    return _rows(conn, select(audit_log.c.at, audit_log.c.username, audit_log.c.action,
                              audit_log.c.table_name, audit_log.c.detail, audit_log.c.outcome)
                 .where(and_(audit_log.c.row_id.in_(select(subq.c.rid)),
                             audit_log.c.action != "VIEW"))
                 .order_by(audit_log.c.seq.desc()).limit(HISTORY_LIMIT))


# -- the people list ----------------------------------------------------------------

@dataclass(frozen=True)
class PersonLine:
    """One line of the people list."""

    person_id: str
    first_name: str
    last_name: str
    date_of_birth: dt.date
    location: str | None  # code of the current location, None when not in custody
    status: str | None  # ACTIVE / OUT / None


def people_ids(conn: Connection, limit: int | None = None) -> list[str]:
    """Live people's ids, by last name then first name (the list's order).

    With `limit`, only the first ones: SQLite then keeps a small top-N sort,
    several times faster than ordering everyone, so a list can show its
    first screen while the rest is still being read.
    """
    p = s.person
    stmt = (select(p.c.id).where(_live(p), p.c.merged_into_id.is_(None))
            .order_by(p.c.last_name, p.c.first_name, p.c.id))
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(conn.execute(stmt).scalars())


def people_lines(conn: Connection, ids: list[str]) -> dict[str, PersonLine]:
    """The list lines of `ids` (a block of the list), keyed by person id."""
    p, ep, loc = s.person, s.custody_episode, s.location
    rows = conn.execute(
        select(p.c.id, p.c.first_name, p.c.last_name, p.c.date_of_birth,
               loc.c.code, ep.c.status)
        .select_from(p.outerjoin(ep, and_(ep.c.person_id == p.c.id, _live(ep),
                                          ep.c.status.in_(("ACTIVE", "OUT"))))
                     .outerjoin(loc, loc.c.id == ep.c.location_id))
        .where(p.c.id.in_(ids))).all()
    return {r.id: PersonLine(r.id, r.first_name, r.last_name, r.date_of_birth, r.code, r.status)
            for r in rows}
