"""Turn the errors a user can cause into one clear line and an exit code."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

from app.core.errors import CustosError


@dataclass
class Outcome:
    code: int = 0


@contextmanager
def report_errors() -> Iterator[Outcome]:
    """Print a CustosError as `custos: error: ...` and exit 1, not a traceback."""
    outcome = Outcome()
    try:
        yield outcome
    except CustosError as exc:
        print(f"custos: error: {exc}", file=sys.stderr)
        outcome.code = 1
    except KeyboardInterrupt:
        print("custos: interrupted", file=sys.stderr)
        outcome.code = 130
    except BrokenPipeError:
        # The reader went away (`custos status | head`): not an error worth a traceback.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        outcome.code = 0
    except Exception as exc:  # noqa: BLE001 - only a storage problem a user can act on
        from app.storage.engine import storage_problem

        problem = storage_problem(exc)
        if problem is None:
            raise
        print(f"custos: error: {problem[1]}", file=sys.stderr)
        outcome.code = 1
