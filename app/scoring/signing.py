"""Ed25519 signatures over model manifests.

A signed document is a JSON envelope:

    {"format": "custos-signed/1", "key_id": "<16 hex>", "signature": "<base64>",
     "payload": {...}}

The signature covers the canonical form of the payload: UTF-8 JSON with
sorted keys and no insignificant whitespace. Payloads hold only strings,
integers, booleans, null, lists and objects (no floats), so the canonical
form is unambiguous in every JSON library.

The trusted public keys ship in `resources/security/model_release_keys.json`
(a list, so a key can be rotated: sign with the new key once every device
trusts it). The private key never enters the repository; an administrator
signs with `python -m models_onnx.manifest sign --key PATH`.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import json
from importlib import resources
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

FORMAT = "custos-signed/1"
KEYS_FILE = "model_release_keys.json"


class SignatureError(Exception):
    """A signed document that cannot be trusted; `code` says why.

    Codes: "unsigned" (no signature at all), "malformed" (not a signed
    envelope), "untrusted_key" (signed by a key this device does not trust),
    "bad_signature" (the payload was changed after signing).
    """

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def canonical_bytes(payload) -> bytes:
    """The exact bytes that are signed for `payload`."""
    _check_no_floats(payload)
    return json.dumps(payload, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


def _check_no_floats(value, path: str = "payload") -> None:
    if isinstance(value, float):
        raise ValueError(f"{path}: floats are not allowed in a signed payload")
    if isinstance(value, dict):
        for k, v in value.items():
            _check_no_floats(v, f"{path}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _check_no_floats(v, f"{path}[{i}]")


def public_bytes(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id(key: Ed25519PublicKey) -> str:
    """A short fingerprint: the first 16 hex digits of SHA-256 of the raw public key."""
    return hashlib.sha256(public_bytes(key)).hexdigest()[:16]


def key_entry(key: Ed25519PublicKey, comment: str = "") -> dict:
    """The public key as an entry of model_release_keys.json."""
    return {"key_id": key_id(key), "algorithm": "Ed25519",
            "public_key": base64.b64encode(public_bytes(key)).decode("ascii"),
            "comment": comment}


def parse_keys(document: dict) -> dict[str, Ed25519PublicKey]:
    """{key_id: public key} from a keys document ({"keys": [entries]})."""
    keys = {}
    for entry in document.get("keys", []):
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(entry["public_key"]))
        if key_id(key) != entry["key_id"]:
            raise ValueError(f"key {entry['key_id']}: the id does not match the key")
        keys[entry["key_id"]] = key
    return keys


def trusted_keys(path: Path | None = None) -> dict[str, Ed25519PublicKey]:
    """The model release keys this installation trusts (shipped under resources/security)."""
    if path is None:
        text = resources.files("resources.security").joinpath(KEYS_FILE).read_text("utf-8")
    else:
        text = Path(path).read_text("utf-8")
    return parse_keys(json.loads(text))


def generate_private_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def private_key_pem(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def load_private_key(path: Path) -> Ed25519PrivateKey:
    """An Ed25519 private key from a PEM (PKCS#8) file."""
    key = serialization.load_pem_private_key(Path(path).read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{path} is not an Ed25519 private key")
    return key


def sign(payload: dict, private_key: Ed25519PrivateKey) -> dict:
    """The signed envelope of `payload`."""
    signature = private_key.sign(canonical_bytes(payload))
    return {"format": FORMAT, "key_id": key_id(private_key.public_key()),
            "signature": base64.b64encode(signature).decode("ascii"), "payload": payload}


def dumps(envelope: dict) -> bytes:
    """The envelope as it is stored and sent (readable, stable)."""
    return (json.dumps(envelope, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


def verify(document: bytes | str | dict, keys: dict[str, Ed25519PublicKey]) -> dict:
    """The payload of a signed envelope, if a trusted key signed exactly this payload."""
    if isinstance(document, (bytes, str)):
        try:
            document = json.loads(document)
        except (ValueError, UnicodeDecodeError) as exc:
            raise SignatureError("malformed", f"not valid JSON ({exc})") from None
    if not isinstance(document, dict):
        raise SignatureError("malformed", "not a signed document")
    if "signature" not in document or "key_id" not in document:
        raise SignatureError("unsigned", "it carries no signature")
    if document.get("format") != FORMAT or not isinstance(document.get("payload"), dict) \
            or not isinstance(document["key_id"], str):
        raise SignatureError("malformed", f"not a {FORMAT} document")
    key = keys.get(document["key_id"])
    if key is None:
        raise SignatureError("untrusted_key",
                             f"it is signed by key {document['key_id']}, which this "
                             "installation does not trust")
    try:
        signature = base64.b64decode(document["signature"], validate=True)
        key.verify(signature, canonical_bytes(document["payload"]))
    except (InvalidSignature, binascii.Error, ValueError, TypeError):
        raise SignatureError("bad_signature", "its signature does not match its content: "
                             "it was changed after signing") from None
    return document["payload"]
