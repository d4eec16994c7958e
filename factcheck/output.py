"""Writing a report to a file atomically: readers see the old file or the whole new one, never half.

The report goes to a temporary file in the target's folder (so that the
final rename stays on one file system) and replaces the target with
:func:`os.replace` only once it is complete. A run that fails part-way
leaves the target as it was.
"""
from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path
from typing import Iterable, Iterator, TextIO

from factcheck.errors import InputError


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def refuse_inputs(target: Path, inputs: Iterable[str], what: str = "report") -> None:
    """Refuse to write over one of the run's own input files.

    :param what: what would be written there ("report", "baseline"), for the message.
    :raises InputError: naming the file, when ``target`` is one of ``inputs``.
    """
    if not target.exists():
        return
    for name in inputs:
        if name != "-" and Path(name).exists() and os.path.samefile(name, target):
            raise InputError(f"is one of the files being checked; refusing to overwrite it with the {what}",
                             path=str(target))


def check_target(target: Path, what: str = "report") -> None:
    """Fail early, before any document is checked, when ``target`` cannot be written.

    :param what: what would be written there ("report", "baseline"), for the message.
    :raises InputError: naming the file, when its folder is missing or it is a folder.
    """
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        detail = f"{folder} is a file, not a folder" if folder.exists() else "no such folder"
        raise InputError(f"cannot write the {what}: {detail}", path=str(target))
    if target.is_dir():
        raise InputError(f"cannot write the {what}: this is a folder", path=str(target))


@contextlib.contextmanager
def atomic_output(target: Path, what: str = "report") -> Iterator[TextIO]:
    """A text stream whose content replaces ``target`` when the ``with`` block ends without an exception.

    The new file keeps the mode of the file it replaces (or gets the usual
    mode for a new file).

    :param what: what is written ("report", "baseline"), for error messages.
    :raises InputError: when the target's folder is missing or not writable.
    """
    check_target(target, what)
    folder = target.parent if str(target.parent) else Path(".")
    import tempfile  # only a run that writes a file needs it

    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise InputError(f"cannot write the {what}: {err.strerror}", path=str(target)) from err
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else _new_file_mode()
        try:
            os.chmod(temp_name, mode)
            os.replace(temp_name, target)
        except OSError as err:
            raise InputError(f"cannot write the {what}: {err.strerror}", path=str(target)) from err
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
