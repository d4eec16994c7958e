"""Plugin discovery in stages: built-ins, entry points, plugin files, code."""
import sys
import textwrap
from pathlib import Path

import pytest

from factcheck import hookimpl
from factcheck.builtin import BUILTIN_PLUGINS
from factcheck.config import Config
from factcheck.errors import PluginError
from factcheck.manager import build_manager, find_entry_points, find_path_plugins, load_path_plugin


def write_plugin(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def test_builtins_are_registered_under_their_module_names():
    pm = build_manager(Config())
    assert [name for name, _ in pm.list_name_plugin()][:len(BUILTIN_PLUGINS)] == list(BUILTIN_PLUGINS)


def test_plugin_files_load_from_a_folder_in_name_order(tmp_path):
    write_plugin(tmp_path, "b_second.py", "")
    write_plugin(tmp_path, "a_first.py", "")
    write_plugin(tmp_path, "_private.py", "")
    assert [p.name for p in find_path_plugins([tmp_path])] == ["a_first.py", "b_second.py"]


def test_a_plugin_file_that_fails_to_import_names_the_file_and_line(tmp_path):
    path = write_plugin(tmp_path, "broken.py", "x = 1\ndef oops(:\n")
    with pytest.raises(PluginError) as info:
        load_path_plugin(path)
    assert str(path) in str(info.value) and "line 2" in str(info.value)


def test_a_plugin_that_raises_on_import_is_a_plugin_error(tmp_path):
    path = write_plugin(tmp_path, "raises.py", "raise RuntimeError('no database')\n")
    with pytest.raises(PluginError, match="RuntimeError: no database"):
        build_manager(Config(plugins=(path,)))


def test_a_misspelt_hook_fails_fast(tmp_path):
    path = write_plugin(tmp_path, "typo.py", """
        from factcheck import hookimpl

        @hookimpl
        def factcheck_extrakt(document):
            return []
    """)
    with pytest.raises(PluginError, match="factcheck_extrakt"):
        build_manager(Config(plugins=(path,)))


def test_missing_plugin_path_is_an_error(tmp_path):
    with pytest.raises(PluginError, match="no such plugin file"):
        find_path_plugins([tmp_path / "nope.py"])


def test_entry_point_plugins_are_found_and_loaded(tmp_path, monkeypatch):
    write_plugin(tmp_path, "fc_demo_plugin.py", """
        from factcheck import hookimpl

        @hookimpl
        def factcheck_unit_definitions(config):
            return ["smoot = 1.7018 * meter"]
    """)
    dist = tmp_path / "fc_demo_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: fc-demo-plugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[factcheck]\ndemo = fc_demo_plugin\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert "demo" in [ep.name for ep in find_entry_points()]
    pm = build_manager(Config())
    assert pm.has_plugin("fc-demo-plugin:demo")
    sys.modules.pop("fc_demo_plugin", None)


def test_a_broken_entry_point_names_package_and_entry_point(tmp_path, monkeypatch):
    dist = tmp_path / "fc_broken-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: fc-broken\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[factcheck]\nbroken = fc_missing_module\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(PluginError) as info:
        build_manager(Config())
    assert "'broken'" in str(info.value) and "fc-broken" in str(info.value)


def test_plugins_passed_in_code_run_first():
    calls = []

    class First:
        @hookimpl
        def factcheck_extract(self, document, units):
            calls.append("code")
            return []

    pm = build_manager(Config(), plugins=[First()])
    impls = pm.hook.factcheck_extract.get_hookimpls()
    assert impls[-1].plugin_name.startswith("First")
    assert impls[0].plugin_name == "factcheck.builtin.extract"
