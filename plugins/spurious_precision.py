"""Example plugin: flag hedged figures written with more precision than a hedge allows.

"About 4,012 people" or "roughly 37.46%" is a contradiction: the hedge says
the figure is rough, the digits say it is exact. Editors usually mean either
"about 4,000" or "4,012".

It shows the two halves of extending factcheck without touching its code:

* a new check kind, registered by ``factcheck_check_kinds``;
* a rule that uses it, shipped beside the plugin (``spurious-precision.yaml``)
  and registered by ``factcheck_rule_paths``.

Load it by path, from the command line or the configuration file::

    factcheck check --plugins plugins/ article.md
    # factcheck.yaml
    plugins: [plugins/]
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Iterable, Mapping

from factcheck import hookimpl
from factcheck.errors import ParamError
from factcheck.kinds import CheckContext
from factcheck.model import Finding, Qualifier, Rule


def significant_digits(value: float, resolution: float) -> int:
    """How many significant digits a figure is written to: 4,012 → 4, 4,000 → 1, 37.46 → 4."""
    if value == 0 or resolution <= 0:
        return 1
    return max(1, math.floor(math.log10(abs(value) / resolution) + 1e-9) + 1)


class SpuriousPrecision:
    """Flags approximate figures ("about", "roughly") written to ``min_digits`` or more significant digits."""

    fields = frozenset({"figure", "hedge", "digits"})

    def parse_params(self, params: Mapping[str, Any]) -> dict[str, Any]:
        """``min_digits`` (default 4) and ``hedges`` (default: about, around, roughly, approximately)."""
        unknown = set(params) - {"min_digits", "hedges"}
        if unknown:
            raise ParamError(sorted(unknown)[0], "unknown parameter (allowed: hedges, min_digits)")
        min_digits = params.get("min_digits", 4)
        if not isinstance(min_digits, int) or isinstance(min_digits, bool) or min_digits < 2:
            raise ParamError("min_digits", "must be a whole number of at least 2")
        hedges = params.get("hedges", ["about", "around", "roughly", "approximately"])
        if not isinstance(hedges, list) or not all(isinstance(h, str) for h in hedges):
            raise ParamError("hedges", "must be a list of hedge words")
        return {"min_digits": min_digits, "hedges": {h.lower() for h in hedges}}

    def check(self, context: CheckContext, rule: Rule) -> Iterable[Finding]:
        """One finding per over-precise hedged figure."""
        options = rule.options
        for quantity in context.quantities:
            if quantity.qualifier != Qualifier.APPROX or quantity.value is None or not quantity.resolution:
                continue
            if (quantity.hedge or "") not in options["hedges"]:
                continue
            digits = significant_digits(quantity.value, quantity.resolution)
            if digits >= options["min_digits"]:
                yield rule.finding(quantity.span, figure=quantity.text, hedge=quantity.hedge, digits=digits)


@hookimpl
def factcheck_check_kinds() -> dict[str, SpuriousPrecision]:
    """Register the ``spurious-precision`` kind."""
    return {"spurious-precision": SpuriousPrecision()}


@hookimpl
def factcheck_rule_paths(config: object) -> list[Path]:
    """The rule that uses the kind, in the YAML file beside this one."""
    return [Path(__file__).with_name("spurious-precision.yaml")]
