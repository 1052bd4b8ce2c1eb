"""The replicated schema: one definition for the client replica and the server.

Tables are SQLAlchemy Core, not ORM classes: the domain works with plain
values, the unit of work captures before/after values for the outbox, and
the sync server reuses these exact definitions.

Every replicated table carries the same bookkeeping columns (see
`replicated`): a client-generated UUIDv7 `id`, an optimistic-concurrency
`version`, who/when created and updated, the owning `facility`, and void
columns. Legal records are voided with a reason, never deleted, so the
void columns are on every table and the sync layer never needs deletes.

`Table.info` carries what the sync and access layers need to know:
  data_class    which roles may read the rows (see app.core.roles)
  append_only   rows are never updated after insert (only voided/amended),
                so they can never conflict
  person_column the column that ties a row to a person, for transfers and
                subject-access export
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    JSON,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    text,
)
from sqlalchemy.types import DateTime, TypeDecorator

SCHEMA_VERSION = 3
"""Replicated schema version: bumped whenever a migration adds replicated tables or columns
(2: prediction_log and scoring_decision, migration 0004; 3: reasons stored on the records
they explain and attendance.supersedes_id, so no current mark is chosen by a device's
clock, migration 0006). Migrations only add."""

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


class UTCDateTime(TypeDecorator):
    """A timezone-aware UTC timestamp on every backend.

    SQLite has no time zones, so values are normalised to UTC on the way in
    and marked UTC on the way out; a naive datetime is refused rather than
    guessed at, because a wrong offset on a legal record is a wrong record.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if isinstance(value, str):
            value = dt.datetime.fromisoformat(value)
        if value.tzinfo is None:
            raise ValueError("naive datetime: timestamps must carry a time zone")
        value = value.astimezone(dt.timezone.utc)
        # SQLite stores text; drop the offset so values sort as text.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.timezone.utc)
        return value.astimezone(dt.timezone.utc)


def utc_range_problem(value: dt.datetime) -> str | None:
    """Why an aware timestamp cannot be stored (in UTC, as UTCDateTime does), if it
    cannot: year 1 at +05:00, or year 9999 at -05:00, falls outside what UTC can hold."""
    try:
        value.astimezone(dt.timezone.utc)
    except OverflowError:
        return "is out of range: in UTC it must fall within the years 1 to 9999"
    return None


Id = String(36)
Code = String(40)


def _ref(table: str, nullable: bool = False, *, indexed: bool = True, **kw) -> Column:
    # Indexed: SQLite does not index foreign keys, and a person's profile reads
    # every table by person_id. Not where a composite index of the table starts with
    # the column: that index serves the same lookups, and each index costs every write.
    return Column(f"{table}_id", Id, ForeignKey(f"{table}.id"), nullable=nullable,
                  index=indexed, **kw)


def replicated(name: str, *columns, data_class: str, append_only: bool = False,
               person_column: str | None = "person_id", **table_kw) -> Table:
    """Define a replicated table with the standard bookkeeping columns."""
    table = Table(
        name,
        metadata,
        Column("id", Id, primary_key=True),
        Column("version", Integer, nullable=False, default=1),
        Column("facility", Code, nullable=False, index=True),
        Column("created_at", UTCDateTime, nullable=False),
        Column("created_by", String(80), nullable=False),
        Column("updated_at", UTCDateTime, nullable=False),
        Column("updated_by", String(80), nullable=False),
        Column("voided_at", UTCDateTime),
        Column("voided_by", String(80)),
        Column("void_reason", Text),
        *columns,
        **table_kw,
    )
    table.info.update(
        replicated=True, data_class=data_class, append_only=append_only,
        person_column=person_column,
    )
    return table


BOOKKEEPING = ("id", "version", "facility", "created_at", "created_by",
               "updated_at", "updated_by", "voided_at", "voided_by", "void_reason")

# --- Reference data (loaded from resources/reference, not replicated) ---------

