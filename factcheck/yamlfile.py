"""Reading YAML safely and fast: the safe loader only, on PyYAML's C parser when it has one."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

SAFE_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """Parse YAML text with the safe loader (no arbitrary objects)."""
    return yaml.load(text, Loader=SAFE_LOADER)


def read_yaml(path: Path) -> Any:
    """Parse a UTF-8 YAML file with the safe loader."""
    return load_yaml(path.read_text(encoding="utf-8"))
