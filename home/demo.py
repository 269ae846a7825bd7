"""Demo content for `manage.py load_demo`: a city office's site as editors would fill it."""

import datetime
import io
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from taggit.models import Tag
from wagtail.images.models import Image
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Site

from core.models import FriendLink, SiteSettings
from core.pages import ensure_child_page
from goodpeople.city import TOPICS, stories
from goodpeople.demo import load_goodpeople_demo
from goodpeople.demo_media import add_media, add_media_to_a_project
from goodpeople.models import BrandProjectPage
from goodpeople.stations import REVIEWER_GROUP
from home.models import HomePage
from news.models import ArticlePage, ChannelPage, TopicPage
from news.stats import seed_views
from volunteers.demo import load_ledger_demo

DEMO_PASSWORD = "wenming-demo-2026"  # noqa: S105 - printed for the demo, never used in production
EDITOR_GROUP = "市文明办编辑"
ERROR_REPORT_PERMISSIONS = ["view_errorreport", "change_errorreport", "delete_errorreport"]

CHANNELS = [
    ("头条热点", "toutiao", "市文明办推送的重要新闻", []),
    (
        "动态要闻",
        "dongtai",
        "全市精神文明建设动态",
        [("文明要闻", "wenming-yaowen"), ("县区动态", "xianqu")],
    ),
    ("文明创建", "chuangjian", "全国文明城市创建工作", []),
    ("文明实践", "shijian", "新时代文明实践中心、所、站的活动", []),
    ("文明培育", "peiyu", "道德建设、诚信建设与未成年人思想道德建设", []),
    ("专题专栏", "zhuanti", "专题报道", []),
    ("公示公告", "gonggao", "市文明办的公示与公告", []),
]

NOTICE_TITLES = [
    "关于开展“九江好人”推荐评选活动的通知",
    "关于公布第三批学雷锋志愿服务示范站点的公告",
    "关于征集社区志愿服务品牌项目的通知",
]
FRIEND_LINKS = [
    ("中国文明网", "https://www.wenming.cn/"),
    ("江西文明网", "https://jx.wenming.cn/"),
    ("九江新闻网", "https://www.jjxw.cn/"),
]
PALETTE = [(179, 25, 31), (26, 79, 139), (38, 128, 74), (201, 123, 22), (110, 60, 140)]


