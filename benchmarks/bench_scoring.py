"""Scoring benchmark (issue 5 §8): one assessment in-process, 100,000 people in batch.

    python -m benchmarks.bench_scoring [--people 100000] [--assessments 2000] [--seed 7]

Prints:
  - one OGRS3 assessment scored and explained in-process (answers validated,
    ONNX Runtime run, band, explanation with factors and limits): median and
    p95 in ms, as a ratio to the bare published formula in plain Python on
    the same person (no validation, no explanation);
  - 100,000 people rescored in batch from JSON lines to JSON lines (parse,
    validate, one ONNX call per chunk, bands, serialise), in seconds, as a
    ratio to the same lines scored one by one with the pure-Python formula,
    beside the cost of JSON in and out alone (the floor for any scorer);
    and the whole `custos score` command on a file, process start included.
    CPU seconds are printed beside wall seconds: shared machines inflate wall
    time, and JSON parsing, not the model, dominates both.
Targets: one assessment p95 <= 2 ms; 100,000 people <= 2 s.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import summarise_ms

ROOT = Path(__file__).resolve().parents[1]


def make_people(n: int, seed: int, codes: list[str]) -> list[dict]:
    """Deterministic, valid OGRS3 inputs."""
    rng = random.Random(seed)
    people = []
    for i in range(n):
        birth = dt.date(1945, 1, 1) + dt.timedelta(days=rng.randrange(365 * 60))
        first = birth + dt.timedelta(days=366 * 10 + 3 + rng.randrange(365 * 30))
        conviction = first + dt.timedelta(days=rng.randrange(365 * 12))
        assessed = conviction + dt.timedelta(days=rng.randrange(700))
        people.append(dict(
            id=f"P{i:06d}", sex=rng.choice("MF"), birth_date=birth.isoformat(),
            conviction_date=conviction.isoformat(), first_sanction_date=first.isoformat(),
            assessment_date=assessed.isoformat(), previous_sanctions=rng.randrange(70),
            offence_category=rng.choice(codes)))
    return people


def one_assessment(people: list[dict]) -> tuple[list[float], list[float]]:
    """Latency of explain.assess per person, and of the bare formula as a baseline."""
    from app.scoring import explain, instruments, ogrs3

    inst = instruments.load("ogrs3")
    coef = inst.model["coefficients"]
    answers = [{k: v for k, v in p.items() if k != "id"} for p in people]
    for a in answers[:50]:  # warm the session and caches
        explain.assess(inst, a)
    custos, base = [], []
    for a in answers:
        start = time.perf_counter()
        explain.assess(inst, a)
        custos.append(time.perf_counter() - start)
    for a in answers:
        start = time.perf_counter()
        ogrs3.reference(ogrs3.parse_inputs(a, coef["offence"]), coef)
        base.append(time.perf_counter() - start)
    return custos, base


def batch(lines: list[str]) -> tuple[float, float, float, float, list[str]]:
    """Wall and CPU seconds to rescore all lines through ONNX in bulk, and through the
    Python formula (CPU time too, because shared machines inflate wall time)."""
    from app.scoring import batch as batch_scoring
    from app.scoring import instruments, ogrs3

    ogrs3.scorer()  # the session is opened once per process, as in the CLI
    start, cpu = time.perf_counter(), time.process_time()
    out = list(batch_scoring.ogrs3_json_lines(lines, batch_scoring.Tally()))
    custos_s, custos_cpu = time.perf_counter() - start, time.process_time() - cpu

    inst = instruments.load("ogrs3")
    coef = inst.model["coefficients"]
    from app.scoring.rules import band_for

    start, cpu = time.perf_counter(), time.process_time()
    base = []
    for raw in lines:
        record = json.loads(raw)
        r = ogrs3.reference(ogrs3.parse_inputs(record, coef["offence"]), coef)
        base.append(json.dumps({"id": record["id"], "p1": r["p1"], "p2": r["p2"],
                                "band": band_for(inst.model["bands"], r["p2"] * 100)}))
    base_s, base_cpu = time.perf_counter() - start, time.process_time() - cpu
    assert [json.loads(a)["band"] for a in out] == [json.loads(b)["band"] for b in base]
    return custos_s, custos_cpu, base_s, base_cpu, out


def json_floor(lines: list[str]) -> float:
    """CPU seconds just to read every line as JSON and write a result line: no scoring at all."""
    cpu = time.process_time()
    for raw in lines:
        record = json.loads(raw)
        json.dumps({"id": record["id"], "p1": 0.5, "p2": 0.5, "band": "MEDIUM"})
    return time.process_time() - cpu


def cli(lines: list[str]) -> tuple[float, float]:
    """Wall and CPU time of `custos score ogrs3 --input F --output G`, process start included."""
    import resource

    with tempfile.TemporaryDirectory(prefix="custos-bench-") as home:
        src, dst = Path(home) / "in.jsonl", Path(home) / "out.jsonl"
        src.write_text("\n".join(lines) + "\n")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "app", "score", "ogrs3", "--input", str(src),
                        "--output", str(dst)], cwd=ROOT, check=True, capture_output=True,
                       env={"CUSTOS_HOME": home, "PATH": ""})
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--assessments", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    from app.scoring import instruments

    codes = list(instruments.load("ogrs3").model["coefficients"]["offence"])
    people = make_people(args.people, args.seed, codes)
    lines = [json.dumps(p) for p in people]

    one, one_base = map(summarise_ms, one_assessment(people[:args.assessments]))
    batch_s, batch_cpu, batch_base_s, batch_base_cpu, _ = batch(lines)
    floor_cpu = json_floor(lines)
    cli_s, cli_cpu = cli(lines)
    result = {
        "one_assessment": {**one, "baseline_p95_ms": one_base["p95_ms"],
                           "p95_ratio_to_python_formula": one["p95_ms"] / one_base["p95_ms"]},
        "batch": {"people": args.people, "seconds": batch_s, "cpu_seconds": batch_cpu,
                  "baseline_seconds": batch_base_s, "baseline_cpu_seconds": batch_base_cpu,
                  "cpu_ratio_to_python_formula": batch_cpu / batch_base_cpu,
                  "json_only_cpu_seconds": floor_cpu,
                  "cli_seconds": cli_s, "cli_cpu_seconds": cli_cpu},
    }
    print(f"one assessment scored and explained   median {one['median_ms']:.3f} ms  "
          f"p95 {one['p95_ms']:.3f} ms   (bare Python formula p95 {one_base['p95_ms']:.3f} ms, "
          f"ratio {result['one_assessment']['p95_ratio_to_python_formula']:.1f}x)   target p95 <= 2 ms")
    print(f"{args.people:,} people rescored in batch   in-process {batch_s:.2f} s "
          f"(CPU {batch_cpu:.2f} s); `custos score` on a file {cli_s:.2f} s (CPU {cli_cpu:.2f} s, "
          f"process start and file I/O included)   (pure-Python formula {batch_base_s:.2f} s, "
          f"CPU {batch_base_cpu:.2f} s; CPU ratio {batch_cpu / batch_base_cpu:.2f}; JSON in and out "
          f"alone CPU {floor_cpu:.2f} s)   target <= 2 s")
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
