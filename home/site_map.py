"""网站地图: every section of the site on one page, for readers (/sitemap.xml is for crawlers).

A fixed number of queries however many channels, districts and communities there are.
"""

from dataclasses import dataclass, field

from wagtail.models import Page

from goodpeople.models import BrandShowcasePage, CommunitySectionPage, DistrictPage
from news.models import ChannelPage, TopicPage


@dataclass
class Entry:
    """A page of the map and the pages listed under it."""

    page: Page
    children: list["Entry"] = field(default_factory=list)


def channel_tree(home: Page) -> list[Entry]:
    """The live, public channels and topics below home, each under its channel (one query)."""
    pages = (
        Page.objects.live()
        .public()
        .descendant_of(home)
        .type(ChannelPage, TopicPage)
        .only("title", "path", "depth", "url_path")
        .order_by("path")
    )
    top: list[Entry] = []
    parents: list[Entry] = []
    for page in pages:
        while parents and not page.path.startswith(parents[-1].page.path):
            parents.pop()
        entry = Entry(page)
        (parents[-1].children if parents else top).append(entry)
        parents.append(entry)
    return top


def community_section(home: Page) -> CommunitySectionPage | None:
    return CommunitySectionPage.objects.live().public().descendant_of(home).first()


def districts(section: CommunitySectionPage | None) -> list[DistrictPage]:
    """The section's districts, each with its published communities (two queries)."""
    return section.districts() if section is not None else []


def showcases(section: CommunitySectionPage | None) -> list[BrandShowcasePage]:
    if section is None:
        return []
    return list(BrandShowcasePage.objects.live().public().child_of(section))
