"""Demo ledger for `manage.py load_demo`: volunteers and a year of service records for the
demo stations, so every star level, the dashboard's charts and the trails have something
to show. Called from home/demo.py after the communities exist; adds only what is missing.
"""

import datetime
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from goodpeople.models import BrandProjectPage, Station
from volunteers import corrections, exchange, records
from volunteers.certificates import issue_certificate
from volunteers.models import Commendation, Inspection, ServiceRecord, Volunteer
from volunteers.summaries import refresh_all

DEMO_STATIONS = 14
# The first station's volunteers reach every star level (hours for 5★ down to none).
STAR_TARGETS = [1520, 1050, 640, 320, 110, 45]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡"
GIVEN = [
    "秀兰",
    "建国",
    "桂英",
    "志强",
    "美华",
    "海燕",
    "国平",
    "丽娟",
    "文明",
    "红梅",
    "德胜",
    "春燕",
]
TEAMS = ["爱心理发队", "敬老服务队", "文明劝导队", "环境卫生队", "四点半课堂"]
ACTIVITIES = [
    ("上门理发", "独居老人"),
    ("量血压", "辖区老人"),
    ("路口文明劝导", "过往行人"),
    ("楼道清理", "小区居民"),
    ("课业辅导", "双职工家庭子女"),
    ("防诈骗宣传", "社区居民"),
]
RECORDER_NAME = "ledger-demo-recorder"
CONFIRMER_NAME = "ledger-demo-confirmer"


def demo_users(station: Station) -> tuple:
    """Who records and who confirms: the station's own accounts where it has them, else demo
    clerks that cannot log in (every record needs a name behind it)."""
    members = list(station.group.user_set.order_by("pk")[:2])
    User = get_user_model()
    clerks = [
        User.objects.get_or_create(
            username=name, defaults={"is_active": False, "first_name": full}
        )[0]
        for name, full in ((RECORDER_NAME, "演示记录人"), (CONFIRMER_NAME, "演示证明人"))
    ]
    if len(members) == 2:
        return members[0], members[1]
    if len(members) == 1:
        return clerks[0], members[0]
    return clerks[0], clerks[1]


def year_of_records(
    volunteer: Volunteer, target: Decimal, recorder, confirmer, rng: random.Random, project
) -> list[ServiceRecord]:
    """Confirmed records over the last year adding up to target hours, one a day at most."""
    today = timezone.localdate()
    days = sorted(rng.sample(range(1, 366), 365))
    result, left = [], target
    for offset in days:
        if left <= 0:
            break
        # Busy volunteers serve longer days, so the top targets fit in a year.
        choices = [4, 6, 8] if target > 900 else [2, 3, 4, 5, 6, 8]
        hours = min(left, Decimal(rng.choice(choices)))
        activity, served = rng.choice(ACTIVITIES)
        result.append(
            ServiceRecord(
                station=volunteer.station,
                volunteer=volunteer,
                activity=activity,
                brand_project=project if rng.random() < 0.4 else None,
                date=today - datetime.timedelta(days=offset),
                place="社区活动室",
                served=served,
                content=f"{activity}，服务{served}",
                hours=hours,
                recorded_by=recorder,
                confirmed_by=confirmer,
                confirmed_at=timezone.now(),
            )
        )
        left -= hours
    return result


def fill_station(station: Station, number: int, rng: random.Random) -> list[Volunteer]:
    recorder, confirmer = demo_users(station)
    project = BrandProjectPage.objects.child_of(station.community).first()
    targets = STAR_TARGETS if number == 0 else [rng.choice([8, 20, 60, 120, 180]) for _ in range(8)]
    volunteers = []
    for index, target in enumerate(targets):
        volunteer = Volunteer.objects.create(
            station=station,
            name=rng.choice(SURNAMES) + rng.choice(GIVEN),
            gender=rng.choice(["male", "female"]),
            phone=f"139{rng.randrange(10**8):08d}",
            address=f"{station.community.title}{index + 1}栋",
            joined_on=timezone.localdate() - datetime.timedelta(days=400),
            team=rng.choice(TEAMS),
            brand_project=project,
            public_consent=index % 4 != 3,
            mask_public_name=index % 2 == 1,
        )
        volunteers.append(volunteer)
        ServiceRecord.objects.bulk_create(
            year_of_records(volunteer, Decimal(target), recorder, confirmer, rng, project)
        )
    return volunteers


def show_the_trails(station: Station, volunteers: list[Volunteer]) -> None:
    """One correction, one exchange, one record waiting for confirmation, a commendation,
    a certificate and an overdue inspection fix, so each screen has an example."""
    recorder, confirmer = demo_users(station)
    top = volunteers[0]
    record = top.records.order_by("-date").first()
    correction = corrections.correct_record(
        record, recorder, "签到表复核：实际服务时长少记半小时", hours=record.hours + Decimal("0.5")
    )
    records.confirm_records([correction.replacement], confirmer)
    exchange.record_exchange(top, recorder, "社区爱心超市兑换生活用品", Decimal("20"))
    records.add_records(
        station,
        recorder,
        [records.Entry(volunteers[1], timezone.localdate(), Decimal("2"))],
        activity="重阳节敬老包饺子",
        place="社区食堂",
        served="辖区老人",
    )
    office = Group.objects.filter(name="市文明办审核员").first()
    awarder = (office and office.user_set.first()) or confirmer
    Commendation.objects.create(volunteer=top, title="2026年度优秀志愿者", awarded_by=awarder)
    issue_certificate(top, confirmer)
    today = timezone.localdate()
    Inspection.objects.create(
        community=station.community,
        visited_on=today - datetime.timedelta(days=45),
        inspectors="市文明办督查组",
        findings="台账记录齐全；公益广告有两处破损。",
        required_fixes="更换破损的公益广告牌",
        deadline=today - datetime.timedelta(days=15),
        created_by=awarder,
    )


def load_ledger_demo() -> int:
    """Volunteers for the demo stations (those with members first); returns how many added."""
    if Volunteer.objects.exists():
        return 0
    stations = sorted(
        Station.objects.select_related("community", "group"),
        key=lambda s: (not s.group.user_set.exists(), s.community.path),
    )[:DEMO_STATIONS]
    rng = random.Random(2026)  # noqa: S311 - repeatable demo data, not security
    added = 0
    for number, station in enumerate(stations):
        volunteers = fill_station(station, number, rng)
        if number == 0:
            show_the_trails(station, volunteers)
        added += len(volunteers)
    refresh_all()
    return added
