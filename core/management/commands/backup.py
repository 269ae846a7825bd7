from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from core.backup import BackupError, Folders, back_up, prune, size


def megabytes(count: int) -> str:
    return f"{count / 1024 / 1024:.1f} MB"


class Command(BaseCommand):
    help = "备份数据库、媒体文件夹和私密媒体文件夹，写入 BACKUP_DIR 下以时间命名的新文件夹"

    def add_arguments(self, parser):
        parser.add_argument(
            "--keep",
            type=int,
            default=0,
            help="只保留最新的这么多份备份，删除更早的（默认全部保留）",
        )

    def handle(self, *args, **options):
        if options["keep"] < 0:
            raise CommandError("--keep 不能是负数")
        folders = Folders(settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT)
        try:
            backup = back_up(connection, folders, settings.BACKUP_DIR)
        except (BackupError, OSError) as error:
            raise CommandError(f"备份失败：{error}") from error
        parts = "，".join(
            f"{path.name} {megabytes(size(path))}" for path in sorted(backup.iterdir())
        )
        self.stdout.write(self.style.SUCCESS(f"备份已写入 {backup}（{parts}）"))
        for old in prune(settings.BACKUP_DIR, options["keep"]):
            self.stdout.write(f"已删除旧备份 {old}")
