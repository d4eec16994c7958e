"""The built-in check kinds, registered like any plugin's."""
from __future__ import annotations

from factcheck import hookimpl
from factcheck.builtin.kinds.change_arithmetic import ChangeArithmetic
from factcheck.builtin.kinds.change_descriptor import ChangeDescriptor
from factcheck.builtin.kinds.date_mismatch import DateMismatch
from factcheck.builtin.kinds.figure_conflict import FigureConflict
from factcheck.builtin.kinds.pattern import Pattern
from factcheck.builtin.kinds.share_range import ShareRange
from factcheck.builtin.kinds.sum_mismatch import SumMismatch
from factcheck.builtin.kinds.unit_conversion import UnitConversion
from factcheck.kinds import CheckKind


@hookimpl(trylast=True)
def factcheck_check_kinds() -> dict[str, CheckKind]:
    """The kinds behind the seven built-in rules, and the plain ``pattern`` kind."""
    return {
        "change-arithmetic": ChangeArithmetic(),
        "change-descriptor": ChangeDescriptor(),
        "date-mismatch": DateMismatch(),
        "figure-conflict": FigureConflict(),
        "pattern": Pattern(),
        "share-range": ShareRange(),
        "sum-mismatch": SumMismatch(),
        "unit-conversion": UnitConversion(),
    }
