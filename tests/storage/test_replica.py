import datetime as dt
import sqlite3

import keyring
import pytest
from sqlalchemy import select, text

from app.core.errors import ReplicaError
from app.core.schema import person
from app.domain import people
from app.storage import keys, migrate
from app.storage.engine import open_engine
from app.storage.replica import Replica, open_profile, replica_path
from app.storage.search import search_people
from tests.support import outbox_and_audit, table_count


def _person(act, **kw):
    args = dict(first_name="Ana", last_name="Ribeiro", date_of_birth=dt.date(1985, 3, 1), sex="F")
    args.update(kw)
    return act(people.create_person, **args)


def test_replica_file_is_encrypted_and_unreadable_without_key(replica, act):
    _person(act)
    header = replica.path.read_bytes()[:16]
    assert header != b"SQLite format 3\x00"
    assert b"Ribeiro" not in replica.path.read_bytes()
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(replica.path).execute("select * from person").fetchall()


def test_wrong_key_fails_with_clear_message(replica):
    replica.close()
    with pytest.raises(ReplicaError, match="key is wrong"):
        open_engine(replica.path, b"\x01" * 32)


def test_missing_key_fails_with_clear_message(replica):
    replica.close()
    keys.delete_key(f"default@{replica.path}")
    with pytest.raises(ReplicaError, match="missing from the OS keyring"):
        open_profile("default")


def test_new_profile_creates_random_key_in_keyring():
    rep = open_profile("laptop")
    stored = keyring.get_password(keys.SERVICE, f"laptop@{replica_path('laptop')}")
    assert stored is not None and len(bytes.fromhex(stored)) == 32
    rep.close()
    open_profile("laptop").close()  # reopens with the stored key


def test_plaintext_keyring_refused_unless_allowed(monkeypatch, tmp_path):
    from keyrings.alt.file import PlaintextKeyring

    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "plain.cfg")
    keyring.set_keyring(backend)
    with pytest.raises(ReplicaError, match="plain text"):
        open_profile("default")
    monkeypatch.setenv(keys.ALLOW_PLAINTEXT_ENV, "1")
    keys.check_backend()  # explicitly allowed: no error


def test_replica_from_newer_custos_is_refused(replica):
    with replica.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    replica.close()
    with pytest.raises(ReplicaError, match="newer version of Custos"):
        open_profile("default")


def test_migration_up_from_first_schema_keeps_and_indexes_data(tmp_path):
    path, key = tmp_path / "old.db", b"\x07" * 32
    engine = open_engine(path, key)
    migrate.upgrade(engine, "0001")
    assert migrate.current_revision(engine) == "0001"
    with engine.begin() as conn:
        conn.execute(person.insert().values(
            id="01890000-0000-7000-8000-000000000001", version=1, facility="MDI",
            created_at=dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc), created_by="old",
            updated_at=dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc), updated_by="old",
            first_name="João", last_name="Conceição", date_of_birth=dt.date(1970, 1, 1), sex="M"))
    engine.dispose()
    rep = Replica.open(path, key)
    assert migrate.current_revision(rep.engine) == migrate.head_revision()
    with rep.reader.connect() as conn:
        hits = search_people(conn, "joao conceicao")
    assert [h.last_name for h in hits] == ["Conceição"]
    rep.close()


def test_outbox_entry_is_written_with_the_change(replica, act):
    row = _person(act)
    with replica.unit_of_work(_actor()) as uow:
        uow.update(person, row["id"], {"last_name": "Ribeiro-Costa"})
    with replica.reader.connect() as conn:
        entries = conn.execute(text(
            "SELECT op, changes, base_version, status FROM outbox ORDER BY seq")).fetchall()
    assert [e.op for e in entries] == ["insert", "update"]
    import json
    changes = json.loads(entries[1].changes)
    assert changes == {"last_name": ["Ribeiro", "Ribeiro-Costa"]}
    assert entries[1].base_version == 1 and entries[1].status == "PENDING"


def _actor():
    from app.storage.unit_of_work import Actor
    return Actor("officer1", "MDI")


def test_failed_action_leaves_no_row_outbox_or_audit(replica):
    with pytest.raises(RuntimeError):
        with replica.unit_of_work(_actor()) as uow:
            uow.insert(person, dict(first_name="A", last_name="B",
                                    date_of_birth=dt.date(1990, 1, 1), sex="M"))
            raise RuntimeError("power cut between two statements")
    assert table_count(replica, person) == 0
    assert outbox_and_audit(replica) == (0, 0)


def test_search_folds_diacritics_and_matches_aliases_and_identifiers(replica, act):
    p = _person(act, first_name="Zoë", last_name="Müller",
                identifiers=[("POLICE_NUMBER", "AB-123")], aliases=[("Zoe", "Miller")])
    with replica.reader.connect() as conn:
        for typed in ["zoe mul", "Müll", "MILLER", "ab 12", "zo"]:
            assert [h.person_id for h in search_people(conn, typed)] == [p["id"]], typed
        assert search_people(conn, "zoe smith") == []
        assert search_people(conn, '"*') == []


def test_search_puts_whole_word_matches_first_and_flags_truncation(replica, act, monkeypatch):
    from app.storage import search

    longer = _person(act, first_name="Anabela", last_name="Alves")
    exact = _person(act, first_name="Ana", last_name="Xavier")
    with replica.reader.connect() as conn:
        hits = search_people(conn, "ana")
        assert [h.person_id for h in hits] == [exact["id"], longer["id"]]
        assert not hits.truncated
        monkeypatch.setattr(search, "SCAN_LIMIT", 1)
        assert search_people(conn, "a").truncated
