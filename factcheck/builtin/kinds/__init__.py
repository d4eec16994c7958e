"""The built-in check kinds, registered like any plugin's."""
from __future__ import annotations

from factcheck import hookimpl
from factcheck.builtin.kinds.change_descriptor import ChangeDescriptor
from factcheck.builtin.kinds.figure_conflict import FigureConflict
from factcheck.builtin.kinds.pattern import Pattern
from factcheck.kinds import CheckKind


@hookimpl(trylast=True)
def factcheck_check_kinds() -> dict[str, CheckKind]:
    """The kinds behind the built-in rules, and the plain ``pattern`` kind."""
    return {
        "change-descriptor": ChangeDescriptor(),
        "figure-conflict": FigureConflict(),
        "pattern": Pattern(),
    }
