"""Demo communities for `manage.py load_demo` (called from home/demo.py): onboarded from the
shipped sample sheet, then filled the way stations and the office would fill them."""

import datetime
import io
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image
from wagtail.models import Collection, Page, WorkflowState

from core.pages import ensure_child_page
from goodpeople.city import PROJECTS, WAITING_NOMINEE, Place, board_people, demo_places, places
from goodpeople.models import (
    BoardEntry,
    BrandProjectPage,
    BrandShowcasePage,
    Category,
    CommunityPage,
    CommunitySectionPage,
    DistrictPage,
    GoodPeopleBoardPage,
    NoticePage,
)
from goodpeople.onboarding import import_file
from goodpeople.stations import REVIEWER_GROUP, ensure_moderation, shared_collection

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "communities-sample.xlsx"
STATION_USERS = [("gantang", "甘棠社区"), ("yuliang", "庾亮社区")]
# A station's second account: the recorder may not confirm its own ledger records.
STATION_CLERKS = [("gantang-clerk", "甘棠社区", "甘棠社区记录员")]
# News editors see how the communities stand; residents' nominations and the volunteers'
# personal data are the reviewers' and the stations' business.
OFFICE_PERMISSIONS = ["view_standing"]

PALETTE = [(179, 25, 31), (26, 79, 139), (38, 128, 74), (201, 123, 22), (110, 60, 140)]


def portrait(title: str, seed: int, collection: Collection) -> Image:
    """A generated picture in the station's collection (nothing is downloaded)."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    picture = PILImage.new("RGB", (480, 600), PALETTE[seed % len(PALETTE)])
    draw = ImageDraw.Draw(picture)
    draw.ellipse([140, 90, 340, 290], fill=(250, 235, 220))
    draw.rectangle([100, 320, 380, 600], fill=(250, 235, 220))
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=80)
    return Image.objects.create(
        title=title, file=ImageFile(buffer, name=f"gp-demo-{seed}.jpg"), collection=collection
    )


def demo_community(title: str) -> CommunityPage:
    """The community of that name in its district of the city description (a database made
    by an older demo may hold one of the same name elsewhere)."""
    place = next(place for place in places() if place.community == title)
    district = DistrictPage.objects.get(title=place.district)
    return CommunityPage.objects.child_of(district).get(title=title)


def ensure_section(home: Page) -> CommunitySectionPage:
    section = ensure_child_page(
        home,
        CommunitySectionPage,
        "shequ",
        title="社区学雷锋志愿服务站",
        intro="全市城市社区学雷锋志愿服务站：身边好人榜、品牌项目与公示公告。",
        show_in_menus=True,
    )
    ensure_child_page(
        section,
        BrandShowcasePage,
        "pinpai",
        title="社区志愿服务品牌项目",
        intro="各社区从居民需求出发打造的学雷锋志愿服务品牌项目。",
    )
    return section


def onboard_sample() -> None:
    """The sample sheet through the same import the office uses (no accounts)."""
    _, errors = import_file(SAMPLE)
    if errors:
        raise ValueError("; ".join(errors))


def fill_board(community: CommunityPage, place: Place, number: int) -> GoodPeopleBoardPage:
    board = community.get_children().type(GoodPeopleBoardPage).first()
    if board:
        return board.specific
    board = GoodPeopleBoardPage(title="身边好人榜", slug="haoren", intro="身边的好人好事，大家学。")
    collection = community.station.collection
    for index, (name, category, deed) in enumerate(board_people(place, number)):
        board.entries.add(
            BoardEntry(
                name=name,
                category=category,
                deed=f"{deed}\n\n{community.title}居民说，向身边好人学习，让文明新风吹进千家万户。",
                photo=portrait(f"{community.title}·{name}", number * 10 + index, collection)
                if index < 2
                else None,
                # Two current entries, the rest in earlier months for the archive; some
                # boards go stale so the 五个一 table has something to show.
                listed_on=timezone.localdate() - datetime.timedelta(days=index * 35 + number * 12),
            )
        )
    community.add_child(instance=board)
    board.save_revision().publish()
    return board


def fill_community(community: CommunityPage, place: Place, number: int) -> None:
    fill_board(community, place, number)
    if number % 4 != 3:
        title, category, need = PROJECTS[number % len(PROJECTS)]
        ensure_child_page(
            community,
            BrandProjectPage,
            "pinpai",
            title=f"{community.title}{title}",
            category=category,
            summary=f"{community.title}学雷锋志愿服务站的品牌项目",
            need=need,
            activities="志愿者分组排班，每周固定时间开展服务，并在服务台账中登记。",
            schedule="每周六上午 9:00-11:00",
            venue=f"{community.title}党群服务中心",
            how_to_join="到社区学雷锋志愿服务站登记，或电话联系站长。",
            unit_role="结对帮扶单位派出志愿者参与服务，并提供场地和物资支持。",
        )
    if community.signage_count == 0 and number % 3 != 2:
        community.signage_count = 12 + number
        community.signage_photo = portrait(
            f"{community.title}·公益广告", 500 + number, community.station.collection
        )
        community.save_revision().publish()


def ensure_notices(community: CommunityPage) -> None:
    """A community's notices: one in its 公示期 today, one whose window ended weeks ago."""
    today = timezone.localdate()
    quarter = "一二三四"[(today.month - 1) // 3]
    ensure_child_page(
        community,
        NoticePage,
        "haoren-gongshi",
        title=f"{community.title}{today.year}年第{quarter}季度“身边好人”推荐人选公示",
        date=today,
        publisher=f"{community.title}居委会",
        publicity_start=today,
        publicity_end=today + datetime.timedelta(days=30),
        body="<p>经居民推荐、工作站核实，现将推荐人选予以公示。如有异议，请向社区居委会反映。</p>",
    )
    earlier = today - datetime.timedelta(days=60)
    ensure_child_page(
        community,
        NoticePage,
        "zhiyuanzhe-gongshi",
        title=f"{community.title}{earlier.year}年度星级志愿者名单公示",
        date=earlier,
        publisher=f"{community.title}学雷锋志愿服务站",
        publicity_start=earlier,
        publicity_end=earlier + datetime.timedelta(days=7),
        body="<p>根据志愿服务台账记录的服务时长，现将星级志愿者名单公示如下。</p>",
    )


def ensure_city_notices(notice_channel: Page) -> None:
    """The office's own notices in 公示公告: one open today, one closed last month."""
    today = timezone.localdate()
    ensure_child_page(
        notice_channel,
        NoticePage,
        "shiji-wenming-danwei-gongshi",
        title=f"关于{today.year}年度市级文明单位拟命名名单的公示",
        date=today,
        publisher="九江市文明办",
        publicity_start=today - datetime.timedelta(days=2),
        publicity_end=today + datetime.timedelta(days=5),
        body="<p>经各地各单位推荐、市文明办审核，现将拟命名名单予以公示。</p>",
    )
    earlier = today - datetime.timedelta(days=40)
    ensure_child_page(
        notice_channel,
        NoticePage,
        "shifan-zhandian-gongshi",
        title=f"关于{earlier.year}年学雷锋志愿服务示范站点拟命名名单的公示",
        date=earlier,
        publisher="九江市文明办",
        publicity_start=earlier,
        publicity_end=earlier + datetime.timedelta(days=7),
        body="<p>经各县（市、区）推荐、实地核查，现将拟命名的示范站点予以公示，公示期七天。</p>",
    )


def ensure_demo_accounts(password: str, editors_group: str) -> list[tuple[str, str, str]]:
    User = get_user_model()
    permissions = Permission.objects.filter(codename__in=OFFICE_PERMISSIONS)
    Group.objects.get_or_create(name=editors_group)[0].permissions.add(*permissions)
    accounts = []
    reviewer, created = User.objects.get_or_create(
        username="reviewer",
        defaults={"first_name": "市文明办审核员", "email": "reviewer@example.com"},
    )
    if created:
        reviewer.set_password(password)
        reviewer.save()
    reviewer.groups.add(Group.objects.get(name=REVIEWER_GROUP))
    accounts.append(
        (
            "reviewer",
            password,
            "市文明办审核员：审核各工作站提交的内容（批准即发布或退回修改），"
            "查看五个一达标情况、全部好人推荐、各站台账与全市概览",
        )
    )
    for username, community_title in STATION_USERS:
        community = demo_community(community_title)
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": community.station_head, "email": f"{username}@example.com"},
        )
        if created:
            user.set_password(password)
            user.save()
        user.groups.add(community.station.group)
        accounts.append(
            (username, password, f"{community_title}工作站：编辑本社区页面，提交市文明办审核")
        )
    for username, community_title, full_name in STATION_CLERKS:
        community = demo_community(community_title)
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": full_name, "email": f"{username}@example.com"},
        )
        if created:
            user.set_password(password)
            user.save()
        user.groups.add(community.station.group)
        accounts.append(
            (
                username,
                password,
                f"{community_title}工作站第二个账号（记录员）：证明站长录入的台账记录",
            )
        )
    return accounts


