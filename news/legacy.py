"""Import articles scraped from the old site (text pages like ../shared/legacy/*.txt).

A scraped page is plain text: the old navigation, a breadcrumb ("首页 > … > 文明要闻"),
the title line ("标题 ——副标题"), a "日期:…  来源:…  访问量:…" line, the body
paragraphs, the like line ("已有 N 人赞过"), related links and the footer. Only the
title, subtitle, date, source, view count, channel (the breadcrumb's last crumb) and
the body paragraphs are kept.
"""

import datetime
import enum
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import DatabaseError, transaction
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, Site

from news.models import ArticlePage, ChannelPage
from news.stats import seed_views

LEGACY_TIME_ZONE = ZoneInfo("Asia/Shanghai")
# Channels the old site had but this one lacks are created under this one.
FALLBACK_CHANNEL_TITLE = "新闻"
FALLBACK_CHANNEL_SLUG = "xinwen"

BREADCRUMB_RE = re.compile(r"^首\s*页\s*>")
META_LABEL_RE = re.compile(r"(日期|来源|作者|访问量)\s*[:：]")
META_LINE_RE = re.compile(r"^" + META_LABEL_RE.pattern)
LIKE_LINE_RE = re.compile(r"^已有\s*[\d,]*\s*人赞过$")
DATE_RE = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$"
)
VIEWS_RE = re.compile(r"^\d[\d,]*$")
SUBTITLE_SEPARATOR = "——"


class LegacyImportError(ValueError):
    """Why a file cannot be imported (unreadable, malformed, no site), told to editors."""


def clean_line(line: str) -> str:
    """A line with every run of whitespace (spaces, non-breaking, full-width) as one space."""
    return " ".join(line.split())


@dataclass(frozen=True)
class LegacyArticle:
    """What an old article page says, before anything is written."""

    title: str
    subtitle: str
    date: datetime.date
    published_at: datetime.datetime
    source: str
    author: str
    views: int | None
    channel: str
    paragraphs: tuple[str, ...]

    @property
    def legacy_key(self) -> str:
        """The article's identity: its title and date, insensitive to how they were scraped.

        Full-width/half-width forms, letter case and whitespace (non-breaking spaces
        included) are ignored, so a re-scrape of the same page finds the same article.
        """
        heading = self.title + SUBTITLE_SEPARATOR + self.subtitle if self.subtitle else self.title
        normalised = "".join(unicodedata.normalize("NFKC", heading).casefold().split())
        return hashlib.sha256(f"{self.date.isoformat()}|{normalised}".encode()).hexdigest()

    @property
    def body(self) -> list[tuple[str, str]]:
        return [("paragraph", f"<p>{escape(text)}</p>") for text in self.paragraphs]


def split_title(line: str) -> tuple[str, str]:
    """The title line as (title, subtitle): the subtitle is what follows "——"."""
    title, _, subtitle = line.partition(SUBTITLE_SEPARATOR)
    return title.strip(), subtitle.strip()


def parse_date(text: str) -> datetime.datetime:
    """The old page's date (and time, when shown) as an aware datetime in Asia/Shanghai."""
    match = DATE_RE.match(text)
    if not match:
        raise LegacyImportError(f"日期无法识别：“{text}”（应为 2014-11-07 这样的格式）")
    parts = [int(group) if group else 0 for group in match.groups()]
    try:
        return datetime.datetime(*parts, tzinfo=LEGACY_TIME_ZONE)
    except ValueError as error:
        raise LegacyImportError(f"日期无法识别：“{text}”（不存在这一天）") from error


def parse_meta(line: str) -> dict[str, str]:
    """The "日期:…  来源:…  访问量:…" line (作者 too, when shown) as {label: value}."""
    labels = list(META_LABEL_RE.finditer(line))
    return {
        label.group(1): line[label.end() : following.start() if following else None].strip()
        for label, following in zip(labels, [*labels[1:], None], strict=True)
    }


def parse_views(text: str) -> int | None:
    """The legacy view count; the old page often shows none (or a script placeholder)."""
    return int(text.replace(",", "")) if VIEWS_RE.match(text) else None


def find_line(lines: list[str], pattern: re.Pattern, start: int = 0) -> int | None:
    return next((i for i in range(start, len(lines)) if pattern.search(lines[i])), None)


