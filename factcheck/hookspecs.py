"""Hook specifications: every way a plugin can extend factcheck.

A plugin is a module or object with functions named after these hooks and
marked with ``@factcheck.hookimpl``. The built-in behaviour is itself a set of
such plugins (``factcheck.builtin``), registered first and marked ``trylast``
so that any other plugin runs before it.

Registration hooks, called when a :class:`factcheck.checker.Checker` is built:

1. :func:`factcheck_unit_definitions` – extra pint definitions.
2. :func:`factcheck_check_kinds` – check kinds that rules can name.
3. :func:`factcheck_rule_paths` – rule files a plugin ships.
4. :func:`factcheck_formatters` – output formats.

Pipeline hooks, called for every document, in this order:

1. :func:`factcheck_load_document` – read a file into a :class:`~factcheck.model.Document`.
2. (segmentation into sentences, not a hook)
3. :func:`factcheck_extract` – find quantities and dates.
4. :func:`factcheck_relate` – find changes, totals, conversions and repeated mentions.
5. (each rule's check kind runs, not a hook: see :mod:`factcheck.checker`)
6. :func:`factcheck_modify_findings` – filter or edit the findings.

A plugin that raises in a pipeline hook does not stop the run: the document
gets an ``internal-error`` finding that names the plugin, and the next
document is checked as usual.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, Sequence

import pluggy

if TYPE_CHECKING:
    from factcheck.config import Config
    from factcheck.kinds import CheckKind
    from factcheck.formatters import Formatter
    from factcheck.model import Claim, Document, Finding, Mention
    from factcheck.units import Units

hookspec = pluggy.HookspecMarker("factcheck")


@hookspec
def factcheck_unit_definitions(config: Config) -> Sequence[str | Path]:
    """Return pint definitions to add to the unit registry.

    Each item is either a definition line in pint's format
    (``"furlong_per_fortnight = furlong / fortnight"``) or a :class:`~pathlib.Path`
    to a pint definitions file. Definitions are loaded once per process with
    ``on_redefinition="raise"``: redefining an existing unit is an error.

    :param config: the run's configuration.
    :returns: definition lines or files; the results of all plugins are joined.
    """


@hookspec
def factcheck_check_kinds() -> Mapping[str, CheckKind]:
    """Return the check kinds this plugin implements, by name.

    A rule file names a kind in its ``kind`` key; the kind validates the
    rule's ``params`` and runs the check (see :class:`factcheck.kinds.CheckKind`).

    :returns: a mapping of kind name to kind. The mappings of all plugins
        are merged; two plugins that register the same name are an error.
    """


@hookspec
def factcheck_rule_paths(config: Config) -> Sequence[Path]:
    """Return rule files, or folders of them, that this plugin ships.

    Rules from plugins load after the built-in rule pack and before the
    user's own rule files, so a user's rule with the same id replaces them.

    :param config: the run's configuration.
    :returns: paths to ``.yaml``/``.yml`` files or folders; all plugins' results are joined.
    """


@hookspec
def factcheck_formatters() -> Mapping[str, Formatter]:
    """Return output formats by name, for ``factcheck check --format NAME``.

    :returns: a mapping of format name to formatter (see
        :class:`factcheck.formatters.Formatter`). All plugins' mappings are
        merged; a plugin registered later replaces a format of the same name.
    """


@hookspec(firstresult=True)
def factcheck_load_document(path: Path, config: Config) -> Document | None:
    """Read the file at ``path`` into a :class:`~factcheck.model.Document`.

    Implement this to read a new file type, or to mark regions that are not
    prose (``Document.skip``). Offsets must stay true to the file as decoded.

    :param path: the file to read.
    :param config: the run's configuration.
    :returns: a Document, or None to let the next plugin try. The first
        non-None result wins; the built-in loader runs last.
    :raises factcheck.errors.InputError: when the file cannot be read.
    """


@hookspec
def factcheck_extract(document: Document, units: Units) -> Sequence[Mention]:
    """Find the quantities and dates in a document.

    Called once per document after sentence segmentation. Mentions inside
    ``document.skip`` regions must not be returned.

    :param document: the document, with ``sentences`` filled in.
    :param units: the process's unit registry wrapper, for parsing and conversion.
    :returns: :class:`~factcheck.model.Quantity` and :class:`~factcheck.model.Date`
        objects; all plugins' results are joined and sorted by position.
    """


@hookspec
def factcheck_relate(document: Document, mentions: Sequence[Mention]) -> Sequence[Claim]:
    """Find how mentions relate: changes, totals and parts, conversions, shares, repeats.

    :param document: the document being checked.
    :param mentions: every mention that the extract hooks found, in text order.
    :returns: claims (:class:`~factcheck.model.Change`, :class:`~factcheck.model.Parts`,
        :class:`~factcheck.model.Conversion`, :class:`~factcheck.model.Share`,
        :class:`~factcheck.model.Same` and others); all plugins' results are joined.
    """


@hookspec
def factcheck_modify_findings(document: Document, findings: list[Finding], config: Config) -> None:
    """Filter, reorder or rewrite a document's findings in place.

    Runs after every rule has checked the document: the place for
    suppression comments, baselines and house policies.

    :param document: the document the findings are about.
    :param findings: the findings so far; edit this list in place.
    :param config: the run's configuration.
    :returns: nothing; every plugin's implementation is called.
    """


def _all_hooks() -> dict[str, Any]:
    """Every hook specification in this module, by name (for meta-tests and docs)."""
    return {name: obj for name, obj in globals().items() if name.startswith("factcheck_")}
