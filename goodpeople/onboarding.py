"""Onboarding a whole city from a spreadsheet: districts, communities, stations, paired units.

Every row is checked before anything is written; one bad row and nothing is imported.
"""

import datetime
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page, Revision

from core.pages import parent_path, place_slug
from core.sheets import SheetError, cell_text, parse_date, read_rows
from goodpeople.models import (
    CommunityPage,
    CommunitySectionPage,
    DistrictPage,
    PairedUnit,
    Pairing,
    PasswordChangeRequired,
)
from goodpeople.stations import ensure_station

# Spreadsheet header → field. Headers are what the office's sheets already use.
COLUMNS = {
    "县市区": "district",
    "街道": "subdistrict",
    "社区": "community",
    "站长": "head",
    "地址": "address",
    "电话": "phone",
    "开放时间": "hours",
    "站长账号": "username",
    "记录员": "clerk",
    "记录员账号": "clerk_username",
    "帮扶单位": "unit",
    "单位类型": "unit_kind",
    "单位级别": "unit_level",
    "结对时间": "paired_on",
}
REQUIRED_COLUMNS = ["县市区", "社区"]
UNIT_KINDS = {label: value for value, label in PairedUnit.Kind.choices}
UNIT_LEVELS = {
    "全国": PairedUnit.Level.NATIONAL,
    "国家级": PairedUnit.Level.NATIONAL,
    "全国文明单位": PairedUnit.Level.NATIONAL,
    "省级": PairedUnit.Level.PROVINCIAL,
    "省级文明单位": PairedUnit.Level.PROVINCIAL,
    "市级": PairedUnit.Level.MUNICIPAL,
    "市级文明单位": PairedUnit.Level.MUNICIPAL,
}
PHONE = re.compile(r"^[0-9+()\- ]{5,30}$")
USERNAME = re.compile(r"^[\w.@+-]{3,150}$")


@dataclass
class Row:
    number: int
    district: str
    community: str
    subdistrict: str = ""
    head: str = ""
    address: str = ""
    phone: str = ""
    hours: str = ""
    username: str = ""
    clerk: str = ""
    clerk_username: str = ""
    unit: str = ""
    unit_kind: str = ""
    unit_level: str = ""
    paired_on: datetime.date | None = None


@dataclass
class Report:
    districts_created: int = 0
    communities_created: int = 0
    communities_updated: int = 0
    units_created: int = 0
    pairings_created: int = 0
    accounts: list[tuple[str, str, str]] = field(default_factory=list)


def district_kind(title: str) -> str:
    """区, 县级市, 县 or 功能区, from how the name ends."""
    if title.endswith("区") and ("开发区" in title or "新区" in title):
        return DistrictPage.Kind.ZONE
    if title.endswith("区"):
        return DistrictPage.Kind.DISTRICT
    if title.endswith("市"):
        return DistrictPage.Kind.CITY
    if title.endswith("县"):
        return DistrictPage.Kind.COUNTY
    return DistrictPage.Kind.ZONE


def read_sheet(path: Path) -> list[dict]:
    """The rows of a .xlsx or .csv file as dicts keyed by header, blank rows dropped."""
    return sheet_records(path.name, path.read_bytes())


def sheet_records(name: str, data: bytes) -> list[dict]:
    """The rows of an uploaded or read .xlsx or .csv sheet as dicts keyed by header."""
    rows = read_rows(name, data)
    headers = [cell_text(h) for h in rows[0][1]]
    missing = [h for h in REQUIRED_COLUMNS if h not in headers]
    if missing:
        raise SheetError(f"第1行缺少列：{'、'.join(missing)}")
    return [dict(zip(headers, values, strict=False)) for _, values in rows[1:]]


