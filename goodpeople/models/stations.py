"""A community's station and its accounts: what permissions and onboarding keep outside pages."""

from django.conf import settings
from django.db import models


class Station(models.Model):
    """The permissions side of a community's station: its group and its media collection.

    Kept outside the page so publishing, reverting or copying the page never touches them.
    """

    community = models.OneToOneField(
        "goodpeople.CommunityPage",
        verbose_name="社区",
        on_delete=models.CASCADE,
        related_name="station",
    )
    group = models.OneToOneField(
        "auth.Group", verbose_name="用户组", on_delete=models.PROTECT, related_name="station"
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name="图片与文档集合",
        on_delete=models.PROTECT,
        related_name="station",
    )
    # Kept by the volunteer ledger whenever its roster changes: the 五个一 standing counts
    # the team without this app reading the ledger.
    roster_size = models.PositiveIntegerField("名册人数", default=0, editable=False)

    class Meta:
        verbose_name = "工作站"
        verbose_name_plural = "工作站"
        permissions = [("view_standing", "查看五个一达标情况")]

    def __str__(self) -> str:
        return self.group.name


class PasswordChangeRequired(models.Model):
    """Marks an account whose one-time password must be replaced before anything else.

    Holds the hash of the one-time password: once the user's hash differs, it was changed.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="用户",
        on_delete=models.CASCADE,
        related_name="password_change_required",
    )
    one_time_hash = models.CharField("一次性密码哈希", max_length=256)

    class Meta:
        verbose_name = "待修改初始密码"
        verbose_name_plural = "待修改初始密码"

    def __str__(self) -> str:
        return str(self.user)
