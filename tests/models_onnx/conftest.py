"""The training run shared by the pipeline tests (about a second once the wheel is cached)."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def trained():
    """One full training run from the pinned data (downloaded once into models_onnx/data/)."""
    from models_onnx import train

    return train.train()
