"""Backups of the whole site and their restore (`manage.py backup`, `manage.py restore`).

A backup is one folder under BACKUP_DIR named after its time, `wenming-YYYYMMDD-HHMMSS`:
the database (`database.dump`, pg_dump's custom format, or `database.sqlite3`, a consistent
copy made with SQLite's backup API while the site runs) and one tar file for each of
MEDIA_ROOT and PRIVATE_MEDIA_ROOT. The database is copied first: a file uploaded meanwhile is
in the tar without a row, never a row without its file.
"""

import datetime
import os
import shutil
import sqlite3
import subprocess
import tarfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.postgresql.client import DatabaseClient
from django.utils import timezone

PREFIX = "wenming-"
POSTGRES_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
MEDIA = "media.tar"
PRIVATE_MEDIA = "private-media.tar"


class BackupError(Exception):
    """What went wrong, in words for the person running the command."""


@dataclass
class Folders:
    """The two folders of uploaded files."""

    media: Path
    private_media: Path


def back_up(
    database: BaseDatabaseWrapper,
    folders: Folders,
    backup_dir: Path,
    now: datetime.datetime | None = None,
) -> Path:
    """Write a new backup folder under backup_dir and return it.

    It is written as `<name>.partial` and renamed when whole, so a backup that failed half-way
    never looks like one. Only its owner may read it: it holds residents' private data.
    """
    name = PREFIX + timezone.localtime(now).strftime("%Y%m%d-%H%M%S")
    backup_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    final = backup_dir / name
    if final.exists():
        raise BackupError(f"{final} 已存在")
    partial = backup_dir / f"{name}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(mode=0o700)
    try:
        dump_database(database, partial)
        archive(folders.media, partial / MEDIA)
        archive(folders.private_media, partial / PRIVATE_MEDIA)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    partial.rename(final)
    return final


def restore(backup: Path, database: BaseDatabaseWrapper, folders: Folders) -> None:
    """Replace the database's contents and both folders with what the backup holds."""
    check_backup(backup, database)
    load_database(backup, database)
    unpack(backup / MEDIA, folders.media)
    unpack(backup / PRIVATE_MEDIA, folders.private_media)


def check_backup(backup: Path, database: BaseDatabaseWrapper) -> None:
    """Refuse a folder that is not a whole backup for this kind of database, before any change."""
    if not backup.is_dir():
        raise BackupError(f"找不到备份文件夹 {backup}")
    missing = [name for name in (MEDIA, PRIVATE_MEDIA) if not (backup / name).is_file()]
    if missing:
        raise BackupError(f"{backup} 不是完整的备份：缺少 {'、'.join(missing)}")
    expected = database_file(database)
    if not (backup / expected).is_file():
        if any((backup / name).is_file() for name in (POSTGRES_DUMP, SQLITE_COPY)):
            raise BackupError(
                f"{backup} 是另一种数据库的备份，当前数据库是 {database.display_name}"
            )
        raise BackupError(f"{backup} 不是完整的备份：缺少 {expected}")


def database_file(database: BaseDatabaseWrapper) -> str:
    if database.vendor == "postgresql":
        return POSTGRES_DUMP
    if database.vendor == "sqlite":
        return SQLITE_COPY
    raise BackupError(f"不支持备份 {database.display_name} 数据库")


def dump_database(database: BaseDatabaseWrapper, folder: Path) -> None:
    target = folder / database_file(database)
    if database.vendor == "postgresql":
        run_postgres("pg_dump", database, ["--format=custom", f"--file={target}"])
    else:
        database.ensure_connection()
        copy = sqlite3.connect(target)
        try:
            database.connection.backup(copy)
        finally:
            copy.close()


def load_database(backup: Path, database: BaseDatabaseWrapper) -> None:
    source = backup / database_file(database)
    if database.vendor == "postgresql":
        # All or nothing; objects owned by whoever restores, whichever role made the dump.
        options = ["--clean", "--if-exists", "--no-owner", "--no-privileges"]
        options += ["--single-transaction", "--exit-on-error"]
        run_postgres("pg_restore", database, options, str(source))
    else:
        database.ensure_connection()
        copy = sqlite3.connect(source)
        try:
            copy.backup(database.connection)
        finally:
            copy.close()


def run_postgres(
    program: str, database: BaseDatabaseWrapper, options: Sequence[str], *files: str
) -> None:
    """Run pg_dump or pg_restore against the database Django connects to."""
    # Django's psql command line: user, host and port, the password and SSL settings in the
    # environment. It ends with the database's name, which --dbname takes in both programs.
    args, env = DatabaseClient.settings_to_cmd_args_env(
        database.settings_dict, [*options, "--dbname"]
    )
    executable = shutil.which(program)
    if executable is None:
        raise BackupError(
            f"找不到 {program}：请安装 PostgreSQL 客户端（apt-get install postgresql-client）"
        )
    result = subprocess.run(  # noqa: S603 - our own argument list
        [executable, *args[1:], *files],
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise BackupError(f"{program} 失败：{result.stderr.strip()}")


def archive(folder: Path, target: Path) -> None:
    """A tar of the folder's contents; an empty one when the folder does not exist yet."""
    with tarfile.open(target, "w") as tar:
        if folder.is_dir():
            for child in sorted(folder.iterdir()):
                tar.add(child, arcname=child.name)


def unpack(source: Path, folder: Path) -> None:
    """Make folder hold exactly what the tar holds (written beside it, then swapped in)."""
    incoming = folder.with_name(f"{folder.name}.restoring")
    shutil.rmtree(incoming, ignore_errors=True)
    incoming.mkdir(parents=True)
    with tarfile.open(source) as tar:
        tar.extractall(incoming, filter="data")
    if folder.exists():
        replaced = folder.with_name(f"{folder.name}.replaced")
        shutil.rmtree(replaced, ignore_errors=True)
        folder.rename(replaced)
        incoming.rename(folder)
        shutil.rmtree(replaced)
    else:
        incoming.rename(folder)


def backups(backup_dir: Path) -> list[Path]:
    """The whole backups in backup_dir, oldest first."""
    if not backup_dir.is_dir():
        return []
    return sorted(
        path
        for path in backup_dir.iterdir()
        if path.is_dir() and path.name.startswith(PREFIX) and path.suffix != ".partial"
    )


def prune(backup_dir: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` backups; the ones deleted."""
    old = backups(backup_dir)[:-keep] if keep > 0 else []
    for path in old:
        shutil.rmtree(path)
    return old


def size(path: Path) -> int:
    """Bytes in a file, or in all files under a folder."""
    if path.is_file():
        return path.stat().st_size
    return sum(file.stat().st_size for file in path.rglob("*") if file.is_file())
