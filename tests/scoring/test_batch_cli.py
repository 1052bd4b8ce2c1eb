"""`custos score`: JSON lines in, JSON lines out, bad lines named, the rest still scored."""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.scoring import batch

ROOT = Path(__file__).resolve().parents[2]
WORKED = dict(sex="M", birth_date="1989-04-22", conviction_date="2013-02-20",
              first_sanction_date="2001-09-10", assessment_date="2013-03-31",
              previous_sanctions=25, offence_category="taking_driving_away")
FEMALE_FIRST = dict(sex="F", birth_date="1960-05-10", conviction_date="2015-06-01",
                    first_sanction_date="2015-06-01", assessment_date="2015-07-01",
                    previous_sanctions=0, offence_category="fraud_forgery")


def custos(*args, home: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "CUSTOS_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, env=env, input=stdin,
                          capture_output=True, text=True, timeout=120)


def _lines(*records) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def test_scores_a_file_keeping_ids_and_names_bad_fields(tmp_path):
    source = tmp_path / "people.jsonl"
    source.write_text(_lines(
        {"id": "A-1", **WORKED},
        {"id": "A-2", **WORKED, "birth_date": "1989-02-30"},
        "{not json",
        {"id": 3, **FEMALE_FIRST},
        {**WORKED},
        "",
        {"id": "A-5", **WORKED, "offence_category": "shoplifting"},
        {"id": "A-6", **WORKED, "previous_sanctions": 0, "first_sanction_date": "2013-02-20"},
    ))
    with source.open("ab") as f:
        f.write(b'{"id": "A-7", "sex": "\xff"}\n')  # not UTF-8
    out = tmp_path / "scores.jsonl"
    done = custos("score", "ogrs3", "--input", str(source), "--output", str(out),
                  home=tmp_path / "home")
    assert done.returncode == 1, done.stderr
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r.get("id") for r in rows] == ["A-1", "A-2", None, 3, None, "A-5", "A-6", None]
    assert rows[0]["p1"] == pytest.approx(0.8117432421743183, abs=1e-12)
    assert rows[0]["p2"] == pytest.approx(0.8984865665141756, abs=1e-12)
    assert rows[0]["band"] == "HIGH"
    assert rows[1]["error"]["field"] == "birth_date" and rows[1]["line"] == 2
    assert rows[2]["error"]["field"] == "line" and "not valid JSON" in rows[2]["error"]["reason"]
    assert rows[3]["p2"] == pytest.approx(0.051033088042235115, abs=1e-12) and rows[3]["band"] == "LOW"
    assert rows[4]["error"] == {"field": "id", "reason": "is required (it is copied to the output)"}
    assert rows[5]["error"]["field"] == "offence_category" and rows[5]["line"] == 7
    assert 0 < rows[6]["p2"] < 1 and set(rows[6]) == {"id", "p1", "p2", "band"}
    assert rows[7] == {"id": None, "line": 9,
                       "error": {"field": "line", "reason": "is not valid UTF-8 text"}}
    assert "3 scored, 5 failed" in done.stderr and "sha256" in done.stderr
    assert done.stdout == ""


def test_all_good_lines_exit_zero_and_write_to_stdout(tmp_path):
    source = tmp_path / "people.jsonl"
    source.write_text(_lines({"id": "x", **WORKED}, {"id": "y", **FEMALE_FIRST}))
    done = custos("score", "ogrs3", "--input", str(source), home=tmp_path / "home")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(r["id"], r["band"]) for r in rows] == [("x", "HIGH"), ("y", "LOW")]


def test_unknown_instrument_and_missing_file_are_clear_errors(tmp_path):
    done = custos("score", "lsi_r", "--input", str(tmp_path / "none.jsonl"), home=tmp_path / "h")
    assert done.returncode == 1 and "'lsi_r' cannot be batch scored" in done.stderr
    done = custos("score", "ogrs3", "--input", str(tmp_path / "none.jsonl"), home=tmp_path / "h")
    assert done.returncode == 1 and "No such file" in done.stderr
    assert "Traceback" not in done.stderr


def test_recidivism_general_is_dispatched_to_its_model_module(tmp_path):
    source = tmp_path / "people.jsonl"
    source.write_text(_lines({"id": "r1", "age": 30, "sex": "M", "priors_count": 2,
                              "juv_fel_count": 0, "juv_misd_count": 0, "juv_other_count": 0,
                              "charge_degree": "F"}, "{bad"))
    done = custos("score", "recidivism_general", "--input", str(source), home=tmp_path / "h")
    assert done.returncode == 1  # the bad line fails whether or not the model is installed
    if importlib.util.find_spec("app.scoring.recidivism") is None:
        assert "app.scoring.recidivism" in done.stderr and "not installed" in done.stderr
        assert "Traceback" not in done.stderr
    else:
        rows = [json.loads(line) for line in done.stdout.splitlines()]
        assert [r.get("id") for r in rows] == ["r1", None]
        assert rows[1]["error"]["field"] == "line"


def test_chunks_keep_input_order_and_ids():
    """Small chunks: each chunk is one ONNX call; bad lines stay where they were."""
    records = []
    for i in range(10):
        if i % 4 == 1:
            records.append(json.dumps({"id": i, **WORKED, "sex": "U"}))
        else:
            records.append(json.dumps({"id": i, **(WORKED if i % 2 else FEMALE_FIRST)}))
    tally = batch.Tally()
    rows = list(batch.score_ogrs3(records, tally, chunk_size=3))
    assert [r["id"] for r in rows] == list(range(10))
    assert [("error" in r) for r in rows] == [i % 4 == 1 for i in range(10)]
    assert (tally.scored, tally.failed) == (7, 3)
    assert all(r["error"]["field"] == "sex" for r in rows if "error" in r)
    assert rows[3]["band"] == "HIGH" and rows[0]["band"] == "LOW"
