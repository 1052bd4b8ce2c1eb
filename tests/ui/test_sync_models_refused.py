"""A model update the sync refused is shown to the user, once per model and reason."""
from app.scoring.registry import ModelRefused
from app.sync.engine import SyncSummary
from app.ui.sync_indicator import SyncController


def test_refused_model_update_is_shown_once(qtbot, runner, replica):
    controller = SyncController(runner, replica)
    shown = []
    runner.error.connect(shown.append)
    summary = SyncSummary(models={"refused": [
        {"model": "recidivism_general", "code": "withdrawn",
         "reason": "an administrator withdrew it on 2026-11-23: miscalibrated for women"}]})
    controller._report_refused_models(summary)
    controller._report_refused_models(summary)  # the next background sync: not shown again
    assert len(shown) == 1 and isinstance(shown[0], ModelRefused)
    assert str(shown[0]) == ("The model recidivism_general was refused: an administrator "
                             "withdrew it on 2026-11-23: miscalibrated for women.")
