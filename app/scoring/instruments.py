"""Instruments as versioned data files: format, loading and validation.

An instrument lives in resources/instruments as `<id>@<version>.json`; an
agency adds its own (for example licensed instruments Custos cannot ship)
in <config>/instruments (`agency_folder()`), with the same format and checks.
Changing an instrument means adding a new file with the next version; the
old file stays, because a completed assessment keeps the version it used and
must still be readable and re-scorable exactly as it was.

A file defines (see `parse_instrument` for every check):
  id, version, title, kind       what it is (kind: actuarial / screen / needs /
                                 checklist / spj)
  roles.complete, roles.read     role names from app.core.roles
  limits                         what the result cannot tell you, shown with it
  sections[].items[]             questions, each with an answer type:
                                 yes_no, choice, integer (min/max), date, text,
                                 rating (an ordered scale); `show_if` makes an
                                 item conditional on an earlier answer
  scoring.rules[]                sum (with bands), flag, profile, rating,
                                 checklist, model (see app.scoring.rules)
  scoring.primary                the rule whose band is the instrument's band
  scoring.statistical            false for instruments that must never produce
                                 a statistical score (structured judgement)
  model                          for actuarial instruments: coefficients and bands

Every problem is reported as a ValidationError whose field names the file
and the path inside it, e.g. `ogrs3@1.json: sections[0].items[2].type`.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from app.core.errors import NotFound, ValidationError
from app.core.roles import ROLES

FORMAT = 1
KINDS = ("actuarial", "screen", "needs", "checklist", "spj")
ANSWER_TYPES = ("yes_no", "choice", "integer", "date", "text", "rating")
BANDS = ("LOW", "MEDIUM", "HIGH", "VERY_HIGH", "NOT_APPLICABLE")
"""Band codes shared by every instrument (DOMAIN.md); files may relabel them."""
RULE_TYPES = ("sum", "flag", "profile", "rating", "checklist", "model")
CONDITION_OPS = ("equals", "in", "at_least")

_ID = re.compile(r"^[a-z][a-z0-9_]{0,59}$")
_FILE = re.compile(r"^(?P<id>[a-z][a-z0-9_]*)@(?P<version>[1-9][0-9]*)\.json$")


class InstrumentError(ValidationError):
    """An instrument file that is malformed; `field` names the file and the path."""


@dataclass(frozen=True)
class Option:
    value: Any
    label: str
    score: float | None = None


@dataclass(frozen=True)
class Condition:
    """`show_if`: the item is asked only when `item`'s answer meets `op`/`value`."""

    item: str
    op: str
    value: Any

    def describe(self) -> str:
        words = {"equals": "is", "in": "is one of", "at_least": "is at least"}[self.op]
        return f"{self.item} {words} {self.value!r}"


