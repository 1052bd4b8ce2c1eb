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


def test_the_replicated_tables_have_exactly_the_indexes_the_schema_declares(replica):
    """The client's migrations end at app.core.schema's indexes (the server's test,
    tests/server/test_migrations.py, checks the same of the server's)."""
    from app.core.schema import REPLICATED_TABLES

    declared = {ix.name for t in REPLICATED_TABLES.values() for ix in t.indexes}
    with replica.reader.connect() as conn:
        held = {name for (name,) in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND "
            f"tbl_name IN ({', '.join('?' * len(REPLICATED_TABLES))})",
            tuple(REPLICATED_TABLES))}
    assert held == declared, sorted(held ^ declared)


def test_a_bulk_load_pending_across_the_upgrade_does_not_bring_dropped_indexes_back(tmp_path):
    """Migration 0008 drops five indexes; a first sync interrupted before it (its
    indexes set aside, their DDL on record) must not rebuild those five afterwards."""
    import secrets

    from app.storage import bulk_load, migrate
    from app.storage.engine import open_engine

    engine = open_engine(tmp_path / "replica.db", secrets.token_bytes(32))
    try:
        migrate.upgrade(engine, "0007")
        with engine.begin() as conn:
            assert bulk_load.begin(conn)
        migrate.upgrade(engine)
        assert bulk_load.finish(engine)
        with engine.connect() as conn:
            names = {n for (n,) in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "ix_movement_person_id" not in names and "ix_movement_person" in names
        assert "ix_case_note_person_id" not in names and "ix_person_list_order" in names
    finally:
        engine.dispose()
