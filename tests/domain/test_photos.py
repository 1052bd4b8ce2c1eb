"""Photos at reception: JPEG or PNG only, size-capped, append-only, newest shown."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.core.errors import RuleViolation, ValidationError
from app.core.schema import person_photo
from app.domain import photos
from app.domain.people import create_person

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


@pytest.fixture
def ana(act):
    return act(create_person, first_name="Ana", last_name="Silva",
               date_of_birth=dt.date(1990, 1, 1), sex="F")


def _count(replica) -> int:
    with replica.reader.connect() as conn:
        return conn.execute(select(func.count()).select_from(person_photo)).scalar()


def test_a_new_photo_becomes_the_current_one_and_the_old_one_stays(act, replica, ana):
    first = act(photos.add_photo, person_id=ana["id"], image=PNG, mime_type="image/png",
                taken_at=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
    second = act(photos.add_photo, person_id=ana["id"], image=JPEG, mime_type="IMAGE/JPEG")
    current = act(photos.current_photo, person_id=ana["id"])
    assert current["id"] == second["id"] != first["id"]
    assert (current["mime_type"], bytes(current["image"])) == ("image/jpeg", JPEG)
    assert _count(replica) == 2


@pytest.mark.parametrize("image, mime, field, reason", [
    (b"", "image/png", "image", "is empty"),
    (PNG, "image/gif", "mime_type", "image/gif is not accepted (use image/jpeg or image/png)"),
    (PNG, "image/jpeg", "image", "is not a JPEG file (it looks like PNG)"),
    (b"%PDF-1.7 not a picture", "image/png", "image", "is not a PNG file"),
    ("a path, not bytes", "image/png", "image", "must be the image file's bytes"),
    (PNG, None, "mime_type", "is required"),
])
def test_bad_photos_are_refused_naming_the_field_and_nothing_is_written(
        act, replica, ana, image, mime, field, reason):
    with pytest.raises(ValidationError) as caught:
        act(photos.add_photo, person_id=ana["id"], image=image, mime_type=mime)
    assert (caught.value.field, caught.value.reason) == (field, reason)
    assert _count(replica) == 0


def test_a_photo_over_the_size_limit_is_refused(act, replica, ana):
    big = PNG + b"\x00" * photos.MAX_BYTES
    with pytest.raises(ValidationError, match="at most 1,000,000 are allowed") as caught:
        act(photos.add_photo, person_id=ana["id"], image=big, mime_type="image/png")
    assert caught.value.field == "image"
    assert _count(replica) == 0


def test_a_photo_cannot_be_dated_in_the_future_nor_added_to_no_one(act, replica, ana):
    later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=1)
    with pytest.raises(ValidationError, match="cannot be in the future"):
        act(photos.add_photo, person_id=ana["id"], image=PNG, mime_type="image/png",
            taken_at=later)
    with pytest.raises(ValidationError, match="no person with id") as caught:
        act(photos.add_photo, person_id="0" * 36, image=PNG, mime_type="image/png")
    assert caught.value.field == "person_id"
    assert _count(replica) == 0


def test_a_merged_record_takes_no_photo(act, replica, ana, supervisor):
    from app.domain.people import merge_people

    keep = act(create_person, first_name="Ana Maria", last_name="Silva Costa",
               date_of_birth=dt.date(1990, 1, 1), sex="F", not_duplicate_reason="checked")
    act(merge_people, keep_id=keep["id"], duplicate_id=ana["id"], reason="same person",
        actor=supervisor)
    with pytest.raises(RuleViolation, match="merged into"):
        act(photos.add_photo, person_id=ana["id"], image=PNG, mime_type="image/png")
    assert _count(replica) == 0
