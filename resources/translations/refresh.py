"""Refresh the translation sources and compile them (run after changing UI strings).

    python resources/translations/refresh.py

1. pyside6-lupdate collects every tr()/translate()/QT_TRANSLATE_NOOP string
   of app/ui into custos_{en,pt,es}.ts, keeping the translations already made;
2. translators complete the .ts files (Qt Linguist: pyside6-linguist);
3. pyside6-lrelease compiles them into the .qm files the application loads.

English is a translation too: its source texts are English, but its plural
forms ("1 change" / "2 changes") live in custos_en.ts.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LANGUAGES = ("en", "pt", "es")


def _tool(name: str) -> str:
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else name


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app" / "ui").rglob("*.py"))
    for lang in LANGUAGES:
        ts = HERE / f"custos_{lang}.ts"
        subprocess.run([_tool("pyside6-lupdate"), *sources, "-no-obsolete",
                        "-source-language", "en", "-target-language", lang, "-ts", str(ts)],
                       cwd=ROOT, check=True)
        subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm",
                        str(HERE / f"custos_{lang}.qm")], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
