import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from wagtail.models import Site

from core.pages import description

FEED_SIZE = 30


class ArticleFeed(Feed):
    """RSS of the newest of the given pages: the site's, or a channel's (then titled by it).

    The caller picks the pages (core.pages.channel_items: articles, topics, notices), so the
    feed needs no page model and pages can serve feeds.
    """

    language = "zh-cn"

    def __init__(self, articles: list, channel=None):
        super().__init__()
        self.articles = articles
        self.channel = channel

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def _site(self):
        return Site.find_for_request(self.request)

    def title(self):
        site_name = self._site().site_name if self._site() else "九江文明网"
        return f"{self.channel.title} - {site_name}" if self.channel else site_name

    def link(self):
        return self.channel.url if self.channel else "/"

    def description(self):
        return self.channel.intro if self.channel and self.channel.intro else self.title()

    def items(self):
        return self.articles[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return description(item)

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_pubdate(self, item):
        # The date it is listed under: an article's own date (日期), which legacy imports carry
        # over from the old site, a notice's, or when a topic was first published.
        if item.listed_on is None:  # a page never published through a revision
            return None
        return timezone.make_aware(datetime.datetime.combine(item.listed_on, datetime.time()))

    def item_author_name(self, item):
        return getattr(item, "author", "") or getattr(item, "source", "") or None
