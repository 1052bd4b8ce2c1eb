"""Replica benchmark (issue 2 §8): bulk load, one user action, search.

    python -m benchmarks.bench_replica [--people 100000] [--actions 300] [--searches 400]

Builds a replica of N people (person, identifiers, aliases, custody episode)
and prints:
  - bulk load rows/s through the unit of work (encryption, outbox, audit
    chain, search index all included), as a ratio to the same rows inserted
    with raw sqlite3 executemany into an unencrypted file with the same schema;
  - one user action (intake of a person with an identifier, including its
    outbox and audit entries, committed): median and p95 in ms, and as a ratio
    to the same rows inserted and committed with raw sqlite3;
  - search-as-you-type latency (each keystroke of a name or an identifier):
    p95 in ms, and as a ratio to a raw sqlite3 LIKE prefix query on an index.
Targets: one action <= 5 ms p95; search <= 20 ms p95 at 100,000 people.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine

from benchmarks.common import scratch_home, summarise_ms

UTC = dt.timezone.utc


def make_rows(n: int, seed: int) -> dict[str, list[dict]]:
    """Deterministic person-related rows, ready for insertion."""
    from app.core.ids import uuid7
    from app.demo.names import FIRST_F, FIRST_M, LAST

    rng = random.Random(seed)
    now = dt.datetime(2026, 1, 1, tzinfo=UTC)
    rows: dict[str, list[dict]] = {"person": [], "person_identifier": [], "person_alias": []}
    for i in range(n):
        sex = rng.choice("MF")
        pid = uuid7()
        rows["person"].append(dict(
            id=pid, first_name=rng.choice(FIRST_M if sex == "M" else FIRST_F),
            last_name=f"{rng.choice(LAST)} {rng.choice(LAST)}" if rng.random() < 0.3 else rng.choice(LAST),
            date_of_birth=dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(365 * 55)),
            sex=sex))
        rows["person_identifier"].append(dict(id=uuid7(), person_id=pid, id_type="PRISON_NUMBER",
                                              value=f"A{i:06d}{chr(65 + i % 26)}"))
        rows["person_identifier"].append(dict(id=uuid7(), person_id=pid, id_type="POLICE_NUMBER",
                                              value=f"{rng.randrange(10**6):06d}/{rng.randrange(99):02d}"))
        if rng.random() < 0.3:
            rows["person_alias"].append(dict(id=uuid7(), person_id=pid,
                                             first_name=rng.choice(FIRST_M + FIRST_F),
                                             last_name=rng.choice(LAST)))
    stamp = dict(version=1, facility="MDI", created_at=now, created_by="bench",
                 updated_at=now, updated_by="bench")
    for table in rows.values():
        for r in table:
            r.update(stamp)
    return rows


def raw_baseline(rows: dict[str, list[dict]], folder: Path) -> float:
    """Seconds to insert the same rows with raw sqlite3 executemany (no encryption)."""
    from app.core.schema import metadata

    path = folder / "baseline.db"
    metadata.create_all(create_engine(f"sqlite:///{path}"))
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    start = time.perf_counter()
    conn.execute("BEGIN")
    for name, table_rows in rows.items():
        cols = list(table_rows[0])
        sql = f"INSERT INTO {name} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        conn.executemany(sql, [tuple(_plain(r[c]) for c in cols) for r in table_rows])
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def _plain(value):
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None).isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def custos_load(replica, rows: dict[str, list[dict]], batch: int = 2000) -> float:
    """Seconds to load the rows through units of work of `batch` people each."""
    from app.core import schema
    from app.storage.unit_of_work import Actor

    actor = Actor("bench", "MDI")
    by_person: dict[str, list[tuple[str, dict]]] = {}
    for name in ("person_identifier", "person_alias"):
        for r in rows[name]:
            by_person.setdefault(r["person_id"], []).append((name, r))
    people = rows["person"]
    start = time.perf_counter()
    for i in range(0, len(people), batch):
        with replica.unit_of_work(actor) as uow:
            for p in people[i:i + batch]:
                uow.insert(schema.person, _domain(p))
                for name, r in by_person.get(p["id"], ()):
                    uow.insert(schema.metadata.tables[name], _domain(r))
    return time.perf_counter() - start


def _domain(row: dict) -> dict:
    from app.core.schema import BOOKKEEPING

    return {k: v for k, v in row.items() if k not in BOOKKEEPING or k == "id"}


def action_latency(replica, n: int, seed: int) -> tuple[list[float], list[float]]:
    """(custos, raw) seconds per intake action, each committed on its own."""
    from app.domain import people
    from app.storage.unit_of_work import Actor

    rng = random.Random(seed)
    actor = Actor("bench", "MDI")
    custos = []
    for i in range(n):
        start = time.perf_counter()
        with replica.unit_of_work(actor) as uow:
            people.create_person(uow, first_name=f"Bench{i}", last_name=f"Action{rng.randrange(10**6)}",
                                 date_of_birth=dt.date(1960, 1, 1) + dt.timedelta(days=rng.randrange(15000)),
                                 sex="F", identifiers=[("NATIONAL_ID", f"BN{seed}{i:06d}")])
        custos.append(time.perf_counter() - start)
    raw = []
    with tempfile.TemporaryDirectory() as folder:
        conn = sqlite3.connect(Path(folder) / "raw.db", isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("CREATE TABLE person (id TEXT PRIMARY KEY, first_name, last_name, dob, sex)")
        conn.execute("CREATE TABLE ident (id TEXT PRIMARY KEY, person_id, id_type, value)")
        for i in range(n):
            start = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO person VALUES (?,?,?,?,?)", (f"p{i}", "Bench", "Raw", "1970-01-01", "F"))
            conn.execute("INSERT INTO ident VALUES (?,?,?,?)", (f"i{i}", f"p{i}", "NATIONAL_ID", f"R{i}"))
            conn.execute("COMMIT")
            raw.append(time.perf_counter() - start)
        conn.close()
    return custos, raw


def keystrokes(rows: dict[str, list[dict]], n: int, seed: int) -> list[str]:
    """What a user types, keystroke by keystroke, looking for random people."""
    rng = random.Random(seed)
    typed: list[str] = []
    while len(typed) < n:
        p = rng.choice(rows["person"])
        if rng.random() < 0.2:
            target = rng.choice([r for r in rows["person_identifier"] if r["person_id"] == p["id"]][:1] or
                                [rows["person_identifier"][0]])["value"]
        else:
            target = f"{p['first_name']} {p['last_name']}".lower()
        typed += [target[:k] for k in range(2, min(len(target), 14) + 1)]
    return typed[:n]


def search_latency(replica, queries: list[str], rows) -> tuple[list[float], list[float]]:
    from app.storage.search import search_people

    custos = []
    with replica.reader.connect() as conn:
        for q in queries:
            start = time.perf_counter()
            search_people(conn, q)
            custos.append(time.perf_counter() - start)
    raw = []
    with tempfile.TemporaryDirectory() as folder:
        conn = sqlite3.connect(Path(folder) / "raw.db")
        conn.execute("CREATE TABLE person (id TEXT PRIMARY KEY, name TEXT COLLATE NOCASE)")
        conn.execute("CREATE INDEX ix_name ON person(name)")
        conn.executemany("INSERT INTO person VALUES (?, ?)",
                         [(r["id"], f"{r['first_name']} {r['last_name']}") for r in rows["person"]])
        conn.commit()
        for q in queries:
            start = time.perf_counter()
            conn.execute("SELECT id, name FROM person WHERE name LIKE ? LIMIT 50", (q + "%",)).fetchall()
            raw.append(time.perf_counter() - start)
    return custos, raw


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--actions", type=int, default=300)
    parser.add_argument("--searches", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    from app.storage.replica import open_profile

    rows = make_rows(args.people, args.seed)
    n_rows = sum(map(len, rows.values()))
    with scratch_home() as home:
        raw_s = raw_baseline(rows, Path(home))
        replica = open_profile("bench")
        load_s = custos_load(replica, rows)
        act, act_raw = action_latency(replica, args.actions, args.seed)
        queries = keystrokes(rows, args.searches, args.seed)
        srch, srch_raw = search_latency(replica, queries, rows)
        replica.close()
    a, ar, s, sr = map(summarise_ms, (act, act_raw, srch, srch_raw))
    result = {
        "people": args.people,
        "rows": n_rows,
        "bulk_load": {"custos_rows_per_s": n_rows / load_s, "raw_rows_per_s": n_rows / raw_s,
                      "ratio_to_raw": raw_s / load_s},
        "action": {**a, "p95_ratio_to_raw": a["p95_ms"] / ar["p95_ms"], "raw_p95_ms": ar["p95_ms"]},
        "search": {**s, "p95_ratio_to_raw": s["p95_ms"] / sr["p95_ms"], "raw_p95_ms": sr["p95_ms"]},
    }
    print(f"replica of {args.people:,} people ({n_rows:,} rows)")
    print(f"bulk load   {n_rows / load_s:>10,.0f} rows/s   raw sqlite3 {n_rows / raw_s:>10,.0f} rows/s"
          f"   ratio {raw_s / load_s:.3f} (custos/raw speed)")
    print(f"one action  median {a['median_ms']:.2f} ms  p95 {a['p95_ms']:.2f} ms"
          f"   (raw p95 {ar['p95_ms']:.2f} ms, ratio {result['action']['p95_ratio_to_raw']:.1f}x)"
          f"   target p95 <= 5 ms")
    print(f"search      median {s['median_ms']:.2f} ms  p95 {s['p95_ms']:.2f} ms"
          f"   (raw LIKE p95 {sr['p95_ms']:.2f} ms, ratio {result['search']['p95_ratio_to_raw']:.1f}x)"
          f"   target p95 <= 20 ms")
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
