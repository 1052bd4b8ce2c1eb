"""Batch scoring of JSON lines: validate every line, score the good ones in bulk.

Each input line is one JSON object with an `id`. Every line gets exactly one
output line, in input order, carrying the same `id`: either the scores or
`{"id", "line", "error": {"field", "reason"}}`. A bad line never stops the
others from being scored.

OGRS3 is vectorised: the lines of a chunk are validated into one float64
feature tensor and scored by one ONNX Runtime call, and the bands are found
with one searchsorted, so the per-line cost is JSON and date parsing only.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from app.core.errors import CustosError, ValidationError

CHUNK = 65_536


@dataclass
class Tally:
    """What a batch run did, for the summary line and the exit status."""

    scored: int = 0
    failed: int = 0
    model: dict[str, str] = field(default_factory=dict)


def parse_line(raw: str | bytes, number: int) -> tuple[Any, dict[str, Any] | None, dict | None]:
    """(id, record, error) of one input line (text, or bytes in UTF-8/16/32);
    exactly one of record/error is set."""
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as exc:
        return None, None, _error(None, number, "line", f"is not valid JSON ({exc.msg})")
    except UnicodeDecodeError:
        return None, None, _error(None, number, "line", "is not valid UTF-8 text")
    if not isinstance(record, dict):
        return None, None, _error(None, number, "line", "must be a JSON object")
    rid = record.get("id")
    if rid is None or rid == "":
        return None, None, _error(None, number, "id", "is required (it is copied to the output)")
    if not isinstance(rid, (str, int)) or isinstance(rid, bool):
        return None, None, _error(None, number, "id", "must be a string or a whole number")
    return rid, record, None


def _error(rid: Any, number: int, field_name: str, reason: str) -> dict[str, Any]:
    return {"id": rid, "line": number, "error": {"field": field_name, "reason": reason}}


def _numbered(lines: Iterable[str | bytes]) -> Iterator[tuple[int, str]]:
    for number, raw in enumerate(lines, start=1):
        if raw.strip():
            yield number, raw


def _chunks(lines: Iterable[str], size: int) -> Iterator[list[tuple[int, str]]]:
    chunk: list[tuple[int, str]] = []
    for item in _numbered(lines):
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def score_ogrs3(lines: Iterable[str], tally: Tally, *, chunk_size: int = CHUNK,
                instrument=None) -> Iterator[dict[str, Any]]:
    """Score OGRS3 JSON lines; yields one output dict per non-blank input line."""
    for kind, value in _ogrs3(lines, tally, chunk_size, instrument):
        if kind == "ok":
            rid, p1, p2, band = value
            yield {"id": rid, "p1": p1, "p2": p2, "band": band}
        else:
            yield value


def ogrs3_json_lines(lines: Iterable[str], tally: Tally, *, chunk_size: int = CHUNK,
                     instrument=None) -> Iterator[str]:
    """As `score_ogrs3`, already serialised (what the CLI writes).

    A float's repr is exactly what json.dumps writes for it, so result lines
    are formatted directly, which is several times cheaper than dumps.
    """
    dumps = json.dumps
    for kind, value in _ogrs3(lines, tally, chunk_size, instrument):
        if kind == "ok":
            rid, p1, p2, band = value
            yield f'{{"id": {dumps(rid)}, "p1": {p1!r}, "p2": {p2!r}, "band": "{band}"}}'
        else:
            yield dumps(value)


def _ogrs3(lines, tally, chunk_size, instrument):
    from app.scoring import ogrs3

    scorer = ogrs3.scorer(instrument)
    tally.model = {"id": scorer.model.model_id, "version": scorer.model.version,
                   "sha256": scorer.model.sha256, "instrument": scorer.instrument.key}
    for chunk in _chunks(lines, chunk_size):
        parsed = [parse_line(raw, number) + (number,) for number, raw in chunk]
        records = [record for _, record, err, _ in parsed if err is None]
        features, rows = ogrs3.features_bulk(records, scorer.offence_index)
        if records:
            # One ONNX call for the chunk; rows refused above are scored with
            # neutral values and never reported.
            out = scorer.run(features)
            p1, p2 = out["p1"].tolist(), out["p2"].tolist()
            bands = scorer.bands(out["p2"])
        k = 0
        for rid, _, err, number in parsed:
            if err is None:
                row = rows[k]
                k += 1
                if isinstance(row, ValidationError):
                    err = _error(rid, number, row.field, row.reason)
                else:
                    tally.scored += 1
                    yield "ok", (rid, p1[row], p2[row], bands[row])
                    continue
            tally.failed += 1
            yield "error", err


def score_recidivism(lines: Iterable[str], tally: Tally) -> Iterator[dict[str, Any]]:
    """Score `recidivism_general` lines through app.scoring.recidivism.score_records.

    That module belongs to the model pipeline (another part of Custos) and is
    imported only when asked for, so OGRS3 scoring never depends on it.
    """
    import importlib

    try:
        recidivism = importlib.import_module("app.scoring.recidivism")
    except ModuleNotFoundError as exc:
        if exc.name != "app.scoring.recidivism":
            raise
        raise CustosError("instrument recidivism_general: its model module "
                          "(app.scoring.recidivism) is not installed in this Custos") from None
    tally.model = {"id": "recidivism_general"}
    for chunk in _chunks(lines, CHUNK):
        parsed = [parse_line(raw, number) + (number,) for number, raw in chunk]
        good = [record for _, record, err, _ in parsed if err is None]
        results = iter(_score_records(recidivism.score_records, good) if good else [])
        for rid, record, err, number in parsed:
            if err is None:
                res = dict(next(results))
                error = res.get("error")
                if error is not None:
                    if not isinstance(error, dict):
                        error = {"field": "line", "reason": str(error)}
                    err = {"id": rid, "line": number, "error": error}
                else:
                    res["id"] = rid
            if err is not None:
                tally.failed += 1
                yield err
            else:
                tally.scored += 1
                yield res


def _score_records(score_records, records: list[dict]) -> list[dict]:
    """All records in one call; if that call rejects one, score one by one to find it."""
    try:
        return score_records(records)
    except ValidationError:
        out = []
        for record in records:
            try:
                out.extend(score_records([record]))
            except ValidationError as exc:
                out.append({"error": {"field": exc.field, "reason": exc.reason}})
        return out


def recidivism_json_lines(lines: Iterable[str], tally: Tally) -> Iterator[str]:
    dumps = json.dumps
    return (dumps(r) for r in score_recidivism(lines, tally))


BATCH_SCORERS = {"ogrs3": ogrs3_json_lines, "recidivism_general": recidivism_json_lines}
"""Instrument id -> function(lines, tally) yielding one JSON output line per input line."""
