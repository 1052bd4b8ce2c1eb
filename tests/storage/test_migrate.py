"""The start-up shortcut agrees with Alembic about the revision chain."""
from alembic.script import ScriptDirectory

from app.storage import migrate


def test_head_and_revisions_read_without_alembic_match_alembic():
    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.head_revision() == script.get_current_head()
    assert migrate.known_revisions() == {r.revision for r in script.walk_revisions()}


def test_opening_an_up_to_date_replica_does_not_load_alembic(replica_template, tmp_path):
    import shutil
    import subprocess
    import sys

    source, key = replica_template
    path = tmp_path / "replica.db"  # a copy: opening gives the file a device identity
    shutil.copyfile(source, path)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from app.storage.replica import Replica\n"
        f"r = Replica.open(Path({str(path)!r}), bytes.fromhex({key.hex()!r}))\n"
        "r.close()\n"
        "print('alembic' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
