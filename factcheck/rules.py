"""Reading and validating rule files: the only module that reads rule YAML.

A rule file holds one rule (a mapping) or several (a list of mappings)::

    id: change-descriptor
    kind: change-descriptor
    severity: warning
    message: "'{descriptor}' describes a change from {before} to {after} ({ratio:.1f}x)"
    description: |
      What the rule flags, with examples.
    params:
      descriptors: {...}

Every problem is a :class:`~factcheck.errors.RuleError` that names the file,
the line and the key, raised before any document is checked. YAML is read
with the safe loader only; anchors are expanded under a size budget so that a
hostile file cannot exhaust memory.
"""
from __future__ import annotations

import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import regex
import yaml

from factcheck.errors import ParamError, RuleError
from factcheck.kinds import CheckKind
from factcheck.model import Rule, Severity
from factcheck.yamlfile import SAFE_LOADER, yaml_problem

RULE_ID = regex.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
REQUIRED_KEYS = ("id", "kind", "message")
OPTIONAL_KEYS = ("severity", "description", "params")
MAX_FILE_BYTES = 1_000_000
MAX_NODES = 20_000
MAX_DEPTH = 40
RULE_SUFFIXES = (".yaml", ".yml")
_PLAIN_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "seq", "map")
}



@dataclass(frozen=True)
class _Located:
    """A value converted from YAML, with the line of every key below it."""

    value: Any
    lines: dict[str, int]