def ensure_waiting_submission() -> None:
    """One station draft already in moderation, so the reviewer sees the flow at once."""
    community = demo_community(STATION_USERS[0][1])
    board = community.get_children().type(GoodPeopleBoardPage).first().specific
    if WorkflowState.objects.for_instance(board).exists():
        return
    user = get_user_model().objects.get(username=STATION_USERS[0][0])
    draft = board.get_latest_revision_as_object()
    draft.entries.add(
        BoardEntry(
            name=WAITING_NOMINEE,
            category=Category.HELPING,
            deed="赵海军自发组织楼栋志愿者，为行动不便的老人送菜上门。",
            listed_on=timezone.localdate(),
        )
    )
    draft.save_revision(user=user)
    board.get_workflow().start(board, user)


def load_goodpeople_demo(
    home: Page, notice_channel: Page | None, password: str, editors_group: str
) -> tuple[CommunitySectionPage, list[tuple[str, str, str]]]:
    """Communities, stations, boards, projects, notices, the workflow and demo accounts."""
    section = ensure_section(home)
    shared_collection()
    onboard_sample()
    ensure_moderation(section)
    for number, place in enumerate(demo_places()):
        fill_community(demo_community(place.community), place, number)
    for _, title in STATION_USERS:
        ensure_notices(demo_community(title))
    if notice_channel is not None:
        ensure_city_notices(notice_channel)
    accounts = ensure_demo_accounts(password, editors_group)
    ensure_waiting_submission()
    return section, accounts
