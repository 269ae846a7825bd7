"""Residents' nominations of good people, waiting for their station to review them."""

import os
import uuid

from django.core.files.storage import Storage, storages
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel

from goodpeople.models.stations import Station
from goodpeople.panels import NominationPhotoPanel


class Category(models.TextChoices):
    HELPING = "helping", "助人为乐"
    BRAVE = "brave", "见义勇为"
    HONEST = "honest", "诚实守信"
    DEDICATED = "dedicated", "敬业奉献"
    FILIAL = "filial", "孝老爱亲"


def nomination_storage() -> Storage:
    """The private storage of residents' photos, which the web server does not serve.

    A callable, so each environment's STORAGES decides and migrations do not record a path.
    """
    return storages["nominations"]


def nomination_upload_to(instance, filename: str) -> str:
    # A random name: the resident's own file name may say who is in the photo.
    extension = os.path.splitext(filename)[1].lower()
    return f"{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


class Nomination(models.Model):
    """A resident's nomination of a good person, waiting for the station to review."""

    class Status(models.TextChoices):
        NEW = "new", "待处理"
        LISTED = "listed", "已上榜"
        DECLINED = "declined", "未采纳"

    board = models.ForeignKey(
        "goodpeople.GoodPeopleBoardPage",
        verbose_name="好人榜",
        on_delete=models.CASCADE,
        related_name="nominations",
    )
    name = models.CharField("被推荐人姓名", max_length=50)
    category = models.CharField("类别", max_length=12, choices=Category.choices, blank=True)
    deed = models.TextField("事迹")
    photo = models.ImageField(
        "照片", upload_to=nomination_upload_to, storage=nomination_storage, blank=True
    )
    nominator = models.CharField("推荐人", max_length=50, blank=True)
    contact = models.CharField(
        "推荐人联系方式", max_length=50, blank=True, help_text="仅供工作站核实，不公开"
    )
    submitted_at = models.DateTimeField("推荐时间", default=timezone.now)
    status = models.CharField("处理状态", max_length=10, choices=Status.choices, default=Status.NEW)
    note = models.TextField("处理意见", blank=True)

    panels = [
        FieldPanel("name", read_only=True),
        FieldPanel("category", read_only=True),
        FieldPanel("deed", read_only=True),
        NominationPhotoPanel("photo", read_only=True),
        FieldPanel("nominator", read_only=True),
        FieldPanel("contact", read_only=True),
        FieldPanel("status"),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = "好人推荐"
        verbose_name_plural = "好人推荐"
        ordering = ["-submitted_at"]
        # A station handles its own boards' nominations; this is the office's power over all.
        permissions = [("handle_all_nominations", "处理所有工作站的好人推荐（含推荐人联系方式）")]

    def __str__(self) -> str:
        return f"{self.name}（{self.board.title}）"

    @property
    def station(self) -> Station | None:
        """The station whose board was nominated to: who handles it, whose log it is in."""
        return Station.objects.filter(community__pk=self.board.get_parent().pk).first()
