"""Qt is imported through app.ui.qt only, and every UI string is translatable."""
from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "app" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_only_the_qt_module_imports_pyside6():
    offenders = [str(p.relative_to(ROOT)) for p in UI.rglob("*.py")
                 if p.name != "qt.py" and any(m.split(".")[0] in ("PySide6", "shiboken6")
                                              for m in _imports(p))]
    assert offenders == []


@pytest.mark.parametrize("lang", ["pt", "es"])
def test_portuguese_and_spanish_translate_every_string(lang):
    root = ET.parse(TRANSLATIONS / f"custos_{lang}.ts").getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 100
    untranslated = []
    for m in messages:
        t = m.find("translation")
        done = t.get("type") not in ("unfinished", "obsolete", "vanished")
        text = "".join(f.text or "" for f in t.findall("numerusform")) if m.get("numerus") \
            else (t.text or "")
        if not done or not text.strip():
            untranslated.append(m.find("source").text)
    assert untranslated == []
    assert (TRANSLATIONS / f"custos_{lang}.qm").stat().st_size > 1000


def test_the_translation_sources_cover_every_string_in_the_code(tmp_path):
    """Re-extract the strings: none is missing from the committed .ts files."""
    import subprocess
    import sys

    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in UI.rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True,
                   capture_output=True)
    def keys(path):
        root = ET.parse(path).getroot()
        return {(c.find("name").text, m.find("source").text)
                for c in root.iter("context") for m in c.iter("message")}
    assert keys(fresh) - keys(TRANSLATIONS / "custos_pt.ts") == set()
