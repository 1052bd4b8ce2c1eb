"""Cyclic garbage holding Qt objects is collected on the UI thread, not on a worker
(app.ui.ui_thread_gc): Qt objects destroyed off their thread can crash the window."""
from __future__ import annotations

import gc
import threading

from app.ui.qt import QObject


def test_a_workers_cyclic_garbage_is_collected_on_the_ui_thread(qtbot, gc_on_the_ui_thread):
    died_on: list[int] = []

    class Dialogish(QObject):
        def __del__(self):
            died_on.append(threading.get_ident())

    def work():
        held = Dialogish()
        held.me = held  # a cycle: only the cyclic collector frees it
        del held
        for _ in range(3 * max(gc.get_threshold()[0], 700)):  # well past a collection
            loop: list = []
            loop.append(loop)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert died_on == [], "the worker collected garbage holding a Qt object"
    qtbot.waitUntil(lambda: bool(died_on), timeout=5000)
    assert died_on == [threading.get_ident()]


def test_collection_goes_back_to_python_after_the_window(qapp):
    from app.ui.ui_thread_gc import install

    was = gc.isenabled()
    collector = install(qapp)
    assert not gc.isenabled()
    collector.uninstall()
    collector.deleteLater()
    assert gc.isenabled() == was
