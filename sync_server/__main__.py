"""Entry point: `custos-server` / `python -m sync_server`."""
from __future__ import annotations

import sys

from app.core.errors import CustosError


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run one command; return its exit code.

    Errors a user can cause print as one line, `custos-server: error: ...`,
    with exit status 1 (argparse's own usage errors exit 2).
    """
    from .cli import build_parser

    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "func", None) is None:
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except CustosError as exc:
        print(f"custos-server: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("custos-server: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