def validate(records: list[dict]) -> tuple[list[Row], list[str]]:
    """Rows ready to import, and one message per bad row ("第N行：why")."""
    rows, errors = [], []
    seen_communities: dict[tuple[str, str], int] = {}
    seen_units: dict[str, int] = {}
    seen_usernames: dict[str, int] = {}
    for index, record in enumerate(records, start=2):
        values = {key: record.get(header) for header, key in COLUMNS.items()}
        texts = {key: cell_text(v) for key, v in values.items() if key != "paired_on"}
        problems = []
        if not texts["district"]:
            problems.append("缺少县市区")
        if not texts["community"]:
            problems.append("缺少社区")
        if texts["phone"] and not PHONE.match(texts["phone"]):
            problems.append(f"电话“{texts['phone']}”格式不对")
        for column, key in (("站长账号", "username"), ("记录员账号", "clerk_username")):
            if texts[key] and not USERNAME.match(texts[key]):
                problems.append(f"{column}“{texts[key]}”只能含字母、数字和 . @ + - _")
        if texts["clerk_username"] and not texts["clerk"]:
            problems.append("填了记录员账号，但缺少记录员姓名")
        if texts["username"] and texts["username"] == texts["clerk_username"]:
            problems.append("站长和记录员须用不同的账号（记录人不能自己证明）")
        try:
            paired_on = parse_date(values["paired_on"]) if cell_text(values["paired_on"]) else None
        except ValidationError:
            problems.append(f"结对时间“{cell_text(values['paired_on'])}”不是日期（如 2014-03-05）")
            paired_on = None
        if texts["unit"]:
            if texts["unit_kind"] not in UNIT_KINDS:
                problems.append(f"单位类型应为{'、'.join(UNIT_KINDS)}之一")
            if texts["unit_level"] not in UNIT_LEVELS:
                problems.append("单位级别应为全国、省级或市级")
            if texts["unit"] in seen_units:
                problems.append(f"帮扶单位“{texts['unit']}”已在第{seen_units[texts['unit']]}行结对")
            seen_units.setdefault(texts["unit"], index)
        key = (texts["district"], texts["community"])
        if all(key) and key in seen_communities:
            problems.append(f"社区与第{seen_communities[key]}行重复")
        seen_communities.setdefault(key, index)
        for column, key in (("站长账号", "username"), ("记录员账号", "clerk_username")):
            if texts[key]:
                if texts[key] in seen_usernames:
                    problems.append(f"{column}与第{seen_usernames[texts[key]]}行重复")
                seen_usernames.setdefault(texts[key], index)
        if problems:
            errors.append(f"第{index}行：{'；'.join(problems)}")
            continue
        texts["unit_kind"] = UNIT_KINDS.get(texts["unit_kind"], "")
        texts["unit_level"] = UNIT_LEVELS.get(texts["unit_level"], "")
        rows.append(Row(number=index, paired_on=paired_on, **texts))
    return rows, errors


def community_section() -> CommunitySectionPage:
    section = CommunitySectionPage.objects.first()
    if section is None:
        raise SheetError("还没有社区栏目：请先在首页下建立“社区栏目”页面（或运行 load_demo）")
    return section


def publish_new(parent: Page, page: Page) -> Page:
    """Add page under parent, published, its first revision being the live one.

    The page is saved once rather than three times (add, save_revision, publish); at a city's
    scale those extra saves, each re-indexed for search, would dominate the import.
    """
    now = timezone.now()
    page.live, page.has_unpublished_changes = True, False
    page.first_published_at = page.last_published_at = now
    parent.add_child(instance=page)
    revision = Revision.objects.create(
        content_object=page,
        base_content_type=page.get_base_content_type(),
        object_str=str(page),
        content=page.serializable_data(),
    )
    Page.objects.filter(pk=page.pk).update(
        latest_revision=revision, live_revision=revision, latest_revision_created_at=now
    )
    page.latest_revision = page.live_revision = revision
    log(instance=page, action="wagtail.publish", revision=revision, content_changed=True)
    return page


STATION_FIELDS = {
    "subdistrict": "subdistrict",
    "head": "station_head",
    "address": "address",
    "phone": "phone",
    "hours": "opening_hours",
}


