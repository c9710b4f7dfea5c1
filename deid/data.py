"""Reading the data files behind the score, the template and redaction.

They live in the rules directory beside the detection rules
(``scoring.yaml``, ``population/*.yaml``, ``template.yaml``,
``redaction.yaml``). A custom rules directory without them falls back to
the shipped ones, so a user's detection rules need not repeat them.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from deid.rules import RuleError, _read_yaml, default_rules_dir


@lru_cache(maxsize=32)
def read_data(root: Path | None, name: str) -> Any:
    """Load ``name`` (a path relative to the rules directory) as YAML."""
    for base in (root, default_rules_dir()):
        if base is not None and (Path(base) / name).is_file():
            data = _read_yaml(Path(base) / name)
            if not isinstance(data, dict):
                raise RuleError(f"{Path(base) / name}: expected a mapping")
            return data
    raise RuleError(f"{name}: not found in the rules directory")
