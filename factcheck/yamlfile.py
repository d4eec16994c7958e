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


def yaml_problem(err: yaml.YAMLError, text: str) -> tuple[str, int | None]:
    """What is wrong in a YAML text, on one line, and the 1-based line where it is (when known).

    PyYAML's own message spans several lines ("... in "<unicode string>",
    position 0"); a reader error (a NUL or other control character) has no
    mark, only a position.
    """
    mark = getattr(err, "problem_mark", None)
    if isinstance(err, yaml.reader.ReaderError):
        line = text.count("\n", 0, err.position) + 1
        return f"character {chr(err.character)!r} is not allowed in YAML", line
    problem = getattr(err, "problem", None) or str(err).splitlines()[0]
    return problem, mark.line + 1 if mark else None