def import_community(
    district: DistrictPage, row: Row, existing: CommunityPage | None, report: Report
) -> CommunityPage:
    """Create the community, or bring its station details up to date with the sheet."""
    details = {page_field: getattr(row, key) for key, page_field in STATION_FIELDS.items()}
    community = existing
    if community is None:
        community = publish_new(
            district,
            CommunityPage(title=row.community, slug=place_slug(district, row.community), **details),
        )
        report.communities_created += 1
        return community
    changed = {k: v for k, v in details.items() if v and getattr(community, k) != v}
    if changed:
        for name, value in changed.items():
            setattr(community, name, value)
        community.save_revision().publish()
        report.communities_updated += 1
    ensure_station(community)
    return community


def import_pairing(community: CommunityPage, row: Row, report: Report) -> None:
    """The unit, and its current pairing with this community (closing any other one)."""
    unit, created = PairedUnit.objects.update_or_create(
        name=row.unit, defaults={"kind": row.unit_kind, "level": row.unit_level}
    )
    report.units_created += created
    started_on = row.paired_on or timezone.localdate()
    current = unit.pairings.filter(ended_on__isnull=True).first()
    if current and current.community_id == community.pk:
        if current.started_on != started_on:
            current.started_on = started_on
            current.save(update_fields=["started_on"])
        return
    if current:
        current.ended_on = max(started_on, current.started_on)
        current.save(update_fields=["ended_on"])
    Pairing.objects.create(unit=unit, community=community, started_on=started_on)
    report.pairings_created += 1


def create_account(community: CommunityPage, username: str, name: str) -> tuple[str, str] | None:
    """A station login with a one-time password; None if it already exists."""
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        User.objects.get(username=username).groups.add(community.station.group)
        return None
    password = secrets.token_urlsafe(9)
    user = User.objects.create_user(username=username, password=password, first_name=name)
    user.groups.add(community.station.group)
    PasswordChangeRequired.objects.create(user=user, one_time_hash=user.password)
    return username, password


@transaction.atomic
def import_rows(
    rows: list[Row],
    create_accounts: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Write validated rows; repeating an import changes only what the sheet changed."""
    section = community_section()
    report = Report()
    districts = {d.title: d for d in DistrictPage.objects.child_of(section)}
    communities = {
        (parent_path(c.path), c.title): c for c in CommunityPage.objects.descendant_of(section)
    }
    for done, row in enumerate(rows, start=1):
        district = districts.get(row.district)
        if district is None:
            district = publish_new(
                section,
                DistrictPage(
                    title=row.district,
                    slug=place_slug(section, row.district),
                    kind=district_kind(row.district),
                ),
            )
            districts[row.district] = district
            report.districts_created += 1
        existing = communities.get((district.path, row.community))
        community = import_community(district, row, existing, report)
        if row.unit:
            import_pairing(community, row, report)
        if create_accounts:
            # The head records, a second account (the clerk) confirms: the recorder may not.
            for role, name, username in (
                ("站长", row.head, row.username or f"station{community.pk}"),
                ("记录员", row.clerk, row.clerk_username or f"station{community.pk}-clerk"),
            ):
                if name and (account := create_account(community, username, name)):
                    report.accounts.append((*account, f"{row.district}{row.community}{role}"))
        if progress:
            progress(done, len(rows))
    return report


def summary(report: Report) -> str:
    return (
        f"完成：新建县市区 {report.districts_created} 个，新建社区 "
        f"{report.communities_created} 个，更新社区 {report.communities_updated} 个，"
        f"新建帮扶单位 {report.units_created} 个，新建结对 {report.pairings_created} 个。"
    )


def import_records(
    records: list[dict],
    create_accounts: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[Report | None, list[str]]:
    """Validate every record, then import them; with any bad record, import nothing."""
    rows, errors = validate(records)
    if errors:
        return None, errors
    return import_rows(rows, create_accounts=create_accounts, progress=progress), []


def import_file(
    path: Path,
    create_accounts: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[Report | None, list[str]]:
    """Validate the whole file, then import it; with any bad row, import nothing."""
    return import_records(read_sheet(path), create_accounts=create_accounts, progress=progress)
