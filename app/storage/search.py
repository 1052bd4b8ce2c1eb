"""Search-as-you-type over people: names, aliases and identifiers.

Backed by the FTS5 index of migration 0002 (diacritics folded by the
tokenizer). Every word typed must match the start of a word in one of the
person's names, aliases or identifiers.

Cost is bounded: FTS5 is asked for at most SCAN_LIMIT matching lines, with
no ranking inside SQLite (bm25 over every match of a two-letter prefix
costs a hundred milliseconds at 100,000 people). The matches are then
ordered here: whole-word matches first, then by name. When more lines
match than were scanned, `SearchResult.truncated` tells the UI to say
"keep typing" rather than pretend the list is complete. Likewise
`SearchResult.loading`: while a first sync loads a facility, the search index
is built only at its end (app.storage.bulk_load), so people that load has
brought are not found yet, and the UI says so.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import Connection, text

from app.storage import bulk_load

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 6
SCAN_LIMIT = 400


@dataclass(frozen=True)
class PersonHit:
    person_id: str
    first_name: str
    last_name: str
    date_of_birth: dt.date
    matched: str  # the name, alias or identifier that matched


class SearchResult(list):
    """A list of PersonHit, with `truncated` set when more people matched, and
    `loading` while a first sync's load keeps the search index incomplete."""

    truncated: bool = False
    loading: bool = False


def fold(value: str) -> str:
    """Lower-case without diacritics, as the FTS tokenizer sees text."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fts_query(user_text: str) -> str | None:
    """Turn typed text into an FTS5 prefix query; None if nothing searchable."""
    words = _WORD.findall(user_text)[:MAX_TERMS]
    if not words:
        return None
    # Quote each word so FTS5 operators typed by the user are plain text.
    return " ".join('"' + w.replace('"', "") + '"*' for w in words)


_SQL = text("""
    SELECT p.id, p.first_name, p.last_name, p.date_of_birth, d.text AS matched
    FROM (SELECT rowid FROM search_fts WHERE search_fts MATCH :q LIMIT :scan) AS m
    JOIN search_doc d ON d.rowid = m.rowid
    JOIN person p ON p.id = d.person_id
    WHERE p.voided_at IS NULL AND p.merged_into_id IS NULL
""")


def search_people(conn: Connection, user_text: str, limit: int = 50) -> SearchResult:
    """People matching what the user typed, best first (at most `limit`)."""
    result = SearchResult()
    query = fts_query(user_text)
    if query is None:
        return result
    result.loading = bulk_load.active(conn)
    rows = conn.execute(_SQL, {"q": query, "scan": SCAN_LIMIT + 1}).all()
    words = [fold(w) for w in _WORD.findall(user_text)[:MAX_TERMS]]
    best: dict[str, tuple[tuple, PersonHit]] = {}
    for r in rows[:SCAN_LIMIT]:
        tokens = set(_WORD.findall(fold(r.matched)))
        whole = sum(w in tokens for w in words)
        key = (-whole, fold(r.last_name), fold(r.first_name), r.id)
        if r.id not in best or key < best[r.id][0]:
            dob = r.date_of_birth
            if not isinstance(dob, dt.date):
                dob = dt.date.fromisoformat(dob)
            best[r.id] = (key, PersonHit(r.id, r.first_name, r.last_name, dob, r.matched))
    result.extend(hit for _, hit in sorted(best.values(), key=lambda kv: kv[0])[:limit])
    result.truncated = len(rows) > SCAN_LIMIT or len(best) > limit
    return result