def parse_legacy_page(text: str) -> LegacyArticle:
    """Read one scraped page; raise LegacyImportError saying what is missing or wrong."""
    lines = [clean_line(line) for line in text.splitlines()]

    crumb_at = find_line(lines, BREADCRUMB_RE)
    if crumb_at is None:
        raise LegacyImportError("没有找到面包屑导航行（“首页 > … > 栏目”），无法确定栏目")
    crumbs = [crumb.strip() for crumb in lines[crumb_at].split(">")]
    channel = crumbs[-1]
    if len(crumbs) < 2 or not channel:
        raise LegacyImportError(f"面包屑导航行中没有栏目：“{lines[crumb_at]}”")

    meta_at = find_line(lines, META_LINE_RE, crumb_at + 1)
    if meta_at is None:
        raise LegacyImportError("没有找到日期行（“日期:…  来源:…  访问量:…”）")
    title_lines = [line for line in lines[crumb_at + 1 : meta_at] if line]
    if not title_lines:
        raise LegacyImportError("没有找到标题行（应在面包屑导航行和日期行之间）")
    if len(title_lines) > 1:
        raise LegacyImportError(f"面包屑导航行和日期行之间有 {len(title_lines)} 行，应只有标题一行")
    title, subtitle = split_title(title_lines[0])
    if not title:
        raise LegacyImportError(f"标题为空：“{title_lines[0]}”")

    meta = parse_meta(lines[meta_at])
    if not meta.get("日期"):
        raise LegacyImportError(f"日期行中没有日期：“{lines[meta_at]}”")
    published_at = parse_date(meta["日期"])

    like_at = find_line(lines, LIKE_LINE_RE, meta_at + 1)
    if like_at is None:
        raise LegacyImportError("没有找到“已有 N 人赞过”一行，无法确定正文在哪里结束")
    paragraphs = tuple(line for line in lines[meta_at + 1 : like_at] if line)
    if not paragraphs:
        raise LegacyImportError("正文为空（日期行和“已有 N 人赞过”之间没有文字）")

    return LegacyArticle(
        title=title,
        subtitle=subtitle,
        date=published_at.date(),
        published_at=published_at,
        source=meta.get("来源", ""),
        author=meta.get("作者", ""),
        views=parse_views(meta.get("访问量", "")),
        channel=channel,
        paragraphs=paragraphs,
    )


def read_legacy_file(path: Path) -> LegacyArticle:
    """Parse one scraped file, which must be UTF-8 (a byte-order mark is allowed)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise LegacyImportError(
            f"不是 UTF-8 编码的文本（第 {error.start} 个字节无法解码），请先转换为 UTF-8"
        ) from error
    except OSError as error:
        raise LegacyImportError(f"无法读取文件：{error.strerror}") from error
    return parse_legacy_page(text)


class Status(enum.Enum):
    IMPORTED = "导入"
    UPDATED = "更新"
    SKIPPED = "跳过"
    FAILED = "失败"


@dataclass(frozen=True)
class ImportResult:
    """What happened to one file, as one line of the import report."""

    path: Path
    status: Status
    message: str
    page_id: int | None = None

    def __str__(self) -> str:
        return f"[{self.status.value}] {self.path}：{self.message}"


def site_home() -> Page:
    """The default site's home page, under which channels live."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise LegacyImportError("网站还没有首页（没有默认站点），请先建立站点")
    return site.root_page


def publish_new_channel(parent: Page, title: str, slug: str) -> ChannelPage:
    channel = ChannelPage(title=title, slug=find_available_slug(parent, slug), show_in_menus=False)
    parent.add_child(instance=channel)
    channel.save_revision().publish()
    return channel


def find_or_create_channel(home: Page, title: str) -> tuple[ChannelPage, bool]:
    """The channel titled like the old breadcrumb's last crumb; True when it had to be created.

    An existing channel with that title anywhere in the site wins; otherwise it is
    created (outside the menus) under the 新闻 channel below the home page.
    """
    existing = ChannelPage.objects.descendant_of(home).filter(title=title).order_by("path").first()
    if existing:
        return existing, False
    fallback = home.get_children().type(ChannelPage).filter(title=FALLBACK_CHANNEL_TITLE).first()
    if fallback is None:
        fallback = publish_new_channel(home, FALLBACK_CHANNEL_TITLE, FALLBACK_CHANNEL_SLUG)
        if title == FALLBACK_CHANNEL_TITLE:
            return fallback, True
    return publish_new_channel(fallback.specific, title, slugify(title, allow_unicode=True)), True


def article_fields(article: LegacyArticle) -> dict:
    return {
        "title": article.title,
        "subtitle": article.subtitle,
        "date": article.date,
        "source": article.source,
        "author": article.author,
    }


def is_unchanged(page: ArticlePage, article: LegacyArticle, channel: ChannelPage) -> bool:
    """True when the published page already shows exactly what the file says."""
    current_body = [(block["type"], block["value"]) for block in page.body.raw_data]
    return (
        page.live
        and page.get_parent().pk == channel.pk
        and current_body == article.body
        and all(getattr(page, name) == value for name, value in article_fields(article).items())
    )