def demo_image(title: str, seed: int) -> Image:
    """A generated picture (nothing is downloaded): bands of colour with simple shapes."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    base = PALETTE[seed % len(PALETTE)]
    picture = PILImage.new("RGB", (1200, 675), base)
    draw = ImageDraw.Draw(picture)
    for band in range(12):
        shade = tuple(min(255, c + band * 12) for c in base)
        draw.rectangle([0, band * 56, 1200, band * 56 + 56], fill=shade)
    for _ in range(6):
        x, y, r = rng.randint(0, 1200), rng.randint(0, 675), rng.randint(40, 160)
        draw.ellipse([x - r, y - r, x + r, y + r], outline=(255, 255, 255), width=6)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=80)
    return Image.objects.create(
        title=title,
        file=ImageFile(buffer, name=f"demo-{seed}.jpg"),
        collection=Collection.get_first_root_node(),
    )


def ensure_home() -> HomePage:
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(title="九江文明网", slug="wenming", intro="传播文明 引领风尚")
        )
        home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page": home,
            "site_name": "九江文明网",
        },
    )
    # Wagtail's welcome page is replaced by ours.
    Page.objects.filter(depth=2).exclude(pk=home.pk).not_type(HomePage).delete()
    return home


def ensure_channels(home: HomePage) -> dict[str, ChannelPage]:
    channels = {}
    for title, slug, intro, subs in CHANNELS:
        channel = ensure_child_page(
            home, ChannelPage, slug, title=title, intro=intro, show_in_menus=True
        )
        channels[title] = channel
        for sub_title, sub_slug in subs:
            channels[sub_title] = ensure_child_page(channel, ChannelPage, sub_slug, title=sub_title)
    return channels


def ensure_articles(channels: dict[str, ChannelPage]) -> int:
    rng = random.Random(2026)  # noqa: S311 - reproducible demo text
    plan = [
        ("头条热点", 6),
        ("文明要闻", 6),
        ("县区动态", 5),
        ("文明创建", 5),
        ("文明实践", 5),
        ("文明培育", 4),
    ]
    created = 0
    today = timezone.localdate()
    serial = 0
    texts = iter(stories(sum(count for _, count in plan)))
    for channel_title, count in plan:
        channel = channels[channel_title]
        for _ in range(count):
            serial += 1
            slug = f"demo-{serial}"
            text = next(texts)
            if channel.get_children().filter(slug=slug).exists():
                continue
            image = (
                demo_image(f"演示图片 {serial}", serial)
                if serial % 2 or channel_title == "头条热点"
                else None
            )
            article = ArticlePage(
                title=text.title,
                slug=slug,
                date=today - datetime.timedelta(days=serial * 3),
                source="九江文明网" if serial % 3 else f"{text.district}文明办",
                author=rng.choice(["李明", "王芳", "陈静", "刘洋", ""]),
                lead_image=image,
                summary=text.paragraphs[0],
                body=[("paragraph", f"<p>{p}</p>") for p in text.paragraphs],
            )
            channel.add_child(instance=article)
            article.tags.add(text.topic, text.district)
            article.save_revision().publish()
            seed_views(article, rng.randint(50, 3000))
            created += 1
    for number, title in enumerate(NOTICE_TITLES, start=1):
        slug = f"notice-{number}"
        if channels["公示公告"].get_children().filter(slug=slug).exists():
            continue
        notice = ArticlePage(
            title=title,
            slug=slug,
            date=today - datetime.timedelta(days=number * 5),
            source="九江市文明办",
            body=[
                ("paragraph", "<p>根据有关工作安排，现将有关事项公告如下。</p>"),
                ("paragraph", "<p>公示期间，如有意见，请以书面形式向市文明办反映。</p>"),
            ],
        )
        channels["公示公告"].add_child(instance=notice)
        notice.save_revision().publish()
        created += 1
    return created


def ensure_topics(channels: dict[str, ChannelPage]) -> list[TopicPage]:
    """One 专题 per topic of the demo news; its tag gathers the articles about it."""
    topics = []
    for number, (tag_name, slug, title, _) in enumerate(TOPICS):
        tag, _ = Tag.objects.get_or_create(name=tag_name, defaults={"slug": slug})
        topics.append(
            ensure_child_page(
                channels["专题专栏"],
                TopicPage,
                slug,
                title=title,
                intro=f"全市各县（市、区）开展{tag_name}工作的报道汇总。",
                tag=tag,
                cover_image=demo_image(f"专题头图·{tag_name}", 99 + number),
            )
        )
    return topics


def ensure_settings(home: HomePage, channels: dict[str, ChannelPage]) -> None:
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    site_settings.site_name = "九江文明网"
    site_settings.sponsor = "中共九江市委宣传部 九江市文明办"
    site_settings.organizer = "九江市文明办综合信息科"
    site_settings.technical_support = "九江新闻网"
    site_settings.copyright_line = "© 九江文明网"
    site_settings.icp_number = "赣ICP备05004312号-1"
    site_settings.police_number = "赣公网安备36040202000216号"
    site_settings.site_code = "3604000012"
    site_settings.government_site = True
    site_settings.conac_url = "https://bszs.conac.cn/sitename?method=show&id=5C2F3A1B7E9D4E08"
    site_settings.contact_address = "江西省九江市濂溪区长虹大道 九江市行政中心"
    site_settings.contact_phone = "0792-8123456"
    site_settings.contact_email = "jjwmb@jiujiang.gov.cn"
    site_settings.save()
    for order, (name, url) in enumerate(FRIEND_LINKS):
        FriendLink.objects.update_or_create(
            settings=site_settings, name=name, defaults={"url": url, "sort_order": order}
        )
    home.headline_channel = channels["头条热点"]
    home.notice_channel = channels["公示公告"]
    home.save_revision().publish()


def ensure_accounts(home: HomePage) -> list[tuple[str, str, str]]:
    User = get_user_model()
    editors, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]:
        GroupPagePermission.objects.get_or_create(
            group=editors, page=home, permission=Permission.objects.get(codename=codename)
        )
    root_collection = Collection.get_first_root_node()
    for codename in [
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    ]:
        GroupCollectionPermission.objects.get_or_create(
            group=editors,
            collection=root_collection,
            permission=Permission.objects.get(codename=codename),
        )
    accounts = []
    admin, created = User.objects.get_or_create(
        username="admin", defaults={"is_staff": True, "is_superuser": True, "first_name": "管理员"}
    )
    if created:
        admin.set_password(DEMO_PASSWORD)
        admin.save()
    accounts.append(("admin", DEMO_PASSWORD, "超级管理员：管理全部内容、用户与设置"))
    editor, created = User.objects.get_or_create(
        username="editor", defaults={"first_name": "市文明办编辑"}
    )
    if created:
        editor.set_password(DEMO_PASSWORD)
        editor.save()
    editor.groups.add(editors)
    accounts.append(
        (
            "editor",
            DEMO_PASSWORD,
            "市文明办编辑：直接发布新闻与公告，可编辑任何页面，查看五个一达标情况"
            "（不能查阅推荐人联系方式与台账个人信息）",
        )
    )
    return accounts


def grant_error_reports() -> None:
    """网站纠错 go to the office: both of its groups list, handle and delete them (as core's
    migration grants on an existing site)."""
    permissions = Permission.objects.filter(
        content_type__app_label="core", codename__in=ERROR_REPORT_PERMISSIONS
    )
    for name in (EDITOR_GROUP, REVIEWER_GROUP):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def ensure_home_sections(home: HomePage, section: Page) -> None:
    """身边好人 and 志愿者风采 come from the boards and the ledger; brand projects get covers
    and the office a 公益广告 banner, so every section of the home page has something."""
    for number, project in enumerate(BrandProjectPage.objects.filter(cover__isnull=True)):
        project.cover = demo_image(f"{project.title}封面", 300 + number)
        project.save_revision().publish()
    if home.banner_image_id is None:
        home.banner_image = demo_image("公益广告·讲文明 树新风", 77)
        home.banner_alt = "公益广告：讲文明 树新风，点击进入社区学雷锋志愿服务站"
        home.banner_link = section.url
        home.save_revision().publish()


@transaction.atomic
def add_media_demo(channels: dict[str, ChannelPage]) -> None:
    """A video and a photo gallery in the newest 文明实践 article and in a brand project."""
    article = (
        ArticlePage.objects.live().child_of(channels["文明实践"]).order_by("-date", "-pk").first()
    )
    if article is not None:
        add_media(article, "志愿者走进社区开展文明实践活动")
    add_media_to_a_project()


def load_demo() -> dict:
    """Create (or top up) the demo site; running it again changes nothing already there."""
    home = ensure_home()
    channels = ensure_channels(home)
    # Topics first: their tags (with readable slugs) are the ones the articles then carry.
    ensure_topics(channels)
    created = ensure_articles(channels)
    ensure_settings(home, channels)
    accounts = ensure_accounts(home)
    section, station_accounts = load_goodpeople_demo(
        home, channels["公示公告"], DEMO_PASSWORD, EDITOR_GROUP
    )
    if home.community_section_id != section.pk:
        home.community_section = section
        home.save_revision().publish()
    ensure_home_sections(home, section)
    accounts += station_accounts
    add_media_demo(channels)
    grant_error_reports()
    load_ledger_demo()
    return {"home": home, "articles_created": created, "accounts": accounts}
