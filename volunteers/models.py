"""The volunteer service ledger (志愿服务台账): volunteers, their service records and what
follows from the hours: corrections, exchanges, commendations, certificates; and the
office's inspection visits.

Personal data (phone, ID number, address) lives only here and is never indexed for search
nor exposed through the API: these are plain models, not pages or snippets.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from goodpeople.models import BrandProjectPage, CommunityPage, Station

HALF_HOUR = Decimal("0.5")
MAX_HOURS_PER_DAY = Decimal("24")

phone_validator = RegexValidator(
    r"^(1\d{10}|0\d{2,3}-?\d{7,8})$", "请填写 11 位手机号或带区号的固定电话。"
)

ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_CHECK_CHARS = "10X98765432"


def validate_id_number(value: str) -> None:
    """An 18-character resident ID number (居民身份证号码) with a correct check character."""
    value = value.upper()
    if len(value) != 18 or not value[:17].isdigit():
        raise ValidationError("身份证号码应为 18 位，前 17 位为数字。")
    total = sum(int(digit) * weight for digit, weight in zip(value[:17], ID_WEIGHTS, strict=True))
    if ID_CHECK_CHARS[total % 11] != value[17]:
        raise ValidationError("身份证号码校验位不正确，请核对。")


def validate_half_hours(value: Decimal) -> None:
    """Positive and in half-hour steps."""
    if value is None:
        return
    if value <= 0:
        raise ValidationError("时长必须大于 0。")
    if value % HALF_HOUR:
        raise ValidationError("时长以半小时为单位（例如 1.5）。")


def validate_hours(value: Decimal) -> None:
    """Service hours of one record: positive, in half-hour steps, at most a day."""
    validate_half_hours(value)
    if value is not None and value > MAX_HOURS_PER_DAY:
        raise ValidationError("一天的服务时长不能超过 24 小时。")


class Gender(models.TextChoices):
    MALE = "male", "男"
    FEMALE = "female", "女"


class Volunteer(models.Model):
    """A volunteer on a station's roster; their personal data stays with that station."""

    station = models.ForeignKey(
        Station, verbose_name="工作站", on_delete=models.PROTECT, related_name="volunteers"
    )
    name = models.CharField("姓名", max_length=50)
    gender = models.CharField("性别", max_length=6, choices=Gender.choices, blank=True)
    phone = models.CharField("联系电话", max_length=20, blank=True, validators=[phone_validator])
    id_number = models.CharField(
        "身份证号码", max_length=18, blank=True, validators=[validate_id_number]
    )
    address = models.CharField("住址", max_length=200, blank=True)
    joined_on = models.DateField("加入日期", default=datetime.date.today)
    team = models.CharField("所在服务队", max_length=100, blank=True)
    skills = models.CharField("特长", max_length=200, blank=True)
    brand_project = models.ForeignKey(
        BrandProjectPage,
        verbose_name="参与的品牌项目",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    public_consent = models.BooleanField(
        "同意在志愿者风采中展示",
        default=False,
        help_text="只有本人同意，姓名、星级和时长才会出现在公开的志愿者风采中",
    )
    mask_public_name = models.BooleanField(
        "公开时隐去名字", default=True, help_text="公开时只显示姓氏，例如“王**”"
    )
    created_at = models.DateTimeField("登记时间", auto_now_add=True)
    # Kept by volunteers.summaries whenever a record is confirmed or retired, so the
    # office's dashboard need not add up every record of the city on each view.
    confirmed_hours = models.DecimalField(
        "累计已证明时长", max_digits=8, decimal_places=1, default=0, editable=False
    )

    class Meta:
        verbose_name = "志愿者"
        verbose_name_plural = "志愿者"
        ordering = ["station", "name", "pk"]
        # The office's powers over every station's ledger; a station needs neither for its own.
        permissions = [
            ("view_all_ledgers", "查阅所有工作站的台账（含身份证号、电话、住址）"),
            ("oversee_stations", "查看全市志愿服务概览与排名，登记督查，嘉许志愿者"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["station", "id_number"],
                condition=~Q(id_number=""),
                name="one_volunteer_per_id_number_per_station",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        self.id_number = self.id_number.upper()


class ServiceRecordQuerySet(models.QuerySet):
    def current(self):
        """Records not replaced by a correction (confirmed or waiting for confirmation)."""
        return self.filter(superseded=False)

    def counted(self):
        """The records whose hours count: confirmed and not replaced by a correction."""
        return self.filter(superseded=False, confirmed_by__isnull=False)

    def pending(self):
        return self.filter(superseded=False, confirmed_by__isnull=True)


class ServiceRecord(models.Model):
    """One volunteer's service at one activity: 谁组织谁记录、谁记录谁证明.

    A record is never edited: a correction adds a replacement record and marks this one
    superseded once the replacement is confirmed, so the original always stays readable.
    """

    station = models.ForeignKey(
        Station, verbose_name="工作站", on_delete=models.PROTECT, related_name="service_records"
    )
    volunteer = models.ForeignKey(
        Volunteer, verbose_name="志愿者", on_delete=models.PROTECT, related_name="records"
    )
    activity = models.CharField("活动名称", max_length=100)
    brand_project = models.ForeignKey(
        BrandProjectPage,
        verbose_name="所属品牌项目",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    date = models.DateField("服务日期")
    place = models.CharField("服务地点", max_length=200, blank=True)
    served = models.CharField("服务对象", max_length=200, blank=True)
    content = models.TextField("服务内容", blank=True)
    hours = models.DecimalField(
        "服务时长（小时）", max_digits=4, decimal_places=1, validators=[validate_hours]
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="记录人",
        on_delete=models.PROTECT,
        related_name="recorded_service",
    )
    recorded_at = models.DateTimeField("记录时间", default=timezone.now)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="证明人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="confirmed_service",
    )
    confirmed_at = models.DateTimeField("证明时间", null=True, blank=True)
    superseded = models.BooleanField("已被更正", default=False)

    objects = ServiceRecordQuerySet.as_manager()

    class Meta:
        verbose_name = "服务记录"
        verbose_name_plural = "服务记录"
        ordering = ["-date", "-pk"]
        indexes = [
            models.Index(fields=["station", "date"]),
            models.Index(fields=["volunteer", "date"]),
            models.Index(fields=["date"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(confirmed_by__isnull=True) | ~Q(confirmed_by=F("recorded_by")),
                name="confirmer_is_not_recorder",
            ),
            models.CheckConstraint(condition=Q(hours__gt=0), name="service_hours_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.activity} {self.volunteer} {self.hours} 小时"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_by_id is not None

    @property
    def status_label(self) -> str:
        if self.superseded:
            return "已更正"
        return "已证明" if self.is_confirmed else "待证明"


class StationMonth(models.Model):
    """A station's confirmed hours in one month, kept by volunteers.summaries."""

    station = models.ForeignKey(
        Station, verbose_name="工作站", on_delete=models.CASCADE, related_name="months"
    )
    month = models.DateField("月份", help_text="当月第一天")
    hours = models.DecimalField("已证明时长", max_digits=10, decimal_places=1, default=0)
    brand_hours = models.DecimalField("品牌项目时长", max_digits=10, decimal_places=1, default=0)

    class Meta:
        verbose_name = "工作站月度时长"
        verbose_name_plural = "工作站月度时长"
        constraints = [
            models.UniqueConstraint(fields=["station", "month"], name="one_summary_per_month")
        ]

    def __str__(self) -> str:
        return f"{self.station} {self.month:%Y-%m}"


class RecordCorrection(models.Model):
    """The trail of a change to a record: the original, its replacement (or none: voided),
    why, who and when."""

    original = models.ForeignKey(
        ServiceRecord,
        verbose_name="原记录",
        on_delete=models.PROTECT,
        related_name="corrections",
    )
    replacement = models.OneToOneField(
        ServiceRecord,
        verbose_name="更正后记录",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="correction_of",
        help_text="为空表示作废原记录",
    )
    reason = models.TextField("更正原因")
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="更正人",
        on_delete=models.PROTECT,
        related_name="+",
    )
    corrected_at = models.DateTimeField("更正时间", default=timezone.now)

    class Meta:
        verbose_name = "记录更正"
        verbose_name_plural = "记录更正"
        ordering = ["-corrected_at", "-pk"]

    def __str__(self) -> str:
        return f"更正 {self.original}"

    @property
    def is_void(self) -> bool:
        return self.replacement_id is None


class HourExchange(models.Model):
    """回馈: a volunteer exchanging service hours for a community service.

    Exchanged hours come off the exchangeable balance, never off the star hours.
    """

    station = models.ForeignKey(
        Station, verbose_name="工作站", on_delete=models.PROTECT, related_name="hour_exchanges"
    )
    volunteer = models.ForeignKey(
        Volunteer, verbose_name="志愿者", on_delete=models.PROTECT, related_name="exchanges"
    )
    date = models.DateField("兑换日期", default=datetime.date.today)
    service = models.CharField("兑换的服务", max_length=200, help_text="例如：免费理发一次")
    hours = models.DecimalField(
        "使用时长（小时）", max_digits=6, decimal_places=1, validators=[validate_half_hours]
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="经办人", on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField("登记时间", default=timezone.now)

    class Meta:
        verbose_name = "时长兑换"
        verbose_name_plural = "时长兑换"
        ordering = ["-date", "-pk"]
        constraints = [models.CheckConstraint(condition=Q(hours__gt=0), name="exchange_positive")]

    def __str__(self) -> str:
        return f"{self.volunteer} {self.service} {self.hours} 小时"


class Commendation(models.Model):
    """嘉许: a title the office awards a volunteer, shown on the honour roll."""

    volunteer = models.ForeignKey(
        Volunteer, verbose_name="志愿者", on_delete=models.CASCADE, related_name="commendations"
    )
    title = models.CharField("嘉许称号", max_length=100, help_text="例如：2026年度优秀志愿者")
    awarded_on = models.DateField("授予日期", default=datetime.date.today)
    awarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="授予人", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "嘉许"
        verbose_name_plural = "嘉许"
        ordering = ["-awarded_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.volunteer} {self.title}"


class Certificate(models.Model):
    """志愿服务证明: a numbered certificate of a volunteer's hours on the day it was issued.

    The number is public (it is printed); verifying it shows only what the number proves:
    issuing station, date and hours, never who holds it.
    """

    number = models.CharField("证明编号", max_length=32, unique=True)
    volunteer = models.ForeignKey(
        Volunteer, verbose_name="志愿者", on_delete=models.PROTECT, related_name="certificates"
    )
    station = models.ForeignKey(
        Station, verbose_name="出具工作站", on_delete=models.PROTECT, related_name="certificates"
    )
    hours = models.DecimalField("累计服务时长（小时）", max_digits=8, decimal_places=1)
    record_count = models.PositiveIntegerField("服务记录条数")
    issued_on = models.DateField("出具日期", default=datetime.date.today)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="出具人", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "志愿服务证明"
        verbose_name_plural = "志愿服务证明"
        ordering = ["-issued_on", "-pk"]

    def __str__(self) -> str:
        return self.number


class Inspection(models.Model):
    """The office's visit to a community: what it found, what must be fixed, by when."""

    community = models.ForeignKey(
        CommunityPage, verbose_name="社区", on_delete=models.CASCADE, related_name="inspections"
    )
    visited_on = models.DateField("检查日期", default=datetime.date.today)
    inspectors = models.CharField("检查人员", max_length=200)
    findings = models.TextField("检查发现")
    required_fixes = models.TextField("整改要求", blank=True)
    deadline = models.DateField("整改期限", null=True, blank=True)
    fixed_on = models.DateField("整改完成日期", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    # The station reports its fix; the office confirms it (fixed_on) or sends it back.
    fix_report = models.TextField("整改情况", blank=True)
    fix_reported_on = models.DateField("报告整改日期", null=True, blank=True)
    fix_reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="报告人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    fix_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="确认人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    office_note = models.TextField("市文明办意见", blank=True)

    class Meta:
        verbose_name = "督查记录"
        verbose_name_plural = "督查记录"
        ordering = ["-visited_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.community} {self.visited_on}"

    def clean(self):
        if self.required_fixes and not self.deadline:
            raise ValidationError({"deadline": "有整改要求时请填写整改期限。"})
        if self.deadline and self.deadline < self.visited_on:
            raise ValidationError({"deadline": "整改期限不能早于检查日期。"})

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.deadline is not None and self.fixed_on is None and self.deadline < today

    def status(self, today: datetime.date | None = None) -> str:
        if not self.required_fixes:
            return "无需整改"
        if self.fixed_on:
            return "已整改"
        if self.fix_reported_on:
            return "已报告，待确认"
        return "逾期未整改" if self.is_overdue(today) else "整改中"
