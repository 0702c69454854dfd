"""evals.calibrate: one threshold swept again replaces only its own entry of the report."""
from __future__ import annotations

import pytest

from evals.calibrate import SWEEPS, main, merged


def test_a_sweep_run_alone_replaces_its_entry_and_keeps_the_others_in_order():
    names = [n for n, *_ in SWEEPS]
    kept = {n: {"best": 0} for n in names}
    out = merged({names[2]: {"best": 1}}, kept)
    assert list(out) == names and out[names[2]] == {"best": 1} and out[names[0]] == {"best": 0}


def test_only_a_swept_threshold_can_be_named():
    with pytest.raises(SystemExit):
        main(["--only", "passage.no_such_threshold"])
