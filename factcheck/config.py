"""Configuration: ``factcheck.yaml`` or ``[tool.factcheck]`` in ``pyproject.toml``.

The file is found by walking up from the current folder; the first folder
that has either one wins (a ``pyproject.toml`` without a ``[tool.factcheck]``
table does not count). Paths in it are relative to the file's folder. Every
key has a command-line twin that overrides it::

    rules: [house-rules/]     # --rules
    plugins: [plugins/]       # --plugins
    select: []                # --select
    ignore: []                # --ignore
    fail_on: warning          # --fail-on
    extensions: [.txt, .md, .markdown, .html]   # --extensions
    jobs: 4                   # --jobs (default: the number of cores)
    cache: .factcheck-cache   # --cache (default: no cache)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping

import yaml

from factcheck.errors import ConfigError
from factcheck.yamlfile import load_yaml, yaml_problem

CONFIG_NAMES = ("factcheck.yaml", "factcheck.yml")
FAIL_LEVELS = ("error", "warning", "info", "never")
# Every way TOML can spell the table: [tool.factcheck], [tool."factcheck".x], tool.factcheck.key = ..., or
# factcheck = {...} inside [tool]. Anything else cannot hold our settings.
_MAY_HOLD_OUR_TABLE = re.compile(r"""^\s*(?:\[\s*tool\s*\]|\[?\s*tool\s*\.\s*["']?factcheck\b)""", re.MULTILINE)
DEFAULT_EXTENSIONS = (".txt", ".md", ".markdown", ".html")


@dataclass(frozen=True)
class Config:
    """The settings of one run, after the file and the command line are merged."""

    rules: tuple[Path, ...] = ()
    plugins: tuple[Path, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "warning"
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    jobs: int | None = None
    cache: Path | None = None
    source: Path | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def with_overrides(self, **overrides: Any) -> Config:
        """A copy with the given settings replaced; None values are ignored."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def find_config_file(start: Path) -> tuple[Path, Mapping[str, Any]] | None:
    """The nearest configuration file at or above ``start``, with its raw settings."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate, _read_yaml(candidate)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            settings = _read_pyproject(pyproject)
            if settings is not None:
                return pyproject, settings
    return None


def _read_yaml(path: Path) -> Mapping[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
        data = load_yaml(text)
    except OSError as err:
        raise ConfigError(f"cannot read configuration: {err.strerror}", path=str(path)) from err
    except UnicodeDecodeError as err:
        raise ConfigError(f"cannot read configuration: not UTF-8 text (byte {err.start})", path=str(path)) from err
    except yaml.YAMLError as err:
        problem, line = yaml_problem(err, text)
        raise ConfigError(f"not valid YAML: {problem}", path=str(path), line=line) from err
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError("configuration must be a mapping of settings", path=str(path))
    return data


def _read_pyproject(path: Path) -> Mapping[str, Any] | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"cannot read configuration: {err}", path=str(path)) from err
    if not _MAY_HOLD_OUR_TABLE.search(text):
        return None  # no [tool.factcheck] table can be in it: spare parsing someone else's TOML
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"not valid TOML: {err}", path=str(path)) from err
    section = data.get("tool", {}).get("factcheck")
    if section is None:
        return None
    if not isinstance(section, dict):
        raise ConfigError("[tool.factcheck] must be a table", path=str(path))
    return section


def _string_list(value: Any, key: str, path: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError("must be a list of strings", path=path, key=key)
    return tuple(value)


def parse_config(settings: Mapping[str, Any], source: Path | None = None) -> Config:
    """Validate raw settings and return a :class:`Config`; paths resolve against ``source``'s folder.

    :raises ConfigError: naming the file and the key.
    """
    shown = str(source) if source else "<settings>"
    base = source.parent if source else Path.cwd()
    known = {"rules", "plugins", "select", "ignore", "fail_on", "extensions", "jobs", "cache"}
    for key in settings:
        if not isinstance(key, str):  # "5: x" or "null: x" in YAML
            raise ConfigError(f"a setting name must be a word, not {key!r}", path=shown)
        if key.replace("-", "_") not in known:
            raise ConfigError(f"unknown setting (known: {', '.join(sorted(known))})", path=shown, key=key)
    values = {key.replace("-", "_"): value for key, value in settings.items()}
    config = Config(source=source)
    if "rules" in values:
        config = replace(config, rules=tuple(base / p for p in _string_list(values["rules"], "rules", shown)))
    if "plugins" in values:
        config = replace(config, plugins=tuple(base / p for p in _string_list(values["plugins"], "plugins", shown)))
    if "select" in values:
        config = replace(config, select=_string_list(values["select"], "select", shown))
    if "ignore" in values:
        config = replace(config, ignore=_string_list(values["ignore"], "ignore", shown))
    if "fail_on" in values:
        level = values["fail_on"]
        if level not in FAIL_LEVELS:
            raise ConfigError(f"must be one of {', '.join(FAIL_LEVELS)}", path=shown, key="fail_on")
        config = replace(config, fail_on=level)
    if "extensions" in values:
        exts = _string_list(values["extensions"], "extensions", shown)
        config = replace(config, extensions=tuple(e if e.startswith(".") else "." + e for e in exts))
    if "jobs" in values:
        jobs = values["jobs"]
        if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
            raise ConfigError("must be a whole number of at least 1", path=shown, key="jobs")
        config = replace(config, jobs=jobs)
    if "cache" in values:
        if not isinstance(values["cache"], str):
            raise ConfigError("must be a folder path", path=shown, key="cache")
        config = replace(config, cache=base / values["cache"])
    return config


def load_config_file(path: Path) -> Config:
    """The configuration in one named file (``factcheck.yaml`` or a ``pyproject.toml``).

    :raises ConfigError: when the file is missing, unreadable or invalid.
    """
    if path.is_dir():
        raise ConfigError("is a folder; give a factcheck.yaml or pyproject.toml file", path=str(path))
    if not path.is_file():
        raise ConfigError("no such configuration file", path=str(path))
    if path.suffix == ".toml":
        return parse_config(_read_pyproject(path) or {}, path)
    return parse_config(_read_yaml(path), path)


def load_config(start: Path | None = None) -> Config:
    """The configuration in force for a run started in ``start`` (default: the current folder)."""
    found = find_config_file((start or Path.cwd()).resolve())
    if found is None:
        return Config()
    path, settings = found
    return parse_config(settings, path)
