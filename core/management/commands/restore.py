from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from core.backup import BackupError, Folders, check_backup, restore


class Command(BaseCommand):
    help = "用 manage.py backup 写的备份替换当前数据库和两个媒体文件夹的全部内容"

    def add_arguments(self, parser):
        parser.add_argument(
            "backup", type=Path, help="备份文件夹，如 var/backups/wenming-20260101-030000"
        )
        parser.add_argument("--no-input", action="store_true", help="不再询问确认")

    def handle(self, *args, **options):
        backup = options["backup"]
        folders = Folders(settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT)
        try:
            check_backup(backup, connection)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if not options["no_input"]:
            database = connection.settings_dict["NAME"]
            self.stdout.write(
                f"将用 {backup} 替换：{connection.display_name} 数据库 {database}，"
                f"{folders.media} 和 {folders.private_media} 中的全部文件。"
            )
            if input("输入 yes 继续：").strip() != "yes":
                raise CommandError("已取消，没有改动。")
        try:
            restore(backup, connection, folders)
        except (BackupError, OSError) as error:
            raise CommandError(f"恢复失败：{error}") from error
        self.stdout.write(
            self.style.SUCCESS(f"已从 {backup} 恢复。请重启网站（systemctl restart wenming）。")
        )
