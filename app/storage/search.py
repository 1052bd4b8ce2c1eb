"""Search-as-you-type over people: names, aliases and identifiers.

Backed by the FTS5 index of migration 0002 (diacritics folded by the
tokenizer). Every word the user types must match the start of some word in
one of the person's names, aliases or identifiers; results are ranked by
bm25 and then by name. Voided and merged-away records are left out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
import datetime as dt

from sqlalchemy import Connection, text

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 6


@dataclass(frozen=True)
class PersonHit:
    person_id: str
    first_name: str
    last_name: str
    date_of_birth: dt.date
    matched: str  # the name, alias or identifier that matched best


def fts_query(user_text: str) -> str | None:
    """Turn typed text into an FTS5 prefix query; None if nothing searchable."""
    words = _WORD.findall(user_text)[:MAX_TERMS]
    if not words:
        return None
    # Quote each word so FTS5 operators typed by the user are plain text.
    return " ".join('"' + w.replace('"', "") + '"*' for w in words)


_SQL = text("""
    WITH hits AS (
        SELECT d.person_id AS pid, d.text AS matched, bm25(search_fts) AS rank
        FROM search_fts JOIN search_doc d ON d.rowid = search_fts.rowid
        WHERE search_fts MATCH :q
        ORDER BY rank
        LIMIT :scan
    ), best AS (
        SELECT pid, matched, MIN(rank) AS rank FROM hits GROUP BY pid
    )
    SELECT p.id, p.first_name, p.last_name, p.date_of_birth, best.matched
    FROM best JOIN person p ON p.id = best.pid
    WHERE p.voided_at IS NULL AND p.merged_into_id IS NULL
    ORDER BY best.rank, p.last_name, p.first_name
    LIMIT :limit
""")


def search_people(conn: Connection, user_text: str, limit: int = 50) -> list[PersonHit]:
    """People matching what the user typed, best first.

    A person matches when all the typed words match one of their names,
    aliases or identifiers (each is indexed as its own line of text).
    """
    query = fts_query(user_text)
    if query is None:
        return []
    rows = conn.execute(_SQL, {"q": query, "scan": limit * 4, "limit": limit})
    return [
        PersonHit(r.id, r.first_name, r.last_name,
                  r.date_of_birth if isinstance(r.date_of_birth, dt.date)
                  else dt.date.fromisoformat(r.date_of_birth), r.matched)
        for r in rows
    ]
