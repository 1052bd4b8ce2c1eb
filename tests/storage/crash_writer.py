"""Child process for the crash test: writes actions until it is killed.

Reads the replica key (hex) from stdin into an in-memory keyring, then
records people one action at a time, printing each committed id.
"""
from __future__ import annotations

import datetime as dt
import os
import sys

import keyring

from app.domain import people
from app.storage import keys
from app.storage.memory_keyring import MemoryKeyring
from app.storage.replica import open_profile, replica_path
from app.storage.unit_of_work import Actor


def main() -> None:
    keyring.set_keyring(MemoryKeyring())
    key_hex = sys.stdin.readline().strip()
    keyring.get_keyring().set_password(keys.SERVICE, f"default@{replica_path('default')}", key_hex)
    replica = open_profile("default")
    actor = Actor("crash", "MDI")
    run = os.getpid()
    i = 0
    while True:
        i += 1
        with replica.unit_of_work(actor) as uow:
            row = people.create_person(
                uow, first_name=f"Crash{run}x{i}", last_name="Test", date_of_birth=dt.date(1980, 1, 1),
                sex="M", identifiers=[("PRISON_NUMBER", f"C{run}-{i}")])
        print(row["id"], flush=True)


if __name__ == "__main__":
    main()
