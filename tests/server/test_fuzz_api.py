"""Property-based fuzz of the HTTP API, driven by its own /openapi.json (Hypothesis).

Every operation in the published schema is called with generated path,
query and body values (schema-shaped, mutated, or arbitrary JSON), with no,
bad or real credentials. Whatever comes in, the server must not fail (no
5xx), and every 4xx must carry an error body with a message a person can
read. Pushes also get near-valid changes aimed at the merge and checks.
"""
from __future__ import annotations

import json
import string
from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core import protocol
from app.core.schema import REPLICATED_TABLES

JSON_LEAF = st.none() | st.booleans() | st.integers(-(2 ** 63), 2 ** 63) | st.floats(
    allow_nan=False, allow_infinity=False) | st.text(max_size=30)
ANY_JSON = st.recursive(JSON_LEAF, lambda inner: st.lists(inner, max_size=3)
                        | st.dictionaries(st.text(max_size=10), inner, max_size=3), max_leaves=8)
LOOSE_TEXT = st.text(max_size=40) | st.sampled_from(
    ["", "MDI", "open", "01900000-0000-7000-8000-000000000000", "../..", "%00", "person",
     "a" * 300, "0", "-1", "\x00", "officer1\x00"])  # NUL: PostgreSQL's text refuses it


def from_schema(schema: dict, spec: dict, depth: int = 0) -> st.SearchStrategy:
    """A strategy for values that (mostly) follow a JSON schema from the OpenAPI document."""
    if depth > 4:
        return JSON_LEAF
    if "$ref" in schema:
        name = schema["$ref"].split("/")[-1]
        return from_schema(spec["components"]["schemas"][name], spec, depth + 1)
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            return st.one_of([from_schema(s, spec, depth + 1) for s in schema[key]])
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        props = schema.get("properties", {})
        required = set(schema.get("required", []))
        fixed = {k: from_schema(v, spec, depth + 1) for k, v in props.items() if k in required}
        optional = {k: from_schema(v, spec, depth + 1) for k, v in props.items()
                    if k not in required}
        return st.fixed_dictionaries(fixed, optional=optional)
    if kind == "array":
        return st.lists(from_schema(schema.get("items", {}), spec, depth + 1), max_size=3)
    if kind == "integer":
        lo, hi = schema.get("minimum", -(2 ** 40)), schema.get("maximum", 2 ** 40)
        return st.integers(lo, hi) | st.integers(-(2 ** 63), 2 ** 63)
    if kind == "number":
        return st.floats(allow_nan=False, allow_infinity=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "string":
        return LOOSE_TEXT
    if kind == "null":
        return st.none()
    return ANY_JSON


def _value_for(table_name: str, column) -> st.SearchStrategy:
    return st.one_of(JSON_LEAF, st.sampled_from([
        "2026-01-01", "2026-01-01T10:00:00+00:00", "2026-01-01T10:00:00", "MDI", "LEI",
        "0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00",  # beyond UTC's years
        "01900000-0000-7000-8000-000000000000", True, 0, 2 ** 40, "x" * 5000, {"a": 1}]))


@st.composite
def near_valid_change(draw, device_id: str, username: str, next_seq: int):
    table_name = draw(st.sampled_from(sorted(REPLICATED_TABLES)))
    table = REPLICATED_TABLES[table_name]
    op = draw(st.sampled_from(["insert", "update", "void"]))
    names = draw(st.lists(st.sampled_from([c.name for c in table.columns] + ["bogus"]),
                          min_size=1, max_size=5, unique=True))
    changes = {n: [draw(_value_for(table_name, n)), draw(_value_for(table_name, n))]
               for n in names}
    return {"op_id": draw(st.uuids()).hex[:32].ljust(36, "0")[:36],
            "device_seq": draw(st.sampled_from([next_seq, next_seq + 1, 1, 2 ** 40])),
            "table": table_name, "row_id": draw(st.sampled_from(
                ["01900000-0000-7000-8000-000000000000", "nope"])),
            "op": op, "changes": changes, "base_version": draw(st.integers(0, 5)),
            "hlc": "0000000000000-0000-x", "username": draw(st.sampled_from([username, "ghost"])),
            "device_id": device_id}


def _operations(spec: dict) -> list[tuple[str, str, dict]]:
    return [(path, method.upper(), op) for path, item in sorted(spec["paths"].items())
            for method, op in sorted(item.items())]


def _check(resp) -> None:
    assert resp.status_code < 500, (resp.status_code, resp.text)
    if resp.status_code >= 400:
        body = resp.json()
        message = body["error"]["message"]
        assert isinstance(message, str) and len(message) > 3, body
        assert body["error"]["code"]


def test_no_input_makes_the_api_fail_and_every_refusal_says_why(server):
    spec = server.client.get("/openapi.json").json()
    operations = _operations(spec)
    assert len(operations) >= 15
    officer = server.login("officer1")
    central = server.login("central1")
    tokens = [None, "cat_not-a-real-token", officer.token, central.token]

    @settings(max_examples=200, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def call(data):
        path, method, op = data.draw(st.sampled_from(operations), label="operation")
        url = path
        query = {}
        for param in op.get("parameters", []):
            value = data.draw(from_schema(param.get("schema", {}), spec) | LOOSE_TEXT)
            if param["in"] == "path":
                text = str(value) if value is not None else ""
                url = url.replace("{" + param["name"] + "}", quote(text, safe="") or "x")
            elif param["in"] == "query" and data.draw(st.booleans()):
                query[param["name"]] = json.dumps(value) if isinstance(value, (dict, list)) \
                    else str(value)
        headers = {}
        # Ending the session would only turn the rest of the run into 401s.
        ends_session = path.endswith(("/auth/logout", "/revoke"))
        token = data.draw(st.sampled_from(tokens[:2] if ends_session else tokens))
        if token:
            headers["Authorization"] = f"Bearer {token}"
        if data.draw(st.booleans()):
            headers.update(protocol.version_headers())
        elif data.draw(st.booleans()):
            headers[protocol.PROTOCOL_HEADER] = data.draw(st.text(
                alphabet=string.printable.strip(), max_size=5))
        kwargs = {"params": query, "headers": headers}
        body = op.get("requestBody", {}).get("content", {}).get("application/json", {})
        if method in ("POST", "PUT", "PATCH"):
            choice = data.draw(st.sampled_from(["schema", "any", "raw", "push"]))
            if choice == "schema" and body:
                kwargs["json"] = data.draw(from_schema(body["schema"], spec))
            elif choice == "push" and path.endswith("/sync/push"):
                headers.update(protocol.version_headers(),
                               Authorization=f"Bearer {officer.token}")
                changes = data.draw(st.lists(near_valid_change(
                    officer.device_id, "officer1", officer.seq + 1), max_size=4))
                kwargs["json"] = {"device_id": officer.device_id, "changes": changes,
                                  "audit_head": data.draw(st.none() | st.fixed_dictionaries(
                                      {"seq": st.integers(-1, 100), "hash": LOOSE_TEXT}))}
            elif choice == "raw":
                kwargs["content"] = data.draw(st.binary(max_size=60))
                headers["Content-Type"] = "application/json"
            else:
                kwargs["json"] = data.draw(ANY_JSON)
        _check(server.client.request(method, url, **kwargs))

    call()
