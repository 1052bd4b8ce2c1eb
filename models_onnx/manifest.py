"""The signed model manifest: build, sign, withdraw, verify (administrator tool).

    python -m models_onnx.manifest keygen --private-out PATH [--install]
    python -m models_onnx.manifest sign --key PATH [--expires-days 365]
    python -m models_onnx.manifest withdraw MODEL_ID --reason TEXT --key PATH [--out PATH]
    python -m models_onnx.manifest verify [PATH]

`sign` lists every `*.onnx` in models_onnx/ with its id, version, SHA-256,
size, input and output schema, bands, card (file and SHA-256) and expiry,
gives the manifest the next sequence number and signs it with Ed25519,
writing models_onnx/manifest.json. The private key stays with the
administrator (a file on removable media or a vault, never in the
repository); only the public key ships, in
resources/security/model_release_keys.json.

`withdraw` signs a newer manifest that marks one model withdrawn, with the
reason. Upload it to the sync server (POST /api/v1/admin/models/{id}/withdraw)
and every device refuses the model from its next sync on; devices also
refuse any manifest older than one they have accepted, so a withdrawal
cannot be undone by replaying an old manifest.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import sys
from pathlib import Path

import onnx

from app.scoring import signing
from app.scoring.registry import MANIFEST_FILE, MANIFEST_FORMAT, format_time

MODELS_DIR = Path(__file__).resolve().parent
KEYS_PATH = MODELS_DIR.parent / "resources" / "security" / signing.KEYS_FILE
DEFAULT_EXPIRY_DAYS = 365

_ELEM_TYPES = {onnx.TensorProto.DOUBLE: "float64", onnx.TensorProto.FLOAT: "float32",
               onnx.TensorProto.INT64: "int64", onnx.TensorProto.STRING: "string"}


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def _tensor_schema(value_info) -> dict:
    t = value_info.type.tensor_type
    shape = [d.dim_value if d.HasField("dim_value") else None for d in t.shape.dim]
    return {"name": value_info.name, "type": _ELEM_TYPES.get(t.elem_type, str(t.elem_type)),
            "shape": shape}


def _bands_in_percent(bands: list[dict]) -> list[dict]:
    # Signed payloads hold no floats: bands travel as whole percentages.
    return [{"band": b["band"], "from_percent": round(b["from"] * 100),
             "to_percent": round(b["to"] * 100)} for b in bands]


def model_entry(path: Path, expires: dt.datetime) -> dict:
    """The manifest entry describing one ONNX file (read from the file itself)."""
    content = path.read_bytes()
    model = onnx.load_from_string(content)
    props = {p.key: p.value for p in model.metadata_props}
    model_id = props.get("custos.model_id") or props.get("model_id") or path.stem
    version = props.get("custos.version") or props.get("model_version") or "1"
    inputs = [_tensor_schema(v) for v in model.graph.input]
    if "custos.input_schema" in props:
        inputs = [json.loads(props["custos.input_schema"])]
    elif "features" in props and len(inputs) == 1:
        inputs[0]["columns"] = [{"name": n} for n in props["features"].split(",")]
    entry = {
        "id": model_id, "version": version, "file": path.name,
        "sha256": hashlib.sha256(content).hexdigest(), "size": len(content),
        "inputs": inputs, "outputs": [_tensor_schema(v) for v in model.graph.output],
        "expires": format_time(expires), "card": None, "bands": None, "withdrawn": None,
    }
    if "custos.bands" in props:
        entry["bands"] = _bands_in_percent(json.loads(props["custos.bands"]))
    card = path.with_name(f"{path.stem}.card.json")
    if card.is_file():
        entry["card"] = {"file": card.name, "sha256": hashlib.sha256(card.read_bytes()).hexdigest()}
    return entry


def previous_sequence(path: Path) -> int:
    """The sequence number of the manifest at `path` (0 if there is none)."""
    if not path.is_file():
        return 0
    return int(json.loads(path.read_text("utf-8")).get("payload", {}).get("sequence", 0))


def build(models_dir: Path, *, sequence: int, expires: dt.datetime,
          issued_at: dt.datetime) -> dict:
    """The manifest payload for every *.onnx file in `models_dir`."""
    entries = [model_entry(p, expires) for p in sorted(models_dir.glob("*.onnx"))]
    ids = [e["id"] for e in entries]
    if len(set(ids)) != len(ids):
        raise ValueError(f"two model files share an id: {ids}")
    return {"format": MANIFEST_FORMAT, "sequence": sequence,
            "issued_at": format_time(issued_at), "models": entries}


def withdraw(payload: dict, model_id: str, *, reason: str, at: dt.datetime) -> dict:
    """A copy of `payload`, one sequence newer, with `model_id` marked withdrawn."""
    if not reason.strip():
        raise ValueError("reason: a withdrawal needs a reason")
    new = json.loads(json.dumps(payload))
    matches = [e for e in new["models"] if e["id"] == model_id]
    if not matches:
        raise ValueError(f"model_id: {model_id} is not in the manifest")
    for entry in matches:
        entry["withdrawn"] = {"at": format_time(at), "reason": reason.strip()}
    new["sequence"] = payload["sequence"] + 1
    new["issued_at"] = format_time(at)
    return new


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _keygen(args) -> int:
    out = Path(args.private_out)
    if out.exists():
        print(f"error: {out} exists; refusing to overwrite a private key", file=sys.stderr)
        return 1
    key = signing.generate_private_key()
    out.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(signing.private_key_pem(key))
    entry = signing.key_entry(key.public_key(), args.comment)
    if args.install:
        doc = json.loads(KEYS_PATH.read_text("utf-8")) if KEYS_PATH.is_file() else {"keys": []}
        doc["keys"].append(entry)
        KEYS_PATH.write_text(json.dumps(doc, indent=2) + "\n", "utf-8")
        print(f"public key {entry['key_id']} added to {KEYS_PATH}")
    else:
        print(json.dumps(entry, indent=2))
    print(f"private key written to {out} (keep it out of the repository)")
    return 0


def _sign(args) -> int:
    key = signing.load_private_key(args.key)
    out = Path(args.out) if args.out else Path(args.models_dir) / MANIFEST_FILE
    now = _utc_now()
    sequence = args.sequence or previous_sequence(out) + 1
    payload = build(Path(args.models_dir), sequence=sequence, issued_at=now,
                    expires=now + dt.timedelta(days=args.expires_days))
    _write(out, signing.dumps(signing.sign(payload, key)))
    print(f"signed manifest {sequence} with key {signing.key_id(key.public_key())}: "
          f"{', '.join(e['id'] + ' ' + e['version'] for e in payload['models'])} -> {out}")
    return 0


def _withdraw(args) -> int:
    key = signing.load_private_key(args.key)
    source = Path(args.manifest)
    keys = {signing.key_id(key.public_key()): key.public_key()}
    payload = signing.verify(source.read_bytes(), keys)
    new = withdraw(payload, args.model_id, reason=args.reason, at=_utc_now())
    out = Path(args.out) if args.out else source
    _write(out, signing.dumps(signing.sign(new, key)))
    print(f"manifest {new['sequence']} withdraws {args.model_id}; upload {out} to the server")
    return 0


def _verify(args) -> int:
    path = Path(args.manifest)
    try:
        payload = signing.verify(path.read_bytes(), signing.trusted_keys())
    except signing.SignatureError as exc:
        print(f"{path}: refused: {exc.message}", file=sys.stderr)
        return 1
    print(f"{path}: manifest {payload['sequence']} issued {payload['issued_at']}, "
          "signature valid")
    for e in payload["models"]:
        state = f"withdrawn ({e['withdrawn']['reason']})" if e.get("withdrawn") else "active"
        print(f"  {e['id']} {e['version']} sha256 {e['sha256'][:16]}... expires "
              f"{e['expires']}: {state}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m models_onnx.manifest", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("keygen", help="create a release key pair")
    p.add_argument("--private-out", required=True, help="where to write the private key (PEM)")
    p.add_argument("--install", action="store_true",
                   help="add the public key to resources/security/model_release_keys.json")
    p.add_argument("--comment", default="", help="who holds the key and since when")
    p.set_defaults(func=_keygen)
    p = sub.add_parser("sign", help="build and sign the manifest of models_onnx/*.onnx")
    p.add_argument("--key", required=True, type=Path, help="the release private key (PEM)")
    p.add_argument("--expires-days", type=int, default=DEFAULT_EXPIRY_DAYS)
    p.add_argument("--sequence", type=int, default=0, help="default: previous + 1")
    p.add_argument("--models-dir", default=str(MODELS_DIR))
    p.add_argument("--out", default=None, help="default: MODELS_DIR/manifest.json")
    p.set_defaults(func=_sign)
    p = sub.add_parser("withdraw", help="sign a newer manifest that withdraws a model")
    p.add_argument("model_id")
    p.add_argument("--reason", required=True)
    p.add_argument("--key", required=True, type=Path)
    p.add_argument("--manifest", default=str(MODELS_DIR / MANIFEST_FILE))
    p.add_argument("--out", default=None, help="default: overwrite --manifest")
    p.set_defaults(func=_withdraw)
    p = sub.add_parser("verify", help="check a manifest's signature and list its models")
    p.add_argument("manifest", nargs="?", default=str(MODELS_DIR / MANIFEST_FILE))
    p.set_defaults(func=_verify)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (OSError, ValueError, signing.SignatureError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
