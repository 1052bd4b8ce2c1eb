import datetime as dt

import pytest
from sqlalchemy import select

from app.core.errors import RuleViolation, ValidationError
from app.core.schema import case_note
from app.domain import case_notes
from app.storage.local_tables import audit_log
from app.domain import people
from app.storage.unit_of_work import Actor
from tests.domain.discipline_support import ADMIN, HOUR, NOW, PSYCHOLOGIST, desk  # noqa: F401
from tests.support import outbox_and_audit, table_count


def _note(desk, pid, **kw):
    args = dict(person_id=pid, note_type="GEN", note_subtype="GEN_NOTE",
                text="Spoke to family about visits.", occurred_at=NOW - 2 * HOUR)
    args.update(kw)
    return desk(case_notes.add_note, **args)


def _views(replica):
    with replica.reader.connect() as conn:
        return [dict(r) for r in conn.execute(
            select(audit_log).where(audit_log.c.action == "VIEW")).mappings()]


def test_note_keeps_occurred_and_recorded_times_and_author(desk):
    pid = desk.person()
    note = _note(desk, pid, restricted_use=True)
    assert note["occurred_at"] == NOW - 2 * HOUR and note["recorded_at"] == NOW
    assert note["author"] == "officer1" and note["restricted_use"] and not note["sensitive"]


def test_sensitive_subtype_forces_the_note_sensitive(desk):
    pid = desk.person()
    note = _note(desk, pid, note_type="HLT", note_subtype="HLT_MH", sensitive=False,
                 text="Low mood; referred to mental health in-reach.")
    assert note["sensitive"] is True


def test_an_ordinary_subtype_can_still_be_marked_sensitive(desk):
    pid = desk.person()
    assert _note(desk, pid, sensitive=True)["sensitive"] is True


@pytest.mark.parametrize("field,changes,reason", [
    ("note_type", {"note_type": "XYZ"}, "not a valid case_note_type"),
    ("note_subtype", {"note_subtype": "HLT_MH"}, "does not belong under 'GEN'"),
    ("note_subtype", {"note_subtype": None}, "is required"),
    ("text", {"text": "   "}, "is required"),
    ("occurred_at", {"occurred_at": NOW + HOUR}, "in the future"),
    ("occurred_at", {"occurred_at": dt.datetime(2026, 3, 1, 8, 0)}, "time zone"),
    ("occurred_at", {"occurred_at": dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)},
     "date of birth"),
    ("sensitive", {"sensitive": "yes"}, "true or false"),
    ("person_id", {"person_id": "nobody"}, "no person"),
])
def test_bad_note_names_the_field_and_writes_nothing(desk, field, changes, reason):
    pid = desk.person()
    with desk.writes_nothing(), pytest.raises(ValidationError) as err:
        _note(desk, pid, **changes)
    assert err.value.field == field and reason in err.value.reason


def test_notes_cannot_be_edited_only_amended(desk, replica):
    pid = desk.person()
    note = _note(desk, pid)
    with desk.writes_nothing(), pytest.raises(RuleViolation, match="amendment"):
        with replica.unit_of_work(desk.actor) as uow:
            uow.update(case_note, note["id"], {"text": "changed"})
    fix = desk(case_notes.amend_note, note_id=note["id"], text="Spoke to his mother, not father.",
               now=NOW + HOUR)
    assert fix["amends_id"] == note["id"] and fix["person_id"] == pid
    assert fix["occurred_at"] == note["occurred_at"] and fix["recorded_at"] == NOW + HOUR
    assert desk.get(case_note, note["id"])["text"] == "Spoke to family about visits."


def test_amending_an_amendment_amends_the_original(desk):
    pid = desk.person()
    note = _note(desk, pid)
    first = desk(case_notes.amend_note, note_id=note["id"], text="first fix")
    second = desk(case_notes.amend_note, note_id=first["id"], text="second fix")
    assert second["amends_id"] == note["id"]
    [listed] = desk(case_notes.notes_for, person_id=pid)
    assert [a["text"] for a in listed["amendments"]] == ["first fix", "second fix"]


