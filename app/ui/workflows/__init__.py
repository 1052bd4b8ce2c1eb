"""Officer workflows: dialogs and module pages built on the domain services.

Each workflow module exposes `start(window, person_id)` (opens its dialog
and returns it; "module:function" names another function) and, where the module has a page of its own,
`page(window)`. A workflow is offered only when the domain service it
stands on is installed, so a partial installation shows what it can do
rather than buttons that fail.
"""
from __future__ import annotations

import importlib

# workflow key -> module under app.ui.workflows
WORKFLOWS = {
    "intake": "intake",
    "case_note": "case_note",
    "move": "move",
    "grievance": "grievance",
    "incident": "incident",
    "visit": "visit",
    "allocate": "allocate",
    "alert": "warnings:start_alert",
    "non_association": "warnings:start_non_association",
    "photo": "photo",
    "close_warning": "warnings:start_close",
}

# sidebar module key -> module under app.ui.workflows that has a page(window)
PAGES = {
    "roll": "roll",
    "activities": "register",
    "discipline": "incident",
    "grievances": "grievance",
    "case_notes": "case_note",
    "visits": "visit",
}


def _load(name: str):
    try:
        return importlib.import_module(f"app.ui.workflows.{name}")
    except ModuleNotFoundError as exc:
        # Only a missing workflow or domain module means "not available".
        if exc.name and (exc.name.startswith("app.ui.workflows.")
                         or exc.name.startswith("app.domain.")):
            return None
        raise


def available(key: str) -> bool:
    return key in WORKFLOWS and _load(WORKFLOWS[key].partition(":")[0]) is not None


def start(key: str, window, person_id: str | None):
    """Open workflow `key` for `person_id` in `window`; returns its dialog (or None)."""
    if key not in WORKFLOWS:
        return None
    name, _, function = WORKFLOWS[key].partition(":")
    module = _load(name)
    if module is None:
        return None
    return getattr(module, function or "start")(window, person_id)


def module_page(key: str, window):
    """The page of sidebar module `key`, if a workflow provides one."""
    module = _load(PAGES[key]) if key in PAGES else None
    if module is None or not hasattr(module, "page"):
        return None
    return module.page(window)