def raises_view_count(page: ArticlePage, views: int | None) -> bool:
    return views is not None and views > page.view_count


def edited_by_an_editor(page: ArticlePage) -> bool:
    """True when someone saved the page in the admin after the import (imports save as nobody)."""
    latest = page.latest_revision
    return latest is not None and latest.user_id is not None


def save_article(
    article: LegacyArticle, overwrite: bool = False
) -> tuple[Status, str, ArticlePage]:
    """Create, update or leave alone the article the file describes; always leave it published.

    An article an editor has changed in the admin is left alone unless `overwrite` is given.
    Call inside a transaction: a channel may be created on the way.
    """
    home = site_home()
    channel, channel_created = find_or_create_channel(home, article.channel)
    page = ArticlePage.objects.filter(legacy_key=article.legacy_key).first()
    where = f"《{article.title}》，栏目：{channel.title}"
    if channel_created:
        where += "（新建栏目）"

    if page is None:
        page = ArticlePage(
            **article_fields(article),
            body=article.body,
            legacy_key=article.legacy_key,
            slug=find_available_slug(
                channel, f"{article.date.isoformat()}-{article.legacy_key[:8]}"
            ),
            first_published_at=article.published_at,
        )
        channel.add_child(instance=page)
        page.save_revision().publish()
        status = Status.IMPORTED
    elif is_unchanged(page, article, channel):
        if not raises_view_count(page, article.views):
            return Status.SKIPPED, f"{where}，内容未变", page
        status = Status.UPDATED
    elif edited_by_an_editor(page) and not overwrite:
        return (
            Status.SKIPPED,
            f"{where}，编辑已在后台修改过，未覆盖（如需覆盖请加 --overwrite）",
            page,
        )
    else:
        moving = page.get_parent().pk != channel.pk
        for name, value in article_fields(article).items():
            setattr(page, name, value)
        page.body = article.body
        page.first_published_at = article.published_at
        if moving:
            # The slug must be free in the new channel before the move validates it.
            page.slug = find_available_slug(channel, page.slug, ignore_page_id=page.pk)
        page.save_revision().publish()
        if moving:
            page.move(channel, pos="last-child")
        status = Status.UPDATED

    if article.views is not None:
        seed_views(page, article.views)
        where += f"，访问量 {article.views}"
    return status, where, page


def field_label(name: str) -> str | None:
    """The field's name as editors know it; None for fields they never see (draft_title)."""
    try:
        field = ArticlePage._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    return str(field.verbose_name) if field.editable else None


def describe(error: ValidationError) -> str:
    """A validation error with the names of the fields it is about, for the report."""
    if not hasattr(error, "error_dict"):
        return "；".join(error.messages)
    labelled = [(field_label(field), messages) for field, messages in error.message_dict.items()]
    return "；".join(
        f"{label}：{'，'.join(messages)}" for label, messages in labelled if label
    ) or "；".join(error.messages)


def import_file(path: Path, overwrite: bool = False) -> ImportResult:
    """Import one scraped file; on any problem nothing of it is written and the result says why."""
    try:
        article = read_legacy_file(path)
        with transaction.atomic():
            status, message, page = save_article(article, overwrite)
    except LegacyImportError as error:
        return ImportResult(path, Status.FAILED, str(error))
    except ValidationError as error:
        return ImportResult(path, Status.FAILED, f"内容不符合要求（{describe(error)}）")
    except DatabaseError as error:
        return ImportResult(path, Status.FAILED, f"数据库拒绝写入：{error}")
    return ImportResult(path, status, message, page.pk)


def legacy_files(paths: Iterable[Path]) -> Iterator[tuple[Path, str | None]]:
    """Each file to import, once: files as given, folders searched for *.txt.

    A path that does not exist, or a folder without any .txt file, comes with the
    reason it cannot be imported instead of None.
    """
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.txt") if p.is_file())
            if not found:
                yield path, "目录中没有 .txt 文件"
        elif path.exists():
            found = [path]
        else:
            yield path, "文件或目录不存在"
            continue
        for file in found:
            if file.resolve() not in seen:
                seen.add(file.resolve())
                yield file, None


def import_paths(paths: Iterable[Path], overwrite: bool = False) -> Iterator[ImportResult]:
    """Import every file under the given paths, one result per file, in order."""
    for path, problem in legacy_files(paths):
        yield (
            ImportResult(path, Status.FAILED, problem) if problem else import_file(path, overwrite)
        )
