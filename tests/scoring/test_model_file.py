"""The OGRS3 ONNX file: built reproducibly from the instrument file, refused if it disagrees."""
from __future__ import annotations

import hashlib
import json

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from app.core.schema import REPLICATED_TABLES, metadata
from app.scoring import instruments, ogrs3, sessions
from app.scoring.instruments import parse_instrument
from app.storage import migrate


def test_shipped_model_is_exactly_what_the_instrument_file_builds():
    from models_onnx import ogrs3_graph

    assert sessions.model_path("ogrs3").read_bytes() == ogrs3_graph.build_bytes()


def test_model_metadata_names_model_version_and_coefficients():
    loaded = sessions.session_for("ogrs3")
    inst = instruments.load("ogrs3", 1)
    assert (loaded.model_id, loaded.version) == ("ogrs3", "1")
    # Scoring uses the model the signed manifest vouches for, byte for byte.
    assert loaded.provenance["sha256"] == loaded.sha256
    assert loaded.sha256 == hashlib.sha256(sessions.model_path("ogrs3").read_bytes()).hexdigest()
    assert loaded.metadata["instrument"] == "ogrs3@1"
    assert loaded.metadata["coefficients_sha256"] == ogrs3.coefficients_sha256(
        inst.model["coefficients"])
    assert loaded.metadata["features"].split(",") == list(ogrs3.FEATURES)


def test_instrument_whose_coefficients_differ_from_the_model_is_refused():
    """A new instrument version with changed coefficients cannot borrow the old graph."""
    doc = json.loads((instruments._shipped() / "ogrs3@1.json").read_text())
    doc["version"] = 2
    doc["model"]["coefficients"]["copas"] = 1.3
    changed = parse_instrument("ogrs3@2.json", json.dumps(doc).encode())
    with pytest.raises(ogrs3.ModelError) as err:
        ogrs3.scorer(changed)
    assert "not built from the coefficients of ogrs3@2.json" in str(err.value)
    assert "python -m models_onnx.ogrs3_graph" in str(err.value)


def test_migration_0004_creates_the_scoring_tables_as_the_schema_defines_them():
    engine = create_engine("sqlite://")
    migrate.upgrade(engine)
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), metadata)
    ours = [d for d in diffs if "prediction_log" in repr(d) or "scoring_decision" in repr(d)]
    assert ours == []
    assert {"prediction_log", "scoring_decision"} <= set(REPLICATED_TABLES)
    assert REPLICATED_TABLES["prediction_log"].info["append_only"] is True
    assert REPLICATED_TABLES["scoring_decision"].info["data_class"] == "clinical"