ref_code = Table(
    "ref_code",
    metadata,
    Column("domain", String(60), primary_key=True),
    Column("code", Code, primary_key=True),
    Column("parent", Code),
    Column("sort", Integer, nullable=False, default=0),
    Column("active", Boolean, nullable=False, default=True),
    Column("attributes", JSON, nullable=False, default=dict),
    Column("labels", JSON, nullable=False, default=dict),  # {"en": ..., "pt": ..., "es": ...}
)

ref_version = Table(
    "ref_version",
    metadata,
    Column("domain", String(60), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),
)

# --- Organisation ----------------------------------------------------------

facility = replicated(
    "facility",
    Column("code", Code, nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("default_incentive_level", Code, nullable=False, server_default="STD"),
    data_class="organisation", person_column=None,
)

location = replicated(
    "location",
    Column("parent_id", Id, ForeignKey("location.id")),
    Column("code", String(80), nullable=False),
    Column("name", String(200), nullable=False),
    Column("kind", Code, nullable=False),  # ref: location_kind (FACILITY/UNIT/LANDING/CELL)
    Column("certified_capacity", Integer),
    Column("operational_capacity", Integer),
    Column("max_capacity", Integer),
    Column("active", Boolean, nullable=False, default=True),
    Column("deactivation_reason", Text),
    Column("planned_reactivation", Date),
    Index("uq_location_facility_code", "facility", "code", unique=True),
    data_class="organisation", person_column=None,
)

# --- People ----------------------------------------------------------------

person = replicated(
    "person",
    Column("first_name", String(100), nullable=False),
    Column("middle_names", String(200)),
    Column("last_name", String(100), nullable=False),
    Column("date_of_birth", Date, nullable=False, index=True),  # duplicate checks at intake
    Column("sex", Code, nullable=False),  # ref: sex
    Column("gender", Code),  # ref: gender (self-identified)
    Column("merged_into_id", Id, ForeignKey("person.id")),
    data_class="identity", person_column="id",
)
# The people list's order (live people by last name, first name, id): read in
# index order, so the first screen needs no sort of the whole table.
Index("ix_person_list_order", person.c.last_name, person.c.first_name, person.c.id,
      sqlite_where=text("voided_at IS NULL AND merged_into_id IS NULL"),
      postgresql_where=text("voided_at IS NULL AND merged_into_id IS NULL"))

person_identifier = replicated(
    "person_identifier",
    _ref("person"),
    Column("id_type", Code, nullable=False),  # ref: identifier_type
    Column("value", String(60), nullable=False),
    Index("ix_person_identifier_value", "id_type", "value"),
    data_class="identity",
)

person_alias = replicated(
    "person_alias",
    _ref("person"),
    Column("first_name", String(100), nullable=False),
    Column("last_name", String(100), nullable=False, index=True),
    Column("date_of_birth", Date),
    data_class="identity",
)

person_photo = replicated(
    "person_photo",
    _ref("person"),
    Column("mime_type", String(40), nullable=False),
    Column("image", LargeBinary, nullable=False),
    Column("taken_at", UTCDateTime, nullable=False),
    data_class="identity", append_only=True,
)

# --- Custody, offences, sentences -------------------------------------------

custody_episode = replicated(
    "custody_episode",
    _ref("person"),
    Column("booking_number", String(40), nullable=False),
    Column("legal_status", Code, nullable=False),  # ref: legal_status
    Column("status", Code, nullable=False),  # ACTIVE / OUT (court, TAP) / RELEASED
    Column("admitted_at", UTCDateTime, nullable=False),
    Column("released_at", UTCDateTime),
    # The one current location of a person in custody lives here, in one
    # column, so "exactly one current location" holds by construction.
    Column("location_id", Id, ForeignKey("location.id")),
    Column("out_reason", Code),  # the movement type that took them out (CRT/TAP)
    Column("incentive_level", Code),
    Column("next_incentive_review", Date),
    data_class="custody",
)
Index("ix_custody_episode_location", custody_episode.c.location_id)
# Admission refuses a booking number already in use, looked up by this column.
Index("ix_custody_episode_booking_number", custody_episode.c.booking_number)

offence = replicated(
    "offence",
    _ref("person"),
    _ref("custody_episode", nullable=True),
    Column("code", Code, nullable=False),
    Column("description", Text, nullable=False),
    Column("category", Code, nullable=False),  # ref: offence_category (OGRS3 codes)
    Column("committed_on", Date),
    data_class="custody",
)

charge = replicated(
    "charge",
    _ref("person"),
    _ref("offence"),
    Column("court", String(200), nullable=False),
    Column("charged_on", Date, nullable=False),
    Column("outcome", Code),  # ref: charge_outcome
    Column("outcome_on", Date),
    data_class="custody",
)

sentence = replicated(
    "sentence",
    _ref("person"),
    _ref("custody_episode"),
    _ref("charge", nullable=True),
    Column("sentence_type", Code, nullable=False),  # ref: sentence_type
    Column("length_days", Integer),
    Column("start_date", Date, nullable=False),
    Column("court", String(200), nullable=False),
    Column("sentenced_on", Date, nullable=False),
    CheckConstraint("length_days IS NULL OR length_days > 0", name="positive_length"),
    data_class="custody",
)

movement = replicated(
    "movement",
    _ref("person", indexed=False),  # led by an index below
    _ref("custody_episode"),
    Column("movement_type", Code, nullable=False),  # ref: movement_type
    Column("direction", Code, nullable=False),  # IN / OUT / INTERNAL
    Column("reason", Code, nullable=False),  # ref: movement_reason
    Column("from_location_id", Id, ForeignKey("location.id")),
    Column("to_location_id", Id, ForeignKey("location.id")),
    Column("to_facility", Code),
    Column("occurred_at", UTCDateTime, nullable=False),
    Column("override_reason", Text),
    Column("comment", Text),
    data_class="custody", append_only=True,
)
Index("ix_movement_person", movement.c.person_id, movement.c.occurred_at)

# --- Alerts and non-associations --------------------------------------------

alert = replicated(
    "alert",
    _ref("person"),
    Column("alert_type", Code, nullable=False),  # ref: alert_type
    Column("alert_code", Code, nullable=False),  # ref: alert_code (parent = type)
    Column("active_from", Date, nullable=False),
    Column("active_to", Date),
    Column("authorised_by", String(80), nullable=False),
    Column("comment", Text),
    Column("closed_by", String(80)),  # who closed it (active_to says from when)
    Column("close_reason", Text),
    data_class="security",
)

non_association = replicated(
    "non_association",
    Column("person_id", Id, ForeignKey("person.id"), nullable=False),
    Column("person_role", Code, nullable=False),  # ref: non_association_role
    Column("other_person_id", Id, ForeignKey("person.id"), nullable=False),
    Column("other_person_role", Code, nullable=False),
    # Ordered pair of the two ids, so (a,b) and (b,a) are the same pair.
    Column("pair_key", String(73), nullable=False),
    Column("reason", Code, nullable=False),  # ref: non_association_reason
    Column("keep_apart", Code, nullable=False),  # ref: keep_apart (CELL/LANDING/WING/FACILITY)
    Column("comment", Text),
    Column("status", Code, nullable=False),  # OPEN / CLOSED
    Column("closed_at", UTCDateTime),
    Column("closed_by", String(80)),
    Column("close_reason", Text),
    # A reopened pair is a new record pointing at the closed one it reopens.
    Column("reopens_id", Id, ForeignKey("non_association.id")),
    Column("reopen_reason", Text),
    CheckConstraint("person_id <> other_person_id", name="two_people"),
    data_class="security",
)
# At most one open non-association per pair, enforced by the database too.
Index("uq_non_association_open_pair", non_association.c.pair_key, unique=True,
      sqlite_where=text("status = 'OPEN' AND voided_at IS NULL"),
      postgresql_where=text("status = 'OPEN' AND voided_at IS NULL"))
Index("ix_non_association_other", non_association.c.other_person_id)

# --- Case notes --------------------------------------------------------------

case_note = replicated(
    "case_note",
    _ref("person", indexed=False),  # led by an index below
    Column("note_type", Code, nullable=False),  # ref: case_note_type
    Column("note_subtype", Code, nullable=False),  # ref: case_note_subtype
    Column("text", Text, nullable=False),
    Column("sensitive", Boolean, nullable=False, default=False),
    Column("restricted_use", Boolean, nullable=False, default=False),
    Column("occurred_at", UTCDateTime, nullable=False),
    Column("recorded_at", UTCDateTime, nullable=False),
    Column("author", String(80), nullable=False),
    Column("amends_id", Id, ForeignKey("case_note.id")),  # an amendment points at its note
    data_class="case_notes", append_only=True,
)
Index("ix_case_note_person", case_note.c.person_id, case_note.c.occurred_at)

# --- Discipline ----------------------------------------------------------------

incident = replicated(
    "incident",
    Column("incident_type", Code, nullable=False),  # ref: incident_type
    Column("occurred_at", UTCDateTime, nullable=False),
    Column("discovered_at", UTCDateTime, nullable=False),
    Column("location_id", Id, ForeignKey("location.id")),
    Column("description", Text, nullable=False),
    Column("reported_by", String(80), nullable=False),
    data_class="discipline", append_only=True, person_column=None,
)

incident_party = replicated(
    "incident_party",
    _ref("incident"),
    _ref("person"),
    Column("role", Code, nullable=False),  # ref: incident_role
    data_class="discipline", append_only=True,
)

adjudication = replicated(
    "adjudication",
    _ref("incident"),
    _ref("person"),
    Column("charge_code", Code, nullable=False),  # ref: adjudication_charge
    Column("status", Code, nullable=False),  # ref: adjudication_status
    Column("hearing_due_by", UTCDateTime, nullable=False),
    Column("status_reason", Text),
    data_class="discipline",
)

hearing = replicated(
    "hearing",
    _ref("adjudication"),
    _ref("person"),
    Column("scheduled_at", UTCDateTime, nullable=False),
    Column("held_at", UTCDateTime),
    Column("adjudicator", String(80)),
    Column("plea", Code),  # ref: plea
    Column("outcome", Code),  # ref: hearing_outcome
    Column("finding", Code),  # ref: hearing_finding
    Column("notes", Text),
    data_class="discipline",
)

punishment = replicated(
    "punishment",
    _ref("adjudication"),
    _ref("person"),
    Column("punishment_type", Code, nullable=False),  # ref: punishment_type (limits in attributes)
    Column("days", Integer),
    Column("amount", Integer),  # earnings deduction, minor units
    Column("start_date", Date),
    Column("suspended_until", Date),
    Column("activated_by_id", Id, ForeignKey("adjudication.id")),
    Column("status", Code, nullable=False),  # ACTIVE / SUSPENDED / ACTIVATED / QUASHED
    data_class="discipline",
)

# --- Activities and programmes -------------------------------------------------

activity = replicated(
    "activity",
    Column("code", Code, nullable=False),
    Column("name", String(200), nullable=False),
    Column("category", Code, nullable=False),  # ref: activity_category
    Column("location_id", Id, ForeignKey("location.id")),
    Column("capacity", Integer, nullable=False),
    Column("pay_band", Code),
    Column("start_date", Date, nullable=False),
    Column("end_date", Date),
    Column("programme_need", Code),  # ref: criminogenic_need, for programmes
    CheckConstraint("capacity > 0", name="positive_capacity"),
    data_class="regime", person_column=None,
)

activity_session = replicated(
    "activity_session",
    _ref("activity", indexed=False),  # led by an index below
    Column("starts_at", UTCDateTime, nullable=False),
    Column("ends_at", UTCDateTime, nullable=False),
    Column("cancelled", Boolean, nullable=False, default=False),
    Column("cancel_reason", Text),
    data_class="regime", person_column=None,
)
Index("ix_activity_session_when", activity_session.c.activity_id, activity_session.c.starts_at)

activity_allocation = replicated(
    "activity_allocation",
    _ref("activity"),
    _ref("person"),
    Column("start_date", Date, nullable=False),
    Column("end_date", Date),
    Column("pay_band", Code),
    Column("status", Code, nullable=False),  # ACTIVE / ENDED
    Column("end_reason", Text),
    Column("override_reason", Text),  # why a non-association warning was overridden
    data_class="regime",
)

activity_waitlist = replicated(
    "activity_waitlist",
    _ref("activity"),
    _ref("person"),
    Column("requested_on", Date, nullable=False),
    Column("priority", Integer, nullable=False, default=0),
    Column("status", Code, nullable=False),  # WAITING / ALLOCATED / WITHDRAWN
    Column("referral_need_level", Code),  # HIGH / MODERATE / ALTERNATIVE
    data_class="regime",
)

attendance = replicated(
    "attendance",
    _ref("activity_session", indexed=False),  # led by an index below
    _ref("person"),
    Column("status", Code, nullable=False),  # ref: attendance_status
    Column("absence_reason", Code),  # ref: absence_reason
    Column("comment", Text),
    # A correction points at the mark it corrects: the current mark is the one
    # no live mark supersedes, whatever the devices' clocks said.
    Column("supersedes_id", Id, ForeignKey("attendance.id")),
    data_class="regime", append_only=True,
)
Index("ix_attendance_session", attendance.c.activity_session_id, attendance.c.person_id)

# --- Assessments ---------------------------------------------------------------

assessment = replicated(
    "assessment",
    _ref("person"),
    Column("instrument_id", String(60), nullable=False),
    Column("instrument_version", String(20), nullable=False),
    Column("status", Code, nullable=False),  # DRAFT / COMPLETED / COUNTERSIGNED / SUPERSEDED
    Column("answers", JSON, nullable=False, default=dict),
    Column("scores", JSON),
    Column("assessor", String(80), nullable=False),
    Column("completed_at", UTCDateTime),
    Column("countersigned_by", String(80)),
    Column("countersigned_at", UTCDateTime),
    Column("supersedes_id", Id, ForeignKey("assessment.id")),
    Column("correction_reason", Text),
    data_class="assessment",
)

# --- Grievances and requests -------------------------------------------------

grievance = replicated(
    "grievance",
    _ref("person"),
    Column("kind", Code, nullable=False),  # GRIEVANCE / REQUEST
    Column("category", Code, nullable=False),  # ref: grievance_category
    Column("routed_to", Code, nullable=False),  # ref: staff_group
    Column("subject", String(200), nullable=False),
    Column("details", Text, nullable=False),
    Column("status", Code, nullable=False),  # ref: grievance_status
    Column("submitted_at", UTCDateTime, nullable=False),
    Column("due_by", Date, nullable=False),
    Column("status_reason", Text),  # the reason given for the latest status change
    data_class="custody",
)

grievance_response = replicated(
    "grievance_response",
    _ref("grievance"),
    _ref("person"),
    Column("responder", String(80), nullable=False),
    Column("responded_at", UTCDateTime, nullable=False),
    Column("outcome", Code, nullable=False),  # ref: grievance_outcome
    Column("text", Text, nullable=False),
    data_class="custody", append_only=True,
)

# --- Visits and contacts -------------------------------------------------------

visitor = replicated(
    "visitor",
    _ref("person"),  # the person in custody this contact belongs to
    Column("first_name", String(100), nullable=False),
    Column("last_name", String(100), nullable=False),
    Column("date_of_birth", Date),
    Column("relationship", Code, nullable=False),  # ref: relationship
    Column("status", Code, nullable=False),  # PENDING / APPROVED / BANNED
    Column("ban_reason", Text),
    Column("banned_until", Date),
    data_class="visits",
)

visit = replicated(
    "visit",
    _ref("person"),
    _ref("visitor"),
    Column("starts_at", UTCDateTime, nullable=False),
    Column("ends_at", UTCDateTime, nullable=False),
    Column("visit_type", Code, nullable=False),  # ref: visit_type
    Column("status", Code, nullable=False),  # BOOKED / COMPLETED / CANCELLED / NO_SHOW
    Column("outcome_comment", Text),
    Column("override_reason", Text),  # why a non-association warning was overridden
    data_class="visits",
)

# --- Caseload and sentence plans ------------------------------------------------

caseload_assignment = replicated(
    "caseload_assignment",
    _ref("person"),
    Column("staff_username", String(80), nullable=False),
    Column("role", Code, nullable=False),  # KEY_WORKER / CASE_MANAGER / OFFENDER_MANAGER
    Column("from_date", Date, nullable=False),
    Column("to_date", Date),
    Column("reason", Text),
    data_class="custody",
)

sentence_plan = replicated(
    "sentence_plan",
    _ref("person"),
    Column("status", Code, nullable=False),  # ACTIVE / CLOSED
    Column("started_on", Date, nullable=False),
    Column("next_review_on", Date),
    data_class="plans",
)

plan_objective = replicated(
    "plan_objective",
    _ref("sentence_plan"),
    _ref("person"),
    Column("need_area", Code, nullable=False),  # ref: criminogenic_need
    Column("goal", Text, nullable=False),
    Column("status", Code, nullable=False),  # OPEN / ACHIEVED / NOT_ACHIEVED / WITHDRAWN
    Column("target_date", Date),
    data_class="plans",
)

plan_step = replicated(
    "plan_step",
    _ref("plan_objective"),
    _ref("person"),
    Column("description", Text, nullable=False),
    Column("owner", String(80)),
    Column("due_on", Date),
    Column("status", Code, nullable=False),  # TODO / DONE / DROPPED
    data_class="plans",
)

plan_review = replicated(
    "plan_review",
    _ref("sentence_plan"),
    _ref("person"),
    Column("reviewed_on", Date, nullable=False),
    Column("reviewer", String(80), nullable=False),
    Column("summary", Text, nullable=False),
    Column("next_review_on", Date),
    data_class="plans", append_only=True,
)

# --- Scoring records (accountable AI, ARCHITECTURE.md §5) --------------------------

prediction_log = replicated(
    "prediction_log",
    _ref("person", indexed=False),  # led by an index below
    _ref("assessment", nullable=True),  # the assessment the score was made for, if any
    Column("instrument_id", String(60), nullable=False),
    Column("instrument_version", String(20), nullable=False),
    Column("model_id", String(60), nullable=False),
    Column("model_version", String(20), nullable=False),
    Column("model_sha256", String(64), nullable=False),  # of the model file actually run
    Column("inputs", JSON, nullable=False),
    Column("outputs", JSON, nullable=False),  # probabilities, band, contributions
    Column("band", Code, nullable=False),
    Column("scored_by", String(80), nullable=False),
    Column("scored_at", UTCDateTime, nullable=False),
    # Append-only: a prediction is a fact about what a model said, never edited.
    data_class="assessment", append_only=True,
)
Index("ix_prediction_log_person", prediction_log.c.person_id, prediction_log.c.scored_at)

scoring_decision = replicated(
    "scoring_decision",
    _ref("person"),
    _ref("prediction_log"),
    Column("decision", Code, nullable=False),  # AGREE / OVERRIDE
    Column("professional_band", Code),  # the professional's own band when overriding
    Column("reason", Text),  # mandatory for OVERRIDE
    Column("decided_by", String(80), nullable=False),
    Column("decided_at", UTCDateTime, nullable=False),
    CheckConstraint("decision IN ('AGREE', 'OVERRIDE')", name="known_decision"),
    CheckConstraint("decision <> 'OVERRIDE' OR (reason IS NOT NULL AND professional_band "
                    "IS NOT NULL)", name="override_reasoned"),
    # A professional's reasoning about a person's risk is clinical information.
    # Append-only: a changed mind is a new decision; the latest one stands.
    data_class="clinical", append_only=True,
)

REPLICATED_TABLES: dict[str, Table] = {
    name: t for name, t in metadata.tables.items() if t.info.get("replicated")
}
