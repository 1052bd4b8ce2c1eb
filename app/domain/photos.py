"""A person's photograph, taken at reception and replaced by newer ones.

Photos are append-only (person_photo): a new photo is a new row, and the
profile shows the newest. Every photo travels to every device that may read
the person's identity, so its size is capped, and only JPEG and PNG are
accepted: the declared type must match the file's own signature, so a
renamed document is never stored as a photo.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.core.errors import ValidationError
from app.core.schema import person, person_photo
from app.domain import checks
from app.domain.people import live_person
from app.storage.unit_of_work import UnitOfWork

MAX_BYTES = 1_000_000  # a good 600×800 JPEG is ~100 KB; 1 MB leaves room, not waste
NAMES = {"image/jpeg": "JPEG", "image/png": "PNG"}
SIGNATURES = {
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
}


def mime_type_of(image: bytes) -> str | None:
    """The accepted type whose signature `image` starts with, or None."""
    for mime, prefixes in SIGNATURES.items():
        if any(image.startswith(p) for p in prefixes):
            return mime
    return None


def add_photo(uow: UnitOfWork, *, person_id: Any, image: Any, mime_type: Any,
              taken_at: Any = None) -> dict[str, Any]:
    """Add a photo of a person (JPEG or PNG, at most MAX_BYTES); it becomes their current photo."""
    live_person(uow, person_id)
    if not isinstance(image, (bytes, bytearray, memoryview)):
        raise ValidationError("image", "must be the image file's bytes")
    data = bytes(image)
    if not data:
        raise ValidationError("image", "is empty")
    if len(data) > MAX_BYTES:
        raise ValidationError("image", f"is {len(data):,} bytes; at most {MAX_BYTES:,} are allowed")
    declared = checks.text(mime_type, "mime_type", max_len=40).lower()
    if declared not in SIGNATURES:
        raise ValidationError("mime_type", f"{declared} is not accepted (use "
                                           f"{' or '.join(SIGNATURES)})")
    actual = mime_type_of(data)
    if actual != declared:
        raise ValidationError("image", f"is not a {NAMES[declared]} file"
                                       + (f" (it looks like {NAMES[actual]})" if actual else ""))
    when = checks.timestamp(taken_at, "taken_at", required=False) or uow.now
    checks.not_future(when, uow.now, "taken_at")
    return uow.insert(person_photo, dict(person_id=person_id, mime_type=declared, image=data,
                                         taken_at=when))


def current_photo(uow: UnitOfWork, *, person_id: str) -> dict[str, Any] | None:
    """The person's newest photo (not voided), or None."""
    uow.get(person, person_id, field="person_id")
    rows = uow.rows(select(person_photo).where(
        person_photo.c.person_id == person_id, person_photo.c.voided_at.is_(None))
        .order_by(person_photo.c.taken_at.desc(), person_photo.c.id.desc()).limit(1))
    return rows[0] if rows else None
