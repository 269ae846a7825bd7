"""manage.py import_communities FILE: onboard districts, communities, stations and units."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.sheets import SheetError
from goodpeople.onboarding import import_file, summary

BAR_WIDTH = 30


class Command(BaseCommand):
    help = "从 .xlsx 或 .csv 导入县市区、社区、工作站与帮扶单位；有一行出错则全部不导入"

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--create-accounts",
            action="store_true",
            help="为站长创建登录账号，打印一次性密码（首次登录须修改）",
        )

    def progress(self, done: int, total: int) -> None:
        filled = BAR_WIDTH * done // total
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        ending = "\n" if done == total else "\r"
        self.stdout.write(f"[{bar}] {done}/{total}", ending=ending)
        self.stdout.flush()

    def handle(self, *args, file: Path, create_accounts: bool, **options):
        if not file.exists():
            raise CommandError(f"找不到文件：{file}")
        try:
            report, errors = import_file(
                file, create_accounts=create_accounts, progress=self.progress
            )
        except SheetError as error:
            raise CommandError(str(error)) from error
        if errors:
            for error in errors:
                self.stderr.write(error)
            raise CommandError(f"{len(errors)} 行有错误，未导入任何内容。")
        self.stdout.write(self.style.SUCCESS(summary(report)))
        if report.accounts:
            self.stdout.write(
                "工作站账号（一次性密码，首次登录须修改；请当面或短信分发，勿存档）："
            )
            for username, password, holder in report.accounts:
                self.stdout.write(f"  {username}\t{password}\t{holder}")
