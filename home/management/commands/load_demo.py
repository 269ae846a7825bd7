from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home.demo import load_demo


class Command(BaseCommand):
    help = "载入演示内容（可重复运行，已有内容保持不变）"

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="在 DEBUG=False 的环境中也载入（会创建演示账号）"
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError("演示内容带有公开的演示密码，生产环境不载入；确需载入请加 --force。")
        result = load_demo()
        self.stdout.write(f"演示站点已就绪：新建文章 {result['articles_created']} 篇。")
        self.stdout.write("演示账号（密码仅用于本地演示）：")
        for username, password, role in result["accounts"]:
            self.stdout.write(f"  {username} / {password}  {role}")
