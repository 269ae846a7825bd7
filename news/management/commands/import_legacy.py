from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from news.legacy import Status, import_paths

STYLES = {
    Status.IMPORTED: "SUCCESS",
    Status.UPDATED: "SUCCESS",
    Status.SKIPPED: "WARNING",
    Status.FAILED: "ERROR",
}


class Command(BaseCommand):
    help = "导入旧站抓取的文章页（文本文件或其所在目录；再次导入同一篇会更新而不会重复）"

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="文件或目录（目录下的 .txt 文件）")
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="编辑在后台改过的文章也按旧站内容覆盖（默认跳过）",
        )

    def handle(self, *args, **options):
        counts = dict.fromkeys(Status, 0)
        for result in import_paths(options["paths"], options["overwrite"]):
            counts[result.status] += 1
            self.stdout.write(getattr(self.style, STYLES[result.status])(str(result)))
        summary = "，".join(f"{status.value} {counts[status]}" for status in Status)
        self.stdout.write(f"共 {sum(counts.values())} 个文件：{summary}")
        if counts[Status.FAILED]:
            raise CommandError(f"{counts[Status.FAILED]} 个文件未能导入，原因见上")
