"""Sent marks kept safe from a kill -9 at once, before the database has them.

A reply sent whose mark is not yet written goes out again after a kill -9 (once its lease runs
out). Writing a mark to the database takes a turn of the busy event loop, a thread hop and, on
SQLite, a wait for the writer lock behind a batch of steps: 10-40 ms under load, in which
several replies go out (bench/crash.py). Here each id is appended to a file of this process as
soon as its send returned: one write(2), which the kernel keeps when the process is killed
(not when the machine goes down: like SQLite's synchronous=NORMAL, unlike PostgreSQL's commit).

The file holds an exclusive flock while its process lives. A process of the same database
starting on the same machine marks sent what the files of dead processes hold (their lock is
free), before its first sweep or take-over, and removes them. A file is emptied once every
mark in it is in the database, and removed when its process has nothing left to write.

"The same database" is its identity, a random id its creating migration stored in it
(`DatabaseIdentity`), not its URL: a database dropped and created again at the same URL (a
test's, a dev database restored from another) numbers its replies from 1 again, and the ids
a dead process journaled for the old one would mark its new replies sent unsent. Until the
identity is read (`bot.storage.migrate.require_current`), nothing is journaled.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import secrets
import tempfile
import time
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from sqlalchemy import make_url

from bot.storage.database import Database

log = logging.getLogger(__name__)


# A dead process's journal of another database (a test's, one since removed) is removed once
# this old: by then the sweep has sent its replies again, had that database a process left.
STALE = timedelta(days=1)


def default_folder() -> Path:
    return Path(tempfile.gettempdir()) / f"jifen-sent-marks-{os.getuid()}"


class Journal:
    def __init__(self, db: Database, folder: Path | None = None) -> None:
        self.db = db
        self.enabled = make_url(db.url).database not in (None, "", ":memory:")  # it survives
        self.folder = folder or default_folder()
        self._fd: int | None = None
        self._path: Path | None = None

    @property
    def prefix(self) -> str | None:
        """What the names of the files of this database's processes start with."""
        return self.db.identity

    def append(self, ids: Sequence[int]) -> None:
        if not self.enabled or not ids or self.prefix is None:
            return
        if self._fd is None:
            self._open()
        if self._fd is not None:
            os.write(self._fd, b"".join(b"%d\n" % i for i in ids))

    def empty(self) -> None:
        """Every mark appended is in the database."""
        if self._fd is not None:
            os.ftruncate(self._fd, 0)

    def close(self) -> None:
        """Nothing is left to write: the file goes (a later append opens another)."""
        if self._fd is not None and self._path is not None:
            self._path.unlink(missing_ok=True)
            os.close(self._fd)
        self._fd = self._path = None

    def left_by_the_dead(self) -> tuple[list[int], list[Path]]:
        """The ids in the files of this database's processes that died, and the files to
        remove: those, and the stale ones of other databases."""
        ids: list[int] = []
        files: list[Path] = []
        if not self.enabled or self.prefix is None or not self._safe_folder():
            return ids, files
        stale = time.time() - STALE.total_seconds()
        for path in self.folder.glob("*.sent"):
            ours = path.name.startswith(f"{self.prefix}-")
            if path == self._path or not (ours or _modified(path) < stale):
                continue
            try:
                fd = os.open(path, os.O_RDONLY)
            except FileNotFoundError:
                continue  # another process starting removed it
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                continue  # its process lives, and writes its marks itself
            with os.fdopen(fd, "rb") as dead:
                if ours:
                    ids += [int(line) for line in dead.read().split() if line.isdigit()]
            files.append(path)
        return ids, files

    def _open(self) -> None:
        """Locked under a temporary name, then renamed: a process starting meanwhile never
        sees the file unlocked."""
        if not self._safe_folder():
            self.enabled = False
            return
        name = f"{self.prefix}-{os.getpid()}-{secrets.token_hex(4)}"
        opening = self.folder / f"{name}.opening"
        fd = os.open(opening, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        fcntl.flock(fd, fcntl.LOCK_EX)
        self._path = self.folder / f"{name}.sent"
        opening.rename(self._path)
        self._fd = fd

    def _safe_folder(self) -> bool:
        """Ours alone: ids planted in it by another user would mark replies sent unsent."""
        with contextlib.suppress(FileExistsError):
            self.folder.mkdir(mode=0o700, parents=True)
        info = self.folder.stat()
        if info.st_uid != os.getuid() or info.st_mode & 0o077:
            log.warning("%s is not this user's alone: sent marks are not journaled", self.folder)
            return False
        return True


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:
        return float("inf")
