"""Every public URL, every routable page route and every API parameter, asked with values no
resident would type — huge, negative, not digits, NUL, overlong, bad UTF-8 — answers without
a server error (issue 11, in part). test_hostile_numbers.py pins the exact answers of the
cases found first; this one walks everything the site serves, so a new URL or parameter is
crawled too.
"""

import re
from collections.abc import Iterator

import wagtail_factories
from django.test import Client, TestCase
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.utils import timezone
from wagtail.models import Page, get_page_models

from goodpeople.factories import BrandShowcasePageFactory, NoticePageFactory
from goodpeople.models import BrandShowcasePage, GoodPeopleBoardPage, Nomination
from goodpeople.tests.site import build_city
from home.factories import make_site_home
from news.factories import ArticlePageFactory, ChannelPageFactory, TopicPageFactory
from news.models import ChannelPage, TopicPage
from volunteers.certificates import issue_certificate
from volunteers.factories import VolunteerFactory, give_hours

# As they would arrive on the wire: percent-escapes are decoded by the server, not by us.
HOSTILE = [
    "99999999999999999999",
    "-1",
    "abc",
    "%00",
    "9" * 5000,  # beyond Python's 4,300-digit limit for int()
    "%E5%BF%97" * 1700,  # 5,100 characters of 志
    "%ff%fe",
    "1e9",
    "0x10",
    "%C2%B2",  # ², a digit to str.isdigit() that int() refuses
]

# Each public view's query parameters (the search form's and the API's are read from them).
PARAMETERS = {
    "/search/": ["page"],
    "/volunteers/": ["p"],
    "/volunteers/verify/": ["number"],
    "/sitemap.xml": ["p"],
    "/_util/login/": ["next"],
    "/api/v2/pages/find/": ["html_path", "id"],
    "/api/v2/images/find/": ["id"],
    "/api/v2/documents/find/": ["id"],
}
API_LISTINGS = ["/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/"]
SITE_APPS = {"home", "news", "goodpeople"}
# What each page type reads from the query string.
PAGE_PARAMETERS = {
    ChannelPage: ["page", "tag"],
    TopicPage: ["page"],
    GoodPeopleBoardPage: ["nominated"],
    BrandShowcasePage: ["district", "category"],
}

# A path converter (<id:pk>) or a regex group ((?P<path>.*), (\d+)) in a URL pattern.
PLACEHOLDER = re.compile(r"<[^>]+>|\((?:\?P<\w+>)?(?:[^()]|\([^()]*\))*\)")


def public_patterns(resolver: URLResolver | None = None, prefix: str = "") -> Iterator[str]:
    """The site's URL patterns as route strings, the admin's left out (it needs a login)."""
    for pattern in (resolver or get_resolver()).url_patterns:
        route = prefix + str(pattern.pattern).replace("^", "").replace("$", "")
        if route.startswith("admin/"):
            continue
        if isinstance(pattern, URLResolver):
            yield from public_patterns(pattern, route)
        elif isinstance(pattern, URLPattern):
            yield route


def api_parameters(path: str) -> list[str]:
    """The query parameters the API endpoint at path accepts."""
    return sorted(resolve(path).func.cls.known_query_parameters)


def fill(route: str, value: str) -> str:
    """The route with value in every placeholder; Wagtail's page path is left to the pages."""
    return "/" + PLACEHOLDER.sub(value, route)


class HostileValueTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_site_home()
        channel = ChannelPageFactory(parent=home, slug="news")
        article = ArticlePageFactory(parent=channel, title="志愿服务进社区")
        article.tags.add("志愿服务")
        article.save()
        TopicPageFactory(parent=channel, slug="topic")
        notices = ChannelPageFactory(parent=home, slug="gonggao")
        NoticePageFactory(parent=notices, slug="notice")
        city = build_city()
        BrandShowcasePageFactory(parent=city.section)
        cls.board = GoodPeopleBoardPage.objects.child_of(city.community_a).get()
        volunteer = VolunteerFactory(station=city.community_a.station)
        give_hours(volunteer, 10)
        issue_certificate(volunteer, city.station_a)
        image = wagtail_factories.ImageFactory()
        document = wagtail_factories.DocumentFactory()
        # One page of each type is enough: the code that reads a request is per type.
        pages = Page.objects.live().filter(depth__gt=1).order_by("-path").specific()
        cls.pages = list({type(page): page for page in pages}.values())
        cls.routes = [
            f"{cls.board.url}archive/{{}}/1/",
            f"{cls.board.url}archive/{timezone.localdate().year}/{{}}/",
            f"{channel.url}feed/{{}}/",
        ]
        cls.ids = {
            "article": article.pk,
            "community": city.community_a.pk,
            "image": image.pk,
            "document": document.pk,
        }

    def setUp(self):
        # Every answer is collected, so one run lists every 5xx, not just the first.
        self.client = Client(raise_request_exception=False)
        self.failures = []

    def check(self, method: str, url: str, body: str | None = None):
        """Requests url; a POST's body is form-encoded as given, escapes and all."""
        if method == "post":
            form = "application/x-www-form-urlencoded"
            response = self.client.post(url, body or "", content_type=form)
        else:
            response = self.client.get(url)
        if response.status_code >= 500:
            self.failures.append(f"{method.upper()} {url[:120]} {(body or '')[:60]}")

    def tearDown(self):
        self.assertEqual(self.failures, [], "\n".join(self.failures))

    def test_every_url_pattern_with_hostile_path_values(self):
        routes = list(public_patterns())
        self.assertIn("volunteers/<id:community_id>/", routes)
        for route in routes:
            for value in HOSTILE:
                self.check("get", fill(route, value))

    def test_every_documented_query_parameter_with_hostile_values(self):
        fields = r'<(?:input|select)[^>]*\bname="(\w+)"'
        search_form = set(re.findall(fields, self.client.get("/search/").text))
        self.assertTrue({"q", "type", "date_from", "community"} <= search_form)
        listing = {
            **PARAMETERS,
            "/search/": sorted(search_form | {"page"}),
            f"/volunteers/{self.ids['community']}/": ["p"],
            **{path: api_parameters(path) for path in API_LISTINGS},
        }
        for path, names in listing.items():
            for name in names:
                for value in HOSTILE:
                    self.check("get", f"{path}?{name}={value}")

    def test_api_details_and_typed_listings_with_hostile_values(self):
        for endpoint, pk in [
            ("pages", self.ids["article"]),
            ("images", self.ids["image"]),
            ("documents", self.ids["document"]),
        ]:
            for value in HOSTILE:
                self.check("get", f"/api/v2/{endpoint}/{pk}/?fields={value}")
                self.check("get", f"/api/v2/{endpoint}/{value}/")
        for name in ("fields", "order", "tag", "search", "channel"):
            for value in HOSTILE:
                self.check("get", f"/api/v2/pages/?type=news.ArticlePage&{name}={value}")

    def test_every_page_type_and_route_with_hostile_values(self):
        site_types = {m for m in get_page_models() if m._meta.app_label in SITE_APPS}
        self.assertEqual({type(page) for page in self.pages}, site_types)
        for value in HOSTILE:
            for page in self.pages:
                self.check("get", f"{page.url}{value}/")
                for name in PAGE_PARAMETERS.get(type(page), []):
                    self.check("get", f"{page.url}?{name}={value}")
            for route in self.routes:
                self.check("get", route.format(value))

    def test_residents_posts_with_hostile_values(self):
        fields = ("name", "deed", "category", "nominator", "contact", "photo")
        for value in HOSTILE:
            for action in ("view", "like"):
                self.check("post", f"/stats/{value}/{action}/")
                self.check("post", f"/stats/{self.ids['article']}/{action}/", f"{value}={value}")
            self.check("post", self.board.url, "&".join(f"{f}={value}" for f in fields))
            self.check("post", f"{self.board.url}archive/{value}/1/", f"name={value}")
            self.check("get", f"/volunteers/verify/?number={value}")
            self.check("get", f"/search/?q={value}&page={value}")
        names = Nomination.objects.values_list("name", "deed")
        self.assertFalse([n for n in names if "\x00" in "".join(n)])

    def test_a_nul_anywhere_is_refused_before_the_database_sees_it(self):
        # PostgreSQL refuses NUL in text: without this, each of these was a 500 there.
        for method, url, body in [
            ("get", "/volunteers/verify/?number=JJZY%00", None),
            ("get", "/api/v2/pages/?tag=%00", None),
            ("get", "/api/v2/pages/find/?html_path=%00", None),
            ("get", "/news/%00/", None),
            ("post", self.board.url, "name=%00&deed=x"),
        ]:
            with self.subTest(url=url):
                if method == "post":
                    form = "application/x-www-form-urlencoded"
                    response = self.client.post(url, body, content_type=form)
                else:
                    response = self.client.get(url)
                self.assertEqual(response.status_code, 400)
                self.assertIn("空字符", response.content.decode())
