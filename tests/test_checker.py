"""The pipeline isolates failing plugins and applies select/ignore."""
import pytest

from factcheck import hookimpl
from factcheck.errors import ConfigError, PluginError
from factcheck.model import Severity, Span

SEED_LIKE = ('The mission will increase from 500 personnel to around 4,000, and the increases '
             'would be "incremental."\n')


class RaisesInExtract:
    @hookimpl
    def factcheck_extract(self, document, units):
        raise RuntimeError("extractor exploded")


class RaisesInRelate:
    @hookimpl
    def factcheck_relate(self, document, mentions):
        raise ValueError("bad relation")


class RaisesInModify:
    @hookimpl
    def factcheck_modify_findings(self, document, findings, config):
        raise KeyError("baseline")


class DropsAllFindings:
    @hookimpl
    def factcheck_modify_findings(self, document, findings, config):
        findings.clear()


class BrokenKind:
    fields = frozenset()

    def parse_params(self, params):
        return None

    def check(self, context, rule):
        raise ZeroDivisionError("division by zero")


class BrokenKindPlugin:
    @hookimpl
    def factcheck_check_kinds(self):
        return {"broken": BrokenKind()}


def rules(report):
    return [f.rule for f in report.findings]


def test_the_seed_sentence_gives_one_change_descriptor_finding(make_checker):
    report = make_checker().check_text(SEED_LIKE)
    assert rules(report) == ["change-descriptor"]
    [finding] = report.findings
    assert SEED_LIKE[finding.span.start:finding.span.end] == "incremental"


@pytest.mark.parametrize("plugin, words", [
    (RaisesInExtract(), "extraction failed in plugin RaisesInExtract"),
    (RaisesInRelate(), "relating mentions failed in plugin RaisesInRelate"),
    (RaisesInModify(), "modifying findings failed in plugin RaisesInModify"),
])
def test_a_raising_plugin_becomes_an_internal_error_and_the_run_goes_on(make_checker, plugin, words):
    report = make_checker(plugins=[plugin]).check_text(SEED_LIKE)
    errors = [f for f in report.findings if f.rule == "internal-error"]
    assert len(errors) == 1 and words in errors[0].message
    assert errors[0].severity is Severity.ERROR and errors[0].plugin
    assert "change-descriptor" in rules(report)


def test_a_raising_kind_names_its_rule_and_plugin(make_checker, tmp_path):
    rule = tmp_path / "broken.yaml"
    rule.write_text("id: broken-rule\nkind: broken\nmessage: m\n")
    report = make_checker(plugins=[BrokenKindPlugin()], rules=(rule,)).check_text(SEED_LIKE)
    [error] = [f for f in report.findings if f.rule == "internal-error"]
    assert "rule broken-rule" in error.message and "BrokenKindPlugin" in error.message
    assert "ZeroDivisionError" in error.message


def test_modify_findings_edits_the_list_in_place(make_checker):
    assert make_checker(plugins=[DropsAllFindings()]).check_text(SEED_LIKE).findings == ()


def test_a_pattern_rule_that_backtracks_forever_times_out(make_checker, tmp_path):
    rule = tmp_path / "slow.yaml"
    rule.write_text("id: slow\nkind: pattern\nmessage: '{match}'\nparams:\n  pattern: '(a|aa)+$'\n  timeout: 0.2\n")
    report = make_checker(rules=(rule,)).check_text("a" * 5000 + "!")
    [error] = [f for f in report.findings if f.rule == "internal-error"]
    assert "longer than 0.2 s" in error.message and str(rule) in error.message


def test_select_and_ignore(make_checker):
    assert rules(make_checker(select=("figure-conflict",)).check_text(SEED_LIKE)) == []
    assert rules(make_checker(ignore=("change-descriptor",)).check_text(SEED_LIKE)) == []
    with pytest.raises(ConfigError, match="no rule with id 'nope'"):
        make_checker(select=("nope",))


def test_duplicate_kind_names_are_refused(make_checker):
    class Again:
        @hookimpl
        def factcheck_check_kinds(self):
            return {"pattern": BrokenKind()}

    with pytest.raises(PluginError, match="registered by both"):
        make_checker(plugins=[Again()])


def test_a_user_rule_replaces_a_builtin_one(make_checker, tmp_path):
    rule = tmp_path / "strict.yaml"
    rule.write_text("id: change-descriptor\nkind: change-descriptor\nseverity: error\n"
                    "message: 'strict: {descriptor}'\nparams:\n  classes:\n"
                    "    small: {max_change: 0.01, words: [incremental]}\n")
    [finding] = make_checker(rules=(rule,)).check_text(SEED_LIKE).findings
    assert finding.severity is Severity.ERROR and finding.message == "strict: incremental"


