"""Write docs/rules/<id>.md for each built-in rule from its YAML file.

The rule file is the one source of truth: its ``description`` (what the rule
flags, a flagged example, a clean near-miss) is what ``factcheck explain``
prints, and this script adds the message and the parameters to make the docs
page. ``tests/test_rules_docs.py`` fails when a page is out of date.

    python scripts/rule_docs.py            # rewrite the pages
    python scripts/rule_docs.py --check    # exit 1 when a page is stale
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
RULES = REPO / "rules"
PAGES = REPO / "docs" / "rules"


def _markdown(description: str) -> str:
    """The description with its "Flagged:" and "Clean:" examples set as one code block each run."""
    out: list[str] = []
    in_examples = False
    for line in description.rstrip().splitlines():
        example = line.startswith(("Flagged:", "Clean:"))
        continuation = in_examples and line.startswith(" ") and line.strip()
        if example and not in_examples:
            out.append("```text")
            in_examples = True
        elif in_examples and not example and not continuation:
            out.append("```")
            in_examples = False
        out.append(line)
    if in_examples:
        out.append("```")
    return "\n".join(out)


def render(rule: dict, source: str) -> str:
    """The Markdown page of one rule mapping read from ``source``."""
    params = rule.get("params") or {}
    lines = [
        f"# {rule['id']}",
        "",
        f"Severity **{rule.get('severity', 'warning')}**, check kind `{rule['kind']}`, "
        f"defined in `{source}`.",
        "",
        _markdown(rule.get("description", "")),
        "",
        "## Message",
        "",
        "```",
        rule["message"],
        "```",
        "",
        "## Parameters",
        "",
    ]
    if params:
        lines += ["```yaml", yaml.safe_dump(params, sort_keys=False, width=100, allow_unicode=True).rstrip(),
                  "```"]
    else:
        lines.append("This rule takes no parameters.")
    lines += ["", f"<!-- Generated from {source} by scripts/rule_docs.py: edit the YAML, then run the script. -->",
              ""]
    return "\n".join(lines)


def pages() -> dict[Path, str]:
    """Every page the built-in rule files call for, by path."""
    found = {}
    for path in sorted(RULES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for rule in data if isinstance(data, list) else [data]:
            found[PAGES / f"{rule['id']}.md"] = render(rule, f"rules/{path.name}")
    return found


def main(argv: list[str]) -> int:
    """Rewrite the pages, or with ``--check`` report the stale ones."""
    stale = [p for p, text in pages().items() if not p.exists() or p.read_text(encoding="utf-8") != text]
    if "--check" in argv:
        for path in stale:
            print(f"out of date: {path.relative_to(REPO)}")
        return 1 if stale else 0
    PAGES.mkdir(parents=True, exist_ok=True)
    for path, text in pages().items():
        path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
