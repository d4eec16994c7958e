"""Building the plugin manager: built-ins, entry points, plugin files, code.

Plugins are registered in this order, and the last registered runs first:

1. the built-in plugins of :mod:`factcheck.builtin` (their hooks are ``trylast``);
2. installed packages that declare an entry point in the ``factcheck`` group;
3. Python files, or folders of them, named by ``plugins:`` in the configuration;
4. plugin objects passed in by code.

Finding, loading and registering are separate steps so that each can be
tested, and every failure is a :class:`~factcheck.errors.PluginError` that
names the package and entry point, or the file.
"""
from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Iterable, Sequence

import pluggy

from factcheck import hookspecs
from factcheck.builtin import BUILTIN_PLUGINS
from factcheck.config import Config
from factcheck.errors import PLUGIN_FAILURES, PluginError

if TYPE_CHECKING:
    import importlib.metadata

ENTRY_POINT_GROUP = "factcheck"


def _any_entry_point_declared() -> bool:
    """Whether any installed distribution's ``entry_points.txt`` names the ``factcheck`` group.

    A cheap look through the import path, so that the usual run, with no
    plugin packages installed, does not pay for importing importlib.metadata.
    """
    section = f"[{ENTRY_POINT_GROUP}]"
    for folder in sys.path:
        try:
            entries = os.scandir(folder or ".")
        except OSError:
            continue
        with entries:
            for entry in entries:
                if not entry.name.endswith((".dist-info", ".egg-info")):
                    continue
                try:
                    with open(os.path.join(entry.path, "entry_points.txt"), encoding="utf-8") as handle:
                        if section in handle.read():
                            return True
                except OSError:
                    continue
    return False


def find_entry_points() -> list[importlib.metadata.EntryPoint]:
    """The entry points of installed packages in the ``factcheck`` group, sorted by name."""
    if not _any_entry_point_declared():
        return []
    import importlib.metadata

    return sorted(importlib.metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: ep.name)


def load_entry_point(entry_point: importlib.metadata.EntryPoint) -> object:
    """Import the plugin an entry point names.

    :raises PluginError: naming the distribution and the entry point.
    """
    dist = getattr(entry_point.dist, "name", None) or "unknown package"
    try:
        return entry_point.load()
    except PLUGIN_FAILURES as err:
        raise PluginError(f"cannot load plugin entry point {entry_point.name!r} = {entry_point.value!r} "
                          f"of package {dist}: {type(err).__name__}: {err}") from err


def find_path_plugins(paths: Iterable[Path]) -> list[Path]:
    """The plugin files named by ``paths``: ``.py`` files as given, folders' ``*.py`` in name order."""
    found = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.glob("*.py") if not p.name.startswith("_"))
        elif path.is_file() and path.suffix == ".py":
            found.append(path)
        else:
            raise PluginError("no such plugin file or folder (expected a .py file or a folder)", path=str(path))
    return found


def load_path_plugin(path: Path) -> ModuleType:
    """Import a plugin from a Python file under a module name unique to its path.

    :raises PluginError: naming the file, for any error while importing it.
    """
    resolved = path.resolve()
    import hashlib

    digest = hashlib.sha1(str(resolved).encode()).hexdigest()[:8]
    name = f"factcheck_plugins.{resolved.stem}_{digest}"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, resolved)
    if spec is None or spec.loader is None:
        raise PluginError("cannot import plugin file", path=str(path))
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except PLUGIN_FAILURES as err:
        del sys.modules[name]
        where = ""
        if isinstance(err, SyntaxError) and err.lineno:
            where = f" (line {err.lineno})"
        raise PluginError(f"plugin failed to import{where}: {type(err).__name__}: {err}", path=str(path)) from err
    return module


def _register(pm: pluggy.PluginManager, plugin: object, name: str) -> None:
    try:
        pm.register(plugin, name=name)
    except ValueError as err:  # already registered under another name, or a name clash
        raise PluginError(f"cannot register plugin {name}: {err}") from err
    except pluggy.PluginValidationError as err:
        raise PluginError(f"plugin {name} is invalid: {err}") from err


def build_manager(config: Config, plugins: Sequence[object] = ()) -> pluggy.PluginManager:
    """A plugin manager with every plugin of the run registered and validated.

    :param config: names the plugin files and folders to load.
    :param plugins: plugin objects to register last (they run first).
    :raises PluginError: when a plugin cannot be loaded or implements an unknown hook.
    """
    pm = pluggy.PluginManager("factcheck")
    pm.add_hookspecs(hookspecs)
    for module_name in BUILTIN_PLUGINS:
        _register(pm, importlib.import_module(module_name), module_name)
    for entry_point in find_entry_points():
        plugin = load_entry_point(entry_point)
        if not pm.is_registered(plugin):
            _register(pm, plugin, f"{entry_point.dist.name if entry_point.dist else '?'}:{entry_point.name}")
    for path in find_path_plugins(config.plugins):
        module = load_path_plugin(path)
        if not pm.is_registered(module):
            _register(pm, module, str(path))
    for index, plugin in enumerate(plugins):
        name = getattr(plugin, "__name__", None) or f"{type(plugin).__name__}-{index}"
        _register(pm, plugin, name)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as err:
        raise PluginError(f"{err} (hook names start with 'factcheck_'; see factcheck/hookspecs.py)") from err
    return pm
