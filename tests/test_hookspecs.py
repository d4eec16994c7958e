"""Meta-tests: every hook is documented and exercised by the test suite."""
import inspect
from pathlib import Path

import pytest

from factcheck import hookspecs

HOOKS = hookspecs._all_hooks()
TESTS = Path(__file__).parent


def test_the_eight_hooks_of_the_design_exist():
    assert set(HOOKS) == {
        "factcheck_unit_definitions", "factcheck_check_kinds", "factcheck_rule_paths", "factcheck_formatters",
        "factcheck_load_document", "factcheck_extract", "factcheck_relate", "factcheck_modify_findings",
    }


@pytest.mark.parametrize("name", sorted(HOOKS))
def test_every_hook_documents_its_parameters_and_result(name):
    function = HOOKS[name]
    doc = inspect.getdoc(function) or ""
    for parameter in inspect.signature(function).parameters:
        assert f":param {parameter}:" in doc, f"{name} does not document {parameter}"
    assert ":returns:" in doc
    assert name in (inspect.getdoc(hookspecs) or ""), f"{name} is missing from the module's call-order list"


@pytest.mark.parametrize("name", sorted(HOOKS))
def test_every_hook_is_implemented_by_a_plugin_in_some_test(name):
    sources = "".join(p.read_text(encoding="utf-8") for p in TESTS.glob("test_*.py") if p.name != Path(__file__).name)
    examples = "".join(p.read_text(encoding="utf-8") for p in (TESTS.parent / "plugins").glob("*.py"))
    assert f"def {name}(" in sources + examples, f"no test implements {name}"
