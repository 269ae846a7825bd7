"""`manage.py backup` and `manage.py restore`: what is restored into a new database and new
folders is what the site had, row for row and file for file (core/backup.py)."""

import datetime
import io
import shutil
import tempfile
from pathlib import Path
from unittest import mock

import wagtail_factories
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.test import SimpleTestCase, TransactionTestCase, override_settings

from core import backup
from core.tests.tools import require_tool
from goodpeople.factories import GoodPeopleBoardPageFactory
from goodpeople.models import Nomination
from home.factories import make_site_home
from news.factories import ArticlePageFactory, ChannelPageFactory


def row_counts(database) -> dict[str, int]:
    """Rows in every table of the database."""
    with database.cursor() as cursor:
        counts = {}
        for table in database.introspection.table_names(cursor):
            cursor.execute(f"SELECT COUNT(*) FROM {database.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file()
    }


class NewDatabase:
    """An empty database beside the test's, of the same kind, to restore into."""

    def __init__(self, folder: Path):
        settings_dict = dict(connection.settings_dict)
        if connection.vendor == "postgresql":
            self.name = f"{settings_dict['NAME']}_restored"
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{self.name}"')
                cursor.execute(f'CREATE DATABASE "{self.name}"')
        else:
            self.name = str(folder / "restored.sqlite3")
        wrapper_class = type(connections[DEFAULT_DB_ALIAS])
        self.wrapper = wrapper_class({**settings_dict, "NAME": self.name}, "restored")

    def drop(self) -> None:
        self.wrapper.close()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{self.name}"')


class BackupAndRestoreTests(TransactionTestCase):
    # pg_dump and the SQLite copy see only committed rows. Another transactional test may
    # have flushed what migrations created (the root page); this brings it back first.
    serialized_rollback = True

    def setUp(self):
        if connection.vendor == "postgresql":
            require_tool("pg_dump", "postgresql-client")
            require_tool("pg_restore", "postgresql-client")
        self.folder = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, self.folder, ignore_errors=True)
        home = make_site_home()
        channel = ChannelPageFactory(parent=home, title="动态要闻", slug="news")
        for number in range(3):
            ArticlePageFactory(
                parent=channel,
                title=f"志愿服务进社区{number}",
                lead_image=wagtail_factories.ImageFactory(title=f"合影{number}"),
            )
        board = GoodPeopleBoardPageFactory(parent=home)
        self.nomination = Nomination.objects.create(
            board=board, name="王大姐", deed="照顾独居老人", contact="13800000000"
        )
        self.nomination.photo.save("wang.png", ContentFile(b"a resident's photo"))

    def test_a_restore_into_a_new_database_has_every_row_and_file(self):
        output = io.StringIO()
        with override_settings(BACKUP_DIR=self.folder / "backups"):
            call_command("backup", stdout=output)
        [made] = backup.backups(self.folder / "backups")
        self.assertIn(f"备份已写入 {made}", output.getvalue())
        self.assertEqual(made.stat().st_mode & 0o777, 0o700)  # residents' data: owner only

        target = NewDatabase(self.folder)
        self.addCleanup(target.drop)
        restored = backup.Folders(self.folder / "media", self.folder / "private-media")
        backup.restore(made, target.wrapper, restored)

        counts = row_counts(connection)
        self.assertGreater(counts["wagtailcore_page"], 4)
        self.assertEqual(counts["goodpeople_nomination"], 1)
        self.assertEqual(row_counts(target.wrapper), counts)
        self.assertEqual(files(restored.media), files(settings.MEDIA_ROOT))
        self.assertEqual(files(restored.private_media), files(settings.PRIVATE_MEDIA_ROOT))
        self.assertIn(self.nomination.photo.name, files(restored.private_media))

    def test_a_folder_that_is_not_a_whole_backup_is_refused_and_nothing_changes(self):
        half = self.folder / "wenming-half"
        half.mkdir()
        (half / backup.MEDIA).write_bytes(b"")
        before = row_counts(connection)
        with self.assertRaisesMessage(CommandError, "不是完整的备份：缺少 private-media.tar"):
            call_command("restore", str(half), "--no-input")
        with self.assertRaisesMessage(CommandError, "找不到备份文件夹"):
            call_command("restore", str(self.folder / "nothing-here"), "--no-input")
        self.assertEqual(row_counts(connection), before)

    def test_a_backup_that_fails_half_way_leaves_nothing_that_looks_whole(self):
        backups = self.folder / "backups"
        folders = backup.Folders(settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT)
        with (
            mock.patch.object(backup, "archive", side_effect=OSError("磁盘已满")),
            self.assertRaisesMessage(OSError, "磁盘已满"),
        ):
            backup.back_up(connection, folders, backups)
        self.assertEqual(list(backups.iterdir()), [])


class PruneTests(SimpleTestCase):
    def test_keep_deletes_only_the_oldest_backups(self):
        folder = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, folder)
        day = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
        names = []
        for number in range(4):
            made = folder / (backup.PREFIX + f"{day + datetime.timedelta(days=number):%Y%m%d}")
            made.mkdir()
            names.append(made.name)
        (folder / f"{names[0]}.partial").mkdir()

        deleted = backup.prune(folder, keep=2)

        self.assertEqual([path.name for path in deleted], names[:2])
        self.assertEqual([path.name for path in backup.backups(folder)], names[2:])
        self.assertEqual(backup.prune(folder, keep=0), [])  # 0 keeps them all
