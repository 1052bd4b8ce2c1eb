"""`custos models list|check [--json]`: the risk models on this device and whether they may be used.

`list` shows the signed manifest in use (its sequence, where it came from,
when it was issued) and, for each model, its version, expiry, status and
whether it verifies now, with the reason when it is refused. `check` runs
the same verification and exits 1 if any installed model would be refused
(unsigned, tampered, expired, withdrawn, older than installed, missing...),
printing why, so a script or an administrator can check a device.

Verifying a model means what scoring does before each use
(app.scoring.registry): the manifest's Ed25519 signature, the model's
entry, and the SHA-256 of its file and card; it also records, as scoring
does, the version this device has now verified, so an older one is refused
later. Models are per installation, not per profile.
"""
from __future__ import annotations

import json
import sys

from app.scoring.registry import ModelRefused, ModelRegistry


def register(sub) -> None:
    p = sub.add_parser("models", help="list the risk models on this device and verify them")
    actions = p.add_subparsers(dest="models_command", metavar="ACTION", required=True)
    for name, text in (("list", "the models installed, their versions, expiry and status"),
                       ("check", "verify every installed model; exit 1 if any would be "
                                 "refused, saying why")):
        action = actions.add_parser(name, help=text)
        action.add_argument("--json", action="store_true", help="print one JSON object")
        action.set_defaults(func=run)


def inspect(registry: ModelRegistry | None = None) -> dict:
    """The manifest in use and each model's verification, as a dict.

    {"manifest": {"sequence", "issued_at", "source", "key_id"} or None,
     "refused": reason when there is no usable manifest,
     "models": [{"id", "version", "expires", "status", "verified", "code", "reason"}]}
    """
    reg = registry or ModelRegistry()
    try:
        manifest = reg.current_manifest()
    except ModelRefused as exc:
        return {"manifest": None, "refused": str(exc), "code": exc.code, "models": []}
    document = json.loads((manifest.directory / "manifest.json").read_bytes())
    source = "synced from the server" if manifest.directory == reg.store else \
        "shipped with Custos"
    out = {"manifest": {"sequence": manifest.sequence,
                        "issued_at": manifest.payload.get("issued_at"),
                        "source": source, "key_id": document.get("key_id")},
           "refused": None, "code": None, "models": []}
    for entry in reg.entries():
        row = dict(entry, verified=True, code=None, reason=None, message=None)
        try:
            reg.load(entry["id"])
        except ModelRefused as exc:
            row.update(verified=False, code=exc.code, reason=exc.reason, message=str(exc))
        row.pop("sha256", None)
        row.pop("withdrawn", None)
        out["models"].append(row)
    return out


def describe_update(models: dict) -> list[str]:
    """The model step of a sync summary (SyncSummary.models) as lines for people."""
    if not models:
        return []
    lines = []
    sequence = models.get("manifest_sequence")
    if models.get("error"):
        lines.append(f"models     not updated: {models['error']}")
    elif not models.get("checked") and not models.get("refused"):
        lines.append("models     the server publishes no models; this device keeps its own")
    elif models.get("installed"):
        lines.append(f"models     manifest {sequence} installed")
    elif not models.get("refused"):
        lines.append(f"models     up to date (manifest {sequence})")
    for item in models.get("updated", []):
        lines.append(f"  updated  {item['model']} version {item['version']}")
    for item in models.get("refused", []):
        lines.append(f"  REFUSED  {item['message']}")
    return lines


def _table(report: dict) -> list[str]:
    m = report["manifest"]
    lines = [f"manifest {m['sequence']} issued {m['issued_at']}, {m['source']}, signed by "
             f"key {m['key_id']}"]
    rows = [(e["id"], e["version"], e["expires"][:10], e["status"],
             "verified" if e["verified"] else f"REFUSED ({e['code']}): {e['reason']}")
            for e in report["models"]]
    header = ("MODEL", "VERSION", "EXPIRES", "STATUS", "VERIFICATION")
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(4)]
    for row in [header] + rows:
        lines.append("  ".join(str(v).ljust(w) for v, w in zip(row, widths)) + "  " + row[4])
    return lines


def run(args) -> int:
    report = inspect()
    refused = [e for e in report["models"] if not e["verified"]]
    if args.json:
        print(json.dumps(report, indent=2))
    elif report["manifest"] is None:
        print(f"no usable model manifest: {report['refused']}")
    elif args.models_command == "list":
        print("\n".join(_table(report)))
    else:
        for e in report["models"]:
            if e["verified"]:
                print(f"ok       {e['id']} {e['version']} (expires {e['expires'][:10]})")
            else:
                print(f"REFUSED  {e['message']}")
    if args.models_command == "check":
        if report["manifest"] is None or refused:
            count = len(refused) if report["manifest"] else "every"
            print(f"custos models check: {count} model(s) would be refused", file=sys.stderr)
            return 1
        print(f"custos models check: all {len(report['models'])} model(s) verified",
              file=sys.stderr)
    return 1 if report["manifest"] is None else 0
