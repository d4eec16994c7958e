"""The example plugin in plugins/ extends factcheck by path, without touching factcheck/."""

import pytest

from conftest import REPO
from factcheck.checker import Checker
from factcheck.config import Config
from factcheck.errors import RuleError

PLUGINS = REPO / "plugins"
TEXT = "About 4,012 people attended the rally, roughly 37.46% of the town, and around 4,000 marched.\n"


def test_the_plugin_adds_a_kind_and_its_rule():
    checker = Checker(Config(plugins=(PLUGINS,)))
    assert "spurious-precision" in checker.kinds
    report = checker.check_text(TEXT)
    flagged = [TEXT[f.span.start:f.span.end] for f in report.findings if f.rule == "spurious-precision"]
    assert flagged == ["About 4,012 people", "roughly 37.46%"]


def test_the_plugin_is_loaded_from_the_command_line(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    result = run_cli("check", "--plugins", str(PLUGINS), "--format", "json", "a.txt")
    messages = [f["message"] for f in result.json()["files"][0]["findings"]]
    assert messages[0] == ("'About 4,012 people' is hedged with 'about' but written to 4 significant digits; "
                           "round it or drop the hedge")
    assert run_cli("rules", "--plugins", str(PLUGINS)).out.count("spurious-precision") == 1


def test_the_plugin_is_loaded_from_the_configuration_file(run_cli, tmp_path):
    (tmp_path / "factcheck.yaml").write_text(f"plugins: [{PLUGINS}]\nfail_on: info\n")
    (tmp_path / "a.txt").write_text(TEXT)
    assert run_cli("check", "a.txt").code == 1


def test_its_parameters_are_validated(tmp_path):
    rule = tmp_path / "r.yaml"
    rule.write_text("id: spurious-precision\nkind: spurious-precision\nmessage: m\nparams: {min_digits: 1}\n")
    with pytest.raises(RuleError) as info:
        Checker(Config(plugins=(PLUGINS,), rules=(rule,)))
    assert info.value.key == "params.min_digits"


def test_without_the_plugin_the_kind_is_unknown(make_checker):
    assert "spurious-precision" not in make_checker().kinds
    assert Config().plugins == ()
