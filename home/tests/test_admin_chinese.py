"""The admin speaks Chinese on every screen each role uses, whatever language the browser asks.

Wagtail's own Chinese catalog lacks a few hundred admin strings; locale/zh_Hans fills them in.
The screens are read as a user sees them: text, and the labels screen readers and tooltips
give (aria-label, title, placeholder, alt). Data may be Latin (user names, file types); the
interface may not.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import wagtail
from django.apps import apps
from django.test import SimpleTestCase, TestCase
from django.urls import reverse
from django.utils.translation import trans_real
from django.utils.translation.trans_real import DjangoTranslation

from goodpeople.tests.site import build_city
from home.factories import make_site_home
from volunteers.factories import ServiceRecordFactory, VolunteerFactory

LATIN_WORDS = re.compile(r"[A-Za-z]{2,}(?:[ '’-]+[A-Za-z]{2,})*")
# Data, not interface: web addresses (a help text's example) and model labels like news.topicpage.
NOT_WORDS = re.compile(r"https?://\S+|\b[a-z]+\.[a-z]+\b")
# Names that stay Latin in a Chinese interface: the product, file formats, web terms.
PROPER_NAMES = {
    "Wagtail",
    "Excel",
    "ID",
    "CSV",
    "csv",
    "XLSX",
    "xlsx",
    "PNG",
    "JPEG",
    "GIF",
    "WebP",
    "URL",
    "API",
}
LABEL_ATTRIBUTES = {"aria-label", "title", "placeholder", "alt", "aria-description"}


UNSEEN_TAGS = {"script", "style", "template", "svg", "noscript"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}


class VisibleText(HTMLParser):
    """The text a user reads or hears: text nodes and labelling attributes, no code, nothing
    hidden."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.open: list[tuple[str, bool]] = []  # (tag, hides its content)
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        hides = tag in UNSEEN_TAGS or any(name == "hidden" for name, _ in attrs)
        if not self.skipping and not hides:
            self.parts.extend(value for name, value in attrs if name in LABEL_ATTRIBUTES and value)
        if tag not in VOID_TAGS:
            self.open.append((tag, hides))
            self.skipping += hides

    def handle_endtag(self, tag):
        while any(name == tag for name, _ in self.open):
            name, hides = self.open.pop()
            self.skipping -= hides
            if name == tag:
                break

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def english_on(html: str, data_words: set[str]) -> set[str]:  # noqa
    parser = VisibleText()
    parser.feed(html)
    words = set()
    for part in parser.parts:
        for match in LATIN_WORDS.findall(NOT_WORDS.sub(" ", part)):
            if not set(re.split(r"[ '’-]+", match)) <= PROPER_NAMES | data_words:
                words.add(match)
    return words


class AdminSpeaksChineseTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_site_home()
        cls.city = build_city()
        city = cls.city
        # One station's board waits for the office; the other's was sent back with a comment.
        cls.waiting = city.community_a.board()
        cls.waiting.save_revision(user=city.station_a)
        cls.waiting.get_workflow().start(cls.waiting, city.station_a)
        cls.returned = city.community_b.board()
        cls.returned.save_revision(user=city.station_b)
        state = cls.returned.get_workflow().start(cls.returned, city.station_b)
        state.current_task_state.reject(user=city.reviewer, comment="请补充事迹")
        volunteer = VolunteerFactory(station=city.community_a.station, name="杨桂英")
        ServiceRecordFactory(volunteer=volunteer, recorded_by=city.station_a)
        users = (city.station_a, city.station_b, city.reviewer, city.editor)
        cls.data_words = {w for user in users for w in LATIN_WORDS.findall(user.username)}

    def assert_chinese(self, user, urls: list[str]):
        self.client.force_login(user)
        for url in urls:
            with self.subTest(user=user.username, url=url):
                # A browser set to English still gets the Chinese admin.
                response = self.client.get(url, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
                self.assertEqual(response.status_code, 200)
                self.assertEqual(english_on(response.content.decode(), self.data_words), set())

    def test_a_stations_screens(self):
        board, returned = self.waiting, self.returned
        self.assert_chinese(
            self.city.station_a,
            [
                reverse("wagtailadmin_home"),
                reverse("wagtailadmin_explore", args=[self.city.community_a.pk]),
                reverse("wagtailadmin_pages:edit", args=[board.pk]),
                reverse("wagtailadmin_pages:history", args=[board.pk]),
                reverse("wagtailadmin_pages:workflow_history", args=[board.pk]),
                reverse("wagtailadmin_reports:workflow"),
                reverse("wagtailimages:index"),
                reverse("wagtailadmin_account"),
                reverse("volunteers:volunteers"),
                reverse("volunteers:records"),
                reverse("volunteers:record_add"),
                reverse("volunteers:corrections"),
            ],
        )
        self.assert_chinese(
            self.city.station_b,
            [
                reverse("wagtailadmin_pages:edit", args=[returned.pk]),
                reverse("wagtailadmin_explore", args=[self.city.community_b.pk]),
            ],
        )

    def test_the_reviewers_screens(self):
        board = self.waiting
        task_id = board.current_workflow_task_state.task_id
        self.assert_chinese(
            self.city.reviewer,
            [
                reverse("wagtailadmin_home"),
                reverse("wagtailadmin_explore", args=[self.city.section.pk]),
                reverse("wagtailadmin_pages:edit", args=[board.pk]),
                reverse("wagtailadmin_pages:workflow_preview", args=[board.pk, task_id]),
                reverse("wagtailadmin_pages:workflow_history", args=[board.pk]),
                reverse("wagtailadmin_reports:workflow"),
                reverse("wagtailadmin_reports:workflow_tasks"),
                reverse("wagtailadmin_reports:aging_pages"),
                reverse("wagtailadmin_reports:page_types_usage"),
                reverse("volunteers:volunteers"),
                reverse("volunteers:records"),
                reverse("volunteers:dashboard"),
                reverse("volunteers:inspections"),
            ],
        )

    def test_the_office_editors_screens(self):
        self.assert_chinese(
            self.city.editor,
            [
                reverse("wagtailadmin_home"),
                reverse("wagtailadmin_explore", args=[self.city.site_root.pk]),
                reverse("wagtailadmin_pages:edit", args=[self.returned.pk]),
                reverse("wagtailadmin_pages:search"),
                reverse("wagtailadmin_reports:site_history"),
            ],
        )


class CatalogTests(SimpleTestCase):
    """Screens not opened above, and the JavaScript ones (such as ✓ 已保存), are covered too."""

    def test_every_wagtail_admin_string_has_a_chinese_translation(self):
        catalog = trans_real.translation("zh-hans")
        self.assertEqual(untranslated("django", catalog), [])

    def test_every_wagtail_admin_script_string_has_a_chinese_translation(self):
        # The catalog /admin/jsi18n/ serves: Wagtail's script strings, then ours on top.
        catalog = DjangoTranslation("zh-hans", domain="djangojs", localedirs=ADMIN_LOCALES)
        self.assertEqual(untranslated("djangojs", catalog), [])


ADMIN_LOCALES = [str(Path(wagtail.__file__).parent / "admin" / "locale")]


def untranslated(domain: str, catalog: DjangoTranslation) -> list[str]:
    """Every msgid of Wagtail's English catalogs of domain that catalog has no entry for.

    Looked up by key, as gettext stores them (context\x04msgid; (msgid, 0) for plurals): a
    translation may rightly equal its msgid, such as "Wagtail API v2".
    """
    entries_of = catalog._catalog
    missing = []
    for po in english_catalogs(domain):
        for context, singular, plural in entries(po):
            key = f"{context}\x04{singular}" if context else singular
            if (key, 0) not in entries_of if plural else key not in entries_of:
                missing.append(singular)
    return missing


def english_catalogs(domain: str) -> list[Path]:
    """Wagtail's English catalogs of the apps this site installs (the scripts: the admin's)."""
    if domain == "djangojs":
        return [Path(ADMIN_LOCALES[0]) / "en" / "LC_MESSAGES" / "djangojs.po"]
    paths = [
        Path(app.path) / "locale" / "en" / "LC_MESSAGES" / "django.po"
        for app in apps.get_app_configs()
        if app.name == "wagtail" or app.name.startswith("wagtail.")
    ]
    return [path for path in paths if path.exists()]


def po_string(lines: str) -> str:
    text = "".join(re.findall(r'"(.*)"', lines))
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m[1], m[1]), text)


def entries(po: Path) -> list[tuple[str | None, str, str | None]]:
    """(msgctxt, msgid, msgid_plural) of each entry of a .po file."""
    found = []
    for block in po.read_text(encoding="utf-8").split("\n\n"):
        fields = {}
        for key in ("msgctxt", "msgid", "msgid_plural"):
            match = re.search(rf'^{key} ((?:".*"\n?)+)', block + "\n", re.M)
            fields[key] = po_string(match[1]) if match else None
        if fields["msgid"] and not block.lstrip().startswith("#~"):
            found.append((fields["msgctxt"], fields["msgid"], fields["msgid_plural"]))
    return found