@dataclass(frozen=True)
class Item:
    id: str
    label: str
    type: str
    section: str
    required: bool = True
    help: str = ""
    options: tuple[Option, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    min_length: int = 0
    max_length: int = 4000
    yes_score: float = 1.0
    no_score: float = 0.0
    show_if: Condition | None = None

    def option(self, value: Any) -> Option | None:
        for opt in self.options:
            if opt.value == value and type(opt.value) is type(value):
                return opt
        return None

    def rank(self, value: Any) -> int:
        """Position of `value` on an ordered scale (rating) or -1."""
        for i, opt in enumerate(self.options):
            if opt.value == value:
                return i
        return -1


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    items: tuple[Item, ...]
    need: str | None = None  # a criminogenic_need code, for needs instruments


@dataclass(frozen=True)
class Instrument:
    """One version of one instrument, validated."""

    id: str
    version: int
    title: str
    kind: str
    description: str
    source: str
    complete_roles: frozenset[str]
    read_roles: frozenset[str]
    limits: tuple[str, ...]
    sections: tuple[Section, ...]
    rules: tuple[dict[str, Any], ...]
    primary: str | None
    statistical: bool
    model: dict[str, Any] | None
    sha256: str
    file_name: str
    items: dict[str, Item] = field(default_factory=dict, compare=False, repr=False)

    @property
    def key(self) -> str:
        """`id@version`, as stored with an assessment."""
        return f"{self.id}@{self.version}"

    def may_complete(self, roles) -> bool:
        """Whether a user holding `roles` may complete this instrument."""
        return any(r in self.complete_roles for r in roles)

    def may_read(self, roles) -> bool:
        """Whether a user holding `roles` may read completed assessments of it."""
        return any(r in self.read_roles for r in roles)

    def rule(self, rule_id: str) -> dict[str, Any]:
        for rule in self.rules:
            if rule["id"] == rule_id:
                return rule
        raise KeyError(rule_id)


# -- loading -------------------------------------------------------------------

def _shipped() -> Path:
    return Path(str(resources.files("resources") / "instruments"))


def agency_folder() -> Path:
    """Where an agency puts its own (e.g. licensed) instrument files: <config>/instruments."""
    from app.core.paths import locations

    return locations().config / "instruments"


def _files() -> dict[str, Path]:
    """Every instrument file by name; an agency file may not replace a shipped one."""
    found: dict[str, Path] = {}
    for folder in (_shipped(), agency_folder()):
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if not _FILE.match(path.name):
                continue
            if path.name in found:
                raise InstrumentError(f"{path}", f"{path.name} is already shipped with Custos; "
                                      "a changed instrument needs a new version number")
            found[path.name] = path
    return found


def available() -> dict[str, list[int]]:
    """Every instrument id with its versions, oldest first."""
    out: dict[str, list[int]] = {}
    for name in _files():
        m = _FILE.match(name)
        out.setdefault(m["id"], []).append(int(m["version"]))
    return {k: sorted(v) for k, v in sorted(out.items())}


def load(instrument_id: str, version: int | str | None = None) -> Instrument:
    """The instrument `instrument_id` at `version` (default: the newest).

    Old versions stay loadable side by side, because a completed assessment
    is read and re-scored with the version it used.
    """
    files = _files()
    versions = sorted(int(_FILE.match(n)["version"]) for n in files
                      if _FILE.match(n)["id"] == instrument_id)
    if not versions:
        raise NotFound("instrument", instrument_id)
    if version is None:
        version = versions[-1]
    try:
        version = int(version)
    except (TypeError, ValueError):
        raise ValidationError("instrument_version", f"{version!r} is not a version number") from None
    name = f"{instrument_id}@{version}.json"
    if name not in files:
        raise NotFound("instrument", f"{instrument_id}@{version}")
    path = files[name]
    stat = path.stat()
    return _load_file(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=None)
def _load_file(path: str, mtime_ns: int, size: int) -> Instrument:
    # Keyed by path and stamp: a file is parsed once, and again only if it changes.
    return parse_instrument(Path(path).name, Path(path).read_bytes())


def for_assessment(row: dict[str, Any]) -> Instrument:
    """The exact instrument version a stored assessment was completed with."""
    return load(row["instrument_id"], row["instrument_version"])


@lru_cache(maxsize=None)
def reference_codes(domain: str) -> frozenset[str]:
    """Codes of a reference domain (resources/reference/<domain>.json)."""
    raw = (resources.files("resources") / "reference" / f"{domain}.json").read_bytes()
    return frozenset(entry["code"] for entry in json.loads(raw)["codes"])


def load_all() -> list[Instrument]:
    """Every version of every shipped instrument (validates them all)."""
    return [load(i, v) for i, vs in available().items() for v in vs]


# -- validation ----------------------------------------------------------------

class _Checker:
    """Walks one document, raising InstrumentError with `file: path` fields."""

    def __init__(self, name: str):
        self.name = name

    def fail(self, path: str, reason: str):
        raise InstrumentError(f"{self.name}: {path}", reason)

    def get(self, obj: dict, key: str, kind, path: str, *, required: bool = True,
            default: Any = None) -> Any:
        where = f"{path}.{key}" if path else key
        if not isinstance(obj, dict):
            self.fail(path or "(top level)", "must be an object")
        if key not in obj:
            if required:
                self.fail(where, "is required")
            return default
        value = obj[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if bool not in kinds and isinstance(value, bool) and (int in kinds or float in kinds):
            self.fail(where, f"must be a {_kind_name(kind)}, not true/false")
        if not isinstance(value, kinds):
            self.fail(where, f"must be a {_kind_name(kind)}")
        if isinstance(value, str) and not value.strip():
            self.fail(where, "must not be empty")
        return value

    def ident(self, obj: dict, key: str, path: str) -> str:
        value = self.get(obj, key, str, path)
        if not _ID.match(value):
            self.fail(f"{path}.{key}" if path else key,
                      f"{value!r} must be lower-case letters, digits and _ (starting with a letter)")
        return value


def _kind_name(kind) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if set(kinds) == {int, float}:
        return "number"
    names = {str: "string", int: "whole number", float: "number", bool: "true/false",
             list: "list", dict: "object"}
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def parse_instrument(name: str, raw: bytes) -> Instrument:
    """Parse and validate one instrument file; errors name the file and the field."""
    ck = _Checker(name)
    m = _FILE.match(name)
    if not m:
        ck.fail("file name", "must be <id>@<version>.json, e.g. ogrs3@1.json")
    try:
        doc = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        ck.fail("(file)", f"not valid JSON: {exc}")
    if not isinstance(doc, dict):
        ck.fail("(top level)", "must be an object")
    if ck.get(doc, "format", int, "") != FORMAT:
        ck.fail("format", f"must be {FORMAT} (this Custos reads instrument format {FORMAT})")
    inst_id = ck.ident(doc, "id", "")
    version = ck.get(doc, "version", int, "")
    if inst_id != m["id"] or version != int(m["version"]):
        ck.fail("id", f"{inst_id}@{version} does not match the file name {name}")
    title = ck.get(doc, "title", str, "")
    kind = ck.get(doc, "kind", str, "")
    if kind not in KINDS:
        ck.fail("kind", f"{kind!r} is not one of {', '.join(KINDS)}")
    description = ck.get(doc, "description", str, "")
    source = ck.get(doc, "source", str, "")
    roles = ck.get(doc, "roles", dict, "")
    role_sets = {}
    for key in ("complete", "read"):
        listed = ck.get(roles, key, list, "roles")
        if not listed:
            ck.fail(f"roles.{key}", "must name at least one role")
        for i, role in enumerate(listed):
            if role not in ROLES:
                ck.fail(f"roles.{key}[{i}]", f"{role!r} is not a role; roles are: {', '.join(ROLES)}")
        role_sets[key] = frozenset(listed)
    if not role_sets["complete"] <= role_sets["read"]:
        ck.fail("roles.read", "must include every role that may complete the instrument")
    limits = ck.get(doc, "limits", list, "")
    if not limits:
        ck.fail("limits", "must state at least one limit of the result")
    for i, text in enumerate(limits):
        if not isinstance(text, str) or not text.strip():
            ck.fail(f"limits[{i}]", "must be non-empty text")

    sections: list[Section] = []
    items: dict[str, Item] = {}
    section_ids: set[str] = set()
    raw_sections = ck.get(doc, "sections", list, "")
    if not raw_sections:
        ck.fail("sections", "must define at least one section")
    for s, sec in enumerate(raw_sections):
        spath = f"sections[{s}]"
        sid = ck.ident(sec, "id", spath)
        if sid in section_ids:
            ck.fail(f"{spath}.id", f"section {sid!r} is defined twice")
        section_ids.add(sid)
        need = ck.get(sec, "need", str, spath, required=False)
        if need is not None and need not in reference_codes("criminogenic_need"):
            ck.fail(f"{spath}.need", f"{need!r} is not a criminogenic_need code")
        sec_items = []
        raw_items = ck.get(sec, "items", list, spath)
        if not raw_items:
            ck.fail(f"{spath}.items", "must define at least one item")
        for i, it in enumerate(raw_items):
            item = _parse_item(ck, it, f"{spath}.items[{i}]", sid, items)
            items[item.id] = item
            sec_items.append(item)
        sections.append(Section(sid, ck.get(sec, "title", str, spath), tuple(sec_items), need))

    scoring = ck.get(doc, "scoring", dict, "")
    statistical = ck.get(scoring, "statistical", bool, "scoring")
    raw_rules = ck.get(scoring, "rules", list, "scoring")
    model = ck.get(doc, "model", dict, "", required=False)
    rules = _parse_rules(ck, raw_rules, items, statistical, model)
    primary = ck.get(scoring, "primary", str, "scoring", required=False)
    if primary is not None and primary not in {r["id"] for r in rules}:
        ck.fail("scoring.primary", f"{primary!r} is not the id of a scoring rule")
    if primary is not None and rules_by_id(rules)[primary]["type"] in ("checklist", "profile"):
        ck.fail("scoring.primary", "must name a rule that gives a band (sum, rating or model)")
    if kind == "actuarial" and model is None:
        ck.fail("model", "is required for an actuarial instrument")
    if model is not None:
        from app.scoring import ogrs3  # the only statistical model with an instrument file

        ogrs3.check_model_block(ck, model, items)
    inst = Instrument(
        id=inst_id, version=version, title=title, kind=kind, description=description,
        source=source, complete_roles=role_sets["complete"], read_roles=role_sets["read"],
        limits=tuple(limits), sections=tuple(sections), rules=tuple(rules), primary=primary,
        statistical=statistical, model=model, sha256=hashlib.sha256(raw).hexdigest(),
        file_name=name, items=items,
    )
    return inst


def rules_by_id(rules) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in rules}


def _parse_item(ck: _Checker, it: dict, path: str, section: str,
                earlier: dict[str, Item]) -> Item:
    iid = ck.ident(it, "id", path)
    if iid in earlier:
        ck.fail(f"{path}.id", f"item {iid!r} is defined twice")
    kind = ck.get(it, "type", str, path)
    if kind not in ANSWER_TYPES:
        ck.fail(f"{path}.type", f"{kind!r} is not one of {', '.join(ANSWER_TYPES)}")
    allowed = {"id", "label", "type", "required", "help", "show_if"} | {
        "yes_no": {"score"}, "choice": {"options"}, "rating": {"options"},
        "integer": {"min", "max"}, "date": set(), "text": {"min_length", "max_length"},
    }[kind]
    for key in it:
        if key not in allowed:
            ck.fail(f"{path}.{key}", f"is not a property of a {kind} item")
    kw: dict[str, Any] = {}
    if kind in ("choice", "rating"):
        raw = ck.get(it, "options", list, path)
        if len(raw) < 2:
            ck.fail(f"{path}.options", "must offer at least two options")
        opts, seen = [], set()
        for o, opt in enumerate(raw):
            opath = f"{path}.options[{o}]"
            value = ck.get(opt, "value", (str, int), opath)
            if value in seen:
                ck.fail(f"{opath}.value", f"{value!r} is offered twice")
            seen.add(value)
            score = ck.get(opt, "score", (int, float), opath, required=False)
            opts.append(Option(value, ck.get(opt, "label", str, opath), score))
        kw["options"] = tuple(opts)
    if kind == "integer":
        kw["minimum"] = ck.get(it, "min", int, path)
        kw["maximum"] = ck.get(it, "max", int, path, required=False)
        if kw["maximum"] is not None and kw["maximum"] < kw["minimum"]:
            ck.fail(f"{path}.max", "must not be less than min")
    if kind == "text":
        kw["min_length"] = ck.get(it, "min_length", int, path, required=False, default=0)
        kw["max_length"] = ck.get(it, "max_length", int, path, required=False, default=4000)
        if kw["min_length"] < 0 or kw["max_length"] < max(1, kw["min_length"]):
            ck.fail(f"{path}.max_length", "must be at least 1 and at least min_length")
    if kind == "yes_no" and "score" in it:
        score = ck.get(it, "score", dict, path)
        kw["yes_score"] = ck.get(score, "yes", (int, float), f"{path}.score")
        kw["no_score"] = ck.get(score, "no", (int, float), f"{path}.score", required=False,
                                default=0)
    cond = ck.get(it, "show_if", dict, path, required=False)
    if cond is not None:
        kw["show_if"] = _parse_condition(ck, cond, f"{path}.show_if", earlier)
    return Item(id=iid, label=ck.get(it, "label", str, path), type=kind, section=section,
                required=ck.get(it, "required", bool, path, required=False, default=True),
                help=ck.get(it, "help", str, path, required=False, default=""), **kw)


def _parse_condition(ck: _Checker, cond: dict, path: str, earlier: dict[str, Item]) -> Condition:
    ref = ck.get(cond, "item", str, path)
    if ref not in earlier:
        ck.fail(f"{path}.item", f"{ref!r} is not an item defined before this one")
    ops = [op for op in CONDITION_OPS if op in cond]
    extra = set(cond) - {"item", *CONDITION_OPS}
    if extra or len(ops) != 1:
        ck.fail(path, f"must have `item` and exactly one of {', '.join(CONDITION_OPS)}")
    op, value = ops[0], cond[ops[0]]
    target = earlier[ref]
    values = value if op == "in" else [value]
    if op == "in" and (not isinstance(value, list) or not value):
        ck.fail(f"{path}.in", "must be a non-empty list")
    if op == "at_least" and target.type not in ("integer", "rating"):
        ck.fail(f"{path}.at_least", "needs an integer or rating item")
    for v in values:
        if target.type == "yes_no" and not isinstance(v, bool):
            ck.fail(f"{path}.{op}", f"{ref} is a yes/no item: compare with true or false")
        if target.type in ("choice", "rating") and target.option(v) is None:
            ck.fail(f"{path}.{op}", f"{v!r} is not an option of {ref}")
        if target.type == "integer" and (isinstance(v, bool) or not isinstance(v, int)):
            ck.fail(f"{path}.{op}", f"{ref} is an integer item: compare with a whole number")
    return Condition(ref, op, value)


def _parse_rules(ck: _Checker, raw_rules: list, items: dict[str, Item], statistical: bool,
                 model: dict | None) -> list[dict[str, Any]]:
    rules: list[dict[str, Any]] = []
    ids: set[str] = set()
    for r, rule in enumerate(raw_rules):
        path = f"scoring.rules[{r}]"
        rid = ck.ident(rule, "id", path)
        if rid in ids:
            ck.fail(f"{path}.id", f"rule {rid!r} is defined twice")
        ids.add(rid)
        kind = ck.get(rule, "type", str, path)
        if kind not in RULE_TYPES:
            ck.fail(f"{path}.type", f"{kind!r} is not one of {', '.join(RULE_TYPES)}")
        ck.get(rule, "label", str, path)
        if kind in ("sum", "model") and not statistical:
            ck.fail(f"{path}.type", "a non-statistical instrument may not compute a "
                                    f"{kind} score (scoring.statistical is false)")
        if kind == "sum":
            for i, iid in enumerate(ck.get(rule, "items", list, path)):
                item = _item_ref(ck, items, iid, f"{path}.items[{i}]")
                if item.type in ("choice", "rating") and any(o.score is None for o in item.options):
                    ck.fail(f"{path}.items[{i}]", f"{iid} has options without a score")
                if item.type in ("date", "text"):
                    ck.fail(f"{path}.items[{i}]", f"{iid} is a {item.type} item and cannot be summed")
            _check_bands(ck, ck.get(rule, "bands", list, path), f"{path}.bands")
        elif kind == "flag":
            conds = ck.get(rule, "any", list, path)
            if not conds:
                ck.fail(f"{path}.any", "must list at least one condition")
            rule = {**rule, "any": [_parse_condition(ck, c, f"{path}.any[{i}]", items)
                                    for i, c in enumerate(conds)]}
            ck.get(rule, "action", str, path)
        elif kind == "profile":
            refs = ck.get(rule, "scores", list, path)
            for i, sid in enumerate(refs):
                if sid not in ids or rules_by_id(rules)[sid]["type"] != "sum":
                    ck.fail(f"{path}.scores[{i}]", f"{sid!r} is not a sum rule defined before this one")
            if ck.get(rule, "priority_from", str, path) not in BANDS:
                ck.fail(f"{path}.priority_from", f"must be one of {', '.join(BANDS)}")
        elif kind == "rating":
            item = _item_ref(ck, items, ck.get(rule, "item", str, path), f"{path}.item")
            if item.type != "rating":
                ck.fail(f"{path}.item", f"{item.id} must be a rating item")
            for opt in item.options:
                if opt.value not in BANDS:
                    ck.fail(f"{path}.item", f"option {opt.value!r} of {item.id} is not a band "
                                            f"({', '.join(BANDS)})")
            rationale = _item_ref(ck, items, ck.get(rule, "rationale", str, path), f"{path}.rationale")
            if rationale.type != "text" or not rationale.required or rationale.min_length < 20:
                ck.fail(f"{path}.rationale", "must be a required text item with min_length >= 20")
        elif kind == "checklist":
            for i, iid in enumerate(ck.get(rule, "items", list, path)):
                if _item_ref(ck, items, iid, f"{path}.items[{i}]").type != "yes_no":
                    ck.fail(f"{path}.items[{i}]", f"{iid} must be a yes/no item")
        elif kind == "model":
            if model is None:
                ck.fail(f"{path}.model", "a model rule needs a top-level `model` block")
            if ck.get(rule, "model", str, path) != model.get("id"):
                ck.fail(f"{path}.model", "must name the id of the `model` block")
        rules.append(rule)
    if not statistical and model is not None:
        ck.fail("model", "a non-statistical instrument may not carry a model")
    return rules


def _item_ref(ck: _Checker, items: dict[str, Item], iid: Any, path: str) -> Item:
    if not isinstance(iid, str) or iid not in items:
        ck.fail(path, f"{iid!r} is not an item of this instrument")
    return items[iid]


def _check_bands(ck: _Checker, bands: list, path: str) -> None:
    if not bands:
        ck.fail(path, "must define at least one band")
    last = None
    for b, band in enumerate(bands):
        bpath = f"{path}[{b}]"
        code = ck.get(band, "band", str, bpath)
        if code not in BANDS:
            ck.fail(f"{bpath}.band", f"{code!r} is not one of {', '.join(BANDS)}")
        low = ck.get(band, "min", (int, float), bpath)
        if last is not None and low <= last:
            ck.fail(f"{bpath}.min", "bands must be in increasing order of min")
        last = low
