"""Finding and calling the ``ldf`` binary, and turning its failures into exceptions.

The binary is looked up in this order: the ``LDF_BIN`` environment variable, ``ldf`` on
``PATH``, then ``.build/release/ldf`` and ``.build/debug/ldf`` of the toolkit's repository (the
folder holding this package's ``python/`` folder, or the current folder or one above it that
holds ``Package.swift``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import warnings
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

#: Exit status of ``ldf`` for an invalid option (it prints the usage line too).
USAGE_STATUS = 64


class LdfError(RuntimeError):
    """``ldf`` failed: ``message`` is its one-line ``error:`` text (without the prefix).

    Attributes:
        message: what ``ldf`` said, e.g. ``"x.csv: no such file (check the path)"``.
        status: the exit status (1 for a bad file or run, 64 for an invalid option), or None
            when ``ldf`` could not be started.
        command: the command line that was run.
        stderr: everything ``ldf`` wrote to standard error.
    """

    def __init__(self, message: str, *, status: int | None, command: Sequence[str] = (), stderr: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.command = list(command)
        self.stderr = stderr


class LdfUsageError(LdfError):
    """``ldf`` refused an option (exit status 64): a value out of range, an unknown choice."""


class LdfNotFoundError(LdfError):
    """No ``ldf`` binary was found (set ``LDF_BIN`` or build the toolkit)."""


class LdfWarning(UserWarning):
    """A warning ``ldf`` printed to standard error while its run succeeded."""


def _repository_roots() -> Iterable[Path]:
    """Folders that may be the toolkit's repository: the one above this package's ``python/``
    folder, then the current folder and its parents that hold ``Package.swift``."""
    here = Path(__file__).resolve().parent
    yield here.parent.parent
    cwd = Path.cwd().resolve()
    for folder in (cwd, *cwd.parents):
        if (folder / "Package.swift").is_file():
            yield folder


def find_ldf() -> Path:
    """The ``ldf`` binary to run (see the module docstring for the order).

    Raises:
        LdfNotFoundError: ``LDF_BIN`` names no executable file, or no binary was found.
    """
    named = os.environ.get("LDF_BIN")
    if named:
        path = Path(named).expanduser()
        if path.is_file() and os.access(path, os.X_OK):
            return path
        raise LdfNotFoundError(f"LDF_BIN={named} is not an executable file (build ldf or fix the variable)", status=None)
    on_path = shutil.which("ldf")
    if on_path:
        return Path(on_path)
    for root in _repository_roots():
        for configuration in ("release", "debug"):
            candidate = root / ".build" / configuration / "ldf"
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return candidate
    raise LdfNotFoundError(
        "no ldf binary found: set LDF_BIN, put ldf on PATH, or build it with `swift build -c release --product ldf`",
        status=None,
    )


def option_flags(options: Mapping[str, Any]) -> list[str]:
    """Keyword options as ``ldf`` flags: ``min_valid=0.5`` gives ``--min-valid 0.5``; ``True``
    gives the bare flag, ``False`` and ``None`` nothing; a list or tuple repeats the option once
    per value (``band=["respiratory", "cardiac"]``); floats are written in their shortest exact
    form."""
    arguments: list[str] = []
    for key, value in options.items():
        flag = "--" + key.replace("_", "-")
        if value is None or value is False:
            continue
        if value is True:
            arguments.append(flag)
        elif isinstance(value, (list, tuple)):
            for item in value:
                arguments += [flag, _text(item)]
        else:
            arguments += [flag, _text(value)]
    return arguments


def _text(value: Any) -> str:
    if isinstance(value, float):
        return repr(value)
    return os.fspath(value) if isinstance(value, os.PathLike) else str(value)


def _error_message(stderr: str, status: int) -> str:
    """The one-line ``error:`` message of a failed run, without the prefix."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    for line in lines:
        if line.startswith("error:"):
            return line[len("error:"):].strip()
    return lines[-1] if lines else f"ldf exited with status {status} and no message"


def call_ldf(arguments: Sequence[str]) -> tuple[str, str]:
    """Runs ``ldf`` with ``arguments``; returns its standard output and standard error.

    Raises:
        LdfUsageError: exit status 64 (an invalid option), with ``ldf``'s message.
        LdfError: any other non-zero exit status, with ``ldf``'s message.
        LdfNotFoundError: no binary.
    """
    command = [os.fspath(find_ldf()), *arguments]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        raise LdfNotFoundError(f"cannot run {command[0]}: {error}", status=None, command=command) from error
    if done.returncode != 0:
        kind = LdfUsageError if done.returncode == USAGE_STATUS else LdfError
        raise kind(_error_message(done.stderr, done.returncode), status=done.returncode, command=command, stderr=done.stderr)
    return done.stdout, done.stderr


def warn_lines(stderr: str, stacklevel: int) -> None:
    """Each line ``ldf`` wrote to standard error as an ``LdfWarning``."""
    for line in stderr.splitlines():
        if line.strip():
            warnings.warn(line.strip(), LdfWarning, stacklevel=stacklevel + 1)


def run_ldf(arguments: Sequence[str], *, warn: bool = True) -> str:
    """Runs ``ldf`` with ``arguments`` and returns its standard output; lines it writes to
    standard error become ``LdfWarning``s (unless ``warn`` is False). Raises as ``call_ldf``."""
    stdout, stderr = call_ldf(arguments)
    if warn:
        warn_lines(stderr, stacklevel=3)
    return stdout
