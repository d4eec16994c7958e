"""Errors that stop a run or a document, each with one clear line for the user.

Findings are not errors: a finding is about the document, an error is about
the run (a bad rule file, an unreadable input, a broken plugin).
"""
from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    """The command line's exit codes."""

    OK = 0
    FINDINGS = 1
    USAGE = 2


# What a plugin may raise that is reported as that plugin's failure: everything but Ctrl-C. A
# plugin's sys.exit() must not end the run quietly with exit code 0 and no report.
PLUGIN_FAILURES: tuple[type[BaseException], ...] = (Exception, SystemExit, GeneratorExit)


class FactcheckError(Exception):
    """Base of all errors factcheck reports to the user as one line."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 key: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.key = key

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line:
            where += f":{self.line}"
        key = f"'{self.key}': " if self.key else ""
        return f"{where}: {key}{self.message}" if where else f"{key}{self.message}"


class ConfigError(FactcheckError):
    """A configuration file or command-line option is wrong."""


class RuleError(FactcheckError):
    """A rule file is malformed: unknown kind, missing key, bad value."""


class ParamError(ValueError):
    """Raised by a check kind's ``parse_params`` for a bad parameter.

    ``key`` is the dotted path of the parameter inside ``params``
    ("descriptors.incremental.max_ratio"); rules.py adds the file and line.
    """

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key
        self.message = message


class PluginError(FactcheckError):
    """A plugin could not be found, imported or registered."""


class InputError(FactcheckError):
    """A document cannot be read: binary, not UTF-8, too large, missing.

    ``not_a_document`` is True when the file holds no text at all (binary) or
    cannot be opened (a broken link, a link loop, no permission): met while
    walking a folder, such a file is passed over with a warning, not an error.
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 key: str | None = None, not_a_document: bool = False) -> None:
        super().__init__(message, path=path, line=line, key=key)
        self.not_a_document = not_a_document


class UnitError(FactcheckError):
    """A unit definition cannot be loaded, or a unit is unknown."""
