"""The built-in document loader: UTF-8 text files (UTF-16 and UTF-32 with a byte order mark), Markdown and
HTML by suffix.

Markdown and HTML documents get their non-prose regions (code, markup,
URLs, front matter) in ``Document.skip``; see :mod:`factcheck.builtin.markup`.
"""
from __future__ import annotations

import codecs
import os
from pathlib import Path
from typing import BinaryIO

from factcheck import hookimpl
from factcheck.builtin.markup import scan
from factcheck.config import Config
from factcheck.errors import ConfigError, InputError
from factcheck.model import Document

MAX_FILE_BYTES = 64 * 1024 * 1024  # the default size limit of a document
LIMIT_VARIABLE = "FACTCHECK_MAX_FILE_MIB"  # the environment variable that sets another, in MiB
_FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
_SNIFF_BYTES = 8192


def document_format(path: str) -> str:
    """The format a file's suffix implies: "markdown", "html" or "text"."""
    return _FORMATS.get(Path(path).suffix.lower(), "text")


# The byte order marks other than UTF-8's, longest first (UTF-32's little-endian mark begins with
# UTF-16's): a file that starts with one is in that encoding for certain.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
         (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"), (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"))


def decode(raw: bytes, path: str) -> str:
    """Decode a file's bytes as UTF-8, or as UTF-16 or UTF-32 when a byte order mark says so; drop the mark.

    :raises InputError: for binary data or bytes that do not decode, naming
        the byte offset (and for UTF-8 the line and column) of the first bad byte.
    """
    for bom, encoding, name in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom):].decode(encoding)
            except UnicodeDecodeError as err:
                raise InputError(f"starts with a {name} byte order mark but is not {name} text: the bytes at "
                                 f"offset {err.start + len(bom)} cannot be decoded ({err.reason})",
                                 path=path) from err
            if "\0" in text[:_SNIFF_BYTES]:
                raise InputError(f"binary file (it contains NUL characters), not {name} text", path=path,
                                 not_a_document=True)
            return text
    if b"\0" in raw[:_SNIFF_BYTES]:
        raise InputError("binary file (it contains NUL bytes), not text", path=path, not_a_document=True)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        offset = err.start + (len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0)
        line = raw.count(b"\n", 0, offset) + 1
        column = offset - (raw.rfind(b"\n", 0, offset) + 1) + 1
        raise InputError(f"not UTF-8 text: byte 0x{raw[offset]:02x} at offset {offset} (line {line}, "
                         f"column {column}) cannot be decoded (save the file as UTF-8)", path=path) from err


def document_from_text(text: str, path: str) -> Document:
    """A Document for decoded text, its format picked by ``path``'s suffix and its non-prose regions marked."""
    text = text.removeprefix("\ufeff")
    format = document_format(path)
    return Document(path=path, text=text, format=format, skip=scan(text, format).skip)


def max_file_bytes() -> int:
    """The size limit of a document in bytes: ``$FACTCHECK_MAX_FILE_MIB`` MiB, or :data:`MAX_FILE_BYTES`.

    :raises ConfigError: when the variable is set to other than a whole number of at least 1.
    """
    value = os.environ.get(LIMIT_VARIABLE, "").strip()
    if not value:
        return MAX_FILE_BYTES
    try:
        mib = int(value)
    except ValueError:
        mib = 0
    if mib < 1:
        raise ConfigError(f"must be a whole number of MiB, at least 1, not {value!r}", key=LIMIT_VARIABLE)
    return mib * 2**20


def _mib(size: int) -> str:
    return f"{size // 2**20:,} MiB" if size % 2**20 == 0 else f"{size / 2**20:,.1f} MiB"


def _too_large(size: str, limit: int, shown: str) -> InputError:
    return InputError(f"file is {size}; the limit is {_mib(limit)} (set {LIMIT_VARIABLE} to raise it)",
                      path=shown)


def read_bytes(path: Path) -> bytes:
    """A file's bytes, at most :func:`max_file_bytes` of them.

    A regular file's size is known before it is read; a pipe or a device
    (``/dev/zero``, a process substitution) is read only up to the limit,
    so that it cannot exhaust memory.

    :raises InputError: naming the file, when it is too large or cannot be read.
    """
    shown = str(path)
    try:
        size, limit = path.stat().st_size, max_file_bytes()
        if size > limit:
            raise _too_large(_mib(size), limit, shown)
        with path.open("rb") as handle:
            return read_limited(handle, shown)
    except OSError as err:
        raise InputError(f"cannot read file: {err.strerror}", path=shown, not_a_document=True) from err


def read_limited(stream: BinaryIO, shown: str) -> bytes:
    """At most :func:`max_file_bytes` from a stream (a file, a pipe, standard input).

    :raises InputError: naming ``shown``, when the stream holds more.
    """
    limit = max_file_bytes()
    raw = stream.read(limit + 1)
    if len(raw) > limit:
        raise _too_large(f"more than {_mib(limit)}", limit, shown)
    return raw


@hookimpl(trylast=True)
def factcheck_load_document(path: Path, config: Config) -> Document:
    """Read a text file; refuse binary, non-UTF-8 and oversized files."""
    return document_from_text(decode(read_bytes(path), str(path)), str(path))