def test_findings_are_sorted_by_position(make_checker, tmp_path):
    rule = tmp_path / "p.yaml"
    rule.write_text("id: mission-word\nkind: pattern\nmessage: '{match}'\nparams: {pattern: 'mission|increases'}\n")
    report = make_checker(rules=(rule,)).check_text(SEED_LIKE)
    starts = [f.span.start for f in report.findings]
    assert starts == sorted(starts) and len(starts) == 3
    assert report.findings[0].span == Span(4, 11)


class RtfLoader:
    """Reads a made-up ".rtf" format: everything after the first line is prose."""

    @hookimpl
    def factcheck_load_document(self, path, config):
        if path.suffix != ".rtf":
            return None
        from factcheck.model import Document

        text = path.read_text(encoding="utf-8")
        header_end = text.index("\n") + 1
        return Document(str(path), text, "rtf", skip=(Span(0, header_end),))


def test_a_loader_plugin_runs_before_the_builtin_one_and_its_skip_regions_hold(make_checker, tmp_path):
    path = tmp_path / "a.rtf"
    path.write_text("{\\rtf1 from 500 to 4,000, incremental}\n" + SEED_LIKE)
    checker = make_checker(plugins=[RtfLoader()])
    document = checker.load(path)
    assert document.format == "rtf"
    report = checker.check_document(document)
    assert [f.span.start > document.skip[0].end for f in report.findings] == [True]
    plain = tmp_path / "b.txt"
    plain.write_text(SEED_LIKE)
    assert checker.load(plain).format == "text"


class CountFormatter:
    def write(self, reports, out, run):
        from factcheck.model import Summary

        summary = Summary()
        for report in reports:
            summary.add(report)
            out.write(f"{report.path}\t{len(report.findings)}\n")
        return summary


class CountFormatPlugin:
    @hookimpl
    def factcheck_formatters(self):
        return {"count": CountFormatter()}


def test_a_formatter_plugin_adds_an_output_format(make_checker, tmp_path):
    import io

    from factcheck.formatters import RunInfo

    checker = make_checker(plugins=[CountFormatPlugin()])
    assert {"text", "json", "count"} <= set(checker.formatters)
    out = io.StringIO()
    report = checker.check_text(SEED_LIKE, path="seed.txt")
    summary = checker.formatters["count"].write([report], out, RunInfo("factcheck", "0"))
    assert out.getvalue() == "seed.txt\t1\n" and summary.findings == 1


def test_a_plugin_file_adds_a_format_to_the_command_line(run_cli, tmp_path):
    (tmp_path / "fmt.py").write_text(
        "from factcheck import hookimpl\n"
        "from factcheck.model import Summary\n\n"
        "class Paths:\n"
        "    def write(self, reports, out, run):\n"
        "        summary = Summary()\n"
        "        for report in reports:\n"
        "            summary.add(report)\n"
        "            out.write(report.path + '\\n')\n"
        "        return summary\n\n"
        "@hookimpl\n"
        "def factcheck_formatters():\n"
        "    return {'paths': Paths()}\n")
    (tmp_path / "a.txt").write_text(SEED_LIKE)
    result = run_cli("check", "--plugins", "fmt.py", "--format", "paths", "a.txt")
    assert (result.code, result.out) == (1, "a.txt\n")


class UnitsPlugin:
    @hookimpl
    def factcheck_unit_definitions(self, config):
        return ["smoot = 1.7018 * meter"]


def test_unit_definitions_from_plugins_reach_the_registry(make_checker):
    checker = make_checker(plugins=[UnitsPlugin()])
    assert checker.units.convert(1, "smoot", "meter") == pytest.approx(1.7018)


class ShipsRules:
    def __init__(self, folder):
        self.folder = folder

    @hookimpl
    def factcheck_rule_paths(self, config):
        return [self.folder]


def test_rule_paths_from_plugins_load_before_the_users(make_checker, tmp_path):
    (tmp_path / "shipped").mkdir()
    (tmp_path / "shipped" / "r.yaml").write_text("id: x-word\nkind: pattern\nmessage: plugin\nparams: {pattern: x}\n")
    (tmp_path / "user.yaml").write_text("id: x-word\nkind: pattern\nmessage: user\nparams: {pattern: x}\n")
    checker = make_checker(plugins=[ShipsRules(tmp_path / "shipped")])
    assert {r.id: r.message for r in checker.rules}["x-word"] == "plugin"
    checker = make_checker(plugins=[ShipsRules(tmp_path / "shipped")], rules=(tmp_path / "user.yaml",))
    assert {r.id: r.message for r in checker.rules}["x-word"] == "user"


def test_the_garbage_collector_is_paused_for_a_document_and_restored_after(make_checker) -> None:
    import gc

    from factcheck.checker import collector_paused

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # a caller's pause is kept
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()
    make_checker(plugins=[RaisesInExtract()]).check_text(SEED_LIKE)  # a plugin that raises on the way
    assert gc.isenabled()
