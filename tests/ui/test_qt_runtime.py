"""The Qt binding itself must not corrupt the interpreter.

PySide6 6.12.0 on Python 3.11 drops a reference to None on every Qt call
that returns nothing; after a few minutes of normal use the desktop aborts
with "Fatal Python error: none_dealloc". pyproject.toml pins below it; this
test fails if a binding with that fault is ever installed again.
"""
import sys


def test_qt_calls_do_not_leak_references_to_none(qtbot):
    from app.ui.qt import QLabel

    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for i in range(1000):
        label.setText(str(i))
    assert sys.getrefcount(None) >= before - 10
