import datetime as dt
import json
import subprocess
import sys

from sqlalchemy import text

from app.__main__ import main
from app.domain import people


def _add_people(act, n=2):
    for i in range(n):
        act(people.create_person, first_name=f"P{i}", last_name="Silva",
            date_of_birth=dt.date(1990, 1, 1 + i), sex="M")


def test_status_json_reports_counts_pending_and_versions(replica, act, capsys):
    _add_people(act)
    replica.close()
    assert main(["status", "--json"]) == 0
    facts = json.loads(capsys.readouterr().out)
    assert facts["counts"]["person"] == 2 and facts["counts"]["movement"] == 0
    assert facts["pending"] == 2
    assert facts["conflicts"] == 0 and facts["last_sync"] is None
    assert facts["schema_version"] == 3


def test_audit_verify_passes_then_names_first_tampered_entry(replica, act, capsys):
    _add_people(act, 3)
    assert main(["audit", "verify"]) == 0
    assert "3 entries verified" in capsys.readouterr().out
    with replica.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET action = 'VIEW' WHERE seq = 2"))
    replica.close()
    assert main(["audit", "verify"]) != 0
    assert "BROKEN at entry 2" in capsys.readouterr().err


def test_audit_verify_without_replica_is_a_clear_error(capsys):
    assert main(["audit", "verify", ]) == 1
    assert "has no replica yet" in capsys.readouterr().err


def test_console_script_runs_as_module():
    out = subprocess.run([sys.executable, "-m", "app", "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "status" in out.stdout and "audit" in out.stdout
