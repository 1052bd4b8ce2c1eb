"""The README's first command, end to end: `custos demo` without a window.

A real sync server process, demo data through the domain services, a real
sign-in and a first sync that pushes every record and receives them back.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_demo_sets_up_server_data_and_first_sync(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "CUSTOS_HOME"}
    env["TMPDIR"] = str(tmp_path)  # the demo folder is made here, and removed afterwards
    done = subprocess.run([sys.executable, "-m", "app", "demo", "--no-window", "--people", "25"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    sent = re.search(r"(\d[\d,]*) changes sent to http://127\.0\.0\.1:\d+ "
                     r"\((\d+) rejected, (\d+) conflicts\)", done.stdout)
    assert sent, done.stdout
    assert int(sent.group(1).replace(",", "")) > 500
    assert sent.group(2) == "0" and sent.group(3) == "0"
    assert re.search(r"^\s+person\s+25$", done.stdout, re.M)
    assert re.search(r"^\s+attendance\s+\d", done.stdout, re.M)
    # Throw-away: nothing is left behind.
    assert not list(tmp_path.glob("custos-demo-*"))


def test_demo_refuses_a_bad_people_count():
    done = subprocess.run([sys.executable, "-m", "app", "demo", "--no-window", "--people", "0"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "--people: must be at least 1" in done.stderr
