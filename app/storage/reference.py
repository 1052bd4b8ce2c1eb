"""Reference data: versioned code lists under resources/reference, loaded
into the replica's `ref_code` table and cached in memory.

A domain is reloaded when its file's version or content hash differs from
what the replica holds, so an agency can change labels or limits by shipping
a new file, without a code change. Codes are looked up through `Codes`,
which is what validation uses: no code list is hard-coded in the domain.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Iterable

from sqlalchemy import Connection, delete, insert, select

from app.core.errors import ValidationError
from app.core.schema import ref_code, ref_version

LANGUAGES = ("en", "pt", "es")


@dataclass(frozen=True)
class Code:
    """One reference code."""

    domain: str
    code: str
    parent: str | None
    active: bool
    labels: dict[str, str]
    attributes: dict[str, Any] = field(default_factory=dict)

    def label(self, lang: str = "en") -> str:
        return self.labels.get(lang) or self.labels.get("en") or self.code


def _files() -> Iterable[tuple[str, bytes]]:
    folder = resources.files("resources") / "reference"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            yield entry.name, entry.read_bytes()


def parse_file(name: str, raw: bytes) -> dict[str, Any]:
    """Parse and validate one reference file; errors name the file and field."""
    try:
        doc = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValidationError(name, f"not valid JSON: {exc}") from None
    for key, kind in (("domain", str), ("version", int), ("codes", list)):
        if not isinstance(doc.get(key), kind):
            raise ValidationError(f"{name}: {key}", f"must be a {kind.__name__}")
    seen = set()
    for i, entry in enumerate(doc["codes"]):
        where = f"{name}: codes[{i}]"
        if not isinstance(entry.get("code"), str) or not entry["code"]:
            raise ValidationError(f"{where}.code", "must be a non-empty string")
        if entry["code"] in seen:
            raise ValidationError(f"{where}.code", f"duplicate code {entry['code']!r}")
        seen.add(entry["code"])
        labels = entry.get("labels")
        if not isinstance(labels, dict) or not labels.get("en"):
            raise ValidationError(f"{where}.labels", "needs at least an English label")
    return doc


def load_reference_data(conn: Connection) -> int:
    """Load every changed reference file into the replica; returns domains loaded."""
    held = {r.domain: r for r in conn.execute(select(ref_version))}
    loaded = 0
    for name, raw in _files():
        digest = hashlib.sha256(raw).hexdigest()
        doc = parse_file(name, raw)
        domain = doc["domain"]
        current = held.get(domain)
        if current is not None and current.sha256 == digest and current.version == doc["version"]:
            continue
        if current is not None and doc["version"] < current.version:
            raise ValidationError(
                f"{name}: version",
                f"{doc['version']} is older than the loaded version {current.version}",
            )
        conn.execute(delete(ref_code).where(ref_code.c.domain == domain))
        conn.execute(insert(ref_code), [
            {
                "domain": domain, "code": e["code"], "parent": e.get("parent"), "sort": i,
                "active": e.get("active", True), "attributes": e.get("attributes", {}),
                "labels": e["labels"],
            }
            for i, e in enumerate(doc["codes"])
        ])
        conn.execute(delete(ref_version).where(ref_version.c.domain == domain))
        conn.execute(insert(ref_version).values(domain=domain, version=doc["version"], sha256=digest))
        loaded += 1
    return loaded


class Codes:
    """In-memory view of the reference codes of one replica."""

    def __init__(self, rows: Iterable[Any]):
        self._by_domain: dict[str, dict[str, Code]] = {}
        for r in rows:
            self._by_domain.setdefault(r.domain, {})[r.code] = Code(
                r.domain, r.code, r.parent, r.active, dict(r.labels), dict(r.attributes or {})
            )

    @classmethod
    def read(cls, conn: Connection) -> "Codes":
        return cls(conn.execute(select(ref_code).order_by(ref_code.c.domain, ref_code.c.sort)))

    def domain(self, domain: str) -> dict[str, Code]:
        """All codes of a domain, in file order."""
        return self._by_domain.get(domain, {})

    def get(self, domain: str, code: str) -> Code | None:
        return self._by_domain.get(domain, {}).get(code)

    def require(self, domain: str, value: Any, field: str, parent: str | None = None) -> Code:
        """The active code `value` of `domain`, or a ValidationError on `field`."""
        if value is None or value == "":
            raise ValidationError(field, "is required")
        code = self.get(domain, value) if isinstance(value, str) else None
        if code is None or not code.active:
            allowed = ", ".join(c for c, v in self.domain(domain).items() if v.active)
            raise ValidationError(field, f"{value!r} is not a valid {domain} code (one of: {allowed})")
        if parent is not None and code.parent != parent:
            raise ValidationError(field, f"{value!r} does not belong under {parent!r}")
        return code
