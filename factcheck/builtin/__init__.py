"""factcheck's own behaviour, shipped as ordinary plugins.

Each module listed in :data:`BUILTIN_PLUGINS` is registered the way a
third-party plugin is; their hook implementations are marked ``trylast`` so
that any other plugin runs first.
"""

BUILTIN_PLUGINS: tuple[str, ...] = (
    "factcheck.builtin.loader",
    "factcheck.builtin.extract",
    "factcheck.builtin.relate",
    "factcheck.builtin.kinds",
    "factcheck.builtin.formatters",
    "factcheck.builtin.suppress",
    "factcheck.builtin.catalogue",
)
