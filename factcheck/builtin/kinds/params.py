"""Small validators for rule parameters; each raises ParamError naming the key."""
from __future__ import annotations

import math
from typing import Any, Mapping

from factcheck.errors import ParamError


def require_mapping(value: Any, key: str) -> Mapping[str, Any]:
    """``value`` if it is a mapping, else a ParamError for ``key``."""
    if not isinstance(value, Mapping):
        raise ParamError(key, "must be a mapping")
    return value


def number(value: Any, key: str, *, minimum: float | None = None, maximum: float | None = None) -> float:
    """``value`` as a float within bounds, else a ParamError for ``key``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ParamError(key, f"must be a number, not {value!r}")
    if not math.isfinite(value):  # NaN passes every comparison below: a .nan timeout is no timeout
        raise ParamError(key, f"must be a finite number, not {value!r}")
    if minimum is not None and value < minimum:
        raise ParamError(key, f"must be at least {minimum}")
    if maximum is not None and value > maximum:
        raise ParamError(key, f"must be at most {maximum}")
    return float(value)


def words(value: Any, key: str) -> list[str]:
    """``value`` as a non-empty list of non-empty strings, else a ParamError for ``key``."""
    if not isinstance(value, list) or not value or not all(isinstance(w, str) and w.strip() for w in value):
        raise ParamError(key, "must be a non-empty list of words")
    return [w.strip() for w in value]


def reject_unknown(params: Mapping[str, Any], allowed: set[str], prefix: str = "") -> None:
    """A ParamError for the first key of ``params`` that is not in ``allowed``."""
    for key in params:
        if key not in allowed:
            raise ParamError(f"{prefix}{key}", f"unknown parameter (allowed: {', '.join(sorted(allowed))})")


def sole_number(params: Mapping[str, Any], key: str, default: float, *, minimum: float, maximum: float) -> float:
    """The one number a kind takes, ``params[key]`` (or ``default``), refusing any other parameter."""
    reject_unknown(params, {key})
    return number(params.get(key, default), key, minimum=minimum, maximum=maximum)
