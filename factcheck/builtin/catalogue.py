"""The built-in rule pack: the YAML files of the repository's ``rules/`` folder."""
from __future__ import annotations

from pathlib import Path

from factcheck import hookimpl
from factcheck.config import Config

_PACKAGE = Path(__file__).resolve().parent.parent


def builtin_rules_dir() -> Path:
    """Where the built-in rule files are: inside the installed package, or the source tree's ``rules/``."""
    installed = _PACKAGE / "_rules"
    return installed if installed.is_dir() else _PACKAGE.parent / "rules"


@hookimpl(trylast=True)
def factcheck_rule_paths(config: Config) -> list[Path]:
    """The built-in rule pack."""
    return [builtin_rules_dir()]