def test_amendment_never_makes_a_sensitive_note_less_guarded(desk):
    pid = desk.person()
    note = _note(desk, pid, sensitive=True, restricted_use=True)
    fix = desk(case_notes.amend_note, note_id=note["id"], text="correction")
    assert fix["sensitive"] and fix["restricted_use"]


def test_amendment_refused_for_voided_note_or_another_person(desk, replica):
    pid, other = desk.person(), desk.person()
    note = _note(desk, pid)
    with desk.writes_nothing(), pytest.raises(ValidationError) as err:
        desk(case_notes.amend_note, note_id=note["id"], text="fix", person_id=other)
    assert err.value.field == "person_id"
    with replica.unit_of_work(desk.actor) as uow:
        uow.void(case_note, note["id"], "ENTERED_IN_ERROR: wrong person")
    with desk.writes_nothing(), pytest.raises(RuleViolation) as err:
        desk(case_notes.amend_note, note_id=note["id"], text="fix")
    assert err.value.field == "note_id" and "voided" in err.value.reason
    with desk.writes_nothing(), pytest.raises(ValidationError) as err:
        desk(case_notes.amend_note, note_id="missing", text="fix")
    assert err.value.field == "note_id"


def test_list_hides_sensitive_notes_from_officers_and_audits_who_reads_them(desk, replica):
    pid = desk.person()
    plain = _note(desk, pid, occurred_at=NOW - 3 * HOUR)
    secret = _note(desk, pid, note_type="SEC", note_subtype="SEC_INT", text="Intel: debt.")
    desk(case_notes.amend_note, note_id=secret["id"], text="Intel: debt to B wing.")

    seen_by_officer = desk(case_notes.notes_for, person_id=pid)
    assert [n["id"] for n in seen_by_officer] == [plain["id"]]
    assert _views(replica) == []

    seen_by_psych = desk(case_notes.notes_for, person_id=pid, actor=PSYCHOLOGIST)
    assert [n["id"] for n in seen_by_psych] == [secret["id"], plain["id"]]  # newest first
    assert len(seen_by_psych[0]["amendments"]) == 1
    views = _views(replica)
    assert {v["username"] for v in views} == {"psych1"}
    assert {v["row_id"] for v in views} == {secret["id"], seen_by_psych[0]["amendments"][0]["id"]}


def test_roles_without_case_notes_cannot_list_them(desk):
    pid = desk.person()
    _note(desk, pid)
    with pytest.raises(RuleViolation, match="may not read case notes"):
        desk(case_notes.notes_for, person_id=pid, actor=ADMIN)


def test_each_note_and_amendment_is_in_outbox_and_audit(desk, replica):
    pid = desk.person()
    rows, (outbox, audit) = table_count(replica, case_note), outbox_and_audit(replica)
    note = _note(desk, pid)
    desk(case_notes.amend_note, note_id=note["id"], text="fix")
    assert table_count(replica, case_note) == rows + 2
    assert outbox_and_audit(replica) == (outbox + 2, audit + 2)


def test_only_the_author_can_amend_a_note(desk):
    pid = desk.person()
    note = _note(desk, pid)
    colleague = Actor("officer2", "MDI", ("officer",))
    with desk.writes_nothing(), pytest.raises(RuleViolation) as err:
        desk(case_notes.amend_note, note_id=note["id"], text="my version", actor=colleague)
    assert err.value.field == "note_id" and "officer1" in err.value.reason


def test_notes_follow_a_merge_into_the_kept_record(desk):
    kept, duplicate = desk.person(), desk.person()
    on_duplicate = _note(desk, duplicate, text="Recorded on the duplicate at reception.")
    on_kept = _note(desk, kept, occurred_at=NOW - 5 * HOUR)
    desk(people.merge_people, keep_id=kept, duplicate_id=duplicate, reason="same prints")
    listed = desk(case_notes.notes_for, person_id=kept)
    assert [n["id"] for n in listed] == [on_duplicate["id"], on_kept["id"]]
    with desk.writes_nothing(), pytest.raises(RuleViolation) as err:
        _note(desk, duplicate)
    assert err.value.field == "person_id" and kept in err.value.reason