class _Converter:
    """Turns a composed YAML node tree into plain Python, recording key lines.

    Only the standard scalar, sequence and mapping tags are accepted, and
    the number of nodes visited (aliases counted each time) is capped.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.budget = MAX_NODES
        self.lines: dict[str, int] = {}
        self._scalars = yaml.constructor.SafeConstructor()

    def convert(self, node: yaml.Node, key: str = "", depth: int = 0) -> Any:
        self.budget -= 1
        line = node.start_mark.line + 1
        if self.budget < 0:
            raise RuleError(f"too large: more than {MAX_NODES} values (anchors included)",
                            path=self.path, line=line)
        if depth > MAX_DEPTH:
            raise RuleError(f"nested more than {MAX_DEPTH} levels deep", path=self.path, line=line)
        if node.tag not in _PLAIN_TAGS:
            raise RuleError(f"YAML tag {node.tag!r} is not allowed in rule files",
                            path=self.path, line=line, key=key or None)
        if isinstance(node, yaml.ScalarNode):
            return self._scalars.construct_object(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, f"{key}[{i}]", depth + 1) for i, item in enumerate(node.value)]
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            name = self.convert(key_node, key, depth + 1)
            if not isinstance(name, (str, int, float, bool)):
                raise RuleError("mapping keys must be plain values", path=self.path,
                                line=key_node.start_mark.line + 1, key=key or None)
            name = str(name)
            dotted = f"{key}.{name}" if key else name
            if name in result:
                raise RuleError("key given twice", path=self.path,
                                line=key_node.start_mark.line + 1, key=dotted)
            self.lines[dotted] = key_node.start_mark.line + 1
            result[name] = self.convert(value_node, dotted, depth + 1)
        return result


def _read_yaml(path: Path) -> tuple[list[tuple[Any, dict[str, int], int]], str]:
    """The rule mappings in a file, each with its key lines and its own line."""
    shown = str(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise RuleError(f"cannot read rule file: {err.strerror}", path=shown) from err
    if len(raw) > MAX_FILE_BYTES:
        raise RuleError(f"rule file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,}", path=shown)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise RuleError(f"not UTF-8 text (byte {err.start})", path=shown) from err
    try:
        root = yaml.compose(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as err:
        problem, line = yaml_problem(err, text)
        raise RuleError(f"not valid YAML: {problem}", path=shown, line=line) from err
    if root is None:
        raise RuleError("rule file is empty", path=shown)
    if root.tag not in _PLAIN_TAGS:  # the items below are checked one by one, the list holding them here
        raise RuleError(f"YAML tag {root.tag!r} is not allowed in rule files", path=shown,
                        line=root.start_mark.line + 1)
    converter = _Converter(shown)
    items = root.value if isinstance(root, yaml.SequenceNode) else [root]
    rules = []
    for node in items:
        converter.lines = {}
        value = converter.convert(node, "", 1)
        rules.append((value, converter.lines, node.start_mark.line + 1))
    return rules, shown


MAX_FORMAT_WIDTH = 200
_FIELD_NAME = regex.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_SPEC_NUMBER = regex.compile(r"\d+")


def _template_fields(template: str) -> set[str]:
    """The placeholders of a message template.

    :raises ValueError: for a malformed template, or one that reaches into a
        value ("{match.__class__}", "{x[0]}"), converts it oddly ("{x!z}") or
        pads it to a size that exhausts memory ("{x:>99999999999}").
    """
    names = set()
    for _, field, spec, conversion in string.Formatter().parse(template):
        if field is None:
            continue
        if not _FIELD_NAME.fullmatch(field):
            raise ValueError(f"placeholder {{{field}}} must be a plain name")
        if conversion not in (None, "r", "s", "a"):
            raise ValueError(f"unknown conversion !{conversion} in {{{field}}}")
        if "{" in (spec or ""):
            raise ValueError(f"nested placeholder in the format of {{{field}}}")
        if any(int(n) > MAX_FORMAT_WIDTH for n in _SPEC_NUMBER.findall(spec or "")):
            raise ValueError(f"a width or precision over {MAX_FORMAT_WIDTH} in {{{field}:{spec}}}")
        names.add(field)
    return names


def build_rule(data: Any, kinds: Mapping[str, CheckKind], *, source: str = "<code>",
               line: int = 0, lines: Mapping[str, int] | None = None) -> Rule:
    """Validate one rule mapping and return it as a :class:`~factcheck.model.Rule`.

    :param data: the mapping as read from YAML (or written in code).
    :param kinds: the check kinds registered by plugins.
    :param source: the file the rule came from, for error messages.
    :param line: the line where the rule starts.
    :param lines: the line of every dotted key inside the rule.
    :raises RuleError: naming the file, line and key of the first problem.
    """
    lines = lines or {}

    def fail(message: str, key: str | None = None) -> RuleError:
        return RuleError(message, path=source, line=lines.get(key or "", line) or None, key=key)

    if not isinstance(data, dict):
        raise fail("a rule must be a mapping with id, kind and message")
    for key in REQUIRED_KEYS:
        if key not in data:
            raise fail(f"missing required key '{key}' (a rule needs {', '.join(REQUIRED_KEYS)})")
    for key in data:
        if key not in REQUIRED_KEYS + OPTIONAL_KEYS:
            allowed = ", ".join(REQUIRED_KEYS + OPTIONAL_KEYS)
            raise fail(f"unknown key (allowed: {allowed})", key)
    rule_id, kind_name, message = data["id"], data["kind"], data["message"]
    if not isinstance(rule_id, str) or not RULE_ID.fullmatch(rule_id):
        raise fail("must be lowercase words joined by hyphens, like 'figure-conflict'", "id")
    if rule_id == "internal-error":
        raise fail("'internal-error' is reserved for plugin failures", "id")
    if not isinstance(kind_name, str) or kind_name not in kinds:
        known = ", ".join(sorted(kinds)) or "none"
        raise fail(f"unknown check kind {kind_name!r} (registered kinds: {known})", "kind")
    severity = data.get("severity", "warning")
    if severity not in {s.value for s in Severity}:
        raise fail(f"must be error, warning or info, not {severity!r}", "severity")
    if not isinstance(message, str) or not message.strip():
        raise fail("must be a non-empty string", "message")
    kind = kinds[kind_name]
    try:
        used = _template_fields(message)
    except ValueError as err:
        raise fail(f"bad message template: {err}", "message") from err
    unknown = used - set(kind.fields)
    if unknown:
        raise fail(f"unknown placeholder {{{sorted(unknown)[0]}}}; kind {kind_name!r} provides "
                   + ", ".join("{" + f + "}" for f in sorted(kind.fields)), "message")
    description = data.get("description", "")
    if not isinstance(description, str):
        raise fail("must be a string", "description")
    params = data.get("params") or {}
    if not isinstance(params, dict):
        raise fail("must be a mapping", "params")
    try:
        options = kind.parse_params(params)
    except ParamError as err:
        raise fail(err.message, f"params.{err.key}" if err.key else "params") from err
    return Rule(id=rule_id, kind=kind_name, severity=Severity(severity), message=message,
                description=description, params=params, options=options, source=source, line=line)


def rule_files(paths: Iterable[Path]) -> list[Path]:
    """The rule files named by ``paths``: files as given, folders walked in name order."""
    found = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix in RULE_SUFFIXES and p.is_file())
        elif path.exists():
            found.append(path)
        else:
            raise RuleError("no such rule file or folder", path=str(path))
    return found


def load_rule_file(path: Path, kinds: Mapping[str, CheckKind]) -> list[Rule]:
    """Every rule in one file, validated.

    :raises RuleError: for the first problem in the file.
    """
    entries, shown = _read_yaml(path)
    rules, seen = [], set()
    for data, lines, line in entries:
        rule = build_rule(data, kinds, source=shown, line=line, lines=lines)
        if rule.id in seen:
            raise RuleError(f"rule id {rule.id!r} defined twice in this file", path=shown, line=line, key="id")
        seen.add(rule.id)
        rules.append(rule)
    return rules


def load_rules(paths: Sequence[Path], kinds: Mapping[str, CheckKind]) -> list[Rule]:
    """The rule catalogue from files and folders, in order; a later rule replaces one with its id."""
    catalogue: dict[str, Rule] = {}
    for path in rule_files(paths):
        for rule in load_rule_file(path, kinds):
            catalogue.pop(rule.id, None)
            catalogue[rule.id] = rule
    return list(catalogue.values())
