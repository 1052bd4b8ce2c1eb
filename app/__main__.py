"""Entry point: `custos` / `python -m app`.

`custos` alone opens the desktop window; `custos COMMAND ...` runs a
sub-command. Sub-commands never import Qt: the window's package is imported
only when the window is asked for, so they run on servers and in scripts
without PySide6.
"""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run one command (or the window); return its exit code."""
    from app.cli import build_parser
    from app.cli.errors import report_errors
    from app.core import gc_tuning

    parser = build_parser()
    args = parser.parse_args(argv)
    if argv is None:
        # This process is Custos's own (the console script, `python -m app`), not a
        # caller's such as a test run: tune its collector (app.core.gc_tuning).
        gc_tuning.tune()
    if getattr(args, "func", None) is None:
        return open_window(args.profile)
    # Commands that end in the window (`custos demo`) are handed the opener, so
    # the Qt-free command package never imports the UI itself.
    args.open_window = open_window
    with report_errors() as outcome:
        outcome.code = args.func(args)
    return outcome.code


def open_window(profile: str, demo_actor=None) -> int:
    """Open the desktop window (imports the UI, and with it Qt, only now).

    `demo_actor` signs the demo user in directly and adds the Demo menu.
    """
    from app.cli.errors import report_errors

    try:
        from app.ui.app import run_desktop
    except ImportError as exc:  # a server install has no PySide6
        print(f"custos: the desktop window needs the 'desktop' extra ({exc.name} is missing); "
              "run `custos --help` for the commands", file=sys.stderr)
        return 2
    with report_errors() as outcome:
        outcome.code = run_desktop(profile, demo_actor=demo_actor)
    return outcome.code


if __name__ == "__main__":
    sys.exit(main())
