"""manage.py refresh_ledger_totals: recompute the ledger's running totals and roster sizes.

The totals are kept current on every confirmation, correction and void; this repairs them
after anything that wrote records around that path (a restore, a hand edit in the database).
"""

from django.core.management.base import BaseCommand

from volunteers.summaries import refresh_all


class Command(BaseCommand):
    help = "从服务记录重新计算志愿者累计时长、各工作站月度合计与名册人数（可重复运行）"

    def handle(self, *args, **options):
        volunteers, months, rosters = refresh_all()
        self.stdout.write(
            self.style.SUCCESS(
                f"已重算：{volunteers} 名志愿者的累计时长已更正，{months} 条工作站月度合计，"
                f"{rosters} 个工作站的名册人数已更正"
            )
        )
